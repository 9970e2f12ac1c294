import Fluent
import Foundation
import LontarCore
import Vapor

/// The completion page of a class: scores, the rule's verdict per participant, and the
/// confirmation that credits JP and issues certificates (exactly once, however often or
/// concurrently it is pressed: `CompletionService` claims each enrolment atomically).
struct CompletionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let path = TrainingRoutePattern.one(Paths.classCompletion, "classID")
        routes.get(path, use: show)
        routes.post(path, use: save)
    }

    struct Form: Content {
        var score: [String: String]?
        var pick: [String: String]?
        /// scores, selected or all.
        var action: String?
    }

    func show(req: Request) async throws -> Response {
        let run = try await RunnableClass.load(req)
        return try await render(req, run, scores: [:], picks: [], errors: [])
    }

    func save(req: Request) async throws -> Response {
        let run = try await RunnableClass.load(req)
        let service = CompletionService(request: req)
        let evaluations = try await service.evaluate(run.trainingClass, programme: run.programme)
        let byID = Dictionary(
            evaluations.compactMap { evaluation in evaluation.enrolment.id.map { ($0, evaluation) } },
            uniquingKeysWith: { first, _ in first })
        let form = try req.content.decode(Form.self)
        let action = form.action ?? "scores"
        var errors: [String] = []
        var changed: [UUID: Double?] = [:]
        if run.programme.requiresAssessment {
            for (key, text) in form.score ?? [:] {
                guard let id = UUID(uuidString: key), let evaluation = byID[id] else {
                    errors.append(req.t("attendance.error.unknownParticipant"))
                    continue
                }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                var value: Double?
                if !trimmed.isEmpty {
                    guard let parsed = AttendanceFormat.parseScore(trimmed), (0...100).contains(parsed) else {
                        errors.append(
                            evaluation.employee.name + ": " + req.t("training.completion.score_invalid", trimmed))
                        continue
                    }
                    value = parsed
                }
                guard value != evaluation.enrolment.assessmentScore else { continue }
                // A completed participant's credit and certificate rest on the score they had.
                if evaluation.enrolment.completed {
                    errors.append(req.t("attendance.completion.error.scoreLocked", evaluation.employee.name))
                    continue
                }
                changed[id] = value
            }
        }
        var picks = Set<UUID>()
        for key in (form.pick ?? [:]).keys {
            guard let id = UUID(uuidString: key), byID[id] != nil else {
                errors.append(req.t("attendance.error.unknownParticipant"))
                continue
            }
            picks.insert(id)
        }
        if !["scores", "selected", "all"].contains(action) {
            errors.append(req.t("attendance.completion.error.action"))
        }
        if action == "selected" && picks.isEmpty { errors.append(req.t("attendance.completion.error.noneSelected")) }
        if action != "scores" && run.trainingClass.status == "cancelled" {
            errors.append(req.t("attendance.completion.error.cancelled"))
        }
        if !errors.isEmpty {
            return try await render(
                req, run, scores: form.score ?? [:], picks: picks, errors: Array(Set(errors)).sorted(),
                status: .unprocessableEntity)
        }
        if !changed.isEmpty {
            let updates = changed
            try await req.db.transaction { db in
                for (id, value) in updates {
                    try await Enrolment.query(on: db).filter(\.$id == id).set(\.$assessmentScore, to: value).update()
                }
            }
        }
        guard action != "scores" else {
            Flash.set(req, req.t("attendance.completion.scoresSaved", String(changed.count)))
            return req.redirect(to: Paths.classCompletion(run.classID))
        }
        let before = Set(evaluations.filter(\.enrolment.completed).compactMap(\.enrolment.id))
        let chosen = action == "all" ? Set(byID.keys) : picks
        let count = try await service.confirm(run.trainingClass, programme: run.programme, enrolmentIDs: chosen)
        let newly = try await service.evaluate(run.trainingClass, programme: run.programme)
            .filter { $0.enrolment.completed && !before.contains($0.enrolment.id ?? UUID()) }
            .map(\.employee.name)
        if count == 0 {
            Flash.set(req, req.t("attendance.completion.confirmedNone"))
        } else {
            let shown = newly.prefix(12).joined(separator: ", ") + (newly.count > 12 ? ", …" : "")
            Flash.set(req, req.t("attendance.completion.confirmed", String(count), shown))
        }
        return req.redirect(to: Paths.classCompletion(run.classID))
    }

    /// Core writes numbers with a point (its texts also go to machines); Indonesian readers
    /// expect a decimal comma: "66,6%".
    static func localized(_ message: LocalizableMessage, _ req: Request) -> String {
        guard req.language == .id else { return req.t(message) }
        let arguments = message.arguments.map { argument in
            Double(argument) != nil ? argument.replacingOccurrences(of: ".", with: ",") : argument
        }
        return req.t(LocalizableMessage(message.key, arguments))
    }

    private func render(
        _ req: Request, _ run: RunnableClass, scores: [String: String], picks: Set<UUID>, errors: [String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let language = req.language
        let programme = run.programme
        let evaluations = try await CompletionService(request: req).evaluate(run.trainingClass, programme: programme)
        let enrolmentIDs = evaluations.compactMap(\.enrolment.id)
        let certificates =
            enrolmentIDs.isEmpty
            ? [] : try await Certificate.query(on: req.db).filter(\.$enrolment.$id ~~ enrolmentIDs).all()
        let certificateByEnrolment = Dictionary(
            certificates.compactMap { certificate in certificate.id.map { (certificate.$enrolment.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        let agencies = try await RunnableClass.agencyCodes(of: evaluations.map(\.enrolment), on: req.db)
        let rows = evaluations.compactMap { evaluation -> CompletionPage.Row? in
            guard let id = evaluation.enrolment.id else { return nil }
            let submitted = scores[id.uuidString]
            let completed = evaluation.enrolment.completed
            let stored = AttendanceFormat.score(evaluation.enrolment.assessmentScore, language)
            return CompletionPage.Row(
                id: id.uuidString, name: evaluation.employee.name,
                agency: agencies[evaluation.employee.$agency.id] ?? "",
                attendance: AttendanceFormat.percent(evaluation.result.attendancePercent, language),
                score: submitted ?? stored, scoreShown: stored.isEmpty ? "—" : stored,
                scoreInvalid: submitted.map { text in
                    !text.trimmingCharacters(in: .whitespaces).isEmpty
                        && !(AttendanceFormat.parseScore(text).map { (0...100).contains($0) } ?? false)
                } ?? false,
                meets: evaluation.result.completed, reasons: evaluation.result.reasons.map { Self.localized($0, req) },
                completed: completed, certificateHref: certificateByEnrolment[id].map(Paths.certificate),
                selectable: evaluation.result.completed && !completed, picked: picks.contains(id))
        }
        let sessions = try await run.sessions(on: req.db)
        let sessionIDs = sessions.compactMap(\.id)
        let presentBySession =
            sessionIDs.isEmpty
            ? [:]
            : Dictionary(
                grouping: try await AttendanceRecord.query(on: req.db).filter(\.$session.$id ~~ sessionIDs)
                    .filter(\.$mark == AttendanceMark.present.rawValue).all(), by: { $0.$session.id }
            ).mapValues(\.count)
        let sessionRows = try sessions.map { session in
            let id = try session.requireID()
            return CompletionPage.SessionRow(
                label: AttendanceFormat.session(session.startsAt, session.endsAt, language),
                topic: session.topic.isEmpty ? nil : session.topic,
                present: req.t(
                    "attendance.completion.sessionPresent", String(presentBySession[id] ?? 0), String(rows.count)),
                attendanceHref: Paths.sessionAttendance(run.classID, id), codeHref: Paths.sessionCode(run.classID, id))
        }
        var rule = req.t("attendance.completion.rule.attendance", String(programme.minAttendance))
        if programme.requiresAssessment {
            rule +=
                " "
                + req.t(
                    "attendance.completion.rule.assessment", AttendanceFormat.score(programme.passingScore, language))
        }
        if programme.excusedCounts { rule += " " + req.t("attendance.completion.rule.excused") }
        let eligible = rows.filter(\.selectable).count
        let page = CompletionPage(
            layout: try await Layout.make(req, title: req.t("attendance.completion.title")), classTitle: run.title,
            rule: rule,
            requiresAssessment: programme.requiresAssessment, cancelled: run.trainingClass.status == "cancelled",
            action: Paths.classCompletion(run.classID), rows: rows, sessions: sessionRows,
            counts: req.t(
                "attendance.completion.counts", String(rows.count), String(rows.filter(\.meets).count),
                String(rows.filter(\.completed).count)),
            eligible: eligible, confirmAllLabel: req.t("attendance.completion.confirmAll", String(eligible)),
            errors: errors)
        return try await req.renderPage("training/attendance/completion", page, status: status)
    }
}
