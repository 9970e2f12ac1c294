import Foundation
import Testing
@testable import LontarCore

@Suite("SIASN training-history export")
struct SIASNExportTests {
    static let record = SIASNCourseRecord(
        nip: "198503122010011002", name: "Maria Ndun, S.Kom.", trainingType: "Workshop/Lokakarya",
        courseName: "Kepemimpinan; Pelayanan Publik", hours: 20, startDate: CivilDate(year: 2025, month: 3, day: 5)!,
        endDate: CivilDate(year: 2025, month: 3, day: 8)!, certificateNumber: "BKPPD/2025/0042",
        institution: "BKPPD Kota Kupang")

    @Test("the header names SIASN's course fields")
    func header() {
        #expect(
            SIASNExport.header == [
                "nip", "nama", "jenis_diklat", "nama_kursus", "jumlah_jam", "tanggal_mulai", "tanggal_selesai", "tahun",
                "nomor_sertifikat", "institusi_penyelenggara",
            ])
    }

    @Test("a record is written with dd-MM-yyyy dates, whole hours without .0, a BOM and CRLF")
    func writes() {
        let text = SIASNExport.csv([Self.record])
        #expect(text.hasPrefix("\u{FEFF}nip;nama;jenis_diklat;"))
        #expect(
            text.hasSuffix(
                "198503122010011002;Maria Ndun, S.Kom.;Workshop/Lokakarya;\"Kepemimpinan; Pelayanan Publik\";20;"
                    + "05-03-2025;08-03-2025;2025;BKPPD/2025/0042;BKPPD Kota Kupang\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 3)
    }

    @Test(
        "fractional hours keep one decimal with a point", arguments: [(7.5, "7.5"), (8.4, "8.4"), (24, "24"), (0, "0")])
    func hours(hours: Double, text: String) {
        var record = Self.record
        record.hours = hours
        #expect(SIASNExport.row(record)[4] == text)
    }

    @Test("the year defaults to the year the course ended, and can be given")
    func year() {
        let acrossNewYear = SIASNCourseRecord(
            nip: "1", name: "A", trainingType: "Kursus", courseName: "B", hours: 30,
            startDate: CivilDate(year: 2024, month: 12, day: 30)!, endDate: CivilDate(year: 2025, month: 1, day: 3)!,
            certificateNumber: "C", institution: "D")
        #expect(acrossNewYear.year == 2025)
        var explicit = acrossNewYear
        explicit.year = 2024
        #expect(SIASNExport.row(explicit)[7] == "2024")
    }

    @Test("the file reads back field for field, with formula-looking text neutralised")
    func roundTrip() throws {
        var second = Self.record
        second.courseName = "=HYPERLINK(\"x\")"
        second.name = "José \"Ocè\" Fanggidae"
        let table = try CSV.parse(SIASNExport.csv([Self.record, second]))
        #expect(table.header == SIASNExport.header)
        #expect(
            table.records.map(\.fields) == [
                SIASNExport.row(Self.record), SIASNExport.row(second).replacing(3, with: "'" + second.courseName),
            ])
    }

    @Test("an empty export is just the header")
    func empty() {
        #expect(SIASNExport.csv([]) == "\u{FEFF}" + SIASNExport.header.joined(separator: ";") + "\r\n")
    }
}

extension Array {
    fileprivate func replacing(_ index: Int, with element: Element) -> [Element] {
        var copy = self
        copy[index] = element
        return copy
    }
}
