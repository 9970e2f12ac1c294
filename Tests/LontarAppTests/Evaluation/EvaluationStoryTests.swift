import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// Issue 5's "done when", walked through the pages with a moved clock: a workshop ends,
/// participants answer the reaction survey on their phones, pre/post scores give a gain,
/// three months later alumnus and supervisor get the L3 survey, an evaluator records an
/// interview, and BKPPD's comparison page judges the programme.
@Suite("Evaluation story: from the end of a workshop to BKPPD's comparison")
struct EvaluationStoryTests {
    @Test("a workshop ends, L1 answered on phones, L2 gain, L3 after three months, an interview, a verdict")
    func story() async throws {
        // 1 March 2026 (WITA): the whole story stays in one year.
        let clock = TestClock(Date(timeIntervalSince1970: 1_772_323_200))
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(
                app, title: "Lokakarya Pelayanan Prima", organiser: city.health)
            let programmeID = try programme.requireID()
            let workshop = try await TrainingFixtures.trainingClass(app, programme: programme, sessions: 2)
            let classID = try workshop.requireID()
            let facilitator = try await TrainingFixtures.facilitator(app, for: workshop)
            var participants = [city.staff]
            for n in 0..<4 {
                let person = try await Fixtures.employee(
                    app, 30 + n, agency: city.health, supervisor: city.supervisor, name: "Peserta \(n + 1)")
                try await Fixtures.account(app, for: person)
                participants.append(person)
            }
            var enrolments: [Enrolment] = []
            for person in participants {
                enrolments.append(try await TrainingFixtures.enrolment(app, person, in: workshop))
            }

            // BKPPD builds the reaction survey for the class from the template and opens it.
            let builder = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let made = try await builder.post(
                Paths.surveyNew(programme: programmeID),
                form: [
                    "title": "Reaksi Lokakarya Pelayanan Prima", "level": "reaction", "template": "reaction",
                    "classID": classID.uuidString, "anonymous": "1",
                ])
            #expect(made.status == .seeOther)
            let survey = try #require(try await Survey.query(on: app.db).first())
            let surveyID = try survey.requireID()
            #expect(try await builder.post(Paths.surveyStatus(surveyID), form: ["status": "open"]).status == .seeOther)

            // The workshop days pass; everyone attends; the facilitator confirms completion.
            clock.advance(16 * 86_400)
            for session in try await TrainingFixtures.sessions(app, of: workshop) {
                for enrolment in enrolments {
                    let mark = AttendanceRecord()
                    mark.$session.id = try session.requireID()
                    mark.$enrolment.id = try enrolment.requireID()
                    mark.mark = "present"
                    mark.via = "facilitator"
                    mark.markedBy = facilitator.id
                    mark.markedAt = session.endsAt
                    try await mark.save(on: app.db)
                }
            }
            let runner = Browser(app)
            #expect(try await runner.signIn(facilitator.username, Fixtures.password).status == .seeOther)
            #expect(try await runner.post(Paths.classCompletion(classID), form: ["action": "all"]).status == .seeOther)
            #expect(try await Enrolment.query(on: app.db).filter(\.$completed == true).count() == 5)

            // Completion invited every participant to the survey.
            let invitations = try await SurveyInvitation.query(on: app.db).filter(\.$survey.$id == surveyID).all()
            #expect(Set(invitations.map { $0.$employee.id }) == Set(participants.compactMap(\.id)))

            // Four of the five answer on their phones.
            let items = SurveyTemplate.reaction.definition.items
            for person in participants.prefix(4) {
                let phone = try await Fixtures.browser(app, as: person.nip)
                let form = try await phone.get(Paths.survey(surveyID))
                #expect(form.status == .ok)
                #expect(form.body.contains("Materi sesuai dengan kebutuhan tugas saya."))
                var answers: [String: String] = [:]
                for (index, item) in items.enumerated() {
                    switch item.kind {
                    case .likert4: answers["i\(index)"] = "4"
                    case .facilitatorRating: answers["r\(index).\(facilitator.id!.uuidString)"] = "5"
                    case .text: answers["i\(index)"] = "Studi kasus sangat membantu."
                    default: break
                    }
                }
                #expect(try await phone.post(Paths.surveyAnswer(surveyID), form: answers).status == .seeOther)
            }
            #expect(try await SurveyResponse.query(on: app.db).filter(\.$survey.$id == surveyID).count() == 4)
            // Two weeks passed: BKPPD signs in again (sessions end after 12 idle hours).
            var evaluator = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let results = try await evaluator.get(Paths.surveyResults(surveyID))
            #expect(results.status == .ok)
            #expect(results.body.contains("4 dari 5 yang diundang menjawab (80%)"))
            // The fifth answers later: five answers lift the anonymity threshold for the reports.
            let last = try await Fixtures.browser(app, as: participants[4].nip)
            var lastAnswers: [String: String] = [:]
            for (index, item) in items.enumerated() {
                switch item.kind {
                case .likert4: lastAnswers["i\(index)"] = "3"
                case .facilitatorRating: lastAnswers["r\(index).\(facilitator.id!.uuidString)"] = "4"
                default: break
                }
            }
            #expect(try await last.post(Paths.surveyAnswer(surveyID), form: lastAnswers).status == .seeOther)
            #expect(
                try await evaluator.get(Paths.surveyResults(surveyID)).body.contains(
                    "5 dari 5 yang diundang menjawab (100%)"))

