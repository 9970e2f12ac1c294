/// The type-specific part of each question. Each reader reports everything wrong with its
/// answers (not just the first problem) and returns nil when the body cannot be built.
extension QuestionReader {
    mutating func multipleChoice() -> QuestionBody? {
        // `single` defaults to true in Moodle; `shuffleanswers` and `answernumbering` are
        // display choices Lontar's quiz settings make instead, so they are not read.
        let single = flag("single", default: true)
        guard let options = options() else { return nil }
        return .multipleChoice(options: options, single: single)
    }

    mutating func shortAnswer() -> QuestionBody? {
        let caseSensitive = flag("usecase", default: false)
        guard let answers = options() else { return nil }
        return .shortAnswer(answers: answers, caseSensitive: caseSensitive)
    }

    /// The `<answer>` elements as options; nil when any is broken or none earns marks (the
    /// question could never be answered right).
    private mutating func options() -> [AnswerOption]? {
        var options: [AnswerOption] = []
        var broken = false
        var anyCorrect = false
        for answer in node.all("answer") {
            let fraction = fraction(answer)
            anyCorrect = anyCorrect || fraction > 0
            let feedback = formatted(answer.first("feedback"))
            guard let text = formatted(answer) else {
                report(.answerTextMissing)
                broken = true
                continue
            }
            options.append(AnswerOption(text, fraction: fraction, feedback: feedback))
        }
        if !anyCorrect { report(.noCorrectAnswer) }
        return broken || !anyCorrect ? nil : options
    }

    /// Moodle writes the answers `true` and `false`; the one with 100% is right, and each
    /// answer's feedback is shown to a learner who picked it.
    mutating func trueFalse() -> QuestionBody? {
        let reportedBefore = messages.count
        var fractions: [Bool: Double] = [:]
        var feedback: [Bool: FormattedText] = [:]
        for answer in node.all("answer") {
            let value: Bool
            switch answer.first("text").map({ trimmed($0.innerText).lowercased() }) {
            case "true": value = true
            case "false": value = false
            default:
                report(.trueFalseInvalid)
                return nil
            }
            guard fractions[value] == nil else {
                report(.trueFalseInvalid)
                return nil
            }
            fractions[value] = fraction(answer)
            feedback[value] = formatted(answer.first("feedback"))
        }
        // A broken fraction is already reported; saying the pair is wrong too would be noise.
        guard messages.count == reportedBefore else { return nil }
        switch (fractions[true], fractions[false]) {
        case (1, 0), (0, 1): break
        default:
            report(.trueFalseInvalid)
            return nil
        }
        return .trueFalse(
            answer: fractions[true] == 1, feedbackWhenTrue: feedback[true], feedbackWhenFalse: feedback[false])
    }

    mutating func numerical() -> QuestionBody? {
        var answers: [NumericalAnswer] = []
        var broken = false
        var anyCorrect = false
        for answer in node.all("answer") {
            let fraction = fraction(answer)
            anyCorrect = anyCorrect || fraction > 0
            let feedback = formatted(answer.first("feedback"))
            let raw = trimmed(answer.first("text")?.innerText ?? "")
            // `*` is Moodle's "any other answer", there to carry feedback; Lontar's model has
            // no such answer, and dropping it would lose that feedback without a word.
            if raw == "*" {
                report(.numericalWildcard)
                broken = true
                continue
            }
            guard let value = MoodleDecimal.parse(raw) else {
                report(.numberInvalid, raw)
                broken = true
                continue
            }
            let toleranceText = trimmed(answer.first("tolerance")?.innerText ?? "0")
            guard let tolerance = MoodleDecimal.parse(toleranceText.isEmpty ? "0" : toleranceText), tolerance >= 0
            else {
                report(.valueInvalid, "tolerance", toleranceText)
                broken = true
                continue
            }
            answers.append(NumericalAnswer(value: value, tolerance: tolerance, fraction: fraction, feedback: feedback))
        }
        if !anyCorrect { report(.noCorrectAnswer) }
        return broken || !anyCorrect ? nil : .numerical(answers: answers)
    }

    /// A subquestion with a blank prompt is an extra wrong answer (Moodle's distractor) and
    /// is kept as a pair with an empty prompt; one blank all over is ignored, as Moodle does.
    mutating func matching() -> QuestionBody? {
        var pairs: [MatchPair] = []
        var broken = false
        var prompts = 0
        for sub in node.all("subquestion") {
            let prompt = trimmed(sub.first("text")?.innerText ?? "")
            let answer = trimmed(sub.first("answer")?.first("text")?.innerText ?? "")
            if prompt.isEmpty && answer.isEmpty { continue }
            if !prompt.isEmpty { prompts += 1 }
            let format = format(of: sub, default: defaultFormat)
            guard !answer.isEmpty else {
                report(.matchingAnswerMissing, prompt)
                broken = true
                continue
            }
            pairs.append(MatchPair(prompt: FormattedText(prompt, format: format), answer: answer))
        }
        if prompts < 2 { report(.matchingTooFewPairs, String(prompts)) }
        return broken || prompts < 2 ? nil : .matching(pairs: pairs)
    }
}
