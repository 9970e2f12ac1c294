import Fluent
import Foundation
import Testing
import VaporTesting

@testable import LontarApp

/// Regressions for the holes a review found in the foundation.
@Suite("Hardening")
struct HardeningTests {
    @Test("an operator cannot reset, edit or deactivate someone who holds a role in their OPD")
    func operatorCannotTakeOverRoleHolders() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let boss = try await Fixtures.employee(app, 60, agency: city.health, name: "Admin Dinkes")
            try await Fixtures.account(app, for: boss, roles: [.admin])
            let healthOperator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            #expect(
                try await healthOperator.post("/pegawai/\(boss.nip)/akun", form: ["resetPassword": "1"]).status
                    == .forbidden)
            #expect(try await healthOperator.post("/pegawai/\(boss.nip)/nonaktifkan", form: [:]).status == .forbidden)
            #expect(try await healthOperator.get("/pegawai/\(boss.nip)/ubah").status == .forbidden)
            let account = try #require(try await UserAccount.query(on: app.db).filter(\.$username == boss.nip).first())
            #expect(account.mustChangePassword == false)
            // ...but the same operator still manages ordinary staff.
            #expect(
                try await healthOperator.post("/pegawai/\(city.staff.nip)/akun", form: ["resetPassword": "1"]).status
                    == .ok)
        }
    }

    @Test("a huge page number is clamped, not a crash")
    func pageOverflow() async throws {
        try await withLontar { app in
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            try await app.testing().test(
                .GET, "api/v1/agencies?page=9223372036854775807&per=200", headers: ["Authorization": "Bearer \(token)"]
            ) { res in
                #expect(res.status == .ok)
            }
        }
    }

    @Test(
        "sign-in never redirects off the site",
        arguments: [
            "//evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example", "/\\evil.example",
        ])
    func noOpenRedirect(next: String) async throws {
        #expect(AuthController.safeNext(next) == "/")
        #expect(AuthController.safeNext("/pegawai?page=2") == "/pegawai?page=2")
    }

    @Test("a re-import with only some columns leaves the other columns alone and does not reactivate")
    func partialReimport() async throws {
        try await withLontar { app in
            try await Fixtures.agency(app, "DINKES")
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let full = [ImportTests.header, ImportTests.row(1), ImportTests.row(2, boss: 1)].joined(separator: "\n")
            _ = try await ImportTests.importCSV(app, token: token, full)
            let two = try #require(try await Employee.query(on: app.db).filter(\.$nip == Fixtures.nip(2)).first())
            two.active = false
            try await two.save(on: app.db)
            let names = "nip;nama;jenis_pegawai;kode_opd\n\(Fixtures.nip(2));Nama Baru;PNS;DINKES\n"
            let (status, report) = try await ImportTests.importCSV(app, token: token, names)
            #expect(status == .created)
            #expect(report.updated == 1)
            let after = try #require(
                try await Employee.query(on: app.db).filter(\.$nip == Fixtures.nip(2)).with(\.$supervisor).first())
            #expect(after.name == "Nama Baru")
            #expect(after.email == "p2@kupangkota.go.id")
            #expect(after.supervisor?.nip == Fixtures.nip(1))
            #expect(after.active == false)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID == Fixtures.nip(2))
                .filter(\.$action == "update").all()
            #expect(audit.contains { $0.changes.contains("Nama Baru") })
        }
    }

    @Test("a supervisor loop through stored reporting lines is refused")
    func storedCycle() async throws {
        try await withLontar { app in
            let agency = try await Fixtures.agency(app, "DINKES")
            let top = try await Fixtures.employee(app, 1, agency: agency)
            _ = try await Fixtures.employee(app, 2, agency: agency, supervisor: top)
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let csv =
                "nip;nama;jenis_pegawai;kode_opd;nip_atasan\n\(Fixtures.nip(1));Atas;PNS;DINKES;\(Fixtures.nip(2))\n"
            let (status, report) = try await ImportTests.importCSV(app, token: token, csv)
            #expect(status == .unprocessableEntity)
            #expect(report.errors.first?.column == "nip_atasan")
        }
    }

    @Test("an unknown name is locked out like a real account, so lockouts reveal nothing")
    func unknownNamesLockToo() async throws {
        try await withLontar { app in
            let browser = Browser(app)
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<5 { statuses.append(try await browser.signIn("tidak.ada", "salah").status) }
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test("a malformed API body names the missing field")
    func decodingErrorsNameTheField() async throws {
        try await withLontar { app in
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            try await app.testing().test(
                .POST, "api/v1/agencies", headers: ["Authorization": "Bearer \(token)"],
                beforeRequest: { req in try req.content.encode(["code": "BARU"]) },
                afterResponse: { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("\"field\":\"name\""))
                    #expect(!res.body.string.contains("keyNotFound"))
                })
        }
    }

    @Test("OPD search ignores case on both databases")
    func caseInsensitiveSearch() async throws {
        try await withLontar { app in
            try await Fixtures.agency(app, "DINKES", name: "Dinas Kesehatan")
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            try await app.testing().test(
                .GET, "api/v1/agencies?q=kesehatan", headers: ["Authorization": "Bearer \(token)"]
            ) {
                res in
                #expect(res.body.string.contains("DINKES"))
            }
        }
    }
}
