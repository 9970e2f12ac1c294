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
        let addressKey = LoginThrottleStore.addressKey(request.clientAddress)
        let account = try await AccountLookup.find(identifier, on: request.db)
        let accountKey = account?.id.map(LoginThrottleStore.accountKey) ?? LoginThrottleStore.identifierKey(identifier)
        for key in [addressKey, accountKey] {
            if let until = try await store.lockedUntil(key) { return .locked(until: until) }
        }
        // Counted before the password check, so parallel guesses cannot all slip under the limit.
        let attempts = try await store.count(accountKey)
        if attempts > policy.accountLockAfter {
            try await store.lock(accountKey)
            return .locked(until: request.now.addingTimeInterval(policy.lockDuration))
        }
        var verified = false
        if let account, account.active, let hash = account.passwordHash {
            verified = try await request.password.async.verify(password, created: hash)
        } else {
            // Spend the same time as a real check so response time does not reveal accounts.
            _ = try? await request.password.async.verify(password, created: Self.decoyHash)
        }
        if verified, let account, let employeeID = account.$employee.id,
            try await Employee.find(employeeID, on: request.db)?.active != true
        {
            verified = false  // a deactivated civil servant keeps the record, not the access
        }
        if verified, let account {
            try await store.reset(accountKey)
            return .success(account)
        }
        let addressFailures = try await store.count(addressKey)
        if addressFailures >= policy.addressLockAfter { try await store.lock(addressKey) }
        if attempts >= policy.accountLockAfter || addressFailures >= policy.addressLockAfter {
            if attempts >= policy.accountLockAfter { try await store.lock(accountKey) }
            return .locked(until: request.now.addingTimeInterval(policy.lockDuration))
        }
        let delay = policy.delay(afterFailures: max(attempts, addressFailures / 4))
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
