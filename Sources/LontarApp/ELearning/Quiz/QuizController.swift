import Fluent
import Foundation
import LontarCore
import Vapor

/// The quiz's own page (introduction, rules, the learner's attempts) and starting it.
struct QuizController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.one(Paths.quiz, "quizID"), use: show)
        routes.post(TrainingRoutePattern.one(Paths.quizStart, "quizID"), use: start)
    }

    func show(req: Request) async throws -> Response {
        let reader = try await QuizAccess.requireReader(req, quizID: req.parameters.get("quizID", as: UUID.self))
        let quiz = reader.quiz
        let quizID = try quiz.requireID()
        let settings = QuizAttempts.settings(of: quiz)
        var attempts: [QuizAttempt] = []
        if let employeeID = reader.view.principal.employeeID {
            attempts = try await QuizAccess.attempts(of: quiz, employeeID: employeeID, req: req)
        }
        let rows = attempts.map { attempt in
            let visible = QuizAccess.visibility(of: attempt, among: attempts, settings: settings)
            return QuizPage.AttemptRow(
                number: String(attempt.number), href: Paths.attempt(attempt.id!),
                started: CityTime.format(attempt.startedAt), state: QuizText.progress(attempt, req: req),
                score: visible.marks && attempt.progress == AttemptProgress.graded.rawValue
                    ? QuizText.percent(attempt.percent) : nil,
                passed: visible.marks ? attempt.passed : nil)
        }
        let best = attempts.filter {
            QuizAccess.visibility(of: $0, among: attempts, settings: settings).marks
                && $0.progress == AttemptProgress.graded.rawValue
        }.compactMap(\.percent).max()
        let current = attempts.first { $0.finishedAt == nil }
        let exhausted = current == nil && settings.maxAttempts.map { attempts.count >= $0 } == true
        let courseID = reader.view.courseID
        let page = QuizPage(
            layout: try await Layout.make(req, title: quiz.title), courseTitle: reader.view.course.title,
            courseHref: Paths.course(courseID), introHTML: LessonMarkdown.html(quiz.intro),
            facts: QuizText.settings(
                settings, questionCount: try await QuizText.questionCount(of: quiz, on: req.db), req: req),
            attempts: rows, best: best.map { QuizText.percent($0) },
            passed: attempts.contains {
                $0.passed == true && QuizAccess.visibility(of: $0, among: attempts, settings: settings).marks
            },
            canTake: reader.canTake, resumeHref: current.map { Paths.attempt($0.id!) },
            startAction: reader.canTake && !exhausted ? Paths.quizStart(quizID) : nil,
            exhausted: exhausted && reader.canTake,
            isAuthor: reader.view.isAuthor, editHref: Paths.quizEdit(quizID), resultsHref: Paths.quizResults(quizID),
            bankHref: Paths.questionBank(courseID))
        return try await req.renderPage("elearning/quiz/quiz", page)
    }

    /// Starts an attempt, or resumes the one under way on any device, and opens it.
    /// A refusal (no attempts left, an empty bank) comes back to the quiz page with the reason.
    func start(req: Request) async throws -> Response {
        let (quiz, employeeID) = try await QuizAccess.requireTaker(
            req, quizID: req.parameters.get("quizID", as: UUID.self))
        do {
            let attempt = try await QuizAttempts(request: req).start(quiz, employeeID: employeeID)
            return req.redirect(to: Paths.attempt(try attempt.requireID()))
        } catch let error as AppError where error.status == .conflict {
            Flash.warn(req, req.t(error.message))
            return req.redirect(to: Paths.quiz(try quiz.requireID()))
        }
    }
}

struct QuizPage: Encodable {
    struct AttemptRow: Encodable {
        let number: String
        let href: String
        let started: String
        let state: String
        let score: String?
        let passed: Bool?
    }
    let layout: Layout
    let courseTitle: String
    let courseHref: String
    /// The introduction's Markdown as safe HTML (`LessonMarkdown`).
    let introHTML: String
    let facts: [String]
    let attempts: [AttemptRow]
    let best: String?
    let passed: Bool
    let canTake: Bool
    let resumeHref: String?
    let startAction: String?
    let exhausted: Bool
    let isAuthor: Bool
    let editHref: String
    let resultsHref: String
    let bankHref: String
}
