import Foundation
import LontarCore
import Vapor

/// A stored plan as pages show it: the goal and numbered steps with their due days written
/// out ("30 April 2026").
struct ActionPlanView: Encodable {
    struct Step: Encodable {
        let number: Int
        let activity: String
        let result: String
        let due: String
    }
    let goal: String
    let steps: [Step]
    let writtenOn: String

    init?(_ record: ActionPlanRecord?, language: Language) {
        guard let record, let plan = record.decoded() else { return nil }
        goal = plan.goal
        steps = plan.steps.enumerated().map { index, step in
            Step(
                number: index + 1, activity: step.activity, result: step.result,
                due: CityTime.longDate(step.due, language: language))
        }
        writtenOn = LevelsFormat.day(record.writtenOn, language)
    }
}

struct ActionPlanPage: Encodable {
    struct Row: Encodable {
        let number: Int
        let activity: String
        let result: String
        let due: String
        let invalidActivity: Bool
        let invalidDue: Bool
    }
    let layout: Layout
    let programmeTitle: String
    let className: String
    let classHref: String
    /// Whose plan, for readers; nil on the participant's own page.
    let ownerName: String?
    let editable: Bool
    let stateNote: String?
    let action: String
    let goal: String
    let invalidGoal: Bool
    let rows: [Row]
    /// Steps 4 and up sit folded away unless something is written (or wrong) in them.
    let moreOpen: Bool
    let earliestDue: String
    let errors: [String]
    let plan: ActionPlanView?
}

struct ClassActionPlansPage: Encodable {
    struct Row: Encodable {
        let name: String
        let href: String
        let goal: String?
        let steps: Int
        let writtenOn: String?
        /// Completion was confirmed for the class, not for this participant.
        let notCompleted: Bool
    }
    let layout: Layout
    let programmeTitle: String
    let className: String
    let classHref: String
    let summary: String
    let rows: [Row]
}
