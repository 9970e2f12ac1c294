import Foundation
import Testing
@testable import LontarCore

@Suite("Employee import: good files")
struct EmployeeImportTests {
    typealias F = EmployeeImportFixtures

    static let maria = F.row([
        "nip": "19850312 201001 1 002", "nama": "  Maria   Ndun ", "gelar_depan": "Dr.",
        "gelar_belakang": "S.Kom., M.M.",
        "jenis_pegawai": "pns", "pangkat_golongan": "Penata (III/c)", "kode_opd": "dinkes",
        "unit_kerja": "Bidang Pelayanan Kesehatan", "jabatan": "Analis Kebijakan Ahli Muda", "jenis_jabatan": "JF",
        "nip_atasan": "19780101 200501 1 003", "email": "Maria.Ndun@KupangKota.go.id", "telepon": "+62 812-3456-7890",
    ])
    static let yohana = F.row([
        "nip": "199009132022212014", "nama": "Yohana Lede", "jenis_pegawai": "PPPK", "pangkat_golongan": "IX",
        "kode_opd": "DISDIKBUD",
    ])

    @Test("a full row is read and cleaned")
    func fullRow() throws {
        let result = F.parse(F.file([Self.maria, Self.yohana]))
        #expect(result.issues == [])
        try #require(result.rows.count == 2)
        let row = result.rows[0]
        #expect(row.line == 2)
        #expect(row.nip.value == "198503122010011002")
        #expect(row.name == "Maria Ndun")
        #expect(row.displayName == "Dr. Maria Ndun, S.Kom., M.M.")
        #expect(row.kind == .pns)
        #expect(row.grade?.code == "III/c")
        #expect(row.agencyCode == "DINKES")
        #expect(row.unitName == "Bidang Pelayanan Kesehatan")
        #expect(row.positionKind == .fungsional)
        #expect(row.supervisorNIP == "197801012005011003")
        #expect(row.email == "maria.ndun@kupangkota.go.id")
        #expect(row.phone == "+6281234567890")
        let pppk = result.rows[1]
        #expect(pppk.kind == .pppk)
        #expect(pppk.grade?.code == "IX")
        #expect(pppk.frontTitle == nil && pppk.positionKind == nil && pppk.email == nil && pppk.phone == nil)
    }

    @Test("comma files with a BOM and shuffled, oddly written headers read the same")
    func commaShuffledBOM() throws {
        let columns = EmployeeImport.columns.reversed().map { $0 }
        var text = F.file([Self.maria, Self.yohana], columns: columns, delimiter: ",", byteOrderMark: true)
        text = text.replacingOccurrences(of: "kode_opd", with: "  Kode OPD ")
            .replacingOccurrences(of: "nip_atasan", with: "NIP_Atasan")
        let semicolon = F.parse(F.file([Self.maria, Self.yohana]))
        let comma = F.parse(text)
        #expect(comma.issues == [])
        #expect(comma.rows == semicolon.rows)
    }

    @Test("only the required columns are needed")
    func requiredColumnsOnly() {
        let result = F.parse("NIP;Nama;Jenis_Pegawai;Kode_OPD\n198503122010011002;Maria Ndun;PNS;bkppd\n")
        #expect(result.issues == [])
        #expect(result.rows.map(\.agencyCode) == ["BKPPD"])
    }

    @Test("empty unnamed columns that Excel adds at the end are ignored")
    func trailingEmptyColumns() {
        let result = F.parse("nip;nama;jenis_pegawai;kode_opd;;\n198503122010011002;Maria Ndun;PNS;DINKES;;\n")
        #expect(result.issues == [])
        #expect(result.rows.count == 1)
    }

    @Test("the template parses cleanly and shows every column")
    func template() throws {
        let template = EmployeeImport.template()
        let table = try CSV.parse(template)
        #expect(table.delimiter == ";")
        #expect(table.header == EmployeeImport.columns)
        #expect(table.records.count == 1)
        let result = F.parse(template)
        #expect(result.issues == [])
        #expect(result.rows.first?.displayName == "Dr. Maria Ndun, S.Kom., M.M.")
    }

    @Test("display names join titles the Indonesian way")
    func displayNames() {
        #expect(
            EmployeeImport.displayName(front: "Dr.", name: "Maria Ndun", back: "S.Kom., M.M.")
                == "Dr. Maria Ndun, S.Kom., M.M.")
        #expect(EmployeeImport.displayName(front: nil, name: "Yohana Lede", back: "S.Pd.") == "Yohana Lede, S.Pd.")
        #expect(EmployeeImport.displayName(front: "Ir.", name: " Paulus  Tada ", back: " ") == "Ir. Paulus Tada")
        #expect(EmployeeImport.displayName(front: "", name: "Ana", back: nil) == "Ana")
    }
}
