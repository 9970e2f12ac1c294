import Foundation
import Testing
@testable import LontarCore

@Suite("Enrolment state machine")
struct EnrolmentMachineTests {
    // Every state the machine can reach, named as people see them.
    static let pendingHeld = EnrolmentState(approval: .pending, seat: .held)
    static let pendingWaiting = EnrolmentState(approval: .pending, seat: .waitlisted)
    static let approvedHeld = EnrolmentState(approval: .approved, seat: .held)
    static let approvedWaiting = EnrolmentState(approval: .approved, seat: .waitlisted)
    static let declined = EnrolmentState(approval: .declined, seat: .none)
    static let cancelledPending = EnrolmentState(approval: .pending, seat: .none, cancelled: true)
    static let cancelledApproved = EnrolmentState(approval: .approved, seat: .none, cancelled: true)

    enum Outcome: Sendable {
        case moves(to: EnrolmentState, freedSeat: Bool)
        case refused(String)
    }

    struct Transition: Sendable, CustomTestStringConvertible {
        let from: EnrolmentState
        let event: EnrolmentEvent
        let outcome: Outcome
        var testDescription: String { "\(from.approval)/\(from.seat)\(from.cancelled ? "/cancelled" : "") + \(event)" }
    }

    static let transitions: [Transition] = {
        let alreadyApproved = "training.enrolment.already_approved"
        var table: [Transition] = [
            .init(from: pendingHeld, event: .approve, outcome: .moves(to: approvedHeld, freedSeat: false)),
            .init(from: pendingHeld, event: .decline, outcome: .moves(to: declined, freedSeat: true)),
            .init(from: pendingHeld, event: .cancel, outcome: .moves(to: cancelledPending, freedSeat: true)),
            .init(from: pendingHeld, event: .seatGranted, outcome: .refused("training.enrolment.seat_already_held")),
            .init(from: pendingHeld, event: .seatReleased, outcome: .moves(to: pendingWaiting, freedSeat: true)),
            .init(from: pendingWaiting, event: .approve, outcome: .moves(to: approvedWaiting, freedSeat: false)),
            .init(from: pendingWaiting, event: .decline, outcome: .moves(to: declined, freedSeat: false)),
            .init(from: pendingWaiting, event: .cancel, outcome: .moves(to: cancelledPending, freedSeat: false)),
            .init(from: pendingWaiting, event: .seatGranted, outcome: .moves(to: pendingHeld, freedSeat: false)),
            .init(from: pendingWaiting, event: .seatReleased, outcome: .refused("training.enrolment.no_seat_held")),
            .init(from: approvedHeld, event: .approve, outcome: .refused(alreadyApproved)),
            .init(from: approvedHeld, event: .decline, outcome: .refused(alreadyApproved)),
            .init(from: approvedHeld, event: .cancel, outcome: .moves(to: cancelledApproved, freedSeat: true)),
            .init(from: approvedHeld, event: .seatGranted, outcome: .refused("training.enrolment.seat_already_held")),
            .init(from: approvedHeld, event: .seatReleased, outcome: .moves(to: approvedWaiting, freedSeat: true)),
            .init(from: approvedWaiting, event: .approve, outcome: .refused(alreadyApproved)),
            .init(from: approvedWaiting, event: .decline, outcome: .refused(alreadyApproved)),
            .init(from: approvedWaiting, event: .cancel, outcome: .moves(to: cancelledApproved, freedSeat: false)),
            .init(from: approvedWaiting, event: .seatGranted, outcome: .moves(to: approvedHeld, freedSeat: false)),
            .init(from: approvedWaiting, event: .seatReleased, outcome: .refused("training.enrolment.no_seat_held")),
        ]
        // Declined and cancelled requests are finished: every event is refused.
        for event in EnrolmentEvent.allCases {
            table.append(.init(from: declined, event: event, outcome: .refused("training.enrolment.declined")))
            for cancelled in [cancelledPending, cancelledApproved] {
                table.append(.init(from: cancelled, event: event, outcome: .refused("training.enrolment.cancelled")))
            }
        }
        return table
    }()

