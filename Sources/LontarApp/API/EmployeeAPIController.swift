import Fluent
import LontarCore
import Vapor

extension EmployeeSummary: Content {}

/// `/api/v1/employees`: the same scoping and the same checks as the pages.
struct EmployeeAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let employees = routes.grouped("api", "v1", "employees")
        employees.get(use: list)
        employees.post(use: create)
        employees.get(":nip", use: get)
        employees.put(":nip", use: update)
        employees.on(.POST, "import", body: .collect(maxSize: EmployeeImportController.maxUpload), use: importCSV)
    }

    func list(req: Request) async throws -> ListEnvelope<EmployeeSummary> {
        let principal = try req.require(.admin, .operator, .supervisor)
        let paging = PageRequest.from(req)
        let filter = EmployeeFilter(
            agencyCode: req.query[String.self, at: "agency"], q: req.query[String.self, at: "q"],
            includeInactive: req.query[Bool.self, at: "includeInactive"] ?? false)
        let (items, total) = try await EmployeeQueries.list(filter, scope: .of(principal), page: paging, on: req.db)
        return ListEnvelope(items: items, total: total, page: paging.page, per: paging.per)
    }

    func get(req: Request) async throws -> EmployeeSummary {
        let employee = try await EmployeeAccess.findViewable(req, nip: req.parameters.get("nip"))
        try await Audit.recordView(req, employee: employee)
        return try await Self.summary(of: employee.nip, on: req.db)
    }

    static func summary(of nip: String, on db: any Database) async throws -> EmployeeSummary {
        let found = try await EmployeeQueries.list(
            EmployeeFilter(q: nip, includeInactive: true), scope: .all, page: nil, on: db
        ).rows.first { $0.nip == nip }
        guard let found else { throw AppError.notFound() }
        return found
    }

    struct EmployeeBody: Content {
        var nip: String?
        var kind: String
        var name: String
        var frontTitle: String?
        var backTitle: String?
        var grade: String?
        var agencyCode: String
        var unitName: String?
        var positionTitle: String?
        var positionKind: String?
        var supervisorNIP: String?
        var email: String?
        var phone: String?

        func cells(nip: String) -> [String: String] {
            [
                "nip": nip, "nama": name, "gelar_depan": frontTitle ?? "", "gelar_belakang": backTitle ?? "",
                "jenis_pegawai": kind, "pangkat_golongan": grade ?? "", "kode_opd": agencyCode,
                "unit_kerja": unitName ?? "", "jabatan": positionTitle ?? "", "jenis_jabatan": positionKind ?? "",
                "nip_atasan": supervisorNIP ?? "", "email": email ?? "", "telepon": phone ?? "",
            ]
        }
    }

    func create(req: Request) async throws -> Response {
        _ = try req.require(.admin, .operator)
        let body = try req.content.decode(EmployeeBody.self)
        guard let raw = body.nip else { throw AppError.invalid("nip", .init("field.required", ["nip"])) }
        let nip = NIP.normalized(raw)
        if try await Employee.query(on: req.db).filter(\.$nip == nip).first() != nil {
            throw AppError.conflict("duplicate_nip", .init("employee.nip.exists", [nip]), field: "nip")
        }
        let saved = try await EmployeeService.save(req, cells: body.cells(nip: nip), existing: nil)
        return try await Self.summary(of: saved, on: req.db).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> EmployeeSummary {
        let employee = try await EmployeeAccess.findManageable(req, nip: req.parameters.get("nip"))
        let body = try req.content.decode(EmployeeBody.self)
        if let sent = body.nip, NIP.normalized(sent) != employee.nip {
            throw AppError.invalid("nip", .init("employee.nip.immutable"))
        }
        let saved = try await EmployeeService.save(req, cells: body.cells(nip: employee.nip), existing: employee)
        return try await Self.summary(of: saved, on: req.db)
    }

    struct ImportReport: Content {
        let created: Int
        let updated: Int
        let errors: [APIIssue]
    }

    func importCSV(req: Request) async throws -> Response {
        _ = try req.require(.admin, .operator)
        guard let buffer = req.body.data, let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw AppError(.badRequest, "invalid_body", .init("csv.invalid_utf8"))
        }
        let dryRun = req.query[Bool.self, at: "dryRun"] ?? false
        let outcome = try await ImportRunner.run(req, text: text, dryRun: dryRun)
        let report = ImportReport(
            created: outcome.issues.isEmpty ? outcome.created : 0,
            updated: outcome.issues.isEmpty ? outcome.updated : 0,
            errors: outcome.issues.map { APIIssue(line: $0.line, column: $0.column, message: req.t($0.message)) })
        let status: HTTPResponseStatus = outcome.issues.isEmpty ? (dryRun ? .ok : .created) : .unprocessableEntity
        return try await report.encodeResponse(status: status, for: req)
    }
}
