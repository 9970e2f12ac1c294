import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// Five sessions, the 80 % rule: staff attends 4 of 5 (80 %, completes), the supervisor 3 of 5
/// (60 %, does not), the teacher 5 of 5.
/// Writes the roll of every session and moves the clock into the last one: completion is
/// confirmed only once the last session has opened.
private func attendFiveSessions(_ app: Application, _ run: AttendanceScenario) async throws {
    let clock = try #require(app.clock as? TestClock)
    run.moveClock(clock, toSession: run.sessions.count - 1, offset: 3_600)
    let attended: [(Enrolment, Int)] = [(run.confirmed[0], 4), (run.confirmed[1], 3), (run.confirmed[2], 5)]
    for (enrolment, count) in attended {
        for (index, session) in run.sessions.enumerated() {
            try await AttendanceWriter.upsert(
                [.init(enrolmentID: enrolment.id!, mark: index < count ? .present : .absent)], session: session.id!,
                via: "facilitator", by: nil, at: app.clock.now(), on: app.db)
        }
    }
}

@Suite("Completion and certificates")
struct CertificateTests {
    @Test("the completion page applies the 80 % rule and says why someone falls short")
    func completionRule() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app, sessions: 5)
            try await attendFiveSessions(app, run)
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            let page = try await facilitator.get(Paths.classCompletion(run.classID))
            #expect(page.status == .ok)
            #expect(page.body.contains("kehadiran minimal 80%"))
            #expect(page.body.contains("Kehadiran 60% (3 dari 5 sesi), kurang dari batas minimal 80%."))
            #expect(page.body.contains("3 peserta · 2 memenuhi syarat · 0 sudah dikonfirmasi lulus"))
            #expect(page.body.contains("name=\"pick[\(run.confirmed[0].id!.uuidString)]\""))
            #expect(!page.body.contains("name=\"pick[\(run.confirmed[1].id!.uuidString)]\""))
        }
    }

    @Test("confirming twice credits JP and issues a certificate exactly once")
    func confirmTwice() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app, sessions: 5)
            try await attendFiveSessions(app, run)
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            let first = try await facilitator.post(Paths.classCompletion(run.classID), form: ["action": "all"])
            #expect(first.status == .seeOther)
            let shown = try await facilitator.get(Paths.classCompletion(run.classID))
            #expect(shown.body.contains("2 peserta dinyatakan lulus"))
            #expect(shown.body.contains("Staf Kesehatan") && shown.body.contains("Guru Matematika"))
            try await facilitator.post(Paths.classCompletion(run.classID), form: ["action": "all"])
            try await facilitator.post(
                Paths.classCompletion(run.classID), form: ["action": "selected", "pick[\(run.confirmed[0].id!)]": "1"])
            #expect(try await LedgerEntry.query(on: app.db).count() == 2)
            #expect(try await Certificate.query(on: app.db).count() == 2)
            let staffEntries = try await LedgerEntry.query(on: app.db).filter(\.$employee.$id == run.city.staff.id!)
                .all()
            #expect(staffEntries.count == 1 && staffEntries.first?.jp == 24)
            #expect(try await Enrolment.find(run.confirmed[1].id!, on: app.db)?.completed == false)
        }
    }

    @Test("two confirmations fired at once still credit and certify once")
    func confirmConcurrently() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app, sessions: 5)
            try await attendFiveSessions(app, run)
            let one = try await Fixtures.browser(app, as: "fasilitator")
            let two = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let path = Paths.classCompletion(run.classID)
            async let a = one.post(path, form: ["action": "all"])
            async let b = two.post(path, form: ["action": "all"])
            let (first, second) = try await (a, b)
            #expect(first.status == .seeOther && second.status == .seeOther)
            #expect(try await LedgerEntry.query(on: app.db).count() == 2)
            #expect(try await Certificate.query(on: app.db).count() == 2)
            #expect(Set(try await Certificate.query(on: app.db).all().map(\.number)).count == 2)
        }
    }

    @Test("scores outside 0–100 or not numbers are refused with 422; good scores count")
    func scores() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(
                app, sessions: 5, requiresAssessment: true, passingScore: 70)
            try await attendFiveSessions(app, run)
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            let path = Paths.classCompletion(run.classID)
            let staff = run.confirmed[0].id!
            let teacher = run.confirmed[2].id!
            let high = try await facilitator.post(
                path, form: ["action": "scores", "score[\(staff)]": "150", "score[\(teacher)]": "90"])
            #expect(high.status == .unprocessableEntity)
            #expect(high.body.contains("Nilai ujian akhir 150 tidak valid"))
            let text = try await facilitator.post(path, form: ["action": "scores", "score[\(staff)]": "baik"])
            #expect(text.status == .unprocessableEntity)
            #expect(try await Enrolment.query(on: app.db).filter(\.$assessmentScore != nil).count() == 0)

            let saved = try await facilitator.post(
                path, form: ["action": "scores", "score[\(staff)]": "85,5", "score[\(teacher)]": "60"])
            #expect(saved.status == .seeOther)
            #expect(try await Enrolment.find(staff, on: app.db)?.assessmentScore == 85.5)
            let page = try await facilitator.get(path)
            #expect(page.body.contains("Nilai ujian akhir 60 di bawah batas lulus 70."))
            try await facilitator.post(path, form: ["action": "all"])
            #expect(try await Enrolment.find(staff, on: app.db)?.completed == true)
            #expect(try await Enrolment.find(teacher, on: app.db)?.completed == false)
            // A completed participant's score is locked.
            let locked = try await facilitator.post(path, form: ["action": "scores", "score[\(staff)]": "40"])
            #expect(locked.status == .unprocessableEntity)
            #expect(try await Enrolment.find(staff, on: app.db)?.assessmentScore == 85.5)
        }
    }

    @Test("the certificate shows to its holder and their OPD's operator, 404 to everyone else")
    func certificateAccess() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app, sessions: 5)
            try await attendFiveSessions(app, run)
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            try await facilitator.post(Paths.classCompletion(run.classID), form: ["action": "all"])
            let certificate = try await Certificate.query(on: app.db)
                .filter(\.$employee.$id == run.city.staff.id!).first()!
            let path = Paths.certificate(certificate.id!)

            let holder = try await Fixtures.browser(app, as: run.city.staff.nip)
            let page = try await holder.get(path)
            #expect(page.status == .ok)
            for text in [
                "SERTIFIKAT", certificate.number, "Staf Kesehatan", "telah mengikuti", "Kepemimpinan Pelayanan Publik",
                "Pelatihan Teknis", "24 jam pelajaran (JP)", "BKPPD Kota Kupang", "/static/certificate.css",
                Paths.verification(certificate.code), certificate.code,
            ] {
                #expect(page.body.contains(text), "certificate lacks \(text)")
            }
            #expect(try await Fixtures.browser(app, as: run.city.healthOperator.nip).get(path).status == .ok)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            #expect(try await admin.get(path).status == .ok)
            for other in [run.city.teacher.nip, run.city.supervisor.nip, run.city.educationOperator.nip] {
                #expect(try await Fixtures.browser(app, as: other).get(path).status == .notFound, "\(other)")
            }
            #expect(try await facilitator.get(path).status == .notFound)
            #expect(try await holder.get(Paths.certificate(UUID())).status == .notFound)
        }
    }

    @Test("anyone can verify a certificate without signing in; it shows the facts and no NIP")
    func verification() async throws {
        try await withLontar { app in
            let run = try await AttendanceScenario.make(app, sessions: 5)
            try await attendFiveSessions(app, run)
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            try await facilitator.post(Paths.classCompletion(run.classID), form: ["action": "all"])
            let certificate = try await Certificate.query(on: app.db)
                .filter(\.$employee.$id == run.city.staff.id!).first()!

            let visitor = Browser(app)
            let page = try await visitor.get(Paths.verification(certificate.code))
            #expect(page.status == .ok)
            for text in [
                "Sertifikat asli", "Staf Kesehatan", "Kepemimpinan Pelayanan Publik", certificate.number, "24 JP",
                "BKPPD Kota Kupang",
            ] {
                #expect(page.body.contains(text), "verification lacks \(text)")
            }
            #expect(!page.body.contains(run.city.staff.nip))
            #expect(!page.body.contains("1985"), "no birth date or NIP fragment")
            // Lower case and dashes, as people type it, find the same certificate.
            let lower = certificate.code.lowercased()
            let typed = String(lower.prefix(4)) + "-" + String(lower.dropFirst(4))
            #expect(
                try await visitor.get(Paths.verificationLookup + "?kode=" + typed).location
                    == Paths.verification(certificate.code))

            let unknown = try await visitor.get(Paths.verification("BUKANKODEASLI"))
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("Sertifikat tidak ditemukan"))
            #expect(try await visitor.get(Paths.verificationLookup).status == .ok)
        }
    }

    @Test("completion cannot be confirmed before the last session has opened, even with leave counted as attended")
    func notBeforeTheClass() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let run = try await AttendanceScenario.make(app, sessions: 2, minAttendance: 0)
            for session in run.sessions {
                try await AttendanceWriter.upsert(
                    [.init(enrolmentID: run.confirmed[0].id!, mark: .excused)], session: session.id!,
                    via: "facilitator",
                    by: nil, at: app.clock.now(), on: app.db)
            }
            let facilitator = try await Fixtures.browser(app, as: "fasilitator")
            let early = try await facilitator.post(Paths.classCompletion(run.classID), form: ["action": "all"])
            #expect(early.status == .conflict)
            #expect(early.body.contains("setelah sesi terakhir dimulai"))
            #expect(try await Enrolment.query(on: app.db).filter(\.$completed == true).count() == 0)
            #expect(try await Certificate.query(on: app.db).count() == 0)
            run.moveClock(clock, toSession: 1, offset: 60)
            let onTime = try await Fixtures.browser(app, as: "fasilitator")
            #expect(
                try await onTime.post(Paths.classCompletion(run.classID), form: ["action": "all"]).status == .seeOther)
            #expect(try await Certificate.query(on: app.db).count() > 0)
        }
    }
}
