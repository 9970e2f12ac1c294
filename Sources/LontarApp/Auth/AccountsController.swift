import Fluent
import LontarCore
import Vapor

struct AccountsPage: Encodable {
    struct Row: Encodable {
        let username: String
        let displayName: String
        let roles: String
        let active: Bool
        let resetHref: String
        let toggleHref: String
    }
    let layout: Layout
    let rows: [Row]
    let roles: [Option]
    let username: String
    let displayName: String
    let error: String?
    let createdUsername: String?
    let temporaryPassword: String?
}

/// Accounts of people who are not civil servants of the city — partner universities'
/// staff, outside facilitators — and extra administrators. Civil servants' accounts are
/// managed from their employee record instead.
struct AccountsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let accounts = routes.grouped("akun-pengguna")
        accounts.get(use: list)
        accounts.post(use: create)
        accounts.post(":username", "sandi", use: resetPassword)
        accounts.post(":username", "status", use: toggleActive)
    }

    func list(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        return try await render(req)
    }

    struct CreateForm: Content {
        var username: String
        var displayName: String
        var roles: [String]?
    }

    func create(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let form = try req.content.decode(CreateForm.self)
        let username = form.username.trimmingCharacters(in: .whitespaces).lowercased()
        let displayName = form.displayName.trimmingCharacters(in: .whitespaces)
        let roles = Set((form.roles ?? []).compactMap(Role.init(rawValue:))).intersection(Self.outsideRoles)
        if let problem = Self.usernameProblem(username) {
            return try await render(req, form: form, error: req.t(problem), status: .unprocessableEntity)
        }
        guard (2...200).contains(displayName.count) else {
            return try await render(
                req, form: form, error: req.t("field.length", "2", "200"), status: .unprocessableEntity)
        }
        guard !roles.isEmpty else {
            return try await render(
                req, form: form, error: req.t("accounts.roles.required"), status: .unprocessableEntity)
        }
        if try await UserAccount.query(on: req.db).filter(\.$username == username).first() != nil {
            return try await render(
                req, form: form, error: req.t("accounts.username.taken", username), status: .conflict)
        }
        let password = PasswordRules.generate()
        let account = UserAccount(
            username: username, displayName: displayName,
            passwordHash: try await req.password.async.hash(password), roles: roles, mustChangePassword: true)
        try await req.db.transaction { db in
            try await account.save(on: db)
            try await Audit.record(
                req, on: db, action: "create", entity: "account", entityID: username, summary: displayName,
                changes: changes([("roles", nil, account.roles)]))
        }
        return try await render(req, createdUsername: username, temporaryPassword: password)
    }

    func resetPassword(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let account = try await findOutsideAccount(req)
        let password = PasswordRules.generate()
        account.passwordHash = try await req.password.async.hash(password)
        account.mustChangePassword = true
        account.credentialsChangedAt = req.now
        try await req.db.transaction { db in
            try await account.save(on: db)
            try await Audit.record(
                req, on: db, action: "password", entity: "account", entityID: account.username,
                summary: account.displayName)
        }
        return try await render(req, createdUsername: account.username, temporaryPassword: password)
    }

    func toggleActive(req: Request) async throws -> Response {
        let principal = try req.require(.admin)
        let account = try await findOutsideAccount(req)
        guard account.id != principal.userID else { throw AppError.conflict("own_account", .init("accounts.self")) }
        account.active.toggle()
        account.credentialsChangedAt = req.now
        try await req.db.transaction { db in
            try await account.save(on: db)
            try await Audit.record(
                req, on: db, action: account.active ? "update" : "deactivate", entity: "account",
                entityID: account.username, summary: account.displayName,
                changes: [FieldChange(field: "active", old: String(!account.active), new: String(account.active))])
        }
        return req.redirect(to: Paths.accounts)
    }

    /// An operator acts for an OPD, which only a civil servant belongs to.
    static let outsideRoles: [Role] = [.admin, .facilitator, .partner]

    /// Lower-case letters, digits and `._-`; never 18 digits, which would shadow a NIP.
    static func usernameProblem(_ username: String) -> LocalizableMessage? {
        let allowed = username.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0)) }
        guard (3...40).contains(username.count), allowed, username.first?.isLetter == true else {
            return .init("accounts.username.invalid")
        }
        return nil
    }

    private func findOutsideAccount(_ req: Request) async throws -> UserAccount {
        guard let username = req.parameters.get("username"),
            let account = try await UserAccount.query(on: req.db).filter(\.$username == username)
                .filter(\.$employee.$id == nil).first()
        else { throw AppError.notFound() }
        return account
    }

    private func render(
        _ req: Request, form: CreateForm? = nil, error: String? = nil, status: HTTPResponseStatus = .ok,
        createdUsername: String? = nil, temporaryPassword: String? = nil
    ) async throws -> Response {
        let accounts = try await UserAccount.query(on: req.db).filter(\.$employee.$id == nil).sort(\.$username).all()
        let rows = accounts.map { account in
            AccountsPage.Row(
                username: account.username, displayName: account.displayName,
                roles: Role.allCases.filter { account.grantedRoles.contains($0) }.map { req.t("role.\($0.rawValue)") }
                    .joined(separator: ", "),
                active: account.active, resetHref: Paths.accountPassword(account.username),
                toggleHref: Paths.accountStatus(account.username))
        }
        let chosen = Set(form?.roles ?? [])
        let page = AccountsPage(
            layout: try await Layout.make(req, title: req.t("accounts.title")), rows: rows,
            roles: Self.outsideRoles.map {
                Option(value: $0.rawValue, label: req.t("role.\($0.rawValue)"), selected: chosen.contains($0.rawValue))
            },
            username: form?.username ?? "", displayName: form?.displayName ?? "", error: error,
            createdUsername: createdUsername, temporaryPassword: temporaryPassword)
        return try await req.renderPage("auth/accounts", page, status: status)
    }
}
