import Fluent
import LontarCore
import Vapor

/// Civil servants' pages: lists and records scoped by role, create/edit/deactivate for
/// administrators and the OPD's operator, and one's own profile.
struct EmployeeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pegawai = routes.grouped("pegawai")
        pegawai.get(use: list)
        pegawai.get("baru", use: newForm)
        pegawai.post(use: create)
        pegawai.get(":nip", use: show)
        pegawai.get(":nip", "ubah", use: editForm)
        pegawai.post(":nip", "ubah", use: update)
        pegawai.post(":nip", "nonaktifkan", use: deactivate)
        pegawai.post(":nip", "aktifkan", use: reactivate)
        pegawai.post(":nip", "akun", use: manageAccount)
        routes.get("profil", use: profile)
    }

    func list(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator, .supervisor)
        let paging = PageRequest.from(req)
        let filter = EmployeeFilter(
            agencyCode: req.query[String.self, at: "agency"], q: req.query[String.self, at: "q"],
            includeInactive: req.query[String.self, at: "inactive"] == "1")
        let (items, total) = try await EmployeeQueries.list(
            filter, scope: .of(principal), page: paging, on: req.db)
        let rows = items.map { item in
            EmployeeListPage.Row(
                href: Paths.employee(item.nip), nip: item.nip, name: item.displayName, position: item.positionTitle,
                unit: item.unitName, agency: item.agencyCode, kind: item.kind, active: item.active)
        }
        let agencyOptions = try await EmployeeForms.agencyOptions(
            req, principal: principal, selected: filter.agencyCode)
        let query = [
            "q": filter.q ?? "", "agency": filter.agencyCode ?? "", "inactive": filter.includeInactive ? "1" : "",
        ]
        var export = URLComponents()
        export.path = Paths.employeeExport
        let exportItems = query.filter { !$0.value.isEmpty }.map { URLQueryItem(name: $0.key, value: $0.value) }
        export.queryItems = exportItems.isEmpty ? nil : exportItems
        let page = EmployeeListPage(
            layout: try await Layout.make(req, title: req.t("employee.list.title")), q: filter.q ?? "",
            agency: filter.agencyCode ?? "", includeInactive: filter.includeInactive, agencies: agencyOptions,
            rows: rows, pager: Pager(paging: paging, total: total, path: Paths.employees, query: query, request: req),
            canManage: principal.isAdmin || principal.isOperator, exportHref: export.string ?? Paths.employeeExport)
        return try await req.renderPage("people/employee-list", page)
    }

    func show(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let employee = try await EmployeeAccess.findViewable(req, nip: req.parameters.get("nip"))
        try await Audit.recordView(req, employee: employee)
        return try await EmployeeDetail.render(req, principal: principal, employee: employee, temporaryPassword: nil)
    }

    func profile(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = principal.employeeID, let employee = try await Employee.find(id, on: req.db) else {
            throw AppError.notFound()
        }
        return try await EmployeeDetail.render(req, principal: principal, employee: employee, temporaryPassword: nil)
    }

    func newForm(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        var input = EmployeeFormPage.Input()
        if !principal.isAdmin, let own = principal.operatorAgencyID, let agency = try await Agency.find(own, on: req.db)
        {
            input.kode_opd = agency.code
        }
        return try await EmployeeForms.render(
            req, principal: principal, action: Paths.employees, isNew: true, input: input, errors: [])
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let input = try req.content.decode(EmployeeForms.FormInput.self)
        if try await Employee.query(on: req.db).filter(\.$nip == NIP.normalized(input.nip)).first() != nil {
            let message = req.t("employee.nip.exists", NIP.normalized(input.nip))
            return try await EmployeeForms.render(
                req, principal: principal, action: Paths.employees, isNew: true, input: input.page, errors: [message])
        }
        return try await save(req, principal: principal, input: input, existing: nil, action: Paths.employees)
    }

    func editForm(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let employee = try await EmployeeAccess.findManageable(req, nip: req.parameters.get("nip"))
        let input = try await EmployeeForms.input(from: employee, on: req.db)
        return try await EmployeeForms.render(
            req, principal: principal, action: Paths.employeeEdit(employee.nip), isNew: false, input: input, errors: [])
    }

    func update(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let employee = try await EmployeeAccess.findManageable(req, nip: req.parameters.get("nip"))
        var input = try req.content.decode(EmployeeForms.FormInput.self)
        input.nip = employee.nip  // the NIP is the key; it is not edited in place
        return try await save(
            req, principal: principal, input: input, existing: employee, action: Paths.employeeEdit(employee.nip))
    }

    private func save(
        _ req: Request, principal: Principal, input: EmployeeForms.FormInput, existing: Employee?, action: String
    ) async throws -> Response {
        do {
            let nip = try await EmployeeService.save(req, cells: input.cells, existing: existing)
            Flash.set(req, req.t("saved"))
            return req.redirect(to: Paths.employee(nip))
        } catch let error as AppError where !error.details.isEmpty || error.field != nil {
            let messages =
                error.details.isEmpty
                ? [req.t(error.message)]
                : error.details.map { issue in
                    (issue.column.map { req.t("column.\($0)") + ": " } ?? "") + req.t(issue.message)
                }
            return try await EmployeeForms.render(
                req, principal: principal, action: action, isNew: existing == nil, input: input.page, errors: messages)
        }
    }

    func deactivate(req: Request) async throws -> Response {
        let employee = try await EmployeeAccess.findManageable(req, nip: req.parameters.get("nip"))
        employee.active = false
        try await req.db.transaction { db in
            try await employee.save(on: db)
            try await Audit.record(
                req, on: db, action: "deactivate", entity: "employee", entityID: employee.nip, summary: employee.name,
                changes: [FieldChange(field: "active", old: "true", new: "false")])
        }
        Flash.set(req, req.t("employee.deactivated", employee.name))
        return req.redirect(to: Paths.employee(employee.nip))
    }

    func reactivate(req: Request) async throws -> Response {
        let employee = try await EmployeeAccess.findManageable(req, nip: req.parameters.get("nip"))
        employee.active = true
        try await req.db.transaction { db in
            try await employee.save(on: db)
            try await Audit.record(
                req, on: db, action: "update", entity: "employee", entityID: employee.nip, summary: employee.name,
                changes: [FieldChange(field: "active", old: "false", new: "true")])
        }
        Flash.set(req, req.t("employee.reactivated", employee.name))
        return req.redirect(to: Paths.employee(employee.nip))
    }

    struct AccountForm: Content {
        var resetPassword: String?
        var roles: [String]?
        var saveRoles: String?
    }

    /// Issues a temporary password (shown once, on this response only) and, for
    /// administrators, grants or removes roles.
    func manageAccount(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let employee = try await EmployeeAccess.findManageable(req, nip: req.parameters.get("nip"))
        let form = try req.content.decode(AccountForm.self)
        var temporary: String?
        if form.saveRoles != nil {
            guard principal.isAdmin else { throw AppError.forbidden() }
            let roles = Set((form.roles ?? []).compactMap(Role.init(rawValue:))).intersection(Role.grantable)
            try await AccountService.setRoles(req, employee: employee, roles: roles)
            Flash.set(req, req.t("account.rolesSaved"))
            return req.redirect(to: Paths.employee(employee.nip))
        }
        if form.resetPassword != nil {
            temporary = try await AccountService.issueTemporaryPassword(req, employee: employee)
        }
        return try await EmployeeDetail.render(
            req, principal: principal, employee: employee, temporaryPassword: temporary)
    }
}
