import Fluent
import Foundation
import LontarCore
import Vapor

/// One enrolment's plan and where the viewer stands with it.
struct LoadedActionPlan {
    /// Whether the participant may write now, and if not, why.
    enum WriteState: Equatable {
        case open
        /// The class has not begun: nothing to plan from yet. Carries the first day.
        case notYet(CivilDate)
        /// The L3 follow-up has asked about it (on that day): the plan is what is judged now.
        case frozen(String)
        /// The request was declined or cancelled.
        case notEnrolled
    }

    let enrolment: Enrolment
    let employee: Employee
    let trainingClass: TrainingClass
    let programme: Programme
    let record: ActionPlanRecord?
    let isOwner: Bool
    let state: WriteState
    let classStart: CivilDate
    let classEnd: CivilDate

    var mayWrite: Bool { isOwner && state == .open }
}

/// Who may see or write an action plan. The participant writes their own; their direct
/// supervisor (who answers the L3 survey about it) and the class's managers and
/// facilitators (who review plans at the end of the class) read it. Nobody else.
enum ActionPlanAccess {
    static let parameter = "enrolmentID"

    /// The plan, if the caller may write it now: 403 for anyone but the participant, 409 with
    /// the reason while the class has not begun, once the plan is frozen, or without a seat.
    static func loadWritable(_ req: Request) async throws -> LoadedActionPlan {
        let loaded = try await load(req)
        guard loaded.isOwner else { throw AppError.forbidden() }
        guard loaded.mayWrite else {
            throw AppError.conflict(
                "plan_closed",
                ActionPlanController.stateMessage(loaded.state, req.language)
                    ?? LocalizableMessage("plan.state.notEnrolled"))
        }
        return loaded
    }

    static func load(_ req: Request) async throws -> LoadedActionPlan {
        let principal = try req.requirePrincipal()
        guard let enrolment = try await Enrolment.find(try CatalogueRouting.id(req, parameter: parameter), on: req.db),
            let employee = try await Employee.find(enrolment.$employee.id, on: req.db),
            let trainingClass = try await TrainingClass.find(enrolment.$trainingClass.id, on: req.db),
            let programme = try await Programme.find(trainingClass.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        let isOwner = principal.employeeID == enrolment.$employee.id
        let isSupervisor = principal.employeeID != nil && employee.$supervisor.id == principal.employeeID
        if !isOwner, !isSupervisor {
            guard try await TrainingAccess.canRunClass(trainingClass, programme: programme, principal, on: req.db)
            else { throw AppError.forbidden() }
        }
        let enrolmentID = try enrolment.requireID()
        let record = try await ActionPlanRecord.query(on: req.db).filter(\.$enrolment.$id == enrolmentID).first()
        let (start, end) = try await days(of: trainingClass, enrolment: enrolment, req)
        let state = try await writeState(enrolment, firstDay: start, req)
        return LoadedActionPlan(
            enrolment: enrolment, employee: employee, trainingClass: trainingClass, programme: programme,
            record: record, isOwner: isOwner, state: state, classStart: start, classEnd: end)
    }

    /// The class's first and last day (WITA). A self-paced course has no sessions: its
    /// "class" is the day it was completed, or today while it is under way.
    static func days(
        of trainingClass: TrainingClass, enrolment: Enrolment, _ req: Request
    ) async throws -> (CivilDate, CivilDate) {
        let sessions = try await ClassSession.query(on: req.db).filter(
            \.$trainingClass.$id == trainingClass.requireID()
        )
        .sort(\.$startsAt).all()
        if let first = sessions.first, let last = sessions.max(by: { $0.endsAt < $1.endsAt }) {
            return (
                CivilDate.today(in: CityTime.zone, now: first.startsAt),
                CivilDate.today(in: CityTime.zone, now: last.endsAt)
            )
        }
        let day = enrolment.completedAt.map { CivilDate.today(in: CityTime.zone, now: $0) } ?? CityTime.today(req.clock)
        return (day, day)
    }

    static func writeState(
        _ enrolment: Enrolment, firstDay: CivilDate, _ req: Request
    ) async throws -> LoadedActionPlan.WriteState {
        let state = EnrolmentService.state(of: enrolment).status
        guard state == .confirmed || enrolment.completed else { return .notEnrolled }
        // Asked about on either side (the alumnus, or only the supervisor when the alumni survey
        // is closed): from then on the plan is what is judged.
        let asked = try await SurveyInvitation.query(on: req.db).filter(\.$enrolmentID == enrolment.requireID())
            .join(Survey.self, on: \SurveyInvitation.$survey.$id == \Survey.$id)
            .filter(Survey.self, \.$level ~~ SurveyLevel.behaviourLevels).sort(\.$sentOn).first()
        if let asked { return .frozen(asked.sentOn) }
        if !enrolment.completed, CityTime.today(req.clock) < firstDay { return .notYet(firstDay) }
        return .open
    }
}

/// The way to an enrolment's plan from "my training" and the class page: to read one written,
/// or to write one from the class's first day until the L3 follow-up asks about it.
struct ActionPlanLink {
    let href: String
    let label: String

    init?(
        enrolmentID: UUID, written: Bool, confirmed: Bool, begun: Bool, followedUp: Bool, _ req: Request
    ) {
        guard written || (confirmed && begun && !followedUp) else { return nil }
        href = Paths.actionPlan(enrolmentID)
        label = req.t(written ? "plan.link.view" : "plan.link.write")
    }
}
