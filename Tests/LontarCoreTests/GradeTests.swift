import Testing
@testable import LontarCore

@Suite("Grade")
struct GradeTests {
    @Test("PNS has 17 grades from Juru Muda, I/a to Pembina Utama, IV/e")
    func pnsList() {
        #expect(Grade.allPNS.count == 17)
        #expect(Grade.allPNS.first?.displayName == "Juru Muda, I/a")
        #expect(Grade.allPNS[8].code == "III/a")
        #expect(Grade.allPNS[8].rankName == "Penata Muda")
        #expect(Grade.allPNS[13].rankName == "Pembina Tingkat I")
        #expect(Grade.allPNS.last?.displayName == "Pembina Utama, IV/e")
        #expect(Grade.allPNS.map(\.level) == Array(1...17))
    }

    @Test("PPPK has 17 grades in Roman numerals without a pangkat")
    func pppkList() {
        #expect(
            Grade.allPPPK.map(\.code) == [
                "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
            ])
        #expect(Grade.allPPPK.allSatisfy { $0.rankName == nil && $0.kind == .pppk })
    }

    @Test(
        "PNS grades are read in the forms people type",
        arguments: [
            "III/a", "III/A", "iii/a", "III a", "III-a", "IIIa", " III / a ", "Penata Muda, III/a",
            "Penata Muda (III/a)", "penata muda", "Gol. III/a", "III/a, Penata Muda",
        ])
    func pnsForms(raw: String) throws {
        #expect(try Grade.parse(raw, kind: .pns).get().code == "III/a")
    }

    @Test("the abbreviation Tk. I stands for Tingkat I")
    func tingkatAbbreviation() throws {
        #expect(try Grade.parse("Pembina Tk. I, IV/b", kind: .pns).get().code == "IV/b")
        #expect(try Grade.parse("Penata Muda Tk.I", kind: .pns).get().code == "III/b")
    }

    @Test(
        "PPPK grades are read as Roman or Arabic numerals",
        arguments: [
            ("IX", "IX"), ("ix", "IX"), ("Golongan IX", "IX"), ("9", "IX"), ("XVII", "XVII"), ("i", "I"),
        ])
    func pppkForms(raw: String, code: String) throws {
        #expect(try Grade.parse(raw, kind: .pppk).get().code == code)
    }

    @Test(
        "wrong or mismatched grades are refused with the reason",
        arguments: [
            ("III/a", EmployeeKind.pppk, LocalizableMessage("grade.pns_grade_for_pppk", ["III/a"])),
            ("Penata Muda", .pppk, LocalizableMessage("grade.pns_grade_for_pppk", ["III/a"])),
            ("IX", .pns, LocalizableMessage("grade.pppk_grade_for_pns", ["IX"])),
            ("III", .pns, LocalizableMessage("grade.pns_needs_ruang", ["III"])),
            ("Penata, III/a", .pns, LocalizableMessage("grade.rank_mismatch", ["Penata", "III/a"])),
            ("III/e", .pns, LocalizableMessage("grade.unknown", ["III/e"])),
            ("XVIII", .pppk, LocalizableMessage("grade.unknown", ["XVIII"])),
            ("18", .pppk, LocalizableMessage("grade.unknown", ["18"])),
            ("Kepala", .pns, LocalizableMessage("grade.unknown", ["Kepala"])),
            ("   ", .pns, LocalizableMessage("grade.empty")),
        ])
    func refused(raw: String, kind: EmployeeKind, expected: LocalizableMessage) {
        #expect(throws: expected) { try Grade.parse(raw, kind: kind).get() }
    }
}
