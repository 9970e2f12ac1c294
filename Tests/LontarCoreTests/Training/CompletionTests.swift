import Foundation
import Testing
@testable import LontarCore

@Suite("Completion rule")
struct CompletionTests {
    static let standard = CompletionRule()
    static let withExam = CompletionRule(minimumAttendancePercent: 80, requiresAssessment: true, passingScore: 70)

    static func marks(present: Int, excused: Int = 0, absent: Int = 0) -> [AttendanceMark] {
        Array(repeating: .present, count: present) + Array(repeating: .excused, count: excused)
            + Array(repeating: .absent, count: absent)
    }

    @Test("4 of 5 sessions meets 80 % exactly; 3 of 5 does not, and says by how much")
    func attendanceThreshold() {
        let met = CompletionEvaluator.evaluate(
            .init(sessions: 5, marks: Self.marks(present: 4, absent: 1)), rule: Self.standard)
        #expect(met.completed && met.reasons.isEmpty && met.attendancePercent == 80)
        let short = CompletionEvaluator.evaluate(
            .init(sessions: 5, marks: Self.marks(present: 3, absent: 2)), rule: Self.standard)
        #expect(!short.completed)
        #expect(short.reasons == [LocalizableMessage("training.completion.attendance_short", ["60", "80", "3", "5"])])
    }

    @Test("sessions without a mark count as absent")
    func missingMarks() {
        let eight = CompletionEvaluator.evaluate(
            .init(sessions: 10, marks: Self.marks(present: 8)), rule: Self.standard)
        #expect(eight.completed && eight.attendancePercent == 80)
        let seven = CompletionEvaluator.evaluate(
            .init(sessions: 10, marks: Self.marks(present: 7)), rule: Self.standard)
        #expect(!seven.completed && seven.attendancePercent == 70)
    }

    @Test("excused is not attendance unless the rule says so")
    func excused() {
        let input = CompletionInput(sessions: 5, marks: Self.marks(present: 3, excused: 1, absent: 1))
        let strict = CompletionEvaluator.evaluate(input, rule: Self.standard)
        #expect(!strict.completed && strict.attendancePercent == 60)
        let lenient = CompletionEvaluator.evaluate(input, rule: CompletionRule(excusedCountsAsPresent: true))
        #expect(lenient.completed && lenient.attendancePercent == 80)
    }

    @Test("percentages are not rounded up into a pass")
    func noRoundingIntoPass() {
        // 79.99…% must fail an 80 % rule even though it would print as 80.
        let result = CompletionEvaluator.evaluate(
            .init(sessions: 10_000, marks: Self.marks(present: 7_999, absent: 2_001)), rule: Self.standard)
        #expect(!result.completed)
        #expect(result.reasons.first?.arguments.first == "79.9")
        let third = CompletionEvaluator.evaluate(.init(sessions: 3, marks: Self.marks(present: 1)), rule: Self.standard)
        #expect(third.reasons.first?.arguments.first == "33.3")
    }

    @Test("more marks than sessions never gives more than 100 %")
    func staleSessionCount() {
        let result = CompletionEvaluator.evaluate(
            .init(sessions: 2, marks: Self.marks(present: 3)), rule: Self.standard)
        #expect(result.completed && result.attendancePercent == 100)
    }

    @Test("a class without sessions cannot be completed by attendance, unless none is required")
    func noSessions() {
        let result = CompletionEvaluator.evaluate(.init(sessions: 0, marks: []), rule: Self.standard)
        #expect(!result.completed && result.reasons == [LocalizableMessage("training.completion.no_sessions")])
        let examOnly = CompletionRule(minimumAttendancePercent: 0, requiresAssessment: true, passingScore: 60)
        #expect(
            CompletionEvaluator.evaluate(.init(sessions: 0, marks: [], assessmentScore: 75), rule: examOnly).completed)
    }

    @Test(
        "the final assessment must be sat and passed",
        arguments: [
            (Double?.none, ["training.completion.assessment_missing"]),
            (69.9, ["training.completion.assessment_below_passing"]),
            (70, []), (100, []), (101, ["training.completion.score_invalid"]),
            (-1, ["training.completion.score_invalid"]),
            (.nan, ["training.completion.score_invalid"]),
        ])
    func assessment(score: Double?, keys: [String]) {
        let input = CompletionInput(sessions: 4, marks: Self.marks(present: 4), assessmentScore: score)
        let result = CompletionEvaluator.evaluate(input, rule: Self.withExam)
        #expect(result.reasons.map(\.key) == keys)
        #expect(result.completed == keys.isEmpty)
    }

    @Test("a score is ignored when the programme has no assessment")
    func noAssessment() {
        let input = CompletionInput(sessions: 4, marks: Self.marks(present: 4), assessmentScore: 10)
        #expect(CompletionEvaluator.evaluate(input, rule: Self.standard).completed)
    }

    @Test("every missing requirement is listed, attendance first")
    func allReasons() {
        let input = CompletionInput(sessions: 4, marks: Self.marks(present: 1, absent: 3), assessmentScore: 50)
        let result = CompletionEvaluator.evaluate(input, rule: Self.withExam)
        #expect(
            result.reasons.map(\.key) == [
                "training.completion.attendance_short", "training.completion.assessment_below_passing",
            ])
        #expect(result.reasons[1].arguments == ["50", "70"])
    }

    @Test(
        "rules are validated",
        arguments: [
            (CompletionRule(), [String]()), (CompletionRule(minimumAttendancePercent: 0), []),
            (CompletionRule(minimumAttendancePercent: 100), []),
            (CompletionRule(minimumAttendancePercent: 101), ["training.completion.percent_out_of_range"]),
            (CompletionRule(minimumAttendancePercent: -1), ["training.completion.percent_out_of_range"]),
            (CompletionRule(requiresAssessment: true), ["training.completion.passing_score_missing"]),
            (
                CompletionRule(requiresAssessment: true, passingScore: 150),
                ["training.completion.passing_score_out_of_range"]
            ),
            (
                CompletionRule(requiresAssessment: false, passingScore: .nan),
                ["training.completion.passing_score_out_of_range"]
            ),
            (CompletionRule(requiresAssessment: false, passingScore: 60), []),
        ])
    func validation(rule: CompletionRule, keys: [String]) {
        #expect(rule.validate().map(\.key) == keys)
    }

    @Test("an invalid rule completes no one, and says why")
    func invalidRule() {
        let rule = CompletionRule(minimumAttendancePercent: 120)
        let result = CompletionEvaluator.evaluate(.init(sessions: 2, marks: Self.marks(present: 2)), rule: rule)
        #expect(!result.completed)
        #expect(result.reasons == [LocalizableMessage("training.completion.percent_out_of_range", ["120"])])
    }

    @Test("rules stored before the excused option existed still decode")
    func decodesOldRules() throws {
        let json = Data(#"{"minimumAttendancePercent": 75, "requiresAssessment": false}"#.utf8)
        let rule = try JSONDecoder().decode(CompletionRule.self, from: json)
        #expect(rule == CompletionRule(minimumAttendancePercent: 75))
        let full = CompletionRule(
            minimumAttendancePercent: 90, requiresAssessment: true, passingScore: 65.5, excusedCountsAsPresent: true)
        #expect(try JSONDecoder().decode(CompletionRule.self, from: JSONEncoder().encode(full)) == full)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CompletionRule.self, from: Data("{}".utf8)) }
    }
}
