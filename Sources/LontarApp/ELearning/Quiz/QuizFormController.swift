import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// Creating and editing a quiz: its settings and how it draws from the bank. Authors only.
struct QuizFormController: RouteCollection {
    /// A long introduction is the largest field; well under this.
    static let maxBody: ByteCount = "256kb"

    func boot(routes: any RoutesBuilder) throws {
        let courseNew = TrainingRoutePattern.one(Paths.quizNew, "courseID")
        routes.get(courseNew, use: newForm)
        routes.on(.POST, courseNew, body: .collect(maxSize: Self.maxBody), use: create)
        let edit = TrainingRoutePattern.one(Paths.quizEdit, "quizID")
        routes.get(edit, use: editForm)
        routes.on(.POST, edit, body: .collect(maxSize: Self.maxBody), use: update)
    }

    func newForm(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(
            req, courseID: req.parameters.get("courseID", as: UUID.self))
        return try await render(req, course: course, quiz: nil, input: QuizInput(), problems: [])
    }

    func create(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(
            req, courseID: req.parameters.get("courseID", as: UUID.self))
        let input = QuizInput(FormFields.from(req))
        let pools = try await Self.pools(courseID: course.requireID(), on: req.db)
        switch QuizForm.validate(input, pools: pools) {
        case .failure(let problems):
            return try await render(
                req, course: course, quiz: nil, input: input, problems: problems.items, status: .unprocessableEntity)
        case .success(let draft):
            let quiz = Quiz()
            quiz.$course.id = try course.requireID()
            try Self.apply(draft, to: quiz)
            try await quiz.create(on: req.db)
            Flash.set(req, req.t("quizpage.form.created", draft.title))
            return req.redirect(to: Paths.quiz(try quiz.requireID()))
        }
    }

    func editForm(req: Request) async throws -> Response {
        let (quiz, course) = try await Self.requireAuthor(req)
        return try await render(req, course: course, quiz: quiz, input: QuizInput(quiz), problems: [])
    }

    func update(req: Request) async throws -> Response {
        let (quiz, course) = try await Self.requireAuthor(req)
        let input = QuizInput(FormFields.from(req))
        switch QuizForm.validate(input, pools: try await Self.pools(courseID: course.requireID(), on: req.db)) {
        case .failure(let problems):
            return try await render(
                req, course: course, quiz: quiz, input: input, problems: problems.items, status: .unprocessableEntity)
        case .success(let draft):
            try Self.apply(draft, to: quiz)
            try await quiz.save(on: req.db)
            Flash.set(req, req.t("quizpage.form.saved", draft.title))
            return req.redirect(to: Paths.quiz(try quiz.requireID()))
        }
    }

    /// The quiz named in the path and its course, for an author of that course.
    static func requireAuthor(_ req: Request, parameter: String = "quizID") async throws -> (Quiz, Course) {
        guard let id = req.parameters.get(parameter, as: UUID.self), let quiz = try await Quiz.find(id, on: req.db)
        else { throw AppError.notFound() }
        let (course, _, _) = try await CourseAccess.requireAuthor(req, courseID: quiz.$course.id)
        return (quiz, course)
    }

    static func apply(_ draft: QuizDraft, to quiz: Quiz) throws {
        quiz.title = draft.title
        quiz.intro = draft.intro
        quiz.settings = try QuizAttempts.encode(draft.settings)
        quiz.draw = try QuizAttempts.encode(draft.draws)
    }

    /// Gradable questions per category: a draw never picks descriptions.
    static func pools(courseID: UUID, on db: any Database) async throws -> [String: Int] {
        let sql = try db.sql()
        struct Row: Decodable {
            let category: String
            let n: Int
        }
        let rows = try await sql.raw(
            """
            SELECT category, COUNT(*) AS n FROM question_bank
            WHERE course_id = \(bind: courseID) AND kind <> \(bind: QuestionKind.description.rawValue)
            GROUP BY category ORDER BY category
            """
        ).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.category, $0.n) })
    }

    private func render(
        _ req: Request, course: Course, quiz: Quiz?, input: QuizInput, problems: [QuizFormProblem],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let courseID = try course.requireID()
        let pools = try await Self.pools(courseID: courseID, on: req.db)
        func error(_ field: String) -> String? {
            let messages = problems.filter { $0.field == field }.map { req.t($0.message) }
            return messages.isEmpty ? nil : messages.joined(separator: " ")
        }
        let categories = Set(pools.keys).union(input.draws.keys).sorted()
        let draws = categories.enumerated().map { index, category in
            QuizFormPage.Draw(
                index: index, category: category,
                label: category.isEmpty ? req.t("quizpage.bank.noCategory") : category,
                available: pools[category] ?? 0, count: input.draws[category] ?? "", error: error("draw." + category))
        }
        let timings = ReviewTiming.allCases.map { ($0.rawValue, req.t("quizpage.review." + $0.rawValue)) }
        func options(_ chosen: String) -> [Option] {
            timings.map { Option(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        }
        let title = quiz == nil ? req.t("quizpage.form.newTitle") : req.t("quizpage.form.editTitle")
        let page = QuizFormPage(
            layout: try await Layout.make(req, title: title), courseTitle: course.title,
            bankHref: Paths.questionBank(courseID),
            action: try quiz.map { Paths.quizEdit(try $0.requireID()) } ?? Paths.quizNew(courseID),
            input: input, errors: problems.map { req.t($0.message) },
            fieldErrors: .init(
                title: error("title"), intro: error("intro"), time_limit: error("time_limit"),
                max_attempts: error("max_attempts"), pass_mark: error("pass_mark")),
            reviewMarks: options(input.review_marks), reviewFeedback: options(input.review_feedback),
            reviewRight: options(input.review_right), draws: draws)
        return try await req.renderPage("elearning/quiz/quiz-form", page, status: status)
    }
}

struct QuizFormPage: Encodable {
    struct FieldErrors: Encodable {
        let title: String?
        let intro: String?
        let time_limit: String?
        let max_attempts: String?
        let pass_mark: String?
    }
    struct Draw: Encodable {
        let index: Int
        let category: String
        let label: String
        let available: Int
        let count: String
        let error: String?
    }
    let layout: Layout
    let courseTitle: String
    let bankHref: String
    let action: String
    let input: QuizInput
    let errors: [String]
    let fieldErrors: FieldErrors
    let reviewMarks: [Option]
    let reviewFeedback: [Option]
    let reviewRight: [Option]
    let draws: [Draw]
}
