/// The byte-level state machine behind `CSV.parse`. It walks UTF-8 bytes rather than
/// Characters: every structural character of CSV is ASCII, and byte indexing keeps a
/// 10,000-row file fast even in debug builds.
struct CSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private var position: Int
    private var line = 1

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<CSVTable, CSVParseError> {
        let start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        let delimiter = detectDelimiter(bytes, from: start)
        var reader = CSVReader(bytes: bytes, delimiter: delimiter, position: start)
        do {
            guard let header = try reader.nextRecord() else {
                return .failure(CSVParseError(kind: .emptyFile, line: 1))
            }
            var records: [CSVRecord] = []
            while let record = try reader.nextRecord() { records.append(record) }
            return .success(
                CSVTable(
                    delimiter: Character(Unicode.Scalar(delimiter)), header: header.fields,
                    headerLine: header.line, records: records))
        } catch {
            return .failure(error)
        }
    }

    /// The most frequent of `;`, `,` and tab outside quotes on the first non-blank
    /// line; `;` wins ties because Indonesian-locale Excel saves with it.
    private static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), tab]
        var counts = [0, 0, 0]
        var inQuotes = false
        var sawContent = false
        for byte in bytes[start...] {
            if byte == quote { inQuotes.toggle() }
            if inQuotes { sawContent = true; continue }
            if byte == lf || byte == cr {
                if sawContent { break }
                continue
            }
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
            if byte != space && byte != tab { sawContent = true }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        return counts[best] > 0 ? candidates[best] : candidates[0]
    }

    private func isPadding(_ byte: UInt8) -> Bool {
        byte == CSVReader.space || (byte == CSVReader.tab && delimiter != CSVReader.tab)
    }

    /// The next record that is not blank, or nil at the end of input.
    private mutating func nextRecord() throws(CSVParseError) -> CSVRecord? {
        while position < bytes.count {
            let startLine = line
            var fields: [String] = []
            var endOfRecord = false
            while !endOfRecord {
                let (field, delimiterFollows) = try nextField()
                fields.append(field)
                endOfRecord = !delimiterFollows
            }
            if fields.contains(where: { !$0.isEmpty }) {
                return CSVRecord(line: startLine, fields: fields)
            }
        }
        return nil
    }

    /// Reads one field and the character that ends it: returns whether a delimiter
    /// followed (more fields in this record) or a line end / end of input.
    private mutating func nextField() throws(CSVParseError) -> (String, Bool) {
        while position < bytes.count, isPadding(bytes[position]) { position += 1 }
        if position < bytes.count, bytes[position] == CSVReader.quote {
            let field = try quotedField()
            while position < bytes.count, isPadding(bytes[position]) { position += 1 }
            guard let delimiterFollows = consumeFieldEnd() else {
                throw CSVParseError(kind: .textAfterClosingQuote, line: line)
            }
            return (field, delimiterFollows)
        }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == delimiter || byte == CSVReader.cr || byte == CSVReader.lf { break }
            if byte == CSVReader.quote { throw CSVParseError(kind: .strayQuote, line: line) }
            position += 1
        }
        var end = position
        while end > start, isPadding(bytes[end - 1]) { end -= 1 }
        let field = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return (field, consumeFieldEnd() ?? false)
    }

    /// Consumes a delimiter (true), a line end or end of input (false); nil if
    /// anything else is next.
    private mutating func consumeFieldEnd() -> Bool? {
        guard position < bytes.count else { return false }
        switch bytes[position] {
        case delimiter:
            position += 1
            return true
        case CSVReader.cr, CSVReader.lf:
            consumeLineEnd()
            return false
        default:
            return nil
        }
    }

    /// Consumes CRLF, LF or CR as one line end.
    private mutating func consumeLineEnd() {
        if bytes[position] == CSVReader.cr, position + 1 < bytes.count, bytes[position + 1] == CSVReader.lf {
            position += 1
        }
        position += 1
        line += 1
    }

    /// Reads from an opening quote to its closing quote, unescaping `""`; line ends
    /// inside are kept as written.
    private mutating func quotedField() throws(CSVParseError) -> String {
        let openingLine = line
        position += 1
        var value: [UInt8] = []
        var chunkStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == CSVReader.quote {
                value.append(contentsOf: bytes[chunkStart..<position])
                if position + 1 < bytes.count, bytes[position + 1] == CSVReader.quote {
                    value.append(CSVReader.quote)
                    position += 2
                    chunkStart = position
                    continue
                }
                position += 1
                return String(decoding: value, as: UTF8.self)
            }
            if byte == CSVReader.cr || byte == CSVReader.lf {
                consumeLineEnd()
            } else {
                position += 1
            }
        }
        throw CSVParseError(kind: .unterminatedQuote, line: openingLine)
    }
}
