import Fluent
import LontarCore
import Vapor

/// `GET /api/v1/programs/{programID}/evaluation?year=YYYY`: the four levels' figures of one
/// programme, aggregates only — no person, no answer text, nothing that identifies a respondent.
struct EvaluationReportAPI: RouteCollection {
    struct Aspect: Content {
        let aspect: String
        let index: Double
        let answers: Int
    }

    struct Reaction: Content {
        @NullWhenAbsent var satisfactionIndex: Double?
        let answers: Int
        let responses: Int
        let invited: Int
        let answeredInvitations: Int
        @NullWhenAbsent var responseRate: Double?
        let withheldAnonymousSurveys: Int
        let aspects: [Aspect]
    }

    struct Learning: Content {
        let pairs: Int
        @NullWhenAbsent var meanPre: Double?
        @NullWhenAbsent var meanPost: Double?
        @NullWhenAbsent var normalisedGain: Double?
        @NullWhenAbsent var band: String?
        let fell: Int
    }

    struct Side: Content {
        let responses: Int
        let answers: Int
        @NullWhenAbsent var applicationRate: Double?
        let withheldAnonymousSurveys: Int
        /// Counts per action-plan option: done, partly, not yet, no longer relevant.
        let actionPlans: [String: Int]
    }

    struct Behaviour: Content {
        let alumni: Side
        let supervisors: Side
        /// Participants who completed in the year, and how many wrote an action plan.
        let completions: Int
        let actionPlansWritten: Int
    }

    struct Indicator: Content {
        let name: String
        let unit: String
        let baseline: Double
        let result: Double
        let change: Double
        @NullWhenAbsent var changePercent: Double?
        let higherIsBetter: Bool
        let improved: Bool
    }

    struct VerdictBody: Content {
        let verdict: String
        @NullWhenAbsent var score: Double?
        let reasons: [String]
    }

    struct Body: Content {
        let programId: UUID
        let year: Int
        let l1: Reaction
        @NullWhenAbsent var l2: Learning?
        @NullWhenAbsent var l3: Behaviour?
        @NullWhenAbsent var l4: [Indicator]?
        @NullWhenAbsent var verdict: VerdictBody?
    }

    static let planKeys = ["done", "partly", "notYet", "notRelevant"]

    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "programs", ":programID", "evaluation", use: get)
    }

    func get(req: Request) async throws -> Body {
        let principal = try req.requirePrincipal()
        let programme = try await ReportAccess.programme(req, parameter: "programID")
        let view = try await ReportAccess.view(of: programme, principal, on: req.db)
        let year = try ReportAccess.apiYear(req)
        let id = try programme.requireID()
        let report = try await ReportQueries.report(ReportAccess.scope(view, programme: id, year: year), on: req.db)
        return Self.body(report, full: view == .full)
    }

    /// A facilitator gets `l1` only (their classes); the other levels are null.
    static func body(_ report: ProgrammeReport, full: Bool) -> Body {
        let reaction = report.reaction
        let l1 = Reaction(
            satisfactionIndex: reaction.index, answers: reaction.answers, responses: reaction.responses,
            invited: reaction.invited, answeredInvitations: reaction.answeredInvitations,
            responseRate: reaction.rate.percent, withheldAnonymousSurveys: reaction.withheldSurveys,
            aspects: reaction.aspects.map { Aspect(aspect: $0.aspect, index: $0.index, answers: $0.answers) })
        guard full else {
            return Body(
                programId: report.programmeID, year: report.year, l1: l1, l2: nil, l3: nil, l4: nil, verdict: nil)
        }
        func side(_ side: BehaviourSide) -> Side {
            Side(
                responses: side.responses, answers: side.answers, applicationRate: side.application,
                withheldAnonymousSurveys: side.withheldSurveys,
                actionPlans: Dictionary(uniqueKeysWithValues: zip(planKeys, side.plans)))
        }
        let gain = report.gain
        let verdict = report.verdict
        return Body(
            programId: report.programmeID, year: report.year, l1: l1,
            l2: Learning(
                pairs: gain.pairs, meanPre: gain.meanPre, meanPost: gain.meanPost, normalisedGain: gain.normalisedGain,
                band: gain.band?.rawValue, fell: gain.fell.count),
            l3: Behaviour(
                alumni: side(report.behaviour.alumni), supervisors: side(report.behaviour.supervisors),
                completions: report.behaviour.completed, actionPlansWritten: report.behaviour.plansWritten),
            l4: report.indicators.map {
                Indicator(
                    name: $0.name, unit: $0.unit, baseline: $0.change.baseline, result: $0.change.result,
                    change: $0.change.change, changePercent: $0.change.percent,
                    higherIsBetter: $0.change.higherIsBetter,
                    improved: $0.change.improved)
            },
            verdict: VerdictBody(
                verdict: verdict.verdict.rawValue, score: verdict.score, reasons: verdict.reasons.map(\.rawValue)))
    }
}

/// Writes `null` for an absent value instead of leaving the key out, so API clients always
/// see the same keys (a facilitator's `l2`, a level without answers' figures).
@propertyWrapper
struct NullWhenAbsent<Value: Codable & Sendable>: Codable, Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// A missing key decodes as nil, as for a plain optional.
    func decode<Value>(_ type: NullWhenAbsent<Value>.Type, forKey key: Key) throws -> NullWhenAbsent<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullWhenAbsent(wrappedValue: nil)
    }
}
