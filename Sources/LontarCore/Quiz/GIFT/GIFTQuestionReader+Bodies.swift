/// The answers of each question type. Each reader reports every broken answer, then
/// checks the answers as a whole only when all of them could be read: a count or a sum
/// over half the answers would add a misleading second message.
extension GIFTQuestionReader {
    mutating func multipleChoice(_ inner: GIFTGlyphs, format: TextFormat) -> QuestionBody? {
        let segments = inner.cut(at: ["~", "="])
        let single = segments.contains { $0.marker == "=" }
        guard let options = options(segments, fraction: { $0 == "=" ? 1 : 0 }, format: format) else { return nil }
        guard options.count >= 2 else {
            report(.answerTooFew, line: firstLine, ["2", String(options.count)])
            return nil
        }
        if single {
            guard options.contains(where: { $0.fraction == 1 }) else {
                report(.answerNoRight, line: firstLine)
                return nil
            }
        } else {
            let positive = options.map(\.fraction).filter { $0 > 0 }.reduce(0, +)
            guard positive > 0 else {
                report(.answerNoRight, line: firstLine)
                return nil
            }
            // Moodle rounds the sum to two decimals of a fraction before comparing.
            guard abs(positive - 1) < 0.005 else {
                report(.weightSum, line: firstLine, [GIFTNumber.format((positive * 1e4).rounded() / 100)])
                return nil
            }
        }
        return .multipleChoice(options: options, single: single)
    }

    /// Every answer is right unless weighted less; `{Kupang}` without `=` is accepted, as
    /// Moodle accepts it. Matching is always case-insensitive: GIFT cannot say otherwise.
    mutating func shortAnswer(_ inner: GIFTGlyphs, format: TextFormat) -> QuestionBody? {
        guard let answers = options(inner.cut(at: ["="]), fraction: { _ in 1 }, format: format) else { return nil }
        guard answers.contains(where: { $0.fraction == 1 }) else {
            report(.answerNoRight, line: firstLine)
            return nil
        }
        return .shortAnswer(answers: answers, caseSensitive: false)
    }

    /// `{TRUE#shown to a wrong answer#shown to a right answer}`, Moodle's convention; the
    /// model keeps feedback by the learner's choice instead.
    mutating func trueFalse(_ inner: GIFTGlyphs, format: TextFormat) -> QuestionBody? {
        let (head, feedback) = inner.splitFeedback
        let answer = ["T", "TRUE"].contains(head.trimmed.plainText.uppercased())
        var broken = false
        let whenWrong = note(feedback?.splitFeedback.answer, format: format, broken: &broken)
        let whenRight = note(feedback?.splitFeedback.feedback, format: format, broken: &broken)
        if broken { return nil }
        return .trueFalse(
            answer: answer, feedbackWhenTrue: answer ? whenRight : whenWrong,
            feedbackWhenFalse: answer ? whenWrong : whenRight)
    }

    /// `{#3.14:0.01}`, `{#1..5}`, or several weighted answers `{# =%100%3:0 =%50%3:1}`.
    mutating func numerical(_ inner: GIFTGlyphs, format: TextFormat) -> QuestionBody? {
        var answers: [NumericalAnswer] = []
        var broken = false
        for segment in inner.cut(at: ["=", "~"]) {
            if segment.marker == nil && segment.body.trimmed.isEmpty { continue }
            if segment.marker == "~" {
                report(.numericalCatchAll, line: segment.line)
                broken = true
                continue
            }
            guard let answer = numericalAnswer(segment, format: format) else {
                broken = true
                continue
            }
            answers.append(answer)
        }
        if broken { return nil }
        guard !answers.isEmpty else {
            report(.answerTooFew, line: firstLine, ["1", "0"])
            return nil
        }
        guard answers.contains(where: { $0.fraction == 1 }) else {
            report(.answerNoRight, line: firstLine)
            return nil
        }
        return .numerical(answers: answers)
    }

    /// `=prompt -> answer` pairs. The answer is plain text, as in Moodle.
    mutating func matching(_ inner: GIFTGlyphs, format: TextFormat) -> QuestionBody? {
        var pairs: [MatchPair] = []
        var broken = false
        for segment in inner.cut(at: ["="]) {
            let body = segment.body.trimmed
            if segment.marker == nil && body.isEmpty { continue }
            guard let arrow = body.firstRun(["-", ">"]) else {
                report(.matchingNoArrow, line: segment.line, [body.plainText])
                broken = true
                continue
            }
            let answer = body[(arrow + 2)...].trimmed.plainText
            guard let prompt = formatted(body[..<arrow], default: format) else {
                broken = true
                continue
            }
            guard !answer.isEmpty else {
                report(.matchingAnswerEmpty, line: segment.line, [prompt.text])
                broken = true
                continue
            }
            pairs.append(MatchPair(prompt: prompt, answer: answer))
        }
        if broken { return nil }
        let prompts = pairs.filter { !$0.prompt.text.isEmpty }.count
        guard prompts >= 2 else {
            report(.matchingTooFew, line: firstLine, [String(prompts)])
            return nil
        }
        return .matching(pairs: pairs)
    }

