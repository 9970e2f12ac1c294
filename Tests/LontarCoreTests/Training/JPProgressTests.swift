import Foundation
import Testing
@testable import LontarCore

@Suite("JP progress and the at-risk rule")
struct JPProgressTests {
    static let rules = JPRuleSet.standard(year: 2025)

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)!
    }

    @Test(
        "progress toward 20 JP (PNS) or the 24 JP ceiling (PPPK)",
        arguments: [
            (EmployeeKind.pns, 10.0, 20.0, 50, false, false), (.pns, 19.99, 20, 100, true, false),
            (.pns, 19.9, 20, 99, false, false), (.pns, 20, 20, 100, true, false), (.pns, 31.5, 20, 100, true, false),
            (.pns, 0, 20, 0, false, false), (.pns, -3, 20, 0, false, false), (.pppk, 12, 24, 50, false, false),
            (.pppk, 24, 24, 100, true, false), (.pppk, 24.5, 24, 100, true, true),
        ])
    func progress(kind: EmployeeKind, total: Double, target: Double, percent: Int, reached: Bool, over: Bool) {
        let progress = JPProgress.make(total: total, kind: kind, rules: Self.rules)
        #expect(progress.target == target)
        #expect(progress.percent == percent)
        #expect(progress.reached == reached)
        #expect(progress.overCeiling == over)
        #expect(progress.kind == kind)
    }

    @Test("float noise from adding up credits does not keep someone below 20")
    func ledgerNoise() {
        let total = Array(repeating: 0.1, count: 200).reduce(0, +)  // 19.999999999999…
        #expect(total != 20)
        let progress = JPProgress.make(total: total, kind: .pns, rules: Self.rules)
        #expect(progress.total == 20 && progress.reached && progress.percent == 100)
        #expect(JPProgress.make(total: .nan, kind: .pns, rules: Self.rules).total == 0)
    }

    @Test("a target of 0 is always reached")
    func zeroTarget() {
        var rules = Self.rules
        rules.pnsAnnualTarget = 0
        let progress = JPProgress.make(total: 0, kind: .pns, rules: rules)
        #expect(progress.reached && progress.percent == 100)
    }

    @Test(
        "at risk when behind a steady pace through the year",
        arguments: [
            (0.0, 1, 1, false),  // nothing has elapsed on 1 January
            (0, 1, 2, true), (0.1, 1, 2, false),  // one day elapsed: 20 × 1/365 ≈ 0.055 JP
            (10, 7, 1, false), (9, 7, 1, true),  // 181 days elapsed: 20 × 181/365 ≈ 9.9 JP
            (19, 12, 31, true), (19.95, 12, 31, false), (20, 12, 31, false), (25, 6, 1, false),
        ])
    func atRisk(total: Double, month: Int, day: Int, risk: Bool) {
        #expect(JPProgress.atRisk(total: total, target: 20, on: Self.date(2025, month, day)) == risk)
    }

    @Test("the rule is the same as projecting the pace so far to 31 December and falling short")
    func paceProjection() {
        for day in 1...365 {
            let date = CivilDate(year: 2025, month: 1, day: 1)!.adding(days: day - 1)
            let elapsed = Double(day - 1)
            for total in stride(from: 0.0, through: 20, by: 0.5) {
                // total / (elapsed / 365) < 20, multiplied out (exact in floating point here).
                let projectedShort = total * 365 < 20 * elapsed
                #expect(JPProgress.atRisk(total: total, target: 20, on: date) == projectedShort, "\(date) \(total)")
            }
        }
    }

    @Test("a leap year has 366 days")
    func leapYear() {
        #expect(JPProgress.dayOfYear(Self.date(2024, 12, 31)) == 366)
        #expect(JPProgress.dayOfYear(Self.date(2025, 12, 31)) == 365)
        #expect(JPProgress.dayOfYear(Self.date(2024, 3, 1)) == 61)
        // 20 × 365/366 ≈ 19.945 on the last day of a leap year.
        #expect(!JPProgress.atRisk(total: 19.95, target: 20, on: Self.date(2024, 12, 31)))
        #expect(JPProgress.atRisk(total: 19.94, target: 20, on: Self.date(2024, 12, 31)))
    }

    @Test("PPPK are never at risk; PNS are measured against the PNS target")
    func byKind() {
        let lastDay = Self.date(2025, 12, 31)
        #expect(!JPProgress.atRisk(total: 0, kind: .pppk, rules: Self.rules, on: lastDay))
        #expect(JPProgress.atRisk(total: 0, kind: .pns, rules: Self.rules, on: lastDay))
        #expect(!JPProgress.atRisk(total: 0, target: 0, on: lastDay))
    }
}

extension CivilDate {
    fileprivate func adding(days: Int) -> CivilDate {
        var (year, month, day) = (self.year, self.month, self.day + days)
        while day > CivilDate.daysInMonth(year: year, month: month)! {
            day -= CivilDate.daysInMonth(year: year, month: month)!
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return CivilDate(year: year, month: month, day: day)!
    }
}
