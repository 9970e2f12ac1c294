import Fluent
import Foundation
import SQLKit
import Vapor

/// One audit entry per person an import created or changed, with old → new per field,
/// written in batches inside the import's transaction (a summary line alone would leave
/// people's own record history blank).
enum ImportAudit {
    typealias Snapshot = [String: [String: String?]]

    private struct Row: Decodable {
        let nip: String
        let kind: String
        let name: String
        let front_title: String?
        let back_title: String?
        let grade: String?
        let agency: String
        let unit: String?
        let position: String?
        let supervisor: String?
        let email: String?
        let phone: String?
        let active: Bool
    }

    static func snapshot(_ nips: [String], on db: any Database) async throws -> Snapshot {
        let sql = try db.sql()
        var result: Snapshot = [:]
        for batch in nips.chunked(into: 500) {
            let rows = try await sql.raw(
                """
                SELECT e.nip, e.kind, e.name, e.front_title, e.back_title, e.grade, a.code AS agency,
                       u.name AS unit, p.title AS position, s.nip AS supervisor, e.email, e.phone, e.active
                FROM employees e JOIN agencies a ON a.id = e.agency_id
                LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN positions p ON p.id = e.position_id
                LEFT JOIN employees s ON s.id = e.supervisor_id
                WHERE e.nip IN (\(binds: batch))
                """
            ).all(decoding: Row.self)
            for row in rows {
                result[row.nip] = [
                    "kind": row.kind, "name": row.name, "front_title": row.front_title, "back_title": row.back_title,
                    "grade": row.grade, "agency": row.agency, "unit": row.unit, "position": row.position,
                    "supervisor": row.supervisor, "email": row.email, "phone": row.phone,
                    "active": String(row.active),
                ]
            }
        }
        return result
    }

    static func record(_ req: Request, before: Snapshot, after: Snapshot, on db: any Database) async throws {
        guard let principal = req.principal else { return }
        let sql = try db.sql()
        let encoder = JSONEncoder()
        let fields = [
            "kind", "name", "front_title", "back_title", "grade", "agency", "unit", "position", "supervisor",
            "email", "phone", "active",
        ]
        var rows: [[SQLBind]] = []
        for (nip, new) in after {
            let old = before[nip]
            let diff = changes(fields.map { ($0, old?[$0] ?? nil, new[$0] ?? nil) })
            guard !diff.isEmpty else { continue }
            rows.append([
                SQLBind(UUID()), SQLBind(req.now), SQLBind(principal.userID), SQLBind(principal.displayName),
                SQLBind(old == nil ? "create" : "update"), SQLBind("employee"), SQLBind(nip),
                SQLBind((new["name"] ?? nil) ?? nip),
                SQLBind(String(decoding: try encoder.encode(diff), as: UTF8.self)),
            ])
        }
        for batch in rows.chunked(into: 500) {
            var insert = sql.insert(into: AuditEntry.schema)
                .columns("id", "at", "actor_id", "actor_name", "action", "entity", "entity_id", "summary", "changes")
            for row in batch { insert = insert.values(row) }
            try await insert.run()
        }
    }
}
