import Fluent
import LontarCore
import Vapor

/// Learning hours (JP): each employee's own ledger and progress, the OPD and city
/// dashboards, and the list of people at risk of ending the year short.
struct LearningHoursController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.learningHours.pathComponents, use: mine)
        routes.get(Paths.learningHoursAgency.pathComponents) { try await JPDashboards.agency(req: $0) }
        routes.get(Paths.learningHoursCity.pathComponents) { try await JPDashboards.city(req: $0) }
        routes.get(Paths.learningHoursAtRisk.pathComponents, use: atRisk)
    }

    func mine(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let employeeID = principal.employeeID, let employee = try await Employee.find(employeeID, on: req.db)
        else {
            // Accounts without an employee record (BKPPD's administrators) have no JP of their own.
            if principal.isAdmin { return req.redirect(to: Paths.learningHoursCity) }
            if principal.isOperator { return req.redirect(to: Paths.learningHoursAgency) }
            throw AppError.notFound()
        }
        let year = JPText.year(req)
        let rules = try await JPRulesStore.current(year: year, on: req.db)
        let lines = try await LedgerQueries.entries(employeeID: employeeID, year: year, on: req.db)
        let kind = EmployeeKind(rawValue: employee.kind) ?? .pns
        // A person's own ledger is a handful of lines: summing the lines they see keeps
        // the total exactly the sum on screen.
        let progress = JPProgress.make(total: lines.reduce(0) { $0 + $1.jp }, kind: kind, rules: rules)
        let language = req.language
        let total = JPFormat.jp(progress.total, language: language)
        let target = JPFormat.jp(progress.target, language: language)
        let summary: String
        var note: String?
        var warning: String?
        switch kind {
        case .pns:
            summary =
                progress.reached
                ? req.t("jp.mine.reached", total, target, String(year))
                : req.t(
                    "jp.mine.pns", total, target, String(year),
                    JPFormat.jp(progress.target - progress.total, language: language))
        case .pppk:
            summary = req.t("jp.mine.pppk", total, target, String(year))
            note = req.t("jp.mine.pppkNote", target)
            if progress.overCeiling { warning = req.t("jp.mine.overCeiling", target) }
        }
        let entries = lines.map { line in
            MyLearningHoursPage.Entry(
                title: line.title, form: JPText.formName(line.form_code, language: language),
                dates: JPText.dates(line.start_date, line.end_date, language: language),
                jp: JPFormat.jp(line.jp, language: language),
                source: req.t(line.source == "external" ? "jp.source.external" : "jp.source.class"),
                organiser: line.organiser, certificate: line.certificate_number.isEmpty ? "—" : line.certificate_number,
                rule: req.t("jp.rule.version", String(line.rule_year), String(line.rule_version)))
        }
        let page = MyLearningHoursPage(
            layout: try await Layout.make(req, title: req.t("jp.mine.title")),
            years: Self.years(req, year: year, path: Paths.learningHours, extra: [:]),
            bar: .make(progress, request: req), summary: summary, note: note, warning: warning, entries: entries,
            externalHref: Paths.externalLearning,
            exportHref: JPLinks.with(Paths.siasnExport, ["year": String(year), "mine": "1"]),
            links: Self.dashboards(req, principal: principal))
        return try await req.renderPage("training/jp/mine", page)
    }

    /// Supervisors see their direct reports, operators their OPD, BKPPD the city or one OPD.
    func atRisk(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator, .supervisor)
        let year = JPText.year(req)
        let asked = try await JPDashboards.askedAgency(req, principal: principal)
        let scope: JPScope
        let scopeLabel: String
        if let asked {
            scope = .agency(try asked.requireID())
            scopeLabel = asked.name
        } else if principal.isAdmin {
            scope = .city
            scopeLabel = req.t("jp.scope.city")
        } else if principal.isOperator, let own = principal.operatorAgencyID,
            let agency = try await Agency.find(own, on: req.db)
        {
            scope = .agency(own)
            scopeLabel = agency.name
        } else if let me = principal.employeeID {
            scope = .reportsOf(me)
            scopeLabel = req.t("jp.scope.reports")
        } else {
            throw AppError.forbidden()
        }
        let rules = try await JPRulesStore.current(year: year, on: req.db)
        let today = CityTime.today(req.clock)
        let target = rules.pnsAnnualTarget
        let language = req.language
        let limit: Double
        let intro: String
        if year < today.year {
            limit = target - JPTargets.noise
            intro = req.t("jp.atRisk.introPast", JPFormat.jp(target, language: language), String(year))
        } else if year > today.year {
            limit = 0
            intro = req.t("jp.atRisk.introFuture", String(year))
        } else {
            limit = LedgerQueries.atRiskLimit(target: target, on: today)
            intro = req.t(
                "jp.atRisk.intro", JPFormat.jp(target, language: language),
                CityTime.longDate(today, language: language), JPFormat.jp(limit, language: language))
        }
        let paging = PageRequest.from(req)
        let (totals, count) = try await LedgerQueries.pnsBelow(
            limit, scope: scope, year: year, page: paging, on: req.db)
        let rows = totals.map { person in
            JPDashboards.personRow(
                person, target: target, expected: year == today.year ? limit : nil, language: language)
        }
        let agencyCode = asked?.code
        let query = ["year": String(year), "agency": agencyCode ?? ""]
        let page = AtRiskPage(
            layout: try await Layout.make(req, title: req.t("jp.atRisk.title")), action: Paths.learningHoursAtRisk,
            years: Self.years(req, year: year, path: Paths.learningHoursAtRisk, extra: ["agency": agencyCode]),
            scope: scopeLabel, intro: intro, isAdmin: principal.isAdmin,
            agencies: principal.isAdmin ? try await JPDashboards.agencyOptions(req, selected: agencyCode) : [],
            rows: rows,
            pager: Pager(paging: paging, total: count, path: Paths.learningHoursAtRisk, query: query, request: req))
        return try await req.renderPage("training/jp/at-risk", page)
    }

    static func years(_ req: Request, year: Int, path: String, extra: [String: String?]) -> JPYearNav {
        func link(_ target: Int) -> JPLink? {
            guard (2000...2100).contains(target) else { return nil }
            var items = extra
            items["year"] = String(target)
            return JPLink(href: JPLinks.with(path, items), label: String(target))
        }
        return JPYearNav(year: String(year), previous: link(year - 1), next: link(year + 1))
    }

    /// The other JP pages this person may open; the site menu only has "JP saya".
    static func dashboards(_ req: Request, principal: Principal) -> [JPLink] {
        var links: [JPLink] = []
        if principal.isAdmin {
            links.append(JPLink(href: Paths.learningHoursCity, label: req.t("jp.city.title")))
            links.append(JPLink(href: Paths.jpRules, label: req.t("jp.rules.title")))
        }
        if principal.isOperator {
            links.append(JPLink(href: Paths.learningHoursAgency, label: req.t("jp.agency.title")))
        }
        if principal.isAdmin || principal.isOperator {
            links.append(JPLink(href: Paths.externalReview, label: req.t("jp.review.title")))
        }
        if principal.isAdmin || principal.isOperator || principal.has(.supervisor) {
            links.append(JPLink(href: Paths.learningHoursAtRisk, label: req.t("jp.atRisk.title")))
        }
        return links
    }
}
