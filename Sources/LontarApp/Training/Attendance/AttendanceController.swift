import Fluent
import Foundation
import LontarCore
import Vapor

/// Attendance per session: the facilitator's roll, the rotating check-in code on the
/// projector, and the participants' self check-in (see `CheckIn`).
struct AttendanceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let roll = TrainingRoutePattern.two(Paths.sessionAttendance, "classID", "sessionID")
        routes.get(roll, use: show)
        routes.post(roll, use: save)
        routes.get(TrainingRoutePattern.two(Paths.sessionCode, "classID", "sessionID"), use: code)
        let checkIn = CheckIn()
        routes.get(TrainingRoutePattern.components(Paths.checkIn, []), use: checkIn.form)
        routes.post(TrainingRoutePattern.components(Paths.checkIn, []), use: checkIn.submit)
    }

    struct RollForm: Content {
        var mark: [String: String]?
        var allPresent: String?
    }

    func show(req: Request) async throws -> Response {
        let run = try await RunnableClass.load(req)
        let session = try await run.session(req)
        let participants = try await run.participants(on: req.db)
        let stored = try await storedMarks(session, on: req.db)
        return try await render(req, run, session, participants, stored: stored, chosen: [:], errors: [])
    }

    /// Saves the whole roll at once. Every mark is checked before anything is written, so a
    /// tampered form (an unknown participant or mark) changes nothing.
    func save(req: Request) async throws -> Response {
        let run = try await RunnableClass.load(req)
        let session = try await run.session(req)
        let sessionID = try session.requireID()
        let participants = try await run.participants(on: req.db)
        let stored = try await storedMarks(session, on: req.db)
        let form = try req.content.decode(RollForm.self)
        let known = Set(participants.compactMap(\.id))
        var chosen: [UUID: AttendanceMark] = [:]
        var errors: [String] = []
        for (key, value) in form.mark ?? [:] {
            guard let id = UUID(uuidString: key), known.contains(id) else {
                errors.append(req.t("attendance.error.unknownParticipant"))
                continue
            }
            guard let mark = AttendanceMark(rawValue: value) else {
                errors.append(req.t("attendance.error.unknownMark", value))
                continue
            }
            chosen[id] = mark
        }
        let now = req.now
        let early =
            (form.allPresent != nil && AttendanceTiming.tooEarly(.present, session, now: now))
            || chosen.contains {
                stored[$0.key]?.mark != $0.value.rawValue && AttendanceTiming.tooEarly($0.value, session, now: now)
            }
        if early { errors.append(req.t(AttendanceTiming.refusal(session, req.language))) }
        if !errors.isEmpty {
            let submitted = chosen.mapValues(\.rawValue)
            return try await render(
                req, run, session, participants, stored: stored, chosen: submitted, errors: Array(Set(errors)).sorted(),
                status: .unprocessableEntity)
        }
        // "Mark all present" fills only the people nobody has marked yet: choices made in the
        // form and marks already stored (a self check-in) stay as they are.
        if form.allPresent != nil {
            for id in known where chosen[id] == nil && stored[id] == nil { chosen[id] = .present }
        }
        let changes = chosen.filter { stored[$0.key]?.mark != $0.value.rawValue }
            .map { AttendanceWriter.Mark(enrolmentID: $0.key, mark: $0.value) }
        let userID = run.principal.userID
        try await req.db.transaction { db in
            try await AttendanceWriter.upsert(
                changes, session: sessionID, via: "facilitator", by: userID, at: now, on: db)
        }
        var final = stored.mapValues(\.mark)
        for (id, mark) in chosen { final[id] = mark.rawValue }
        Flash.set(req, req.t("attendance.saved", summary(req, final, total: participants.count)))
        return req.redirect(to: Paths.sessionAttendance(run.classID, sessionID))
    }

    /// The projector page. The code exists only from 15 minutes before the session until its
    /// end, the window `CheckInCode.verify` accepts.
    func code(req: Request) async throws -> Response {
        let run = try await RunnableClass.load(req)
        let session = try await run.session(req)
        let sessionID = try session.requireID()
        let language = req.language
        let now = req.now
        let opens = session.startsAt.addingTimeInterval(-CheckIn.graceBefore)
        var code: String?
        var changesAt: String?
        var refreshIn: Int?
        var closed: String?
        if now < opens {
            closed = req.t(
                "attendance.code.notYet", AttendanceFormat.clock(opens, language),
                AttendanceFormat.day(opens, language))
            let wait = opens.timeIntervalSince(now)
            if wait < 3600 { refreshIn = Int(wait.rounded(.up)) + 1 }
        } else if now > session.endsAt {
            closed = req.t("attendance.code.ended")
        } else {
            guard let secret = Data(base64Encoded: run.trainingClass.checkinSecret), !secret.isEmpty else {
                throw Abort(.internalServerError, reason: "class has no check-in secret")
            }
            let digits = CheckInCode.code(secret: Array(secret), at: now)
            code = String(digits.prefix(3)) + " " + String(digits.suffix(3))
            let next = Date(
                timeIntervalSince1970: ((now.timeIntervalSince1970 / CheckInCode.step).rounded(.down) + 1)
                    * CheckInCode.step)
            changesAt = AttendanceFormat.clockSeconds(next, language)
            refreshIn = max(1, Int(next.timeIntervalSince(now).rounded(.up)))
        }
        let present = try await AttendanceRecord.query(on: req.db).filter(\.$session.$id == sessionID)
            .filter(\.$mark == AttendanceMark.present.rawValue).count()
        let total = try await Enrolment.query(on: req.db).filter(\.$trainingClass.$id == run.classID)
            .filter(\.$approval == Approval.approved.rawValue).filter(\.$seat == SeatState.held.rawValue)
            .filter(\.$cancelled == false).count()
        let page = CheckInCodePage(
            layout: try await Layout.make(req, title: req.t("attendance.code.title")), classTitle: run.title,
            sessionLabel: AttendanceFormat.session(session.startsAt, session.endsAt, language), code: code,
            changesAt: changesAt, refreshIn: refreshIn, closedMessage: closed,
            checkedIn: req.t("attendance.code.count", String(present), String(total)),
            checkInAddress: PublicAddress.absolute(req, Paths.checkIn),
            attendanceHref: Paths.sessionAttendance(run.classID, sessionID))
        return try await req.renderPage("training/attendance/code", page)
    }

    private func storedMarks(_ session: ClassSession, on db: any Database) async throws -> [UUID: AttendanceRecord] {
        let records = try await AttendanceRecord.query(on: db).filter(\.$session.$id == session.requireID()).all()
        return Dictionary(records.map { ($0.$enrolment.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func summary(_ req: Request, _ marks: [UUID: String], total: Int) -> String {
        let counts = Dictionary(grouping: marks.values, by: { $0 }).mapValues(\.count)
        let present = counts[AttendanceMark.present.rawValue] ?? 0
        let absent = counts[AttendanceMark.absent.rawValue] ?? 0
        let excused = counts[AttendanceMark.excused.rawValue] ?? 0
        let open = max(0, total - present - absent - excused)
        return req.t("attendance.summary", String(present), String(absent), String(excused), String(open))
    }

    private func render(
        _ req: Request, _ run: RunnableClass, _ session: ClassSession, _ participants: [Enrolment],
        stored: [UUID: AttendanceRecord], chosen: [UUID: String], errors: [String], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let language = req.language
        let sessionID = try session.requireID()
        let agencies = try await RunnableClass.agencyCodes(of: participants, on: req.db)
        let labels = AttendanceMark.allCases.map { ($0.rawValue, req.t("attendance.mark.\($0.rawValue)")) }
        var shown: [UUID: String] = [:]
        let rows = participants.compactMap { enrolment -> AttendancePage.Row? in
            guard let id = enrolment.id else { return nil }
            let current = chosen[id] ?? stored[id]?.mark
            shown[id] = current
            var note: String?
            if let record = stored[id], record.via == "self" {
                note = req.t("attendance.selfCheckedIn", AttendanceFormat.clock(record.markedAt, language))
            }
            return AttendancePage.Row(
                id: id.uuidString, name: enrolment.employee.name, agency: agencies[enrolment.employee.$agency.id] ?? "",
                choices: labels.map { value, label in
                    .init(id: "m-\(id.uuidString)-\(value)", value: value, label: label, checked: current == value)
                }, note: note)
        }
        let sessions = try await run.sessions(on: req.db).enumerated().map { index, item in
            AttendancePage.SessionLink(
                href: Paths.sessionAttendance(run.classID, try item.requireID()),
                label: req.t(
                    "attendance.sessionNumber", String(index + 1), AttendanceFormat.day(item.startsAt, language)),
                current: item.id == sessionID)
        }
        let page = AttendancePage(
            layout: try await Layout.make(req, title: req.t("attendance.title")), classTitle: run.title,
            sessionLabel: AttendanceFormat.session(session.startsAt, session.endsAt, language),
            topic: session.topic.isEmpty ? nil : session.topic,
            action: Paths.sessionAttendance(run.classID, sessionID),
            codeHref: Paths.sessionCode(run.classID, sessionID),
            completionHref: Paths.classCompletion(run.classID), sessions: sessions, rows: rows,
            summary: summary(req, shown, total: participants.count), errors: errors)
        return try await req.renderPage("training/attendance/session", page, status: status)
    }
}
