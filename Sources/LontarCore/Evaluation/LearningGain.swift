import Foundation

/// One participant's pre-test and post-test scores, in percent (0…100).
public struct TestPair: Sendable, Equatable {
    public let participant: String
    public let pre: Double
    public let post: Double

    public init(participant: String, pre: Double, post: Double) {
        self.participant = participant
        self.pre = pre
        self.post = post
    }

    /// Post minus pre, in percentage points.
    public var gain: Double { post - pre }

    /// Hake's normalised gain: how much of what there was left to learn was learnt,
    /// (post − pre) / (100 − pre). Undefined for someone who already scored 100.
    public var normalisedGain: Double? {
        guard pre < 100 else { return nil }
        return (post - pre) / (100 - pre)
    }

    /// A score that fell is worth a conversation, not a statistic.
    public var fell: Bool { post < pre }
}

/// Hake's bands for normalised gain.
public enum GainBand: String, Sendable, CaseIterable {
    case high, medium, low, none

    /// ≥ 0.7 high, ≥ 0.3 medium, > 0 low, otherwise none.
    public static func of(_ gain: Double) -> GainBand {
        if gain >= 0.7 { return .high }
        if gain >= 0.3 { return .medium }
        if gain > 0 { return .low }
        return .none
    }
}

/// The class's L2 figures.
public struct ClassGain: Sendable, Equatable {
    public let pairs: Int
    public let meanPre: Double?
    public let meanPost: Double?
    /// The class's normalised gain from the class means, as Hake defines it:
    /// (mean post − mean pre) / (100 − mean pre); nil without pairs or when the mean pre is 100.
    public let normalisedGain: Double?
    /// Participants whose score fell, in the order given.
    public let fell: [String]

    /// Only participants with both tests count: a pre-test alone says nothing of gain.
    public static func of(_ pairs: [TestPair]) -> ClassGain {
        guard !pairs.isEmpty else {
            return ClassGain(pairs: 0, meanPre: nil, meanPost: nil, normalisedGain: nil, fell: [])
        }
        let count = Double(pairs.count)
        let pre = pairs.reduce(0) { $0 + $1.pre } / count
        let post = pairs.reduce(0) { $0 + $1.post } / count
        let gain = pre < 100 ? (post - pre) / (100 - pre) : nil
        return ClassGain(
            pairs: pairs.count, meanPre: pre, meanPost: post, normalisedGain: gain,
            fell: pairs.filter(\.fell).map(\.participant))
    }

    public var band: GainBand? { normalisedGain.map(GainBand.of) }
}
