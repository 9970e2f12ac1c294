import Crypto
import Fluent
import Vapor

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The signed-in person, or 401 (a browser is sent to the sign-in page).
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw AppError.unauthenticated() }
        return principal
    }

    /// The signed-in person if they hold any of `roles`, otherwise 403.
    func require(_ roles: Role...) throws -> Principal {
        let principal = try requirePrincipal()
        guard !principal.roles.isDisjoint(with: roles) else { throw AppError.forbidden() }
        return principal
    }
}

/// Works out who is asking: a bearer token under `/api`, the session cookie elsewhere.
struct PrincipalMiddleware: AsyncMiddleware {
    static let sessionUserKey = "uid"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI {
            if let bearer = request.headers.bearerAuthorization {
                request.principal = try await Self.principal(forToken: bearer.token, on: request)
                guard request.principal != nil else { throw AppError.unauthenticated() }
            }
        } else if request.hasSession, let raw = request.session.data[Self.sessionUserKey],
            let userID = UUID(uuidString: raw)
        {
            let principal = try await Self.principal(forUser: userID, on: request.db)
            if let principal, SessionClock.isCurrent(request, credentialsChangedAt: principal.credentialsChangedAt) {
                request.principal = principal
                SessionClock.touch(request)
            } else {
                request.session.data = SessionData()
            }
        }
        if let principal = request.principal, let language = Language(rawValue: principal.language) {
            request.language = language
        }
        return try await next.respond(to: request)
    }

    static func hashToken(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func principal(forToken token: String, on request: Request) async throws -> Principal? {
        guard
            let stored = try await APIToken.query(on: request.db)
                .filter(\.$tokenHash == hashToken(token))
                .filter(\.$revokedAt == nil)
                .first(),
            stored.expiresAt > request.now,
            let principal = try await principal(forUser: stored.$user.id, on: request.db),
            (stored.createdAt ?? .distantPast).timeIntervalSince1970 + SessionClock.tolerance
                >= principal.credentialsChangedAt.timeIntervalSince1970
        else { return nil }
        return principal
    }

    static func principal(forUser userID: UUID, on db: any Database) async throws -> Principal? {
        guard let account = try await UserAccount.find(userID, on: db), account.active else { return nil }
        var roles = account.grantedRoles
        var agencyID: UUID?
        var operatorAgencyID = account.$operatorAgency.id
        if let employeeID = account.$employee.id, let employee = try await Employee.find(employeeID, on: db) {
            guard employee.active else { return nil }
            roles.insert(.employee)
            agencyID = employee.$agency.id
            // A civil servant operates for the OPD they belong to now, even after a transfer.
            operatorAgencyID = employee.$agency.id
            let reports = try await Employee.query(on: db)
                .filter(\.$supervisor.$id == employeeID)
                .filter(\.$active == true)
                .count()
            if reports > 0 { roles.insert(.supervisor) }
        }
        if operatorAgencyID == nil { roles.remove(.operator) }
        if !roles.contains(.operator) { operatorAgencyID = nil }
        return Principal(
            userID: userID,
            username: account.username,
            displayName: account.displayName,
            employeeID: account.$employee.id,
            employeeAgencyID: agencyID,
            roles: roles,
            operatorAgencyID: operatorAgencyID,
            mustChangePassword: account.mustChangePassword,
            language: account.language,
            credentialsChangedAt: account.credentialsChangedAt
        )
    }
}

/// Someone given a temporary password may do nothing else until they choose their own.
struct PasswordChangeGate: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let principal = request.principal, principal.mustChangePassword else {
            return try await next.respond(to: request)
        }
        let path = request.url.path
        let allowed = [Paths.changePassword, Paths.signOut, Paths.language, Paths.apiToken]
        if allowed.contains(path) || path.hasPrefix("/static/") || path.hasPrefix("/verifikasi")
            || path.hasPrefix("/kalender/")
        {
            return try await next.respond(to: request)
        }
        if request.isAPI {
            throw AppError(.forbidden, "password_change_required", .init("auth.mustChange"))
        }
        return request.redirect(to: Paths.changePassword)
    }
}
