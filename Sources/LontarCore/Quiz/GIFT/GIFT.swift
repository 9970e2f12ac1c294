/// Moodle's GIFT question format: reading a file into the question bank's model and
/// writing the bank back out.
///
/// Reading follows Moodle's own importer (`question/format/gift/format.php`) wherever it
/// is well defined, so a file that imports in Moodle imports here with the same meaning;
/// where Moodle silently guesses (an unknown `[format]`, a weight that is not a number, a
/// second answer block) Lontar refuses the file and says why. Deliberate choices:
///
/// - Multiple choice is single-answer (radio buttons) exactly when some answer is marked
///   with `=`, as in Moodle; `{~%50%a ~%50%b ~%-100%c}` without `=` is multiple-answer.
///   This keeps every Moodle file's meaning and lets the writer express both kinds. A
///   single-answer question needs an answer worth 100%; the positive weights of a
///   multiple-answer question must add up to 100% (±0.5, for weights such as 33.33333).
/// - Matching needs at least two pairs with a prompt: the rule Moodle's GIFT importer
///   enforces and Lontar's Moodle XML reader shares (Moodle's documentation suggests
///   three). A pair with an empty prompt (`= -> Ende`) is an extra wrong answer.
/// - The missing-word form keeps the blank in the text as `_____`, as Moodle does.
/// - Numerical `~` ("any other answer", for feedback) is refused: the model has no such
///   answer, and dropping it would lose the feedback without a word.
/// - `{T}`, `{TRUE}`, `{F}`, `{FALSE}` are read in any letter case.
/// - Categories are read and written as Lontar's Moodle XML reader and writer do them
///   (`$CATEGORY: $course$/top/Latsar/SKP` is `Latsar/SKP`; `$course$/top` alone, or an
///   empty path, is no category), so a bank moves between the two formats unchanged.
public enum GIFT {
    /// The questions of a GIFT file, or every issue found in it (then no question at all,
    /// so that a caller cannot import half a file). Issues carry the 1-based line of the
    /// broken answer or brace, or else of the question's first line.
    public static func parse(_ text: String) -> Result<[Question], ImportFailure> {
        var questions: [Question] = []
        var issues: [QuestionImportIssue] = []
        var category: String?
        var block: [(number: Int, text: Substring)] = []

        func finishQuestion() {
            defer { block = [] }
            guard let first = block.first else { return }
            var reader = GIFTQuestionReader(
                glyphs: GIFTGlyph.read(block), firstLine: first.number, category: category)
            if let question = reader.read(), reader.issues.isEmpty { questions.append(question) }
            issues += reader.issues
        }

        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, raw) in lines.enumerated() {
            // Files saved by Windows editors start with a byte-order mark.
            let line = trimBlanks(offset == 0 && raw.first == "\u{FEFF}" ? raw.dropFirst() : raw)
            if line.isEmpty {
                finishQuestion()
            } else if line.hasPrefix("//") {
                // A comment line neither ends nor belongs to the question around it.
                continue
            } else if line.hasPrefix("$CATEGORY:") {
                // Moodle wants the category in a block of its own; accepting it straight
                // above a question costs nothing and spares authors a puzzling error.
                finishQuestion()
                category = categoryPath(line.dropFirst("$CATEGORY:".count))
            } else {
                block.append((offset + 1, line))
            }
        }
        finishQuestion()
        return issues.isEmpty ? .success(questions) : .failure(ImportFailure(issues))
    }

    public typealias ImportFailure = QuestionImportFailure

    /// `$course$/top/Latsar/SKP` → `Latsar/SKP`, as Lontar's Moodle XML reader reads
    /// categories: Moodle prefixes the context (`$course$`, `$system$`, …) and, since 3.5,
    /// the `top` category every context has. Exactly one of each is removed, so a category
    /// really named "top" survives the round trip; nil for no category (an empty path or
    /// the top itself). Moodle's `//` (a `/` inside a name) is kept as written.
    static func categoryPath(_ raw: Substring) -> String? {
        QuestionCategory.path(trimBlanks(raw))
    }

    /// Strips blanks (as PHP's `trim` does) working on scalars, so that a combining mark
    /// at either end is not glued to a blank and kept.
    static func trimBlanks(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !GIFTGlyph.blanks.contains($0) }),
            let last = scalars.lastIndex(where: { !GIFTGlyph.blanks.contains($0) })
        else { return text[text.endIndex...] }
        return Substring(scalars[first...last])
    }
}

