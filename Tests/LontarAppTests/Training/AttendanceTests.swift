import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// A class being run: a programme, a class with sessions starting tomorrow, three confirmed
/// participants (health staff, supervisor, teacher), one pending request, and a facilitator.
struct AttendanceScenario {
    let city: Fixtures.City
    let programme: Programme
    let trainingClass: TrainingClass
    let sessions: [ClassSession]
    /// staff, supervisor, teacher: approved with a seat.
    let confirmed: [Enrolment]
    let pending: Enrolment
    let classID: UUID

    static func make(
        _ app: Application, sessions: Int = 2, minAttendance: Int = 80, requiresAssessment: Bool = false,
        passingScore: Double? = nil
    ) async throws -> AttendanceScenario {
        let city = try await Fixtures.city(app)
        let programme = try await TrainingFixtures.programme(
            app, minAttendance: minAttendance, requiresAssessment: requiresAssessment, passingScore: passingScore)
        let trainingClass = try await TrainingFixtures.trainingClass(
            app, programme: programme, sessions: sessions, daysFromNow: 1)
        var confirmed: [Enrolment] = []
        for person in [city.staff, city.supervisor, city.teacher] {
            confirmed.append(try await TrainingFixtures.enrolment(app, person, in: trainingClass))
        }
        let waiting = try await Fixtures.employee(app, 20, agency: city.health, name: "Menunggu Persetujuan")
        try await Fixtures.account(app, for: waiting)
        let pending = try await TrainingFixtures.enrolment(app, waiting, in: trainingClass, approval: .pending)
        try await TrainingFixtures.facilitator(app, for: trainingClass)
        return AttendanceScenario(
            city: city, programme: programme, trainingClass: trainingClass,
            sessions: try await TrainingFixtures.sessions(app, of: trainingClass), confirmed: confirmed,
            pending: pending, classID: try trainingClass.requireID())
    }

    func roll(_ session: Int = 0) -> String { Paths.sessionAttendance(classID, sessions[session].id!) }
    func codePage(_ session: Int = 0) -> String { Paths.sessionCode(classID, sessions[session].id!) }

    func code(at date: Date) -> String {
        CheckInCode.code(secret: Array(Data(base64Encoded: trainingClass.checkinSecret)!), at: date)
    }

    /// Moves the clock to `offset` seconds after the start of session `index`.
    func moveClock(_ clock: TestClock, toSession index: Int = 0, offset: TimeInterval) {
        clock.advance(sessions[index].startsAt.addingTimeInterval(offset).timeIntervalSince(clock.now()))
    }

    static func records(_ app: Application) async throws -> [AttendanceRecord] {
        try await AttendanceRecord.query(on: app.db).all()
    }
}

