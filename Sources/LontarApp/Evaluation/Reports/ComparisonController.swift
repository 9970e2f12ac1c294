import Fluent
import LontarCore
import Vapor

/// BKPPD's ranking of every programme with evaluation data in a year (`/evaluasi`), with the
/// two years before for trend, filterable by verdict, and its CSV.
struct ComparisonController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.evaluationComparison.pathComponents, use: page)
        routes.get(Paths.evaluationComparisonCSV.pathComponents, use: csv)
    }

    struct Row: Sendable {
        let programmeID: UUID
        let title: String
        let report: ProgrammeReport
        let verdict: ProgrammeVerdict
        /// The verdicts of the two years before, oldest first (nil: no data that year).
        let earlier: [Verdict?]
    }

    /// Ranked by verdict score, best first; programmes without a score last, by title.
    static func rows(year: Int, on db: any Database) async throws -> [Row] {
        // Three years, each a constant number of grouped queries over all programmes.
        let current = try await ReportQueries.reports(ReportScope(year: year), on: db).filter { $0.value.hasData }
        let before = try await ReportQueries.reports(ReportScope(year: year - 1), on: db)
        let twoBefore = try await ReportQueries.reports(ReportScope(year: year - 2), on: db)
        let ids = Array(current.keys)
        let titles =
            ids.isEmpty
            ? [:]
            : Dictionary(
                try await Programme.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.title) },
                uniquingKeysWith: { first, _ in first })
        func verdict(_ reports: [UUID: ProgrammeReport], _ id: UUID) -> Verdict? {
            reports[id].flatMap { $0.hasData ? $0.verdict.verdict : nil }
        }
        let rows = current.map { id, report in
            Row(
                programmeID: id, title: titles[id] ?? "—", report: report, verdict: report.verdict,
                earlier: [verdict(twoBefore, id), verdict(before, id)])
        }
        return rows.sorted { a, b in
            switch (a.verdict.score, b.verdict.score) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.title < b.title
            }
        }
    }

    static func verdictFilter(_ req: Request) throws -> Verdict? {
        guard let raw = req.query[String.self, at: "verdict"], !raw.isEmpty else { return nil }
        guard let verdict = Verdict(rawValue: raw) else {
            throw AppError(
                .badRequest, "invalid_parameter", LocalizableMessage("evalreport.error.verdict"), field: "verdict")
        }
        return verdict
    }

    func page(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let year = ReportAccess.pageYear(req)
        let filter = try Self.verdictFilter(req)
        let all = try await Self.rows(year: year, on: req.db)
        let shown = all.filter { filter == nil || $0.verdict.verdict == filter }
        let page = try await ComparisonPage.make(all: all, shown: shown, year: year, filter: filter, req: req)
        return try await req.renderPage("evaluation/reports/comparison", page)
    }

    func csv(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let year = ReportAccess.pageYear(req)
        let filter = try Self.verdictFilter(req)
        let rows = try await Self.rows(year: year, on: req.db).filter { filter == nil || $0.verdict.verdict == filter }
        var out = ReportCSV.line([
            req.t("evalreport.csv.rank"), req.t("evalreport.csv.programme"), req.t("evalreport.csv.year"),
            req.t("evalreport.verdict.title"), req.t("evalreport.csv.score"), req.t("evalreport.csv.reasons"),
            req.t("evalreport.l1.index"), req.t("evalreport.l1.responses"), req.t("evalreport.l2.gain"),
            req.t("evalreport.l2.pairs"), req.t("evalreport.l3.applicationBy", req.t("evalreport.l3.alumni")),
            req.t("evalreport.l3.applicationBy", req.t("evalreport.l3.supervisors")),
            req.t("evalreport.l3.responses"),
        ])
        func number(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "" }
        for (rank, row) in rows.enumerated() {
            let figures = row.report.figures
            out += ReportCSV.line([
                String(rank + 1), row.title, String(year), ReportFormat.verdict(row.verdict.verdict, req),
                number(row.verdict.score),
                row.verdict.reasons.map { ReportFormat.reason($0, req) }.joined(separator: "; "),
                number(figures.satisfaction), String(figures.reactionResponses), number(figures.normalisedGain),
                String(figures.testPairs), number(figures.applicationByAlumni),
                number(figures.applicationBySupervisors),
                String(figures.behaviourResponses),
            ])
        }
        return ReportCSV.response(out, filename: "perbandingan-evaluasi-\(year).csv")
    }
}

