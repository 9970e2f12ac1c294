/// The pure part of the civil-servant CSV import: reading, checking and cleaning.
public enum EmployeeImport {
    public static let columns = [
        "nip", "nama", "gelar_depan", "gelar_belakang", "jenis_pegawai", "pangkat_golongan",
        "kode_opd", "unit_kerja", "jabatan", "jenis_jabatan", "nip_atasan", "email", "telepon",
    ]
    public static let requiredColumns = ["nip", "nama", "jenis_pegawai", "kode_opd"]

    /// The header and one example row, `;`-separated as Indonesian Excel saves it.
    public static func template() -> String {
        let example = [
            "198503122010011002", "Maria Ndun", "Dr.", "S.Kom., M.M.", "PNS", "III/c",
            "DINKES", "Bidang Pelayanan Kesehatan", "Administrator Kesehatan Ahli Muda", "Fungsional",
            "197801012005011003", "maria.ndun@kupangkota.go.id", "081234567890",
        ]
        return CSV.write(header: columns, rows: [example])
    }

    /// "Dr. Maria Ndun, S.Kom., M.M.": front title, name, then back title after a comma.
    public static func displayName(front: String?, name: String, back: String?) -> String {
        var result = name.collapsingWhitespace
        if let front = front?.collapsingWhitespace, !front.isEmpty { result = front + " " + result }
        if let back = back?.collapsingWhitespace, !back.isEmpty { result += ", " + back }
        return result
    }

    /// Checks every row and collects every problem; a row appears in `rows` only if
    /// it has no issue. The import should go ahead only when `issues` is empty.
    public static func parse(_ text: String, today: CivilDate) -> (rows: [EmployeeImportRow], issues: [ImportIssue]) {
        do {
            return parse(table: try CSV.parse(text), today: today)
        } catch {
            return ([], [ImportIssue(line: error.line, column: nil, message: error.message)])
        }
    }

    /// As `parse(_:today:)`, for an uploaded file's bytes, which must be UTF-8.
    public static func parse(data: [UInt8], today: CivilDate) -> (rows: [EmployeeImportRow], issues: [ImportIssue]) {
        do {
            return parse(table: try CSV.parse(data: data), today: today)
        } catch {
            return ([], [ImportIssue(line: error.line, column: nil, message: error.message)])
        }
    }

    static func parse(table: CSVTable, today: CivilDate) -> (rows: [EmployeeImportRow], issues: [ImportIssue]) {
        let layout: ImportHeader
        switch ImportHeader.read(table.header, line: table.headerLine) {
        case .failure(let headerIssues): return ([], headerIssues.issues)
        case .success(let readLayout): layout = readLayout
        }

        var rows: [EmployeeImportRow] = []
        var issues: [ImportIssue] = []
        var firstLineOfNIP: [String: Int] = [:]
        for record in table.records {
            guard record.fields.count == table.header.count else {
                issues.append(
                    ImportIssue(
                        line: record.line, column: nil,
                        message: LocalizableMessage(
                            "import.field_count", [String(table.header.count), String(record.fields.count)])))
                continue
            }
            var reader = EmployeeRowReader(line: record.line, cells: layout.cells(of: record.fields), today: today)
            reader.issues += layout.unnamedValueIssues(in: record)
            let row = reader.read()
            if let nip = reader.shapedNIP {
                if let firstLine = firstLineOfNIP[nip] {
                    reader.issues.append(
                        ImportIssue(
                            line: record.line, column: "nip",
                            message: LocalizableMessage(
                                "import.duplicate_nip", [String(firstLine)])))
                } else {
                    firstLineOfNIP[nip] = record.line
                }
            }
            issues += reader.issues
            if let row, reader.issues.isEmpty { rows.append(row) }
        }
        return (rows, issues)
    }
}

/// Where each known column sits in the file.
struct ImportHeader {
    struct Issues: Error {
        let issues: [ImportIssue]
    }

    private let indexOfColumn: [String: Int]
    /// Columns with an empty header cell: Excel often saves a few of them after the
    /// last real column, so they are allowed as long as they hold no data.
    private let unnamedIndices: [Int]

    static func read(_ header: [String], line: Int) -> Result<ImportHeader, Issues> {
        var issues: [ImportIssue] = []
        var indexOfColumn: [String: Int] = [:]
        var unnamedIndices: [Int] = []
        for (index, raw) in header.enumerated() {
            let name = canonicalName(raw)
            if name.isEmpty {
                unnamedIndices.append(index)
            } else if !EmployeeImport.columns.contains(name) {
                issues.append(
                    ImportIssue(
                        line: line, column: raw,
                        message: LocalizableMessage(
                            "import.unknown_column",
                            [raw.collapsingWhitespace, EmployeeImport.columns.joined(separator: ", ")])))
            } else if indexOfColumn[name] != nil {
                issues.append(
                    ImportIssue(
                        line: line, column: name,
                        message: LocalizableMessage(
                            "import.duplicate_column", [name])))
            } else {
                indexOfColumn[name] = index
            }
        }
        for name in EmployeeImport.requiredColumns where indexOfColumn[name] == nil {
            issues.append(
                ImportIssue(
                    line: line, column: name,
                    message: LocalizableMessage(
                        "import.missing_column", [name])))
        }
        if !issues.isEmpty { return .failure(Issues(issues: issues)) }
        return .success(ImportHeader(indexOfColumn: indexOfColumn, unnamedIndices: unnamedIndices))
    }

    /// Header names are matched ignoring case and surrounding spaces; inner spaces
    /// and hyphens count as underscores ("Kode OPD" is `kode_opd`).
    static func canonicalName(_ raw: String) -> String {
        raw.lowercased()
            .split { $0.isWhitespace || $0 == "-" || $0 == "_" }
            .joined(separator: "_")
    }

    func cells(of fields: [String]) -> [String: String] {
        indexOfColumn.mapValues { fields[$0] }
    }

    func unnamedValueIssues(in record: CSVRecord) -> [ImportIssue] {
        unnamedIndices.filter { !record.fields[$0].isEmpty }.map {
            ImportIssue(
                line: record.line, column: nil,
                message: LocalizableMessage(
                    "import.value_in_unnamed_column", [String($0 + 1)]))
        }
    }
}
