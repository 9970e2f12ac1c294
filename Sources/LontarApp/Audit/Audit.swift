import Fluent
import Foundation
import Vapor

struct FieldChange: Codable, Equatable, Sendable {
    let field: String
    let old: String?
    let new: String?
}

/// Compares labelled before/after values and keeps only what changed.
func changes(_ pairs: [(String, String?, String?)]) -> [FieldChange] {
    pairs.compactMap { field, old, new in
        old == new ? nil : FieldChange(field: field, old: old, new: new)
    }
}

enum Audit {
    /// Records a change by an administrator or operator, in the same transaction as the change.
    static func record(
        _ req: Request, on db: any Database, action: String, entity: String, entityID: String?,
        summary: String, changes: [FieldChange] = []
    ) async throws {
        guard let principal = req.principal, principal.isAdmin || principal.isOperator else { return }
        let entry = AuditEntry()
        entry.at = req.now
        entry.actorID = principal.userID
        entry.actorName = principal.displayName
        entry.action = action
        entry.entity = entity
        entry.entityID = entityID
        entry.summary = summary
        entry.changes = String(decoding: try JSONEncoder().encode(changes), as: UTF8.self)
        try await entry.save(on: db)
    }

    /// An administrator opened somebody else's personal record (UU 27/2022: traceable access).
    static func recordView(_ req: Request, employee: Employee) async throws {
        guard let principal = req.principal, principal.isAdmin || principal.isOperator,
            principal.employeeID != employee.id
        else { return }
        try await record(
            req, on: req.db, action: "view", entity: "employee", entityID: employee.nip,
            summary: employee.name)
    }
}

struct AuditListPage: Encodable {
    struct Row: Encodable {
        let at: String
        let actor: String
        let action: String
        let entity: String
        let entityID: String
        let summary: String
        let changes: [FieldChange]
    }
    let layout: Layout
    let rows: [Row]
    let pager: Pager
}

struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: list)
    }

    func list(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let paging = PageRequest.from(req)
        let query = AuditEntry.query(on: req.db).sort(\.$at, .descending).sort(\.$id)
        let total = try await query.count()
        let entries = try await query.range(paging.range).all()
        let decoder = JSONDecoder()
        let rows = entries.map { entry in
            AuditListPage.Row(
                at: CityTime.format(entry.at), actor: entry.actorName,
                action: req.t("audit.action.\(entry.action)"), entity: req.t("audit.entity.\(entry.entity)"),
                entityID: entry.entityID ?? "", summary: entry.summary,
                changes: (try? decoder.decode([FieldChange].self, from: Data(entry.changes.utf8))) ?? [])
        }
        let page = AuditListPage(
            layout: try await Layout.make(req, title: req.t("audit.title")), rows: rows,
            pager: Pager(paging: paging, total: total, path: Paths.audit, query: [:], request: req))
        return try await req.renderPage("audit/list", page)
    }
}
