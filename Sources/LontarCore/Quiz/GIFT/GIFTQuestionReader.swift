/// Reads one question (the lines between blank lines, comments removed): title, text,
/// answer block, general feedback, then the answers by type. It reports every problem
/// it can find rather than stopping at the first, so an author fixes a file in one go.
struct GIFTQuestionReader {
    let glyphs: [GIFTGlyph]
    let firstLine: Int
    let category: String?
    private(set) var issues: [QuestionImportIssue] = []

    init(glyphs: [GIFTGlyph], firstLine: Int, category: String?) {
        self.glyphs = glyphs
        self.firstLine = firstLine
        self.category = category
    }

    mutating func report(_ key: GIFTMessageKey, line: Int, _ arguments: [String] = []) {
        issues.append(QuestionImportIssue(line: line, message: .gift(key, arguments)))
    }

    /// The question, or nil with the reasons in `issues`.
    mutating func read() -> Question? {
        var rest = glyphs[...].trimmed
        guard let title = readTitle(&rest) else { return nil }
        guard let block = locateBlock(rest) else { return nil }

        // The text is what surrounds the block; a block with text after it leaves a blank
        // ("missing word"), marked as Moodle marks it.
        var textGlyphs = rest
        var inner: GIFTGlyphs?
        if let block {
            let (open, close) = block
            let after = rest[(close + 1)...]
            textGlyphs = rest[..<open]
            if !after.trimmed.isEmpty {
                let blank = "_____".unicodeScalars.map { GIFTGlyph(scalar: $0, escaped: true, line: rest[open].line) }
                textGlyphs = (Array(textGlyphs) + blank + Array(after))[...]
            }
            inner = rest[(open + 1)..<close]
        }
        let text = formatted(textGlyphs, default: .moodle)
        if text?.text.isEmpty == true { report(.textEmpty, line: firstLine) }
        // An unknown format is already reported; reading on with the default still finds
        // the answers' problems.
        let format = text?.format ?? .moodle

        var generalFeedback: FormattedText?
        let body: QuestionBody?
        if var inner {
            if let hashes = inner.lastRun(["#", "#", "#", "#"]) {
                generalFeedback = formatted(inner[(hashes + 4)...], default: format).flatMap(nonEmpty)
                inner = inner[..<hashes]
            }
            body = readBody(inner.trimmed, format: format)
        } else {
            body = .description
        }
        guard let text, let body, issues.isEmpty else { return nil }
        return Question(
            title: title.isEmpty ? nil : title, text: text, body: body, category: category,
            generalFeedback: generalFeedback)
    }

    /// Removes a leading `::title::` from `rest` and returns the title ("" when there is
    /// none); nil when the title is never closed.
    private mutating func readTitle(_ rest: inout GIFTGlyphs) -> String? {
        guard rest.firstRun([":", ":"]) == rest.startIndex else { return "" }
        let inside = rest[(rest.startIndex + 2)...]
        guard let end = inside.firstRun([":", ":"]) else {
            report(.titleUnclosed, line: firstLine)
            return nil
        }
        rest = inside[(end + 2)...].trimmed
        return inside[..<end].trimmed.plainText
    }

    /// The answer block's braces: nil when they are broken (reported), `.some(nil)` when
    /// there is no block (a description).
    private mutating func locateBlock(_ rest: GIFTGlyphs) -> (open: Int, close: Int)?? {
        var open: Int?
        var close: Int?
        for index in rest.indices {
            let glyph = rest[index]
            if glyph.isMark("{") {
                // Moodle would take the first `{` and the first `}` and leave the rest in the
                // text, which is never what the author meant.
                guard open == nil else {
                    report(.braceExtra, line: glyph.line)
                    return nil
                }
                open = index
            } else if glyph.isMark("}") {
                guard open != nil, close == nil else {
                    report(.braceUnopened, line: glyph.line)
                    return nil
                }
                close = index
            }
        }
        switch (open, close) {
        case (nil, _): return .some(nil)
        case (let open?, nil):
            report(.braceUnclosed, line: rest[open].line)
            return nil
        case (let open?, let close?): return (open, close)
        }
    }

    /// The type follows from the block's content, in Moodle's order of tests.
    private mutating func readBody(_ inner: GIFTGlyphs, format: TextFormat) -> QuestionBody? {
        guard let first = inner.first else { return .essay }
        if first.isMark("#") { return numerical(inner.dropFirst(), format: format) }
        if inner.firstMark("~") != nil { return multipleChoice(inner, format: format) }
        if inner.firstMark("=") != nil && inner.firstRun(["-", ">"]) != nil {
            return matching(inner, format: format)
        }
        let head = inner.splitFeedback.answer.trimmed.plainText.uppercased()
        if ["T", "TRUE", "F", "FALSE"].contains(head) { return trueFalse(inner, format: format) }
        return shortAnswer(inner, format: format)
    }

    /// A text with its optional leading `[format]`; `format` when none is written. Nil
    /// when the format is unknown (reported). Only lowercase ASCII letters between the
    /// brackets make a marker, so a text starting "[Pasal 5]" stays text.
    mutating func formatted(_ glyphs: GIFTGlyphs, default format: TextFormat) -> FormattedText? {
        let text = glyphs.trimmed
        guard let open = text.first, open.isMark("["), let close = text.firstMark("]") else {
            return FormattedText(text.plainText, format: format)
        }
        let name = text[(text.startIndex + 1)..<close].plainText
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
            return FormattedText(text.plainText, format: format)
        }
        guard let written = TextFormat(rawValue: name) else {
            report(.formatUnknown, line: open.line, [name])
            return nil
        }
        return FormattedText(text[(close + 1)...].trimmed.plainText, format: written)
    }

    /// Moodle stores no feedback when the text after `#` is empty; neither does Lontar.
    func nonEmpty(_ text: FormattedText) -> FormattedText? { text.text.isEmpty ? nil : text }
}
