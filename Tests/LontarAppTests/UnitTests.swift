import Fluent
import Foundation
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Work units: renamed and retired after a reorganisation")
struct UnitTests {
    struct World {
        let city: Fixtures.City
        let section: OrgUnit
        let empty: OrgUnit
    }

    private func world(_ app: Application) async throws -> World {
        let city = try await Fixtures.city(app)
        let section = OrgUnit(agencyID: try city.health.requireID(), name: "Seksi Promosi Kesehatan")
        try await section.save(on: app.db)
        let empty = OrgUnit(agencyID: try city.health.requireID(), name: "Seksi Lama")
        try await empty.save(on: app.db)
        city.staff.$unit.id = try section.requireID()
        try await city.staff.save(on: app.db)
        return World(city: city, section: section, empty: empty)
    }

    @Test("the OPD's operator renames a unit; a clash or a bad name is refused and changes nothing")
    func rename() async throws {
        try await withLontar { app in
            let w = try await world(app)
            let agencyID = try w.city.health.requireID()
            let path = Paths.agencyUnit(agencyID, try w.section.requireID())
            let operatorBrowser = try await Fixtures.browser(app, as: w.city.healthOperator.nip)
            let detail = try await operatorBrowser.get(Paths.agency(agencyID)).body
            #expect(detail.contains("action=\"\(path)\""))
            let renamed = try await operatorBrowser.post(path, form: ["name": "  Seksi Promkes dan Pemberdayaan "])
            #expect(renamed.status == .seeOther)
            #expect(try await OrgUnit.find(w.section.requireID(), on: app.db)?.name == "Seksi Promkes dan Pemberdayaan")
            #expect(
                try await operatorBrowser.get(Paths.employee(w.city.staff.nip)).body.contains(
                    "Seksi Promkes dan Pemberdayaan"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "unit").count() == 1)
            // A unit renamed to lower case keeps its alphabetical place.
            _ = try await operatorBrowser.post(
                Paths.agencyUnit(agencyID, try w.empty.requireID()), form: ["name": "seksi lama"])
            let listed = try await operatorBrowser.get(Paths.agency(agencyID)).body
            let lower = try #require(listed.range(of: ">seksi lama"))
            let upper = try #require(listed.range(of: ">Seksi Promkes dan Pemberdayaan"))
            #expect(lower.lowerBound < upper.lowerBound)

            // Another unit's name, in any case, is taken; the refusal stands above the units.
            let clash = try await operatorBrowser.post(path, form: ["name": " seksi lama "])
            #expect(clash.status == .conflict)
            #expect(
                clash.body.contains(
                    "<p class=\"alert\" role=\"alert\" tabindex=\"-1\">Unit kerja seksi lama sudah ada di OPD ini."))
            let short = try await operatorBrowser.post(path, form: ["name": "X"])
            #expect(short.status == .unprocessableEntity)
            #expect(try await OrgUnit.find(w.section.requireID(), on: app.db)?.name == "Seksi Promkes dan Pemberdayaan")
        }
    }

    @Test("a unit with active staff is not retired; an empty one is, leaves the form's list, and comes back")
    func retire() async throws {
        try await withLontar { app in
            let w = try await world(app)
            let agencyID = try w.city.health.requireID()
            let operatorBrowser = try await Fixtures.browser(app, as: w.city.healthOperator.nip)
            let busy = try await operatorBrowser.post(
                Paths.agencyUnitStatus(agencyID, try w.section.requireID()), form: ["active": "false"])
            #expect(busy.status == .conflict)
            #expect(busy.body.contains("masih ada 1 pegawai aktif dan 0 sub-unit aktif"))
            #expect(try await OrgUnit.find(w.section.requireID(), on: app.db)?.active == true)

            let retired = try await operatorBrowser.post(
                Paths.agencyUnitStatus(agencyID, try w.empty.requireID()), form: ["active": "false"])
            #expect(retired.status == .seeOther)
            #expect(try await OrgUnit.find(w.empty.requireID(), on: app.db)?.active == false)
            // A second submit of the same form (or an old page) changes nothing.
            _ = try await operatorBrowser.post(
                Paths.agencyUnitStatus(agencyID, try w.empty.requireID()), form: ["active": "false"])
            #expect(try await OrgUnit.find(w.empty.requireID(), on: app.db)?.active == false)
            let bad = try await operatorBrowser.post(
                Paths.agencyUnitStatus(agencyID, try w.empty.requireID()), form: ["active": "mungkin"])
            #expect(bad.status == .unprocessableEntity)
            let form = try await operatorBrowser.get(Paths.employeeEdit(w.city.staff.nip)).body
            #expect(form.contains("<option value=\"Seksi Promosi Kesehatan\">"))
            #expect(!form.contains("<option value=\"Seksi Lama\">"))
            let restored = try await operatorBrowser.post(
                Paths.agencyUnitStatus(agencyID, try w.empty.requireID()), form: ["active": "true"])
            #expect(restored.status == .seeOther)
            #expect(try await OrgUnit.find(w.empty.requireID(), on: app.db)?.active == true)

            // Retired again, then someone is placed in it by name: it is in use, so active again;
            // another retired unit of the OPD stays retired.
            let other = OrgUnit(agencyID: agencyID, name: "Seksi Dibubarkan", active: false)
            try await other.save(on: app.db)
            _ = try await operatorBrowser.post(
                Paths.agencyUnitStatus(agencyID, try w.empty.requireID()), form: ["active": "false"])
            #expect(try await OrgUnit.find(w.empty.requireID(), on: app.db)?.active == false)
            let moved = try await operatorBrowser.post(
                Paths.employeeEdit(w.city.staff.nip),
                form: [
                    "nip": w.city.staff.nip, "nama": "Staf Kesehatan", "jenis_pegawai": "PNS", "kode_opd": "DINKES",
                    "nip_atasan": w.city.supervisor.nip, "unit_kerja": "Seksi Lama",
                ])
            #expect(moved.status == .seeOther)
            #expect(try await OrgUnit.find(w.empty.requireID(), on: app.db)?.active == true)
            #expect(try await Employee.find(w.city.staff.requireID(), on: app.db)?.$unit.id == w.empty.id)
            #expect(try await OrgUnit.find(other.requireID(), on: app.db)?.active == false)
        }
    }

    @Test("another OPD's operator and employees are refused; a unit of another OPD is not found here")
    func authorisation() async throws {
        try await withLontar { app in
            let w = try await world(app)
            let agencyID = try w.city.health.requireID()
            let path = Paths.agencyUnit(agencyID, try w.empty.requireID())
            for person in [w.city.educationOperator.nip, w.city.staff.nip] {
                let browser = try await Fixtures.browser(app, as: person)
                #expect(try await browser.post(path, form: ["name": "Diubah"]).status == .forbidden)
                #expect(
                    try await browser.post(
                        Paths.agencyUnitStatus(agencyID, try w.empty.requireID()), form: ["active": "false"]
                    ).status == .forbidden)
            }
            let foreign = OrgUnit(agencyID: try w.city.education.requireID(), name: "Bidang SD")
            try await foreign.save(on: app.db)
            let operatorBrowser = try await Fixtures.browser(app, as: w.city.healthOperator.nip)
            #expect(
                try await operatorBrowser.post(Paths.agencyUnit(agencyID, try foreign.requireID()), form: ["name": "Y"])
                    .status == .notFound)
            #expect(try await OrgUnit.find(w.empty.requireID(), on: app.db)?.name == "Seksi Lama")
            #expect(try await OrgUnit.find(foreign.requireID(), on: app.db)?.name == "Bidang SD")
        }
    }
}
