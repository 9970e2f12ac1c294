import Foundation

/// Which conversion turns an activity into JP (jam pelajaran).
public enum JPConversionKind: String, Sendable, Codable, CaseIterable {
    /// Seminar, conference, sarasehan (KL06): credited per day.
    case seminar
    /// Workshop, lokakarya (KL07): credited per day.
    case workshop
    /// Every other form: the JP the programme itself states.
    case structured
}

/// The JP conversion rules of one year. BKPPD edits them, so they are data; each change
/// is a new `version`, and a credit records the year and version that produced it, so
/// a later edit never silently rewrites JP someone already earned.
public struct JPRuleSet: Sendable, Codable, Equatable {
    public var year: Int
    public var version: Int
    public var seminarPerDayNational: Double
    public var seminarPerDayInternational: Double
    public var workshopPerDayNational: Double
    public var workshopPerDayInternational: Double
    /// Structured programmes held at international level count JP × (1 + uplift / 100).
    public var internationalUpliftPercent: Double
    /// The PNS right to at least 20 JP a year: PP 11/2017 art. 203(4) as amended by PP 17/2020.
    public var pnsAnnualTarget: Double
    /// PPPK development is capped at 24 JP per contract year (PP 49/2018 art. 39).
    public var pppkAnnualCeiling: Double

    public init(
        year: Int, version: Int, seminarPerDayNational: Double, seminarPerDayInternational: Double,
        workshopPerDayNational: Double, workshopPerDayInternational: Double, internationalUpliftPercent: Double,
        pnsAnnualTarget: Double, pppkAnnualCeiling: Double
    ) {
        self.year = year
        self.version = version
        self.seminarPerDayNational = seminarPerDayNational
        self.seminarPerDayInternational = seminarPerDayInternational
        self.workshopPerDayNational = workshopPerDayNational
        self.workshopPerDayInternational = workshopPerDayInternational
        self.internationalUpliftPercent = internationalUpliftPercent
        self.pnsAnnualTarget = pnsAnnualTarget
        self.pppkAnnualCeiling = pppkAnnualCeiling
    }

    /// The conversion agencies apply today (seminar 4/6 JP a day, workshop 5/7 JP a day,
    /// +20 % for international programmes, 20 JP for PNS, at most 24 JP for PPPK).
    public static func standard(year: Int) -> JPRuleSet {
        JPRuleSet(
            year: year, version: 1, seminarPerDayNational: 4, seminarPerDayInternational: 6,
            workshopPerDayNational: 5, workshopPerDayInternational: 7, internationalUpliftPercent: 20,
            pnsAnnualTarget: 20, pppkAnnualCeiling: 24)
    }

    /// Everything wrong with the rule set, empty when it may be saved. 1000 JP is far
    /// above any real figure (a year has about 1,900 working hours) and catches typos
    /// such as 40 typed as 4000; NaN and infinity fail the range checks too.
    public func validate() -> [LocalizableMessage] {
        var problems: [LocalizableMessage] = []
        if !(2000...2100).contains(year) { problems.append(.training(.rulesYear, [String(year)])) }
        if version < 1 { problems.append(.training(.rulesVersion, [String(version)])) }
        let amounts: [(Double, TrainingMessageKey)] = [
            (seminarPerDayNational, .rulesSeminarNational),
            (seminarPerDayInternational, .rulesSeminarInternational),
            (workshopPerDayNational, .rulesWorkshopNational),
            (workshopPerDayInternational, .rulesWorkshopInternational),
            (pnsAnnualTarget, .rulesPNSTarget),
            (pppkAnnualCeiling, .rulesPPPKCeiling),
        ]
        for (value, key) in amounts where !(0...1000).contains(value) {
            problems.append(.training(key, [decimalText(value)]))
        }
        if !(0...100).contains(internationalUpliftPercent) {
            problems.append(.training(.rulesUplift, [decimalText(internationalUpliftPercent)]))
        }
        return problems
    }
}

/// JP credited for one activity, with the rule version that produced it and a message
/// that shows the employee how it was computed.
public struct JPCredit: Sendable, Equatable, Codable {
    public let jp: Double
    public let ruleYear: Int
    public let ruleVersion: Int
    public let explanation: LocalizableMessage

