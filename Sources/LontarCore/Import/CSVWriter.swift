extension CSV {
    /// Writes a CSV file with CRLF line ends (RFC 4180 and what Excel expects).
    /// Pass `byteOrderMark: true` for files meant for Excel, which otherwise reads
    /// UTF-8 as the Windows code page and garbles names with accents.
    public static func write(
        header: [String], rows: [[String]], delimiter: Character = ";", byteOrderMark: Bool = false
    ) -> String {
        var output = byteOrderMark ? "\u{FEFF}" : ""
        for row in [header] + rows {
            output += row.map { escaped($0, delimiter: delimiter) }.joined(separator: String(delimiter))
            output += "\r\n"
        }
        return output
    }

    /// Quotes a field when the reader would otherwise split, unescape or trim it,
    /// after neutralising spreadsheet formulas.
    static func escaped(_ field: String, delimiter: Character) -> String {
        let value = neutralisingFormula(field)
        let needsQuotes =
            value.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first.map(\.isWhitespace) == true
            || value.last.map(\.isWhitespace) == true
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Guards against CSV formula injection: a spreadsheet runs a cell that starts
    /// with `=`, `+`, `-`, `@`, tab or CR as a formula, so such a field gets a
    /// leading `'` and is shown as text.
    ///
    /// A field of `+` or `-` followed only by digits, spaces and `. , - ( ) /` is left
    /// alone: without letters it can neither call a function nor reference a cell,
    /// so it is harmless, and it is what phone numbers (`+62 812-3456-7890`) and
    /// negative amounts look like — prefixing those would corrupt real data, since
    /// Excel shows the `'` of a CSV cell literally.
    static func neutralisingFormula(_ field: String) -> String {
        guard let first = field.unicodeScalars.first else { return field }
        switch first {
        case "=", "@", "\t", "\r":
            return "'" + field
        case "+", "-":
            return isPlainNumber(field.unicodeScalars.dropFirst()) ? field : "'" + field
        default:
            return field
        }
    }

    private static func isPlainNumber(_ rest: Substring.UnicodeScalarView) -> Bool {
        let allowed: Set<Unicode.Scalar> = [" ", ".", ",", "-", "(", ")", "/"]
        var sawDigit = false
        for scalar in rest {
            if ("0"..."9").contains(scalar) {
                sawDigit = true
            } else if !allowed.contains(scalar) {
                return false
            }
        }
        return sawDigit
    }
}
