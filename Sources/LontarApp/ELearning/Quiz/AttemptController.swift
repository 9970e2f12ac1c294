import Fluent
import Foundation
import LontarCore
import Vapor

/// An attempt: its questions on one page while under way, its review once finished, and
/// the form's answers and "Selesai" without JavaScript. Only its owner opens it.
struct AttemptController: RouteCollection {
    /// A quiz of many essays is the largest form; well under this.
    static let maxBody: ByteCount = "1mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.one(Paths.attempt, "attemptID"), use: show)
        routes.on(
            .POST, TrainingRoutePattern.one(Paths.attemptAnswer, "attemptID"), body: .collect(maxSize: Self.maxBody),
            use: answer)
        routes.post(TrainingRoutePattern.one(Paths.attemptFinish, "attemptID"), use: finish)
    }

    func show(req: Request) async throws -> Response {
        let (attempt, quiz) = try await QuizAccess.requireOwnAttempt(
            req, attemptID: req.parameters.get("attemptID", as: UUID.self))
        let state = try QuizAttempts.state(of: attempt)
        let questions = try await QuizAttempts.questions(ids: state.slots.map(\.questionID), on: req.db)
        if attempt.finishedAt == nil {
            return try await renderAttempt(req, attempt: attempt, quiz: quiz, state: state, questions: questions)
        }
        return try await renderReview(req, attempt: attempt, quiz: quiz, state: state, questions: questions)
    }

    /// Saves every answer in the form in one write and, when "Selesai" was pressed,
    /// finishes. After the deadline nothing is saved: the learner is told why and sees the
    /// attempt as it ended.
    func answer(req: Request) async throws -> Response {
        let (attempt, _) = try await QuizAccess.requireOwnAttempt(
            req, attemptID: req.parameters.get("attemptID", as: UUID.self))
        let attemptID = try attempt.requireID()
        let fields = FormFields.from(req)
        let state = try QuizAttempts.state(of: attempt)
        let questions = try await QuizAttempts.questions(ids: state.slots.map(\.questionID), on: req.db)
        let submissions = AttemptForm.submissions(AttemptForm.responses(fields, questions: questions), state: state)
        // A finished attempt with nothing new to save (a resent form) just shows its review.
        if attempt.finishedAt != nil, submissions.isEmpty { return req.redirect(to: Paths.attempt(attemptID)) }
        let store = QuizAttempts(request: req)
        do {
            try await store.saveAll(submissions, to: attemptID)
            if fields["action"] == "finish" {
                _ = try await store.finish(attemptID)
                Flash.set(req, req.t("quizpage.attempt.finished"))
            } else {
                Flash.set(req, req.t("quizpage.attempt.saved"))
            }
        } catch let error as AppError where error.status == .conflict {
            Flash.warn(req, req.t(error.message))
            if let current = try await QuizAttempt.find(attemptID, on: req.db) { _ = try await store.settled(current) }
        }
        return req.redirect(to: Paths.attempt(attemptID))
    }

    func finish(req: Request) async throws -> Response {
        let (attempt, _) = try await QuizAccess.requireOwnAttempt(
            req, attemptID: req.parameters.get("attemptID", as: UUID.self))
        let attemptID = try attempt.requireID()
        do {
            _ = try await QuizAttempts(request: req).finish(attemptID)
            Flash.set(req, req.t("quizpage.attempt.finished"))
        } catch let error as AppError where error.status == .conflict {
            Flash.warn(req, req.t(error.message))
        }
        return req.redirect(to: Paths.attempt(attemptID))
    }

    private func renderAttempt(
        _ req: Request, attempt: QuizAttempt, quiz: Quiz, state: AttemptState, questions: [String: Question]
    ) async throws -> Response {
        let attemptID = try attempt.requireID()
        let page = AttemptPage(
            layout: try await Layout.make(req, title: quiz.title), quizHref: Paths.quiz(try quiz.requireID()),
            attemptID: attemptID.uuidString, number: String(attempt.number),
            deadlineISO: attempt.deadline.map { ISO8601DateFormatter().string(from: $0) } ?? "",
            deadlineText: attempt.deadline.map { QuizText.deadline($0, now: req.now, req: req) },
            action: Paths.attemptAnswer(attemptID),
            questions: QuestionViews.fields(state, questions: questions, language: req.language))
        return try await req.renderPage("elearning/quiz/attempt", page)
    }

    private func renderReview(
        _ req: Request, attempt: QuizAttempt, quiz: Quiz, state: AttemptState, questions: [String: Question]
    ) async throws -> Response {
        let settings = QuizAttempts.settings(of: quiz)
        let attempts = try await QuizAccess.attempts(of: quiz, employeeID: attempt.$employee.id, req: req)
        let visible = QuizAccess.visibility(of: attempt, among: attempts, settings: settings)
        let result = AttemptMachine.result(of: state, questions: questions, settings: settings, now: req.now)
        let awaiting = result.progress == .awaitingGrading
        var ended: String?
        if case .finished(let at, let reason) = state.status {
            ended = req.t(
                reason == .deadline ? "quizpage.review.endedAtDeadline" : "quizpage.review.ended",
                CityTime.format(at))
        }
        let page = ReviewPage(
            layout: try await Layout.make(req, title: quiz.title), quizHref: Paths.quiz(try quiz.requireID()),
            number: String(attempt.number), ended: ended ?? "",
            score: visible.marks && !awaiting ? QuizText.percent(result.percent) : nil,
            passed: visible.marks ? result.passed : nil, awaitingGrading: awaiting,
            passMark: QuizForm.number(settings.passMark),
            items: AttemptReview.items(
                state: state, result: result, questions: questions, visible: visible, req: req))
        return try await req.renderPage("elearning/quiz/review", page)
    }
}

struct AttemptPage: Encodable {
    let layout: Layout
    let quizHref: String
    let attemptID: String
    let number: String
    /// ISO 8601 UTC for the offline script; empty when untimed.
    let deadlineISO: String
    /// "selesai pukul 10.35 WITA", from the server's deadline.
    let deadlineText: String?
    let action: String
    let questions: [QuestionField]
}

struct ReviewPage: Encodable {
    let layout: Layout
    let quizHref: String
    let number: String
    let ended: String
    let score: String?
    let passed: Bool?
    let awaitingGrading: Bool
    let passMark: String
    let items: [ReviewItem]
}