    public init(jp: Double, ruleYear: Int, ruleVersion: Int, explanation: LocalizableMessage) {
        self.jp = jp
        self.ruleYear = ruleYear
        self.ruleVersion = ruleVersion
        self.explanation = explanation
    }
}

public enum JPCalculator {
    /// One JP is 45 minutes by convention.
    public static let minutesPerJP = 45

    /// The JP an activity earns.
    /// - Parameters:
    ///   - days: number of distinct calendar days of the activity (seminars, workshops).
    ///   - programmeJP: the programme's own JP (structured programmes; ignored otherwise).
    public static func credit(
        kind: JPConversionKind, international: Bool, programmeJP: Double, days: Int, rules: JPRuleSet
    ) -> Result<JPCredit, LocalizableMessage> {
        guard rules.validate().isEmpty else {
            return .failure(.training(.jpRulesInvalid, [String(rules.year), String(rules.version)]))
        }
        let version = [String(rules.year), String(rules.version)]
        let jp: Double
        let explanation: LocalizableMessage
        switch kind {
        case .seminar, .workshop:
            guard days >= 1 else { return .failure(.training(.jpDaysRequired, [String(days)])) }
            let perDay: Double
            let key: TrainingMessageKey
            switch (kind, international) {
            case (.seminar, false): (perDay, key) = (rules.seminarPerDayNational, .explainSeminarNational)
            case (.seminar, true): (perDay, key) = (rules.seminarPerDayInternational, .explainSeminarInternational)
            case (_, false): (perDay, key) = (rules.workshopPerDayNational, .explainWorkshopNational)
            case (_, true): (perDay, key) = (rules.workshopPerDayInternational, .explainWorkshopInternational)
            }
            jp = rounded(Double(days) * perDay)
            explanation = .training(key, [String(days), decimalText(perDay), decimalText(jp)] + version)
        case .structured:
            guard programmeJP.isFinite else { return .failure(.training(.jpNotANumber)) }
            guard programmeJP >= 0 else { return .failure(.training(.jpNegative, [decimalText(programmeJP)])) }
            if international {
                // Multiply before dividing so 7 JP × 120 / 100 is exactly 8.4, not 8.3999….
                jp = rounded(programmeJP * (100 + rules.internationalUpliftPercent) / 100)
                let uplift = decimalText(rules.internationalUpliftPercent)
                explanation = .training(
                    .explainStructuredInternational, [decimalText(programmeJP), uplift, decimalText(jp)] + version)
            } else {
                jp = rounded(programmeJP)
                explanation = .training(
                    .explainStructuredNational, [decimalText(programmeJP), decimalText(jp)] + version)
            }
        }
        return .success(JPCredit(jp: jp, ruleYear: rules.year, ruleVersion: rules.version, explanation: explanation))
    }

    /// The yearly figure the employee's progress is measured against: the PNS minimum,
    /// or for PPPK the ceiling (they have no minimum, only a cap).
    public static func target(for kind: EmployeeKind, rules: JPRuleSet) -> Double {
        switch kind {
        case .pns: rules.pnsAnnualTarget
        case .pppk: rules.pppkAnnualCeiling
        }
    }

    /// JP for nonklasikal learning measured in minutes (an e-learning module, a
    /// coaching session). A negative duration earns nothing rather than taking JP away.
    public static func jp(minutes: Int) -> Double {
        rounded(Double(max(0, minutes)) / Double(minutesPerJP))
    }

    /// JP are kept to one decimal, rounding halves away from zero as people round by
    /// hand. One decimal is what certificates print (7.5 JP for 337.5 minutes) and
    /// what the international uplift produces from whole JP (7 × 1.2 = 8.4); finer
    /// fractions from minute conversion (100 min = 2.22… JP) would only make ledgers
    /// that cannot be added up by eye. Each credit is rounded once, when it is made,
    /// so a ledger total is exactly the sum of the lines the employee sees.
    static func rounded(_ jp: Double) -> Double {
        (jp * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}
