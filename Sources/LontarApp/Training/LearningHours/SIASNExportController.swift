import Fluent
import LontarCore
import Vapor

/// `?year=YYYY`: BKPPD exports the city (or `?agency=CODE`), an operator their OPD, and
/// anyone their own history with `?mine=1`.
struct SIASNExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.siasnExport.pathComponents, use: export)
    }

    func export(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let year = JPText.year(req)
        let scope: JPScope
        var scopeLabel = "*"
        if req.query[String.self, at: "mine"] == "1" {
            guard let me = principal.employeeID else { throw AppError.forbidden() }
            scope = .employee(me)
        } else {
            guard principal.isAdmin || principal.isOperator else { throw AppError.forbidden() }
            if let asked = try await JPDashboards.askedAgency(req, principal: principal) {
                scope = .agency(try asked.requireID())
                scopeLabel = asked.code
            } else if principal.isAdmin {
                scope = .city
            } else if let own = principal.operatorAgencyID {
                scope = .agency(own)
                scopeLabel = try await Agency.find(own, on: req.db)?.code ?? "?"
            } else {
                throw AppError.forbidden()
            }
        }
        if scope != .employee(principal.employeeID ?? UUID()) {
            // A bulk read of personal data leaves a trace (UU 27/2022).
            let count = try await SIASNRecords.count(scope, year: year, on: req.db)
            try await Audit.record(
                req, on: req.db, action: "export", entity: "employee", entityID: nil,
                summary: req.t("jp.export.audit", String(count), String(year), scopeLabel))
        }
        // Streamed: the first lines leave while the database is still reading, over a slow
        // link the download starts at once, and no response holds the whole city's file.
        let db = req.db
        let body = Response.Body(managedAsyncStream: { writer in
            let (texts, continuation) = AsyncThrowingStream.makeStream(of: String.self)
            let producer = Task {
                do {
                    try await SIASNRecords.csv(scope, year: year, on: db) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            defer { producer.cancel() }
            for try await text in texts { try await writer.writeBuffer(ByteBuffer(string: text)) }
        })
        let response = Response(status: .ok, body: body)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "siasn-\(year).csv")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
