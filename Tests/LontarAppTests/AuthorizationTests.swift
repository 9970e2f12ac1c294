import Fluent
import Foundation
import Testing
import VaporTesting

@testable import LontarApp

/// Every protected page refuses the wrong role and another OPD's operator.
@Suite("Authorisation of pages and API routes")
struct AuthorizationTests {
    enum Who: String, CaseIterable, CustomStringConvertible {
        case anonymous, staff, supervisor, healthOperator, educationOperator, admin
        var description: String { rawValue }
    }

    struct Case: CustomStringConvertible, Sendable {
        let method: HTTPMethod
        let path: @Sendable (Fixtures.City) -> String
        let allowed: Set<Who>
        let label: String
        var description: String { label }
    }

    /// Pages: who may open them. Everyone else must get 403 (or be sent to sign in).
    static let pages: [Case] = [
        Case(
            method: .GET, path: { _ in "/pegawai" },
            allowed: [.supervisor, .healthOperator, .educationOperator, .admin], label: "employee list"),
        Case(
            method: .GET, path: { "/pegawai/\($0.staff.nip)" },
            allowed: [.staff, .supervisor, .healthOperator, .admin], label: "health staff record"),
        Case(
            method: .GET, path: { "/pegawai/\($0.teacher.nip)" }, allowed: [.educationOperator, .admin],
            label: "teacher record"),
        Case(
            method: .GET, path: { "/pegawai/\($0.staff.nip)/ubah" }, allowed: [.healthOperator, .admin],
            label: "edit health staff"),
        Case(
            method: .GET, path: { _ in "/pegawai/baru" }, allowed: [.healthOperator, .educationOperator, .admin],
            label: "new employee"),
        Case(
            method: .GET, path: { _ in "/pegawai/impor" }, allowed: [.healthOperator, .educationOperator, .admin],
            label: "import page"),
        Case(
            method: .GET, path: { _ in "/pegawai/impor/template.csv" },
            allowed: [.healthOperator, .educationOperator, .admin], label: "import template"),
        Case(
            method: .GET, path: { _ in "/pegawai/ekspor.csv" },
            allowed: [.supervisor, .healthOperator, .educationOperator, .admin], label: "export"),
        Case(
            method: .GET, path: { _ in "/opd" }, allowed: [.healthOperator, .educationOperator, .admin],
            label: "OPD list"),
        Case(method: .GET, path: { _ in "/opd/baru" }, allowed: [.admin], label: "new OPD"),
        Case(
            method: .GET, path: { "/opd/\($0.health.id!.uuidString)" }, allowed: [.healthOperator, .admin],
            label: "health OPD"),
        Case(method: .GET, path: { "/opd/\($0.health.id!.uuidString)/ubah" }, allowed: [.admin], label: "edit OPD"),
        Case(
            method: .GET, path: { _ in "/jabatan" }, allowed: [.healthOperator, .educationOperator, .admin],
            label: "positions"),
        Case(method: .GET, path: { _ in "/audit" }, allowed: [.admin], label: "audit log"),
        Case(method: .GET, path: { _ in "/akun-pengguna" }, allowed: [.admin], label: "outside accounts"),
        Case(
            method: .GET, path: { _ in "/profil" },
            allowed: [.staff, .supervisor, .healthOperator, .educationOperator], label: "own profile"),
        Case(
            method: .GET, path: { _ in "/akun/data-saya.json" },
            allowed: [.staff, .supervisor, .healthOperator, .educationOperator, .admin], label: "own data"),
    ]

