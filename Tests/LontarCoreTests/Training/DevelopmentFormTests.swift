import Foundation
import Testing
@testable import LontarCore

@Suite("Development forms (Peraturan LAN 10/2018)")
struct DevelopmentFormTests {
    @Test("all 25 forms, classroom first, in code order, with unique codes and names")
    func allForms() {
        let codes = DevelopmentForm.all.map(\.code)
        let expected = (1...12).map { "KL" + zeroPadded($0, 2) } + (1...13).map { "NKL" + zeroPadded($0, 2) }
        #expect(codes == expected)
        #expect(Set(DevelopmentForm.all.map(\.name)).count == 25)
        #expect(Set(DevelopmentForm.all.map(\.englishName)).count == 25)
        #expect(DevelopmentForm.all.allSatisfy { !$0.name.isEmpty && !$0.englishName.isEmpty })
        #expect(DevelopmentForm.all.allSatisfy { $0.id == $0.code })
    }

    @Test("KL codes are klasikal and NKL codes nonklasikal", arguments: DevelopmentForm.all)
    func mode(form: DevelopmentForm) {
        #expect(form.mode == (form.code.hasPrefix("NKL") ? .nonklasikal : .klasikal))
    }

    @Test("official names are kept exactly as the table writes them")
    func officialNames() {
        #expect(DevelopmentForm.find("KL01")?.name == "Pelatihan Struktural Kepemimpinan")
        #expect(DevelopmentForm.find("KL06")?.name == "Seminar/Konferensi/Sarasehan")
        #expect(DevelopmentForm.find("KL10")?.name == "Bimbingan Teknis")
        #expect(DevelopmentForm.find("NKL05")?.name == "Detasering")
        #expect(DevelopmentForm.find("NKL08")?.name == "Pertukaran PNS dengan pegawai swasta/BUMN/BUMD")
        #expect(DevelopmentForm.find("NKL13")?.name == "Nonklasikal lainnya")
    }

    @Test(
        "codes are found as people type them",
        arguments: [("KL06", "KL06"), (" kl06 ", "KL06"), ("nkl13", "NKL13"), ("\tNkL01\n", "NKL01")])
    func findsTyped(typed: String, code: String) {
        #expect(DevelopmentForm.find(typed)?.code == code)
    }

    @Test("unknown codes are not found", arguments: ["", " ", "KL13", "KL6", "NKL00", "KL 06", "Seminar"])
    func unknownCodes(typed: String) {
        #expect(DevelopmentForm.find(typed) == nil)
    }

    @Test(
        "seminars and workshops convert per day, every other form by its programme JP", arguments: DevelopmentForm.all)
    func conversionKind(form: DevelopmentForm) {
        let expected: JPConversionKind =
            switch form.code {
            case "KL06": .seminar
            case "KL07": .workshop
            default: .structured
            }
        #expect(form.conversionKind == expected)
    }

    @Test("forms and paths survive JSON")
    func codable() throws {
        let data = try JSONEncoder().encode(DevelopmentForm.all)
        #expect(try JSONDecoder().decode([DevelopmentForm].self, from: data) == DevelopmentForm.all)
        #expect(DevelopmentPath.allCases.map(\.rawValue) == ["pelatihan", "pendidikan"])
        #expect(DeliveryMode(rawValue: "nonklasikal") == .nonklasikal)
    }
}
