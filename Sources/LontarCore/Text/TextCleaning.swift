extension String {
    /// Trims the ends and collapses inner runs of whitespace to one space, the way
    /// names pasted from spreadsheets and documents need cleaning.
    var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Removes every whitespace character, including no-break spaces copied from
    /// office documents.
    var removingWhitespace: String {
        String(unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    var isASCIIDigits: Bool {
        !isEmpty && utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
