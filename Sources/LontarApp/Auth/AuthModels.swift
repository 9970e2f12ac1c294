import Fluent
import Foundation

/// A sign-in account. Civil servants' accounts point at their employee record; the first
/// administrator (`admin`) and partner/facilitator accounts may have none.
final class UserAccount: Model, @unchecked Sendable {
    static let schema = "user_accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @OptionalParent(key: "employee_id") var employee: Employee?
    @Field(key: "display_name") var displayName: String
    @OptionalField(key: "password_hash") var passwordHash: String?
    /// Comma-separated `Role` raw values that were granted (employee and supervisor are derived).
    @Field(key: "roles") var roles: String
    @OptionalParent(key: "operator_agency_id") var operatorAgency: Agency?
    @Field(key: "language") var language: String
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "active") var active: Bool
    /// Sessions started before this moment are void: set when the password changes or the
    /// account is switched off, so every other device is signed out too.
    @Field(key: "credentials_changed_at") var credentialsChangedAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, username: String, displayName: String, employeeID: UUID? = nil,
        passwordHash: String?, roles: Set<Role>, operatorAgencyID: UUID? = nil,
        language: String = "id", mustChangePassword: Bool = false
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.$employee.id = employeeID
        self.passwordHash = passwordHash
        self.roles = Role.encode(roles)
        self.$operatorAgency.id = operatorAgencyID
        self.language = language
        self.mustChangePassword = mustChangePassword
        self.active = true
        self.credentialsChangedAt = Date(timeIntervalSince1970: 0)
    }

    var grantedRoles: Set<Role> { Role.decode(roles) }
}

/// An API bearer token; only its SHA-256 is stored so a database leak does not leak tokens.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// Set from the app's clock, not Fluent's timestamp (the system clock): it is compared with
    /// `credentialsChangedAt`, which the app's clock wrote.
    @OptionalField(key: "created_at") var createdAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, createdAt: Date, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// Failed sign-ins per account and per address, kept in the database so that every
/// `lontar` process behind a load balancer sees the same count.
final class LoginThrottle: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @Field(key: "window_started_at") var windowStartedAt: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    init(key: String, now: Date) {
        self.key = key
        self.failures = 0
        self.windowStartedAt = now
    }
}