    @Test("every event from every reachable state", arguments: transitions)
    func transition(_ transition: Transition) {
        let result = EnrolmentMachine.apply(transition.event, to: transition.from)
        switch (transition.outcome, result) {
        case (.moves(let expected, let freed), .success(let actual)):
            #expect(actual.state == expected)
            #expect(actual.freedSeat == freed)
        case (.refused(let key), .failure(let message)):
            #expect(message == LocalizableMessage(key))
        default:
            Issue.record("expected \(transition.outcome), got \(result)")
        }
    }

    @Test("the table covers every event from every reachable state exactly once")
    func tableComplete() {
        let pairs = Self.transitions.map { "\($0.from)|\($0.event)" }
        #expect(Set(pairs).count == pairs.count)
        #expect(pairs.count == Self.reachableStates().count * EnrolmentEvent.allCases.count)
    }

    @Test(
        "a new application holds a seat when one is free; nominations skip approval",
        arguments: [
            (true, false, pendingHeld, EnrolmentStatus.pending), (false, false, pendingWaiting, .waitlisted),
            (true, true, approvedHeld, .confirmed), (false, true, approvedWaiting, .waitlisted),
        ])
    func start(seatAvailable: Bool, preApproved: Bool, state: EnrolmentState, status: EnrolmentStatus) {
        let started = EnrolmentMachine.start(seatAvailable: seatAvailable, preApproved: preApproved)
        #expect(started == state)
        #expect(started.status == status)
    }

    @Test("the status shown to people")
    func statuses() {
        #expect(Self.pendingHeld.status == .pending)
        #expect(Self.approvedHeld.status == .confirmed)
        #expect(Self.pendingWaiting.status == .waitlisted && Self.approvedWaiting.status == .waitlisted)
        #expect(Self.declined.status == .declined)
        #expect(Self.cancelledPending.status == .cancelled && Self.cancelledApproved.status == .cancelled)
        // States the machine never makes still get a sensible status.
        #expect(EnrolmentState(approval: .approved, seat: .none).status == .waitlisted)
        #expect(EnrolmentState(approval: .declined, seat: .held, cancelled: true).status == .cancelled)
    }

    /// Every state reachable from any start by any sequence of events.
    static func reachableStates() -> Set<EnrolmentState> {
        var seen: Set<EnrolmentState> = []
        var queue = [true, false].flatMap { seat in
            [true, false].map { EnrolmentMachine.start(seatAvailable: seat, preApproved: $0) }
        }
        while let state = queue.popLast() {
            guard seen.insert(state).inserted else { continue }
            for event in EnrolmentEvent.allCases {
                if case .success(let next) = EnrolmentMachine.apply(event, to: state) { queue.append(next.state) }
            }
        }
        return seen
    }

    @Test("a declined or cancelled request never holds a seat, and a seat is freed exactly when one is given up")
    func invariants() {
        let states = Self.reachableStates()
        #expect(states.count == 7)
        #expect(Set(states.map(\.status)) == Set(EnrolmentStatus.allCases))
        for state in states {
            if state.isFinished { #expect(state.seat == .none, "\(state)") }
            for event in EnrolmentEvent.allCases {
                guard case .success(let next) = EnrolmentMachine.apply(event, to: state) else { continue }
                #expect(next.freedSeat == (state.seat == .held && next.state.seat != .held), "\(state) + \(event)")
                if next.state.isFinished { #expect(next.state.seat == .none) }
            }
        }
    }

    @Test("states survive JSON")
    func codable() throws {
        for state in Self.reachableStates() {
            #expect(try JSONDecoder().decode(EnrolmentState.self, from: JSONEncoder().encode(state)) == state)
        }
    }

    static let firstSession = Date(timeIntervalSince1970: 1_741_741_200)  // 2025-03-12 09:00 WITA

    @Test(
        "employees may cancel until the cut-off before the first session",
        arguments: [
            (-25.0, 24, true), (-24, 24, true), (-23.99, 24, false), (1, 24, false),
            (0, 0, true), (0.01, 0, false), (0, -5, true), (-1, 1, true), (-0.5, 1, false),
        ])
    func cancellationCutoff(hoursFromStart: Double, cutoffHours: Int, allowed: Bool) {
        let now = Self.firstSession.addingTimeInterval(hoursFromStart * 3600)
        #expect(
            CancellationPolicy.employeeMayCancel(
                now: now, firstSessionStart: Self.firstSession, cutoffHours: cutoffHours)
                == allowed)
    }
}
