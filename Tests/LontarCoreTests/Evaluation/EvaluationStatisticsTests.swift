import Foundation
import Testing

@testable import LontarCore

@Suite("Evaluation statistics on hand-checked numbers")
struct EvaluationStatisticsTests {
    @Test("Likert: counts, mean, 0–100 index and agreement of a 5-point item")
    func fivePoint() throws {
        // Answers 5,4,4,3,2: sum 18, mean 3.6; index (3.6 − 1) / 4 × 100 = 65; agree = 4s and 5s = 3/5.
        let item = LikertDistribution(points: 5, answers: [5, 4, 4, 3, 2])
        #expect(item.counts == [0, 1, 1, 2, 1])
        #expect(item.total == 5)
        #expect(try #require(item.mean) == 3.6)
        #expect(abs(try #require(item.index) - 65) < 1e-9)
        #expect(try #require(item.agreePercent) == 60)
        #expect(item.percents == [0, 20, 20, 40, 20])
    }

    @Test("Likert: a 4-point item agrees at 3 and 4; answers outside the scale are not counted")
    func fourPoint() throws {
        // 4,3,3,1 (the 0 and 5 are dropped): mean 11/4 = 2.75; index 1.75 / 3 × 100 = 58.33…; agree 3/4.
        let item = LikertDistribution(points: 4, answers: [4, 3, 3, 1, 0, 5])
        #expect(item.total == 4)
        #expect(try #require(item.mean) == 2.75)
        #expect(abs(try #require(item.index) - 58.333_333_333) < 1e-6)
        #expect(try #require(item.agreePercent) == 75)
    }

    @Test("Likert: no answers give no mean, no index, no agreement")
    func empty() {
        let item = LikertDistribution(points: 4, answers: [])
        #expect(item.mean == nil)
        #expect(item.index == nil)
        #expect(item.agreePercent == nil)
        #expect(item.percents == [0, 0, 0, 0])
    }

    @Test("response rate: 18 of 24 is 75 %; none invited has no rate")
    func responseRate() {
        #expect(ResponseRate(invited: 24, answered: 18).percent == 75)
        #expect(ResponseRate(invited: 0, answered: 0).percent == nil)
        #expect(ResponseRate(invited: 4, answered: 6).percent == 100)
    }

    @Test("anonymous results show from 5 answers; named results always")
    func anonymity() {
        #expect(!AnonymityRule.mayShow(responses: 4, anonymous: true))
        #expect(AnonymityRule.mayShow(responses: 5, anonymous: true))
        #expect(AnonymityRule.mayShow(responses: 1, anonymous: false))
    }

    @Test("normalised gain per participant and for the class (Hake), and who fell")
    func gain() throws {
        // A: 40 → 70, g = 30/60 = 0.5. B: 60 → 90, g = 30/40 = 0.75. C: 80 → 70, fell, g = −10/20 = −0.5.
        let pairs = [
            TestPair(participant: "A", pre: 40, post: 70), TestPair(participant: "B", pre: 60, post: 90),
            TestPair(participant: "C", pre: 80, post: 70),
        ]
        #expect(pairs[0].normalisedGain == 0.5)
        #expect(pairs[1].normalisedGain == 0.75)
        #expect(pairs[2].normalisedGain == -0.5)
        #expect(TestPair(participant: "D", pre: 100, post: 100).normalisedGain == nil)
        // Class means: pre 60, post 76.67; <g> = 16.67 / 40 = 0.41667 (medium).
        let result = ClassGain.of(pairs)
        #expect(result.pairs == 3)
        #expect(try #require(result.meanPre) == 60)
        #expect(abs(try #require(result.meanPost) - 76.666_666_7) < 1e-6)
        #expect(abs(try #require(result.normalisedGain) - 0.416_666_7) < 1e-6)
        #expect(result.band == .medium)
        #expect(result.fell == ["C"])
        #expect(ClassGain.of([]).normalisedGain == nil)
    }

    @Test("gain bands at their edges")
    func bands() {
        #expect(GainBand.of(0.7) == .high)
        #expect(GainBand.of(0.69) == .medium)
        #expect(GainBand.of(0.3) == .medium)
        #expect(GainBand.of(0.01) == .low)
        #expect(GainBand.of(0) == .none)
        #expect(GainBand.of(-0.2) == .none)
    }

    @Test("verdicts: keep, improve on one weak level, redesign on two, nothing judged on too few answers")
    func verdicts() throws {
        let good = ProgrammeFigures(
            satisfaction: 82, reactionResponses: 20, normalisedGain: 0.45, testPairs: 18, applicationByAlumni: 80,
            applicationBySupervisors: 70, behaviourResponses: 12)
        let keep = ProgrammeVerdict.judge(good)
        #expect(keep.verdict == .keep)
        #expect(keep.reasons.isEmpty)
        // Score: (82 + 45 + 70) / 3 = 65.67 (supervisors' application is the one used).
        #expect(abs(try #require(keep.score) - 65.666_666_7) < 1e-6)

        var weak = good
        weak.satisfaction = 60
        #expect(ProgrammeVerdict.judge(weak).verdict == .improve)
        #expect(ProgrammeVerdict.judge(weak).reasons == [.lowSatisfaction])
        weak.normalisedGain = 0.05
        weak.applicationBySupervisors = 40
        let redesign = ProgrammeVerdict.judge(weak)
        #expect(redesign.verdict == .redesign)
        #expect(redesign.reasons == [.lowSatisfaction, .noGain, .lowApplication])

        let few = ProgrammeFigures(satisfaction: 10, reactionResponses: 4)
        #expect(ProgrammeVerdict.judge(few).verdict == .insufficientData)
        #expect(ProgrammeVerdict.judge(few).score == nil)
    }

    @Test("L3 schedule: opens three months after completion, reminds weekly, closes after the window")
    func behaviourSchedule() throws {
        let schedule = BehaviourSchedule()
        let completed = try #require(CivilDate(iso: "2026-08-31"))
        // 31 August + 3 months is 30 November (the month's last day); a 30-day window ends 29 December.
        #expect(schedule.opens(completedOn: completed).iso == "2026-11-30")
        #expect(schedule.closes(completedOn: completed).iso == "2026-12-29")
        func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
        #expect(
            schedule.action(
                today: day("2026-11-29"), completedOn: completed, sentOn: nil, lastRemindedOn: nil, answered: false)
                == .wait)
        #expect(
            schedule.action(
                today: day("2026-11-30"), completedOn: completed, sentOn: nil, lastRemindedOn: nil, answered: false)
                == .send)
        #expect(
            schedule.action(
                today: day("2026-12-06"), completedOn: completed, sentOn: day("2026-11-30"), lastRemindedOn: nil,
                answered: false) == .none)
        #expect(
            schedule.action(
                today: day("2026-12-07"), completedOn: completed, sentOn: day("2026-11-30"), lastRemindedOn: nil,
                answered: false) == .remind)
        #expect(
            schedule.action(
                today: day("2026-12-07"), completedOn: completed, sentOn: day("2026-11-30"), lastRemindedOn: nil,
                answered: true) == .none)
        #expect(
            schedule.action(
                today: day("2026-12-30"), completedOn: completed, sentOn: day("2026-11-30"),
                lastRemindedOn: day("2026-12-21"), answered: false) == .none)
        #expect(BehaviourSchedule(delayMonths: 0, windowDays: 3, reminderDays: 9).validate().count == 3)
        #expect(schedule.validate().isEmpty)
    }
}
