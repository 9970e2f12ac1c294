import Fluent
import LontarCore
import Vapor

/// The OPD dashboard (its operator, or BKPPD for any OPD) and the city dashboard (BKPPD).
enum JPDashboards {
    static func agency(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let year = JPText.year(req)
        var agency = try await askedAgency(req, principal: principal)
        if agency == nil, !principal.isAdmin, let own = principal.operatorAgencyID {
            agency = try await Agency.find(own, on: req.db)
        }
        let options = principal.isAdmin ? try await agencyOptions(req, selected: agency?.code) : []
        let years = LearningHoursController.years(
            req, year: year, path: Paths.learningHoursAgency, extra: ["agency": principal.isAdmin ? agency?.code : nil])
        guard let agency, let agencyID = agency.id else {
            // BKPPD opened the page without choosing an OPD: show only the chooser.
            let page = AgencyJPPage(
                layout: try await Layout.make(req, title: req.t("jp.agency.title")), action: Paths.learningHoursAgency,
                years: years, isAdmin: true,
                agencies: options, chosen: false, agencyName: "", headline: "", bar: nil, stats: [], behind: [],
                pager: nil, units: [], links: [])
            return try await req.renderPage("training/jp/agency", page)
        }
        let rules = try await JPRulesStore.current(year: year, on: req.db)
        let targets = JPTargets(rules)
        let language = req.language
        let paging = PageRequest.from(req)
        let (behind, behindCount) = try await LedgerQueries.pnsBelow(
            targets.pns - JPTargets.noise, scope: .agency(agencyID), year: year, page: paging, on: req.db)
        let units = try await LedgerQueries.byUnit(agencyID: agencyID, year: year, targets: targets, on: req.db)
        // Every employee is in exactly one unit row (or the "no unit" row): the OPD's
        // totals are the sum of those few rows, one full read of the ledger fewer.
        let counts = JPCounts.sum(units.map(\.counts))
        let target = JPFormat.jp(targets.pns, language: language)
        let headline = req.t("jp.reached.headline", String(counts.pns_reached), String(counts.pns), target)
        let code = principal.isAdmin ? agency.code : nil
        let query = ["year": String(year), "agency": code ?? ""]
        var links = [
            JPLink(
                href: JPLinks.with(Paths.learningHoursAtRisk, ["year": String(year), "agency": code]),
                label: req.t("jp.atRisk.title")),
            JPLink(
                href: JPLinks.with(Paths.siasnExport, ["year": String(year), "agency": code]),
                label: req.t("jp.export.agency")),
            JPLink(href: Paths.externalReview, label: req.t("jp.review.title")),
        ]
        if principal.isAdmin { links.append(JPLink(href: Paths.learningHoursCity, label: req.t("jp.city.title"))) }
        let page = AgencyJPPage(
            layout: try await Layout.make(req, title: req.t("jp.agency.titleOf", agency.name)),
            action: Paths.learningHoursAgency, years: years,
            isAdmin: principal.isAdmin, agencies: options, chosen: true, agencyName: agency.name,
            headline: headline, bar: .share(counts.reachedPercent, label: headline),
            stats: stats(counts, targets: targets, request: req),
            behind: behind.map { personRow($0, target: targets.pns, expected: nil, language: language) },
            pager: Pager(
                paging: paging, total: behindCount, path: Paths.learningHoursAgency, query: query, request: req),
            units: units.map { unitRow($0, request: req) }, links: links)
        return try await req.renderPage("training/jp/agency", page)
    }

