import Testing
@testable import LontarCore

@Suite("CSV writing")
struct CSVWriterTests {
    @Test("writes CRLF rows and quotes only where needed")
    func quoting() {
        let text = CSV.write(
            header: ["a", "b"], rows: [["x;y", "say \"hi\""], ["line\nbreak", " padded "], ["plain", ""]])
        #expect(text == "a;b\r\n\"x;y\";\"say \"\"hi\"\"\"\r\n\"line\nbreak\";\" padded \"\r\nplain;\r\n")
    }

    @Test("a byte order mark is written on request")
    func byteOrderMark() {
        #expect(CSV.write(header: ["a"], rows: [], byteOrderMark: true) == "\u{FEFF}a\r\n")
        #expect(CSV.write(header: ["a"], rows: []) == "a\r\n")
    }

    @Test("what is written reads back the same, with either delimiter", arguments: [Character(";"), ","])
    func roundTrip(delimiter: Character) throws {
        let header = ["nip", "nama", "catatan"]
        let rows = [
            ["198503122010011002", "Maria Ndun, S.Kom.", "kata \"hebat\"; dua\r\nbaris"],
            ["199009132022212014", "José", "  spasi di tepi  "],
            ["3", "", "-12,5"],
        ]
        let table = try CSV.parse(CSV.write(header: header, rows: rows, delimiter: delimiter, byteOrderMark: true))
        #expect(table.delimiter == delimiter)
        #expect(table.header == header)
        #expect(table.records.map(\.fields) == rows)
    }

    @Test(
        "fields a spreadsheet would run as formulas get a leading apostrophe",
        arguments: [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("-A1", "'-A1"),
            ("+", "'+"),
            ("\tx", "'\tx"),
        ])
    func formulaNeutralised(field: String, expected: String) {
        #expect(CSV.neutralisingFormula(field) == expected)
    }

    @Test(
        "phone numbers and negative numbers are left as they are",
        arguments: [
            "+6281234567890", "+62 812-3456-7890", "-12", "-12,50", "-1.234.567", "Maria", "081234567890",
        ])
    func harmlessLeftAlone(field: String) {
        #expect(CSV.neutralisingFormula(field) == field)
    }

    @Test("a neutralised field is written safely and read back with its apostrophe")
    func neutralisedRoundTrip() throws {
        let text = CSV.write(header: ["x"], rows: [["=HYPERLINK(\"http://evil\";\"klik\")"]])
        #expect(text.contains("\"'=HYPERLINK("))
        #expect(try CSV.parse(text).records[0].fields == ["'=HYPERLINK(\"http://evil\";\"klik\")"])
    }
}
