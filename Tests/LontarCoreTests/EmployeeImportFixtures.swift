@testable import LontarCore

/// Builds import files from a valid base row, so each test states only what differs.
enum EmployeeImportFixtures {
    static let today = CivilDate(year: 2025, month: 6, day: 15)!

    static let baseRow: [String: String] = [
        "nip": "198503122010011002", "nama": "Maria Ndun", "jenis_pegawai": "PNS", "kode_opd": "DINKES",
    ]

    static func row(_ overrides: [String: String] = [:]) -> [String: String] {
        baseRow.merging(overrides) { $1 }
    }

    static func file(
        _ rows: [[String: String]], columns: [String] = EmployeeImport.columns,
        delimiter: Character = ";", byteOrderMark: Bool = false
    ) -> String {
        CSV.write(
            header: columns, rows: rows.map { row in columns.map { row[$0] ?? "" } },
            delimiter: delimiter, byteOrderMark: byteOrderMark)
    }

    static func parse(_ text: String) -> (rows: [EmployeeImportRow], issues: [ImportIssue]) {
        EmployeeImport.parse(text, today: today)
    }

    static func issue(_ line: Int, _ column: String?, _ key: String, _ arguments: [String] = []) -> ImportIssue {
        ImportIssue(line: line, column: column, message: LocalizableMessage(key, arguments))
    }
}
