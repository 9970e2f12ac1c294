import Fluent
import SQLKit

/// Every migration, in the order it shipped. Append only: never edit or reorder a shipped one.
enum MigrationList {
    static var all: [any Migration] {
        [
            SessionRecord.migration,
            CreateAgency(),
            CreateUnit(),
            CreatePosition(),
            CreateEmployee(),
            CreateUserAccount(),
            CreateAPIToken(),
            CreateLoginThrottle(),
            CreateAuditEntry(),
            AddLookupIndexes(),
            CreatePendingImport(),
            CreateTrainingSchema(),
        ]
    }
}

/// Indexes for the hot lookups (employee lists by OPD, supervisor's reports, audit by time).
/// SQLKit's index builder emits the same statement on SQLite and PostgreSQL.
struct AddLookupIndexes: AsyncMigration {
    private let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_employees_agency", Employee.schema, ["agency_id", "name"]),
        ("idx_employees_supervisor", Employee.schema, ["supervisor_id"]),
        ("idx_units_agency", OrgUnit.schema, ["agency_id"]),
        ("idx_positions_agency", Position.schema, ["agency_id"]),
        ("idx_audit_at", AuditEntry.schema, ["at"]),
        ("idx_tokens_user", APIToken.schema, ["user_id"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in indexes { try await sql.drop(index: index.name).run() }
    }
}
