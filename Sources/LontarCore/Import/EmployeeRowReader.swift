/// Checks and cleans one data row of the employee import, collecting every issue
/// rather than stopping at the first.
struct EmployeeRowReader {
    let line: Int
    let cells: [String: String]
    let today: CivilDate
    var issues: [ImportIssue] = []
    /// The row's NIP once it has 18 digits, for spotting duplicates across rows.
    private(set) var shapedNIP: String?

    static let maxTextLength = 200
    static let maxTitleLength = 50
    static let maxAgencyCodeLength = 50
    static let maxEmailLength = 254

    init(line: Int, cells: [String: String], today: CivilDate) {
        self.line = line
        self.cells = cells
        self.today = today
    }

    /// The row, or nil when a required part is unusable; check `issues` as well, as
    /// a row with only minor issues is still returned.
    mutating func read() -> EmployeeImportRow? {
        let kind = employeeKind()
        let nip = nip(kind: kind)
        let name = text("nama", required: true, max: Self.maxTextLength)
        let frontTitle = text("gelar_depan", max: Self.maxTitleLength)
        let backTitle = text("gelar_belakang", max: Self.maxTitleLength)
        let grade = grade(kind: kind)
        let agencyCode = text("kode_opd", required: true, max: Self.maxAgencyCodeLength)?.uppercased()
        let unitName = text("unit_kerja", max: Self.maxTextLength)
        let positionTitle = text("jabatan", max: Self.maxTextLength)
        let positionKind = positionKind(titleGiven: positionTitle != nil)
        let supervisorNIP = supervisorNIP(ownNIP: nip?.value ?? shapedNIP)
        let email = email()
        let phone = phone()
        guard let kind, let nip, let name, let agencyCode else { return nil }
        return EmployeeImportRow(
            line: line, nip: nip, name: name, frontTitle: frontTitle, backTitle: backTitle, kind: kind,
            grade: grade, agencyCode: agencyCode, unitName: unitName, positionTitle: positionTitle,
            positionKind: positionKind, supervisorNIP: supervisorNIP, email: email, phone: phone)
    }

    private mutating func report(_ column: String, _ message: LocalizableMessage) {
        issues.append(ImportIssue(line: line, column: column, message: message))
    }

    /// The cleaned cell, nil when empty (reporting it if required) or too long.
    private mutating func text(_ column: String, required: Bool = false, max: Int) -> String? {
        let value = (cells[column] ?? "").collapsingWhitespace
        if value.isEmpty {
            if required { report(column, LocalizableMessage("import.required")) }
            return nil
        }
        guard value.count <= max else {
            report(column, LocalizableMessage("import.too_long", [String(max), String(value.count)]))
            return nil
        }
        return value
    }

    private mutating func employeeKind() -> EmployeeKind? {
        guard let raw = text("jenis_pegawai", required: true, max: Self.maxTextLength) else { return nil }
        switch EmployeeKind.parse(raw) {
        case .success(let kind): return kind
        case .failure(let message): report("jenis_pegawai", message); return nil
        }
    }

    private mutating func nip(kind: EmployeeKind?) -> NIP? {
        guard let raw = text("nip", required: true, max: Self.maxTextLength) else { return nil }
        let value = NIP.normalized(raw)
        // Without a valid kind only the checks common to PNS and PPPK can be made.
        if let shapeError = NIP.shapeError(of: value) {
            report("nip", shapeError.message)
            return nil
        }
        shapedNIP = value
        guard let kind else { return nil }
        switch NIP.validate(value, kind: kind, today: today) {
        case .success(let nip): return nip
        case .failure(let error): report("nip", error.message); return nil
        }
    }

    private mutating func grade(kind: EmployeeKind?) -> Grade? {
        guard let raw = text("pangkat_golongan", max: Self.maxTextLength), let kind else { return nil }
        switch Grade.parse(raw, kind: kind) {
        case .success(let grade): return grade
        case .failure(let message): report("pangkat_golongan", message); return nil
        }
    }

    private mutating func positionKind(titleGiven: Bool) -> PositionKind? {
        guard let raw = text("jenis_jabatan", max: Self.maxTextLength) else {
            if titleGiven { report("jenis_jabatan", LocalizableMessage("import.position_kind_required")) }
            return nil
        }
        switch PositionKind.parse(raw) {
        case .success(let kind): return kind
        case .failure(let message): report("jenis_jabatan", message); return nil
        }
    }

    private mutating func supervisorNIP(ownNIP: String?) -> String? {
        guard let raw = text("nip_atasan", max: Self.maxTextLength) else { return nil }
        let value = NIP.normalized(raw)
        guard NIP.shapeError(of: value) == nil else {
            report("nip_atasan", LocalizableMessage("import.supervisor_nip_format", [raw]))
            return nil
        }
        guard value != ownNIP else {
            report("nip_atasan", LocalizableMessage("import.supervisor_is_self"))
            return nil
        }
        return value
    }

    private mutating func email() -> String? {
        guard let value = text("email", max: Self.maxEmailLength)?.lowercased() else { return nil }
        guard Self.looksLikeEmail(value) else {
            report("email", LocalizableMessage("import.email_invalid", [value]))
            return nil
        }
        return value
    }

    /// A sanity check, not RFC 5322: the address is confirmed when mail is sent to it.
    static func looksLikeEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !value.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    private mutating func phone() -> String? {
        guard let raw = text("telepon", max: Self.maxTextLength) else { return nil }
        guard let phone = Self.normalisedPhone(raw) else {
            report("telepon", LocalizableMessage("import.phone_invalid", [raw]))
            return nil
        }
        return phone
    }

    /// Digits with an optional leading `+`, once the spaces, dashes, dots and
    /// parentheses people write ("(0380) 821-234", "+62 812-3456-7890") are removed.
    static func normalisedPhone(_ raw: String) -> String? {
        let compact = raw.filter { !$0.isWhitespace && !"-.()".contains($0) }
        let digits = compact.hasPrefix("+") ? String(compact.dropFirst()) : compact
        guard digits.isASCIIDigits, (8...15).contains(digits.count) else { return nil }
        // Indonesian numbers start with 0 (or +62 / 62); a number without its leading zero is
        // what a spreadsheet leaves after reading the column as a number.
        guard compact.hasPrefix("+") || digits.hasPrefix("0") || digits.hasPrefix("62") else { return nil }
        return compact
    }
}
