import Foundation
import LontarCore
import Vapor

struct ReportStat: Encodable {
    let label: String
    let value: String
}

struct ReportYears: Encodable {
    struct Link: Encodable {
        let href: String
        let label: String
    }

    let year: Int
    let previous: Link
    let next: Link?

    static func make(_ year: Int, path: String, current: Int, extra: [String: String?] = [:]) -> ReportYears {
        func link(_ y: Int) -> Link {
            var query = extra
            query["year"] = String(y)
            return Link(href: JPLinks.with(path, query), label: String(y))
        }
        return ReportYears(year: year, previous: link(year - 1), next: year < current ? link(year + 1) : nil)
    }
}

struct VerdictView: Encodable {
    let label: String
    let tone: String
    let score: String
    /// "score 92.2 of 100"; nil when no level has enough answers to score.
    let scoreText: String?
    let reasons: [String]

    static func make(_ verdict: ProgrammeVerdict, _ req: Request) -> VerdictView {
        let score = ReportFormat.number(verdict.score, language: req.language)
        return VerdictView(
            label: ReportFormat.verdict(verdict.verdict, req), tone: ReportFormat.tone(verdict.verdict),
            score: score, scoreText: verdict.score == nil ? nil : req.t("evalreport.verdict.score", score),
            reasons: verdict.reasons.map { ReportFormat.reason($0, req) })
    }
}

/// The effectiveness page of one programme and year.
struct EffectivenessPage: Encodable {
    struct AspectRow: Encodable {
        let name: String
        let index: String
        let answers: Int
    }

    struct BehaviourRow: Encodable {
        let measure: String
        let alumni: String
        let supervisors: String
    }

    struct IndicatorRow: Encodable {
        let name: String
        let unit: String
        let baseline: String
        let result: String
        let change: String
        let percent: String
        let improved: Bool
    }

    let layout: Layout
    let programmeTitle: String
    let programmeHref: String
    let years: ReportYears
    let csvHref: String
    let reactionOnly: Bool
    let verdict: VerdictView?
    let reactionStats: [ReportStat]
    let reactionChart: BarChart?
    let aspects: [AspectRow]
    let withheld: String?
    var gainStats: [ReportStat]
    var gainChart: BarChart?
    var behaviourChart: PairedBarChart?
    var behaviourRows: [BehaviourRow]
    var behaviourWithheld: String?
    /// "Action plans written: 8 of 12 (67%)" once anyone completed in the year.
    var plansWritten: String?
    /// The L3 interviews recorded for the programme, beside the survey figures.
    var interviewsHref: String?
    var indicators: [IndicatorRow]

    static func make(
        _ report: ProgrammeReport, programme: Programme, reactionOnly: Bool, req: Request
    ) async throws -> EffectivenessPage {
        let language = req.language
        let id = try programme.requireID()
        let year = report.year
        let reaction = report.reaction
        let reactionStats = [
            ReportStat(
                label: req.t("evalreport.l1.index"), value: ReportFormat.number(reaction.index, language: language)),
            ReportStat(label: req.t("evalreport.l1.responses"), value: String(reaction.responses)),
            ReportStat(
                label: req.t("evalreport.l1.rate"),
                value: reaction.invited > 0
                    ? req.t(
                        "evalreport.l1.rateOf", ReportFormat.percent(reaction.rate.percent, language: language),
                        String(reaction.answeredInvitations), String(reaction.invited)) : "—"),
        ]
        let aspectItems = reaction.aspects.map {
            (
                ReportFormat.aspect($0.aspect, req), ReportFormat.clamp($0.index),
                ReportFormat.number($0.index, language: language)
            )
        }
        let reactionChart =
            aspectItems.isEmpty
            ? nil
            : BarChart.make(
                title: req.t("evalreport.l1.chart"), description: req.t("evalreport.l1.chartDesc", String(year)),
                items: aspectItems)
        let withheld =
            reaction.withheldSurveys > 0 ? req.t("evalreport.withheld", String(reaction.withheldSurveys)) : nil
        var page = EffectivenessPage(
            layout: try await Layout.make(req, title: req.t("evalreport.page.title", programme.title)),
            programmeTitle: programme.title, programmeHref: Paths.programme(id),
            years: ReportYears.make(
                year, path: Paths.programmeEvaluation(id), current: CityTime.today(req.clock).year),
            csvHref: JPLinks.with(Paths.programmeEvaluationCSV(id), ["year": String(year)]),
            reactionOnly: reactionOnly, verdict: reactionOnly ? nil : VerdictView.make(report.verdict, req),
            reactionStats: reactionStats, reactionChart: reactionChart,
            aspects: reaction.aspects.map {
                AspectRow(
                    name: ReportFormat.aspect($0.aspect, req), index: ReportFormat.number($0.index, language: language),
                    answers: $0.answers)
            },
            withheld: withheld, gainStats: [], gainChart: nil, behaviourChart: nil, behaviourRows: [],
            behaviourWithheld: nil, indicators: [])
        guard !reactionOnly else { return page }
        page.interviewsHref = Paths.programmeInterviews(id)
        page.fillLevels(report, req: req)
        return page
    }

