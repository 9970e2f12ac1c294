import Fluent
import Foundation
import LontarCore
import SQLKit

extension EmployeeWriter {
    struct ExistingEmployee: Sendable {
        let id: UUID
        let agencyID: UUID
        let supervisorID: UUID?
    }

    private struct EmployeeKeyRow: Decodable {
        let id: UUID
        let nip: String
        let agency_id: UUID
        let supervisor_id: UUID?
    }

    /// Employees already stored under these NIPs, fetched in IN-lists of bounded size.
    func existingEmployees(nips: [String], sql: any SQLDatabase) async throws -> [String: ExistingEmployee] {
        var found: [String: ExistingEmployee] = [:]
        for batch in nips.chunked(into: 500) {
            let rows = try await sql.select().columns("id", "nip", "agency_id", "supervisor_id")
                .from(Employee.schema).where("nip", .in, batch).all(decoding: EmployeeKeyRow.self)
            for row in rows {
                found[row.nip] = ExistingEmployee(id: row.id, agencyID: row.agency_id, supervisorID: row.supervisor_id)
            }
        }
        return found
    }

    func employeeIDs(nips: Set<String>, sql: any SQLDatabase) async throws -> [String: UUID] {
        try await existingEmployees(nips: Array(nips), sql: sql).mapValues(\.id)
    }

    /// Each supervisor NIP must name someone in the file or already stored, and the
    /// reporting lines inside the file must not loop back on themselves.
    func supervisorIssues(
        _ rows: [EmployeeImportRow], existing: [String: ExistingEmployee], sql: any SQLDatabase
    )
        async throws -> [ImportIssue]
    {
        let inFile = Set(rows.map(\.nip.value))
        let outside = Set(rows.compactMap(\.supervisorNIP)).subtracting(inFile)
        let stored = try await employeeIDs(nips: outside, sql: sql)
        var issues: [ImportIssue] = []
        for row in rows {
            if let boss = row.supervisorNIP, !inFile.contains(boss), stored[boss] == nil {
                issues.append(
                    ImportIssue(
                        line: row.line, column: "nip_atasan", message: .init("import.supervisor_unknown", [boss])))
            }
        }
        // Reporting lines as they will be: the stored ones, with the file's rows replacing theirs.
        var bossOf = try await storedReportingLines(sql: sql)
        if presentColumns.contains("nip_atasan") {
            for row in rows { bossOf[row.nip.value] = row.supervisorNIP }
        }
        var acyclic = Set<String>()
        for row in rows {
            var path: [String] = [row.nip.value]
            var onPath: Set<String> = [row.nip.value]
            var current = bossOf[row.nip.value]
            var loops = false
            while let boss = current, !acyclic.contains(boss) {
                if onPath.contains(boss) {
                    loops = true
                    break
                }
                path.append(boss)
                onPath.insert(boss)
                current = bossOf[boss]
            }
            if loops {
                issues.append(
                    ImportIssue(line: row.line, column: "nip_atasan", message: .init("import.supervisor_cycle")))
            } else {
                acyclic.formUnion(path)
            }
        }
        return issues
    }

    private struct ReportingLine: Decodable {
        let nip: String
        let boss: String
    }

    private func storedReportingLines(sql: any SQLDatabase) async throws -> [String: String] {
        let lines = try await sql.raw(
            "SELECT e.nip AS nip, s.nip AS boss FROM employees e JOIN employees s ON s.id = e.supervisor_id"
        ).all(decoding: ReportingLine.self)
        return Dictionary(lines.map { ($0.nip, $0.boss) }, uniquingKeysWith: { first, _ in first })
    }

    private struct EmailRow: Decodable {
        let nip: String
        let email: String
    }

