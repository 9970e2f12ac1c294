import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Surveys: the L1 invitation when a class or course is completed")
struct SurveyTriggerTests {
    @Test("a confirmed class completion invites the participant to the class's reaction survey, once, with a notice")
    func classCompletion() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 2)
            // The programme-wide survey loses to the class's own.
            try await world.survey(app, anonymous: true)
            let classSurvey = try await world.survey(app, anonymous: true, forClass: true)
            try await world.survey(app, anonymous: true, status: "draft", forClass: true)
            let request = Request(application: app, on: app.eventLoopGroup.any())
            let credit = JPCredit(jp: 24, ruleYear: 2026, ruleVersion: 1, explanation: LocalizableMessage("x"))
            let today = CityTime.today(app.clock)
            for _ in 0..<2 {
                _ = try await CompletionRecorder.record(
                    enrolmentID: world.enrolments[0].id!, employee: world.city.staff, programme: world.programme,
                    credit: credit, start: today, end: today, organiser: "BKPPD", source: "class", request: request)
            }
            let invitations = try await SurveyInvitation.query(on: app.db).all()
            #expect(invitations.count == 1)
            #expect(invitations.first?.$survey.id == classSurvey.id)
            #expect(invitations.first?.$employee.id == world.city.staff.id)
            #expect(invitations.first?.enrolmentID == world.enrolments[0].id)
            let account = try #require(
                try await UserAccount.query(on: app.db).filter(\.$employee.$id == world.city.staff.id!).first())
            let notes = try await InAppNotification.query(on: app.db).filter(\.$user.$id == account.id!)
                .filter(\.$messageKey == "survey.notify.invited").all()
            #expect(notes.count == 1)
            #expect(notes.first?.link == Paths.survey(classSurvey.id!, invitation: invitations[0].id!))
            let staff = try await world.browser(app, world.city.staff)
            let mine = try await staff.get(Paths.mySurveys)
            #expect(mine.body.contains(Paths.survey(classSurvey.id!)))
            #expect(try await staff.get(Paths.survey(classSurvey.id!)).status == .ok)
        }
    }

    @Test("no open reaction survey: completion still works and invites nobody")
    func noSurvey() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 1)
            try await world.survey(app, status: "closed")
            try await world.survey(app, level: .behaviourAlumnus)
            let request = Request(application: app, on: app.eventLoopGroup.any())
            let credit = JPCredit(jp: 24, ruleYear: 2026, ruleVersion: 1, explanation: LocalizableMessage("x"))
            let today = CityTime.today(app.clock)
            let done = try await CompletionRecorder.record(
                enrolmentID: world.enrolments[0].id!, employee: world.city.staff, programme: world.programme,
                credit: credit, start: today, end: today, organiser: "BKPPD", source: "class", request: request)
            #expect(done)
            #expect(try await SurveyInvitation.query(on: app.db).count() == 0)
            #expect(try await Certificate.query(on: app.db).count() == 1)
        }
    }

    @Test("completing an online course invites the learner to the programme's reaction survey")
    func courseCompletion() async throws {
        try await withLontar { app in
            defer { try? FileManager.default.removeItem(atPath: app.settings.dataDirectory) }
            let city = try await Fixtures.city(app)
            let (programme, course) = try await ELearningFixtures.course(app, organiser: city.health)
            let section = try await ELearningFixtures.section(app, course)
            let lesson = try await ELearningFixtures.lesson(app, section, title: "Satu-satunya", position: 1)
            _ = try await CourseEnrolments.enrol(
                employeeID: city.staff.requireID(), in: course, assignedBy: nil, now: app.clock.now(), on: app.db)
            let survey = Survey()
            survey.$programme.id = programme.id!
            survey.level = SurveyLevel.reaction.rawValue
            survey.title = "Reaksi Kursus"
            survey.definition = try SurveyStore.encode(SurveyTemplate.reaction.definition)
            survey.anonymous = true
            survey.status = "open"
            survey.createdBy = UUID()
            survey.createdAt = app.clock.now()
            try await survey.save(on: app.db)
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            _ = try await staff.post(Paths.lessonDone(lesson.id!), form: [:])
            #expect(try await Certificate.query(on: app.db).count() == 1)
            let invitation = try #require(try await SurveyInvitation.query(on: app.db).first())
            #expect(invitation.$survey.id == survey.id)
            #expect(invitation.$employee.id == city.staff.id)
            // The course's backing class is where the answers belong.
            let form = try await staff.get(Paths.survey(survey.id!))
            #expect(form.status == .ok)
            #expect(form.body.contains("Materi sesuai dengan kebutuhan tugas saya."))
        }
    }
}
