import Foundation

/// One record of a CSV file and the physical line it starts on (a quoted field may
/// span lines, so the record index alone cannot point a user at the right line).
public struct CSVRecord: Sendable, Equatable {
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

public struct CSVTable: Sendable, Equatable {
    public let delimiter: Character
    public let header: [String]
    public let headerLine: Int
    public let records: [CSVRecord]
}

public struct CSVParseError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case emptyFile
        case invalidUTF8
        case unterminatedQuote
        case strayQuote
        case textAfterClosingQuote
    }

    public let kind: Kind
    /// The physical line, counted from 1; for an unterminated quote, the line it opened on.
    public let line: Int

    public var message: LocalizableMessage {
        switch kind {
        case .emptyFile: LocalizableMessage("csv.empty_file")
        case .invalidUTF8: LocalizableMessage("csv.invalid_utf8", [String(line)])
        case .unterminatedQuote: LocalizableMessage("csv.unterminated_quote", [String(line)])
        case .strayQuote: LocalizableMessage("csv.stray_quote", [String(line)])
        case .textAfterClosingQuote: LocalizableMessage("csv.text_after_closing_quote", [String(line)])
        }
    }
}

/// CSV as Indonesian spreadsheets save it: RFC 4180 with `;` or `,` (or tab) as the
/// delimiter, found from the header line.
public enum CSV {
    /// Parses the text. Blank lines, and rows whose every field is empty (Excel writes
    /// `;;;;` for rows that once held data), are skipped.
    public static func parse(_ text: String) throws(CSVParseError) -> CSVTable {
        var text = text
        let result = text.withUTF8 { CSVReader.parse($0) }
        return try result.get()
    }

    /// Parses bytes that must be UTF-8 (with or without a byte order mark).
    public static func parse(data: [UInt8]) throws(CSVParseError) -> CSVTable {
        let result = data.withUnsafeBufferPointer { bytes -> Result<CSVTable, CSVParseError> in
            if let line = firstInvalidUTF8Line(bytes) {
                return .failure(CSVParseError(kind: .invalidUTF8, line: line))
            }
            return CSVReader.parse(bytes)
        }
        return try result.get()
    }

    public static func parse(data: Data) throws(CSVParseError) -> CSVTable {
        try parse(data: [UInt8](data))
    }

    /// The line of the first byte that is not valid UTF-8 (a file saved as
    /// "CSV (Comma delimited)" by Excel is in the Windows code page), else nil.
    static func firstInvalidUTF8Line(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if !bytes.contains(where: { $0 >= 0x80 }) { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }
}
