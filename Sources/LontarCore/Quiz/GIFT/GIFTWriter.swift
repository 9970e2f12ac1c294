extension GIFT {
    /// The questions as a GIFT file that `parse` reads back to the same questions, laid
    /// out as Moodle exports (one answer per line) so a reader can follow it and an import
    /// error names the answer's own line.
    ///
    /// What GIFT cannot say is lost, so such questions come back normalised: a
    /// short answer's case sensitivity, the default mark, a description's general
    /// feedback, empty titles, categories and feedback (read back as none), blanks at the
    /// ends of a text, line breaks other than `\n`, and `->` inside a matching prompt or a
    /// short answer (GIFT has no escape for it). Questions `parse` would refuse (say, a
    /// multiple-answer question whose weights do not add up to 100%) are written as they
    /// are, and refused on the way back in.
    public static func write(_ questions: [Question]) -> String {
        var parts: [String] = []
        var category: String?
        for question in questions {
            let wanted = question.category.map(GIFTWriter.categoryPath).flatMap { $0.isEmpty ? nil : $0 }
            if wanted != category {
                // Moodle's own form, which Moodle files under the course it imports into;
                // the top alone takes later questions out of any category.
                parts.append("$CATEGORY: $course$/top" + (wanted.map { "/" + $0 } ?? ""))
                category = wanted
            }
            parts.append(GIFTWriter.question(question))
        }
        return parts.map { $0 + "\n" }.joined(separator: "\n")
    }
}

enum GIFTWriter {
    static func question(_ question: Question) -> String {
        var head = question.title.flatMap { $0.isEmpty ? nil : "::" + escape($0) + "::" } ?? ""
        // Without a title the text starts the line, and a line starting `//` is a comment.
        head += marker(question.text, default: .moodle, protectComment: head.isEmpty)
        let text = question.text.text
        guard let lines = blockLines(question) else { return head + escape(text) }
        let block =
            lines.count <= 1 ? "{" + lines.joined() + "}" : "{\n" + lines.map { "\t" + $0 + "\n" }.joined() + "}"
        // A blank inside the text (missing word) is where the block goes back, as the author
        // wrote it; a blank at the very end cannot be, since the block would not be "inside".
        if let blank = text.firstRange(of: "_____") {
            let after = text[blank.upperBound...]
            if !GIFT.trimBlanks(after).isEmpty {
                return head + escape(text[..<blank.lowerBound]) + block + escape(after)
            }
        }
        return head + escape(text) + " " + block
    }

    /// The block's lines, without braces; nil for a description, which has no block.
    private static func blockLines(_ question: Question) -> [String]? {
        let format = question.text.format
        var lines: [String]
        switch question.body {
        case .description:
            return nil
        case .essay:
            lines = []
        case .multipleChoice(let options, let single):
            // Moodle's rule: a single-answer question is one with a `=`. Only one `=` is
            // written, so that a block always holds a `~` and is read as multiple choice.
            var equalsWritten = false
            lines = options.map { option in
                var mark = "~"
                if single && option.fraction == 1 && !equalsWritten {
                    equalsWritten = true
                    mark = "="
                }
                let implied: Double = mark == "=" ? 1 : 0
                return mark + weight(option.fraction, implied: implied, before: option.text)
                    + answer(option.text, format) + feedback(option.feedback, format)
            }
        case .trueFalse(let answer, let whenTrue, let whenFalse):
            let right = answer ? whenTrue : whenFalse
            let wrong = answer ? whenFalse : whenTrue
            var line = answer ? "TRUE" : "FALSE"
            if hasText(right) || hasText(wrong) { line += "#" + (hasText(wrong) ? text(wrong!, format) : "") }
            if hasText(right) { line += "#" + text(right!, format) }
            lines = [line]
        case .shortAnswer(let answers, _):
            lines = answers.map {
                "=" + weight($0.fraction, implied: 1, before: $0.text) + answer($0.text, format)
                    + feedback($0.feedback, format)
            }
        case .numerical(let answers):
            let specs = answers.map { answer in
                var spec = GIFTNumber.format(answer.value)
                if answer.tolerance != 0 { spec += ":" + GIFTNumber.format(answer.tolerance) }
                return (answer.fraction, spec + feedback(answer.feedback, format))
            }
            if specs.count == 1 && specs[0].0 == 1 {
                lines = ["#" + specs[0].1]
            } else {
                lines = ["#"] + specs.map { "=" + ($0.0 == 1 ? "" : "%" + GIFTNumber.percent($0.0) + "%") + $0.1 }
            }
        case .matching(let pairs):
            lines = pairs.map { "=" + answer($0.prompt, format) + " -> " + escape($0.answer) }
        }
        if let general = question.generalFeedback, !general.text.isEmpty {
            lines.append("####" + text(general, format))
        }
        return lines
    }

    /// The weight to write before an answer: none when the mark implies it, except that a
    /// text starting with `%` needs one written, or its start would be read as the weight.
    private static func weight(_ fraction: Double, implied: Double, before text: FormattedText) -> String {
        if fraction == implied && !text.text.hasPrefix("%") { return "" }
        return "%" + GIFTNumber.percent(fraction) + "%"
    }

    private static func answer(_ text: FormattedText, _ format: TextFormat) -> String {
        marker(text, default: format) + escape(text.text)
    }

    private static func feedback(_ note: FormattedText?, _ format: TextFormat) -> String {
        guard let note, !note.text.isEmpty else { return "" }
        return "#" + text(note, format)
    }

    private static func text(_ text: FormattedText, _ format: TextFormat) -> String {
        marker(text, default: format) + escape(text.text)
    }

    private static func hasText(_ text: FormattedText?) -> Bool { !(text?.text.isEmpty ?? true) }

    /// `[format]` when the text's format is not the one a reader would assume, or when the
    /// text itself starts like a marker ("[plain] …" written in Moodle format).
    private static func marker(
        _ text: FormattedText, default format: TextFormat, protectComment: Bool = false
    )
        -> String
    {
        let start = GIFT.trimBlanks(Substring(text.text))
        var looksLikeMarker = false
        if start.hasPrefix("["), let close = start.firstIndex(of: "]") {
            let name = start[start.index(after: start.startIndex)..<close]
            looksLikeMarker = !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
        }
        let needed = text.format != format || looksLikeMarker || (protectComment && start.hasPrefix("//"))
        return needed ? "[" + text.format.rawValue + "]" : ""
    }

    /// A category path on one line, as the reader trims it.
    static func categoryPath(_ path: String) -> String {
        String(GIFT.trimBlanks(Substring(path.split(whereSeparator: \.isNewline).joined(separator: " "))))
    }

    /// Backslashes before GIFT's special characters, and line breaks as `\n` so that a
    /// text never spans lines (a blank line would end the question).
    static func escape<S: StringProtocol>(_ text: S) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" && previous == "\r" { continue }
            if newlines.contains(scalar) {
                out.append(contentsOf: "\\n".unicodeScalars)
            } else {
                if GIFTGlyph.escapable.contains(scalar) { out.append("\\") }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Every scalar `Character.isNewline` splits lines at.
    private static let newlines: Set<Unicode.Scalar> = [
        "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
    ]
}
