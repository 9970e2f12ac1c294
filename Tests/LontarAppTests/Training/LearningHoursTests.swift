import Fluent
import Foundation
import LontarCore
import NIOHTTP1
import Testing
import VaporTesting

@testable import LontarApp

/// Ledger lines and people written directly, for the JP pages to read.
enum LedgerFixtures {
    static func credit(
        _ app: Application, _ employee: Employee, _ jp: Double, year: Int = 2026, title: String = "Bimbingan Teknis",
        formCode: String = "KL10", certificate: String = "SERT/001"
    ) async throws {
        let entry = LedgerEntry()
        entry.$employee.id = try employee.requireID()
        entry.year = year
        entry.jp = jp
        entry.source = "class"
        entry.sourceID = UUID()
        entry.title = title
        entry.formCode = formCode
        entry.startDate = "\(year)-03-02"
        entry.endDate = "\(year)-03-04"
        entry.organiser = "BKPPD Kota Kupang"
        entry.certificateNumber = certificate
        entry.ruleYear = year
        entry.ruleVersion = 1
        entry.createdAt = app.clock.now()
        try await entry.save(on: app.db)
    }

    /// A PPPK employee with an account (kinds are not re-validated when written directly).
    static func pppk(_ app: Application, _ n: Int, agency: Agency, name: String) async throws -> Employee {
        let employee = try await Fixtures.employee(app, n, agency: agency, name: name)
        employee.kind = "PPPK"
        try await employee.save(on: app.db)
        try await Fixtures.account(app, for: employee)
        return employee
    }
}

extension Browser {
    /// Sends a multipart form with text fields and one file, as a phone's browser would.
    func postForm(
        _ path: String, fields: [String: String], file: [UInt8], filename: String, field: String
    )
        async throws -> (status: HTTPResponseStatus, body: String)
    {
        if csrf == nil { try await get(Paths.signIn) }
        let boundary = "jpboundary7"
        var body = ByteBuffer()
        var all = fields
        all["_csrf"] = csrf ?? ""
        for (name, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: "lontar_session=\(cookie)") }
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        var result: (HTTPResponseStatus, String) = (.internalServerError, "")
        try await app.testing().test(.POST, path, headers: headers, body: body) { res in
            result = (res.status, res.body.string)
        }
        return result
    }
}

@Suite("Learning hours: progress, dashboards, at-risk list")
struct LearningHoursTests {
    @Test("an employee's bar runs toward 20 JP for PNS, and against the 24 JP maximum for PPPK")
    func progressPNSAndPPPK() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            try await LedgerFixtures.credit(app, city.staff, 12, title: "Pelayanan Prima")
            try await LedgerFixtures.credit(app, city.staff, 30, year: 2025, title: "Tahun lalu")
            let pppk = try await LedgerFixtures.pppk(app, 20, agency: city.health, name: "Perawat Kontrak")
            try await LedgerFixtures.credit(app, pppk, 6)

            let staff = try await Fixtures.browser(app, as: city.staff.nip).get(Paths.learningHours)
            #expect(staff.status == .ok)
            #expect(staff.body.contains("12 dari 20 JP"))
            #expect(staff.body.contains("class=\"fill\" width=\"60\""))
            #expect(staff.body.contains("Pelayanan Prima"))
            #expect(staff.body.contains("Kurang 8 JP"))
            #expect(!staff.body.contains("Tahun lalu"))
            let lastYear = try await Fixtures.browser(app, as: city.staff.nip).get(Paths.learningHours + "?year=2025")
            #expect(lastYear.body.contains("Tahun lalu"))
            #expect(lastYear.body.contains("class=\"fill\" width=\"100\""))

