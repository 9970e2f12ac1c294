import Fluent
import SQLKit
import Vapor

struct AgencyListPage: Encodable {
    struct Row: Encodable {
        let href: String
        let code: String
        let name: String
        let active: Bool
        let employees: Int
    }
    let layout: Layout
    let q: String
    let rows: [Row]
    let pager: Pager
    let canCreate: Bool
}

struct AgencyDetailPage: Encodable {
    struct UnitRow: Encodable {
        let name: String
        let indent: Int
        let id: String
        let active: Bool
        /// Renaming and retiring, for those who manage the OPD.
        var renameAction: String?
        var statusAction: String?
    }
    let layout: Layout
    let code: String
    let name: String
    let active: Bool
    let employees: Int
    let units: [UnitRow]
    let employeesHref: String
    let editHref: String?
    let deactivateHref: String?
    let unitsHref: String?
    let error: String?
    /// A refused rename or retirement, shown above the units it concerns (not in the add form).
    let unitError: String?
}

struct AgencyFormPage: Encodable {
    let layout: Layout
    let action: String
    let code: String
    let name: String
    let error: String?
    let errorField: String?
}

/// OPD pages: administrators manage all OPDs; an operator sees and adds units to their own.
struct AgencyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let opd = routes.grouped("opd")
        opd.get(use: list)
        opd.get("baru", use: newForm)
        opd.post(use: create)
        opd.get(":id", use: show)
        opd.get(":id", "ubah", use: editForm)
        opd.post(":id", "ubah", use: update)
        opd.post(":id", "nonaktifkan", use: deactivate)
        opd.post(":id", "unit", use: addUnit)
    }

    func list(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let paging = PageRequest.from(req)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let query = Agency.query(on: req.db).sort(\.$code)
        if !principal.isAdmin, let own = principal.operatorAgencyID { query.filter(\.$id == own) }
        if !q.isEmpty {
            query.group(.or) {
                $0.filter(\.$code, containsIgnoringCase: q, on: req.db).filter(
                    \.$name, containsIgnoringCase: q, on: req.db)
            }
        }
        let total = try await query.count()
        let agencies = try await query.range(paging.range).all()
        let counts = try await EmployeeCounts.byAgency(on: req.db)
        let rows = agencies.compactMap { agency -> AgencyListPage.Row? in
            guard let id = agency.id else { return nil }
            return .init(
                href: Paths.agency(id), code: agency.code, name: agency.name, active: agency.active,
                employees: counts[id] ?? 0)
        }
        let page = AgencyListPage(
            layout: try await Layout.make(req, title: req.t("agency.list.title")), q: q, rows: rows,
            pager: Pager(paging: paging, total: total, path: Paths.agencies, query: ["q": q], request: req),
            canCreate: principal.isAdmin)
        return try await req.renderPage("organisation/agency-list", page)
    }

    func show(req: Request) async throws -> Response {
        try await renderDetail(req, agency: try await Self.findManageable(req), error: nil)
    }

    func renderDetail(
        _ req: Request, agency: Agency, error: String?, unitError: String? = nil, status: HTTPResponseStatus = .ok
    )
        async throws -> Response
    {
        let principal = try req.requirePrincipal()
        let id = try agency.requireID()
        // Alphabetical as people read it: a unit renamed to lower case keeps its place.
        let units = try await OrgUnit.query(on: req.db).filter(\.$agency.$id == id).all()
            .sorted { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
        let counts = try await EmployeeCounts.byAgency(on: req.db)
        let page = AgencyDetailPage(
            layout: try await Layout.make(req, title: agency.name), code: agency.code, name: agency.name,
            active: agency.active, employees: counts[id] ?? 0,
            units: UnitTree.flatten(units).map { row in
                var row = row
                if let unitID = UUID(uuidString: row.id), principal.canManage(agencyID: id) {
                    row.renameAction = Paths.agencyUnit(id, unitID)
                    row.statusAction = Paths.agencyUnitStatus(id, unitID)
                }
                return row
            },
            employeesHref: Paths.employees + "?agency=" + agency.code,
            editHref: principal.isAdmin ? Paths.agencyEdit(id) : nil,
            deactivateHref: principal.isAdmin && agency.active ? Paths.agencyDeactivate(id) : nil,
            unitsHref: Paths.agencyUnits(id), error: error, unitError: unitError)
        return try await req.renderPage("organisation/agency-detail", page, status: status)
    }

    func newForm(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        return try await renderForm(req, action: Paths.agencies, code: "", name: "", error: nil)
    }

    func create(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let input = try req.content.decode(AgencyInput.self)
        do {
            let agency = try await OrganisationService.createAgency(req, input)
            Flash.set(req, req.t("agency.created", agency.name))
            return req.redirect(to: Paths.agency(try agency.requireID()))
        } catch let error as AppError where error.field != nil {
            return try await renderForm(req, action: Paths.agencies, code: input.code, name: input.name, error: error)
        }
    }

    func editForm(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let agency = try await Self.findManageable(req)
        return try await renderForm(
            req, action: Paths.agencyEdit(try agency.requireID()), code: agency.code, name: agency.name, error: nil)
    }

    func update(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let agency = try await Self.findManageable(req)
        let input = try req.content.decode(AgencyInput.self)
        do {
            try await OrganisationService.updateAgency(req, agency, input)
            Flash.set(req, req.t("saved"))
            return req.redirect(to: Paths.agency(try agency.requireID()))
        } catch let error as AppError where error.field != nil {
            return try await renderForm(
                req, action: Paths.agencyEdit(try agency.requireID()), code: input.code, name: input.name, error: error)
        }
    }

    func deactivate(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let agency = try await Self.findManageable(req)
        agency.active = false
        try await req.db.transaction { db in
            try await agency.save(on: db)
            try await Audit.record(
                req, on: db, action: "deactivate", entity: "agency", entityID: agency.code, summary: agency.name,
                changes: [FieldChange(field: "active", old: "true", new: "false")])
        }
        Flash.set(req, req.t("agency.deactivated", agency.name))
        return req.redirect(to: Paths.agency(try agency.requireID()))
    }

    func addUnit(req: Request) async throws -> Response {
        let agency = try await Self.findManageable(req)
        let input = try req.content.decode(UnitInput.self)
        do {
            let unit = try await OrganisationService.createUnit(req, agency: agency, input)
            Flash.set(req, req.t("unit.created", unit.name))
            return req.redirect(to: Paths.agency(try agency.requireID()))
        } catch let error as AppError where error.field != nil {
            return try await renderDetail(req, agency: agency, error: req.t(error.message), status: error.status)
        }
    }

    /// The OPD named in the path, if the signed-in person manages it; 404 when unknown.
    static func findManageable(_ req: Request) async throws -> Agency {
        let principal = try req.require(.admin, .operator)
        guard let id = req.parameters.get("id", as: UUID.self), let agency = try await Agency.find(id, on: req.db)
        else { throw AppError.notFound() }
        guard principal.canManage(agencyID: id) else { throw AppError.forbidden() }
        return agency
    }

    private func renderForm(
        _ req: Request, action: String, code: String, name: String, error: AppError?
    )
        async throws -> Response
    {
        let page = AgencyFormPage(
            layout: try await Layout.make(req, title: req.t("agency.form.title")), action: action, code: code,
            name: name, error: error.map { req.t($0.message) }, errorField: error?.field)
        return try await req.renderPage("organisation/agency-form", page, status: error?.status ?? .ok)
    }
}

enum EmployeeCounts {
    /// Active employees per OPD in one grouped query, not one query per row.
    static func byAgency(on db: any Database) async throws -> [UUID: Int] {
        let sql = try db.sql()
        struct Row: Decodable {
            let agency_id: UUID
            let n: Int
        }
        let rows = try await sql.select()
            .column("agency_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Employee.schema).where("active", .equal, true).groupBy("agency_id")
            .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.agency_id, $0.n) })
    }
}

enum UnitTree {
    /// Orders units as a tree (parents before children) with their depth for indentation.
    static func flatten(_ units: [OrgUnit]) -> [AgencyDetailPage.UnitRow] {
        let children = Dictionary(grouping: units, by: { $0.$parent.id })
        var rows: [AgencyDetailPage.UnitRow] = []
        func visit(_ parent: UUID?, depth: Int) {
            for unit in children[parent] ?? [] {
                guard let id = unit.id else { continue }
                rows.append(.init(name: unit.name, indent: depth, id: id.uuidString, active: unit.active))
                if depth < 8 { visit(id, depth: depth + 1) }
            }
        }
        visit(nil, depth: 0)
        return rows
    }
}
