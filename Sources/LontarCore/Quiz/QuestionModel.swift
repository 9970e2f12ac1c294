/// The question bank's model, shared by the GIFT and Moodle XML readers and writers and by
/// the grader. It follows Moodle's question types, because banks move between Lontar and
/// the Moodle/Totara sites partner universities run.

/// How a question's or answer's text is written (GIFT's `[html]`, Moodle XML's `format`).
public enum TextFormat: String, Sendable, Codable, CaseIterable {
    case moodle, html, plain, markdown
}

public struct FormattedText: Sendable, Equatable, Hashable, Codable {
    public var text: String
    public var format: TextFormat

    public init(_ text: String, format: TextFormat = .moodle) {
        self.text = text
        self.format = format
    }
}

/// An answer option with its credit: `fraction` 1 is full marks, 0.5 half, negative a penalty.
public struct AnswerOption: Sendable, Equatable, Hashable, Codable {
    public var text: FormattedText
    public var fraction: Double
    public var feedback: FormattedText?

    public init(_ text: FormattedText, fraction: Double, feedback: FormattedText? = nil) {
        self.text = text
        self.fraction = fraction
        self.feedback = feedback
    }
}

/// A numerical answer: right when |response − value| ≤ tolerance. A range `min..max` is
/// stored as its midpoint with half its width as tolerance.
public struct NumericalAnswer: Sendable, Equatable, Hashable, Codable {
    public var value: Double
    public var tolerance: Double
    public var fraction: Double
    public var feedback: FormattedText?

    public init(value: Double, tolerance: Double = 0, fraction: Double = 1, feedback: FormattedText? = nil) {
        self.value = value
        self.tolerance = tolerance
        self.fraction = fraction
        self.feedback = feedback
    }
}

/// One pair of a matching question: the prompt and the answer it goes with.
public struct MatchPair: Sendable, Equatable, Hashable, Codable {
    public var prompt: FormattedText
    public var answer: String

    public init(prompt: FormattedText, answer: String) {
        self.prompt = prompt
        self.answer = answer
    }
}

public enum QuestionBody: Sendable, Equatable, Hashable, Codable {
    /// `single`: one right answer (radio buttons) or several (check boxes, partial credit).
    case multipleChoice(options: [AnswerOption], single: Bool)
    case trueFalse(answer: Bool, feedbackWhenTrue: FormattedText?, feedbackWhenFalse: FormattedText?)
    /// Accepted answers compared case-insensitively unless `caseSensitive`; `*` is a wildcard.
    case shortAnswer(answers: [AnswerOption], caseSensitive: Bool)
    case numerical(answers: [NumericalAnswer])
    case matching(pairs: [MatchPair])
    /// Graded by a facilitator.
    case essay
    /// Text shown between questions; not graded.
    case description

    public var kind: QuestionKind {
        switch self {
        case .multipleChoice: .multipleChoice
        case .trueFalse: .trueFalse
        case .shortAnswer: .shortAnswer
        case .numerical: .numerical
        case .matching: .matching
        case .essay: .essay
        case .description: .description
        }
    }
}

public enum QuestionKind: String, Sendable, Codable, CaseIterable {
    case multipleChoice = "multichoice", trueFalse = "truefalse", shortAnswer = "shortanswer", numerical, matching,
        essay, description
}

public struct Question: Sendable, Equatable, Hashable, Codable {
    public var title: String?
    public var text: FormattedText
    public var body: QuestionBody
    /// Category path, levels separated by `/` (GIFT `$CATEGORY:`, Moodle XML `<category>`).
    public var category: String?
    public var generalFeedback: FormattedText?
    public var defaultMark: Double

    public init(
        title: String? = nil, text: FormattedText, body: QuestionBody, category: String? = nil,
        generalFeedback: FormattedText? = nil, defaultMark: Double = 1
    ) {
        self.title = title
        self.text = text
        self.body = body
        self.category = category
        self.generalFeedback = generalFeedback
        self.defaultMark = defaultMark
    }
}

/// A problem in an imported file, located by line (GIFT) or by question number (XML).
public struct QuestionImportIssue: Sendable, Equatable, Codable, Error {
    public var line: Int?
    public var question: Int?
    public var message: LocalizableMessage

    public init(line: Int? = nil, question: Int? = nil, message: LocalizableMessage) {
        self.line = line
        self.question = question
        self.message = message
    }
}

/// The failure of a bank import: every issue in the file, never empty. A wrapper because
/// `Result` needs an `Error` and an array is not one; GIFT and Moodle XML share it.
public struct QuestionImportFailure: Error, Sendable, Equatable {
    public var issues: [QuestionImportIssue]

    public init(_ issues: [QuestionImportIssue]) { self.issues = issues }
}

/// Moodle's category paths, which GIFT's `$CATEGORY:` and Moodle XML's `<category>` share.
enum QuestionCategory {
    /// `$course$/top/Bab 1/Etika` → `Bab 1/Etika`. Moodle prefixes the context (`$course$`,
    /// `$system$`, …) and, since 3.5, the `top` category every context has; older exports
    /// lack `top`. Exactly one of each is removed, so a category really named "top" survives
    /// the round trip; nil for no category. Moodle's `//` (a `/` inside a name) is kept.
    static func path(_ trimmed: Substring) -> String? {
        var path = trimmed
        if path.first == "$", let close = path.dropFirst().firstIndex(of: "$") {
            let afterContext = path[path.index(after: close)...]
            path = afterContext.first == "/" ? afterContext.dropFirst() : afterContext
        }
        if path == "top" {
            path = ""
        } else if path.hasPrefix("top/") {
            path = path.dropFirst(4)
        }
        return path.isEmpty ? nil : String(path)
    }
}
