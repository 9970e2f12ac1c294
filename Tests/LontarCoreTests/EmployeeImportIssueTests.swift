import Testing
@testable import LontarCore

@Suite("Employee import: bad files")
struct EmployeeImportIssueTests {
    typealias F = EmployeeImportFixtures

    static let long201 = String(repeating: "a", count: 201)
    static let long51 = String(repeating: "b", count: 51)

    @Test(
        "each bad value is reported on its line and column",
        arguments: [
            ("nip", "", "import.required", [String]()),
            ("nip", "12345", "nip.wrong_length", ["5"]),
            ("nip", "198503122010011000", "nip.zero_sequence", []),
            ("nip", "199009132022212014", "nip.looks_like_pppk", []),
            ("nama", "", "import.required", []),
            ("nama", long201, "import.too_long", ["200", "201"]),
            ("gelar_depan", long51, "import.too_long", ["50", "51"]),
            ("gelar_belakang", long51, "import.too_long", ["50", "51"]),
            ("jenis_pegawai", "", "import.required", []),
            ("jenis_pegawai", "Honorer", "employee_kind.unknown", ["Honorer"]),
            ("pangkat_golongan", "IX", "grade.pppk_grade_for_pns", ["IX"]),
            ("kode_opd", "  ", "import.required", []),
            ("unit_kerja", long201, "import.too_long", ["200", "201"]),
            ("jabatan", long201, "import.too_long", ["200", "201"]),
            ("jenis_jabatan", "Kepala", "position_kind.unknown", ["Kepala"]),
            ("nip_atasan", "1978 0101", "import.supervisor_nip_format", ["1978 0101"]),
            ("nip_atasan", "19900101 201501 2 001", "import.supervisor_is_self", []),
            ("email", "maria@kupang", "import.email_invalid", ["maria@kupang"]),
            ("email", "Maria Ndun@kupangkota.go.id", "import.email_invalid", ["maria ndun@kupangkota.go.id"]),
            ("email", "a@b@kupangkota.go.id", "import.email_invalid", ["a@b@kupangkota.go.id"]),
            ("email", "maria@kupangkota..go.id", "import.email_invalid", ["maria@kupangkota..go.id"]),
            ("telepon", "0812", "import.phone_invalid", ["0812"]),
            ("telepon", "0812-abc-4567", "import.phone_invalid", ["0812-abc-4567"]),
            ("telepon", "+62 812 3456 7890 1234", "import.phone_invalid", ["+62 812 3456 7890 1234"]),
        ])
    func badValue(column: String, value: String, key: String, arguments: [String]) {
        let result = F.parse(F.file([F.row(), F.row(["nip": "199001012015012001"]).merging([column: value]) { $1 }]))
        #expect(result.issues == [F.issue(3, column, key, arguments)])
        #expect(result.rows.map(\.line) == [2])
    }

    @Test("a position title without its kind is refused on the kind column")
    func positionKindRequired() {
        let result = F.parse(F.file([F.row(["jabatan": "Analis Kepegawaian"])]))
        #expect(result.issues == [F.issue(2, "jenis_jabatan", "import.position_kind_required")])
    }

    @Test("the PPPK rules apply to PPPK rows")
    func pppkRules() {
        let result = F.parse(
            F.file([
                F.row(["jenis_pegawai": "PPPK"]),
                F.row(["nip": "199009132022212014", "jenis_pegawai": "p3k", "pangkat_golongan": "III/a"]),
            ]))
        #expect(
            result.issues == [
                F.issue(2, "nip", "nip.looks_like_pns"),
                F.issue(3, "pangkat_golongan", "grade.pns_grade_for_pppk", ["III/a"]),
            ])
    }

    @Test("every issue in every row is collected, not only the first")
    func allIssuesCollected() {
        let text = F.file([
            F.row(["nip": "123", "jenis_pegawai": "Honorer", "nama": "", "email": "x"]),
            F.row(["nip": "199001012015012001"]),
            F.row(["nip": "199101012016012001", "kode_opd": "", "telepon": "12"]),
        ])
        let result = F.parse(text)
        #expect(
            result.issues == [
                F.issue(2, "jenis_pegawai", "employee_kind.unknown", ["Honorer"]),
                F.issue(2, "nip", "nip.wrong_length", ["3"]),
                F.issue(2, "nama", "import.required"),
                F.issue(2, "email", "import.email_invalid", ["x"]),
                F.issue(4, "kode_opd", "import.required"),
                F.issue(4, "telepon", "import.phone_invalid", ["12"]),
            ])
        #expect(result.rows.map(\.line) == [3])
    }

    @Test("a NIP seen twice is reported on the second line, naming the first")
    func duplicateNIP() {
        let text = F.file([
            F.row(), F.row(["nip": "199001012015012001"]), F.row(["nip": "19850312 201001 1 002", "nama": "Maria N."]),
        ])
        let result = F.parse(text)
        #expect(result.issues == [F.issue(4, "nip", "import.duplicate_nip", ["2"])])
        #expect(result.rows.map(\.line) == [2, 3])
    }

    @Test("a row with the wrong number of fields is reported whole")
    func wrongFieldCount() {
        let text =
            "nip;nama;jenis_pegawai;kode_opd\n198503122010011002;Maria Ndun;PNS\n199001012015012001;Ana;PNS;DINKES;extra\n"
        let result = F.parse(text)
        #expect(
            result.issues == [
                F.issue(2, nil, "import.field_count", ["4", "3"]),
                F.issue(3, nil, "import.field_count", ["4", "5"]),
            ])
        #expect(result.rows.isEmpty)
    }

    @Test("data under an unnamed column is reported")
    func valueInUnnamedColumn() {
        let result = F.parse("nip;nama;jenis_pegawai;kode_opd;\n198503122010011002;Maria Ndun;PNS;DINKES;catatan\n")
        #expect(result.issues == [F.issue(2, nil, "import.value_in_unnamed_column", ["5"])])
        #expect(result.rows.isEmpty)
    }

    @Test("missing, unknown and repeated columns are all reported on the header line")
    func headerProblems() {
        let result = F.parse("nip;Alamat;jenis_pegawai;NIP\n198503122010011002;Jl. El Tari;PNS;1\n")
        let allowed = EmployeeImport.columns.joined(separator: ", ")
        #expect(
            result.issues == [
                F.issue(1, "Alamat", "import.unknown_column", ["Alamat", allowed]),
                F.issue(1, "nip", "import.duplicate_column", ["nip"]),
                F.issue(1, "nama", "import.missing_column", ["nama"]),
                F.issue(1, "kode_opd", "import.missing_column", ["kode_opd"]),
            ])
        #expect(result.rows.isEmpty)
    }

    @Test("a broken CSV file becomes one issue with its line")
    func csvError() {
        let result = F.parse("nip;nama;jenis_pegawai;kode_opd\n198503122010011002;\"Maria;PNS;DINKES\n")
        #expect(result.issues == [F.issue(2, nil, "csv.unterminated_quote", ["2"])])
        #expect(F.parse("").issues == [F.issue(1, nil, "csv.empty_file")])
    }

    @Test("an upload that is not UTF-8 is refused with the line")
    func invalidUTF8Upload() {
        let bytes =
            Array("nip;nama;jenis_pegawai;kode_opd\n198503122010011002;Jos".utf8) + [0xE9] + Array(";PNS;DINKES\n".utf8)
        let result = EmployeeImport.parse(data: bytes, today: F.today)
        #expect(result.issues == [F.issue(2, nil, "csv.invalid_utf8", ["2"])])
    }
}
