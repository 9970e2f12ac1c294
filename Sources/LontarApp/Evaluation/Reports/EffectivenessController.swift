import Fluent
import LontarCore
import Vapor

/// A programme's effectiveness page and its CSV (`/pelatihan/:id/evaluasi`, `?year=`).
struct EffectivenessController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.programmeEvaluation), use: page)
        routes.get(CatalogueRouting.pattern(Paths.programmeEvaluationCSV), use: csv)
    }

    func page(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let programme = try await ReportAccess.programme(req)
        let view = try await ReportAccess.view(of: programme, principal, on: req.db)
        let scope = ReportAccess.scope(view, programme: try programme.requireID(), year: ReportAccess.pageYear(req))
        let report = try await ReportQueries.report(scope, on: req.db)
        let page = try await EffectivenessPage.make(report, programme: programme, reactionOnly: view != .full, req: req)
        return try await req.renderPage("evaluation/reports/effectiveness", page)
    }

    func csv(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let programme = try await ReportAccess.programme(req)
        let view = try await ReportAccess.view(of: programme, principal, on: req.db)
        let year = ReportAccess.pageYear(req)
        let report = try await ReportQueries.report(
            ReportAccess.scope(view, programme: try programme.requireID(), year: year), on: req.db)
        let text = Self.csv(report, title: programme.title, full: view == .full, req: req)
        return ReportCSV.response(text, filename: "evaluasi-\(year).csv")
    }

    /// One figure a line: level, measure, value, answers behind it. Aggregates only.
    static func csv(_ report: ProgrammeReport, title: String, full: Bool, req: Request) -> String {
        var out = ReportCSV.line([
            req.t("evalreport.csv.programme"), req.t("evalreport.csv.year"), req.t("evalreport.csv.level"),
            req.t("evalreport.csv.measure"), req.t("evalreport.csv.value"), req.t("evalreport.csv.count"),
        ])
        let year = String(report.year)
        func add(_ level: String, _ measure: String, _ value: Double?, _ count: Int) {
            let text = value.map { String(format: "%.2f", $0) } ?? ""
            out += ReportCSV.line([title, year, level, measure, text, String(count)])
        }
        let reaction = report.reaction
        add("L1", req.t("evalreport.l1.index"), reaction.index, reaction.answers)
        add("L1", req.t("evalreport.l1.responses"), Double(reaction.responses), reaction.responses)
        add("L1", req.t("evalreport.l1.rate"), reaction.rate.percent, reaction.invited)
        for aspect in reaction.aspects {
            add("L1", ReportFormat.aspect(aspect.aspect, req), aspect.index, aspect.answers)
        }
        guard full else { return out }
        let gain = report.gain
        add("L2", req.t("evalreport.l2.pre"), gain.meanPre, gain.pairs)
        add("L2", req.t("evalreport.l2.post"), gain.meanPost, gain.pairs)
        add("L2", req.t("evalreport.l2.gain"), gain.normalisedGain, gain.pairs)
        add("L2", req.t("evalreport.l2.fell"), Double(gain.fell.count), gain.pairs)
        for (label, side) in [
            (req.t("evalreport.l3.alumni"), report.behaviour.alumni),
            (req.t("evalreport.l3.supervisors"), report.behaviour.supervisors),
        ] {
            add("L3", req.t("evalreport.l3.applicationBy", label), side.application, side.answers)
            for choice in 0..<4 {
                add(
                    "L3", req.t("evalreport.l3.planBy", req.t("evalreport.plan.\(choice)"), label),
                    Double(side.plans[choice]), side.plansAnswered)
            }
        }
        add(
            "L3", req.t("plan.report.csv"), report.behaviour.plansWrittenPercent, report.behaviour.completed)
        for indicator in report.indicators {
            add("L4", req.t("evalreport.l4.baselineOf", indicator.name), indicator.change.baseline, 1)
            add("L4", req.t("evalreport.l4.resultOf", indicator.name), indicator.change.result, 1)
            add("L4", req.t("evalreport.l4.changeOf", indicator.name), indicator.change.change, 1)
        }
        let verdict = report.verdict
        out += ReportCSV.line([
            title, year, req.t("evalreport.verdict.title"), ReportFormat.verdict(verdict.verdict, req),
            verdict.score.map { String(format: "%.2f", $0) } ?? "",
            verdict.reasons.map { ReportFormat.reason($0, req) }.joined(separator: "; "),
        ])
        return out
    }
}
