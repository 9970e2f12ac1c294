import Foundation

/// How text goes into the XML, the way Moodle's own export writes it: plain when nothing
/// needs escaping, otherwise one CDATA section (so HTML stays readable in the file).
enum MoodleXMLEscaping {
    /// Element content. CDATA cannot hold `]]>`, so the text is split there into two
    /// sections, as Moodle does; the reader joins them again. A carriage return would be
    /// turned into a line feed by any XML parser even inside CDATA, so text holding one is
    /// written escaped instead, with the return as `&#13;`.
    static func content(_ text: String) -> String {
        let text = removingForbiddenCharacters(text)
        if text.contains("\r") { return escape(text) }
        guard text.contains(where: { "<>&\"'".contains($0) }) else { return text }
        return "<![CDATA[" + text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// Escapes for element content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in removingForbiddenCharacters(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// XML 1.0 cannot carry most control characters at all, not even as `&#1;`; they are
    /// dropped rather than producing a file no parser (Moodle's included) will read.
    static func removingForbiddenCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(result)
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: false
        case 0..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}

/// Numbers as Moodle writes them: plain decimals (`33.33333`, `-50`, `0.01`), never `nan`.
///
/// Fractions are stored as percentages in the file but as -1…1 in the model. Multiplying
/// and dividing by 100 in binary floating point does not give back the same `Double`
/// (0.07 × 100 = 7.000000000000001), so the decimal point is moved in the decimal digits
/// instead: the shortest digits that identify a `Double`, shifted, read back exactly.
enum MoodleDecimal {
    /// Reads `[+-]digits[.digits][e[+-]digits]`, multiplied by 10^`shift`; nil for anything
    /// else, including `nan`, `inf`, hexadecimal, a decimal comma and values too large.
    static func parse(_ text: String, shift: Int = 0) -> Double? {
        guard let parts = decompose(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        // `Double(String)` rounds correctly, so one conversion of the exact decimal suffices.
        guard let value = Double("\(parts.negative ? "-" : "")\(parts.digits)e\(parts.exponent + shift)"),
            value.isFinite
        else { return nil }
        return value
    }

    /// The shortest plain decimal that `parse(_:shift: -shift)` reads back as `value`.
    static func format(_ value: Double, shift: Int = 0) -> String {
        guard value.isFinite, let parts = decompose("\(value)") else { return "0" }
        var digits = Array(parts.digits.drop { $0 == "0" })
        guard !digits.isEmpty else { return "0" }
        var exponent = parts.exponent + shift
        while digits.last == "0" {
            digits.removeLast()
            exponent += 1
        }
        // value = 0.digits × 10^point
        let point = digits.count + exponent
        let body: String
        if point <= 0 {
            body = "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            body = String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            body = String(digits[..<point]) + "." + String(digits[point...])
        }
        return (parts.negative ? "-" : "") + body
    }

    /// Splits a decimal into sign, all its digits and the power of ten of the last digit.
    private static func decompose(_ text: String) -> (negative: Bool, digits: String, exponent: Int)? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        let exponentText = rest.dropFirst(mantissa.count + 1)
        var exponent = 0
        if mantissa.count < rest.count {
            guard let value = Int(exponentText), abs(value) < 100_000 else { return nil }
            exponent = value
        }
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = pieces[0]
        let fraction = pieces.count > 1 ? pieces[1] : ""
        let digits = whole + fraction
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (negative, String(digits), exponent - fraction.count)
    }
}
