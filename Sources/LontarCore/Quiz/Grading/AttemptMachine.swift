import Foundation

public enum AttemptStart: Sendable, Equatable {
    case started(AttemptState)
    /// The learner already had an attempt in progress (on this or another device).
    case resumed(AttemptState)
}

/// The attempt rules as pure functions of the stored state and the server's `now`. The
/// app persists what they return; concurrent requests are serialised by the app (one
/// transaction per attempt), not here.
public enum AttemptMachine {
    /// Device-made answer ids are UUIDs; anything much longer is not one.
    static let maximumAnswerIDLength = 100

    /// A new attempt, or the one in progress. `previous` are the learner's earlier
    /// attempts at this quiz; finished and in-progress ones both use up the allowance.
    /// With `settings.shuffle` the questions are put in an order drawn from `seed`
    /// (the caller passes a random one); the attempt keeps that order.
    public static func start(
        settings: QuizSettings, previous: [AttemptState], slots: [QuestionSlot], seed: UInt64, now: Date
    ) -> Result<AttemptStart, LocalizableMessage> {
        if let problem = settings.validate().first { return .failure(problem) }
        // Resuming comes first: reopening the quiz on another phone must bring back the
        // attempt under way, not spend (or be refused) another one.
        let current = previous.map { $0.effectiveState(at: now) }.filter { !$0.isFinished }
        if let latest = current.max(by: { $0.startedAt < $1.startedAt }) {
            return .success(.resumed(latest))
        }
        if let maximum = settings.maxAttempts, previous.count >= maximum {
            return .failure(.quiz(.attemptsExhausted, [String(previous.count), String(maximum)]))
        }
        if let bad = slots.first(where: { !($0.mark.isFinite && $0.mark >= 0) }) {
            return .failure(.quiz(.markInvalid, [bad.questionID, decimalText(bad.mark)]))
        }
        // A quiz of descriptions alone (or all worth 0) could never be scored or passed.
        guard slots.contains(where: { $0.mark > 0 }) else { return .failure(.quiz(.noQuestions)) }
        var order = slots
        if settings.shuffle {
            var generator = SplitMix64(seed: seed)
            order.shuffle(using: &generator)
        }
        let number = (previous.map(\.number).max() ?? 0) + 1
        let deadline = settings.timeLimit.map { now.addingTimeInterval($0) }
        return .success(.started(AttemptState(number: number, startedAt: now, deadline: deadline, slots: order)))
    }

    /// Stores an answer. A later answer to the same question replaces the earlier one.
    /// Sending an answer again (same id, same content) is acknowledged without change,
    /// even after the deadline, so a device whose first send succeeded unseen can clear
    /// its queue; `duplicate` tells the app there is nothing to write.
    public static func saveAnswer(
        _ submission: AnswerSubmission, to attempt: AttemptState, now: Date
    ) -> Result<(attempt: AttemptState, duplicate: Bool), LocalizableMessage> {
        let id = submission.id.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty, id == submission.id, id.count <= maximumAnswerIDLength else {
            return .failure(.quiz(.answerIDInvalid))
        }
        if let earlier = attempt.receipts[id] {
            guard earlier == submission else { return .failure(.quiz(.answerIDReused)) }
            return .success((attempt, true))
        }
        var next = attempt.effectiveState(at: now)
        if case .finished(_, let reason) = next.status {
            guard reason == .deadline, let deadline = next.deadline else { return .failure(.quiz(.alreadyFinished)) }
            return .failure(deadlinePassed(deadline))
        }
        guard next.slot(submission.questionID) != nil else { return .failure(.quiz(.unknownQuestion)) }
        next.answers[submission.questionID] = SavedAnswer(submission: submission, savedAt: now)
        next.receipts[id] = submission
        return .success((next, false))
    }

    /// The learner finishes. After the deadline the attempt ends at its deadline instead
    /// (the answers saved in time count, and the learner sees the result); an attempt
    /// already stored as finished is refused, so a double submit changes nothing.
    public static func finish(_ attempt: AttemptState, now: Date) -> Result<AttemptState, LocalizableMessage> {
        guard !attempt.isFinished else { return .failure(.quiz(.alreadyFinished)) }
        var next = attempt.effectiveState(at: now)
        if !next.isFinished { next.status = .finished(at: now, reason: .submitted) }
        return .success(next)
    }

    /// A facilitator's grade for one question of a finished attempt, as a fraction 0…1
    /// of its marks; grading again replaces the earlier grade.
    public static func gradeManually(
        _ attempt: AttemptState, questionID: String, fraction: Double, now: Date
    ) -> Result<AttemptState, LocalizableMessage> {
        var next = attempt.effectiveState(at: now)
        guard next.isFinished else { return .failure(.quiz(.notFinished)) }
        guard next.slot(questionID) != nil else { return .failure(.quiz(.unknownQuestion)) }
        guard fraction.isFinite, (0...1).contains(fraction) else {
            return .failure(.quiz(.manualGradeRange, [decimalText(fraction * 100)]))
        }
        next.manualGrades[questionID] = fraction
        return .success(next)
    }

    /// The deadline as the learner reads it in Kupang: "09:30" and "2025-03-12".
    static func deadlinePassed(_ deadline: Date) -> LocalizableMessage {
        .quiz(.deadlinePassed, [WITA.clockTime(deadline), CivilDate.today(in: WITA.timeZone, now: deadline).iso])
    }
}