@Suite("Attendance and self check-in")
struct AttendanceTests {
    @Test("the facilitator's marks are saved for confirmed participants and shown again")
    func marksSavedAndShown() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let run = try await AttendanceScenario.make(app)
            let dayBefore = try await Fixtures.browser(app, as: "fasilitator")
            // The day before: only leave can be recorded, being there cannot.
            let early = try await dayBefore.post(
                run.roll(),
                form: ["mark[\(run.confirmed[0].id!)]": "present", "mark[\(run.confirmed[2].id!)]": "excused"])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.contains("Sesi ini belum dimulai"))
            #expect(try await AttendanceScenario.records(app).isEmpty)
            let leave = try await dayBefore.post(run.roll(), form: ["mark[\(run.confirmed[2].id!)]": "excused"])
            #expect(leave.status == .seeOther)
            #expect(try await AttendanceScenario.records(app).map(\.mark) == ["excused"])
            run.moveClock(clock, offset: 600)
            // A day later the session has timed out: sign in again.
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            let page = try await facilitator.get(run.roll())
            #expect(page.status == .ok)
            #expect(page.body.contains("Staf Kesehatan") && page.body.contains("Guru Matematika"))
            #expect(!page.body.contains("Menunggu Persetujuan"), "a pending request is not on the roll")

            let (staff, supervisor, teacher) = (run.confirmed[0].id!, run.confirmed[1].id!, run.confirmed[2].id!)
            let saved = try await facilitator.post(
                run.roll(),
                form: ["mark[\(staff)]": "present", "mark[\(supervisor)]": "absent", "mark[\(teacher)]": "excused"])
            #expect(saved.status == .seeOther)

            let records = try await AttendanceScenario.records(app)
            #expect(records.count == 3)
            #expect(
                Dictionary(uniqueKeysWithValues: records.map { ($0.$enrolment.id, $0.mark) })[supervisor] == "absent")
            #expect(records.allSatisfy { $0.via == "facilitator" && $0.$session.id == run.sessions[0].id })
            let again = try await facilitator.get(run.roll())
            #expect(again.body.contains("name=\"mark[\(supervisor.uuidString)]\" value=\"absent\" checked"))
            #expect(again.body.contains("name=\"mark[\(teacher.uuidString)]\" value=\"excused\" checked"))
            #expect(again.body.contains("1 hadir · 1 tidak hadir · 1 izin · 0 belum diisi"))

            // Changing one mark updates the record instead of adding another.
            try await facilitator.post(run.roll(), form: ["mark[\(supervisor)]": "present"])
            let updated = try await AttendanceScenario.records(app)
            #expect(updated.count == 3)
            #expect(updated.first { $0.$enrolment.id == supervisor }?.mark == "present")
        }
    }

    @Test("'mark all present' fills only the people nobody marked")
    func markAllPresent() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let run = try await AttendanceScenario.make(app)
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            let supervisor = run.confirmed[1].id!
            let early = try await facilitator.post(run.roll(), form: ["allPresent": "1"])
            #expect(early.status == .unprocessableEntity)
            #expect(try await AttendanceScenario.records(app).isEmpty)
            // From 15 minutes before the start.
            run.moveClock(clock, offset: -15 * 60)
            let onTime = try await Fixtures.browser(app, as: "fasilitator")
            let page = try await onTime.post(
                run.roll(), form: ["mark[\(supervisor)]": "absent", "allPresent": "1"])
            #expect(page.status == .seeOther)
            let marks = Dictionary(
                uniqueKeysWithValues: try await AttendanceScenario.records(app).map { ($0.$enrolment.id, $0.mark) })
            #expect(marks == [run.confirmed[0].id!: "present", supervisor: "absent", run.confirmed[2].id!: "present"])
        }
    }

    @Test("a roll naming an unknown participant or mark is refused with 422 and writes nothing")
    func tamperedRoll() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app)
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            let staff = run.confirmed[0].id!
            let stranger = try await facilitator.post(
                run.roll(), form: ["mark[\(staff)]": "present", "mark[\(UUID())]": "present"])
            #expect(stranger.status == .unprocessableEntity)
            #expect(stranger.body.contains("tidak terdaftar di kelas ini"))
            let pending = try await facilitator.post(run.roll(), form: ["mark[\(run.pending.id!)]": "present"])
            #expect(pending.status == .unprocessableEntity)
            let late = try await facilitator.post(
                run.roll(), form: ["mark[\(staff)]": "present", "mark[\(run.confirmed[1].id!)]": "late"])
            #expect(late.status == .unprocessableEntity)
            #expect(late.body.contains("“late”"))
            #expect(try await AttendanceScenario.records(app).isEmpty)
        }
    }

    @Test("employees and another class's facilitator cannot open or post the roll or the code")
    func wrongPeopleRefused() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app)
            let other = try await TrainingFixtures.trainingClass(app, programme: run.programme, name: "Angkatan II")
            try await TrainingFixtures.facilitator(app, for: other, username: "fasilitator-lain")
            let form = ["mark[\(run.confirmed[0].id!)]": "present"]
            for who in ["fasilitator-lain", run.city.staff.nip, run.city.educationOperator.nip] {
                let browser = try await Fixtures.browser(app, as: who)
                #expect(try await browser.get(run.roll()).status == .forbidden, "\(who)")
                #expect(try await browser.post(run.roll(), form: form).status == .forbidden, "\(who)")
                #expect(try await browser.get(run.codePage()).status == .forbidden, "\(who)")
                #expect(try await browser.get(Paths.classCompletion(run.classID)).status == .forbidden, "\(who)")
            }
            let anonymous = try await Browser(app).get(run.roll())
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.location?.hasPrefix(Paths.signIn) == true)
            // BKPPD manages every programme, so the admin may run the class.
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            #expect(try await admin.get(run.roll()).status == .ok)
            #expect(try await AttendanceScenario.records(app).isEmpty)
            // A session of another class under this class's address does not exist.
            let foreign = try await TrainingFixtures.sessions(app, of: other)[0].id!
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            #expect(try await facilitator.get(Paths.sessionAttendance(run.classID, foreign)).status == .notFound)
        }
    }

    @Test("the code page shows the code during the session and a message outside it")
    func codePage() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let run = try await AttendanceScenario.make(app)
            // Signed in afresh after each jump of the clock, which would outlast the session.
            let early = try await Fixtures.browser(app, as: "fasilitator").get(run.codePage())
            #expect(early.status == .ok)
            #expect(early.body.contains("baru tersedia mulai pukul"))
            run.moveClock(clock, offset: 600)
            let code = run.code(at: clock.now())
            let open = try await Fixtures.browser(app, as: "fasilitator").get(run.codePage())
            #expect(open.status == .ok)
            #expect(open.body.contains(String(code.prefix(3)) + " " + String(code.suffix(3))))
            #expect(open.body.contains("0 dari 3 peserta sudah tercatat hadir"))
            #expect(open.body.contains("/static/checkin-code.js"))
            run.moveClock(clock, offset: 4 * 3600)
            let ended = try await Fixtures.browser(app, as: "fasilitator").get(run.codePage())
            #expect(ended.body.contains("absensi mandiri ditutup"))
        }
    }

    @Test("the right code during the session marks the participant present")
    func checkInWorks() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let run = try await AttendanceScenario.make(app)
            run.moveClock(clock, offset: 5 * 60)
            let staff = try await Fixtures.browser(app, as: run.city.staff.nip)
            let form = try await staff.get(Paths.checkIn)
            #expect(form.status == .ok)
            #expect(form.body.contains("Kepemimpinan Pelayanan Publik"))
            let code = run.code(at: clock.now())
            let done = try await staff.post(
                Paths.checkIn, form: ["code": String(code.prefix(3)) + " " + String(code.suffix(3))])
            #expect(done.status == .seeOther)
            let records = try await AttendanceScenario.records(app)
            #expect(records.count == 1)
            #expect(records.first?.mark == "present" && records.first?.via == "self")
            #expect(records.first?.$enrolment.id == run.confirmed[0].id)
            #expect(try await staff.get(Paths.checkIn).body.contains("kehadiran Anda di"))
            // The facilitator's roll shows the self check-in.
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            #expect(try await facilitator.get(run.roll()).body.contains("Absen mandiri pukul"))
        }
    }

    @Test("an expired, early, late or wrong code is refused with Core's message and writes nothing")
    func checkInRefusals() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let run = try await AttendanceScenario.make(app)
            // Signed in afresh for each try: the clock's jumps would outlast a session.
            func attempt(_ code: String) async throws -> Browser.Page {
                try await Fixtures.browser(app, as: run.city.staff.nip).post(Paths.checkIn, form: ["code": code])
            }
            // Expired: the code shown three minutes ago.
            run.moveClock(clock, offset: 30 * 60)
            let old = run.code(at: clock.now())
            clock.advance(3 * 60)
            let expired = try await attempt(old)
            #expect(expired.status == .unprocessableEntity)
            #expect(expired.body.contains("salah atau sudah kedaluwarsa"))
            // Wrong: a code that is neither this minute's nor the last.
            let valid = [run.code(at: clock.now()), run.code(at: clock.now().addingTimeInterval(-60))]
            let wrong = (0..<10).map { String(repeating: String($0), count: 6) }.first { !valid.contains($0) }!
            #expect(try await attempt(wrong).status == .unprocessableEntity)
            // Before: 20 minutes before the start, outside the 15-minute grace.
            run.moveClock(clock, offset: -20 * 60)
            let early = try await attempt(run.code(at: clock.now()))
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.contains("baru dibuka pukul"))
            // After: one minute after the end.
            run.moveClock(clock, offset: 3 * 3600 + 60)
            let late = try await attempt(run.code(at: clock.now()))
            #expect(late.status == .unprocessableEntity)
            #expect(late.body.contains("Sesi sudah selesai"))
            #expect(try await AttendanceScenario.records(app).isEmpty)
        }
    }

    @Test("someone not enrolled cannot check in; ten wrong codes lock check-in")
    func checkInNotEnrolledAndThrottled() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let run = try await AttendanceScenario.make(app)
            run.moveClock(clock, offset: 10 * 60)
            let code = run.code(at: clock.now())
            let outsider = try await Fixtures.browser(app, as: run.city.healthOperator.nip)
            let named = try await outsider.post(
                Paths.checkIn, form: ["code": code, "session": run.sessions[0].id!.uuidString])
            #expect(named.status == .forbidden)
            let unnamed = try await outsider.post(Paths.checkIn, form: ["code": code])
            #expect(unnamed.status == .unprocessableEntity)
            #expect(unnamed.body.contains("tidak terdaftar sebagai peserta"))
            let waiting = try await Fixtures.browser(app, as: Fixtures.nip(20))
            #expect(try await waiting.post(Paths.checkIn, form: ["code": code]).status == .unprocessableEntity)
            #expect(try await AttendanceScenario.records(app).isEmpty)

            let teacher = try await Fixtures.browser(app, as: run.city.teacher.nip)
            let valid = [code, run.code(at: clock.now().addingTimeInterval(-60))]
            let wrong = (0..<10).map { String(repeating: String($0), count: 6) }.first { !valid.contains($0) }!
            for _ in 0..<10 { try await teacher.post(Paths.checkIn, form: ["code": wrong]) }
            let locked = try await teacher.post(Paths.checkIn, form: ["code": code])
            #expect(locked.status == .tooManyRequests)
            #expect(try await AttendanceScenario.records(app).isEmpty)
        }
    }
}
