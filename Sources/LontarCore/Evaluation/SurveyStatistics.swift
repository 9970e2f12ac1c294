import Foundation

/// How many answers a Likert item collected at each point, and what they add up to.
public struct LikertDistribution: Sendable, Equatable {
    /// 4 or 5.
    public let points: Int
    /// `counts[0]` answered 1, `counts[points - 1]` answered `points`.
    public let counts: [Int]

    /// Answers outside 1…points are not counted (they cannot be stored, but a report must
    /// not be thrown by one).
    public init(points: Int, answers: [Int]) {
        self.points = points
        var counts = Array(repeating: 0, count: max(points, 0))
        for answer in answers where (1...max(points, 1)).contains(answer) { counts[answer - 1] += 1 }
        self.counts = counts
    }

    public init(points: Int, counts: [Int]) {
        self.points = points
        self.counts = counts
    }

    public var total: Int { counts.reduce(0, +) }

    public var mean: Double? {
        guard total > 0 else { return nil }
        let sum = counts.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return Double(sum) / Double(total)
    }

    /// The mean on a 0–100 scale, so 4- and 5-point items can be averaged together:
    /// 1 is 0, the top point is 100 (a 5-point mean of 4.2 is 80).
    public var index: Double? {
        guard let mean, points > 1 else { return nil }
        return (mean - 1) / Double(points - 1) * 100
    }

    /// Share (0…100) answering in the top half of the scale: 3–4 of 4, 4–5 of 5. The middle
    /// of a 5-point scale is neutral and does not count as agreement.
    public var agreePercent: Double? {
        guard total > 0 else { return nil }
        let from = points - points / 2 + 1
        let agreeing = counts.enumerated().filter { $0.offset + 1 >= from }.reduce(0) { $0 + $1.element }
        return Double(agreeing) * 100 / Double(total)
    }

    /// Percent of answers at each point, in order (sums to 100 up to rounding).
    public var percents: [Double] {
        guard total > 0 else { return counts.map { _ in 0 } }
        return counts.map { Double($0) * 100 / Double(total) }
    }
}

/// Who answered out of who was asked.
public struct ResponseRate: Sendable, Equatable {
    public let invited: Int
    public let answered: Int

    public init(invited: Int, answered: Int) {
        self.invited = invited
        self.answered = answered
    }

    public var percent: Double? {
        guard invited > 0 else { return nil }
        return Double(min(answered, invited)) * 100 / Double(invited)
    }
}

/// Results of an anonymous survey are shown only once enough people answered that no
/// answer can be traced to a person in a small class.
public enum AnonymityRule {
    public static let minimumResponses = 5

    public static func mayShow(responses: Int, anonymous: Bool) -> Bool {
        !anonymous || responses >= minimumResponses
    }
}
