import Fluent
import Foundation
import LontarCore
import Vapor

/// In-app notifications: written in the database so any process can show them.
struct Notifications {
    let request: Request

    func send(
        to userID: UUID, _ key: String, _ arguments: [String], link: String, on db: (any Database)? = nil
    )
        async throws
    {
        let note = InAppNotification()
        note.$user.id = userID
        note.messageKey = key
        note.arguments = String(decoding: try JSONEncoder().encode(arguments), as: UTF8.self)
        note.link = link
        note.read = false
        note.createdAt = request.now
        try await note.save(on: db ?? request.db)
    }

    func account(ofEmployee employeeID: UUID) async throws -> UUID? {
        try await UserAccount.query(on: request.db).filter(\.$employee.$id == employeeID).first()?.id
    }

    /// Tells the participant where their request stands now.
    func enrolmentChanged(
        _ enrolment: Enrolment, employee: Employee? = nil, trainingClass: TrainingClass? = nil
    )
        async throws
    {
        let employeeID = enrolment.$employee.id
        guard let userID = try await account(ofEmployee: employeeID) else { return }
        let title = try await classTitle(enrolment.$trainingClass.id, known: trainingClass)
        let status = EnrolmentService.state(of: enrolment).status
        var arguments = [title]
        if status == .declined { arguments.append(enrolment.declineReason ?? "—") }
        try await send(to: userID, "notify.enrolment.\(status.rawValue)", arguments, link: Paths.myTraining)
    }

    /// Asks whoever must decide — the direct supervisor, else the OPD's operators.
    func approvalRequested(_ enrolment: Enrolment, employee: Employee, trainingClass: TrainingClass) async throws {
        let title = try await classTitle(enrolment.$trainingClass.id, known: trainingClass)
        var deciders: [UUID] = []
        if let supervisorID = employee.$supervisor.id,
            try await Employee.find(supervisorID, on: request.db)?.active == true,
            let account = try await account(ofEmployee: supervisorID)
        {
            deciders = [account]
        } else {
            deciders = try await UserAccount.query(on: request.db).filter(\.$operatorAgency.$id == employee.$agency.id)
                .all().compactMap(\.id)
        }
        for decider in deciders {
            try await send(to: decider, "notify.approval.requested", [employee.name, title], link: Paths.approvals)
        }
    }

    private func classTitle(_ classID: UUID, known: TrainingClass?) async throws -> String {
        let trainingClass: TrainingClass?
        if let known {
            trainingClass = known
        } else {
            trainingClass = try await TrainingClass.find(classID, on: request.db)
        }
        guard let trainingClass else { return "" }
        let programme = try await Programme.find(trainingClass.$programme.id, on: request.db)
        return [programme?.title, trainingClass.name].compactMap { $0 }.joined(separator: " — ")
    }
}
