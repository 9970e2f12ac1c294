import Fluent
import SQLKit
import Vapor

/// Gap-free numbering shared by every process (certificate numbers per year): one row per
/// counter, advanced by an atomic `UPDATE … RETURNING`.
enum Counter {
    private struct Row: Decodable { let value: Int }

    static func next(_ name: String, on db: any Database) async throws -> Int {
        let sql = try db.sql()
        try await sql.insert(into: "counters").columns("name", "value").values(SQLBind(name), SQLBind(0))
            .ignoringConflicts(with: ["name"]).run()
        let row = try await sql.raw(
            "UPDATE counters SET value = value + 1 WHERE name = \(bind: name) RETURNING value"
        ).first(decoding: Row.self)
        guard let row else { throw Abort(.internalServerError, reason: "counter \(name) missing") }
        return row.value
    }
}
