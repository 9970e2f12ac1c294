/// Every catalogue key the Moodle XML reader uses (texts in `moodlexml.id.json` and
/// `moodlexml.en.json`). Typed rather than written as string literals so a misspelt key
/// cannot compile and the catalogue test can list them all. Messages never repeat the
/// question number or line: the issue carries those, and the app shows them beside the text.
enum MoodleXMLMessageKey: String, Sendable, CaseIterable {
    // The file as a whole (issue.line set where the parser knows it)
    case fileEmpty = "moodlexml.file.empty"
    case fileMalformed = "moodlexml.file.malformed"
    case fileTagMismatch = "moodlexml.file.tag_mismatch"
    case fileUnexpectedEnd = "moodlexml.file.unexpected_end"
    case fileUnescapedMarkup = "moodlexml.file.unescaped_markup"
    case fileInvalidCharacter = "moodlexml.file.invalid_character"
    /// {0}: the root element's name.
    case fileNotQuiz = "moodlexml.file.not_quiz"
    // One question (issue.question set)
    case typeMissing = "moodlexml.question.type_missing"
    /// {0}: the type attribute, e.g. `multianswer`.
    case typeUnsupported = "moodlexml.question.type_unsupported"
    case textMissing = "moodlexml.question.text_missing"
    /// {0}: the format attribute.
    case formatUnknown = "moodlexml.question.format_unknown"
    /// {0}: element name, {1}: its content.
    case valueInvalid = "moodlexml.question.value_invalid"
    /// {0}: the embedded file's name.
    case filesUnsupported = "moodlexml.question.files_unsupported"
    // Answers
    case answerTextMissing = "moodlexml.answer.text_missing"
    /// {0}: the fraction attribute.
    case fractionInvalid = "moodlexml.answer.fraction_invalid"
    /// {0}: the fraction attribute (a percentage).
    case fractionOutOfRange = "moodlexml.answer.fraction_out_of_range"
    case noCorrectAnswer = "moodlexml.answer.none_correct"
    /// {0}: the answer's text.
    case numberInvalid = "moodlexml.numerical.not_a_number"
    case numericalWildcard = "moodlexml.numerical.wildcard"
    case trueFalseInvalid = "moodlexml.truefalse.invalid"
    /// {0}: how many pairs the question has.
    case matchingTooFewPairs = "moodlexml.matching.too_few_pairs"
    /// {0}: the prompt without an answer.
    case matchingAnswerMissing = "moodlexml.matching.answer_missing"
}

extension LocalizableMessage {
    static func moodleXML(_ key: MoodleXMLMessageKey, _ arguments: [String] = []) -> LocalizableMessage {
        LocalizableMessage(key.rawValue, arguments)
    }
}