    static func city(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let year = JPText.year(req)
        let rules = try await JPRulesStore.current(year: year, on: req.db)
        let targets = JPTargets(rules)
        let language = req.language
        let agencies = try await LedgerQueries.byAgency(year: year, targets: targets, on: req.db)
        let counts = JPCounts.sum(agencies.map(\.counts))
        let target = JPFormat.jp(targets.pns, language: language)
        let headline = req.t("jp.reached.headline", String(counts.pns_reached), String(counts.pns), target)
        let chart = BarChart.make(
            title: req.t("jp.city.chart", target),
            description: req.t("jp.city.chartDesc", target, String(year)),
            items: agencies.map { ($0.code, $0.counts.reachedPercent, JPText.percent($0.counts.reachedPercent)) })
        let rows = agencies.map { item in
            CityJPPage.AgencyRow(
                href: JPLinks.with(Paths.learningHoursAgency, ["agency": item.code, "year": String(year)]),
                code: item.code, name: item.name, employees: item.counts.employees, pns: item.counts.pns,
                reached: item.counts.pns_reached, share: JPText.percent(item.counts.reachedPercent),
                average: JPFormat.jp(item.counts.pnsAverage, language: language), pppk: item.counts.pppk)
        }
        let links = [
            JPLink(
                href: JPLinks.with(Paths.learningHoursAtRisk, ["year": String(year)]), label: req.t("jp.atRisk.title")),
            JPLink(href: JPLinks.with(Paths.siasnExport, ["year": String(year)]), label: req.t("jp.export.city")),
            JPLink(href: Paths.externalReview, label: req.t("jp.review.title")),
            JPLink(href: JPLinks.with(Paths.jpRules, ["year": String(year)]), label: req.t("jp.rules.title")),
        ]
        let page = CityJPPage(
            layout: try await Layout.make(req, title: req.t("jp.city.title")),
            years: LearningHoursController.years(req, year: year, path: Paths.learningHoursCity, extra: [:]),
            headline: headline, bar: .share(counts.reachedPercent, label: headline),
            stats: stats(counts, targets: targets, request: req), chart: chart, rows: rows, links: links)
        return try await req.renderPage("training/jp/city", page)
    }

    /// The OPD named by `?agency=CODE`: 404 when unknown, 403 when not the caller's to see.
    static func askedAgency(_ req: Request, principal: Principal) async throws -> Agency? {
        let code = (req.query[String.self, at: "agency"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty else { return nil }
        guard let agency = try await Agency.query(on: req.db).filter(\.$code == code).first() else {
            throw AppError.notFound()
        }
        guard principal.canManage(agencyID: agency.id) else { throw AppError.forbidden() }
        return agency
    }

    static func agencyOptions(_ req: Request, selected: String?) async throws -> [Option] {
        try await Agency.query(on: req.db).filter(\.$active == true).sort(\.$code).all().map {
            Option(value: $0.code, label: "\($0.code) — \($0.name)", selected: $0.code == selected)
        }
    }

    static func personRow(
        _ person: EmployeeTotal, target: Double, expected: Double?, language: Language
    )
        -> JPPersonRow
    {
        JPPersonRow(
            href: Paths.employee(person.nip), name: person.displayName, nip: person.nip, agency: person.agency_code,
            unit: person.unit_name ?? "—", jp: JPFormat.jp(person.total, language: language),
            missing: JPFormat.jp(max(0, target - person.total), language: language),
            expected: expected.map { JPFormat.jp($0, language: language) })
    }

    static func stats(_ counts: JPCounts, targets: JPTargets, request req: Request) -> [JPStat] {
        let language = req.language
        var stats = [
            JPStat(label: req.t("jp.stat.employees"), value: String(counts.employees)),
            JPStat(label: req.t("jp.stat.pnsAverage"), value: JPFormat.jp(counts.pnsAverage, language: language)),
        ]
        if counts.pppk > 0 {
            stats.append(JPStat(label: req.t("jp.stat.pppk"), value: String(counts.pppk)))
            stats.append(
                JPStat(label: req.t("jp.stat.pppkAverage"), value: JPFormat.jp(counts.pppkAverage, language: language)))
            stats.append(
                JPStat(
                    label: req.t("jp.stat.pppkCeiling", JPFormat.jp(targets.pppk, language: language)),
                    value: String(counts.pppk_at_ceiling)))
        }
        if counts.pppk_over > 0 {
            stats.append(JPStat(label: req.t("jp.stat.pppkOver"), value: String(counts.pppk_over)))
        }
        return stats
    }

    static func unitRow(_ unit: UnitCounts, request req: Request) -> AgencyJPPage.UnitRow {
        let counts = unit.counts
        let name = unit.unitName ?? req.t("jp.unit.none")
        let share = JPText.percent(counts.reachedPercent)
        return AgencyJPPage.UnitRow(
            name: name, employees: counts.employees, pns: counts.pns, reached: counts.pns_reached, share: share,
            bar: .share(counts.reachedPercent, label: req.t("jp.unit.bar", name, share)),
            average: JPFormat.jp(counts.pnsAverage, language: req.language))
    }
}