    private mutating func fillLevels(_ report: ProgrammeReport, req: Request) {
        let language = req.language
        let gain = report.gain
        gainStats = [
            ReportStat(label: req.t("evalreport.l2.pairs"), value: String(gain.pairs)),
            ReportStat(label: req.t("evalreport.l2.pre"), value: ReportFormat.number(gain.meanPre, language: language)),
            ReportStat(
                label: req.t("evalreport.l2.post"), value: ReportFormat.number(gain.meanPost, language: language)),
            ReportStat(
                label: req.t("evalreport.l2.gain"), value: ReportFormat.gain(gain.normalisedGain, language: language)),
            ReportStat(
                label: req.t("evalreport.l2.band"),
                value: gain.band.map { req.t("evalreport.band." + $0.rawValue) } ?? "—"),
            ReportStat(label: req.t("evalreport.l2.fell"), value: String(gain.fell.count)),
        ]
        if gain.pairs > 0 {
            gainChart = BarChart.make(
                title: req.t("evalreport.l2.chart"), description: req.t("evalreport.l2.chartDesc", String(gain.pairs)),
                items: [
                    (
                        req.t("evalreport.l2.pre"), ReportFormat.clamp(gain.meanPre),
                        ReportFormat.number(gain.meanPre, language: language)
                    ),
                    (
                        req.t("evalreport.l2.post"), ReportFormat.clamp(gain.meanPost),
                        ReportFormat.number(gain.meanPost, language: language)
                    ),
                ])
        }
        let alumni = report.behaviour.alumni
        let supervisors = report.behaviour.supervisors
        let options = (0..<4).map { req.t("evalreport.plan.\($0)") }
        func share(_ side: BehaviourSide, _ choice: Int) -> Double? {
            side.plansAnswered > 0 ? Double(side.plans[choice]) * 100 / Double(side.plansAnswered) : nil
        }
        behaviourRows =
            [
                BehaviourRow(
                    measure: req.t("evalreport.l3.responses"), alumni: String(alumni.responses),
                    supervisors: String(supervisors.responses)),
                BehaviourRow(
                    measure: req.t("evalreport.l3.application"),
                    alumni: ReportFormat.percent(alumni.application, language: language),
                    supervisors: ReportFormat.percent(supervisors.application, language: language)),
            ]
            + options.enumerated().map { choice, label in
                BehaviourRow(
                    measure: req.t("evalreport.l3.plan", label),
                    alumni: req.t(
                        "evalreport.countShare", String(alumni.plans[choice]),
                        ReportFormat.percent(share(alumni, choice), language: language)),
                    supervisors: req.t(
                        "evalreport.countShare", String(supervisors.plans[choice]),
                        ReportFormat.percent(share(supervisors, choice), language: language)))
            }
        if alumni.responses + supervisors.responses > 0 {
            let alumniTone = ("alumni", req.t("evalreport.l3.alumni"))
            let supervisorTone = ("supervisor", req.t("evalreport.l3.supervisors"))
            var rows: [(String, [(String, Double?, String)])] = [
                (
                    req.t("evalreport.l3.applicationShort"),
                    [
                        ("alumni", alumni.application, ReportFormat.percent(alumni.application, language: language)),
                        (
                            "supervisor", supervisors.application,
                            ReportFormat.percent(supervisors.application, language: language)
                        ),
                    ]
                )
            ]
            for choice in 0..<4 {
                let label = req.t("evalreport.planShort.\(choice)")
                let a = share(alumni, choice)
                let s = share(supervisors, choice)
                rows.append(
                    (
                        label,
                        [
                            ("alumni", a, ReportFormat.percent(a, language: language)),
                            ("supervisor", s, ReportFormat.percent(s, language: language)),
                        ]
                    ))
            }
            behaviourChart = PairedBarChart.make(
                title: req.t("evalreport.l3.chart"), description: req.t("evalreport.l3.chartDesc", String(report.year)),
                keys: [alumniTone, supervisorTone], rows: rows)
        }
        let withheld = alumni.withheldSurveys + supervisors.withheldSurveys
        if report.behaviour.completed > 0 {
            plansWritten = req.t(
                "plan.report.writtenValue", String(report.behaviour.plansWritten), String(report.behaviour.completed),
                ReportFormat.percent(report.behaviour.plansWrittenPercent, language: language))
        }
        behaviourWithheld = withheld > 0 ? req.t("evalreport.withheld", String(withheld)) : nil
        indicators = report.indicators.map { item in
            IndicatorRow(
                name: item.name, unit: item.unit,
                baseline: ReportFormat.number(item.change.baseline, digits: 2, language: language),
                result: ReportFormat.number(item.change.result, digits: 2, language: language),
                change: ReportFormat.number(item.change.change, digits: 2, language: language),
                percent: ReportFormat.percent(item.change.percent, language: language), improved: item.change.improved)
        }
    }
}
