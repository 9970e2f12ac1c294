import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Leaf
import LeafKit
import Vapor

/// Builds the whole application from `settings`; the executable and the tests both call it.
public func configure(_ app: Application, settings: Settings) async throws {
    app.settings = settings
    if case .postgres = settings.database {
    } else {
        // SQLite work runs on this pool, and SQLite's busy handler holds a thread while it
        // waits for a lock: with the default two threads, two waiting writers would starve
        // the one that holds the lock.
        app.threadPool = NIOThreadPool(numberOfThreads: 16)
    }
    try configureDatabase(app, settings: settings)
    let resources = try resourceDirectory()
    app.catalogue = try Catalogue.load(from: resources.appendingPathComponent("Strings"))

    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "lontar_session"
    let secure = settings.secureCookies
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(
            string: id.string, expires: nil, maxAge: 12 * 3600, path: "/", isSecure: secure,
            isHTTPOnly: true, sameSite: .lax)
    }

    app.views.use(.leaf)
    let views = resources.appendingPathComponent("Views").path
    app.leaf.sources = .singleSource(
        NIOLeafFiles(
            // Not `.toVisibleFiles`: a debug build keeps its resources under `.build/`. The
            // sandbox still confines templates to the views folder.
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: views,
            viewDirectory: views))
    app.leaf.tags["t"] = TranslateTag()
    app.leaf.cache.isEnabled = app.environment.isRelease

    app.http.server.configuration.responseCompression = .enabled
    app.routes.defaultMaxBodySize = "64kb"

    app.middleware = .init()
    app.middleware.use(SecurityHeadersMiddleware())
    // Catches what fails before our own error layer (a malformed path, a session store that is
    // down) so the client still gets an answer; it must not touch the session.
    app.middleware.use(ErrorMiddleware.default(environment: app.environment))
    app.middleware.use(
        FileMiddleware(
            publicDirectory: resources.appendingPathComponent("Public").path + "/",
            advancedETagComparison: true))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(LontarErrorMiddleware())
    app.middleware.use(PrincipalMiddleware())
    app.middleware.use(PasswordChangeGate())
    app.middleware.use(CSRFMiddleware())

    for migration in MigrationList.all { app.migrations.add(migration) }
    if case .sqliteFile = settings.database, let sql = app.db as? any SQLDatabase {
        // Write-ahead logging: readers never wait for a writer, and writers queue instead of
        // deadlocking with readers that hold a shared lock.
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
    if settings.autoMigrate { try await prepareDatabase(app) }
    try routes(app)
    app.asyncCommands.use(DemoCommand(), as: "demo")
    BehaviourFollowUpJob.install(app)
}

/// Brings the schema up to date and makes sure an administrator exists.
public func prepareDatabase(_ app: Application) async throws {
    try await app.autoMigrate()
    try await AdminBootstrap.ensureAdministrator(app)
}

func routes(_ app: Application) throws {
    try app.register(collection: HealthController())
    try app.register(collection: AuthController())
    try app.register(collection: HomeController())
    try app.register(collection: AgencyController())
    try app.register(collection: UnitController())
    try app.register(collection: PositionController())
    try app.register(collection: EmployeeController())
    try app.register(collection: OwnContactController())
    try app.register(collection: EmployeeImportController())
    try app.register(collection: PersonalDataController())
    try app.register(collection: AuditController())
    try app.register(collection: AccountsController())
    try app.register(collection: TokenAPIController())
    try app.register(collection: OrganisationAPIController())
    try app.register(collection: EmployeeAPIController())
    try app.register(collection: OpenAPIController())
    try registerTrainingRoutes(app)
    try registerELearningRoutes(app)
    try registerEvaluationRoutes(app)
}

private func configureDatabase(_ app: Application, settings: Settings) throws {
    switch settings.database {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .postgres(let url, let searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = searchPath
        app.databases.use(.postgres(configuration: configuration), as: .psql)
    }
}

/// Templates, strings and static files ship inside the module's resource bundle, so the
/// binary works from any working directory.
func resourceDirectory() throws -> URL {
    guard let bundled = Bundle.module.resourceURL else {
        throw Abort(.internalServerError, reason: "resource bundle missing")
    }
    // Foundation on Linux and on macOS disagree on whether the copied folder is the root.
    let nested = bundled.appendingPathComponent("Resources")
    return FileManager.default.fileExists(atPath: nested.appendingPathComponent("Strings").path) ? nested : bundled
}

struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers: [(String, String)] = [
            (
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if request.url.path.hasPrefix("/static/") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        }
        return response
    }
}

struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz") { _ in HTTPStatus.ok }
        routes.get("readyz") { req async throws -> HTTPStatus in
            guard let sql = req.db as? any SQLDatabase else { return .serviceUnavailable }
            do {
                try await sql.raw("SELECT 1").run()
                return .ok
            } catch {
                req.logger.warning("readiness check failed: \(error)")
                throw AppError(.serviceUnavailable, "database_unavailable", .init("error.database"))
            }
        }
    }
}
