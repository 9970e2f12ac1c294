import Foundation

/// An employee's JP this year against the figure that applies to them.
public struct JPProgress: Sendable, Equatable {
    public let total: Double
    /// 20 JP minimum for PNS; for PPPK, the 24 JP ceiling.
    public let target: Double
    /// Progress bar width, 0…100, rounded down so the bar is only full when the target is met.
    public let percent: Int
    public let reached: Bool
    public let kind: EmployeeKind
    /// A PPPK above the ceiling (PP 49/2018 art. 39): their operator should look at
    /// what was credited; PNS have no ceiling.
    public let overCeiling: Bool

    public static func make(total: Double, kind: EmployeeKind, rules: JPRuleSet) -> JPProgress {
        // Ledger sums of one-decimal credits can carry float noise (19.999…); round
        // to the precision the credits have.
        let total = JPCalculator.rounded(total.isFinite ? max(0, total) : 0)
        let target = JPCalculator.target(for: kind, rules: rules)
        let percent = target > 0 ? Int((total / target * 100).rounded(.down)) : 100
        return JPProgress(
            total: total, target: target, percent: min(100, max(0, percent)), reached: total >= target, kind: kind,
            overCeiling: kind == .pppk && total > target)
    }

    /// Whether someone may end the year below `target`: they are behind a steady pace,
    /// i.e. the share of the target still missing exceeds the share of the year left.
    /// That is the same as projecting their pace so far to 31 December and falling
    /// short, and reads as: at risk when total < target × (days elapsed / days in year).
    ///
    /// Days elapsed are those before `date`, so on 1 January no one is at risk and on
    /// 31 December anyone short of the whole target is. Nothing is missing once the
    /// target is met, and a target of 0 is always met.
    public static func atRisk(total: Double, target: Double, on date: CivilDate) -> Bool {
        guard target > 0, total < target else { return false }
        let elapsed = Double(dayOfYear(date) - 1)
        let daysInYear: Double = CivilDate.isLeapYear(date.year) ? 366 : 365
        let missingShare = (target - total) / target
        let remainingShare = (daysInYear - elapsed) / daysInYear
        return remainingShare < missingShare
    }

    /// The at-risk rule by kind of employee. PPPK are never at risk: they have no
    /// yearly minimum, only a ceiling, so there is nothing they can fall short of.
    public static func atRisk(total: Double, kind: EmployeeKind, rules: JPRuleSet, on date: CivilDate) -> Bool {
        switch kind {
        case .pns: atRisk(total: total, target: rules.pnsAnnualTarget, on: date)
        case .pppk: false
        }
    }

    /// 1 on 1 January, 365 or 366 on 31 December.
    static func dayOfYear(_ date: CivilDate) -> Int {
        (1..<date.month).reduce(date.day) { $0 + (CivilDate.daysInMonth(year: date.year, month: $1) ?? 0) }
    }
}
