import Foundation

/// A question's place in an attempt: which bank question, worth how many marks. Marks
/// are fixed when the attempt starts, so an author re-weighting a question later does
/// not change the score of attempts already taken.
public struct QuestionSlot: Sendable, Codable, Equatable, Hashable {
    public var questionID: String
    public var mark: Double

    public init(questionID: String, mark: Double) {
        self.questionID = questionID
        self.mark = mark
    }
}

/// An answer as the device sends it. `id` is made on the device when the learner
/// answers, so a resend after a lost connection is recognised and never counts twice.
public struct AnswerSubmission: Sendable, Codable, Equatable, Hashable {
    public var id: String
    public var questionID: String
    public var response: QuestionResponse

    public init(id: String, questionID: String, response: QuestionResponse) {
        self.id = id
        self.questionID = questionID
        self.response = response
    }
}

/// An accepted answer and the server time it was accepted.
public struct SavedAnswer: Sendable, Codable, Equatable, Hashable {
    public var submission: AnswerSubmission
    public var savedAt: Date

    public init(submission: AnswerSubmission, savedAt: Date) {
        self.submission = submission
        self.savedAt = savedAt
    }
}

public enum FinishReason: String, Sendable, Codable, CaseIterable {
    /// The learner finished it.
    case submitted
    /// Its time ran out; it ended at the deadline, whenever the server noticed.
    case deadline
}

public enum AttemptStatus: Sendable, Codable, Equatable, Hashable {
    case inProgress
    case finished(at: Date, reason: FinishReason)
}

/// One learner's attempt at a quiz, as stored. Everything that changes it goes through
/// `AttemptMachine`; the app persists what the machine returns.
public struct AttemptState: Sendable, Codable, Equatable, Hashable {
    /// 1 for the learner's first attempt at this quiz.
    public let number: Int
    public let startedAt: Date
    /// `startedAt` + the time limit; nil when untimed.
    public let deadline: Date?
    /// The questions in the order this attempt shows them.
    public let slots: [QuestionSlot]
    /// The latest answer to each question, by question id.
    public internal(set) var answers: [String: SavedAnswer]
    /// Every answer ever accepted, by its device-made id, superseded ones included: an
    /// old answer resent late must be recognised as already received, not replace the
    /// newer one given since.
    public internal(set) var receipts: [String: AnswerSubmission]
    /// A facilitator's grade (0…1) by question id: essays, or an override of the
    /// automatic grade as Moodle allows.
    public internal(set) var manualGrades: [String: Double]
    public internal(set) var status: AttemptStatus

    public init(
        number: Int, startedAt: Date, deadline: Date?, slots: [QuestionSlot], answers: [String: SavedAnswer] = [:],
        receipts: [String: AnswerSubmission] = [:], manualGrades: [String: Double] = [:],
        status: AttemptStatus = .inProgress
    ) {
        self.number = number
        self.startedAt = startedAt
        self.deadline = deadline
        self.slots = slots
        self.answers = answers
        self.receipts = receipts
        self.manualGrades = manualGrades
        self.status = status
    }

    /// The attempt as it stands at `now`: an attempt still marked in progress whose
    /// deadline has passed is finished, at its deadline. The server does not need a timer
    /// to end attempts; every rule looks through this, so a late answer is refused even
    /// if nobody has closed the attempt yet. Saving exactly at the deadline is allowed.
    public func effectiveState(at now: Date) -> AttemptState {
        guard status == .inProgress, let deadline, now > deadline else { return self }
        var finished = self
        finished.status = .finished(at: deadline, reason: .deadline)
        return finished
    }

    public var isFinished: Bool { status != .inProgress }

    /// The slot of a question, if the attempt has it.
    public func slot(_ questionID: String) -> QuestionSlot? {
        slots.first { $0.questionID == questionID }
    }
}
