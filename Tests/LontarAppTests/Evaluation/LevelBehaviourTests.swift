import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("L3 follow-up: surveys to alumni and supervisors on a moved clock")
struct LevelBehaviourTests {
    static let day: TimeInterval = 86_400

    private func completed(_ app: Application, _ city: Fixtures.City) async throws -> Programme {
        let programme = try await TrainingFixtures.programme(app, organiser: city.health)
        let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme, daysFromNow: 0)
        for person in [city.staff, city.teacher] {
            let enrolment = try await TrainingFixtures.enrolment(app, person, in: trainingClass)
            enrolment.completed = true
            enrolment.completedAt = app.clock.now()
            try await enrolment.save(on: app.db)
        }
        return programme
    }

    private func run(_ app: Application) async throws -> BehaviourFollowUp.Outcome {
        try await BehaviourFollowUp.run(on: app, today: CityTime.today(app.clock))
    }

    @Test("three months after completion alumnus and supervisor are asked, reminded weekly, until answered or closed")
    func schedule() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            let programme = try await completed(app, city)
            #expect(try await run(app) == BehaviourFollowUp.Outcome())
            clock.advance(80 * Self.day)
            #expect(try await run(app) == BehaviourFollowUp.Outcome())
            #expect(try await SurveyInvitation.query(on: app.db).count() == 0)

            // 18 November + 3 months = 18 February: 92 days.
            clock.advance(12 * Self.day)
            #expect(try await run(app) == BehaviourFollowUp.Outcome(sent: 3, reminded: 0))
            let invitations = try await SurveyInvitation.query(on: app.db).all()
            #expect(invitations.count == 3)
            let staffID = try city.staff.requireID()
            let toSupervisor = try #require(invitations.first { $0.$employee.id == city.supervisor.id })
            #expect(toSupervisor.$about.id == staffID)
            let toStaff = try #require(invitations.first { $0.$employee.id == staffID })
            #expect(toStaff.$about.id == nil)
            #expect(toStaff.closesOn == "2027-03-19")
            // The teacher has no supervisor: only they are asked.
            #expect(invitations.filter { $0.$employee.id == city.teacher.id }.count == 1)
            let surveys = try await Survey.query(on: app.db).all()
            #expect(Set(surveys.map(\.level)) == ["behaviourAlumnus", "behaviourSupervisor"])
            #expect(surveys.allSatisfy { !$0.anonymous && $0.status == "open" && $0.$programme.id == programme.id })
            let notes = try await InAppNotification.query(on: app.db).all()
            #expect(notes.count == 3)
            #expect(notes.contains { $0.messageKey == "evaluation.notify.l3.supervisor" })
            // Each notice opens its own invitation's form (a supervisor may be asked about several alumni).
            let toSupervisorNote = try #require(notes.first { $0.messageKey == "evaluation.notify.l3.supervisor" })
            #expect(toSupervisorNote.link == Paths.survey(toSupervisor.$survey.id, invitation: toSupervisor.id!))

            // Twice on one day changes nothing.
            #expect(try await run(app) == BehaviourFollowUp.Outcome())
            #expect(try await SurveyInvitation.query(on: app.db).count() == 3)
            #expect(try await InAppNotification.query(on: app.db).count() == 3)
            #expect(try await Survey.query(on: app.db).count() == 2)

            clock.advance(6 * Self.day)
            #expect(try await run(app) == BehaviourFollowUp.Outcome())
            clock.advance(1 * Self.day)
            #expect(try await run(app) == BehaviourFollowUp.Outcome(sent: 0, reminded: 3))
            #expect(
                try await InAppNotification.query(on: app.db).filter(
                    \.$messageKey == "evaluation.notify.l3.alumnus.reminder"
                ).count() == 2)

            toStaff.answered = true
            try await toStaff.save(on: app.db)
            clock.advance(7 * Self.day)
            #expect(try await run(app) == BehaviourFollowUp.Outcome(sent: 0, reminded: 2))

            // The window (30 days from 18 February) closes on 19 March.
            clock.advance(30 * Self.day)
            #expect(try await run(app) == BehaviourFollowUp.Outcome())
        }
    }

    @Test("the programme's own delay applies, and a closed survey stops the reminders")
    func programmeSettingsAndClosedSurvey() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            let programme = try await completed(app, city)
            let settings = ProgrammeEvaluation()
            settings.$programme.id = try programme.requireID()
            settings.behaviourDelayMonths = 1
            settings.behaviourWindowDays = 14
            settings.behaviourReminderDays = 3
            try await settings.save(on: app.db)
            clock.advance(30 * Self.day)
            #expect(try await run(app) == BehaviourFollowUp.Outcome(sent: 3, reminded: 0))
            try await Survey.query(on: app.db).set(\.$status, to: "closed").update()
            clock.advance(3 * Self.day)
            #expect(try await run(app) == BehaviourFollowUp.Outcome())
        }
    }

    @Test("the daily job claims the day: a second instance on the same day does nothing")
    func dailyClaim() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            _ = try await completed(app, city)
            clock.advance(92 * Self.day)
            await BehaviourFollowUpJob.runIfUnclaimed(app)
            #expect(try await SurveyInvitation.query(on: app.db).count() == 3)
            // Someone answers; the other instance's attempt must not even look.
            try await SurveyInvitation.query(on: app.db).delete()
            await BehaviourFollowUpJob.runIfUnclaimed(app)
            #expect(try await SurveyInvitation.query(on: app.db).count() == 0)
        }
    }

    @Test("a supervisor sees their own staff's L3 status; others are refused")
    func staffPage() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            let programme = try await completed(app, city)
            clock.advance(92 * Self.day)
            _ = try await run(app)
            let boss = try await Fixtures.browser(app, as: city.supervisor.nip)
            let page = try await boss.get(Paths.staffEvaluation)
            #expect(page.status == .ok)
            #expect(page.body.contains("Staf Kesehatan"))
            #expect(page.body.contains(programme.title))
            #expect(page.body.contains("belum mengisi"))

            let other = try await Fixtures.employee(app, 40, agency: city.education, name: "Kepala Sekolah")
            try await Fixtures.employee(app, 41, agency: city.education, supervisor: other, name: "Wakil Kepala")
            try await Fixtures.account(app, for: other)
            let otherPage = try await Fixtures.browser(app, as: other.nip).get(Paths.staffEvaluation)
            #expect(otherPage.status == .ok)
            #expect(!otherPage.body.contains("Staf Kesehatan"))
            #expect(otherPage.body.contains("Wakil Kepala"))

            let noStaff = try await Fixtures.browser(app, as: city.teacher.nip).get(Paths.staffEvaluation)
            #expect(noStaff.status == .forbidden)
            let anonymous = try await Browser(app).get(Paths.staffEvaluation)
            #expect(anonymous.status != .ok)
        }
    }

    @Test("the supervisor reads the alumnus's answers to the (non-anonymous) L3 survey")
    func staffAnswers() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            _ = try await completed(app, city)
            clock.advance(92 * Self.day)
            _ = try await run(app)
            let survey = try #require(
                try await Survey.query(on: app.db).filter(\.$level == "behaviourAlumnus").first())
            let definition = try JSONDecoder().decode(SurveyDefinition.self, from: Data(survey.definition.utf8))
            let item = try #require(definition.items.first { $0.likertPoints != nil })
            // A multiple choice writes a row per option; the page shows one line with both.
            let obstacles = try #require(definition.items.first { $0.kind == .multiple })
            try await EvaluationFixtures.response(
                app, survey, on: "2027-02-20", by: city.staff,
                [
                    .scale(item.key, aspect: item.aspect, 3, points: try #require(item.likertPoints)),
                    .choice(obstacles.key, aspect: obstacles.aspect, 2),
                    .choice(obstacles.key, aspect: obstacles.aspect, 0),
                ])
            try await SurveyInvitation.query(on: app.db).filter(\.$employee.$id == city.staff.id!)
                .set(\.$answered, to: true).update()
            // What the staff member answered as a supervisor themself, about their own staff, is not
            // their supervisor's to read.
            let supervisorSurvey = try #require(
                try await Survey.query(on: app.db).filter(\.$level == "behaviourSupervisor").first())
            try await EvaluationFixtures.response(
                app, supervisorSurvey, on: "2027-02-21", by: city.staff, about: city.teacher,
                [.text("kebutuhan.lanjut", aspect: "kebutuhan", "Jawaban tentang bawahannya sendiri")])
            let page = try await Fixtures.browser(app, as: city.supervisor.nip).get(Paths.staffEvaluation)
            #expect(page.status == .ok)
            #expect(!page.body.contains("Jawaban tentang bawahannya sendiri"))
            #expect(page.body.contains("sudah mengisi"))
            #expect(page.body.contains("3/\(item.likertPoints ?? 0)"))
            let joined = "\(obstacles.options[0]), \(obstacles.options[2])"
            #expect(page.body.contains("<dd>\(joined)</dd>"))
            // The questionnaire's order: the Likert item comes before the obstacles.
            let likertAt = try #require(page.body.range(of: item.prompt)?.lowerBound)
            let obstaclesAt = try #require(page.body.range(of: obstacles.prompt)?.lowerBound)
            #expect(likertAt < obstaclesAt)
        }
    }
}
