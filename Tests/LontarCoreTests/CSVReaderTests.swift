import Foundation
import Testing
@testable import LontarCore

@Suite("CSV reading")
struct CSVReaderTests {
    @Test(
        "detects ; and , from the header line",
        arguments: [
            ("a;b;c\n1;2,5;3\n", Character(";")),
            ("a,b,c\n1,\"2;5\",3\n", Character(",")),
            ("a\tb\tc\n1\t2\t3\n", Character("\t")),
        ])
    func delimiter(text: String, expected: Character) throws {
        let table = try CSV.parse(text)
        #expect(table.delimiter == expected)
        #expect(table.header == ["a", "b", "c"])
        #expect(table.records.first?.fields.count == 3)
    }

    @Test("a delimiter inside quotes in the header does not count")
    func delimiterInsideQuotes() throws {
        let table = try CSV.parse("\"x;y;z\",b\n1,2\n")
        #expect(table.delimiter == ",")
        #expect(table.header == ["x;y;z", "b"])
    }

    @Test("quoted fields keep delimiters, doubled quotes and line breaks")
    func quoting() throws {
        let table = try CSV.parse("nama;catatan;x\n\"Ndun; Maria\";\"kata \"\"hebat\"\"\nbaris dua\";\"  spasi  \"\n")
        #expect(
            table.records == [CSVRecord(line: 2, fields: ["Ndun; Maria", "kata \"hebat\"\nbaris dua", "  spasi  "])])
    }

    @Test("records know the physical line they start on")
    func lineNumbers() throws {
        let text = "a;b\r\n1;\"x\r\ny\"\r\n\r\n2;z\r\n"
        let table = try CSV.parse(text)
        #expect(table.records.map(\.line) == [2, 5])
        #expect(table.records[0].fields == ["1", "x\r\ny"])
    }

    @Test("a byte order mark is stripped")
    func byteOrderMark() throws {
        let table = try CSV.parse(data: [0xEF, 0xBB, 0xBF] + Array("nip;nama\n1;Ana\n".utf8))
        #expect(table.header == ["nip", "nama"])
        #expect(try CSV.parse("\u{FEFF}nip;nama\n").header == ["nip", "nama"])
    }

    @Test("CRLF, LF and CR line ends all work", arguments: ["\r\n", "\n", "\r"])
    func lineEnds(newline: String) throws {
        let table = try CSV.parse(["a;b", "1;2", "3;4"].joined(separator: newline) + newline)
        #expect(table.records.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.records.map(\.line) == [2, 3])
    }

    @Test("blank lines and rows of empty fields are skipped, but still counted")
    func blankLines() throws {
        let table = try CSV.parse("\n  \na;b\n\n1;2\n;\n   ;  \n3;4")
        #expect(table.headerLine == 3)
        #expect(table.records == [CSVRecord(line: 5, fields: ["1", "2"]), CSVRecord(line: 8, fields: ["3", "4"])])
    }

    @Test("unquoted fields are trimmed; an empty last field is kept")
    func trimming() throws {
        let table = try CSV.parse("a;b;c\n  Ana Ndun ;\t2 ;\n")
        #expect(table.records[0].fields == ["Ana Ndun", "2", ""])
    }

    @Test("an unterminated quote reports the line it opened on")
    func unterminatedQuote() {
        #expect(throws: CSVParseError(kind: .unterminatedQuote, line: 3)) {
            try CSV.parse("a;b\n1;2\n3;\"never closed\n4;5\n6;7\n")
        }
    }

    @Test("a quote inside an unquoted field is refused")
    func strayQuote() {
        #expect(throws: CSVParseError(kind: .strayQuote, line: 2)) { try CSV.parse("a;b\nlayar 5\" ;2\n") }
    }

    @Test("text after a closing quote is refused")
    func textAfterClosingQuote() {
        #expect(throws: CSVParseError(kind: .textAfterClosingQuote, line: 2)) { try CSV.parse("a;b\n\"x\"y;2\n") }
    }

    @Test("an empty or blank file is refused", arguments: ["", "\n\n  \r\n", "\u{FEFF}"])
    func emptyFile(text: String) {
        #expect(throws: CSVParseError(kind: .emptyFile, line: 1)) { try CSV.parse(text) }
    }

    @Test("bytes that are not UTF-8 are refused with the line")
    func invalidUTF8() {
        // "José" saved by Excel in Windows-1252: é is the lone byte 0xE9.
        let bytes = Array("nip;nama\n1;Ana\n2;Jos".utf8) + [0xE9] + Array("\n".utf8)
        #expect(throws: CSVParseError(kind: .invalidUTF8, line: 3)) { try CSV.parse(data: bytes) }
        #expect(CSVParseError(kind: .invalidUTF8, line: 3).message == LocalizableMessage("csv.invalid_utf8", ["3"]))
    }

    @Test("non-ASCII UTF-8 passes through intact")
    func unicode() throws {
        let table = try CSV.parse(data: Data("nama;kota\nJosé Ndun;Kupang – NTT\n".utf8))
        #expect(table.records[0].fields == ["José Ndun", "Kupang – NTT"])
    }

    @Test("10,000 rows of 13 columns parse quickly")
    func performance() throws {
        let header = (1...13).map { "kolom\($0)" }
        let row =
            "198503122010011002;Maria Ndun;Dr.;\"S.Kom.; M.M.\";PNS;III/a;DINKES;Bidang Pelayanan;"
            + "Analis;Fungsional;197801012005011003;maria@kupangkota.go.id;081234567890"
        let text = header.joined(separator: ";") + "\r\n" + String(repeating: row + "\r\n", count: 10_000)
        let clock = ContinuousClock()
        var table: CSVTable?
        let elapsed = try clock.measure { table = try CSV.parse(text) }
        #expect(table?.records.count == 10_000)
        #expect(table?.records.last?.line == 10_001)
        #expect(table?.records.last?.fields[3] == "S.Kom.; M.M.")
        #expect(elapsed < .seconds(1))
    }
}
