import Fluent
import Foundation
import LontarCore
import Vapor

struct JPRulesPage: Encodable {
    struct Field: Encodable {
        let name: String
        let label: String
        let unit: String
        let value: String
        let invalid: Bool
    }
    struct Version: Encodable {
        let version: String
        let by: String
        let at: String
        let summary: String
        let current: Bool
    }
    let layout: Layout
    let action: String
    let years: JPYearNav
    let year: String
    let currentVersion: String
    let fields: [Field]
    let errors: [String]
    let versions: [Version]
}

/// BKPPD's JP conversion rules per year. Saving never edits a version: it adds the next
/// one, so every credit keeps pointing at the numbers that produced it.
struct JPRulesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.jpRules.pathComponents, use: show)
        routes.post(Paths.jpRules.pathComponents, use: save)
    }

    /// The form's fields in order, with how to read and write each number of a rule set.
    /// (Computed: key paths are not Sendable, so they cannot sit in a static constant.)
    private static var numbers:
        [(name: String, label: String, unit: String, keyPath: WritableKeyPath<JPRuleSet, Double>)]
    {
        [
            ("seminarPerDayNational", "jp.rules.seminarNational", "jp.rules.perDay", \.seminarPerDayNational),
            (
                "seminarPerDayInternational", "jp.rules.seminarInternational", "jp.rules.perDay",
                \.seminarPerDayInternational
            ),
            ("workshopPerDayNational", "jp.rules.workshopNational", "jp.rules.perDay", \.workshopPerDayNational),
            (
                "workshopPerDayInternational", "jp.rules.workshopInternational", "jp.rules.perDay",
                \.workshopPerDayInternational
            ),
            ("internationalUpliftPercent", "jp.rules.uplift", "jp.rules.percent", \.internationalUpliftPercent),
            ("pnsAnnualTarget", "jp.rules.pnsTarget", "jp.rules.perYear", \.pnsAnnualTarget),
            ("pppkAnnualCeiling", "jp.rules.pppkCeiling", "jp.rules.perYear", \.pppkAnnualCeiling),
        ]
    }

    /// Which field a `JPRuleSet.validate()` message is about, to mark it on the form.
    private static let fieldOfMessage: [String: String] = [
        "training.jp_rules.seminar_national_out_of_range": "seminarPerDayNational",
        "training.jp_rules.seminar_international_out_of_range": "seminarPerDayInternational",
        "training.jp_rules.workshop_national_out_of_range": "workshopPerDayNational",
        "training.jp_rules.workshop_international_out_of_range": "workshopPerDayInternational",
        "training.jp_rules.uplift_out_of_range": "internationalUpliftPercent",
        "training.jp_rules.pns_target_out_of_range": "pnsAnnualTarget",
        "training.jp_rules.pppk_ceiling_out_of_range": "pppkAnnualCeiling",
    ]

    func show(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let year = JPText.year(req)
        let rules = try await JPRulesStore.current(year: year, on: req.db)
        let values = Dictionary(
            uniqueKeysWithValues: Self.numbers.map { ($0.name, JPFormat.jp(rules[keyPath: $0.keyPath])) })
        return try await render(req, year: year, values: values, invalid: [], errors: [])
    }

    func save(req: Request) async throws -> Response {
        let principal = try req.require(.admin)
        let form = try req.content.decode([String: String].self)
        guard let year = form["year"].flatMap({ Int($0) }), (2000...2100).contains(year) else {
            throw AppError.invalid(
                "year", LocalizableMessage("training.jp_rules.year_out_of_range", [form["year"] ?? ""]))
        }
        let before = try await JPRulesStore.current(year: year, on: req.db)
        var proposed = before
        var errors: [String] = []
        var invalid: Set<String> = []
        for number in Self.numbers {
            let typed = (form[number.name] ?? "").trimmingCharacters(in: .whitespaces)
            // Indonesian spreadsheets and people write the decimal with a comma.
            guard let value = Double(typed.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                errors.append(req.t("jp.rules.notANumber", req.t(number.label), typed))
                invalid.insert(number.name)
                continue
            }
            proposed[keyPath: number.keyPath] = value
        }
        if errors.isEmpty {
            for problem in proposed.validate() {
                errors.append(req.t(problem))
                if let field = Self.fieldOfMessage[problem.key] { invalid.insert(field) }
            }
        }
        guard errors.isEmpty else {
            var values: [String: String] = [:]
            for number in Self.numbers { values[number.name] = form[number.name] ?? "" }
            return try await render(
                req, year: year, values: values, invalid: invalid, errors: errors, status: .unprocessableEntity)
        }
        let accepted = proposed
        let saved = try await req.db.transaction { db -> JPRuleSet in
            let saved = try await JPRulesStore.save(accepted, by: principal.displayName, now: req.now, on: db)
            let changed = changes(
                Self.numbers.map { number -> (String, String?, String?) in
                    (
                        number.name, JPFormat.jp(before[keyPath: number.keyPath]),
                        JPFormat.jp(saved[keyPath: number.keyPath])
                    )
                })
            try await Audit.record(
                req, on: db, action: "update", entity: "jpRules", entityID: "\(saved.year)/\(saved.version)",
                summary: req.t("jp.rules.audit", String(saved.year), String(saved.version)), changes: changed)
            return saved
        }
        Flash.set(req, req.t("jp.rules.saved", String(saved.year), String(saved.version)))
        return req.redirect(to: JPLinks.with(Paths.jpRules, ["year": String(year)]))
    }

    private func render(
        _ req: Request, year: Int, values: [String: String], invalid: Set<String>, errors: [String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let current = try await JPRulesStore.current(year: year, on: req.db)
        let records = try await JPRulesStore.versions(year: year, on: req.db)
        var versions = records.map { record in
            let rules = try? JSONDecoder().decode(JPRuleSet.self, from: Data(record.rules.utf8))
            return JPRulesPage.Version(
                version: String(record.version), by: record.createdBy, at: CityTime.format(record.createdAt),
                summary: rules.map { summary($0, req) } ?? "—", current: record.version == current.version)
        }
        // Version 1 is the regulation's standard set, in force until BKPPD first saves a change.
        if !records.contains(where: { $0.version == 1 }) {
            versions.append(
                JPRulesPage.Version(
                    version: "1", by: req.t("jp.rules.standard"), at: "—",
                    summary: summary(JPRuleSet.standard(year: year), req), current: current.version == 1))
        }
        let fields = Self.numbers.map { number in
            JPRulesPage.Field(
                name: number.name, label: req.t(number.label), unit: req.t(number.unit),
                value: values[number.name] ?? "",
                invalid: invalid.contains(number.name))
        }
        let page = JPRulesPage(
            layout: try await Layout.make(req, title: req.t("jp.rules.title")), action: Paths.jpRules,
            years: LearningHoursController.years(req, year: year, path: Paths.jpRules, extra: [:]), year: String(year),
            currentVersion: String(current.version), fields: fields, errors: errors, versions: versions)
        return try await req.renderPage("training/jp/rules", page, status: status)
    }

    private func summary(_ rules: JPRuleSet, _ req: Request) -> String {
        let language = req.language
        return req.t(
            "jp.rules.summary", JPFormat.jp(rules.seminarPerDayNational, language: language),
            JPFormat.jp(rules.seminarPerDayInternational, language: language),
            JPFormat.jp(rules.workshopPerDayNational, language: language),
            JPFormat.jp(rules.workshopPerDayInternational, language: language),
            JPFormat.jp(rules.internationalUpliftPercent, language: language),
            JPFormat.jp(rules.pnsAnnualTarget, language: language),
            JPFormat.jp(rules.pppkAnnualCeiling, language: language))
    }
}
