import Fluent
import LontarCore
import Vapor

/// `/profil/kontak`: a civil servant corrects their own email and phone, the two fields the
/// city's records most often have wrong and only the person knows. Everything else on the
/// record stays with their OPD's operator and BKPPD.
struct OwnContactController: RouteCollection {
    struct Page: Encodable {
        let layout: Layout
        let action: String
        let profileHref: String
        let email: String
        let phone: String
        let errors: [String]
        let invalidEmail: Bool
        let invalidPhone: Bool
    }

    struct Form: Content {
        var email: String?
        var telepon: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.ownContact.pathComponents, use: form)
        routes.post(Paths.ownContact.pathComponents, use: save)
    }

    private func ownRecord(_ req: Request) async throws -> Employee {
        let principal = try req.requirePrincipal()
        guard let id = principal.employeeID, let employee = try await Employee.find(id, on: req.db) else {
            throw AppError.forbidden()
        }
        return employee
    }

    func form(req: Request) async throws -> Response {
        let employee = try await ownRecord(req)
        return try await render(req, email: employee.email ?? "", phone: employee.phone ?? "")
    }

    func save(req: Request) async throws -> Response {
        let employee = try await ownRecord(req)
        let input = try req.content.decode(Form.self)
        switch ContactDetails.check(email: input.email ?? "", phone: input.telepon ?? "") {
        case .failure(let list):
            return try await render(
                req, email: input.email ?? "", phone: input.telepon ?? "",
                problems: list.problems.map { (field: $0.field, message: $0.message) }, status: .unprocessableEntity)
        case .success(let details):
            // An address is one person's: it also signs them in.
            func refuseTaken() async throws -> Response {
                let taken = LocalizableMessage("import.email_taken", [details.email ?? ""])
                return try await render(
                    req, email: input.email ?? "", phone: input.telepon ?? "",
                    problems: [(field: "email", message: taken)],
                    status: .unprocessableEntity)
            }
            if let email = details.email,
                try await Employee.query(on: req.db).filter(\.$email == email).filter(\.$id != employee.requireID())
                    .first() != nil
            {
                return try await refuseTaken()
            }
            employee.email = details.email
            employee.phone = details.phone
            // The search text carries the email, so a new address is found by it.
            employee.searchText = EmployeeWriter.searchText(
                nip: employee.nip, frontTitle: employee.frontTitle, name: employee.name, backTitle: employee.backTitle,
                email: details.email)
            do {
                try await employee.save(on: req.db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Taken by someone else a moment ago.
                return try await refuseTaken()
            }
            Flash.set(req, req.t("profile.contact.saved"))
            return req.redirect(to: Paths.profile)
        }
    }

    private func render(
        _ req: Request, email: String, phone: String, problems: [(field: String, message: LocalizableMessage)] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let page = Page(
            layout: try await Layout.make(req, title: req.t("profile.contact.title")), action: Paths.ownContact,
            profileHref: Paths.profile, email: email, phone: phone,
            errors: problems.map { req.t($0.message) }, invalidEmail: problems.contains { $0.field == "email" },
            invalidPhone: problems.contains { $0.field == "telepon" })
        return try await req.renderPage("people/own-contact", page, status: status)
    }
}