            let contract = try await Fixtures.browser(app, as: pppk.nip).get(Paths.learningHours)
            #expect(contract.body.contains("6 JP dari batas maksimal 24 JP"))
            #expect(contract.body.contains("jp-bar ceiling"))
            #expect(contract.body.contains("class=\"fill\" width=\"25\""))
            #expect(!contract.body.contains("Kurang"))
        }
    }

    @Test("an operator sees their own OPD's dashboard and is refused another OPD's")
    func agencyDashboardScoped() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            try await LedgerFixtures.credit(app, city.staff, 20)
            try await LedgerFixtures.credit(app, city.supervisor, 5)
            let health = try await Fixtures.browser(app, as: city.healthOperator.nip)

            let own = try await health.get(Paths.learningHoursAgency)
            #expect(own.status == .ok)
            #expect(own.body.contains("1 dari 3 PNS sudah mencapai 20 JP"))
            #expect(own.body.contains("Kepala Seksi"))
            #expect(own.body.contains("Operator Kesehatan"))
            #expect(!own.body.contains(">Staf Kesehatan<"))
            #expect(!own.body.contains("Guru Matematika"))
            #expect(try await health.get(Paths.learningHoursAgency + "?agency=DINKES").status == .ok)
            #expect(try await health.get(Paths.learningHoursAgency + "?agency=DISDIKBUD").status == .forbidden)

            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let education = try await admin.get(Paths.learningHoursAgency + "?agency=DISDIKBUD")
            #expect(education.body.contains("Guru Matematika"))
            #expect(try await admin.get(Paths.learningHoursAgency + "?agency=TIDAKADA").status == .notFound)
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await staff.get(Paths.learningHoursAgency).status == .forbidden)
        }
    }

    @Test("the city dashboard charts every OPD for BKPPD and refuses everyone else")
    func cityDashboard() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            try await LedgerFixtures.credit(app, city.teacher, 24)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let page = try await admin.get(Paths.learningHoursCity)
            #expect(page.status == .ok)
            #expect(page.body.contains("<svg viewBox="))
            #expect(page.body.contains(">DISDIKBUD</text>"))
            #expect(page.body.contains(">50%</text>"))
            #expect(page.body.contains(">0%</text>"))
            #expect(page.body.contains("1 dari 5 PNS sudah mencapai 20 JP"))

            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await staff.get(Paths.learningHoursCity).status == .forbidden)
            let operatorPage = try await Fixtures.browser(app, as: city.healthOperator.nip).get(Paths.learningHoursCity)
            #expect(operatorPage.status == .forbidden)
        }
    }

    @Test("late in the year, someone with 0 JP is at risk and someone with 20 JP is not")
    func atRiskList() async throws {
        // 18 November 2026: 321 days have passed, so anyone below 17,6 JP is behind pace.
        try await withLontar(clock: TestClock()) { app in
            let city = try await Fixtures.city(app)
            try await LedgerFixtures.credit(app, city.healthOperator, 20)
            try await LedgerFixtures.credit(app, city.teacher, 18)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let everyone = try await admin.get(Paths.learningHoursAtRisk)
            #expect(everyone.status == .ok)
            #expect(everyone.body.contains("Staf Kesehatan"))
            #expect(everyone.body.contains("Kepala Seksi"))
            #expect(!everyone.body.contains("Operator Kesehatan"))
            #expect(!everyone.body.contains("Guru Matematika"))
            let education = try await admin.get(Paths.learningHoursAtRisk + "?agency=DISDIKBUD")
            #expect(!education.body.contains("Staf Kesehatan"))

            let supervisor = try await Fixtures.browser(app, as: city.supervisor.nip).get(Paths.learningHoursAtRisk)
            #expect(supervisor.status == .ok)
            #expect(supervisor.body.contains("Staf Kesehatan"))
            #expect(!supervisor.body.contains(">Kepala Seksi<"))
            let teacher = try await Fixtures.browser(app, as: city.teacher.nip)
            #expect(try await teacher.get(Paths.learningHoursAtRisk).status == .forbidden)
            let healthOperator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            #expect(try await healthOperator.get(Paths.learningHoursAtRisk + "?agency=DISDIKBUD").status == .forbidden)
        }
    }

    @Test("the SQL at-risk bound agrees with JPProgress.atRisk")
    func atRiskBoundMatchesRule() throws {
        let dates = ["2026-01-01", "2026-03-15", "2026-07-01", "2026-11-18", "2026-12-31", "2028-02-29"]
        for iso in dates {
            let date = try #require(CivilDate(iso: iso))
            let limit = LedgerQueries.atRiskLimit(target: 20, on: date)
            for total in stride(from: 0.0, through: 20.0, by: 0.5) {
                #expect((total < limit) == JPProgress.atRisk(total: total, target: 20, on: date), "\(iso) \(total)")
            }
        }
    }

    @Test("certificates are recognised by their first bytes, and large files are refused")
    func certificateChecks() throws {
        let pdf = Array("%PDF-1.7\n".utf8)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]
        #expect(try CertificateFile.check(pdf).get() == .pdf)
        #expect(try CertificateFile.check(png).get() == .png)
        #expect(try CertificateFile.check(jpeg).get() == .jpeg)
        #expect(throws: LocalizableMessage.self) { try CertificateFile.check(Array("MZ\u{90}fake".utf8)).get() }
        #expect(throws: LocalizableMessage.self) { try CertificateFile.check([UInt8]()).get() }
        let huge = pdf + [UInt8](repeating: 0x20, count: CertificateFile.maxBytes)
        #expect(throws: LocalizableMessage("jp.external.fileTooLarge", ["5 MB"])) {
            try CertificateFile.check(huge).get()
        }
    }
}
