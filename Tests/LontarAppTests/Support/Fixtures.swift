import Fluent
import Foundation
import LontarCore
import VaporTesting

@testable import LontarApp

/// Small named builders for test data; every NIP they make is valid.
enum Fixtures {
    static let password = "Sandi-uji-2026"

    /// A valid PNS NIP: born 1985-03-12, CPNS from 2010-01, male, sequence `n`.
    static func nip(_ n: Int, female: Bool = false) -> String {
        "19850312201001" + (female ? "2" : "1") + String(format: "%03d", n)
    }

    @discardableResult
    static func agency(_ app: Application, _ code: String, name: String? = nil) async throws -> Agency {
        let agency = Agency(code: code, name: name ?? "Dinas \(code)")
        try await agency.save(on: app.db)
        return agency
    }

    @discardableResult
    static func employee(
        _ app: Application, _ n: Int, agency: Agency, supervisor: Employee? = nil, name: String? = nil,
        email: String? = nil
    ) async throws -> Employee {
        let employee = Employee()
        employee.nip = nip(n)
        employee.kind = "PNS"
        employee.name = name ?? "Pegawai \(n)"
        employee.$agency.id = try agency.requireID()
        employee.$supervisor.id = supervisor?.id
        employee.email = email
        employee.birthDate = "1985-03-12"
        employee.gender = "male"
        employee.active = true
        employee.searchText = "\(employee.nip) \(employee.name)".lowercased()
        try await employee.save(on: app.db)
        return employee
    }

    @discardableResult
    static func account(
        _ app: Application, for employee: Employee? = nil, username: String? = nil, roles: Set<Role> = [],
        operatorOf agency: Agency? = nil, mustChange: Bool = false
    ) async throws -> UserAccount {
        let hash = try app.password.hash(password)
        let account = UserAccount(
            username: username ?? employee?.nip ?? "user-\(UUID().uuidString.prefix(6))",
            displayName: employee?.name ?? username ?? "Pengguna", employeeID: employee?.id, passwordHash: hash,
            roles: roles, operatorAgencyID: agency?.id, mustChangePassword: mustChange)
        try await account.save(on: app.db)
        return account
    }

    /// Two OPDs, each with an operator, a supervisor with one report, plus the admin.
    struct City {
        let health: Agency
        let education: Agency
        let healthOperator: Employee
        let educationOperator: Employee
        let supervisor: Employee
        let staff: Employee
        let teacher: Employee
    }

    static func city(_ app: Application) async throws -> City {
        let health = try await agency(app, "DINKES", name: "Dinas Kesehatan")
        let education = try await agency(app, "DISDIKBUD", name: "Dinas Pendidikan dan Kebudayaan")
        let healthOperator = try await employee(app, 1, agency: health, name: "Operator Kesehatan")
        let educationOperator = try await employee(app, 2, agency: education, name: "Operator Pendidikan")
        let supervisor = try await employee(app, 3, agency: health, name: "Kepala Seksi")
        let staff = try await employee(app, 4, agency: health, supervisor: supervisor, name: "Staf Kesehatan")
        let teacher = try await employee(app, 5, agency: education, name: "Guru Matematika")
        try await account(app, for: healthOperator, roles: [.operator], operatorOf: health)
        try await account(app, for: educationOperator, roles: [.operator], operatorOf: education)
        for person in [supervisor, staff, teacher] { try await account(app, for: person) }
        return City(
            health: health, education: education, healthOperator: healthOperator,
            educationOperator: educationOperator, supervisor: supervisor, staff: staff, teacher: teacher)
    }

    static func browser(
        _ app: Application, as identifier: String, password: String = Fixtures.password
    ) async throws
        -> Browser
    {
        let browser = Browser(app)
        let page = try await browser.signIn(identifier, password)
        guard page.status == .seeOther || page.status == .found else {
            throw TestFailure("sign-in as \(identifier) answered \(page.status)")
        }
        return browser
    }

    static func apiToken(
        _ app: Application, username: String, password: String = Fixtures.password
    ) async throws
        -> String
    {
        var token: String?
        try await app.testing().test(
            .POST, "api/v1/auth/token",
            beforeRequest: { req in try req.content.encode(["username": username, "password": password]) },
            afterResponse: { res in
                struct Body: Decodable { let token: String }
                token = try? res.content.decode(Body.self).token
            })
        guard let token else { throw TestFailure("no token for \(username)") }
        return token
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
