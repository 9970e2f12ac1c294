import Fluent
import Foundation
import LontarCore
import Vapor

/// Storing a plan: one row per enrolment, replaced whole on every edit.
enum ActionPlanStore {
    /// Writes the plan; true when it is the enrolment's first. Two first saves at once meet the
    /// unique enrolment index: the loser finds the winner's row and updates it instead.
    static func write(_ plan: ActionPlan, for loaded: LoadedActionPlan, request: Request) async throws -> Bool {
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        let enrolmentID = try loaded.enrolment.requireID()
        if let existing = try await ActionPlanRecord.query(on: request.db).filter(\.$enrolment.$id == enrolmentID)
            .first()
        {
            try await update(existing, json, request)
            return false
        }
        let record = ActionPlanRecord()
        record.$enrolment.id = enrolmentID
        record.$employee.id = loaded.enrolment.$employee.id
        record.$trainingClass.id = loaded.enrolment.$trainingClass.id
        record.plan = json
        record.writtenOn = CityTime.today(request.clock).iso
        record.updatedAt = request.now
        do {
            try await record.create(on: request.db)
            return true
        } catch {
            guard
                let winner = try await ActionPlanRecord.query(on: request.db).filter(\.$enrolment.$id == enrolmentID)
                    .first()
            else { throw error }
            try await update(winner, json, request)
            return false
        }
    }

    private static func update(_ record: ActionPlanRecord, _ json: String, _ request: Request) async throws {
        record.plan = json
        record.updatedAt = request.now
        try await record.update(on: request.db)
    }
}

/// Telling people about plans in the app: the participant, when their class completes, that
/// a plan is still to write; the supervisor, when one is first written.
enum ActionPlanNotices {
    static func written(_ loaded: LoadedActionPlan, request: Request) async {
        do {
            let notifications = Notifications(request: request)
            guard let supervisorID = loaded.employee.$supervisor.id,
                let account = try await notifications.account(ofEmployee: supervisorID)
            else { return }
            try await notifications.send(
                to: account, "plan.notify.written", [loaded.employee.name, loaded.programme.title],
                link: Paths.actionPlan(try loaded.enrolment.requireID()))
        } catch {
            request.logger.error("Action plan notice to the supervisor failed: \(String(describing: error))")
        }
    }

    /// Called once an enrolment completes; like the L1 invitation, it never fails completion.
    static func afterCompletion(enrolmentID: UUID, employeeID: UUID, programme: Programme, request: Request) async {
        do {
            let written =
                try await ActionPlanRecord.query(on: request.db).filter(\.$enrolment.$id == enrolmentID)
                .first() != nil
            let notifications = Notifications(request: request)
            guard !written, let account = try await notifications.account(ofEmployee: employeeID) else { return }
            try await notifications.send(
                to: account, "plan.notify.write", [programme.title], link: Paths.actionPlan(enrolmentID))
        } catch {
            request.logger.error("Action plan reminder after completion failed: \(String(describing: error))")
        }
    }
}
