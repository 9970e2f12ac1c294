import Fluent
import Vapor

struct HomePage: Encodable {
    struct Task: Encodable {
        let href: String
        let title: String
        let detail: String
    }
    let layout: Layout
    let greeting: String
    let roles: [String]
    let tasks: [Task]
}

/// The first page after sign-in: what this person should do next, by role.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    func home(req: Request) async throws -> Response {
        guard let principal = req.principal else { return req.redirect(to: Paths.signIn) }
        var tasks = try await EvaluationHomeTasks.tasks(req: req, principal: principal)
        func add(_ href: String, _ key: String, _ args: String...) {
            tasks.append(
                .init(
                    href: href, title: req.t("home.task.\(key)"),
                    detail: req.application.catalogue.text("home.task.\(key).detail", args, language: req.language)))
        }
        if principal.isAdmin {
            let agencies = try await Agency.query(on: req.db).count()
            let employees = try await Employee.query(on: req.db).filter(\.$active == true).count()
            if agencies == 0 { add(Paths.agencyNew, "firstAgency") }
            add(Paths.employeeImport, "import", String(employees))
            add(Paths.agencies, "agencies", String(agencies))
            add(Paths.audit, "audit")
        } else if principal.isOperator, let agencyID = principal.operatorAgencyID {
            let employees = try await Employee.query(on: req.db).filter(\.$agency.$id == agencyID)
                .filter(\.$active == true).count()
            add(Paths.employees, "ownEmployees", String(employees))
            add(Paths.employeeImport, "import", String(employees))
            add(Paths.agency(agencyID), "ownAgency")
        }
        if principal.has(.supervisor), let me = principal.employeeID {
            let reports = try await Employee.query(on: req.db).filter(\.$supervisor.$id == me).filter(\.$active == true)
                .count()
            add(Paths.employees, "reports", String(reports))
        }
        try await TrainingHomeTasks.add(to: &tasks, req: req, principal: principal)
        if principal.employeeID != nil {
            add(Paths.profile, "profile")
        }
        add(Paths.myData, "myData")
        add(Paths.changePassword, "password")
        let roles = Role.allCases.filter { principal.roles.contains($0) }.map { req.t("role.\($0.rawValue)") }
        let page = HomePage(
            layout: try await Layout.make(req, title: req.t("home.title")),
            greeting: req.t("home.greeting", principal.displayName), roles: roles, tasks: tasks)
        return try await req.renderPage("home", page)
    }
}