/// Numbers as GIFT writes them: an optional sign, digits with an optional decimal point,
/// an optional exponent; what PHP's `is_numeric` accepts, less hexadecimal. Swift's
/// `Double(_:)` alone would also take "nan", "inf" and "0x1p3".
enum GIFTNumber {
    /// The number `text` times 10^`shift`. Weights are read with a shift of -2 straight
    /// from the decimal digits ("33.33333" → 0.3333333), not divided by 100 afterwards:
    /// the division rounds a second time and 33.33333 / 100 is not the double nearest
    /// 0.3333333, so a weight written as it is stored would not read back equal.
    static func parse(_ text: String, shift: Int = 0) -> Double? {
        guard let (mantissa, exponent) = parts(text) else { return nil }
        guard let value = Double(mantissa + "e" + String(exponent + shift)), value.isFinite else { return nil }
        return value
    }

    /// The shortest text that reads back as exactly `value`; whole numbers without ".0".
    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A fraction as a GIFT weight in percent: the shortest decimal of the fraction with its
    /// point moved two places, so that `parse(_, shift: -2)` gives back the same double.
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite, let (mantissa, exponent) = parts("\(fraction)") else { return "\(fraction * 100)" }
        let negative = mantissa.hasPrefix("-")
        let unsigned = negative ? String(mantissa.dropFirst()) : mantissa
        let point = unsigned.firstIndex(of: ".").map { unsigned.distance(from: unsigned.startIndex, to: $0) }
        var digits = unsigned.filter { $0 != "." }
        var position = (point ?? digits.count) + exponent + 2
        if position <= 0 {
            digits = String(repeating: "0", count: 1 - position) + digits
            position = 1
        }
        if position > digits.count { digits += String(repeating: "0", count: position - digits.count) }
        var whole = String(String(digits.prefix(position)).drop { $0 == "0" })
        var decimals = String(digits.dropFirst(position))
        while decimals.hasSuffix("0") { decimals.removeLast() }
        if whole.isEmpty { whole = "0" }
        let text = decimals.isEmpty ? whole : whole + "." + decimals
        return negative && text != "0" ? "-" + text : text
    }

    /// The mantissa (sign, digits, point) and the exponent of a well-formed number.
    private static func parts(_ text: String) -> (String, Int)? {
        var scalars = Substring(text).unicodeScalars[...]
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        let mantissaEnd = scalars.firstIndex { $0 == "e" || $0 == "E" } ?? scalars.endIndex
        let mantissa = scalars[..<mantissaEnd]
        let digits = mantissa.filter { $0 != "." }
        guard mantissa.count - digits.count <= 1, !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        var exponent = 0
        if mantissaEnd < scalars.endIndex {
            var written = scalars[scalars.index(after: mantissaEnd)...]
            let negative = written.first == "-"
            if let sign = written.first, sign == "+" || sign == "-" { written = written.dropFirst() }
            // Beyond six digits the number is zero or infinite anyway; refusing avoids overflow.
            guard (1...6).contains(written.count), written.allSatisfy(isDigit), let value = Int(String(written))
            else { return nil }
            exponent = negative ? -value : value
        }
        let sign = text.hasPrefix("-") ? "-" : ""
        return (sign + String(String.UnicodeScalarView(mantissa)), exponent)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
