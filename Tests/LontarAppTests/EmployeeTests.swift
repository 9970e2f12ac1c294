import Fluent
import Foundation
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Employees: pages, API, audit, personal data")
struct EmployeeTests {
    @Test("an operator's list shows only their own OPD; a supervisor sees only direct reports")
    func scopedLists() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let operatorList = try await Fixtures.browser(app, as: city.healthOperator.nip).get("/pegawai")
            #expect(operatorList.body.contains(city.staff.nip))
            #expect(!operatorList.body.contains(city.teacher.nip))
            let supervisorList = try await Fixtures.browser(app, as: city.supervisor.nip).get("/pegawai")
            #expect(supervisorList.body.contains(city.staff.nip))
            #expect(!supervisorList.body.contains(city.healthOperator.nip))
        }
    }

    @Test("the API lists with the envelope, filters, pages and searches")
    func apiList() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            struct Envelope: Decodable {
                let items: [EmployeeSummary]
                let total: Int
                let page: Int
                let per: Int
            }
            try await app.testing().test(
                .GET, "api/v1/employees?agency=DINKES&per=2&page=2", headers: ["Authorization": "Bearer \(token)"]
            ) { res in
                let body = try res.content.decode(Envelope.self)
                #expect(body.total == 3)
                #expect(body.page == 2 && body.per == 2)
                #expect(body.items.count == 1)
            }
            try await app.testing().test(
                .GET, "api/v1/employees?q=guru", headers: ["Authorization": "Bearer \(token)"]
            ) { res in
                let body = try res.content.decode(Envelope.self)
                #expect(body.items.map(\.nip) == [city.teacher.nip])
            }
        }
    }

    @Test("create through the API validates the NIP and names the rule broken")
    func apiCreateValidates() async throws {
        try await withLontar { app in
            try await Fixtures.agency(app, "DINKES")
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            try await app.testing().test(
                .POST, "api/v1/employees", headers: headers,
                beforeRequest: { req in
                    try req.content.encode([
                        "nip": "198513122010011002", "kind": "PNS", "name": "Yohanes Ndun", "agencyCode": "DINKES",
                    ])
                },
                afterResponse: { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("\"code\":\"invalid_input\""))
                    #expect(res.body.string.contains("\"field\":\"nip\""))
                })
            #expect(try await Employee.query(on: app.db).count() == 0)
            try await app.testing().test(
                .POST, "api/v1/employees", headers: headers,
                beforeRequest: { req in
                    try req.content.encode([
                        "nip": "19850312 201001 1 002", "kind": "PNS", "name": "Yohanes Ndun", "agencyCode": "DINKES",
                        "grade": "III/b", "positionTitle": "Analis Kepegawaian", "positionKind": "pelaksana",
                    ])
                },
                afterResponse: { res in
                    #expect(res.status == .created)
                    let body = try res.content.decode(EmployeeSummary.self)
                    #expect(body.nip == "198503122010011002")
                    #expect(body.positionTitle == "Analis Kepegawaian")
                })
            try await app.testing().test(.GET, "api/v1/employees/198503122010011002", headers: headers) { res in
                #expect(res.status == .ok)
            }
        }
    }

    @Test("an operator's edit is audited with old and new values; an admin's viewing is audited")
    func auditTrail() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let browser = try await Fixtures.browser(app, as: city.healthOperator.nip)
            let saved = try await browser.post(
                "/pegawai/\(city.staff.nip)/ubah",
                form: [
                    "nip": city.staff.nip, "nama": "Staf Kesehatan Baru", "jenis_pegawai": "PNS", "kode_opd": "DINKES",
                    "nip_atasan": city.supervisor.nip, "email": "staf@kupangkota.go.id",
                ])
            #expect(saved.status == .seeOther)
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$action == "update").filter(
                    \.$entityID == city.staff.nip
                )
                .first())
            #expect(entry.actorName == "Operator Kesehatan")
            #expect(entry.changes.contains("\"old\":\"Staf Kesehatan\""))
            #expect(entry.changes.contains("\"new\":\"Staf Kesehatan Baru\""))

            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            #expect(try await admin.get("/pegawai/\(city.teacher.nip)").status == .ok)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == "view").filter(
                    \.$entityID == city.teacher.nip
                )
                .count() == 1)
            let log = try await admin.get("/audit")
            #expect(log.body.contains("Staf Kesehatan Baru"))
        }
    }

    @Test("bad input on the form is refused with the reason and nothing is saved")
    func formRejectsBadInput() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let browser = try await Fixtures.browser(app, as: city.healthOperator.nip)
            let page = try await browser.post(
                "/pegawai",
                form: ["nip": "123", "nama": "", "jenis_pegawai": "PNS", "kode_opd": "DINKES", "email": "bukan-email"])
            #expect(page.status == .unprocessableEntity)
            #expect(try await Employee.query(on: app.db).count() == 5)
        }
    }

    @Test("a temporary password is shown once, works once, and must be changed")
    func temporaryPassword() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let browser = try await Fixtures.browser(app, as: city.healthOperator.nip)
            let page = try await browser.post("/pegawai/\(city.staff.nip)/akun", form: ["resetPassword": "1"])
            #expect(page.status == .ok)
            let account = try #require(
                try await UserAccount.query(on: app.db).filter(\.$username == city.staff.nip).first())
            #expect(account.mustChangePassword)
            let shown = try #require(Browser.temporaryPassword(in: page.body))
            let staff = Browser(app)
            #expect(try await staff.signIn(city.staff.nip, shown).location == "/akun/kata-sandi")
        }
    }

    @Test("everyone can download what Lontar holds about them, and only that")
    func personalData() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let page = try await Fixtures.browser(app, as: city.staff.nip).get("/akun/data-saya.json")
            #expect(page.status == .ok)
            let data = try JSONDecoder.iso8601.decode(PersonalData.self, from: Data(page.body.utf8))
            #expect(data.employee?.nip == city.staff.nip)
            #expect(data.birthDate == "1985-03-12")
            #expect(!page.body.contains(city.teacher.nip))
            #expect(!page.body.contains("password"))
        }
    }

    @Test("deactivating keeps the record, hides it from lists, and blocks sign-in")
    func deactivate() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let browser = try await Fixtures.browser(app, as: city.healthOperator.nip)
            #expect(try await browser.post("/pegawai/\(city.staff.nip)/nonaktifkan", form: [:]).status == .seeOther)
            #expect(!(try await browser.get("/pegawai").body.contains(city.staff.nip)))
            #expect(try await browser.get("/pegawai?inactive=1").body.contains(city.staff.nip))
            #expect(try await Browser(app).signIn(city.staff.nip, Fixtures.password).status == .unauthorized)
        }
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
