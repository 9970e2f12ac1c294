import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("L4 result indicators")
struct IndicatorLevelTests {
    /// Organised by Health; a teacher from Education took part.
    private func setUp(_ app: Application) async throws -> (Fixtures.City, UUID) {
        let city = try await Fixtures.city(app)
        let programme = try await TrainingFixtures.programme(app, organiser: city.health)
        let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme)
        try await TrainingFixtures.enrolment(app, city.teacher, in: trainingClass)
        return (city, try programme.requireID())
    }

    private func fields(_ agency: Agency) throws -> [String: String] {
        [
            "agency": try agency.requireID().uuidString, "year": "2026", "name": "Lama terbit izin", "unit": "hari",
            "baseline": "14", "result": "7,5", "evidence": "Laporan SIMPEL semester II",
        ]
    }

    @Test("a participating OPD's operator records an indicator with evidence; the page shows the change")
    func record() async throws {
        try await withLontar { app in
            let (city, id) = try await setUp(app)
            let operatorBrowser = try await Fixtures.browser(app, as: city.educationOperator.nip)
            #expect(try await operatorBrowser.get(Paths.programmeIndicators(id)).status == .ok)
            let saved = try await operatorBrowser.multipart(
                Paths.programmeIndicators(id), fields: try fields(city.education), file: LevelFixtures.pdf)
            #expect(saved.status == .seeOther)
            let indicator = try #require(try await ResultIndicator.query(on: app.db).first())
            #expect(indicator.baseline == 14)
            #expect(indicator.result == 7.5)
            #expect(indicator.higherIsBetter == false)
            #expect(IndicatorController.improved(indicator) == true)
            let page = try await operatorBrowser.get(Paths.programmeIndicators(id))
            #expect(page.body.contains("-6,50"))
            #expect(page.body.contains("membaik"))
            let evidence = try await operatorBrowser.get(Paths.indicatorEvidence(try indicator.requireID()))
            #expect(evidence.status == .ok)
            #expect(evidence.headers.contentType?.subType == "pdf")
            // BKPPD may record for the organiser too.
            let admin = try await LevelFixtures.admin(app)
            #expect(
                try await admin.multipart(Paths.programmeIndicators(id), fields: try fields(city.health)).status
                    == .seeOther)
        }
    }

    @Test("bad input names the problem and writes nothing")
    func badInput() async throws {
        try await withLontar { app in
            let (city, id) = try await setUp(app)
            let browser = try await Fixtures.browser(app, as: city.educationOperator.nip)
            var bad = try fields(city.education)
            bad["baseline"] = "banyak"
            bad["year"] = "1990"
            let page = try await browser.multipart(Paths.programmeIndicators(id), fields: bad)
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Nilai sebelum harus berupa angka"))
            #expect(page.body.contains("Tahun harus antara 2000 dan 2100"))
            // Another OPD's name, and a file that is not evidence.
            let foreign = try await browser.multipart(Paths.programmeIndicators(id), fields: try fields(city.health))
            #expect(foreign.status == .unprocessableEntity)
            let exe = try await browser.multipart(
                Paths.programmeIndicators(id), fields: try fields(city.education), file: LevelFixtures.exe)
            #expect(exe.status == .unprocessableEntity)
            #expect(try await ResultIndicator.query(on: app.db).count() == 0)
        }
    }

    @Test("employees and operators of OPDs that took no part are refused")
    func authorisation() async throws {
        try await withLontar { app in
            let (city, id) = try await setUp(app)
            let transport = try await Fixtures.agency(app, "DISHUB", name: "Dinas Perhubungan")
            let transportOperator = try await Fixtures.employee(app, 30, agency: transport, name: "Operator Dishub")
            try await Fixtures.account(app, for: transportOperator, roles: [.operator], operatorOf: transport)
            let indicator = ResultIndicator()
            indicator.$programme.id = id
            indicator.$agency.id = try city.education.requireID()
            indicator.year = 2026
            indicator.name = "X"
            indicator.unit = "hari"
            indicator.baseline = 1
            indicator.result = 2
            indicator.higherIsBetter = true
            indicator.evidence = "E"
            indicator.evidenceFileSHA256 = String(repeating: "b", count: 64)
            indicator.evidenceFileName = "b.pdf"
            indicator.recordedBy = UUID()
            indicator.createdAt = Date()
            try await indicator.save(on: app.db)
            for identifier in [transportOperator.nip, city.teacher.nip, city.supervisor.nip] {
                let browser = try await Fixtures.browser(app, as: identifier)
                #expect(try await browser.get(Paths.programmeIndicators(id)).status == .forbidden)
                let post = try await browser.multipart(
                    Paths.programmeIndicators(id), fields: try fields(city.education))
                #expect(post.status == .forbidden)
                #expect(try await browser.get(Paths.indicatorEvidence(try indicator.requireID())).status == .forbidden)
            }
            #expect(try await ResultIndicator.query(on: app.db).count() == 1)
        }
    }
}
