import Fluent
import Foundation
import LontarCore
import Vapor

/// Self check-in: a participant types the six-digit code shown in the room. The code is
/// per class, so the code alone says which of the participant's open sessions is meant.
struct CheckIn {
    /// People check in as they arrive; the same window `CheckInCode.verify` uses by default.
    static let graceBefore: TimeInterval = 15 * 60
    /// Two codes are valid at a time, so ten wrong tries in ten minutes give a guesser about
    /// 1 chance in 50,000 before check-in is locked for ten minutes; the counts live in the
    /// database (the sign-in throttle's table), so every process sees them.
    static let throttle = LoginThrottlePolicy(
        accountLockAfter: 10, addressLockAfter: 10, window: 600, lockDuration: 600, slowAfter: 1000, delayStep: 0,
        maxDelay: 0)

    struct Form: Content {
        var code: String?
        var session: String?
    }

    /// A session of a class in which the participant holds a confirmed seat.
    struct Seat {
        let session: ClassSession
        let trainingClass: TrainingClass
        let programme: Programme
        let enrolmentID: UUID

        func opens() -> Date { session.startsAt.addingTimeInterval(-CheckIn.graceBefore) }
        func isOpen(at now: Date) -> Bool { opens() <= now && now <= session.endsAt }
        func distance(from now: Date) -> TimeInterval {
            now < opens() ? opens().timeIntervalSince(now) : max(0, now.timeIntervalSince(session.endsAt))
        }
    }

    func form(req: Request) async throws -> Response {
        let employeeID = try Self.participant(req)
        return try await render(req, employeeID, code: "", chosen: nil, error: nil)
    }

    func submit(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let employeeID = try Self.participant(req)
        let form = try req.content.decode(Form.self)
        let code = String((form.code ?? "").prefix(20))
        let now = req.now
        let store = LoginThrottleStore(db: req.db, policy: Self.throttle, now: now)
        let key = "checkin:\(principal.userID.uuidString)"
        if let until = try await store.lockedUntil(key) {
            let message = req.t("attendance.checkIn.locked", AttendanceFormat.clock(until, req.language))
            return try await render(req, employeeID, code: code, chosen: nil, error: message, status: .tooManyRequests)
        }
        var candidates: [Seat]
        var chosen: UUID?
        if let raw = form.session, !raw.isEmpty {
            // A session the person holds no seat in is refused outright: not enrolled.
            guard let id = UUID(uuidString: raw),
                let seat = try await Self.seats(employeeID, session: id, on: req.db).first
            else { throw AppError.forbidden() }
            candidates = [seat]
            chosen = id
        } else {
            let near = try await Self.seats(employeeID, around: now, on: req.db)
            candidates = near.filter { $0.isOpen(at: now) }
            // Nothing open: verify against the nearest session anyway, for its "not yet" or
            // "already over" message, which tells the person more than "no session".
            if candidates.isEmpty, let nearest = near.min(by: { $0.distance(from: now) < $1.distance(from: now) }) {
                candidates = [nearest]
            }
        }
        guard !candidates.isEmpty else {
            return try await render(
                req, employeeID, code: code, chosen: nil, error: req.t("attendance.checkIn.noSession"),
                status: .unprocessableEntity)
        }
        var failure: LocalizableMessage?
        for seat in candidates {
            let secret = Array(Data(base64Encoded: seat.trainingClass.checkinSecret) ?? Data())
            switch CheckInCode.verify(
                code, secret: secret, at: now, sessionStart: seat.session.startsAt, sessionEnd: seat.session.endsAt,
                graceBefore: Self.graceBefore)
            {
            case .success:
                return try await record(req, seat, by: principal.userID, at: now)
            case .failure(let message):
                failure = failure ?? message
            }
        }
        let message = failure ?? LocalizableMessage("training.checkin.wrong_code")
        if ["training.checkin.wrong_code", "training.checkin.malformed"].contains(message.key) {
            if try await store.count(key) >= Self.throttle.accountLockAfter { try await store.lock(key) }
        }
        return try await render(
            req, employeeID, code: code, chosen: chosen, error: req.t(message), status: .unprocessableEntity)
    }

