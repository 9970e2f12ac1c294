import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// Applications, nominations, approvals, cancellations and the waiting list.
///
/// Capacity holds under any concurrency, across processes: a seat is taken only by
/// `UPDATE … SET seats_held = seats_held + 1 WHERE seats_held < capacity RETURNING …`,
/// which PostgreSQL serialises on the class row and SQLite on its write lock.
struct EnrolmentService {
    let request: Request

    enum Actor {
        case applicant
        case nominator(UUID)
    }

    /// The signed-in employee applies, or an operator/BKPPD nominates `employee`.
    func enrol(_ employee: Employee, in trainingClass: TrainingClass, by actor: Actor) async throws -> Enrolment {
        let classID = try trainingClass.requireID()
        let employeeID = try employee.requireID()
        try checkOpen(trainingClass, actor: actor)
        // Those who teach the class do not take a seat in it.
        if case .applicant = actor, let principal = request.principal,
            try await TrainingAccess.isFacilitator(of: classID, principal, on: request.db)
        {
            throw AppError.conflict("facilitator_of_class", .init("enrolment.facilitatorOfClass"))
        }
        if try await Enrolment.query(on: request.db).filter(\.$trainingClass.$id == classID)
            .filter(\.$employee.$id == employeeID).first() != nil
        {
            throw AppError.conflict("already_enrolled", .init("enrolment.exists", [employee.name]))
        }
        let preApproved: Bool
        if case .nominator = actor { preApproved = true } else { preApproved = false }
        let now = request.now
        let enrolment = try await request.db.retryingTransaction { db in
            let seat = try await Self.takeSeat(classID: classID, on: db)
            let state = EnrolmentMachine.start(seatAvailable: seat, preApproved: preApproved)
            let enrolment = Enrolment()
            enrolment.$trainingClass.id = classID
            enrolment.$employee.id = employeeID
            Self.store(state, in: enrolment)
            enrolment.completed = false
            if case .nominator(let userID) = actor { enrolment.nominatedBy = userID }
            if state.seat == .waitlisted {
                enrolment.waitlistPosition = try await Self.nextWaitlistPosition(classID: classID, on: db)
            }
            enrolment.createdAt = now
            try await enrolment.save(on: db)
            return enrolment
        }
        try await Notifications(request: request).enrolmentChanged(
            enrolment, employee: employee, trainingClass: trainingClass)
        if enrolment.approval == Approval.pending.rawValue {
            try await Notifications(request: request).approvalRequested(
                enrolment, employee: employee, trainingClass: trainingClass)
        }
        return enrolment
    }

    /// Approve, decline (with a reason) or cancel; promotes the waiting list when a seat frees.
    func apply(_ event: EnrolmentEvent, to enrolment: Enrolment, reason: String? = nil) async throws -> Enrolment {
        let classID = enrolment.$trainingClass.id
        let enrolmentID = try enrolment.requireID()
        let principalID = request.principal?.userID
        let updated = try await request.db.retryingTransaction { db in
            guard let current = try await Enrolment.find(enrolmentID, on: db) else { throw AppError.notFound() }
            // A finished class's enrolments are its record: who took part is no longer changed
            // by approving or cancelling, nor by a freed seat going to the waiting list (a
            // request still pending may be declined).
            let finished = try await TrainingClass.find(classID, on: db)?.status == "finished"
            if finished, event == .approve || event == .cancel {
                throw AppError.conflict("class_closed", .init("enrolment.classClosed"))
            }
            let (state, freed): (EnrolmentState, Bool)
            switch EnrolmentMachine.apply(event, to: Self.state(of: current)) {
            case .success(let result): (state, freed) = (result.state, result.freedSeat)
            case .failure(let message): throw AppError.conflict("invalid_transition", message)
            }
            Self.store(state, in: current)
            if state.seat != .waitlisted { current.waitlistPosition = nil }
            if event == .decline { current.declineReason = reason }
            if event == .approve || event == .decline { current.decidedBy = principalID }
            try await current.save(on: db)
            var promoted: [Enrolment] = []
            if freed {
                try await Self.releaseSeat(classID: classID, on: db)
                if !finished { promoted = try await Self.promote(classID: classID, on: db) }
            }
            return (current, promoted)
        }
        let notifications = Notifications(request: request)
        try await notifications.enrolmentChanged(updated.0)
        for enrolment in updated.1 { try await notifications.enrolmentChanged(enrolment) }
        return updated.0
    }

