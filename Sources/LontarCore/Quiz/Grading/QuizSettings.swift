import Foundation

/// When a learner may see one kind of review information about a finished attempt.
public enum ReviewTiming: String, Sendable, Codable, CaseIterable {
    case never
    /// As soon as each attempt is finished.
    case afterEachAttempt
    /// Once the learner has passed or has no attempt left. Right answers shown after a
    /// failed attempt would be copied into the next one; once the learner has passed, or
    /// can try no more, they only teach. (Moodle's "after the quiz closes"; Lontar's
    /// self-paced quizzes have no closing date.)
    case afterPassOrLastAttempt
}

/// What the review of a finished attempt shows, and when.
public struct ReviewOptions: Sendable, Codable, Equatable, Hashable {
    /// The score and whether each question was right.
    public var marks: ReviewTiming
    /// Per-answer and general feedback as authored.
    public var feedback: ReviewTiming
    public var rightAnswers: ReviewTiming

    public init(
        marks: ReviewTiming = .afterEachAttempt, feedback: ReviewTiming = .afterEachAttempt,
        rightAnswers: ReviewTiming = .afterPassOrLastAttempt
    ) {
        self.marks = marks
        self.feedback = feedback
        self.rightAnswers = rightAnswers
    }

    /// Which parts are visible for an attempt. Nothing is shown while it is in progress,
    /// whatever the timing, so a second device cannot peek at the answers mid-attempt.
    public func visible(attemptFinished: Bool, passed: Bool, attemptsLeft: Bool) -> ReviewVisibility {
        func shows(_ timing: ReviewTiming) -> Bool {
            guard attemptFinished else { return false }
            switch timing {
            case .never: return false
            case .afterEachAttempt: return true
            case .afterPassOrLastAttempt: return passed || !attemptsLeft
            }
        }
        return ReviewVisibility(marks: shows(marks), feedback: shows(feedback), rightAnswers: shows(rightAnswers))
    }
}

public struct ReviewVisibility: Sendable, Equatable, Hashable {
    public let marks: Bool
    public let feedback: Bool
    public let rightAnswers: Bool
}

public struct QuizSettings: Sendable, Codable, Equatable, Hashable {
    /// Seconds from the start; nil for untimed. The deadline is enforced on the server.
    public var timeLimit: TimeInterval?
    /// Nil for unlimited.
    public var maxAttempts: Int?
    /// Percent, 0…100; an attempt passes at or above it.
    public var passMark: Double
    /// Whether each attempt shows the questions in its own order.
    public var shuffle: Bool
    public var reviewShows: ReviewOptions

    public init(
        timeLimit: TimeInterval? = nil, maxAttempts: Int? = nil, passMark: Double = 70, shuffle: Bool = false,
        reviewShows: ReviewOptions = ReviewOptions()
    ) {
        self.timeLimit = timeLimit
        self.maxAttempts = maxAttempts
        self.passMark = passMark
        self.shuffle = shuffle
        self.reviewShows = reviewShows
    }

    /// Everything wrong with the settings, empty when they may be saved.
    public func validate() -> [LocalizableMessage] {
        var problems: [LocalizableMessage] = []
        if !(passMark.isFinite && (0...100).contains(passMark)) {
            problems.append(.quiz(.passMarkRange, [decimalText(passMark)]))
        }
        // A limit under a minute is almost surely minutes typed into a seconds field.
        if let timeLimit, !(timeLimit.isFinite && timeLimit >= 60) {
            problems.append(.quiz(.timeLimitInvalid, [decimalText(timeLimit)]))
        }
        if let maxAttempts, maxAttempts < 1 {
            problems.append(.quiz(.maxAttemptsInvalid, [String(maxAttempts)]))
        }
        return problems
    }
}
