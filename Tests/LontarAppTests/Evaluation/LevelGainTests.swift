import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("L2 settings and learning gain")
struct LevelGainTests {
    /// An e-learning programme with a pre- and post-test and three participants:
    /// A 40 → 90 (best of 70 and 90; a second pre-test of 80 does not count),
    /// B 50 → 40 (fell), C 60 and no post-test (not counted).
    private func scored(_ app: Application) async throws -> (Programme, Quiz, Quiz, [Employee]) {
        let city = try await Fixtures.city(app)
        let (programme, course) = try await ELearningFixtures.course(app, organiser: city.health)
        let pre = try await ELearningFixtures.quiz(app, course, title: "Pre-test")
        let post = try await ELearningFixtures.quiz(app, course, title: "Post-test")
        let trainingClass = try #require(try await TrainingClass.find(course.$trainingClass.id, on: app.db))
        let people = [city.staff, city.teacher, city.supervisor]
        for person in people { try await TrainingFixtures.enrolment(app, person, in: trainingClass) }
        let (a, b, c) = (people[0], people[1], people[2])
        try await LevelFixtures.attempt(app, quiz: pre, a, number: 1, percent: 40)
        try await LevelFixtures.attempt(app, quiz: pre, a, number: 2, percent: 80)
        try await LevelFixtures.attempt(app, quiz: post, a, number: 1, percent: 70)
        try await LevelFixtures.attempt(app, quiz: post, a, number: 2, percent: 90)
        try await LevelFixtures.attempt(app, quiz: post, a, number: 3, percent: nil, finished: false)
        try await LevelFixtures.attempt(app, quiz: pre, b, number: 1, percent: 50)
        try await LevelFixtures.attempt(app, quiz: post, b, number: 1, percent: 40)
        try await LevelFixtures.attempt(app, quiz: pre, c, number: 1, percent: 60)
        return (programme, pre, post, people)
    }

    @Test("pre = first finished attempt, post = best; gains and the class's normalised gain, hand-checked")
    func gainNumbers() async throws {
        try await withLontar { app in
            let (programme, pre, post, people) = try await scored(app)
            let report = try await LearningGainReport.load(
                programmeID: try programme.requireID(), pre: pre.id, post: post.id, on: app.db)
            let a = try #require(report.participants.first { $0.employeeID == people[0].id })
            #expect(a.pre == 40)
            #expect(a.post == 90)
            #expect(abs((a.pair?.normalisedGain ?? 0) - 50.0 / 60.0) < 1e-9)
            let b = try #require(report.participants.first { $0.employeeID == people[1].id })
            #expect(b.pair?.fell == true)
            #expect(report.participants.first { $0.employeeID == people[2].id }?.pair == nil)
            // Means 45 → 65: (65 − 45) / (100 − 45) = 0.3636…
            #expect(report.programme.pairs == 2)
            #expect(report.programme.meanPre == 45)
            #expect(report.programme.meanPost == 65)
            #expect(abs((report.programme.normalisedGain ?? 0) - 20.0 / 55.0) < 1e-9)
            #expect(report.classes.count == 1)
            #expect(report.programme.fell == [try people[1].requireID().uuidString])
        }
    }

    @Test("an evaluator chooses the tests and the L3 timing, then sees the gain page")
    func settingsAndPage() async throws {
        try await withLontar { app in
            let (programme, pre, post, _) = try await scored(app)
            let id = try programme.requireID()
            let admin = try await LevelFixtures.admin(app)
            #expect(try await admin.get(Paths.programmeEvaluationSettings(id)).status == .ok)
            let saved = try await admin.post(
                Paths.programmeEvaluationSettings(id),
                form: [
                    "preQuiz": try pre.requireID().uuidString, "postQuiz": try post.requireID().uuidString,
                    "delayMonths": "6", "windowDays": "45", "reminderDays": "10",
                ])
            #expect(saved.status == .seeOther)
            let row = try #require(try await ProgrammeEvaluation.query(on: app.db).first())
            #expect(row.$preQuiz.id == pre.id)
            #expect(row.behaviourDelayMonths == 6)
            let page = try await admin.get(Paths.programmeGain(id))
            #expect(page.status == .ok)
            #expect(page.body.contains("0,36"))
            #expect(page.body.contains("0,83"))
            #expect(page.body.contains("-0,20"))
            #expect(page.body.contains("Sedang"))
            #expect(page.body.contains("Nilai turun"))
        }
    }

    @Test("bad settings are refused with the reason and nothing is stored")
    func badSettings() async throws {
        try await withLontar { app in
            let (programme, pre, _, _) = try await scored(app)
            let (_, otherCourse) = try await ELearningFixtures.course(app, title: "Kursus Lain")
            let foreign = try await ELearningFixtures.quiz(app, otherCourse)
            let id = try programme.requireID()
            let admin = try await LevelFixtures.admin(app)
            let tooSoon = try await admin.post(
                Paths.programmeEvaluationSettings(id),
                form: [
                    "preQuiz": try pre.requireID().uuidString, "delayMonths": "0", "windowDays": "30",
                    "reminderDays": "7",
                ])
            #expect(tooSoon.status == .unprocessableEntity)
            #expect(tooSoon.body.contains("1 sampai 24 bulan"))
            let wrongQuiz = try await admin.post(
                Paths.programmeEvaluationSettings(id),
                form: [
                    "preQuiz": try foreign.requireID().uuidString, "delayMonths": "3", "windowDays": "30",
                    "reminderDays": "7",
                ])
            #expect(wrongQuiz.status == .unprocessableEntity)
            #expect(wrongQuiz.body.contains("kuis dari kursus pelatihan ini"))
            let reminder = try await admin.post(
                Paths.programmeEvaluationSettings(id),
                form: ["delayMonths": "3", "windowDays": "10", "reminderDays": "abc"])
            #expect(reminder.status == .unprocessableEntity)
            #expect(try await ProgrammeEvaluation.query(on: app.db).count() == 0)
        }
    }

    @Test("only the programme's evaluators reach its settings and gain pages")
    func authorisation() async throws {
        try await withLontar { app in
            let (programme, _, _, people) = try await scored(app)
            let id = try programme.requireID()
            let own = try await Fixtures.browser(app, as: Fixtures.nip(1))
            #expect(try await own.get(Paths.programmeGain(id)).status == .ok)
            for identifier in [Fixtures.nip(2), people[0].nip, people[2].nip] {
                let browser = try await Fixtures.browser(app, as: identifier)
                #expect(try await browser.get(Paths.programmeEvaluationSettings(id)).status == .forbidden)
                #expect(try await browser.get(Paths.programmeGain(id)).status == .forbidden)
                let post = try await browser.post(
                    Paths.programmeEvaluationSettings(id),
                    form: ["delayMonths": "4", "windowDays": "30", "reminderDays": "7"])
                #expect(post.status == .forbidden)
            }
            #expect(try await ProgrammeEvaluation.query(on: app.db).count() == 0)
        }
    }
}
