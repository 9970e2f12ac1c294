extension EmployeeImport {
    /// Checks one employee given as column → value (the import's column names), for the
    /// create and edit forms and the API, so that one set of rules guards every door.
    public static func validate(
        cells: [String: String], line: Int = 1, today: CivilDate
    )
        -> (row: EmployeeImportRow?, issues: [ImportIssue])
    {
        var reader = EmployeeRowReader(line: line, cells: cells, today: today)
        let row = reader.read()
        return (reader.issues.isEmpty ? row : nil, reader.issues)
    }
}

extension EmployeeImport {
    /// The known columns a file's header names, so that a re-import touches only those.
    public static func columnsPresent(in text: String) -> Set<String> {
        guard let table = try? CSV.parse(text) else { return [] }
        return Set(table.header.map(ImportHeader.canonicalName)).intersection(columns)
    }
}
