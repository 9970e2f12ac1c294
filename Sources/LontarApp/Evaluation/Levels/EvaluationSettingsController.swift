import Fluent
import Foundation
import LontarCore
import Vapor

/// A programme's evaluation settings: which quizzes are its L2 pre- and post-test and when
/// the L3 survey goes out. One row per programme; absent means the defaults.
struct EvaluationSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.programmeEvaluationSettings), use: show)
        routes.post(CatalogueRouting.pattern(Paths.programmeEvaluationSettings), use: save)
    }

    struct Form: Content {
        var preQuiz: String?
        var postQuiz: String?
        var delayMonths: String?
        var windowDays: String?
        var reminderDays: String?
    }

    /// The stored settings, or the defaults (no tests, L3 after 3 months for 30 days, reminders weekly).
    static func load(_ programmeID: UUID, on db: any Database) async throws -> (BehaviourSchedule, UUID?, UUID?) {
        guard let row = try await ProgrammeEvaluation.query(on: db).filter(\.$programme.$id == programmeID).first()
        else { return (BehaviourSchedule(), nil, nil) }
        return (
            BehaviourSchedule(
                delayMonths: row.behaviourDelayMonths, windowDays: row.behaviourWindowDays,
                reminderDays: row.behaviourReminderDays), row.$preQuiz.id, row.$postQuiz.id
        )
    }

    /// Quizzes of the programme's courses, the only ones that can test it.
    static func quizzes(of programmeID: UUID, on db: any Database) async throws -> [Quiz] {
        try await Quiz.query(on: db).join(Course.self, on: \Quiz.$course.$id == \Course.$id)
            .filter(Course.self, \.$programme.$id == programmeID).sort(\.$title).all()
    }

    func show(req: Request) async throws -> Response {
        let (programme, _) = try await LevelsAccess.requireEvaluator(req)
        let (schedule, pre, post) = try await Self.load(programme.requireID(), on: req.db)
        let values = EvaluationSettingsPage.Values(
            preQuiz: pre?.uuidString ?? "", postQuiz: post?.uuidString ?? "",
            delayMonths: String(schedule.delayMonths), windowDays: String(schedule.windowDays),
            reminderDays: String(schedule.reminderDays))
        return try await render(req, programme, values, errors: FormErrors())
    }

    func save(req: Request) async throws -> Response {
        let (programme, _) = try await LevelsAccess.requireEvaluator(req)
        let programmeID = try programme.requireID()
        let form = try req.content.decode(Form.self)
        let values = EvaluationSettingsPage.Values(
            preQuiz: form.preQuiz ?? "", postQuiz: form.postQuiz ?? "", delayMonths: form.delayMonths ?? "",
            windowDays: form.windowDays ?? "", reminderDays: form.reminderDays ?? "")
        var errors = FormErrors()
        let allowed = Set(try await Self.quizzes(of: programmeID, on: req.db).compactMap(\.id))
        func quiz(_ text: String, field: String) -> UUID? {
            guard !text.isEmpty else { return nil }
            guard let id = UUID(uuidString: text), allowed.contains(id) else {
                errors.add(field, req.t("evaluation.settings.error.quiz"))
                return nil
            }
            return id
        }
        let pre = quiz(values.preQuiz, field: "preQuiz")
        let post = quiz(values.postQuiz, field: "postQuiz")
        func number(_ text: String, field: String, key: String) -> Int {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                errors.add(field, req.t(key))
                return -1
            }
            return value
        }
        let schedule = BehaviourSchedule(
            delayMonths: number(values.delayMonths, field: "delayMonths", key: "evaluation.settings.error.delay"),
            windowDays: number(values.windowDays, field: "windowDays", key: "evaluation.settings.error.window"),
            reminderDays: number(
                values.reminderDays, field: "reminderDays", key: "evaluation.settings.error.reminder"))
        if errors.isEmpty {
            for problem in schedule.validate() {
                switch problem {
                case .delayOutOfRange: errors.add("delayMonths", req.t("evaluation.settings.error.delay"))
                case .windowOutOfRange: errors.add("windowDays", req.t("evaluation.settings.error.window"))
                case .reminderOutOfRange: errors.add("reminderDays", req.t("evaluation.settings.error.reminder"))
                }
            }
        }
        guard errors.isEmpty else {
            return try await render(req, programme, values, errors: errors, status: .unprocessableEntity)
        }
        try await req.db.transaction { db in
            let row =
                try await ProgrammeEvaluation.query(on: db).filter(\.$programme.$id == programmeID).first()
                ?? ProgrammeEvaluation()
            row.$programme.id = programmeID
            row.$preQuiz.id = pre
            row.$postQuiz.id = post
            row.behaviourDelayMonths = schedule.delayMonths
            row.behaviourWindowDays = schedule.windowDays
            row.behaviourReminderDays = schedule.reminderDays
            try await row.save(on: db)
        }
        Flash.set(req, req.t("evaluation.settings.saved"))
        return req.redirect(to: Paths.programmeEvaluationSettings(programmeID))
    }

    private func render(
        _ req: Request, _ programme: Programme, _ values: EvaluationSettingsPage.Values, errors: FormErrors,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let programmeID = try programme.requireID()
        let quizzes = try await Self.quizzes(of: programmeID, on: req.db)
        let page = EvaluationSettingsPage(
            layout: try await Layout.make(req, title: req.t("evaluation.settings.title")),
            programmeTitle: programme.title, programmeHref: Paths.programme(programmeID),
            action: Paths.programmeEvaluationSettings(programmeID),
            gainHref: Paths.programmeGain(programmeID), interviewsHref: Paths.programmeInterviews(programmeID),
            indicatorsHref: Paths.programmeIndicators(programmeID),
            quizzes: try quizzes.map { .init(id: try $0.requireID().uuidString, title: $0.title) },
            values: values, errors: errors.messages, invalid: errors.fields)
        return try await req.renderPage("evaluation/levels/settings", page, status: status)
    }
}