    /// E-mails sign people in, so one address may belong to one person only.
    func emailIssues(_ rows: [EmployeeImportRow], sql: any SQLDatabase) async throws -> [ImportIssue] {
        var issues: [ImportIssue] = []
        var firstLine: [String: Int] = [:]
        for row in rows {
            guard let email = row.email else { continue }
            if let line = firstLine[email] {
                issues.append(
                    ImportIssue(
                        line: row.line, column: "email", message: .init("import.duplicate_email", [String(line)])))
            } else {
                firstLine[email] = row.line
            }
        }
        let owners = rows.reduce(into: [String: String]()) { map, row in
            if let email = row.email { map[email] = row.nip.value }
        }
        for batch in Array(owners.keys).chunked(into: 500) {
            let stored = try await sql.select().columns("nip", "email").from(Employee.schema)
                .where("email", .in, batch).all(decoding: EmailRow.self)
            for holder in stored where owners[holder.email] != holder.nip {
                guard let line = firstLine[holder.email] else { continue }
                issues.append(
                    ImportIssue(line: line, column: "email", message: .init("import.email_taken", [holder.email])))
            }
        }
        return issues
    }

    private struct NamedRow: Decodable {
        let id: UUID
        let agency_id: UUID
        let name: String
    }

    /// Units named in the rows, creating the ones the OPD does not have yet.
    func ensureUnits(
        _ rows: [EmployeeImportRow], agencyByCode: [String: Agency], sql: any SQLDatabase
    )
        async throws -> [UnitKey: UUID]
    {
        let wanted = Set(
            rows.compactMap { row in
                row.unitName.flatMap { name in
                    agencyByCode[row.agencyCode]?.id.map { UnitKey(agencyID: $0, name: name) }
                }
            })
        let ids = try await ensureNamed(
            wanted, table: OrgUnit.schema, nameColumn: "name", sql: sql, columns: ["id", "agency_id", "name", "active"]
        ) { key in
            [SQLBind(UUID()), SQLBind(key.agencyID), SQLBind(key.name), SQLBind(true)]
        }
        // A retired unit that staff are placed in again is in use again; only the units the
        // rows name (`ids` holds every unit of their OPDs).
        let named = wanted.compactMap { ids[$0] }
        if !named.isEmpty {
            try await sql.update(OrgUnit.schema).set("active", to: true)
                .where("id", .in, named).where("active", .equal, false).run()
        }
        return ids
    }

    func ensurePositions(
        _ rows: [EmployeeImportRow], agencyByCode: [String: Agency], sql: any SQLDatabase
    )
        async throws -> [UnitKey: UUID]
    {
        var kinds: [UnitKey: PositionKind] = [:]
        for row in rows {
            guard let title = row.positionTitle, let agencyID = agencyByCode[row.agencyCode]?.id else { continue }
            kinds[UnitKey(agencyID: agencyID, name: title)] = row.positionKind ?? .pelaksana
        }
        return try await ensureNamed(
            Set(kinds.keys), table: Position.schema, nameColumn: "title", sql: sql,
            columns: ["id", "agency_id", "title", "kind", "active"]
        ) { key in
            [
                SQLBind(UUID()), SQLBind(key.agencyID), SQLBind(key.name),
                SQLBind((kinds[key] ?? .pelaksana).rawValue), SQLBind(true),
            ]
        }
    }

    private func ensureNamed(
        _ wanted: Set<UnitKey>, table: String, nameColumn: String, sql: any SQLDatabase,
        columns: [String], values: (UnitKey) -> [SQLBind]
    ) async throws -> [UnitKey: UUID] {
        guard !wanted.isEmpty else { return [:] }
        let agencyIDs = Array(Set(wanted.map(\.agencyID)))
        func load() async throws -> [UnitKey: UUID] {
            let rows = try await sql.select().column("id").column("agency_id").column(SQLColumn(nameColumn), as: "name")
                .from(table).where("agency_id", .in, agencyIDs).all(decoding: NamedRow.self)
            return Dictionary(
                rows.map { (UnitKey(agencyID: $0.agency_id, name: $0.name), $0.id) }, uniquingKeysWith: { a, _ in a })
        }
        let known = try await load()
        let missing = wanted.filter { known[$0] == nil }
        guard !missing.isEmpty else { return known }
        for batch in Array(missing).chunked(into: 500) {
            var insert = sql.insert(into: table).columns(columns)
            for key in batch { insert = insert.values(values(key)) }
            try await insert.run()
        }
        return try await load()
    }
}