    private func checkOpen(_ trainingClass: TrainingClass, actor: Actor) throws {
        let status = trainingClass.status
        guard !TrainingLabels.isOver(status) else {
            throw AppError.conflict("class_closed", .init("enrolment.classClosed"))
        }
        guard case .applicant = actor else { return }
        guard status == "open" else { throw AppError.conflict("class_not_open", .init("enrolment.notOpen")) }
        let now = request.now
        if let opens = trainingClass.registrationOpensAt, now < opens {
            throw AppError.conflict(
                "registration_not_open",
                .init("enrolment.registrationNotOpen", [CityTime.moment(opens, language: request.language)]))
        }
        if let closes = trainingClass.registrationClosesAt, now > closes {
            throw AppError.conflict(
                "registration_closed",
                .init("enrolment.registrationClosed", [CityTime.moment(closes, language: request.language)]))
        }
    }

    static func state(of enrolment: Enrolment) -> EnrolmentState {
        EnrolmentState(
            approval: Approval(rawValue: enrolment.approval) ?? .pending,
            seat: SeatState(rawValue: enrolment.seat) ?? .none, cancelled: enrolment.cancelled)
    }

    static func store(_ state: EnrolmentState, in enrolment: Enrolment) {
        enrolment.approval = state.approval.rawValue
        enrolment.seat = state.seat.rawValue
        enrolment.cancelled = state.cancelled
    }

    private struct Held: Decodable { let seats_held: Int }
    private struct Position: Decodable { let next_waitlist_position: Int }

    /// True when a seat was taken; false when the class is full.
    static func takeSeat(classID: UUID, on db: any Database) async throws -> Bool {
        let sql = try db.sql()
        let row = try await sql.raw(
            """
            UPDATE training_classes SET seats_held = seats_held + 1
            WHERE id = \(bind: classID) AND seats_held < capacity RETURNING seats_held
            """
        ).first(decoding: Held.self)
        return row != nil
    }

    static func releaseSeat(classID: UUID, on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.raw(
            "UPDATE training_classes SET seats_held = seats_held - 1 WHERE id = \(bind: classID) AND seats_held > 0"
        ).run()
    }

    static func nextWaitlistPosition(classID: UUID, on db: any Database) async throws -> Int {
        let sql = try db.sql()
        let row = try await sql.raw(
            """
            UPDATE training_classes SET next_waitlist_position = next_waitlist_position + 1
            WHERE id = \(bind: classID) RETURNING next_waitlist_position
            """
        ).first(decoding: Position.self)
        return row?.next_waitlist_position ?? 1
    }

    /// Gives freed seats to the waiting list, first come first served.
    static func promote(classID: UUID, on db: any Database) async throws -> [Enrolment] {
        var promoted: [Enrolment] = []
        while true {
            guard
                let next = try await Enrolment.query(on: db).filter(\.$trainingClass.$id == classID)
                    .filter(\.$seat == SeatState.waitlisted.rawValue).filter(\.$cancelled == false)
                    .sort(\.$waitlistPosition).first()
            else { return promoted }
            guard try await takeSeat(classID: classID, on: db) else { return promoted }
            guard case .success(let result) = EnrolmentMachine.apply(.seatGranted, to: state(of: next)) else {
                return promoted
            }
            store(result.state, in: next)
            next.waitlistPosition = nil
            try await next.save(on: db)
            promoted.append(next)
        }
    }

    /// The place in the waiting list as people understand it (1 = next in line).
    static func waitlistRank(of enrolment: Enrolment, on db: any Database) async throws -> Int? {
        guard enrolment.seat == SeatState.waitlisted.rawValue, let position = enrolment.waitlistPosition else {
            return nil
        }
        let ahead = try await Enrolment.query(on: db).filter(\.$trainingClass.$id == enrolment.$trainingClass.id)
            .filter(\.$seat == SeatState.waitlisted.rawValue).filter(\.$cancelled == false)
            .filter(\.$waitlistPosition < position).count()
        return ahead + 1
    }
}
