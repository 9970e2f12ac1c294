import Fluent
import LontarCore
import Vapor

struct PositionListPage: Encodable {
    struct Row: Encodable {
        let href: String
        let title: String
        let kind: String
        let agency: String
        let active: Bool
    }
    let layout: Layout
    let q: String
    let rows: [Row]
    let pager: Pager
}

struct Option: Encodable {
    let value: String
    let label: String
    let selected: Bool
}

struct PositionFormPage: Encodable {
    let layout: Layout
    let action: String
    let title: String
    let kinds: [Option]
    let agencies: [Option]
    let error: String?
    let errorField: String?
    let deactivateHref: String?
}

/// Positions (jabatan): administrators for every OPD, operators for their own.
struct PositionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let jabatan = routes.grouped("jabatan")
        jabatan.get(use: list)
        jabatan.get("baru", use: newForm)
        jabatan.post(use: create)
        jabatan.get(":id", use: editForm)
        jabatan.get(":id", "ubah", use: editForm)
        jabatan.post(":id", "ubah", use: update)
        jabatan.post(":id", "nonaktifkan", use: deactivate)
    }

    func list(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let paging = PageRequest.from(req)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let query = Position.query(on: req.db).join(Agency.self, on: \Position.$agency.$id == \Agency.$id)
            .sort(Agency.self, \.$code).sort(\.$title)
        if !principal.isAdmin, let own = principal.operatorAgencyID { query.filter(\.$agency.$id == own) }
        if !q.isEmpty { query.filter(\.$title, containsIgnoringCase: q, on: req.db) }
        let total = try await query.count()
        let positions = try await query.range(paging.range).all()
        let rows = try positions.map { position in
            let agency = try position.joined(Agency.self)
            return PositionListPage.Row(
                href: Paths.positionEdit(try position.requireID()), title: position.title,
                kind: req.t("position.kind.\(position.kind)"), agency: agency.code, active: position.active)
        }
        let page = PositionListPage(
            layout: try await Layout.make(req, title: req.t("position.list.title")), q: q, rows: rows,
            pager: Pager(paging: paging, total: total, path: Paths.positions, query: ["q": q], request: req))
        return try await req.renderPage("organisation/position-list", page)
    }

    func newForm(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        return try await renderForm(
            req, principal: principal, action: Paths.positions, title: "", kind: nil,
            agencyID: principal.operatorAgencyID, error: nil, deactivateHref: nil)
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let input = try req.content.decode(PositionInput.self)
        do {
            _ = try await OrganisationService.savePosition(req, nil, input)
            Flash.set(req, req.t("saved"))
            return req.redirect(to: Paths.positions)
        } catch let error as AppError where error.field != nil {
            return try await renderForm(
                req, principal: principal, action: Paths.positions, title: input.title, kind: input.kind,
                agencyID: input.agencyID, error: error, deactivateHref: nil)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let (principal, position) = try await findManageable(req)
        let id = try position.requireID()
        return try await renderForm(
            req, principal: principal, action: Paths.positionEdit(id), title: position.title, kind: position.kind,
            agencyID: position.$agency.id, error: nil,
            deactivateHref: position.active ? Paths.positionDeactivate(id) : nil)
    }

    func update(req: Request) async throws -> Response {
        let (principal, position) = try await findManageable(req)
        let input = try req.content.decode(PositionInput.self)
        do {
            _ = try await OrganisationService.savePosition(req, position, input)
            Flash.set(req, req.t("saved"))
            return req.redirect(to: Paths.positions)
        } catch let error as AppError where error.field != nil {
            return try await renderForm(
                req, principal: principal, action: Paths.positionEdit(try position.requireID()), title: input.title,
                kind: input.kind, agencyID: input.agencyID, error: error, deactivateHref: nil)
        }
    }

    func deactivate(req: Request) async throws -> Response {
        let (_, position) = try await findManageable(req)
        position.active = false
        try await req.db.transaction { db in
            try await position.save(on: db)
            try await Audit.record(
                req, on: db, action: "deactivate", entity: "position", entityID: position.id?.uuidString,
                summary: position.title, changes: [FieldChange(field: "active", old: "true", new: "false")])
        }
        Flash.set(req, req.t("position.deactivated", position.title))
        return req.redirect(to: Paths.positions)
    }

    private func findManageable(_ req: Request) async throws -> (Principal, Position) {
        let principal = try req.require(.admin, .operator)
        guard let id = req.parameters.get("id", as: UUID.self), let position = try await Position.find(id, on: req.db)
        else { throw AppError.notFound() }
        guard principal.canManage(agencyID: position.$agency.id) else { throw AppError.forbidden() }
        return (principal, position)
    }

    private func renderForm(
        _ req: Request, principal: Principal, action: String, title: String, kind: String?, agencyID: UUID?,
        error: AppError?, deactivateHref: String?
    ) async throws -> Response {
        let query = Agency.query(on: req.db).filter(\.$active == true).sort(\.$code)
        if !principal.isAdmin, let own = principal.operatorAgencyID { query.filter(\.$id == own) }
        let agencies = try await query.all().compactMap { agency in
            agency.id.map {
                Option(value: $0.uuidString, label: "\(agency.code) — \(agency.name)", selected: $0 == agencyID)
            }
        }
        let kinds = PositionKind.allCases.map {
            Option(value: $0.rawValue, label: req.t("position.kind.\($0.rawValue)"), selected: $0.rawValue == kind)
        }
        let page = PositionFormPage(
            layout: try await Layout.make(req, title: req.t("position.form.title")), action: action, title: title,
            kinds: kinds, agencies: agencies, error: error.map { req.t($0.message) }, errorField: error?.field,
            deactivateHref: deactivateHref)
        return try await req.renderPage(
            "organisation/position-form", page, status: error == nil ? .ok : .unprocessableEntity)
    }
}
