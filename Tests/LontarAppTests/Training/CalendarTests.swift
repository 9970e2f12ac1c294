import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Training calendars")
struct CalendarTests {
    /// The subscription address shown on "my calendar", read back from the page.
    private func feedPath(_ page: Browser.Page) throws -> String {
        guard let start = page.body.range(of: "/kalender/"), let end = page.body[start.upperBound...].range(of: ".ics")
        else { throw TestFailure("no feed address on the page") }
        return String(page.body[start.lowerBound..<end.upperBound])
    }

    @Test("a class's calendar is valid iCalendar in WITA with stable UIDs")
    func classCalendar() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app)
            let teacher = try await Fixtures.browser(app, as: run.city.teacher.nip)
            let page = try await teacher.get(Paths.classCalendar(run.classID))
            #expect(page.status == .ok)
            #expect(page.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            #expect(page.headers.first(name: .contentDisposition)?.contains("filename=") == true)
            let body = page.body
            for line in [
                "BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "TZID:Asia/Makassar", "DTSTART;TZID=Asia/Makassar:", "DTSTAMP:",
                "UID:\(run.sessions[0].id!.uuidString.lowercased())@lontar.kupangkota.go.id",
                "UID:\(run.sessions[1].id!.uuidString.lowercased())@lontar.kupangkota.go.id", "SEQUENCE:0",
                "STATUS:CONFIRMED",
            ] {
                #expect(body.contains(line), "missing \(line)")
            }
            #expect(body.components(separatedBy: "BEGIN:VEVENT").count == 3)
            #expect(body.hasSuffix("END:VCALENDAR\r\n"))
            // 09:00 WITA, whatever the server's zone.
            #expect(body.contains("T090000"))
            let anonymous = try await Browser(app).get(Paths.classCalendar(run.classID))
            #expect(anonymous.status == .seeOther)
            #expect(try await teacher.get(Paths.classCalendar(UUID())).status == .notFound)
        }
    }

    @Test("a cancelled class's events are cancelled, with the class's sequence")
    func cancelledClass() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app)
            run.trainingClass.status = "cancelled"
            run.trainingClass.sequence = 3
            try await run.trainingClass.save(on: app.db)
            let teacher = try await Fixtures.browser(app, as: run.city.teacher.nip)
            let body = try await teacher.get(Paths.classCalendar(run.classID)).body
            #expect(body.contains("STATUS:CANCELLED"))
            #expect(!body.contains("STATUS:CONFIRMED"))
            #expect(body.contains("SEQUENCE:3"))
        }
    }

    @Test("the personal feed works without signing in and lists only the employee's live requests")
    func personalFeed() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app)
            let city = run.city
            // Staff: confirmed in run's class, waitlisted in a second, cancelled in a third,
            // nothing in a fourth.
            let second = try await TrainingFixtures.trainingClass(
                app, programme: run.programme, sessions: 1, daysFromNow: 20, name: "Angkatan II")
            try await TrainingFixtures.enrolment(app, city.staff, in: second, seat: .waitlisted)
            let third = try await TrainingFixtures.trainingClass(
                app, programme: run.programme, sessions: 1, daysFromNow: 30, name: "Angkatan III")
            let cancelled = try await TrainingFixtures.enrolment(app, city.staff, in: third)
            cancelled.cancelled = true
            try await cancelled.save(on: app.db)
            let fourth = try await TrainingFixtures.trainingClass(
                app, programme: run.programme, sessions: 1, daysFromNow: 40, name: "Angkatan IV")

            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            let mine = try await staff.get(Paths.calendarRenew)
            #expect(mine.status == .ok)
            #expect(mine.body.contains("webcal://"))
            let path = try feedPath(mine)
            #expect(try feedPath(try await staff.get(Paths.calendarRenew)) == path, "the address is made once")
            let token = String(path.dropFirst("/kalender/".count).dropLast(".ics".count))
            #expect(token.count == 43)

            let feed = try await Browser(app).get(path)
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            for trainingClass in [run.trainingClass, second, third] {
                for session in try await TrainingFixtures.sessions(app, of: trainingClass) {
                    #expect(feed.body.contains("UID:\(session.id!.uuidString.lowercased())@"))
                }
            }
            let elsewhere = try await TrainingFixtures.sessions(app, of: fourth)[0].id!
            #expect(!feed.body.contains("UID:\(elsewhere.uuidString.lowercased())@"))
            #expect(feed.body.contains("[Daftar tunggu]"))
            #expect(feed.body.components(separatedBy: "STATUS:CANCELLED").count == 2, "only the cancelled request")
            #expect(try await Browser(app).get("/kalender/bukan-token.ics").status == .notFound)
        }
    }

    @Test("renewing the address makes the old one stop working")
    func renew() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app)
            let staff = try await Fixtures.browser(app, as: run.city.staff.nip)
            let old = try feedPath(try await staff.get(Paths.calendarRenew))
            #expect(try await Browser(app).get(old).status == .ok)
            let renewed = try await staff.post(Paths.calendarRenew, form: [:])
            #expect(renewed.status == .seeOther)
            let page = try await staff.get(Paths.calendarRenew)
            #expect(page.body.contains("Alamat kalender baru sudah dibuat"))
            let new = try feedPath(page)
            #expect(new != old)
            #expect(try await Browser(app).get(old).status == .notFound)
            #expect(try await Browser(app).get(new).status == .ok)
            #expect(try await CalendarFeed.query(on: app.db).count() == 1)
            // An account without an employee record has no training calendar.
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            #expect(try await admin.get(Paths.calendarRenew).status == .forbidden)
            #expect(try await Browser(app).get(Paths.calendarRenew).status == .seeOther)
        }
    }
}
