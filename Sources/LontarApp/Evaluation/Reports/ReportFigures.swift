import Foundation
import LontarCore

/// What a report covers: one year, optionally one programme, and for a facilitator only the
/// reaction answers about their own classes.
struct ReportScope: Sendable {
    var year: Int
    var programme: UUID?
    /// When set, L1 reads only responses (and invitations) of these classes.
    var classes: [UUID]?
    /// When set, ratings of facilitators are read only for this one (a facilitator's own view),
    /// so nobody can work out a colleague's average from the "fasilitator" aspect.
    var facilitator: UUID?

    /// ISO days bounding the year, for columns holding a day (`submitted_on`, `sent_on`).
    var firstDay: String { String(format: "%04d-01-01", year) }
    var lastDay: String { String(format: "%04d-12-31", year) }

    /// The year's bounds in WITA, for columns holding an instant (an attempt's finish).
    var instants: (start: Date, end: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CityTime.zone
        let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)) ?? Date.distantPast
        let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1)) ?? Date.distantFuture
        return (start, end)
    }
}

/// L1: the reaction surveys' satisfaction.
struct ReactionFigures: Sendable, Equatable {
    struct Aspect: Sendable, Equatable {
        let aspect: String
        let index: Double
        let answers: Int
    }

    var answers = 0
    var indexTotal = 0.0
    var responses = 0
    /// Anonymous surveys left out because fewer than five answered them.
    var withheldSurveys = 0
    var invited = 0
    var answeredInvitations = 0
    var aspects: [Aspect] = []

    /// The mean of every Likert answer put on 0–100 (`LikertDistribution.index` per answer).
    var index: Double? { answers > 0 ? indexTotal / Double(answers) : nil }
    var rate: ResponseRate { ResponseRate(invited: invited, answered: answeredInvitations) }
}

/// L3 as one side (alumni or supervisors) reports it.
struct BehaviourSide: Sendable, Equatable {
    var answers = 0
    var agreeing = 0
    var responses = 0
    var withheldSurveys = 0
    /// Action-plan answers per option of the template (`rencana.status`): done, partly, not yet, no longer relevant.
    var plans: [Int] = [0, 0, 0, 0]

    /// `LikertDistribution.agreePercent` over all the side's `penerapan` answers.
    var application: Double? { answers > 0 ? Double(agreeing) * 100 / Double(answers) : nil }
    var plansAnswered: Int { plans.reduce(0, +) }
}

struct BehaviourFigures: Sendable, Equatable {
    var alumni = BehaviourSide()
    var supervisors = BehaviourSide()
    /// Participants who completed in the year, and how many of them wrote an action plan.
    var completed = 0
    var plansWritten = 0

    var plansWrittenPercent: Double? { completed > 0 ? Double(plansWritten) * 100 / Double(completed) : nil }
}

/// L4: one indicator the OPD recorded.
struct IndicatorFigure: Sendable, Equatable {
    let name: String
    let unit: String
    let change: IndicatorChange
}

/// The four levels of one programme in one year, with BKPPD's verdict.
struct ProgrammeReport: Sendable {
    let programmeID: UUID
    let year: Int
    var reaction = ReactionFigures()
    var gain = ClassGain.of([])
    var behaviour = BehaviourFigures()
    var indicators: [IndicatorFigure] = []

    var figures: ProgrammeFigures {
        ProgrammeFigures(
            satisfaction: reaction.index, reactionResponses: reaction.responses,
            normalisedGain: gain.normalisedGain, testPairs: gain.pairs,
            applicationByAlumni: behaviour.alumni.application,
            applicationBySupervisors: behaviour.supervisors.application,
            behaviourResponses: behaviour.alumni.responses + behaviour.supervisors.responses)
    }

    var verdict: ProgrammeVerdict { ProgrammeVerdict.judge(figures) }

    /// Whether any level has something to show.
    var hasData: Bool {
        reaction.responses > 0 || reaction.invited > 0 || gain.pairs > 0 || behaviour.alumni.responses > 0
            || behaviour.supervisors.responses > 0 || !indicators.isEmpty
    }
}
