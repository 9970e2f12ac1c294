import Foundation
import Testing
@testable import LontarCore

@Suite("PositionKind")
struct PositionKindTests {
    @Test(
        "common spellings are understood",
        arguments: [
            ("JPT", PositionKind.jpt), ("jpt pratama", .jpt), ("Jabatan Pimpinan Tinggi", .jpt),
            ("Jabatan Pimpinan Tinggi Pratama", .jpt), ("Eselon II.b", .jpt),
            ("Administrator", .administrator), ("ADMINISTRATOR", .administrator), ("Eselon III", .administrator),
            ("Pengawas", .pengawas), ("Jabatan Pengawas", .pengawas), ("eselon IV.a", .pengawas),
            ("Pelaksana", .pelaksana), (" pelaksana ", .pelaksana), ("JFU", .pelaksana),
            ("Jabatan Fungsional Umum", .pelaksana),
            ("Fungsional", .fungsional), ("JF", .fungsional), ("JFT", .fungsional),
            ("Jabatan Fungsional Guru Ahli Muda", .fungsional), ("Fungsional Pranata Komputer", .fungsional),
        ])
    func spellings(raw: String, expected: PositionKind) throws {
        #expect(try PositionKind.parse(raw).get() == expected)
    }

    @Test(
        "unknown kinds are refused with what was typed",
        arguments: ["Kepala Dinas", "Staf", "", "Jabatan", "Struktural"])
    func unknown(raw: String) {
        #expect(throws: LocalizableMessage("position_kind.unknown", [raw.trimmingCharacters(in: .whitespaces)])) {
            try PositionKind.parse(raw).get()
        }
    }

    @Test("every kind has a display name in the catalogue")
    func names() {
        #expect(Set(PositionKind.allCases.map(\.nameMessage.key)).count == PositionKind.allCases.count)
        #expect(PositionKind.jpt.nameMessage == LocalizableMessage("position_kind.jpt"))
    }
}
