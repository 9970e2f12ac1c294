import Fluent
import Foundation
import LontarCore
import Vapor

/// A facilitator grades the essays of a finished attempt, as marks out of each question's
/// marks. Grading that makes the attempt pass completes the quiz's lessons (QuizAttempts).
struct GradeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let path = TrainingRoutePattern.one(Paths.attemptGrade, "attemptID")
        routes.get(path, use: form)
        routes.post(path, use: save)
    }

    /// The attempt, its quiz and state, for an author of the quiz's course.
    private func load(_ req: Request) async throws -> (QuizAttempt, Quiz, Course) {
        guard let id = req.parameters.get("attemptID", as: UUID.self),
            let attempt = try await QuizAttempt.find(id, on: req.db),
            let quiz = try await Quiz.find(attempt.$quiz.id, on: req.db)
        else { throw AppError.notFound() }
        let (course, _, _) = try await CourseAccess.requireAuthor(req, courseID: quiz.$course.id)
        return (try await QuizAttempts(request: req).settled(attempt), quiz, course)
    }

    func form(req: Request) async throws -> Response {
        let (attempt, quiz, _) = try await load(req)
        return try await render(req, attempt: attempt, quiz: quiz, typed: [:], errors: [:])
    }

    func save(req: Request) async throws -> Response {
        let (attempt, quiz, _) = try await load(req)
        let attemptID = try attempt.requireID()
        let state = try QuizAttempts.state(of: attempt)
        let questions = try await QuizAttempts.questions(ids: state.slots.map(\.questionID), on: req.db)
        let fields = FormFields.from(req)
        var typed: [String: String] = [:]
        var errors: [String: String] = [:]
        var fractions: [(String, Double)] = []
        // Every mark is checked before any is written, so a typo grades nothing.
        for slot in state.slots where Self.isManual(questions[slot.questionID]) {
            let text = (fields["mark." + slot.questionID] ?? "").trimmingCharacters(in: .whitespaces)
            typed[slot.questionID] = text
            if text.isEmpty { continue }
            guard let mark = QuizForm.decimal(text), mark >= 0, mark <= slot.mark, slot.mark > 0 else {
                errors[slot.questionID] = req.t("quizpage.grade.range", text, QuizForm.number(slot.mark))
                continue
            }
            fractions.append((slot.questionID, mark / slot.mark))
        }
        guard errors.isEmpty else {
            return try await render(
                req, attempt: attempt, quiz: quiz, typed: typed, errors: errors, status: .unprocessableEntity)
        }
        let store = QuizAttempts(request: req)
        for (questionID, fraction) in fractions {
            _ = try await store.grade(attemptID, questionID: questionID, fraction: fraction)
        }
        Flash.set(req, req.t("quizpage.grade.saved"))
        return req.redirect(to: Paths.quizResults(try quiz.requireID()))
    }

    /// Essays are graded by hand; everything else Core grades.
    static func isManual(_ question: Question?) -> Bool { question?.body.kind == .essay }

    private func render(
        _ req: Request, attempt: QuizAttempt, quiz: Quiz, typed: [String: String], errors: [String: String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let state = try QuizAttempts.state(of: attempt)
        let questions = try await QuizAttempts.questions(ids: state.slots.map(\.questionID), on: req.db)
        let settings = QuizAttempts.settings(of: quiz)
        let result = AttemptMachine.result(of: state, questions: questions, settings: settings, now: req.now)
        let employee = try await Employee.find(attempt.$employee.id, on: req.db)
        var items: [GradePage.Item] = []
        for slot in state.slots {
            guard let question = questions[slot.questionID], Self.isManual(question) else { continue }
            let current = state.manualGrades[slot.questionID].map { QuizForm.number($0 * slot.mark) } ?? ""
            items.append(
                GradePage.Item(
                    id: slot.questionID, text: QuestionText.plain(question.text),
                    answer: QuestionViews.describe(
                        state.answers[slot.questionID]?.submission.response, to: question, req: req),
                    max: QuizForm.number(slot.mark), value: typed[slot.questionID] ?? current,
                    error: errors[slot.questionID]))
        }
        let quizID = try quiz.requireID()
        let page = GradePage(
            layout: try await Layout.make(req, title: req.t("quizpage.grade.title")), quizTitle: quiz.title,
            resultsHref: Paths.quizResults(quizID),
            learner: employee.map {
                EmployeeImport.displayName(front: $0.frontTitle, name: $0.name, back: $0.backTitle)
            } ?? "", number: String(attempt.number), finished: attempt.finishedAt != nil,
            score: req.t(
                result.progress == .graded ? "quizpage.grade.score" : "quizpage.grade.provisional",
                QuizText.percent(result.percent)),
            state: QuizText.progress(attempt, req: req),
            action: Paths.attemptGrade(try attempt.requireID()), items: items,
            errors: errors.isEmpty ? [] : [req.t("quizpage.grade.fix")])
        return try await req.renderPage("elearning/quiz/grade", page, status: status)
    }
}

struct GradePage: Encodable {
    struct Item: Encodable {
        let id: String
        let text: String
        let answer: [String]
        let max: String
        let value: String
        let error: String?
    }
    let layout: Layout
    let quizTitle: String
    let resultsHref: String
    let learner: String
    let number: String
    let finished: Bool
    let score: String
    let state: String
    let action: String
    let items: [Item]
    let errors: [String]
}