    @Test("pages refuse the wrong role", arguments: pages)
    func pageAccess(_ route: Case) async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            for who in Who.allCases {
                let browser = try await Self.browser(app, who, city)
                let page = try await browser.get(route.path(city))
                if route.allowed.contains(who) {
                    #expect(page.status == .ok, "\(who) should open \(route.label), got \(page.status)")
                } else if who == .anonymous {
                    #expect(page.status == .seeOther, "anonymous must be sent to sign in for \(route.label)")
                    #expect(page.location?.hasPrefix("/masuk") == true)
                } else {
                    #expect(
                        page.status == .forbidden || page.status == .notFound,
                        "\(who) must be refused \(route.label), got \(page.status)")
                }
            }
        }
    }

    @Test("writes are refused to the wrong role and to another OPD's operator, and change nothing")
    func writesRefused() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let education = try await Self.browser(app, .educationOperator, city)
            let edit = try await education.post(
                "/pegawai/\(city.staff.nip)/ubah",
                form: ["nip": city.staff.nip, "nama": "Diubah", "jenis_pegawai": "PNS", "kode_opd": "DINKES"])
            #expect(edit.status == .forbidden)
            let deactivate = try await education.post("/pegawai/\(city.staff.nip)/nonaktifkan", form: [:])
            #expect(deactivate.status == .forbidden)
            let account = try await education.post("/pegawai/\(city.staff.nip)/akun", form: ["resetPassword": "1"])
            #expect(account.status == .forbidden)
            let staff = try await Self.browser(app, .staff, city)
            #expect(try await staff.post("/opd", form: ["code": "BARU", "name": "Badan Baru"]).status == .forbidden)
            let healthOperator = try await Self.browser(app, .healthOperator, city)
            let roles = try await healthOperator.post(
                "/pegawai/\(city.staff.nip)/akun", form: ["saveRoles": "1", "roles[]": "admin"])
            #expect(roles.status == .forbidden)
            let stored = try await Employee.query(on: app.db).filter(\.$nip == city.staff.nip).first()
            #expect(stored?.name == "Staf Kesehatan")
            #expect(stored?.active == true)
            #expect(try await Agency.query(on: app.db).filter(\.$code == "BARU").count() == 0)
            let staffAccount = try await UserAccount.query(on: app.db).filter(\.$username == city.staff.nip).first()
            #expect(staffAccount?.grantedRoles.isEmpty == true)
        }
    }

    @Test("API routes refuse missing tokens and the wrong role")
    func apiAccess() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            for path in ["api/v1/employees", "api/v1/agencies", "api/v1/units", "api/v1/positions"] {
                try await app.testing().test(.GET, path) { res in #expect(res.status == .unauthorized, "\(path)") }
            }
            let staff = try await Fixtures.apiToken(app, username: city.staff.nip)
            let staffHeaders = HTTPHeaders([("Authorization", "Bearer \(staff)")])
            try await app.testing().test(.GET, "api/v1/employees", headers: staffHeaders) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, "api/v1/employees/\(city.teacher.nip)", headers: staffHeaders) { res in
                #expect(res.status == .notFound, "a record one may not see is answered as if it did not exist")
            }
            try await app.testing().test(
                .POST, "api/v1/agencies", headers: staffHeaders,
                beforeRequest: { req in try req.content.encode(["code": "X1", "name": "Badan X"]) },
                afterResponse: { res in #expect(res.status == .forbidden) })
            let education = try await Fixtures.apiToken(app, username: city.educationOperator.nip)
            let educationHeaders = HTTPHeaders([("Authorization", "Bearer \(education)")])
            try await app.testing().test(.GET, "api/v1/employees/\(city.staff.nip)", headers: educationHeaders) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(
                .PUT, "api/v1/employees/\(city.staff.nip)", headers: educationHeaders,
                beforeRequest: { req in
                    try req.content.encode(["kind": "PNS", "name": "Diubah", "agencyCode": "DINKES"])
                },
                afterResponse: { res in #expect(res.status == .forbidden) })
            try await app.testing().test(
                .POST, "api/v1/employees/import", headers: educationHeaders,
                beforeRequest: { req in
                    req.body = ByteBuffer(
                        string: "nip;nama;jenis_pegawai;kode_opd\n\(Fixtures.nip(40));Baru;PNS;DINKES\n")
                },
                afterResponse: { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("\"created\":0"))
                })
            #expect(try await Employee.query(on: app.db).filter(\.$nip == Fixtures.nip(40)).count() == 0)
        }
    }

    static func browser(_ app: Application, _ who: Who, _ city: Fixtures.City) async throws -> Browser {
        switch who {
        case .anonymous: return Browser(app)
        case .staff: return try await Fixtures.browser(app, as: city.staff.nip)
        case .supervisor: return try await Fixtures.browser(app, as: city.supervisor.nip)
        case .healthOperator: return try await Fixtures.browser(app, as: city.healthOperator.nip)
        case .educationOperator: return try await Fixtures.browser(app, as: city.educationOperator.nip)
        case .admin: return try await Fixtures.browser(app, as: "admin", password: adminPassword)
        }
    }
}