    private func record(_ req: Request, _ seat: Seat, by userID: UUID, at now: Date) async throws -> Response {
        let sessionID = try seat.session.requireID()
        let existing = try await AttendanceRecord.query(on: req.db).filter(\.$session.$id == sessionID)
            .filter(\.$enrolment.$id == seat.enrolmentID).first()
        let label = "\(seat.programme.title) — \(seat.trainingClass.name)"
        if existing?.mark == AttendanceMark.present.rawValue {
            Flash.set(req, req.t("attendance.checkIn.already", label))
        } else {
            try await req.db.transaction { db in
                try await AttendanceWriter.upsert(
                    [.init(enrolmentID: seat.enrolmentID, mark: .present)], session: sessionID, via: "self", by: userID,
                    at: now, on: db)
            }
            Flash.set(req, req.t("attendance.checkIn.done", label, AttendanceFormat.clock(now, req.language)))
        }
        return req.redirect(to: Paths.checkIn)
    }

    private func render(
        _ req: Request, _ employeeID: UUID, code: String, chosen: UUID?, error: String?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let now = req.now
        let language = req.language
        let near = try await Self.seats(employeeID, around: now, on: req.db)
        let open = near.filter { $0.isOpen(at: now) }
        let today = CivilDate.today(in: CityTime.zone, now: now)
        let todays = near.filter { CivilDate.today(in: CityTime.zone, now: $0.session.startsAt) == today }
        var present = Set<UUID>()
        if !todays.isEmpty {
            let records = try await AttendanceRecord.query(on: req.db)
                .filter(\.$session.$id ~~ todays.compactMap(\.session.id))
                .filter(\.$enrolment.$id ~~ Array(Set(todays.map(\.enrolmentID))))
                .filter(\.$mark == AttendanceMark.present.rawValue).all()
            present = Set(records.map { $0.$session.id })
        }
        func label(_ seat: Seat) -> String {
            let time =
                "\(AttendanceFormat.clock(seat.session.startsAt, language))–"
                + "\(AttendanceFormat.clock(seat.session.endsAt, language)) WITA"
            let topic = seat.session.topic.isEmpty ? "" : " · \(seat.session.topic)"
            return "\(seat.programme.title) — \(seat.trainingClass.name)\(topic) · \(time)"
        }
        let options =
            open.count > 1
            ? open.compactMap { seat -> CheckInPage.Option? in
                guard let id = seat.session.id else { return nil }
                return .init(id: "s-\(id.uuidString)", value: id.uuidString, label: label(seat), checked: chosen == id)
            } : []
        let page = CheckInPage(
            layout: try await Layout.make(req, title: req.t("attendance.checkIn.title")), action: Paths.checkIn,
            options: options,
            today: todays.map { seat in
                label(seat)
                    + (present.contains(seat.session.id ?? UUID()) ? " · " + req.t("attendance.mark.present") : "")
            }, code: code, error: error)
        return try await req.renderPage("training/attendance/check-in", page, status: status)
    }

    /// Only people with an employee record hold seats; anyone else is refused.
    static func participant(_ req: Request) throws -> UUID {
        let principal = try req.requirePrincipal()
        guard let employeeID = principal.employeeID else { throw AppError.forbidden() }
        return employeeID
    }

    static func seats(_ employeeID: UUID, around now: Date, on db: any Database) async throws -> [Seat] {
        try await seats(employeeID, on: db) { query in
            query.filter(\.$endsAt >= now.addingTimeInterval(-86_400))
                .filter(\.$startsAt <= now.addingTimeInterval(86_400))
        }
    }

    static func seats(_ employeeID: UUID, session: UUID, on db: any Database) async throws -> [Seat] {
        try await seats(employeeID, on: db) { $0.filter(\.$id == session) }
    }

    /// The participant's sessions in classes where they hold a confirmed seat, in one query.
    private static func seats(
        _ employeeID: UUID, on db: any Database, narrow: (QueryBuilder<ClassSession>) -> QueryBuilder<ClassSession>
    ) async throws -> [Seat] {
        let query = ClassSession.query(on: db)
            .join(TrainingClass.self, on: \ClassSession.$trainingClass.$id == \TrainingClass.$id)
            .join(Programme.self, on: \TrainingClass.$programme.$id == \Programme.$id)
            .join(Enrolment.self, on: \ClassSession.$trainingClass.$id == \Enrolment.$trainingClass.$id)
            .filter(Enrolment.self, \.$employee.$id == employeeID)
            .filter(Enrolment.self, \.$approval == Approval.approved.rawValue)
            .filter(Enrolment.self, \.$seat == SeatState.held.rawValue)
            .filter(Enrolment.self, \.$cancelled == false)
            .filter(TrainingClass.self, \.$status != "cancelled")
        return try await narrow(query).sort(\.$startsAt).all().map { session in
            let enrolment = try session.joined(Enrolment.self)
            return Seat(
                session: session, trainingClass: try session.joined(TrainingClass.self),
                programme: try session.joined(Programme.self), enrolmentID: try enrolment.requireID())
        }
    }
}
