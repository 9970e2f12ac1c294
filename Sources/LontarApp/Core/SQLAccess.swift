import Fluent
import SQLKit
import Vapor

extension Database {
    /// The SQL side of the database, for grouped and raw queries. Lontar runs only on SQLite
    /// and PostgreSQL, both SQL databases; anything else is a server fault, not a crash.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw Abort(.internalServerError) }
        return sql
    }
}
