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
            AddTrainingIndexes(),
            CreateELearningSchema(),
            CreateEvaluationSchema(),
            CreateActionPlans(),
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
        try await IndexList.create(indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexList.drop(indexes, on: database)
    }
}

/// The JP dashboards group the whole ledger by year and employee; enrolments are looked up
/// by class and by employee on every class page.
struct AddTrainingIndexes: AsyncMigration {
    private let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_ledger_year_employee", LedgerEntry.schema, ["year", "employee_id", "jp"]),
        ("idx_ledger_employee_year", LedgerEntry.schema, ["employee_id", "year"]),
        ("idx_enrolments_class", Enrolment.schema, ["class_id", "seat"]),
        ("idx_enrolments_employee", Enrolment.schema, ["employee_id"]),
        ("idx_sessions_class", ClassSession.schema, ["class_id", "starts_at"]),
        ("idx_notifications_user", InAppNotification.schema, ["user_id", "read"]),
        ("idx_external_employee", ExternalLearning.schema, ["employee_id", "status"]),
    ]

    func prepare(on database: any Database) async throws {
        try await IndexList.create(indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexList.drop(indexes, on: database)
    }
}

/// Indexes named in a migration, created with SQLKit's builder so SQLite and PostgreSQL get
/// the same statement (Fluent's schema builder has no indexes).
enum IndexList {
    typealias Index = (name: String, table: String, columns: [String])

    static func create(_ indexes: [Index], on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    static func drop(_ indexes: [Index], on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in indexes { try await sql.drop(index: index.name).run() }
    }
}