    /// The options of a multiple-choice or short-answer block; nil when any is broken.
    /// Unmarked text before the first mark is an answer too, as in Moodle.
    private mutating func options(
        _ segments: [GIFTSegment], fraction: (Unicode.Scalar?) -> Double, format: TextFormat
    ) -> [AnswerOption]? {
        var options: [AnswerOption] = []
        var broken = false
        for segment in segments {
            var body = segment.body.trimmed
            if segment.marker == nil && body.isEmpty { continue }
            guard let written = weight(&body, line: segment.line) else {
                broken = true
                continue
            }
            let (answer, feedback) = body.splitFeedback
            let explained = note(feedback, format: format, broken: &broken)
            guard let text = formatted(answer, default: format) else {
                broken = true
                continue
            }
            guard !text.text.isEmpty else {
                report(.answerEmpty, line: segment.line)
                broken = true
                continue
            }
            options.append(AnswerOption(text, fraction: written ?? fraction(segment.marker), feedback: explained))
        }
        return broken ? nil : options
    }

    private mutating func numericalAnswer(_ segment: GIFTSegment, format: TextFormat) -> NumericalAnswer? {
        var body = segment.body.trimmed
        guard let written = weight(&body, line: segment.line) else { return nil }
        let (answer, feedback) = body.splitFeedback
        var broken = false
        let explained = note(feedback, format: format, broken: &broken)
        guard let number = numericalValue(answer.trimmed.plainText, line: segment.line), !broken else { return nil }
        return NumericalAnswer(
            value: number.value, tolerance: number.tolerance, fraction: written ?? 1, feedback: explained)
    }

    /// Feedback after `#`, nil when absent or empty; `broken` is set for an unknown format.
    private mutating func note(_ glyphs: GIFTGlyphs?, format: TextFormat, broken: inout Bool) -> FormattedText? {
        guard let glyphs else { return nil }
        guard let text = formatted(glyphs, default: format) else {
            broken = true
            return nil
        }
        return nonEmpty(text)
    }

    /// `min..max` (stored as midpoint ± half the width), `value:tolerance`, or `value`.
    private mutating func numericalValue(_ raw: String, line: Int) -> (value: Double, tolerance: Double)? {
        func number(_ text: Substring) -> Double? { GIFTNumber.parse(String(GIFT.trimBlanks(text))) }
        if let dots = raw.firstRange(of: ".."), dots.lowerBound > raw.startIndex {
            let lowText = raw[..<dots.lowerBound]
            let highText = raw[dots.upperBound...]
            guard let low = number(lowText), let high = number(highText) else {
                report(.numberInvalid, line: line, [raw])
                return nil
            }
            guard low <= high else {
                report(
                    .rangeReversed, line: line, [String(GIFT.trimBlanks(lowText)), String(GIFT.trimBlanks(highText))])
                return nil
            }
            let middle = (low + high) / 2
            return (middle, high - middle)
        }
        var valueText = Substring(raw)
        var toleranceText: Substring = "0"
        if let colon = raw.firstIndex(of: ":"), colon > raw.startIndex {
            valueText = raw[..<colon]
            toleranceText = raw[raw.index(after: colon)...]
        }
        guard let value = number(valueText), let tolerance = number(toleranceText) else {
            report(.numberInvalid, line: line, [raw])
            return nil
        }
        guard tolerance >= 0 else {
            report(.toleranceNegative, line: line, [String(GIFT.trimBlanks(toleranceText))])
            return nil
        }
        return (value, tolerance)
    }

    /// A leading `%weight%`: `.some(nil)` when none is written, nil when the weight is
    /// broken (reported). `%…%` holding no digits at all is text, as in Moodle ("%x% off").
    private mutating func weight(_ body: inout GIFTGlyphs, line: Int) -> Double?? {
        guard let first = body.first, first.isMark("%"), let close = body.dropFirst().firstMark("%") else {
            return .some(nil)
        }
        let raw = body[(body.startIndex + 1)..<close].trimmed.plainText
        guard let value = GIFTNumber.parse(raw) else {
            if raw.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) {
                report(.weightInvalid, line: line, [raw])
                return nil
            }
            return .some(nil)
        }
        guard (-100...100).contains(value), let fraction = GIFTNumber.parse(raw, shift: -2) else {
            report(.weightOutOfRange, line: line, [raw])
            return nil
        }
        body = body[(close + 1)...].trimmed
        return fraction
    }
}