struct ComparisonPage: Encodable {
    struct Row: Encodable {
        let rank: Int
        let href: String
        let title: String
        let verdict: VerdictView
        let satisfaction: String
        let gain: String
        let alumni: String
        let supervisors: String
        /// "2024: Pertahankan · 2025: —"
        let earlier: String
    }

    struct Filter: Encodable {
        let href: String
        let label: String
        let count: Int
        let current: Bool
    }

    let layout: Layout
    let years: ReportYears
    let filters: [Filter]
    let chart: BarChart?
    let rows: [Row]
    let csvHref: String
    let needsHref: String

    static func make(
        all: [ComparisonController.Row], shown: [ComparisonController.Row], year: Int, filter: Verdict?, req: Request
    ) async throws -> ComparisonPage {
        let language = req.language
        let verdictParam: String? = filter?.rawValue
        var filters = [
            Filter(
                href: JPLinks.with(Paths.evaluationComparison, ["year": String(year)]),
                label: req.t("evalreport.compare.all"), count: all.count, current: filter == nil)
        ]
        for verdict in Verdict.allCases {
            filters.append(
                Filter(
                    href: JPLinks.with(
                        Paths.evaluationComparison, ["year": String(year), "verdict": verdict.rawValue]),
                    label: ReportFormat.verdict(verdict, req),
                    count: all.filter { $0.verdict.verdict == verdict }.count,
                    current: filter == verdict))
        }
        // How many programmes fall under each verdict: the ranking below names them.
        let chart =
            all.isEmpty
            ? nil
            : BarChart.make(
                title: req.t("evalreport.compare.chart"),
                description: req.t("evalreport.compare.chartDesc", String(all.count), String(year)),
                items: Verdict.allCases.map { verdict in
                    let count = all.filter { $0.verdict.verdict == verdict }.count
                    return (ReportFormat.verdict(verdict, req), count * 100 / all.count, String(count))
                })
        let rows = shown.enumerated().map { index, row in
            let figures = row.report.figures
            return Row(
                rank: index + 1,
                href: JPLinks.with(Paths.programmeEvaluation(row.programmeID), ["year": String(year)]),
                title: row.title, verdict: VerdictView.make(row.verdict, req),
                satisfaction: ReportFormat.number(figures.satisfaction, language: language),
                gain: ReportFormat.gain(figures.normalisedGain, language: language),
                alumni: ReportFormat.percent(figures.applicationByAlumni, language: language),
                supervisors: ReportFormat.percent(figures.applicationBySupervisors, language: language),
                earlier: zip([year - 2, year - 1], row.earlier).map { earlierYear, verdict in
                    "\(earlierYear): " + (verdict.map { ReportFormat.verdict($0, req) } ?? "—")
                }.joined(separator: " · "))
        }
        return ComparisonPage(
            layout: try await Layout.make(req, title: req.t("evalreport.compare.title")),
            years: ReportYears.make(
                year, path: Paths.evaluationComparison, current: CityTime.today(req.clock).year,
                extra: ["verdict": verdictParam]),
            filters: filters, chart: chart, rows: rows,
            csvHref: JPLinks.with(Paths.evaluationComparisonCSV, ["year": String(year), "verdict": verdictParam]),
            needsHref: JPLinks.with(Paths.evaluationNeeds, ["year": String(year)]))
    }
}
