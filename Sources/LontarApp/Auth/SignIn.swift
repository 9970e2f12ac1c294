import Fluent
import LontarCore
import Vapor

/// Finds the account behind what a person types: username, NIP (spaces allowed) or e-mail.
enum AccountLookup {
    static func find(_ identifier: String, on db: any Database) async throws -> UserAccount? {
        let trimmed = identifier.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let account = try await UserAccount.query(on: db).filter(\.$username == trimmed.lowercased()).first() {
            return account
        }
        let nip = NIP.normalized(trimmed)
        let employee: Employee?
        if nip.count == 18, nip.allSatisfy(\.isNumber) {
            employee = try await Employee.query(on: db).filter(\.$nip == nip).first()
        } else if trimmed.contains("@") {
            employee = try await Employee.query(on: db).filter(\.$email == trimmed.lowercased()).first()
        } else {
            employee = nil
        }
        guard let employeeID = employee?.id else { return nil }
        return try await UserAccount.query(on: db).filter(\.$employee.$id == employeeID).first()
    }
}

enum SignInOutcome {
    case success(UserAccount)
    case wrongCredentials
    case locked(until: Date)
}

/// The password check with throttling, shared by the sign-in page and the token endpoint.
struct PasswordSignIn {
    let request: Request

    func attempt(identifier: String, password: String) async throws -> SignInOutcome {
        let policy = request.application.settings.throttle
        let store = LoginThrottleStore(db: request.db, policy: policy, now: request.now)
        let addressKey = LoginThrottleStore.addressKey(request.remoteAddress?.ipAddress ?? "unknown")
        if let until = try await store.lockedUntil(addressKey) { return .locked(until: until) }

        let account = try await AccountLookup.find(identifier, on: request.db)
        if let account, let id = account.id, let until = try await store.lockedUntil(LoginThrottleStore.accountKey(id))
        {
            return .locked(until: until)
        }
        let verified: Bool
        if let account, account.active, let hash = account.passwordHash {
            verified = try await request.password.async.verify(password, created: hash)
        } else {
            // Spend the same time as a real check so response time does not reveal accounts.
            _ = try? await request.password.async.verify(password, created: Self.decoyHash)
            verified = false
        }
        if verified, let account, let employeeID = account.$employee.id,
            try await Employee.find(employeeID, on: request.db)?.active != true
        {
            return .wrongCredentials  // a deactivated civil servant keeps the record, not the access
        }
        if verified, let account, let id = account.id {
            try await store.reset(LoginThrottleStore.accountKey(id))
            return .success(account)
        }
        var failures = try await store.recordFailure(addressKey, lockAfter: policy.addressLockAfter)
        if let id = account?.id {
            let key = LoginThrottleStore.accountKey(id)
            failures = max(failures, try await store.recordFailure(key, lockAfter: policy.accountLockAfter))
            if let until = try await store.lockedUntil(key) { return .locked(until: until) }
        }
        if let until = try await store.lockedUntil(addressKey) { return .locked(until: until) }
        let delay = policy.delay(afterFailures: failures)
        if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }
        return .wrongCredentials
    }

    /// bcrypt of a random string, cost 12, used only to burn time.
    static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5mBhD6rpqh5dwC2qeq/1PqwDn1Lm6Xy"
}

extension Request {
    /// Starts a fresh session for the account: a new session id on every sign-in, so an id
    /// planted before sign-in (session fixation) is worth nothing afterwards.
    func startSession(for account: UserAccount) async throws {
        if let oldID = session.id {
            try await application.sessions.driver.deleteSession(oldID, for: self).get()
            session.id = nil
        }
        session.data = SessionData()
        session.data[PrincipalMiddleware.sessionUserKey] = account.id?.uuidString
        SessionClock.start(self)
        principal = try await PrincipalMiddleware.principal(forUser: account.requireID(), on: db)
    }
}
