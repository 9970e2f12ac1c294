import Fluent

struct CreateAgency: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Agency.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Agency.schema).delete() }
}

struct CreateUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrgUnit.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("parent_id", .uuid, .references(OrgUnit.schema, .id))
            .field("name", .string, .required)
            .field("active", .bool, .required)
            .unique(on: "agency_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(OrgUnit.schema).delete() }
}

struct CreatePosition: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Position.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("active", .bool, .required)
            .unique(on: "agency_id", "title")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Position.schema).delete() }
}

struct CreateEmployee: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Employee.schema)
            .id()
            .field("nip", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("front_title", .string)
            .field("back_title", .string)
            .field("grade", .string)
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("unit_id", .uuid, .references(OrgUnit.schema, .id))
            .field("position_id", .uuid, .references(Position.schema, .id))
            .field("supervisor_id", .uuid, .references(Employee.schema, .id))
            .field("email", .string)
            .field("phone", .string)
            .field("birth_date", .string, .required)
            .field("gender", .string, .required)
            .field("active", .bool, .required)
            .field("search_text", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "nip")
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(Employee.schema).delete() }
}

struct CreateUserAccount: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserAccount.schema)
            .id()
            .field("username", .string, .required)
            .field("employee_id", .uuid, .references(Employee.schema, .id))
            .field("display_name", .string, .required)
            .field("password_hash", .string)
            .field("roles", .string, .required)
            .field("operator_agency_id", .uuid, .references(Agency.schema, .id))
            .field("language", .string, .required)
            .field("must_change_password", .bool, .required)
            .field("active", .bool, .required)
            .field("credentials_changed_at", .datetime, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .unique(on: "employee_id")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(UserAccount.schema).delete() }
}

struct CreateAPIToken: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(APIToken.schema).delete() }
}

struct CreateLoginThrottle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginThrottle.schema)
            .id()
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("window_started_at", .datetime, .required)
            .field("locked_until", .datetime)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(LoginThrottle.schema).delete() }
}

struct CreateAuditEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("summary", .string, .required)
            .field("changes", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(AuditEntry.schema).delete() }
}
