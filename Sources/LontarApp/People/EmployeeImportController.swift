import Fluent
import LontarCore
import Vapor

/// A checked upload waiting for the uploader's confirmation; kept in the database (not in a
/// process) so the confirmation may reach any `lontar` instance.
final class PendingImport: Model, @unchecked Sendable {
    static let schema = "pending_imports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "content") var content: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

struct CreatePendingImport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PendingImport.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserAccount.schema, .id, onDelete: .cascade))
            .field("content", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PendingImport.schema).delete() }
}

struct ImportPage: Encodable {
    struct Issue: Encodable {
        let line: Int
        let column: String
        let message: String
    }
    let layout: Layout
    let templateHref: String
    let issues: [Issue]
    let checked: Bool
    let created: Int
    let updated: Int
    let pendingID: String?
}

/// Runs an import the same way for the page and the API: parse, check everything, and
/// write only a file without a single problem, in one transaction.
enum ImportRunner {
    static func run(_ req: Request, text: String, dryRun: Bool) async throws -> EmployeeWriter.Outcome {
        let principal = try req.require(.admin, .operator)
        let parsed = EmployeeImport.parse(text, today: CityTime.today(req.clock))
        var configured = EmployeeWriter(principal: principal, now: req.now)
        configured.presentColumns = EmployeeImport.columnsPresent(in: text)
        let writer = configured
        let checks = try await writer.write(parsed.rows, on: req.db, dryRun: true)
        var outcome = checks
        outcome.issues = (parsed.issues + checks.issues).sorted {
            ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "")
        }
        guard outcome.issues.isEmpty, !dryRun else { return outcome }
        return try await req.db.transaction { db in
            let before = try await ImportAudit.snapshot(parsed.rows.map(\.nip.value), on: db)
            let written = try await writer.write(parsed.rows, on: db, dryRun: false)
            guard written.issues.isEmpty else { throw EmployeeService.invalid(written.issues) }
            try await Audit.record(
                req, on: db, action: "import", entity: "employee", entityID: nil,
                summary: req.t("import.audit", String(written.created), String(written.updated)))
            let after = try await ImportAudit.snapshot(parsed.rows.map(\.nip.value), on: db)
            try await ImportAudit.record(req, before: before, after: after, on: db)
            return written
        }
    }
}

struct EmployeeImportController: RouteCollection {
    static let maxUpload: ByteCount = "25mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("pegawai", "impor", use: form)
        routes.on(.POST, "pegawai", "impor", body: .collect(maxSize: Self.maxUpload), use: check)
        routes.post("pegawai", "impor", "konfirmasi", use: confirm)
        routes.get("pegawai", "impor", "template.csv", use: template)
        routes.get("pegawai", "ekspor.csv", use: export)
    }

    func form(req: Request) async throws -> Response {
        _ = try req.require(.admin, .operator)
        return try await render(req, outcome: nil, pendingID: nil)
    }

    struct Upload: Content {
        var file: File
    }

    func check(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let upload = try req.content.decode(Upload.self)
        guard let text = String(validating: upload.file.data.readableBytesView, as: UTF8.self) else {
            let outcome = EmployeeWriter.Outcome(issues: [
                ImportIssue(line: 1, column: nil, message: .init("csv.invalid_utf8"))
            ])
            return try await render(req, outcome: outcome, pendingID: nil)
        }
        let outcome = try await ImportRunner.run(req, text: text, dryRun: true)
        var pendingID: UUID?
        // Checked uploads wait an hour at most; older ones are dropped here rather than by a job.
        try await PendingImport.query(on: req.db).filter(\.$createdAt < req.now.addingTimeInterval(-3600)).delete()
        if outcome.issues.isEmpty {
            let pending = PendingImport()
            pending.$user.id = principal.userID
            pending.content = text
            pending.createdAt = req.now
            try await pending.save(on: req.db)
            pendingID = pending.id
        }
        return try await render(req, outcome: outcome, pendingID: pendingID)
    }

    struct Confirmation: Content {
        var pendingID: UUID
    }

    func confirm(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let form = try req.content.decode(Confirmation.self)
        guard let pending = try await PendingImport.find(form.pendingID, on: req.db),
            pending.$user.id == principal.userID, req.now.timeIntervalSince(pending.createdAt) < 3600
        else { throw AppError(.gone, "import_expired", .init("import.expired")) }
        let outcome = try await ImportRunner.run(req, text: pending.content, dryRun: false)
        if outcome.issues.isEmpty {
            try await pending.delete(on: req.db)
            Flash.set(req, req.t("import.done", String(outcome.created), String(outcome.updated)))
            return req.redirect(to: Paths.employees)
        }
        return try await render(req, outcome: outcome, pendingID: nil)
    }

    func template(req: Request) async throws -> Response {
        _ = try req.require(.admin, .operator)
        return csvResponse(EmployeeImport.template(), filename: "template-impor-pegawai.csv")
    }

    func export(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator, .supervisor)
        let filter = EmployeeFilter(
            agencyCode: req.query[String.self, at: "agency"], q: req.query[String.self, at: "q"],
            includeInactive: req.query[String.self, at: "inactive"] == "1")
        let (rows, _) = try await EmployeeQueries.list(filter, scope: .of(principal), page: nil, on: req.db)
        // A bulk read of personal data leaves a trace (UU 27/2022), like opening one record does.
        if principal.isAdmin || principal.isOperator {
            try await Audit.record(
                req, on: req.db, action: "export", entity: "employee", entityID: nil,
                summary: req.t("export.audit", String(rows.count), filter.agencyCode ?? "*", filter.q ?? ""))
        }
        let csv = CSV.write(
            header: EmployeeImport.columns, rows: rows.map(EmployeeQueries.csvRow), delimiter: ";", byteOrderMark: true)
        return csvResponse(csv, filename: "pegawai.csv")
    }

    private func csvResponse(_ text: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func render(_ req: Request, outcome: EmployeeWriter.Outcome?, pendingID: UUID?) async throws -> Response {
        let issues = (outcome?.issues ?? []).prefix(1000).map { issue in
            ImportPage.Issue(
                line: issue.line, column: issue.column.map { $0 } ?? "—", message: req.t(issue.message))
        }
        let page = ImportPage(
            layout: try await Layout.make(req, title: req.t("import.title")),
            templateHref: Paths.employeeImportTemplate, issues: Array(issues), checked: outcome != nil,
            created: outcome?.created ?? 0, updated: outcome?.updated ?? 0, pendingID: pendingID?.uuidString)
        let failed = !(outcome?.issues.isEmpty ?? true)
        return try await req.renderPage("people/import", page, status: failed ? .unprocessableEntity : .ok)
    }
}
