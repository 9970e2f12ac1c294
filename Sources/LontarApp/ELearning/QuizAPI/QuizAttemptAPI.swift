import Fluent
import Foundation
import LontarCore
import Vapor

/// A question as an API client shows it: never its right answers or fractions.
struct AttemptQuestionDTO: Content {
    struct Prompt: Content {
        let index: Int
        let text: String
    }
    let id: String
    /// `QuestionKind`.
    let type: String
    /// The `QuestionResponse` shape an answer takes: choices, boolean, text, number, matches, essay, none.
    let shape: String
    let text: String
    let mark: Double
    /// Multiple choice: whether several options may be chosen.
    let multiple: Bool?
    /// Multiple choice: the options in order (answer with their 0-based indexes);
    /// matching: the answers to choose from.
    let options: [String]
    /// Matching: the prompts, each answered under its index.
    let prompts: [Prompt]?
}

struct AttemptResultDTO: Content {
    struct Item: Content {
        let id: String
        /// correct, partial, incorrect, needsGrading, notAnswered; only when marks are shown.
        let state: String?
        let fraction: Double?
        let feedback: [String]?
        let rightAnswers: [String]?
    }
    /// inProgress, awaitingGrading or graded.
    let progress: String
    let percent: Double?
    let passed: Bool?
    let questions: [Item]
}

struct AttemptDTO: Content {
    let attemptId: UUID
    let number: Int
    /// ISO 8601 UTC; null when untimed.
    let deadline: String?
    let finished: Bool
    let questions: [AttemptQuestionDTO]
    /// The latest saved response per question id.
    let answers: [String: QuestionResponse]?
    /// Once finished, as far as the quiz's review options allow.
    let result: AttemptResultDTO?
}

/// `POST /api/v1/quizzes/{quizID}/attempts` (start or resume) and `GET /api/v1/attempts/{attemptID}`.
struct QuizAttemptAPI {
    func register(_ api: any RoutesBuilder) {
        api.post("quizzes", ":quizID", "attempts", use: start)
        api.get("attempts", ":attemptID", use: get)
    }

    func start(req: Request) async throws -> AttemptDTO {
        let (quiz, employeeID) = try await QuizAccess.requireTaker(
            req, quizID: req.parameters.get("quizID", as: UUID.self))
        let attempt = try await QuizAttempts(request: req).start(quiz, employeeID: employeeID)
        return try await Self.dto(attempt, quiz: quiz, withAnswers: false, req: req)
    }

    func get(req: Request) async throws -> AttemptDTO {
        let (attempt, quiz) = try await QuizAccess.requireOwnAttempt(
            req, attemptID: req.parameters.get("attemptID", as: UUID.self))
        return try await Self.dto(attempt, quiz: quiz, withAnswers: true, req: req)
    }

    static func dto(_ attempt: QuizAttempt, quiz: Quiz, withAnswers: Bool, req: Request) async throws -> AttemptDTO {
        let state = try QuizAttempts.state(of: attempt)
        let questions = try await QuizAttempts.questions(ids: state.slots.map(\.questionID), on: req.db)
        let items: [AttemptQuestionDTO] = state.slots.compactMap { slot in
            guard let question = questions[slot.questionID] else { return nil }
            var multiple: Bool?
            var options: [String] = []
            var prompts: [AttemptQuestionDTO.Prompt]?
            switch question.body {
            case .multipleChoice(let choices, let single):
                multiple = !single
                options = choices.map { QuestionText.plain($0.text) }
            case .matching(let pairs):
                options = QuestionViews.matchAnswers(pairs)
                prompts = pairs.enumerated().compactMap { index, pair in
                    let text = QuestionText.plain(pair.prompt)
                    return text.isEmpty ? nil : .init(index: index, text: text)
                }
            default:
                break
            }
            return AttemptQuestionDTO(
                id: slot.questionID, type: question.body.kind.rawValue, shape: AnswerShape(question.body).rawValue,
                text: QuestionText.plain(question.text), mark: slot.mark, multiple: multiple, options: options,
                prompts: prompts)
        }
        var result: AttemptResultDTO?
        if withAnswers, attempt.finishedAt != nil {
            let settings = QuizAttempts.settings(of: quiz)
            let attempts = try await QuizAccess.attempts(of: quiz, employeeID: attempt.$employee.id, req: req)
            let visible = QuizAccess.visibility(of: attempt, among: attempts, settings: settings)
            let graded = AttemptMachine.result(of: state, questions: questions, settings: settings, now: req.now)
            result = AttemptResultDTO(
                progress: graded.progress.rawValue, percent: visible.marks ? graded.percent : nil,
                passed: visible.marks ? graded.passed : nil,
                questions: state.slots.compactMap { slot in
                    guard let question = questions[slot.questionID], question.body.kind != .description else {
                        return nil
                    }
                    let grade = graded.grades[slot.questionID]
                    return AttemptResultDTO.Item(
                        id: slot.questionID, state: visible.marks ? grade?.state.rawValue : nil,
                        fraction: visible.marks ? grade?.fraction : nil,
                        feedback: visible.feedback
                            ? ((grade?.feedback ?? []) + (question.generalFeedback.map { [$0] } ?? [])).map(
                                QuestionText.plain) : nil,
                        rightAnswers: visible.rightAnswers ? QuestionViews.rightAnswers(question, req: req) : nil)
                })
        }
        return AttemptDTO(
            attemptId: try attempt.requireID(), number: attempt.number,
            deadline: attempt.deadline.map { ISO8601DateFormatter().string(from: $0) },
            finished: attempt.finishedAt != nil, questions: items,
            answers: withAnswers ? state.answers.mapValues(\.submission.response) : nil, result: result)
    }
}

/// The quiz pillar's JSON API under `/api/v1` (described in the OpenAPI document).
struct QuizAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        QuestionBankAPI().register(api)
        QuizAttemptAPI().register(api)
    }
}
