import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import LontarApp

/// A clock the tests move by hand.
final class TestClock: LontarClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { current = start }  // 2026-11-18

    func now() -> Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

enum TestDatabase {
    /// Set by `.ci/run` for the PostgreSQL pass; unset means SQLite.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["LONTAR_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isPostgres: Bool { postgresURL != nil }
}

let adminPassword = "Admin-sandi-2026"

/// A fresh application on a fresh database (an in-memory SQLite, or a new schema in the test
/// PostgreSQL), always shut down and cleaned up afterwards.
func withLontar(
    clock: TestClock = TestClock(), sharedSQLiteFile: String? = nil, schema: String? = nil,
    _ test: (Application) async throws -> Void
) async throws {
    // A second app inside a test (two instances on one database) runs under its test's slot.
    if TestAppGate.holding {
        return try await runLontar(clock: clock, sharedSQLiteFile: sharedSQLiteFile, schema: schema, test)
    }
    await TestAppGate.shared.acquire()
    do {
        try await TestAppGate.$holding.withValue(true) {
            try await runLontar(clock: clock, sharedSQLiteFile: sharedSQLiteFile, schema: schema, test)
        }
    } catch {
        await TestAppGate.shared.release()
        throw error
    }
    await TestAppGate.shared.release()
}

/// Swift Testing starts every test at once, and each app holds its own database connections:
/// with hundreds of tests PostgreSQL runs out of connection slots (`max_connections`) and
/// refuses tests at random. At most `limit` apps run at a time; the rest wait their turn.
actor TestAppGate {
    static let shared = TestAppGate(limit: 24)
    @TaskLocal static var holding = false

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = limit }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

private func runLontar(
    clock: TestClock, sharedSQLiteFile: String?, schema: String?, _ test: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    // Hundreds of apps each logging every migration bury a failure's own lines; LOG_LEVEL
    // brings them back when wanted.
    if ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { app.logger.logLevel = .warning }
    let schemaName = schema ?? "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let database: Settings.DatabaseChoice
    if let url = TestDatabase.postgresURL {
        database = .postgres(url: url, searchPath: [schemaName])
    } else if let file = sharedSQLiteFile {
        database = .sqliteFile(path: file)
    } else {
        // A file, not `:memory:`: the in-memory database shares one cache between connections
        // with table locks, which behaves unlike the real (WAL) database under concurrency.
        database = .sqliteFile(path: NSTemporaryDirectory() + "lontar-test-\(schemaName).sqlite")
    }
    let dataDirectory = NSTemporaryDirectory() + "lontar-test-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
    let settings = Settings(
        dataDirectory: dataDirectory, database: database,
        adminPassword: adminPassword, throttle: .testing, bcryptCost: 4, clock: clock, autoMigrate: false)
    do {
        try await configure(app, settings: settings)
        if TestDatabase.isPostgres, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schemaName)").run()
        }
        try await prepareDatabase(app)
        try await test(app)
    } catch {
        await cleanUp(app, schema: schema == nil ? schemaName : nil)
        throw error
    }
    await cleanUp(app, schema: schema == nil ? schemaName : nil)
}

private func cleanUp(_ app: Application, schema: String?) async {
    if TestDatabase.isPostgres, let schema, let sql = app.db as? any SQLDatabase {
        try? await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    if !TestDatabase.isPostgres, let schema {
        let file = NSTemporaryDirectory() + "lontar-test-\(schema).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }
}
