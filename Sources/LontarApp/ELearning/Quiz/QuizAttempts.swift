import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// Quiz attempts as stored: starting, saving answers, finishing and manual grading, each
/// through Core's `AttemptMachine`, for the pages, the API and the offline sync alike.
///
/// An attempt's state is one JSON value guarded by a revision: a write applies only to
/// the revision it read (`UPDATE … WHERE revision = n`), and a writer that lost the race
/// reads again and re-applies its change. Two phones answering at once, or two app
/// instances, never overwrite each other's answers.
struct QuizAttempts {
    let request: Request

    private var db: any Database { request.db }

    static func settings(of quiz: Quiz) -> QuizSettings {
        (try? JSONDecoder().decode(QuizSettings.self, from: Data(quiz.settings.utf8))) ?? QuizSettings()
    }

    static func draws(of quiz: Quiz) -> [QuizDraw] {
        (try? JSONDecoder().decode([QuizDraw].self, from: Data(quiz.draw.utf8))) ?? []
    }

    static func state(of attempt: QuizAttempt) throws -> AttemptState {
        try JSONDecoder().decode(AttemptState.self, from: Data(attempt.state.utf8))
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The bank questions an attempt refers to, by id, for grading and display.
    static func questions(ids: [String], on db: any Database) async throws -> [String: Question] {
        let uuids = ids.compactMap(UUID.init(uuidString:))
        guard !uuids.isEmpty else { return [:] }
        let rows = try await BankQuestion.query(on: db).filter(\.$id ~~ uuids).all()
        var result: [String: Question] = [:]
        for row in rows {
            result[row.id!.uuidString] = try JSONDecoder().decode(Question.self, from: Data(row.question.utf8))
        }
        return result
    }

    /// The questions a new attempt gets: the whole bank in order, or `count` drawn at random
    /// from each category the quiz names.
    func drawSlots(for quiz: Quiz) async throws -> [QuestionSlot] {
        let bank = try await BankQuestion.query(on: db).filter(\.$course.$id == quiz.$course.id)
            .sort(\.$position).all()
        let draws = Self.draws(of: quiz)
        let chosen: [BankQuestion]
        if draws.isEmpty {
            chosen = bank
        } else {
            var picked: [BankQuestion] = []
            for draw in draws {
                let pool = bank.filter { $0.category == draw.category && $0.kind != QuestionKind.description.rawValue }
                guard pool.count >= draw.count else {
                    throw AppError.conflict(
                        "quiz_bank_short",
                        .init("elearning.quiz.bankShort", [draw.category, String(draw.count), String(pool.count)]))
                }
                picked += pool.shuffled().prefix(draw.count)
            }
            chosen = picked
        }
        return try chosen.map { row in
            let question = try JSONDecoder().decode(Question.self, from: Data(row.question.utf8))
            let mark = question.body.kind == .description ? 0 : question.defaultMark
            return QuestionSlot(questionID: row.id!.uuidString, mark: mark)
        }
    }

    /// Starts an attempt, or resumes the one under way (on this or another device).
    func start(_ quiz: Quiz, employeeID: UUID) async throws -> QuizAttempt {
        let quizID = try quiz.requireID()
        let settings = Self.settings(of: quiz)
        for _ in 0..<5 {
            let previous = try await QuizAttempt.query(on: db).filter(\.$quiz.$id == quizID)
                .filter(\.$employee.$id == employeeID).all()
            let states = try previous.map(Self.state(of:))
            let slots = try await drawSlots(for: quiz)
            switch AttemptMachine.start(
                settings: settings, previous: states, slots: slots, seed: UInt64.random(in: 0...UInt64.max),
                now: request.now)
            {
            case .failure(let message):
                throw AppError.conflict("quiz_start_refused", message)
            case .success(.resumed(let state)):
                guard let row = previous.first(where: { $0.number == state.number }) else { throw AppError.notFound() }
                return row
            case .success(.started(let state)):
                let row = QuizAttempt()
                row.$quiz.id = quizID
                row.$employee.id = employeeID
                row.number = state.number
                row.state = try Self.encode(state)
                row.revision = 1
                row.startedAt = state.startedAt
                row.deadline = state.deadline
                row.progress = AttemptProgress.inProgress.rawValue
                do {
                    try await row.create(on: db)
                    return row
                } catch let error as any DatabaseError where error.isConstraintFailure {
                    // Another device started this same attempt a moment ago: resume it.
                    continue
                }
            }
        }
        throw AppError.conflict("quiz_busy", .init("elearning.quiz.busy"))
    }

    enum SaveOutcome: Equatable {
        case saved
        case duplicate
    }

    /// Saves one answer; a resend of an answer already received is acknowledged unchanged.
    func save(_ submission: AnswerSubmission, to attemptID: UUID) async throws -> SaveOutcome {
        var duplicate = false
        try await update(attemptID) { state in
            switch AttemptMachine.saveAnswer(submission, to: state, now: request.now) {
            case .failure(let message):
                throw AppError.conflict("answer_refused", message, field: submission.questionID)
            case .success(let result):
                duplicate = result.duplicate
                return result.duplicate ? nil : result.attempt
            }
        }
        return duplicate ? .duplicate : .saved
    }

    /// Saves several answers in one write (the attempt page's form without JavaScript): all
    /// are kept or, when one is refused (the deadline passed), none. Returns how many were new.
    @discardableResult
    func saveAll(_ submissions: [AnswerSubmission], to attemptID: UUID) async throws -> Int {
        guard !submissions.isEmpty else { return 0 }
        var saved = 0
        try await update(attemptID) { state in
            var next = state
            saved = 0
            for submission in submissions {
                switch AttemptMachine.saveAnswer(submission, to: next, now: request.now) {
                case .failure(let message):
                    throw AppError.conflict("answer_refused", message, field: submission.questionID)
                case .success(let result):
                    if !result.duplicate { saved += 1 }
                    next = result.attempt
                }
            }
            return saved == 0 ? nil : next
        }
        return saved
    }

    /// The learner finishes; at or after the deadline the attempt ends at its deadline.
    func finish(_ attemptID: UUID) async throws -> QuizAttempt {
        try await update(attemptID) { state in
            switch AttemptMachine.finish(state, now: request.now) {
            case .failure(let message): throw AppError.conflict("attempt_finished", message)
            case .success(let next): return next
            }
        }
    }

    /// A facilitator grades one question (an essay) as a fraction 0…1 of its marks.
    func grade(_ attemptID: UUID, questionID: String, fraction: Double) async throws -> QuizAttempt {
        try await update(attemptID) { state in
            switch AttemptMachine.gradeManually(state, questionID: questionID, fraction: fraction, now: request.now) {
            case .failure(let message): throw AppError.invalid("fraction", message)
            case .success(let next): return next
            }
        }
    }

    /// An attempt whose deadline passed while nobody was looking is stored as finished the
    /// first time anyone reads it, so results and lists agree with what the rules say.
    func settled(_ attempt: QuizAttempt) async throws -> QuizAttempt {
        let state = try Self.state(of: attempt)
        guard !state.isFinished, state.effectiveState(at: request.now).isFinished else { return attempt }
        return try await update(attempt.requireID()) { current in
            let effective = current.effectiveState(at: request.now)
            return effective == current ? nil : effective
        }
    }

    private struct Written: Decodable { let revision: Int }

    /// Reads, changes and writes back under the revision guard. `change` returns nil when
    /// there is nothing to write. Finishing grades the attempt and, when it passes,
    /// marks the quiz's lessons done and checks the course's completion.
    @discardableResult
    private func update(
        _ attemptID: UUID, _ change: (AttemptState) throws -> AttemptState?
    ) async throws
        -> QuizAttempt
    {
        let sql = try db.sql()
        for _ in 0..<20 {
            guard let row = try await QuizAttempt.find(attemptID, on: db) else { throw AppError.notFound() }
            let state = try Self.state(of: row)
            guard let next = try change(state) else { return row }
            // An attempt under way has no score yet: saving an answer writes the state alone,
            // without loading the questions and grading (the hot path when a class answers).
            guard next.isFinished else {
                guard try await write(next, attemptID: attemptID, revision: row.revision, on: sql) else { continue }
                row.state = try Self.encode(next)
                row.revision += 1
                return row
            }
            let quiz = try await Quiz.find(row.$quiz.id, on: db)
            let settings = quiz.map(Self.settings(of:)) ?? QuizSettings()
            let questions = try await Self.questions(ids: next.slots.map(\.questionID), on: db)
            let result = AttemptMachine.result(of: next, questions: questions, settings: settings, now: request.now)
            guard try await write(next, attemptID: attemptID, revision: row.revision, result: result, on: sql) else {
                continue
            }
            guard let stored = try await QuizAttempt.find(attemptID, on: db) else { throw AppError.notFound() }
            if result.passed == true, let quiz { try await quizPassed(quiz, employeeID: row.$employee.id) }
            return stored
        }
        throw AppError.conflict("quiz_busy", .init("elearning.quiz.busy"))
    }

    /// Writes the state if the row is still at `revision`; false when another writer got there first.
    private func write(
        _ next: AttemptState, attemptID: UUID, revision: Int, result: AttemptResult? = nil, on sql: any SQLDatabase
    ) async throws -> Bool {
        var finishedAt: Date?
        if case .finished(let at, _) = next.status { finishedAt = at }
        let progress = result?.progress ?? .inProgress
        let written = try await sql.raw(
            """
            UPDATE quiz_attempts SET state = \(bind: try Self.encode(next)), revision = revision + 1,
            finished_at = \(bind: finishedAt), progress = \(bind: progress.rawValue),
            percent = \(bind: next.isFinished ? result?.percent : nil), passed = \(bind: result?.passed)
            WHERE id = \(bind: attemptID) AND revision = \(bind: revision) RETURNING revision
            """
        ).first(decoding: Written.self)
        return written != nil
    }

    /// A passed quiz completes the lessons that hold it, which may complete the course.
    private func quizPassed(_ quiz: Quiz, employeeID: UUID) async throws {
        guard let course = try await Course.find(quiz.$course.id, on: db),
            let enrolment = try await CourseEnrolments.current(course, employeeID: employeeID, on: db)
        else { return }
        // Only published lessons the learner has reached: passing never skips a locked lesson.
        let outline = try await CourseOutline.load(course.requireID(), publishedOnly: true, on: db)
        let progress = try await outline.progress(of: enrolment.requireID(), on: db)
        let lessons = outline.lessons.filter {
            $0.$quiz.id == quiz.id && progress.states[$0.id!.uuidString] != .locked
        }
        for lesson in lessons {
            try await CourseProgressWriter.done(lesson.requireID(), enrolment: enrolment, at: request.now, on: db)
        }
        try await CourseCompletion.checkAndComplete(enrolment, course: course, request: request)
    }
}