            // L2: the programme's online part has a pre- and a post-test; the evaluator picks them.
            let course = try await CourseEnrolments.create(
                title: "Materi Daring Pelayanan Prima", summary: "", openEnrolment: true, programme: programme,
                by: UUID(), on: app.db)
            let pre = try await ELearningFixtures.quiz(app, course, title: "Pre-test")
            let post = try await ELearningFixtures.quiz(app, course, title: "Post-test")
            let settings = try await evaluator.post(
                Paths.programmeEvaluationSettings(programmeID),
                form: [
                    "preQuiz": try pre.requireID().uuidString, "postQuiz": try post.requireID().uuidString,
                    "delayMonths": "3", "windowDays": "30", "reminderDays": "7",
                ])
            #expect(settings.status == .seeOther)
            // Everyone 40 → 70: each gains (70 − 40) / (100 − 40) = 0.5, and so does the class.
            for person in participants {
                try await EvaluationFixtures.attempt(
                    app, pre, person, number: 1, percent: 40, finishedAt: clock.now().addingTimeInterval(-86_400 * 20))
                try await EvaluationFixtures.attempt(app, post, person, number: 1, percent: 70, finishedAt: clock.now())
            }
            let gain = try await evaluator.get(Paths.programmeGain(programmeID))
            #expect(gain.status == .ok)
            #expect(gain.body.contains("0,50"))

            // Three months later the follow-up asks alumni and, separately, their supervisor.
            clock.advance(92 * 86_400)
            let outcome = try await BehaviourFollowUp.run(on: app, today: CityTime.today(app.clock))
            #expect(outcome.sent == 10)
            let alumnusSurvey = try #require(
                try await Survey.query(on: app.db).filter(\.$programme.$id == programmeID)
                    .filter(\.$level == SurveyLevel.behaviourAlumnus.rawValue).first())
            let supervisorSurvey = try #require(
                try await Survey.query(on: app.db).filter(\.$programme.$id == programmeID)
                    .filter(\.$level == SurveyLevel.behaviourSupervisor.rawValue).first())
            let staffInvitation = try await SurveyInvitation.query(on: app.db)
                .filter(\.$survey.$id == alumnusSurvey.requireID()).filter(\.$employee.$id == city.staff.requireID())
                .count()
            #expect(staffInvitation == 1)
            let bossInvitation = try await SurveyInvitation.query(on: app.db)
                .filter(\.$survey.$id == supervisorSurvey.requireID())
                .filter(\.$employee.$id == city.supervisor.requireID()).filter(\.$about.$id == city.staff.requireID())
                .count()
            #expect(bossInvitation == 1)
            let staffPhone = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await staffPhone.get(Paths.mySurveys).body.contains(Paths.survey(alumnusSurvey.requireID())))
            let bossPhone = try await Fixtures.browser(app, as: city.supervisor.nip)
            evaluator = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            #expect(try await bossPhone.get(Paths.survey(supervisorSurvey.requireID())).status == .ok)

            // An evaluator records an interview with the staff member's supervisor.
            let interview = try await evaluator.post(
                Paths.programmeInterviews(programmeID),
                form: [
                    "heldOn": CityTime.today(app.clock).iso, "nip": city.supervisor.nip, "role": "supervisor",
                    "questions": "Apa yang berubah di loket sejak lokakarya?",
                    "findings": "Antrean lebih tertib; SOP baru dipakai.",
                    "needs": "Pelatihan lanjutan pengelolaan pengaduan",
                ])
            #expect(interview.status == .seeOther)
            let recorded = try #require(
                try await EvaluationInterview.query(on: app.db).filter(\.$programme.$id == programmeID).first())
            #expect(recorded.$employee.id == city.supervisor.id)
            #expect(recorded.findings == "Antrean lebih tertib; SOP baru dipakai.")

            // BKPPD's comparison lists the programme with its verdict: liked and learnt, so keep it.
            let year = CityTime.today(app.clock).year
            #expect(year == 2026)
            let page = try await evaluator.get(Paths.evaluationComparison + "?year=\(year)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Lokakarya Pelayanan Prima"))
            let rows = try await ComparisonController.rows(year: year, on: app.db)
            let row = try #require(rows.first { $0.programmeID == programmeID })
            #expect(row.report.reaction.responses == 5)
            #expect(row.report.gain.pairs == 5)
            #expect(row.verdict.verdict == .keep)
            let csv = try await evaluator.get(Paths.evaluationComparisonCSV + "?year=\(year)").body
            #expect(csv.contains("Lokakarya Pelayanan Prima,\(year),Pertahankan"))
        }
    }
}
