import Foundation
import Testing
@testable import LontarCore

@Suite("JP conversion rules")
struct JPRulesTests {
    static let rules = JPRuleSet.standard(year: 2025)

    static func credit(
        _ kind: JPConversionKind, international: Bool = false, programmeJP: Double = 0, days: Int = 1,
        rules: JPRuleSet = rules
    ) -> Result<JPCredit, LocalizableMessage> {
        JPCalculator.credit(
            kind: kind, international: international, programmeJP: programmeJP, days: days, rules: rules)
    }

    @Test("the standard rule set carries the agreed figures and is valid")
    func standard() {
        let rules = JPRuleSet.standard(year: 2025)
        #expect(rules.year == 2025 && rules.version == 1)
        #expect([rules.seminarPerDayNational, rules.seminarPerDayInternational] == [4, 6])
        #expect([rules.workshopPerDayNational, rules.workshopPerDayInternational] == [5, 7])
        #expect(rules.internationalUpliftPercent == 20)
        #expect(rules.pnsAnnualTarget == 20 && rules.pppkAnnualCeiling == 24)
        #expect(rules.validate().isEmpty)
        #expect(JPRuleSet.standard(year: 2000).validate().isEmpty && JPRuleSet.standard(year: 2100).validate().isEmpty)
    }

    static let invalidEdits: [(String, @Sendable (inout JPRuleSet) -> Void, String)] = [
        ("year 1999", { $0.year = 1999 }, "training.jp_rules.year_out_of_range"),
        ("year 2101", { $0.year = 2101 }, "training.jp_rules.year_out_of_range"),
        ("version 0", { $0.version = 0 }, "training.jp_rules.version_invalid"),
        ("negative seminar", { $0.seminarPerDayNational = -1 }, "training.jp_rules.seminar_national_out_of_range"),
        (
            "NaN seminar", { $0.seminarPerDayInternational = .nan },
            "training.jp_rules.seminar_international_out_of_range"
        ),
        ("huge workshop", { $0.workshopPerDayNational = 1000.5 }, "training.jp_rules.workshop_national_out_of_range"),
        (
            "infinite workshop", { $0.workshopPerDayInternational = .infinity },
            "training.jp_rules.workshop_international_out_of_range"
        ),
        ("uplift 101", { $0.internationalUpliftPercent = 101 }, "training.jp_rules.uplift_out_of_range"),
        ("negative uplift", { $0.internationalUpliftPercent = -5 }, "training.jp_rules.uplift_out_of_range"),
        ("negative target", { $0.pnsAnnualTarget = -20 }, "training.jp_rules.pns_target_out_of_range"),
        ("typo ceiling", { $0.pppkAnnualCeiling = 2400 }, "training.jp_rules.pppk_ceiling_out_of_range"),
    ]

