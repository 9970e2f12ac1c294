import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// The four levels' SQL figures on small hand-checked data (SQLite and PostgreSQL).
@Suite("Evaluation report figures")
struct ReportFiguresTests {
    typealias E = EvaluationFixtures

    @Test("L1: one index across 4- and 5-point items, per aspect, response rate; other years and texts ignored")
    func reactionIndex() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let survey = try await E.survey(app, programme)
            // 4-point 3 → 66.67, 5-point 5 → 100; 4-point 4 → 100, 5-point 2 → 25.
            try await E.response(
                app, survey, on: "2026-03-10", by: city.staff,
                [
                    .scale("materi.jelas", aspect: "materi", 3, points: 4),
                    .scale("keseluruhan.puas", aspect: "keseluruhan", 5, points: 5),
                    .text("saran.baik", aspect: "kebutuhan", "Praktik"),
                ])
            try await E.response(
                app, survey, on: "2026-03-11", by: city.teacher,
                [
                    .scale("materi.jelas", aspect: "materi", 4, points: 4),
                    .scale("keseluruhan.puas", aspect: "keseluruhan", 2, points: 5),
                ])
            try await E.response(
                app, survey, on: "2025-12-31", [.scale("materi.jelas", aspect: "materi", 1, points: 4)])
            for (person, answered) in [
                (city.staff, true), (city.teacher, true), (city.supervisor, false), (city.healthOperator, false),
            ] {
                try await E.invitation(app, survey, person, answered: answered)
            }
            let id = try programme.requireID()
            let report = try await ReportQueries.report(ReportScope(year: 2026, programme: id), on: app.db)
            // (66.667 + 100 + 100 + 25) / 4 = 72.917
            #expect(abs(try #require(report.reaction.index) - 72.916_666) < 1e-3)
            #expect(report.reaction.responses == 2)
            #expect(report.reaction.answers == 4)
            #expect(report.reaction.rate.percent == 50)
            let aspects = Dictionary(uniqueKeysWithValues: report.reaction.aspects.map { ($0.aspect, $0.index) })
            #expect(abs(try #require(aspects["materi"]) - 83.333_333) < 1e-3)
            #expect(abs(try #require(aspects["keseluruhan"]) - 62.5) < 1e-9)
            #expect(aspects["kebutuhan"] == nil)
            let earlier = try await ReportQueries.report(ReportScope(year: 2025, programme: id), on: app.db)
            #expect(earlier.reaction.index == 0)
        }
    }

    @Test("L1: an anonymous survey counts only from five responses in the year")
    func anonymityThreshold() async throws {
        try await withLontar { app in
            let programme = try await TrainingFixtures.programme(app)
            let id = try programme.requireID()
            let open = try await E.survey(app, programme)
            try await E.reactions(app, open, count: 1, point: 4)
            let anonymous = try await E.survey(app, programme, anonymous: true)
            try await E.reactions(app, anonymous, count: 4, point: 1)
            var report = try await ReportQueries.report(ReportScope(year: 2026, programme: id), on: app.db)
            #expect(report.reaction.responses == 1)
            #expect(report.reaction.withheldSurveys == 1)
            #expect(report.reaction.index == 100)
            try await E.reactions(app, anonymous, count: 1, point: 1)
            report = try await ReportQueries.report(ReportScope(year: 2026, programme: id), on: app.db)
            // One 100 and five 0s.
            #expect(report.reaction.responses == 6)
            #expect(report.reaction.withheldSurveys == 0)
            #expect(abs(try #require(report.reaction.index) - 100.0 / 6) < 1e-9)
        }
    }

    @Test("L2: first finished pre-test against best post-test of the year, pairs only")
    func learningPairs() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let (programme, course) = try await ELearningFixtures.course(app)
            let pre = try await ELearningFixtures.quiz(app, course, title: "Pre-test")
            let post = try await ELearningFixtures.quiz(app, course, title: "Post-test")
            try await E.tests(app, programme, pre: pre, post: post)
            let now = app.clock.now()
            let lastYear = now.addingTimeInterval(-365 * 86_400)
            // Staff: first pre 40 (not the later 80), best post 90 → pair (40, 90).
            try await E.attempt(
                app, pre, city.staff, number: 1, percent: 40, finishedAt: now.addingTimeInterval(-9_000))
            try await E.attempt(
                app, pre, city.staff, number: 2, percent: 80, finishedAt: now.addingTimeInterval(-8_000))
            try await E.attempt(app, post, city.staff, number: 1, percent: 70, finishedAt: now.addingTimeInterval(-100))
            try await E.attempt(app, post, city.staff, number: 2, percent: 90, finishedAt: now)
            try await E.attempt(app, post, city.staff, number: 3, percent: nil, finishedAt: nil)
            // Teacher: 50 → 40, fell. A post-test of last year does not count this year.
            try await E.attempt(app, pre, city.teacher, number: 1, percent: 50, finishedAt: lastYear)
            try await E.attempt(app, post, city.teacher, number: 1, percent: 95, finishedAt: lastYear)
            try await E.attempt(app, post, city.teacher, number: 2, percent: 40, finishedAt: now)
            // Supervisor: pre only; operator: post only — no pair.
            try await E.attempt(app, pre, city.supervisor, number: 1, percent: 10, finishedAt: now)
            try await E.attempt(app, post, city.healthOperator, number: 1, percent: 100, finishedAt: now)
            let report = try await ReportQueries.report(
                ReportScope(year: 2026, programme: try programme.requireID()), on: app.db)
            #expect(report.gain.pairs == 2)
            #expect(report.gain.meanPre == 45)
            #expect(report.gain.meanPost == 65)
            // (65 − 45) / (100 − 45) = 0.3636…
            #expect(abs(try #require(report.gain.normalisedGain) - 20.0 / 55) < 1e-9)
            #expect(report.gain.fell == [try city.teacher.requireID().uuidString])
        }
    }

    @Test("L3: application rate of alumni and of supervisors apart; action plans; L4 change")
    func behaviourAndResults() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let alumni = try await E.survey(app, programme, level: .behaviourAlumnus)
            let supervisors = try await E.survey(app, programme, level: .behaviourSupervisor)
            // Alumni 4-point: 4, 3 agree; 2, 1 do not → 50 %. Support (dukungan) is not application.
            try await E.response(
                app, alumni, on: "2026-08-01", by: city.staff,
                [
                    .scale("penerapan.sering", aspect: "penerapan", 4, points: 4),
                    .scale("penerapan.kinerja", aspect: "penerapan", 3, points: 4),
                    .scale("penerapan.dukungan", aspect: "dukungan", 4, points: 4),
                    .choice("rencana.status", aspect: "rencanaAksi", 0),
                ])
            try await E.response(
                app, alumni, on: "2026-08-02", by: city.teacher,
                [
                    .scale("penerapan.sering", aspect: "penerapan", 2, points: 4),
                    .scale("penerapan.kinerja", aspect: "penerapan", 1, points: 4),
                    .choice("rencana.status", aspect: "rencanaAksi", 2),
                ])
            // Supervisors 5-point: 5, 4, 4 agree, 3 is neutral → 75 %.
            try await E.response(
                app, supervisors, on: "2026-08-03", by: city.supervisor,
                [
                    .scale("penerapan.sering", aspect: "penerapan", 5, points: 5),
                    .scale("penerapan.kinerja", aspect: "penerapan", 3, points: 5),
                    .choice("rencana.status", aspect: "rencanaAksi", 0),
                ])
            try await E.response(
                app, supervisors, on: "2026-08-04", by: city.healthOperator,
                [
                    .scale("penerapan.sering", aspect: "penerapan", 4, points: 5),
                    .scale("penerapan.kinerja", aspect: "penerapan", 4, points: 5),
                ])
            try await E.indicator(
                app, programme, agency: city.health, year: 2026, name: "Lama izin", baseline: 14, result: 9,
                higherIsBetter: false)
            try await E.indicator(
                app, programme, agency: city.health, year: 2025, name: "Tahun lalu", baseline: 1, result: 2,
                higherIsBetter: true)
            let report = try await ReportQueries.report(
                ReportScope(year: 2026, programme: try programme.requireID()), on: app.db)
            #expect(report.behaviour.alumni.application == 50)
            #expect(report.behaviour.supervisors.application == 75)
            #expect(report.behaviour.alumni.responses == 2)
            #expect(report.behaviour.alumni.plans == [1, 0, 1, 0])
            #expect(report.behaviour.supervisors.plans == [1, 0, 0, 0])
            // Supervisors are the witnesses the verdict trusts first.
            #expect(report.figures.application == 75)
            #expect(report.indicators.count == 1)
            let indicator = try #require(report.indicators.first)
            #expect(indicator.name == "Lama izin")
            #expect(indicator.change.change == -5)
            #expect(indicator.change.improved)
        }
    }
}
