import Fluent
import Foundation
import Testing
import VaporTesting

@testable import LontarApp

@Suite("One's own email and phone")
struct OwnContactTests {
    @Test("an employee corrects their email and phone; the record and the search use them")
    func corrects() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await staff.get(Paths.profile).body.contains("href=\"/profil/kontak\""))
            let form = try await staff.get("/profil/kontak")
            #expect(form.status == .ok)
            #expect(form.body.contains("name=\"telepon\""))
            let saved = try await staff.post(
                "/profil/kontak", form: ["email": " Staf.Baru@KupangKota.go.id ", "telepon": "+62 812-3456-7890"])
            #expect(saved.status == .seeOther)
            #expect(saved.location == Paths.profile)
            let record = try #require(try await Employee.find(city.staff.requireID(), on: app.db))
            #expect(record.email == "staf.baru@kupangkota.go.id")
            #expect(record.phone == "+6281234567890")
            #expect(record.searchText.contains("staf.baru@kupangkota.go.id"))
            #expect(try await staff.get(Paths.profile).body.contains("staf.baru@kupangkota.go.id"))
            // Empty clears.
            #expect(try await staff.post("/profil/kontak", form: ["email": "", "telepon": ""]).status == .seeOther)
            let cleared = try #require(try await Employee.find(city.staff.requireID(), on: app.db))
            #expect(cleared.email == nil && cleared.phone == nil)
        }
    }

    @Test("a bad email or phone is named, answers 422 and changes nothing")
    func badInput() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let before = try #require(try await Employee.find(city.staff.requireID(), on: app.db))
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            let page = try await staff.post("/profil/kontak", form: ["email": "staf@kupang", "telepon": "12ab"])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Alamat email “staf@kupang” tidak valid."))
            #expect(page.body.contains("Nomor telepon “12ab” tidak valid."))
            #expect(page.body.contains("value=\"staf@kupang\""), "what was typed comes back to correct")
            var after = try #require(try await Employee.find(city.staff.requireID(), on: app.db))
            #expect(after.email == before.email && after.phone == before.phone)

            // An address another employee holds is named as taken, not saved.
            city.teacher.email = "guru@kupang.go.id"
            try await city.teacher.save(on: app.db)
            let taken = try await staff.post("/profil/kontak", form: ["email": "Guru@Kupang.go.id", "telepon": ""])
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.contains("Alamat email guru@kupang.go.id sudah dipakai pegawai lain."))
            after = try #require(try await Employee.find(city.staff.requireID(), on: app.db))
            #expect(after.email == before.email)
        }
    }

    @Test("only one's own record: there is no one else's to name, and accounts without a record are refused")
    func authorisation() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            #expect(try await admin.get("/profil/kontak").status == .forbidden)
            #expect(try await admin.post("/profil/kontak", form: ["email": "a@b.id"]).status == .forbidden)
            let visitor = try await Browser(app).get("/profil/kontak")
            #expect(visitor.location?.hasPrefix(Paths.signIn) == true)
            // A supervisor saving their own contact changes only their own record.
            let boss = try await Fixtures.browser(app, as: city.supervisor.nip)
            #expect(try await boss.post("/profil/kontak", form: ["email": "kasi@kupang.go.id"]).status == .seeOther)
            #expect(try await Employee.find(city.staff.requireID(), on: app.db)?.email != "kasi@kupang.go.id")
            #expect(try await Employee.find(city.supervisor.requireID(), on: app.db)?.email == "kasi@kupang.go.id")
        }
    }
}
