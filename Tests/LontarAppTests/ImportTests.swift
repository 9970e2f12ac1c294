import Fluent
import Foundation
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Employee CSV import")
struct ImportTests {
    static let header =
        "nip;nama;gelar_depan;gelar_belakang;jenis_pegawai;pangkat_golongan;kode_opd;unit_kerja;jabatan;jenis_jabatan;nip_atasan;email;telepon"

    static func row(_ n: Int, boss: Int? = nil, agency: String = "DINKES", name: String? = nil) -> String {
        let bossNIP = boss.map { Fixtures.nip($0) } ?? ""
        return
            "\(Fixtures.nip(n));\(name ?? "Pegawai \(n)");;S.Kep.;PNS;III/a;\(agency);Puskesmas Oebobo;Perawat Ahli Pertama;fungsional;\(bossNIP);p\(n)@kupangkota.go.id;0812000\(String(format: "%05d", n))"
    }

    static func importCSV(
        _ app: Application, token: String, _ csv: String, dryRun: Bool = false
    ) async throws
        -> (HTTPResponseStatus, EmployeeAPIController.ImportReportBody)
    {
        var result: (HTTPResponseStatus, EmployeeAPIController.ImportReportBody)?
        try await app.testing().test(
            .POST, "api/v1/employees/import" + (dryRun ? "?dryRun=true" : ""),
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "text/csv"],
            beforeRequest: { req in req.body = ByteBuffer(string: csv) },
            afterResponse: { res in
                result = (res.status, try res.content.decode(EmployeeAPIController.ImportReportBody.self))
            })
        guard let result else { throw TestFailure("no response") }
        return result
    }

    @Test("a valid file imports, a second import updates instead of duplicating")
    func idempotent() async throws {
        try await withLontar { app in
            try await Fixtures.agency(app, "DINKES")
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let csv = ([Self.header, Self.row(1), Self.row(2, boss: 1), Self.row(3, boss: 2)]).joined(separator: "\n")
            let (status, report) = try await Self.importCSV(app, token: token, csv)
            #expect(status == .created)
            #expect(report.created == 3 && report.updated == 0 && report.errors.isEmpty)
            let changed = csv.replacingOccurrences(of: "Pegawai 3", with: "Pegawai Tiga")
            let (again, second) = try await Self.importCSV(app, token: token, changed)
            #expect(again == .created)
            #expect(second.created == 0 && second.updated == 3)
            #expect(try await Employee.query(on: app.db).count() == 3)
            let three = try await Employee.query(on: app.db).filter(\.$nip == Fixtures.nip(3)).with(\.$supervisor)
                .first()
            #expect(three?.name == "Pegawai Tiga")
            #expect(three?.supervisor?.nip == Fixtures.nip(2))
            #expect(try await OrgUnit.query(on: app.db).count() == 1)
            #expect(try await Position.query(on: app.db).count() == 1)
        }
    }

    @Test("a file with bad rows names every one of them and writes nothing")
    func badRowsWriteNothing() async throws {
        try await withLontar { app in
            try await Fixtures.agency(app, "DINKES")
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let csv = [
                Self.header,
                Self.row(1),
                Self.row(2).replacingOccurrences(of: Fixtures.nip(2), with: "19851312201001100"),  // 17 digits
                Self.row(3, agency: "TIDAKADA"),
                Self.row(4, boss: 99),
                Self.row(5).replacingOccurrences(of: ";PNS;", with: ";Honorer;"),
            ].joined(separator: "\r\n")
            let (status, report) = try await Self.importCSV(app, token: token, csv)
            #expect(status == .unprocessableEntity)
            #expect(report.created == 0 && report.updated == 0)
            let located = Set(report.errors.map { "\($0.line):\($0.column ?? "")" })
            #expect(located.contains("3:nip"))
            #expect(located.contains("4:kode_opd"))
            #expect(located.contains("5:nip_atasan"))
            #expect(located.contains("6:jenis_pegawai"))
            #expect(!located.contains { $0.hasPrefix("2:") })
            #expect(try await Employee.query(on: app.db).count() == 0)
            #expect(try await OrgUnit.query(on: app.db).count() == 0)
        }
    }

    @Test("dry run reports what would happen without writing")
    func dryRun() async throws {
        try await withLontar { app in
            try await Fixtures.agency(app, "DINKES")
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let csv = [Self.header, Self.row(1), Self.row(2)].joined(separator: "\n")
            let (status, report) = try await Self.importCSV(app, token: token, csv, dryRun: true)
            #expect(status == .ok)
            #expect(report.created == 2)
            #expect(try await Employee.query(on: app.db).count() == 0)
        }
    }

    @Test("an operator may import only their own OPD's people")
    func operatorScope() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let token = try await Fixtures.apiToken(app, username: city.educationOperator.nip)
            let csv = [Self.header, Self.row(30, agency: "DISDIKBUD"), Self.row(31, agency: "DINKES")].joined(
                separator: "\n")
            let (status, report) = try await Self.importCSV(app, token: token, csv)
            #expect(status == .unprocessableEntity)
            #expect(report.errors.map(\.line) == [3])
            #expect(try await Employee.query(on: app.db).filter(\.$nip == Fixtures.nip(30)).count() == 0)
        }
    }

    @Test("supervisor loops inside a file are refused")
    func supervisorCycle() async throws {
        try await withLontar { app in
            try await Fixtures.agency(app, "DINKES")
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let csv = [Self.header, Self.row(1, boss: 2), Self.row(2, boss: 1)].joined(separator: "\n")
            let (status, report) = try await Self.importCSV(app, token: token, csv)
            #expect(status == .unprocessableEntity)
            #expect(report.errors.contains { $0.column == "nip_atasan" })
        }
    }

    @Test("the import page previews, then imports on confirmation, and is audited")
    func pageFlow() async throws {
        try await withLontar { app in
            try await Fixtures.agency(app, "DINKES")
            let browser = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let bad = try await browser.postMultipart(
                "/pegawai/impor", file: [Self.header, Self.row(1, agency: "XX")].joined(separator: "\n"))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("XX"))
            let good = try await browser.postMultipart(
                "/pegawai/impor", file: "\u{FEFF}" + [Self.header, Self.row(1), Self.row(2)].joined(separator: "\n"))
            #expect(good.status == .ok)
            #expect(try await Employee.query(on: app.db).count() == 0)
            let pending = try #require(try await PendingImport.query(on: app.db).first())
            let confirmed = try await browser.post(
                "/pegawai/impor/konfirmasi", form: ["pendingID": pending.id!.uuidString])
            #expect(confirmed.status == .seeOther)
            #expect(try await Employee.query(on: app.db).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "import").count() == 1)
        }
    }

    @Test("the export re-imports as the same people")
    func exportRoundTrip() async throws {
        try await withLontar { app in
            try await Fixtures.agency(app, "DINKES")
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            _ = try await Self.importCSV(
                app, token: token, [Self.header, Self.row(1), Self.row(2, boss: 1)].joined(separator: "\n"))
            let browser = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let export = try await browser.get("/pegawai/ekspor.csv")
            #expect(export.status == .ok)
            #expect(export.headers.contentType?.subType == "csv")
            let (status, report) = try await Self.importCSV(app, token: token, export.body)
            #expect(status == .created)
            #expect(report.updated == 2 && report.created == 0)
        }
    }
}

extension EmployeeAPIController {
    struct ImportReportBody: Decodable {
        struct Issue: Decodable {
            let line: Int
            let column: String?
            let message: String
        }
        let created: Int
        let updated: Int
        let errors: [Issue]
    }
}
