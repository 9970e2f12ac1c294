import Foundation

/// Reading a typed number and checking it against a numerical answer.
enum NumberReading {
    /// The value of a number as a learner types it: an optional sign (the typographic
    /// minus too), digits with one decimal separator — a comma, as Indonesians write
    /// "3,14", or a point — and an optional exponent ("6,02e23"). Nil for anything else.
    ///
    /// Thousands separators are refused rather than guessed: "1.000" is one thousand to
    /// an Indonesian and one to the parser of most software, so a string holding both a
    /// comma and a point, or either twice, is ambiguous and not taken as a number.
    static func parse(_ typed: String) -> Double? {
        var text = Substring(typed.collapsingWhitespace)
        var sign = ""
        if let first = text.first, first == "-" || first == "+" || first == "\u{2212}" {
            sign = first == "+" ? "" : "-"
            text = text.dropFirst()
        }
        var mantissa = text
        var exponent: Substring = ""
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = text[text.index(after: e)...]
            guard isSignedDigits(exponent) else { return nil }
        }
        let separators = mantissa.filter { $0 == "," || $0 == "." }
        guard separators.count <= 1 else { return nil }
        let digits = mantissa.filter { $0 != "," && $0 != "." }
        guard !digits.isEmpty, String(digits).isASCIIDigits else { return nil }
        let decimal = mantissa.replacingOccurrences(of: ",", with: ".")
        // Only validated ASCII reaches Double(_:), so its extra syntaxes ("inf", "nan",
        // hexadecimal) cannot slip in; a value too large for a Double is no answer.
        guard let value = Double(sign + decimal + (exponent.isEmpty ? "" : "e" + exponent)), value.isFinite else {
            return nil
        }
        return value
    }

    /// |value − answer| ≤ tolerance, with slack of a millionth of a millionth of the
    /// numbers' size: typed decimals are not exact in binary, and without it 3.14
    /// would miss 3.1415 ± 0.0015 by 6e-17 (Moodle adds a similar epsilon).
    static func isWithinTolerance(_ value: Double, of answer: NumericalAnswer) -> Bool {
        guard answer.value.isFinite, answer.tolerance.isFinite else { return false }
        let tolerance = abs(answer.tolerance)
        let slack = 1e-12 * max(1, abs(answer.value) + tolerance)
        return abs(value - answer.value) <= tolerance + slack
    }

    private static func isSignedDigits(_ text: Substring) -> Bool {
        var digits = text
        if let first = digits.first, first == "-" || first == "+" { digits = digits.dropFirst() }
        return String(digits).isASCIIDigits
    }
}
