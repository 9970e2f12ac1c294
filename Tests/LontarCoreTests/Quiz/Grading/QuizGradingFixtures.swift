import Foundation
import Testing
@testable import LontarCore

/// Namespace for the grading suites: every test id then contains "Grading", so
/// `swift test --filter Grading` runs exactly these.
enum QuizGrading {
    static func text(_ string: String) -> FormattedText { FormattedText(string) }

    static func option(_ string: String, _ fraction: Double, feedback: String? = nil) -> AnswerOption {
        AnswerOption(text(string), fraction: fraction, feedback: feedback.map(text))
    }

    static func question(_ body: QuestionBody, mark: Double = 1) -> Question {
        Question(text: text("?"), body: body, defaultMark: mark)
    }

    static func shortAnswer(_ answers: [AnswerOption], caseSensitive: Bool = false) -> Question {
        question(.shortAnswer(answers: answers, caseSensitive: caseSensitive))
    }

    /// 12 March 2025, 08:00 WITA (00:00 UTC).
    static let start = Date(timeIntervalSince1970: 1_741_737_600)
}
