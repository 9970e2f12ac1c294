import Foundation

public enum AttendanceMark: String, Sendable, Codable, CaseIterable {
    case present, absent, excused
}

/// What a participant must do to complete a programme.
public struct CompletionRule: Sendable, Codable, Equatable, Hashable {
    /// Share of sessions attended, 0…100 (agencies commonly ask for 80 %).
    public var minimumAttendancePercent: Int
    public var requiresAssessment: Bool
    /// 0…100; required when `requiresAssessment`.
    public var passingScore: Double?
    /// Whether an excused absence (izin, sakit) counts as attendance. Off by default,
    /// as in most diklat: excused is not present, yet the session stays in the
    /// denominator, so someone excused from too many sessions has not followed the
    /// programme and repeats it, whatever the reason. BKPPD may switch it on for a
    /// programme (e.g. a long course where a sick day should not cost completion).
    public var excusedCountsAsPresent: Bool

    public init(
        minimumAttendancePercent: Int = 80, requiresAssessment: Bool = false, passingScore: Double? = nil,
        excusedCountsAsPresent: Bool = false
    ) {
        self.minimumAttendancePercent = minimumAttendancePercent
        self.requiresAssessment = requiresAssessment
        self.passingScore = passingScore
        self.excusedCountsAsPresent = excusedCountsAsPresent
    }

    /// Rules stored before `excusedCountsAsPresent` existed decode with it off.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        minimumAttendancePercent = try container.decode(Int.self, forKey: .minimumAttendancePercent)
        requiresAssessment = try container.decode(Bool.self, forKey: .requiresAssessment)
        passingScore = try container.decodeIfPresent(Double.self, forKey: .passingScore)
        excusedCountsAsPresent = try container.decodeIfPresent(Bool.self, forKey: .excusedCountsAsPresent) ?? false
    }

    /// Everything wrong with the rule, empty when it may be saved. A passing score is
    /// checked whenever one is given, even if no assessment is required yet.
    public func validate() -> [LocalizableMessage] {
        var problems: [LocalizableMessage] = []
        if !(0...100).contains(minimumAttendancePercent) {
            problems.append(.training(.completionPercentRange, [String(minimumAttendancePercent)]))
        }
        if let passingScore, !(0...100).contains(passingScore) {
            problems.append(.training(.completionPassingScoreRange, [decimalText(passingScore)]))
        } else if requiresAssessment && passingScore == nil {
            problems.append(.training(.completionPassingScoreMissing))
        }
        return problems
    }
}

public struct CompletionInput: Sendable, Equatable {
    /// Sessions of the class.
    public var sessions: Int
    /// One mark per session that has one; a session without a mark counts as absent.
    public var marks: [AttendanceMark]
    /// The final assessment score, 0…100, if the participant sat it.
    public var assessmentScore: Double?

    public init(sessions: Int, marks: [AttendanceMark], assessmentScore: Double? = nil) {
        self.sessions = sessions
        self.marks = marks
        self.assessmentScore = assessmentScore
    }
}

public struct CompletionResult: Sendable, Equatable {
    public let completed: Bool
    /// Attended sessions as a share of all sessions, 0…100, unrounded.
    public let attendancePercent: Double
    /// What is missing, in the order a participant would fix it; empty when completed.
    public let reasons: [LocalizableMessage]

    public init(completed: Bool, attendancePercent: Double, reasons: [LocalizableMessage]) {
        self.completed = completed
        self.attendancePercent = attendancePercent
        self.reasons = reasons
    }
}

public enum CompletionEvaluator {
    /// Who completed. The facilitator confirms the result; this only computes it.
    public static func evaluate(_ input: CompletionInput, rule: CompletionRule) -> CompletionResult {
        // More marks than sessions means the session count is stale; the larger number
        // keeps the percentage within 0…100.
        let denominator = max(input.sessions, input.marks.count, 0)
        let attended = input.marks.filter { $0 == .present || (rule.excusedCountsAsPresent && $0 == .excused) }.count
        let percent = denominator == 0 ? 0 : Double(attended) * 100 / Double(denominator)

        // An invalid rule never makes anyone complete: its problems are the reasons.
        var reasons = rule.validate()
        if reasons.isEmpty {
            // Compared in integers (attended/denominator ≥ minimum/100) so 4 of 5
            // sessions meets 80 % exactly, with no floating-point doubt.
            if attended * 100 < rule.minimumAttendancePercent * denominator {
                reasons.append(
                    .training(
                        .completionAttendanceShort,
                        [
                            flooredText(percent), String(rule.minimumAttendancePercent), String(attended),
                            String(denominator),
                        ]))
            } else if denominator == 0 && rule.minimumAttendancePercent > 0 {
                reasons.append(.training(.completionNoSessions))
            }
            if rule.requiresAssessment, let passing = rule.passingScore {
                reasons += assessmentReasons(score: input.assessmentScore, passing: passing)
            }
        }
        return CompletionResult(completed: reasons.isEmpty, attendancePercent: percent, reasons: reasons)
    }

    private static func assessmentReasons(score: Double?, passing: Double) -> [LocalizableMessage] {
        guard let score else { return [.training(.completionAssessmentMissing)] }
        guard (0...100).contains(score) else { return [.training(.completionScoreInvalid, [decimalText(score)])] }
        return score >= passing
            ? [] : [.training(.completionAssessmentBelow, [flooredText(score), decimalText(passing)])]
    }

    /// A shortfall is shown rounded down, so 79.99 % against 80 % reads "79.9", never "80".
    private static func flooredText(_ value: Double) -> String {
        // The tiny epsilon keeps 69.9, stored as 69.899…, from reading 69.8.
        decimalText((value * 10 + 1e-9).rounded(.down) / 10)
    }
}
