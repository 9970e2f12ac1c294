import Foundation
import Vapor

/// Everything the process reads from its environment, gathered once so that tests can
/// build the same application from hand-made values.
public struct Settings: Sendable {
    public enum DatabaseChoice: Sendable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String, searchPath: [String]? = nil)
    }

    public var dataDirectory: String
    public var database: DatabaseChoice
    /// Password for the first `admin` account; generated and printed when nil.
    public var adminPassword: String?
    public var throttle: LoginThrottlePolicy
    /// Lower bcrypt cost in tests: a real cost makes the suite crawl without testing more.
    public var bcryptCost: Int
    public var clock: any LontarClock
    public var autoMigrate: Bool
    /// Only sent over HTTPS: on by default behind a TLS proxy (`LONTAR_SECURE_COOKIES=1`).
    public var secureCookies: Bool
    /// Behind a reverse proxy, take the client address from X-Forwarded-For; otherwise every
    /// sign-in would seem to come from the proxy and share one throttle.
    public var trustForwardedFor: Bool = false
    /// The address people reach Lontar at (`LONTAR_PUBLIC_URL`, e.g. https://lontar.kupangkota.go.id),
    /// printed on certificates and calendar links instead of whatever Host header came in.
    public var publicURL: String?

    public init(
        dataDirectory: String,
        database: DatabaseChoice,
        adminPassword: String? = nil,
        throttle: LoginThrottlePolicy = .standard,
        bcryptCost: Int = 12,
        clock: any LontarClock = SystemClock(),
        autoMigrate: Bool = true,
        secureCookies: Bool = false
    ) {
        self.dataDirectory = dataDirectory
        self.database = database
        self.adminPassword = adminPassword
        self.throttle = throttle
        self.bcryptCost = bcryptCost
        self.clock = clock
        self.autoMigrate = autoMigrate
        self.secureCookies = secureCookies
    }

    public static func fromEnvironment() -> Settings {
        let env = ProcessInfo.processInfo.environment
        let dataDirectory = env["LONTAR_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "lontar-data"
        let database: DatabaseChoice
        if let url = env["DATABASE_URL"], !url.isEmpty {
            database = .postgres(url: url)
        } else {
            database = .sqliteFile(path: dataDirectory + "/lontar.sqlite")
        }
        return Settings(
            dataDirectory: dataDirectory,
            database: database,
            adminPassword: env["LONTAR_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            secureCookies: env["LONTAR_SECURE_COOKIES"] == "1"
        ).with {
            $0.trustForwardedFor = env["LONTAR_TRUST_PROXY"] == "1"
            $0.publicURL = env["LONTAR_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : String($0.trimmingSuffix("/")) }
        }
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }

    public var settings: Settings {
        get {
            guard let settings = storage[SettingsKey.self] else {
                fatalError("configure(_:settings:) must run before settings are read")
            }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }

    public var clock: any LontarClock { settings.clock }
}

extension Settings {
    func with(_ change: (inout Settings) -> Void) -> Settings {
        var copy = self
        change(&copy)
        return copy
    }
}

extension Request {
    /// The client's address for throttling: the first X-Forwarded-For hop when a trusted
    /// proxy is configured, the socket's peer otherwise.
    var clientAddress: String {
        if application.settings.trustForwardedFor,
            let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").first
        {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }

    var clock: any LontarClock { application.clock }
    var now: Date { application.clock.now() }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : Substring(self)
    }
}
