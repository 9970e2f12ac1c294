import Foundation

/// Automatic grading of every question type, with Moodle's semantics so that a bank
/// imported from a partner's Moodle gives learners the marks it gave there.
public enum QuestionGrader {
    /// The grade of `response` (nil: not answered) to `question`. Pure and total: any
    /// response, however malformed, gets a grade, because responses are replayed from
    /// devices and a trap here would lose a whole attempt.
    public static func grade(_ question: Question, _ response: QuestionResponse?) -> GradedResponse {
        switch (question.body, response) {
        case (.description, _):
            return GradedResponse(fraction: nil, state: .notGradable)
        case (_, nil):
            return .notAnswered
        case (.multipleChoice(let options, let single), .choices(let chosen)?):
            return multipleChoice(options, single: single, chosen: chosen)
        case (.trueFalse(let answer, let whenTrue, let whenFalse), .boolean(let given)?):
            let feedback = given ? whenTrue : whenFalse
            return .graded(given == answer ? 1 : 0, feedback: feedback.map { [$0] } ?? [])
        case (.shortAnswer(let answers, let caseSensitive), .text(let typed)?):
            return shortAnswer(answers, caseSensitive: caseSensitive, typed: typed)
        case (.numerical(let answers), .number(let typed)?):
            return numerical(answers, typed: typed)
        case (.matching(let pairs), .matches(let given)?):
            return matching(pairs, given: given)
        case (.essay, .essay(let text)?):
            if text.collapsingWhitespace.isEmpty { return .notAnswered }
            return GradedResponse(fraction: nil, state: .needsGrading)
        default:
            // A response of another question type's shape: treated as no answer.
            return .notAnswered
        }
    }

    /// Single-answer: the chosen option's fraction. Multiple-answer: the sum of the
    /// chosen options' fractions, wrong options usually carrying penalties so that
    /// ticking every box does not earn full marks. Either total is clamped to 0…1.
    static func multipleChoice(_ options: [AnswerOption], single: Bool, chosen: Set<Int>) -> GradedResponse {
        guard !chosen.isEmpty, chosen.allSatisfy(options.indices.contains) else { return .notAnswered }
        // Radio buttons cannot send two choices; a request that does is not a real answer.
        if single && chosen.count > 1 { return .notAnswered }
        let picked = chosen.sorted().map { options[$0] }
        let total = picked.reduce(0) { $0 + $1.fraction }
        return .graded(total, feedback: picked.compactMap(\.feedback))
    }

    /// The best-scoring accepted answer the typed text matches (the first of equals,
    /// so its feedback is the one the author wrote first), or 0 when none matches.
    static func shortAnswer(_ answers: [AnswerOption], caseSensitive: Bool, typed: String) -> GradedResponse {
        let response = ShortAnswerMatcher.normalised(typed, caseSensitive: caseSensitive)
        if response.isEmpty { return .notAnswered }
        var best: AnswerOption?
        for answer in answers where answer.fraction > (best?.fraction ?? -.infinity) {
            let pattern = ShortAnswerMatcher.normalised(answer.text.text, caseSensitive: caseSensitive)
            if !pattern.isEmpty && ShortAnswerMatcher.matches(response, pattern: pattern) { best = answer }
        }
        guard let best else { return .graded(0) }
        return .graded(best.fraction, feedback: best.feedback.map { [$0] } ?? [])
    }

    /// The best-scoring answer within its tolerance of the typed number. Text that is
    /// not a number is wrong, with a message saying so, rather than silently zero.
    static func numerical(_ answers: [NumericalAnswer], typed: String) -> GradedResponse {
        if typed.collapsingWhitespace.isEmpty { return .notAnswered }
        guard let value = NumberReading.parse(typed) else {
            return GradedResponse(
                fraction: 0, state: .incorrect, message: .quiz(.notANumber, [typed.collapsingWhitespace]))
        }
        var best: NumericalAnswer?
        for answer in answers where answer.fraction > (best?.fraction ?? -.infinity) {
            if NumberReading.isWithinTolerance(value, of: answer) { best = answer }
        }
        guard let best else { return .graded(0) }
        return .graded(best.fraction, feedback: best.feedback.map { [$0] } ?? [])
    }

    /// Each pair weighs the same; a pair left unanswered is wrong. A pair with a blank
    /// prompt is a Moodle distractor (an extra answer to choose from, not a pair to
    /// match), so it is not counted, and a response naming it or a pair that does not
    /// exist is malformed.
    static func matching(_ pairs: [MatchPair], given: [Int: String]) -> GradedResponse {
        let gradable = pairs.indices.filter { !pairs[$0].prompt.text.collapsingWhitespace.isEmpty }
        if gradable.isEmpty { return GradedResponse(fraction: nil, state: .notGradable) }
        guard given.keys.allSatisfy(gradable.contains) else { return .notAnswered }
        let answered = given.filter { !$0.value.collapsingWhitespace.isEmpty }
        if answered.isEmpty { return .notAnswered }
        // Exact text after tidying spaces: the choices come from the question itself,
        // so any difference beyond whitespace means a different choice.
        let right = answered.filter { $0.value.collapsingWhitespace == pairs[$0.key].answer.collapsingWhitespace }
        return .graded(Double(right.count) / Double(gradable.count))
    }
}
