import Foundation

/// Something about a question worth a facilitator's look.
public enum ItemFlag: String, Sendable, Codable, CaseIterable {
    /// Facility above 0.9: nearly everyone gets it, so it tells learners apart little.
    case veryEasy
    /// Facility below 0.2: nearly nobody gets it; often an unclear text or a wrong key.
    case veryHard
    /// Discrimination below 0: the learners who do best on the rest of the quiz do worse
    /// here, the classic sign of a wrong answer key or a misleading question.
    case negativeDiscrimination
    /// Discrimination 0…0.2: Ebel's "poor" band; the question hardly follows ability.
    case weakDiscrimination
}

/// One question's statistics over a set of attempts.
public struct ItemSummary: Sendable, Equatable {
    public let questionID: String
    /// Attempts that had this question (drawn from a category, not every attempt does).
    public let attempts: Int
    public let facility: Double?
    /// Sample standard deviation of the question's fractions; nil under two attempts.
    public let standardDeviation: Double?
    public let discrimination: Double?
    /// Empty below `ItemStatistics.minimumAttemptsForFlags` attempts.
    public let flags: Set<ItemFlag>

    public init(
        questionID: String, attempts: Int, facility: Double?, standardDeviation: Double?, discrimination: Double?,
        flags: Set<ItemFlag>
    ) {
        self.questionID = questionID
        self.attempts = attempts
        self.facility = facility
        self.standardDeviation = standardDeviation
        self.discrimination = discrimination
        self.flags = flags
    }
}

/// Classical test theory statistics for spotting bad questions, as Moodle's quiz
/// statistics report shows them.
public enum ItemStatistics {
    /// Below this many attempts figures swing too much to accuse a question of anything.
    public static let minimumAttemptsForFlags = 10

    /// Facility index: the mean fraction earned, 0 (nobody) … 1 (everyone). Nil for no data.
    public static func facility(_ scores: [Double]) -> Double? {
        guard !scores.isEmpty, scores.allSatisfy(\.isFinite) else { return nil }
        return scores.reduce(0, +) / Double(scores.count)
    }

    /// Discrimination: the Pearson (point-biserial for right/wrong items) correlation of
    /// the item's score with the rest of the attempt, total minus the item. The item is
    /// taken out because it would otherwise correlate with itself and look better than it
    /// is, most of all in short quizzes. Nil when the lists differ in length, n < 2, or
    /// either side does not vary (everyone scored alike: nothing to correlate).
    public static func discrimination(itemScores: [Double], totalScores: [Double]) -> Double? {
        guard itemScores.count == totalScores.count, itemScores.count >= 2 else { return nil }
        return correlation(itemScores, zip(totalScores, itemScores).map { $0 - $1 })
    }

    /// Statistics for every question in `attempts`, each attempt given as the fraction
    /// (0…1) earned per question id; leave out questions still awaiting grading. `marks`
    /// weighs each question in the attempt's total (1 when absent), as the quiz does.
    /// Pass one attempt per learner (typically the first): a learner's retakes are not
    /// independent of each other and would inflate the figures. Sorted by question id.
    public static func summarise(attempts: [[String: Double]], marks: [String: Double] = [:]) -> [ItemSummary] {
        let questionIDs = Set(attempts.flatMap(\.keys)).sorted()
        let totals = attempts.map { attempt in
            attempt.reduce(0) { $0 + $1.value * (marks[$1.key] ?? 1) }
        }
        return questionIDs.map { id in
            var item: [Double] = []
            var rest: [Double] = []
            for (attempt, total) in zip(attempts, totals) {
                guard let fraction = attempt[id] else { continue }
                item.append(fraction)
                rest.append(total - fraction * (marks[id] ?? 1))
            }
            let facility = facility(item)
            let discrimination = item.count >= 2 ? correlation(item, rest) : nil
            return ItemSummary(
                questionID: id, attempts: item.count, facility: facility,
                standardDeviation: sampleStandardDeviation(item), discrimination: discrimination,
                flags: flags(attempts: item.count, facility: facility, discrimination: discrimination))
        }
    }

    static func flags(attempts: Int, facility: Double?, discrimination: Double?) -> Set<ItemFlag> {
        guard attempts >= minimumAttemptsForFlags else { return [] }
        var flags: Set<ItemFlag> = []
        if let facility, facility > 0.9 { flags.insert(.veryEasy) }
        if let facility, facility < 0.2 { flags.insert(.veryHard) }
        if let discrimination, discrimination < 0 { flags.insert(.negativeDiscrimination) }
        if let discrimination, (0..<0.2).contains(discrimination) { flags.insert(.weakDiscrimination) }
        return flags
    }

    static func sampleStandardDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = facility(values) else { return nil }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// Pearson's r. A spread below a trillionth of the values' size counts as none, so a
    /// column of equal decimals (whose mean is off by rounding) is not "correlated" noise.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2, let meanX = facility(x), let meanY = facility(y) else { return nil }
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        let sizeX = x.reduce(0) { $0 + $1 * $1 }
        let sizeY = y.reduce(0) { $0 + $1 * $1 }
        guard sxx > 1e-12 * max(1, sizeX), syy > 1e-12 * max(1, sizeY) else { return nil }
        return min(1, max(-1, sxy / (sxx * syy).squareRoot()))
    }
}
