import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Home page: notices, surveys and plans waiting for this person")
struct EvaluationHomeTasksTests {
    @Test("after a completed class the home page points to the notices, the reaction survey and the plan to write")
    func waitingTasks() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 1)
            let survey = try await world.survey(app, anonymous: true)
            let request = Request(application: app, on: app.eventLoopGroup.any())
            let credit = JPCredit(jp: 24, ruleYear: 2026, ruleVersion: 1, explanation: LocalizableMessage("x"))
            let today = CityTime.today(app.clock)
            _ = try await CompletionRecorder.record(
                enrolmentID: world.enrolments[0].id!, employee: world.participants[0], programme: world.programme,
                credit: credit, start: today, end: today, organiser: "BKPPD", source: "class", request: request)
            let person = try await world.browser(app, world.participants[0])
            let home = try await person.get(Paths.home)
            #expect(home.body.contains("Notifikasi baru"))
            #expect(home.body.contains("3 notifikasi belum dibaca."))
            #expect(home.body.contains("Survei menunggu jawaban Anda"))
            #expect(home.body.contains(Paths.mySurveys))
            #expect(home.body.contains(Paths.actionPlan(world.enrolments[0].id!)))
            // The notices come before everything else on the page.
            let cards = try #require(home.body.range(of: "<ul class=\"cards\">")?.upperBound)
            #expect(home.body[cards...].contains("<strong>Notifikasi baru</strong>"))
            let firstCard = try #require(home.body[cards...].range(of: "<strong>")?.upperBound)
            #expect(home.body[firstCard...].hasPrefix("Notifikasi baru"))

            // Opening a notice marks it read and leads to its link; someone else's is not found.
            let account = try #require(
                try await UserAccount.query(on: app.db).filter(\.$employee.$id == world.participants[0].id!).first())
            let note = try #require(
                try await InAppNotification.query(on: app.db).filter(\.$user.$id == account.id!)
                    .filter(\.$messageKey == "survey.notify.invited").first())
            let inbox = try await person.get(Paths.notifications)
            #expect(inbox.body.contains(Paths.notification(note.id!)))
            let opened = try await person.get(Paths.notification(note.id!))
            #expect(opened.status == .seeOther)
            #expect(opened.location?.hasPrefix(Paths.survey(survey.id!) + "?undangan=") == true)
            #expect(try await InAppNotification.find(note.id!, on: app.db)?.read == true)
            let stranger = try await world.browser(app, world.city.teacher)
            #expect(try await stranger.get(Paths.notification(note.id!)).status == .notFound)

            // Plan written and survey answered: neither is asked for any more.
            #expect(
                try await person.post(
                    Paths.actionPlan(world.enrolments[0].id!),
                    form: ["goal": "Tujuan", "activity1": "Langkah", "due1": today.adding(days: 30).iso]
                ).status == .seeOther)
            _ = try await person.post(Paths.surveyAnswer(survey.id!), form: world.form())
            let after = try await person.get(Paths.home)
            #expect(!after.body.contains("Survei menunggu jawaban Anda"))
            #expect(!after.body.contains("Tulis rencana aksi"))
        }
    }

    @Test("a facilitator's home page lists their classes to come, not cancelled or long-finished ones, nobody else's")
    func facilitatorClasses() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(
                app, title: "Lokakarya Pelayanan", organiser: city.health)
            let soon = try await TrainingFixtures.trainingClass(
                app, programme: programme, daysFromNow: 3, name: "Angkatan Dua")
            let cancelled = try await TrainingFixtures.trainingClass(
                app, programme: programme, daysFromNow: 5, status: "cancelled", name: "Angkatan Batal")
            let past = try await TrainingFixtures.trainingClass(
                app, programme: programme, daysFromNow: -12, name: "Angkatan Lama")
            let facilitator = try await TrainingFixtures.facilitator(app, for: soon)
            for other in [cancelled, past] {
                let link = ClassFacilitator()
                link.$trainingClass.id = other.id!
                link.$user.id = facilitator.id!
                try await link.save(on: app.db)
            }
            let home = try await Fixtures.browser(app, as: facilitator.username).get(Paths.home)
            #expect(home.body.contains("Kelas Anda: Lokakarya Pelayanan — Angkatan Dua"))
            #expect(home.body.contains(Paths.trainingClass(soon.id!)))
            #expect(!home.body.contains("Angkatan Batal"))
            #expect(!home.body.contains("Angkatan Lama"))
            let staffHome = try await Fixtures.browser(app, as: city.staff.nip).get(Paths.home)
            #expect(!staffHome.body.contains("Kelas Anda:"))
        }
    }
}
