import Fluent
import Foundation
import LontarCore
import Vapor

/// Who may do what in the training pillar; every controller asks here.
enum TrainingAccess {
    /// BKPPD manages every programme; an OPD's operator those organised by their OPD.
    static func canManage(_ programme: Programme, _ principal: Principal) -> Bool {
        if principal.isAdmin { return true }
        guard principal.isOperator, let agency = programme.$organiserAgency.id else { return false }
        return agency == principal.operatorAgencyID
    }

    static func isFacilitator(of classID: UUID, _ principal: Principal, on db: any Database) async throws -> Bool {
        try await ClassFacilitator.query(on: db).filter(\.$trainingClass.$id == classID)
            .filter(\.$user.$id == principal.userID).first() != nil
    }

    /// Managers of the programme and the class's facilitators take attendance and confirm completion.
    static func canRunClass(
        _ trainingClass: TrainingClass, programme: Programme, _ principal: Principal, on db: any Database
    )
        async throws -> Bool
    {
        if canManage(programme, principal) { return true }
        return try await isFacilitator(of: trainingClass.requireID(), principal, on: db)
    }

    /// The direct supervisor decides; someone without an active supervisor (none recorded, or
    /// the supervisor has left) is decided on by their OPD's operator or BKPPD, so no request
    /// is stranded.
    static func canDecide(
        _ enrolment: Enrolment, employee: Employee, _ principal: Principal, supervisorActive: Bool = true
    ) -> Bool {
        if let supervisor = employee.$supervisor.id, supervisorActive { return principal.employeeID == supervisor }
        return principal.canManage(agencyID: employee.$agency.id)
    }

    static func canDecide(
        _ enrolment: Enrolment, employee: Employee, _ principal: Principal, on db: any Database
    )
        async throws -> Bool
    {
        let active = try await employee.$supervisor.id.asyncFlatMap { try await Employee.find($0, on: db) }?.active
        return canDecide(enrolment, employee: employee, principal, supervisorActive: active ?? false)
    }

    /// Participants cancel their own request before the cut-off; operators of their OPD,
    /// BKPPD and the programme's managers at any time.
    static func canCancel(
        _ enrolment: Enrolment, employee: Employee, programme: Programme, firstSessionStart: Date?, cutoffHours: Int,
        _ principal: Principal, now: Date
    ) -> Bool {
        if principal.canManage(agencyID: employee.$agency.id) || canManage(programme, principal) { return true }
        guard principal.employeeID == enrolment.$employee.id else { return false }
        guard let start = firstSessionStart else { return true }
        return CancellationPolicy.employeeMayCancel(now: now, firstSessionStart: start, cutoffHours: cutoffHours)
    }
}
