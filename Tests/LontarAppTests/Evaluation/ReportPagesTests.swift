import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// The effectiveness page, the comparison and the needs summary: who sees them and what.
@Suite("Evaluation reports: pages")
struct ReportPagesTests {
    typealias E = EvaluationFixtures

    /// A programme of DINKES with a class, its facilitator, a second class, and reaction answers in both.
    struct World {
        let city: Fixtures.City
        let programme: Programme
        let own: TrainingClass
        let other: TrainingClass
    }

    static func world(_ app: Application) async throws -> World {
        let city = try await Fixtures.city(app)
        let programme = try await TrainingFixtures.programme(app, organiser: city.health)
        let own = try await TrainingFixtures.trainingClass(app, programme: programme, name: "Angkatan I")
        let other = try await TrainingFixtures.trainingClass(app, programme: programme, name: "Angkatan II")
        try await TrainingFixtures.facilitator(app, for: own, username: "fasil")
        // Own class: all answer 4 of 4 (100); the other class all 1 of 4 (0).
        let ownSurvey = try await E.survey(app, programme, class: own)
        try await E.reactions(app, ownSurvey, count: 2, point: 4)
        let otherSurvey = try await E.survey(app, programme, class: other)
        try await E.reactions(app, otherSurvey, count: 2, point: 1)
        let alumni = try await E.survey(app, programme, level: .behaviourAlumnus)
        try await E.response(
            app, alumni, on: "2026-09-01", by: city.staff,
            [.scale("penerapan.sering", aspect: "penerapan", 4, points: 4)])
        return World(city: city, programme: programme, own: own, other: other)
    }

