/// Every catalogue key the GIFT reader uses (texts in `gift.id.json` and `gift.en.json`).
/// Typed rather than written as string literals so a misspelt key cannot compile and the
/// catalogue test can list them all. Messages never repeat the line number: the issue
/// carries it, and the app shows it beside the text.
enum GIFTMessageKey: String, Sendable, CaseIterable {
    // The question's shape (issue.line: the brace's or the question's first line)
    case braceUnclosed = "gift.brace.unclosed"
    case braceUnopened = "gift.brace.unopened"
    case braceExtra = "gift.brace.extra"
    case titleUnclosed = "gift.title.unclosed"
    case textEmpty = "gift.text.empty"
    /// {0}: the name written between the square brackets.
    case formatUnknown = "gift.format.unknown"
    // Answers (issue.line: the answer's line, or the question's for the block as a whole)
    case answerEmpty = "gift.answer.empty"
    /// {0}: the fewest answers the question type needs, {1}: how many there are.
    case answerTooFew = "gift.answer.too_few"
    case answerNoRight = "gift.answer.no_right"
    /// {0}: the weight as written, without the percent signs.
    case weightOutOfRange = "gift.weight.out_of_range"
    /// {0}: the weight as written, without the percent signs.
    case weightInvalid = "gift.weight.invalid"
    /// {0}: the sum of the positive weights, in percent.
    case weightSum = "gift.weight.sum"
    /// {0}: the answer as written.
    case numberInvalid = "gift.numerical.not_a_number"
    /// {0}: the tolerance as written.
    case toleranceNegative = "gift.numerical.negative_tolerance"
    /// {0}: the range's lower end, {1}: its upper end.
    case rangeReversed = "gift.numerical.range_reversed"
    case numericalCatchAll = "gift.numerical.catch_all_unsupported"
    /// {0}: the pair as written.
    case matchingNoArrow = "gift.matching.no_arrow"
    /// {0}: the prompt that has no answer.
    case matchingAnswerEmpty = "gift.matching.answer_empty"
    /// {0}: how many pairs with a prompt the question has.
    case matchingTooFew = "gift.matching.too_few"
}

extension LocalizableMessage {
    static func gift(_ key: GIFTMessageKey, _ arguments: [String] = []) -> LocalizableMessage {
        LocalizableMessage(key.rawValue, arguments)
    }
}
