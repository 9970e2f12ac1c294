import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// Creating and editing classes: sessions in WITA, validation, capacity and the waiting list.
@Suite("Training classes: create and edit")
struct ClassFormTests {
    static func form(
        name: String = "Angkatan I 2026", capacity: String = "30",
        sessions: [(date: String, start: String, end: String)] = [("2026-12-01", "09:00", "12:00")],
        ids: [UUID] = []
    ) -> [String: String] {
        var form = [
            "name": name, "capacity": capacity, "registrationOpens": "2026-11-10T08:00",
            "registrationCloses": "2026-11-28T16:00", "cancelCutoffHours": "48", "status": "open",
            "place": "Aula BKPPD", "onlineURL": "", "otherFacilitators": "",
        ]
        for (index, session) in sessions.enumerated() {
            form["sessions[\(index)][id]"] = index < ids.count ? ids[index].uuidString : ""
            form["sessions[\(index)][date]"] = session.date
            form["sessions[\(index)][start]"] = session.start
            form["sessions[\(index)][end]"] = session.end
            form["sessions[\(index)][topic]"] = "Materi \(index + 1)"
            form["sessions[\(index)][place]"] = ""
            form["sessions[\(index)][onlineURL]"] = ""
        }
        return form
    }

    @Test("a new class stores its sessions in UTC from WITA input, with a fresh check-in secret")
    func create() async throws {
        try await withLontar { app in
            _ = try await Fixtures.city(app)
            try await Fixtures.account(app, username: "widyaiswara", roles: [.facilitator])
            let programme = try await TrainingFixtures.programme(app)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            var form = Self.form(sessions: [("2026-12-02", "13:00", "16:00"), ("2026-12-01", "09:00", "12:00")])
            form["facilitators[0]"] = "widyaiswara"
            let page = try await admin.post(Paths.classNew(programme: try programme.requireID()), form: form)
            #expect(page.status == .seeOther)
            let saved = try #require(try await TrainingClass.query(on: app.db).first())
            #expect(saved.capacity == 30)
            #expect(saved.seatsHeld == 0)
            #expect(saved.sequence == 0)
            #expect(Data(base64Encoded: saved.checkinSecret)?.count == 20)
            #expect(saved.registrationClosesAt == ISO8601DateFormatter().date(from: "2026-11-28T08:00:00Z"))
            let sessions = try await TrainingFixtures.sessions(app, of: saved)
            #expect(
                sessions.map(\.startsAt) == [
                    ISO8601DateFormatter().date(from: "2026-12-01T01:00:00Z"),
                    ISO8601DateFormatter().date(from: "2026-12-02T05:00:00Z"),
                ])
            #expect(try await ClassFacilitator.query(on: app.db).count() == 1)
            let shown = try await admin.get(Paths.trainingClass(try saved.requireID()))
            #expect(shown.body.contains("1 Desember 2026, 09.00–12.00 WITA"))
        }
    }

    @Test("capacity 0, a session ending before it starts, or no session: 422 and nothing written")
    func validation() async throws {
        try await withLontar { app in
            _ = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let path = Paths.classNew(programme: try programme.requireID())
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let empty = try await admin.post(path, form: Self.form(capacity: "0"))
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.contains("Kapasitas (kursi): harus bilangan bulat dari 1 sampai 10000"))
            let backwards = try await admin.post(path, form: Self.form(sessions: [("2026-12-01", "09:00", "08:00")]))
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.body.contains("Sesi 1: jam selesai (08.00) harus setelah jam mulai (09.00)."))
            let none = try await admin.post(path, form: Self.form(sessions: []))
            #expect(none.status == .unprocessableEntity)
            #expect(none.body.contains("isi paling sedikit satu sesi"))
            var badLink = Self.form()
            badLink["onlineURL"] = "javascript:alert(1)"
            #expect(try await admin.post(path, form: badLink).status == .unprocessableEntity)
            #expect(try await TrainingClass.query(on: app.db).count() == 0)
            #expect(try await ClassSession.query(on: app.db).count() == 0)
        }
    }

    @Test("editing keeps session ids and bumps SEQUENCE; capacity below the seats held is refused")
    func editAndCapacity() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme, capacity: 3)
            let classID = try trainingClass.requireID()
            try await TrainingFixtures.enrolment(app, city.staff, in: trainingClass)
            try await TrainingFixtures.enrolment(app, city.teacher, in: trainingClass)
            let sessions = try await TrainingFixtures.sessions(app, of: trainingClass)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let lower = try await admin.post(
                Paths.classEdit(classID), form: Self.form(capacity: "1", ids: sessions.compactMap(\.id)))
            #expect(lower.status == .unprocessableEntity)
            #expect(lower.body.contains("Kapasitas tidak dapat lebih kecil dari jumlah kursi yang sudah terisi"))
            let unchanged = try #require(try await TrainingClass.find(classID, on: app.db))
            #expect(unchanged.capacity == 3)
            #expect(unchanged.sequence == 0)

            let edited = try await admin.post(
                Paths.classEdit(classID),
                form: Self.form(
                    capacity: "2", sessions: [("2026-12-01", "08:00", "11:00")], ids: [try #require(sessions[0].id)]))
            #expect(edited.status == .seeOther)
            let saved = try #require(try await TrainingClass.find(classID, on: app.db))
            #expect(saved.capacity == 2)
            #expect(saved.sequence == 1)
            #expect(saved.seatsHeld == 2)
            let after = try await TrainingFixtures.sessions(app, of: saved)
            #expect(after.map(\.id) == [sessions[0].id])
            #expect(after.first?.startsAt == ISO8601DateFormatter().date(from: "2026-12-01T00:00:00Z"))
        }
    }

    @Test("raising the capacity promotes the waiting list in order and tells them")
    func raisingCapacityPromotes() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme, capacity: 1)
            let classID = try trainingClass.requireID()
            try await TrainingFixtures.enrolment(app, city.staff, in: trainingClass)
            let first = try await TrainingFixtures.enrolment(app, city.teacher, in: trainingClass, seat: .waitlisted)
            first.waitlistPosition = 1
            try await first.save(on: app.db)
            let second = try await TrainingFixtures.enrolment(
                app, city.supervisor, in: trainingClass, seat: .waitlisted)
            second.waitlistPosition = 2
            try await second.save(on: app.db)
            let ids = try await TrainingFixtures.sessions(app, of: trainingClass).compactMap(\.id)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let dates = [("2026-12-02", "09:00", "12:00"), ("2026-12-03", "09:00", "12:00")]
            let page = try await admin.post(
                Paths.classEdit(classID), form: Self.form(capacity: "2", sessions: dates, ids: ids))
            #expect(page.status == .seeOther)
            #expect(try await Enrolment.find(first.requireID(), on: app.db)?.seat == SeatState.held.rawValue)
            #expect(try await Enrolment.find(second.requireID(), on: app.db)?.seat == SeatState.waitlisted.rawValue)
            #expect(try await TrainingClass.find(classID, on: app.db)?.seatsHeld == 2)
            let teacherAccount = try #require(
                try await UserAccount.query(on: app.db).filter(\.$username == city.teacher.nip).first())
            let notes = try await InAppNotification.query(on: app.db).filter(\.$user.$id == teacherAccount.requireID())
                .all()
            #expect(notes.map(\.messageKey) == ["notify.enrolment.confirmed"])
        }
    }
}