    @Test("effectiveness page: BKPPD and the organising OPD see four levels; others are refused")
    func effectivenessAccess() async throws {
        try await withLontar { app in
            let world = try await Self.world(app)
            let path = Paths.programmeEvaluation(world.programme.id!) + "?year=2026"
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let page = try await admin.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("Level 4"))
            #expect(page.body.contains("<svg"))
            #expect(!page.body.contains("style="))
            // Four answers: two at 100, two at 0 → 50,0.
            #expect(page.body.contains("50,0"))
            // The L3 interviews sit beside the survey figures.
            let interviews = Paths.programmeInterviews(world.programme.id!)
            #expect(page.body.contains("href=\"\(interviews)\""))
            #expect(try await admin.get(interviews).status == .ok)
            let csv = try await admin.get(Paths.programmeEvaluationCSV(world.programme.id!) + "?year=2026")
            #expect(csv.status == .ok)
            #expect(csv.body.contains("L3"))
            #expect(csv.headers.contentType?.subType == "csv")
            let organiser = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            #expect(try await organiser.get(path).status == .ok)
            for person in [world.city.educationOperator.nip, world.city.staff.nip] {
                let browser = try await Fixtures.browser(app, as: person)
                #expect(try await browser.get(path).status == .forbidden)
                #expect(try await browser.get(Paths.programmeEvaluationCSV(world.programme.id!)).status == .forbidden)
            }
            #expect(try await admin.get(Paths.programmeEvaluation(UUID())).status == .notFound)
        }
    }

    @Test("a facilitator sees only the reaction to their own classes")
    func facilitatorSeesOwnReaction() async throws {
        try await withLontar { app in
            let world = try await Self.world(app)
            let facilitator = try await Fixtures.browser(app, as: "fasil")
            let page = try await facilitator.get(Paths.programmeEvaluation(world.programme.id!) + "?year=2026")
            #expect(page.status == .ok)
            #expect(page.body.contains("100,0"))
            #expect(!page.body.contains("50,0"))
            #expect(!page.body.contains("Level 2"))
            #expect(!page.body.contains("Level 3"))
            #expect(!page.body.contains(Paths.programmeInterviews(world.programme.id!)))
            let csv = try await facilitator.get(Paths.programmeEvaluationCSV(world.programme.id!) + "?year=2026")
            #expect(csv.status == .ok)
            #expect(!csv.body.contains("L3"))
            // A facilitator of another programme's class is refused.
            let elsewhere = try await TrainingFixtures.programme(app, title: "Lain")
            let otherClass = try await TrainingFixtures.trainingClass(app, programme: elsewhere)
            try await TrainingFixtures.facilitator(app, for: otherClass, username: "fasil2")
            let stranger = try await Fixtures.browser(app, as: "fasil2")
            #expect(try await stranger.get(Paths.programmeEvaluation(world.programme.id!)).status == .forbidden)
        }
    }

    @Test("comparison: ranked by score with verdicts and reasons, filter and CSV, BKPPD only")
    func comparison() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let good = try await TrainingFixtures.programme(app, title: "Program Unggul")
            try await E.reactions(app, try await E.survey(app, good), count: 5, point: 4)
            // Last year the same programme was weak on satisfaction only: "improve".
            try await E.reactions(app, try await E.survey(app, good), count: 5, point: 1, day: "2025-05-02")
            let weak = try await TrainingFixtures.programme(app, title: "Program Lemah")
            try await E.reactions(app, try await E.survey(app, weak), count: 5, point: 2)
            let alumni = try await E.survey(app, weak, level: .behaviourAlumnus)
            for _ in 0..<5 {
                try await E.response(
                    app, alumni, on: "2026-09-01", [.scale("penerapan.sering", aspect: "penerapan", 1, points: 4)])
            }
            let thin = try await TrainingFixtures.programme(app, title: "Program Tipis")
            try await E.reactions(app, try await E.survey(app, thin), count: 2, point: 4)
            try await TrainingFixtures.programme(app, title: "Program Tanpa Data")

            let rows = try await ComparisonController.rows(year: 2026, on: app.db)
            #expect(rows.map(\.title) == ["Program Unggul", "Program Lemah", "Program Tipis"])
            #expect(rows.map(\.verdict.verdict) == [.keep, .redesign, .insufficientData])
            #expect(rows[1].verdict.reasons == [.lowSatisfaction, .lowApplication])
            #expect(rows[0].earlier == [nil, .improve])
            #expect(rows[1].earlier == [nil, nil])

            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let page = try await admin.get(Paths.evaluationComparison + "?year=2026&verdict=redesign")
            #expect(page.status == .ok)
            #expect(page.body.contains("Program Lemah"))
            #expect(!page.body.contains("Program Unggul"))
            #expect(page.body.contains("Rancang ulang"))
            #expect(!page.body.contains("style="))
            let all = try await admin.get(Paths.evaluationComparison + "?year=2026")
            #expect(all.body.contains("2025: Perbaiki"))
            #expect(try await admin.get(Paths.evaluationComparison + "?verdict=nonsense").status == .badRequest)
            let csv = try await admin.get(Paths.evaluationComparisonCSV + "?year=2026")
            #expect(csv.status == .ok)
            let lines = csv.body.split(separator: "\r\n")
            #expect(lines.count == 4)
            #expect(lines[1].hasPrefix("1,Program Unggul,2026,Pertahankan"))
            for person in [city.healthOperator.nip, city.staff.nip] {
                let browser = try await Fixtures.browser(app, as: person)
                #expect(try await browser.get(Paths.evaluationComparison).status == .forbidden)
                #expect(try await browser.get(Paths.evaluationComparisonCSV).status == .forbidden)
            }
        }
    }

    @Test("needs summary: themes, interviews, and no trace of an anonymous respondent")
    func needsNeverLeakAnonymous() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app, title: "Pelayanan Prima")
            let anonymous = try await E.survey(app, programme, anonymous: true)
            // A link that must never exist is forced in, to prove the report does not read it.
            for n in 0..<5 {
                try await E.response(
                    app, anonymous, on: "2026-04-1\(n)", by: city.teacher,
                    [.text("saran.perbaikan", aspect: "kebutuhan", "Perlu pelatihan Excel lanjutan \(n)")])
            }
            let small = try await E.survey(app, programme, anonymous: true)
            try await E.response(
                app, small, on: "2026-04-20", [.text("saran.perbaikan", aspect: "kebutuhan", "Rahasia kelas kecil")])
            let named = try await E.survey(app, programme)
            try await E.response(
                app, named, on: "2026-05-05", by: city.staff,
                [.text("saran.perbaikan", aspect: "kebutuhan", "Excel untuk laporan keuangan")])
            try await E.interview(
                app, programme, heldOn: "2026-10-01", findings: "Atasan melihat laporan lebih rapi",
                needs: "Pelatihan Excel tingkat lanjut")
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let page = try await admin.get(Paths.evaluationNeeds + "?year=2026")
            #expect(page.status == .ok)
            #expect(page.body.contains("Perlu pelatihan Excel lanjutan 3"))
            #expect(page.body.contains("Staf Kesehatan"))
            #expect(page.body.contains("Pelatihan Excel tingkat lanjut"))
            #expect(page.body.contains(">excel<"))
            #expect(!page.body.contains("Rahasia kelas kecil"))
            #expect(!page.body.contains("Guru Matematika"))
            #expect(!page.body.contains("2026-04-1"))
            let csv = try await admin.get(Paths.evaluationNeedsCSV + "?year=2026")
            #expect(csv.status == .ok)
            #expect(csv.body.contains("Perlu pelatihan Excel lanjutan 0"))
            #expect(!csv.body.contains("Guru Matematika"))
            #expect(!csv.body.contains("2026-04-1"))
            #expect(!csv.body.contains("Rahasia"))
            for person in [city.healthOperator.nip, city.staff.nip] {
                let browser = try await Fixtures.browser(app, as: person)
                #expect(try await browser.get(Paths.evaluationNeeds).status == .forbidden)
                #expect(try await browser.get(Paths.evaluationNeedsCSV).status == .forbidden)
            }
        }
    }
}
