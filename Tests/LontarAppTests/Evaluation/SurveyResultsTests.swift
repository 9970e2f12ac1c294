import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Surveys: results, threshold, facilitators, who has not answered")
struct SurveyResultsTests {
    /// `count` participants answer; the first `count` get scale points from `points`.
    static func answer(
        _ app: Application, _ world: SurveyWorld, _ survey: Survey, count: Int, points: [Int]
    ) async throws {
        for (index, person) in world.participants.prefix(count).enumerated() {
            let browser = try await world.browser(app, person)
            let page = try await browser.post(
                Paths.surveyAnswer(survey.id!),
                form: world.form(scale: points[index % points.count], text: "Saran nomor \(index + 1)"))
            #expect(page.status == .seeOther)
        }
    }

    @Test("an anonymous survey shows nothing but the count at 4 answers and everything at 5")
    func threshold() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 6)
            let survey = try await world.survey(app, anonymous: true)
            try await world.inviteAll(app, survey)
            try await Self.answer(app, world, survey, count: 4, points: [4, 3, 4, 1])
            let op = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            let hidden = try await op.get(Paths.surveyResults(survey.id!))
            #expect(hidden.status == .ok)
            #expect(hidden.body.contains("4 jawaban masuk"))
            #expect(hidden.body.contains("4 dari 6 yang diundang menjawab (67%)"))
            #expect(hidden.body.contains("baru ditampilkan setelah paling sedikit 5 jawaban"))
            #expect(!hidden.body.contains("Saran nomor"))
            #expect(!hidden.body.contains("survey-bar"))
            // The fifth answer.
            let fifth = try await world.browser(app, world.participants[4])
            _ = try await fifth.post(Paths.surveyAnswer(survey.id!), form: world.form(scale: 2, text: "Saran nomor 5"))
            let shown = try await op.get(Paths.surveyResults(survey.id!))
            #expect(shown.body.contains("5 jawaban masuk"))
            // puas: 1×1, 1×2, 1×3, 2×4 → mean 2,80, index 60,0; 4 of 5 at "Sangat setuju" or "Setuju" aside.
            #expect(shown.body.contains("Rata-rata 2,80"))
            #expect(shown.body.contains("Indeks 60,0"))
            #expect(shown.body.contains("2 (40%)"))
            #expect(shown.body.contains("<rect class=\"fill\" width=\"40\" height=\"8\"/>"))
            #expect(shown.body.contains("Saran nomor 3"))
            #expect(!shown.body.contains(CityTime.today(app.clock).iso))  // anonymous texts carry no day
            #expect(!shown.body.contains("style="))
            // The facilitator's rating: five 4s → mean 4,00, index 75,0.
            #expect(shown.body.contains("Nilai fasilitator"))
            #expect(shown.body.contains("4,00"))
            #expect(shown.body.contains("75,0"))
            // Per aspect: keseluruhan (60,0), materi (all 5 of 5 → 100,0), fasilitator.
            #expect(shown.body.contains("Keseluruhan"))
            #expect(shown.body.contains("100,0"))
            // Missing list: not for an anonymous survey.
            #expect(try await op.get(Paths.surveyMissing(survey.id!)).status == .conflict)
        }
    }

    @Test("per class: an anonymous survey with a class under 5 answers is not shown by class, though the whole has 5")
    func perClassThreshold() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 5)
            let second = try await TrainingFixtures.trainingClass(app, programme: world.programme, name: "Angkatan II")
            var others: [Employee] = []
            for n in 0..<3 {
                let person = try await Fixtures.employee(app, 40 + n, agency: world.city.health, name: "Kedua \(n)")
                try await Fixtures.account(app, for: person)
                try await TrainingFixtures.enrolment(app, person, in: second)
                others.append(person)
            }
            let survey = try await world.survey(app, anonymous: true)
            try await world.inviteAll(app, survey)
            let op = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            _ = try await op.post(Paths.surveyInvite(survey.id!), form: ["classID": second.id!.uuidString])
            try await Self.answer(app, world, survey, count: 2, points: [4])
            for person in others {
                let browser = try await world.browser(app, person)
                var form = world.form()
                form = form.filter { !$0.key.hasPrefix("r4.") }
                #expect(try await browser.post(Paths.surveyAnswer(survey.id!), form: form).status == .seeOther)
            }
            let all = try await op.get(Paths.surveyResults(survey.id!))
            #expect(all.body.contains("5 jawaban masuk"))
            #expect(all.body.contains("Rata-rata"))
            // With classes of 2 and 3 answers, showing one class would let "all" minus it reveal
            // the other: an anonymous survey is not shown by class at all.
            let filtered = try await op.get(Paths.surveyResults(survey.id!) + "?kelas=\(second.id!.uuidString)")
            #expect(filtered.status == .conflict)
            #expect(filtered.body.contains("kurang dari 5 jawaban"))
            #expect(!filtered.body.contains("Rata-rata"))
        }
    }

    @Test("a facilitator sees only their own classes and their own ratings")
    func facilitatorSeesOwn() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 5)
            let colleague = try await Fixtures.account(app, username: "fasilitator-dua", roles: [.facilitator])
            let link = ClassFacilitator()
            link.$trainingClass.id = world.trainingClass.id!
            link.$user.id = colleague.id!
            try await link.save(on: app.db)
            let second = try await TrainingFixtures.trainingClass(app, programme: world.programme, name: "Angkatan II")
            let outsider = try await TrainingFixtures.facilitator(app, for: second, username: "fasilitator-lain")
            _ = outsider
            let survey = try await world.survey(app, anonymous: false)
            try await world.inviteAll(app, survey)
            for person in world.participants {
                var form = world.form()
                form["r4.\(colleague.id!.uuidString)"] = "1"
                let browser = try await world.browser(app, person)
                #expect(try await browser.post(Paths.surveyAnswer(survey.id!), form: form).status == .seeOther)
            }
            let mine = try await Fixtures.browser(app, as: "fasilitator")
            let page = try await mine.get(Paths.surveyResults(survey.id!))
            #expect(page.status == .ok)
            #expect(page.body.contains("Nilai fasilitator"))
            #expect(page.body.contains(">fasilitator<"))
            #expect(!page.body.contains("fasilitator-dua"))
            #expect(!page.body.contains("Angkatan II"))
            #expect(!page.body.contains(Paths.surveyMissing(survey.id!)))
            #expect(
                try await mine.get(Paths.surveyResults(survey.id!) + "?kelas=\(second.id!.uuidString)").status
                    == .forbidden)
            #expect(try await mine.get(Paths.surveys).body.contains(Paths.surveyResults(survey.id!)))
            // The other class's facilitator sees their own class only, where nobody answered yet.
            let other = try await Fixtures.browser(app, as: "fasilitator-lain")
            let theirs = try await other.get(Paths.surveyResults(survey.id!))
            #expect(theirs.status == .ok)
            #expect(theirs.body.contains("0 jawaban masuk"))
            let stranger = try await Fixtures.account(app, username: "fasilitator-asing", roles: [.facilitator])
            _ = stranger
            #expect(
                try await Fixtures.browser(app, as: "fasilitator-asing").get(Paths.surveyResults(survey.id!)).status
                    == .forbidden)
            // The manager sees both facilitators.
            let op = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            #expect(try await op.get(Paths.surveyResults(survey.id!)).body.contains("fasilitator-dua"))
        }
    }

    @Test("a named survey lists who has not answered yet, for managers")
    func missingList() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 3)
            let survey = try await world.survey(app, anonymous: false)
            try await world.inviteAll(app, survey)
            try await Self.answer(app, world, survey, count: 1, points: [4])
            let op = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            let page = try await op.get(Paths.surveyMissing(survey.id!))
            #expect(page.status == .ok)
            #expect(!page.body.contains(world.city.staff.name))
            #expect(page.body.contains("Peserta 1") && page.body.contains("Peserta 2"))
            #expect(page.body.contains(world.participants[1].nip))
            let results = try await op.get(Paths.surveyResults(survey.id!))
            #expect(results.body.contains("1 dari 3 yang diundang menjawab (33%)"))
            #expect(results.body.contains(CityTime.today(app.clock).iso))  // named texts keep their day
        }
    }
}
