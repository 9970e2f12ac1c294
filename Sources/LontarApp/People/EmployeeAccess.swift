import Fluent
import LontarCore
import Vapor

/// Finding an employee named in a path, with the need-to-know check applied.
enum EmployeeAccess {
    static func find(_ req: Request, nip: String?) async throws -> Employee {
        guard let nip, let employee = try await Employee.query(on: req.db).filter(\.$nip == NIP.normalized(nip)).first()
        else { throw AppError.notFound() }
        return employee
    }

    static func findViewable(_ req: Request, nip: String?) async throws -> Employee {
        let principal = try req.requirePrincipal()
        let employee = try await find(req, nip: nip)
        // 404, not 403: a NIP encodes a birth date, so even its existence is need-to-know.
        guard
            principal.canView(
                employeeID: try employee.requireID(), agencyID: employee.$agency.id,
                supervisorID: employee.$supervisor.id)
        else { throw AppError.notFound() }
        return employee
    }

    static func findManageable(_ req: Request, nip: String?) async throws -> Employee {
        let principal = try req.require(.admin, .operator)
        let employee = try await find(req, nip: nip)
        guard principal.canManage(agencyID: employee.$agency.id) else { throw AppError.forbidden() }
        // An operator must not reset, edit or switch off someone who holds a role (an
        // administrator or another operator in the same OPD): that would be a takeover.
        if !principal.isAdmin, let account = try await AccountService.account(for: employee, on: req.db),
            !account.grantedRoles.isEmpty, account.id != principal.userID
        {
            throw AppError.forbidden()
        }
        return employee
    }
}

/// Creating and updating one employee through the same checks as the import.
enum EmployeeService {
    /// Returns the saved NIP; throws an `AppError` carrying every issue found.
    static func save(_ req: Request, cells: [String: String], existing: Employee?) async throws -> String {
        let principal = try req.require(.admin, .operator)
        let (row, issues) = EmployeeImport.validate(cells: cells, today: CityTime.today(req.clock))
        guard let row else { throw invalid(issues) }
        let before = try await existing.asyncFlatMap { try await EmployeeSnapshot.of($0, on: req.db) }
        try await req.db.transaction { db in
            let writer = EmployeeWriter(principal: principal, now: req.now)
            let outcome = try await writer.write([row], on: db, dryRun: false)
            guard outcome.issues.isEmpty else { throw invalid(outcome.issues) }
            guard let saved = try await Employee.query(on: db).filter(\.$nip == row.nip.value).first() else {
                throw Abort(.internalServerError)
            }
            let after = try await EmployeeSnapshot.of(saved, on: db)
            try await Audit.record(
                req, on: db, action: existing == nil ? "create" : "update", entity: "employee",
                entityID: row.nip.value, summary: row.name, changes: EmployeeSnapshot.diff(before, after))
        }
        return row.nip.value
    }

    static func invalid(_ issues: [ImportIssue]) -> AppError {
        var error = AppError(
            .unprocessableEntity, "invalid_input", .init("error.invalidInput"), field: issues.first?.column)
        error.details = issues
        return error
    }
}

/// The audited fields of an employee, with names instead of ids, for old → new entries.
struct EmployeeSnapshot {
    let values: [(String, String?)]

    static func of(_ employee: Employee, on db: any Database) async throws -> EmployeeSnapshot {
        let agency = try await Agency.find(employee.$agency.id, on: db)
        let unit = try await employee.$unit.id.asyncFlatMap { try await OrgUnit.find($0, on: db) }
        let position = try await employee.$position.id.asyncFlatMap { try await Position.find($0, on: db) }
        let supervisor = try await employee.$supervisor.id.asyncFlatMap { try await Employee.find($0, on: db) }
        return EmployeeSnapshot(values: [
            ("nip", employee.nip), ("kind", employee.kind), ("name", employee.name),
            ("front_title", employee.frontTitle), ("back_title", employee.backTitle), ("grade", employee.grade),
            ("agency", agency?.code), ("unit", unit?.name), ("position", position?.title),
            ("supervisor", supervisor?.nip), ("email", employee.email), ("phone", employee.phone),
            ("active", String(employee.active)),
        ])
    }

    static func diff(_ before: EmployeeSnapshot?, _ after: EmployeeSnapshot) -> [FieldChange] {
        let old = Dictionary(before?.values ?? [], uniquingKeysWith: { a, _ in a })
        return changes(after.values.map { ($0.0, old[$0.0] ?? nil, $0.1) })
    }
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// Accounts of civil servants: temporary passwords and granted roles.
enum AccountService {
    static func account(for employee: Employee, on db: any Database) async throws -> UserAccount? {
        try await UserAccount.query(on: db).filter(\.$employee.$id == employee.requireID()).first()
    }

    static func issueTemporaryPassword(_ req: Request, employee: Employee) async throws -> String {
        let password = PasswordRules.generate()
        let hash = try await req.password.async.hash(password)
        let account =
            try await account(for: employee, on: req.db)
            ?? UserAccount(
                username: employee.nip, displayName: employee.name, employeeID: try employee.requireID(),
                passwordHash: nil, roles: [])
        account.passwordHash = hash
        account.mustChangePassword = true
        account.credentialsChangedAt = req.now
        account.displayName = EmployeeImport.displayName(
            front: employee.frontTitle, name: employee.name, back: employee.backTitle)
        try await req.db.transaction { db in
            try await account.save(on: db)
            try await Audit.record(
                req, on: db, action: "password", entity: "employee", entityID: employee.nip, summary: employee.name)
        }
        return password
    }

    static func setRoles(_ req: Request, employee: Employee, roles: Set<Role>) async throws {
        let account =
            try await account(for: employee, on: req.db)
            ?? UserAccount(
                username: employee.nip, displayName: employee.name, employeeID: try employee.requireID(),
                passwordHash: nil, roles: [])
        let old = account.roles
        account.roles = Role.encode(roles)
        account.$operatorAgency.id = roles.contains(.operator) ? employee.$agency.id : nil
        try await req.db.transaction { db in
            try await account.save(on: db)
            try await Audit.record(
                req, on: db, action: "roles", entity: "employee", entityID: employee.nip, summary: employee.name,
                changes: changes([("roles", old, account.roles)]))
        }
    }
}