    @Test("each out-of-range figure is named", arguments: invalidEdits)
    func invalidRules(label: String, edit: @Sendable (inout JPRuleSet) -> Void, key: String) {
        var rules = Self.rules
        edit(&rules)
        #expect(rules.validate().map(\.key) == [key], "\(label)")
        if case .failure(let message) = Self.credit(.structured, programmeJP: 10, rules: rules) {
            #expect(
                message == LocalizableMessage("training.jp.rules_invalid", [String(rules.year), String(rules.version)]))
        } else {
            Issue.record("a credit was computed with invalid rules (\(label))")
        }
    }

    @Test("several problems are all reported")
    func severalProblems() {
        var rules = Self.rules
        rules.year = 1900
        rules.version = -1
        rules.pnsAnnualTarget = .nan
        #expect(rules.validate().count == 3)
    }

    @Test(
        "seminars and workshops count per day, national or international",
        arguments: [
            (JPConversionKind.seminar, false, 3, 12.0, "training.jp.explain.seminar_national", "4"),
            (.seminar, true, 2, 12, "training.jp.explain.seminar_international", "6"),
            (.workshop, false, 2, 10, "training.jp.explain.workshop_national", "5"),
            (.workshop, true, 3, 21, "training.jp.explain.workshop_international", "7"),
        ])
    func perDay(kind: JPConversionKind, international: Bool, days: Int, jp: Double, key: String, perDay: String) throws
    {
        let credit = try Self.credit(kind, international: international, programmeJP: 99, days: days).get()
        #expect(credit.jp == jp)
        #expect(credit.explanation == LocalizableMessage(key, [String(days), perDay, decimalText(jp), "2025", "1"]))
        #expect(credit.ruleYear == 2025 && credit.ruleVersion == 1)
    }

    @Test(
        "structured programmes carry their own JP, +20 % when international, rounded to one decimal",
        arguments: [
            (32.0, false, 32.0), (7, true, 8.4), (32, true, 38.4), (7.25, false, 7.3), (7.25, true, 8.7),
            (0, false, 0), (0, true, 0), (2.04, false, 2.0),
        ])
    func structured(programmeJP: Double, international: Bool, jp: Double) throws {
        let credit = try Self.credit(.structured, international: international, programmeJP: programmeJP, days: 0).get()
        #expect(credit.jp == jp)
        #expect(credit.explanation.key.hasSuffix(international ? "structured_international" : "structured_national"))
        #expect(credit.explanation.arguments.contains(decimalText(jp)))
    }

    @Test("a credit keeps the year and version of the rules that produced it, and edits apply")
    func versioned() throws {
        var rules = JPRuleSet.standard(year: 2026)
        rules.version = 3
        rules.seminarPerDayNational = 5
        let credit = try Self.credit(.seminar, days: 2, rules: rules).get()
        #expect(credit.jp == 10)
        #expect(credit.ruleYear == 2026 && credit.ruleVersion == 3)
        #expect(credit.explanation.arguments == ["2", "5", "10", "2026", "3"])
        let decoded = try JSONDecoder().decode(JPCredit.self, from: JSONEncoder().encode(credit))
        #expect(decoded == credit)
        #expect(try JSONDecoder().decode(JPRuleSet.self, from: JSONEncoder().encode(rules)) == rules)
    }

    @Test(
        "bad input is refused with a message",
        arguments: [
            (JPConversionKind.structured, -1.0, 1, LocalizableMessage("training.jp.negative", ["-1"])),
            (.structured, -0.25, 1, LocalizableMessage("training.jp.negative", ["-0.3"])),
            (.structured, .nan, 1, LocalizableMessage("training.jp.not_a_number")),
            (.structured, .infinity, 1, LocalizableMessage("training.jp.not_a_number")),
            (.seminar, 10, 0, LocalizableMessage("training.jp.days_required", ["0"])),
            (.workshop, 10, -2, LocalizableMessage("training.jp.days_required", ["-2"])),
        ])
    func badInput(kind: JPConversionKind, programmeJP: Double, days: Int, message: LocalizableMessage) {
        #expect(throws: message) { try Self.credit(kind, programmeJP: programmeJP, days: days).get() }
    }

    @Test("the yearly figure is the PNS minimum or the PPPK ceiling")
    func target() {
        #expect(JPCalculator.target(for: .pns, rules: Self.rules) == 20)
        #expect(JPCalculator.target(for: .pppk, rules: Self.rules) == 24)
    }

    @Test(
        "minutes convert at 45 minutes a JP, to one decimal, never below zero",
        arguments: [(45, 1.0), (90, 2), (100, 2.2), (337, 7.5), (30, 0.7), (0, 0), (-30, 0), (2 * 60, 2.7)])
    func minutes(minutes: Int, jp: Double) {
        #expect(JPCalculator.jp(minutes: minutes) == jp)
    }

    @Test("numbers are written with at most one decimal and no trailing .0")
    func numberText() {
        #expect(decimalText(20) == "20")
        #expect(decimalText(7.5) == "7.5")
        #expect(decimalText(8.399999999) == "8.4")
        #expect(decimalText(-0.01) == "0")
        #expect(decimalText(1000.5) == "1000.5")
    }
}
