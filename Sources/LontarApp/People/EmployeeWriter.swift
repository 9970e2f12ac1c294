import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// Writes validated employee rows — one from a form, ten thousand from a CSV — with the same
/// rules: the OPD must exist and be the operator's own, supervisors must exist (in the file
/// or the database) without cycles, e-mails stay unique, unknown units and positions are
/// created. Checks run first; if any fails nothing is written.
struct EmployeeWriter {
    struct Outcome: Sendable {
        var created = 0
        var updated = 0
        var issues: [ImportIssue] = []
    }

    let principal: Principal
    let now: Date
    /// The import columns the source carried; an absent column leaves stored values alone
    /// (a file of just `nip;nama;jenis_pegawai;kode_opd` fixes names without erasing e-mails).
    var presentColumns: Set<String> = Set(EmployeeImport.columns)

    private static let batchSize = 400

    func write(_ rows: [EmployeeImportRow], on db: any Database, dryRun: Bool) async throws -> Outcome {
        let sql = try db.sql()
        var outcome = Outcome()
        let agencies = try await Agency.query(on: db).all()
        let agencyByCode = Dictionary(agencies.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

        let nips = rows.map(\.nip.value)
        let existing = try await existingEmployees(nips: nips, sql: sql)
        for row in rows {
            guard let agency = agencyByCode[row.agencyCode] else {
                outcome.issues.append(issue(row, "kode_opd", "import.agency_unknown", [row.agencyCode]))
                continue
            }
            if !principal.canManage(agencyID: agency.id) {
                outcome.issues.append(issue(row, "kode_opd", "import.agency_not_yours", [row.agencyCode]))
            } else if let current = existing[row.nip.value], !principal.canManage(agencyID: current.agencyID) {
                outcome.issues.append(issue(row, "nip", "import.employee_not_yours", [row.nip.value]))
            }
        }
        outcome.issues += try await supervisorIssues(rows, existing: existing, sql: sql)
        outcome.issues += try await emailIssues(rows, sql: sql)
        outcome.issues.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        outcome.created = rows.filter { existing[$0.nip.value] == nil }.count
        outcome.updated = rows.count - outcome.created
        guard outcome.issues.isEmpty, !dryRun else { return outcome }

        let unitIDs = try await ensureUnits(rows, agencyByCode: agencyByCode, sql: sql)
        let positionIDs = try await ensurePositions(rows, agencyByCode: agencyByCode, sql: sql)
        var idByNIP = existing.mapValues(\.id)
        for row in rows where idByNIP[row.nip.value] == nil { idByNIP[row.nip.value] = UUID() }
        let supervisorsOfOthers = try await employeeIDs(
            nips: Set(rows.compactMap(\.supervisorNIP)).subtracting(nips), sql: sql)
        idByNIP.merge(supervisorsOfOthers) { current, _ in current }

        for batch in Self.supervisorsFirst(rows).chunked(into: Self.batchSize) {
            var insert = sql.insert(into: Employee.schema).columns(Self.columns)
            for row in batch {
                guard let agencyID = agencyByCode[row.agencyCode]?.id, let id = idByNIP[row.nip.value] else { continue }
                let unitID = row.unitName.flatMap { unitIDs[UnitKey(agencyID: agencyID, name: $0)] }
                let positionID = row.positionTitle.flatMap { positionIDs[UnitKey(agencyID: agencyID, name: $0)] }
                let values: [any Encodable & Sendable] = [
                    id, row.nip.value, row.kind.rawValue, row.name, row.frontTitle, row.backTitle, row.grade?.code,
                    agencyID, unitID, positionID, row.supervisorNIP.flatMap { idByNIP[$0] }, row.email, row.phone,
                    row.nip.birthDate.iso, row.nip.gender.rawValue, true, Self.searchText(row), now, now,
                ]
                insert = insert.values(values.map { SQLBind($0) })
            }
            let updated = updatedColumns
            try await insert.onConflict(with: ["nip"]) { conflict in
                var update = conflict
                for column in updated { update = update.set(excludedValueOf: column) }
                return update
            }.run()
        }
        return outcome
    }

    /// Columns an update may overwrite. Never `active`: re-importing a retired person's row
    /// must not quietly switch them back on (there is an explicit, audited reactivation).
    var updatedColumns: [String] {
        let optional: [String: [String]] = [
            "gelar_depan": ["front_title"], "gelar_belakang": ["back_title"], "pangkat_golongan": ["grade"],
            "unit_kerja": ["unit_id"], "jabatan": ["position_id"], "nip_atasan": ["supervisor_id"],
            "email": ["email"], "telepon": ["phone"],
        ]
        var columns = ["kind", "name", "agency_id", "birth_date", "gender", "search_text", "updated_at"]
        for (csvColumn, dbColumns) in optional where presentColumns.contains(csvColumn) { columns += dbColumns }
        return columns
    }

    static let columns = [
        "id", "nip", "kind", "name", "front_title", "back_title", "grade", "agency_id", "unit_id", "position_id",
        "supervisor_id", "email", "phone", "birth_date", "gender", "active", "search_text", "created_at", "updated_at",
    ]

    static func searchText(_ row: EmployeeImportRow) -> String {
        searchText(
            nip: row.nip.value, frontTitle: row.frontTitle, name: row.name, backTitle: row.backTitle, email: row.email)
    }

    /// What the employee search matches: NIP, name with titles, and email.
    static func searchText(nip: String, frontTitle: String?, name: String, backTitle: String?, email: String?) -> String
    {
        [nip, frontTitle, name, backTitle, email].compactMap { $0 }.joined(separator: " ").lowercased()
    }

    private func issue(_ row: EmployeeImportRow, _ column: String, _ key: String, _ args: [String]) -> ImportIssue {
        ImportIssue(line: row.line, column: column, message: LocalizableMessage(key, args))
    }

    /// Supervisors before the people who report to them, so each batch's foreign keys
    /// resolve. Kahn's algorithm, without recursion, so a deep chain cannot exhaust the stack.
    static func supervisorsFirst(_ rows: [EmployeeImportRow]) -> [EmployeeImportRow] {
        let index = Dictionary(rows.enumerated().map { ($1.nip.value, $0) }, uniquingKeysWith: { first, _ in first })
        var reports: [Int: [Int]] = [:]
        var waitingFor = [Int](repeating: 0, count: rows.count)
        for (position, row) in rows.enumerated() {
            if let boss = row.supervisorNIP, let bossPosition = index[boss], bossPosition != position {
                reports[bossPosition, default: []].append(position)
                waitingFor[position] = 1
            }
        }
        var ready = rows.indices.filter { waitingFor[$0] == 0 }
        var ordered: [EmployeeImportRow] = []
        ordered.reserveCapacity(rows.count)
        var cursor = 0
        while cursor < ready.count {
            let position = ready[cursor]
            cursor += 1
            ordered.append(rows[position])
            for report in reports[position] ?? [] {
                waitingFor[report] -= 1
                if waitingFor[report] == 0 { ready.append(report) }
            }
        }
        // Rows in a loop never become ready; the checks refuse such files before writing.
        return ordered
    }
}

struct UnitKey: Hashable {
    let agencyID: UUID
    let name: String
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
