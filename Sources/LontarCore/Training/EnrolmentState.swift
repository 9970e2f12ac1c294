import Foundation

/// The status people see on an enrolment request.
public enum EnrolmentStatus: String, Sendable, Codable, CaseIterable {
    /// Holds a seat and waits for the supervisor's approval.
    case pending
    /// Approved and holding a seat.
    case confirmed
    /// No seat yet; approval may still be pending or already given.
    case waitlisted
    case declined
    case cancelled
}

public enum Approval: String, Sendable, Codable, CaseIterable {
    case pending, approved, declined
}

public enum SeatState: String, Sendable, Codable, CaseIterable {
    case held, waitlisted, none
}

/// An enrolment request as two independent questions (is it approved? does it have a
/// seat?) plus cancellation. Keeping approval and seat apart is what lets a request
/// wait for approval while already holding a seat, so a full class is never
/// overbooked by approvals arriving late, and lets an approved request wait for a seat.
public struct EnrolmentState: Sendable, Equatable, Hashable, Codable {
    public var approval: Approval
    public var seat: SeatState
    public var cancelled: Bool

    public init(approval: Approval, seat: SeatState, cancelled: Bool = false) {
        self.approval = approval
        self.seat = seat
        self.cancelled = cancelled
    }

    /// Cancellation and decline end a request whatever else is recorded; a live
    /// request without a held seat counts as waiting for one.
    public var status: EnrolmentStatus {
        if cancelled { return .cancelled }
        if approval == .declined { return .declined }
        if seat != .held { return .waitlisted }
        return approval == .approved ? .confirmed : .pending
    }

    /// Declined and cancelled requests are finished: no event applies to them.
    public var isFinished: Bool { cancelled || approval == .declined }
}

public enum EnrolmentEvent: Sendable, Equatable, Hashable, CaseIterable {
    /// The supervisor (or BKPPD) approves.
    case approve
    /// The supervisor declines; the reason is stored by the caller.
    case decline
    /// The employee or an operator cancels.
    case cancel
    /// A seat is given to a request on the waiting list.
    case seatGranted
    /// A held seat is taken back without ending the request (an operator lowers the
    /// capacity or moves someone back): the request returns to the waiting list.
    case seatReleased
}

/// The enrolment rules as pure functions; the app persists states and, when a seat is
/// freed, promotes the first waiting request inside the same transaction.
public enum EnrolmentMachine {
    /// A new application. A seat is held at once when one is free, even before
    /// approval; `preApproved` is for nominations by an OPD operator or BKPPD, which
    /// need no supervisor's approval.
    public static func start(seatAvailable: Bool, preApproved: Bool) -> EnrolmentState {
        EnrolmentState(approval: preApproved ? .approved : .pending, seat: seatAvailable ? .held : .waitlisted)
    }

    /// The state after `event`, and whether the request gave up a seat it held (the
    /// caller then promotes the waiting list while seats are below capacity), or the
    /// message explaining why the event does not apply.
    public static func apply(
        _ event: EnrolmentEvent, to state: EnrolmentState
    ) -> Result<(state: EnrolmentState, freedSeat: Bool), LocalizableMessage> {
        if state.cancelled { return .failure(.training(.enrolmentCancelled)) }
        if state.approval == .declined { return .failure(.training(.enrolmentDeclined)) }
        let heldSeat = state.seat == .held
        var next = state
        switch event {
        case .approve, .decline:
            // Once approved a request can still be cancelled, but a decision is not
            // taken back by a second, contrary one.
            guard state.approval == .pending else { return .failure(.training(.enrolmentAlreadyApproved)) }
            if event == .approve {
                next.approval = .approved
            } else {
                next.approval = .declined
                next.seat = .none
            }
            return .success((next, event == .decline && heldSeat))
        case .cancel:
            next.cancelled = true
            next.seat = .none
            return .success((next, heldSeat))
        case .seatGranted:
            guard !heldSeat else { return .failure(.training(.enrolmentSeatAlreadyHeld)) }
            next.seat = .held
            return .success((next, false))
        case .seatReleased:
            guard heldSeat else { return .failure(.training(.enrolmentNoSeatHeld)) }
            next.seat = .waitlisted
            return .success((next, true))
        }
    }
}

/// When an employee may still withdraw by themselves.
public enum CancellationPolicy {
    /// Employees may cancel until `cutoffHours` before the first session starts (the
    /// seat can then still go to someone on the waiting list); after that they ask an
    /// operator, who may always cancel and so never consults this rule. A negative
    /// cut-off counts as none.
    public static func employeeMayCancel(now: Date, firstSessionStart: Date, cutoffHours: Int) -> Bool {
        let deadline = firstSessionStart.addingTimeInterval(-Double(max(0, cutoffHours)) * 3600)
        return now <= deadline
    }
}
