import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// The evaluation part of `lontar demo`: surveys, answers, an interview and an indicator that
/// give BKPPD's comparison page programmes to keep, to improve and to redesign.
@Suite("Demo evaluation: surveys, answers and verdicts")
struct DemoEvaluationTests {
    static func counts(_ app: Application) async throws -> [Int] {
        [
            try await Survey.query(on: app.db).count(), try await SurveyInvitation.query(on: app.db).count(),
            try await SurveyResponse.query(on: app.db).count(), try await SurveyAnswerRow.query(on: app.db).count(),
            try await EvaluationInterview.query(on: app.db).count(),
            try await ResultIndicator.query(on: app.db).count(),
        ]
    }

    @Test("the demo loads evaluation data once, and the comparison page ranks keep, improve and redesign")
    func demoEvaluation() async throws {
        try await withLontar { app in
            defer { try? FileManager.default.removeItem(atPath: app.settings.dataDirectory) }
            _ = try await DemoLoader.load(into: app)
            let counts = try await Self.counts(app)
            let summary = try await DemoLoader.load(into: app)
            #expect(try await Self.counts(app) == counts, "a second run duplicates nothing")
            #expect(summary.contains("Evaluation:"))

            // Six reaction surveys (three anonymous), L3 for three programmes on both sides.
            let surveys = try await Survey.query(on: app.db).all()
            let reaction = surveys.filter { $0.level == SurveyLevel.reaction.rawValue }
            #expect(reaction.count == 6)
            #expect(reaction.filter(\.anonymous).count == 3)
            #expect(surveys.filter { $0.level == SurveyLevel.behaviourAlumnus.rawValue }.count == 3)
            #expect(surveys.filter { $0.level == SurveyLevel.behaviourSupervisor.rawValue }.count == 3)
            #expect(surveys.filter { $0.level != SurveyLevel.reaction.rawValue }.allSatisfy { !$0.anonymous })
            for survey in reaction {
                let responses = try await SurveyResponse.query(on: app.db).filter(\.$survey.$id == survey.id!).all()
                #expect((8...25).contains(responses.count), "\(survey.id!)")
                // Anonymous answers name no one.
                if survey.anonymous { #expect(responses.allSatisfy { $0.$respondent.id == nil }) }
                let invited = try await SurveyInvitation.query(on: app.db).filter(\.$survey.$id == survey.id!).all()
                #expect(invited.filter(\.answered).count == responses.count)
                #expect(invited.count > responses.count, "some have not answered: the rate is below 100%")
            }
            // Everything answered this year (WITA), so the page of the year shows it.
            let year = CityTime.today(app.clock).year
            let days = try await SurveyResponse.query(on: app.db).all().map(\.submittedOn)
            #expect(days.allSatisfy { $0.hasPrefix("\(year)-") && $0 <= CityTime.today(app.clock).iso })
            // Supervisors answer about an alumnus.
            let supervisorSurvey = try #require(
                surveys.first { $0.level == SurveyLevel.behaviourSupervisor.rawValue })
            let supervisorAnswers = try await SurveyResponse.query(on: app.db)
                .filter(\.$survey.$id == supervisorSurvey.id!).all()
            #expect(!supervisorAnswers.isEmpty && supervisorAnswers.allSatisfy { $0.$about.id != nil })
            #expect(try await EvaluationInterview.query(on: app.db).count() == 1)
            #expect(try await ResultIndicator.query(on: app.db).filter(\.$year == year).count() == 1)

            // The verdicts: what works, what needs a fix, what needs redesign.
            let rows = try await ComparisonController.rows(year: year, on: app.db)
            let verdicts = Dictionary(rows.map { ($0.title, $0.verdict.verdict) }, uniquingKeysWith: { a, _ in a })
            #expect(verdicts["Lokakarya Kepemimpinan Pelayanan Publik"] == .keep)
            #expect(verdicts["Komunikasi Efektif di Tempat Kerja"] == .keep)
            #expect(verdicts["Manajemen Waktu dan Prioritas Kerja"] == .improve)
            #expect(verdicts["Etika dan Integritas ASN"] == .improve)
            #expect(verdicts["Bimtek Pemanfaatan TIK dalam Pembelajaran"] == .redesign)
            #expect(Set(verdicts.values).count >= 2)

            // The page as BKPPD's admin sees it, and its CSV naming each programme's verdict.
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let page = try await admin.get(Paths.evaluationComparison)
            #expect(page.status == .ok)
            for title in verdicts.keys { #expect(page.body.contains(title), "\(title)") }
            let csv = try await admin.get(Paths.evaluationComparisonCSV + "?year=\(year)").body
            #expect(csv.contains("Lokakarya Kepemimpinan Pelayanan Publik,\(year),Pertahankan"))
            #expect(csv.contains("Manajemen Waktu dan Prioritas Kerja,\(year),Perbaiki"))
            #expect(csv.contains("Bimtek Pemanfaatan TIK dalam Pembelajaran,\(year),Rancang ulang"))
        }
    }

    @Test("the demo's finished workshop: its alumni completed, most wrote a plan, and the L3 forms show it")
    func finishedClass() async throws {
        try await withLontar { app in
            defer { try? FileManager.default.removeItem(atPath: app.settings.dataDirectory) }
            _ = try await DemoLoader.load(into: app)
            let finished = try #require(
                try await TrainingClass.query(on: app.db).filter(\.$name == DemoFinishedClassLoader.className).first())
            let enrolments = try await Enrolment.query(on: app.db).filter(\.$trainingClass.$id == finished.id!).all()
            let plans = try await ActionPlanRecord.query(on: app.db).filter(\.$trainingClass.$id == finished.id!).all()
            let certificates = try await Certificate.query(on: app.db)
                .filter(\.$enrolment.$id ~~ enrolments.compactMap(\.id)).count()
            #expect(enrolments.count == 8)
            #expect(enrolments.allSatisfy { $0.completed })
            #expect(certificates == 8)
            #expect(plans.count == 6)
            // Completed when the class ended, three months and more before the L3 survey.
            let ended = CityTime.today(app.clock).adding(days: 1 - DemoFinishedClassLoader.daysAgo)
            #expect(
                enrolments.allSatisfy {
                    $0.completedAt.map { CivilDate.today(in: CityTime.zone, now: $0) } == ended
                })
            // The completion notices are dated that day too, not the day the demo was loaded.
            let alumniAccounts = try await UserAccount.query(on: app.db)
                .filter(\.$employee.$id ~~ enrolments.map(\.$employee.id)).all(\.$id)
            let notices = try await InAppNotification.query(on: app.db).filter(\.$user.$id ~~ alumniAccounts)
                .filter(\.$messageKey == "notify.completed").all()
            #expect(notices.count == 8)
            #expect(notices.allSatisfy { CivilDate.today(in: CityTime.zone, now: $0.createdAt) == ended })
            let summary = try await DemoLoader.load(into: app)
            #expect(!summary.contains("Finished class"))
            #expect(try await Enrolment.query(on: app.db).filter(\.$trainingClass.$id == finished.id!).count() == 8)
            #expect(try await ActionPlanRecord.query(on: app.db).count() == 6)

            // Every L3 invitation about these alumni names its enrolment; the one alumnus who has not
            // answered finds their plan above the questions.
            let alumniSurvey = try #require(
                try await Survey.query(on: app.db).filter(\.$level == SurveyLevel.behaviourAlumnus.rawValue)
                    .filter(\.$programme.$id == finished.$programme.id).first())
            let invitations = try await SurveyInvitation.query(on: app.db).filter(\.$survey.$id == alumniSurvey.id!)
                .all()
            #expect(invitations.allSatisfy { $0.enrolmentID != nil })
            let waiting = try #require(invitations.first { !$0.answered })
            let alumnus = try #require(try await Employee.find(waiting.$employee.id, on: app.db))
            let browser = try await Fixtures.browser(app, as: alumnus.nip, password: DemoCommand.password)
            let form = try await browser.get(Paths.survey(alumniSurvey.id!))
            #expect(form.status == .ok)
            let plan = try #require(plans.first { $0.$enrolment.id == waiting.enrolmentID }?.decoded())
            #expect(form.body.contains(plan.goal))
            // Nobody is recorded as answering how a plan went when no plan was written.
            let unplanned = Set(enrolments.map(\.$employee.id)).subtracting(plans.map(\.$employee.id))
            #expect(unplanned.count == 2)
            let planAnswers = try await SurveyAnswerRow.query(on: app.db)
                .filter(\.$aspect == SurveyAnswering.actionPlanAspect).all()
            let workshopSurveys = try await Survey.query(on: app.db)
                .filter(\.$programme.$id == finished.$programme.id).all().compactMap(\.id)
            let responses = try await SurveyResponse.query(on: app.db).filter(\.$id ~~ planAnswers.map(\.$response.id))
                .filter(\.$survey.$id ~~ workshopSurveys).all()
            #expect(!responses.isEmpty)
            #expect(
                !responses.contains {
                    unplanned.contains($0.$about.id ?? $0.$respondent.id ?? UUID())
                })
        }
    }
}
