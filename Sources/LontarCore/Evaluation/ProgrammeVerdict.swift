import Foundation

/// A programme's evaluation figures for one year, the four Kirkpatrick levels side by side.
public struct ProgrammeFigures: Sendable, Equatable {
    /// L1: satisfaction index 0–100 across the reaction survey's Likert items.
    public var satisfaction: Double?
    public var reactionResponses: Int
    /// L2: the classes' normalised gain.
    public var normalisedGain: Double?
    public var testPairs: Int
    /// L3: share (0–100) of alumni, and of supervisors, reporting the learning applied.
    public var applicationByAlumni: Double?
    public var applicationBySupervisors: Double?
    public var behaviourResponses: Int

    public init(
        satisfaction: Double? = nil, reactionResponses: Int = 0, normalisedGain: Double? = nil, testPairs: Int = 0,
        applicationByAlumni: Double? = nil, applicationBySupervisors: Double? = nil, behaviourResponses: Int = 0
    ) {
        self.satisfaction = satisfaction
        self.reactionResponses = reactionResponses
        self.normalisedGain = normalisedGain
        self.testPairs = testPairs
        self.applicationByAlumni = applicationByAlumni
        self.applicationBySupervisors = applicationBySupervisors
        self.behaviourResponses = behaviourResponses
    }

    /// Application as the supervisors see it when they answered, else as alumni report
    /// it: supervisors are the sterner and more credible witnesses of behaviour at work.
    public var application: Double? { applicationBySupervisors ?? applicationByAlumni }
}

public enum RedesignReason: String, Sendable, CaseIterable, Codable {
    case lowSatisfaction, noGain, lowApplication
}

public enum Verdict: String, Sendable, CaseIterable, Codable {
    /// Every level with enough data is good.
    case keep
    /// One weak level: fix what it points at.
    case improve
    /// Two or more weak levels: the programme does not do its job.
    case redesign
    /// Too few answers to judge.
    case insufficientData
}

/// The thresholds BKPPD judges programmes by; data, so they can be tuned without code.
public struct VerdictThresholds: Sendable, Equatable, Codable {
    /// Below this satisfaction index (0–100) reaction is weak (70 ≈ "agree" on a 4-point scale).
    public var satisfaction: Double = 70
    /// At or below this class normalised gain nothing was learnt.
    public var gain: Double = 0.1
    /// Below this share (0–100) the learning is not applied at work.
    public var application: Double = 50
    /// A level needs at least this many answers (or test pairs) to count.
    public var minimumResponses: Int = AnonymityRule.minimumResponses

    public init() {}
}

public struct ProgrammeVerdict: Sendable, Equatable {
    public let verdict: Verdict
    public let reasons: [RedesignReason]
    /// 0–100 from the levels with data, for ranking programmes: satisfaction, gain (scaled
    /// to 100) and application weigh equally.
    public let score: Double?

    public static func judge(
        _ figures: ProgrammeFigures, thresholds: VerdictThresholds = VerdictThresholds()
    )
        -> ProgrammeVerdict
    {
        let enough = thresholds.minimumResponses
        let satisfaction = figures.reactionResponses >= enough ? figures.satisfaction : nil
        let gain = figures.testPairs >= enough ? figures.normalisedGain : nil
        let application = figures.behaviourResponses >= enough ? figures.application : nil
        var reasons: [RedesignReason] = []
        if let satisfaction, satisfaction < thresholds.satisfaction { reasons.append(.lowSatisfaction) }
        if let gain, gain <= thresholds.gain { reasons.append(.noGain) }
        if let application, application < thresholds.application { reasons.append(.lowApplication) }
        let parts = [satisfaction, gain.map { max(min($0, 1), -1) * 100 }, application].compactMap { $0 }
        let score = parts.isEmpty ? nil : parts.reduce(0, +) / Double(parts.count)
        let verdict: Verdict
        if parts.isEmpty {
            verdict = .insufficientData
        } else if reasons.count >= 2 {
            verdict = .redesign
        } else if reasons.count == 1 {
            verdict = .improve
        } else {
            verdict = .keep
        }
        return ProgrammeVerdict(verdict: verdict, reasons: reasons, score: score)
    }
}
