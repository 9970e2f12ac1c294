import Foundation

/// The action plan (rencana aksi) a participant writes at the end of a class: the change
/// they mean to make at work and the steps to get there, each with a due day. Months later
/// the L3 surveys ask the alumnus and their supervisor how it went, with the plan beside
/// the questions.
public struct ActionPlan: Sendable, Codable, Equatable, Hashable {
    public struct Step: Sendable, Codable, Equatable, Hashable {
        /// What will be done ("Menyusun SOP pelayanan izin").
        public var activity: String
        /// How one will know it is done ("SOP ditetapkan kepala OPD").
        public var result: String
        public var due: CivilDate

        public init(activity: String, result: String, due: CivilDate) {
            self.activity = activity
            self.result = result
            self.due = due
        }
    }

    /// The change at work the plan aims at.
    public var goal: String
    public var steps: [Step]

    public init(goal: String, steps: [Step]) {
        self.goal = goal
        self.steps = steps
    }

    public static let maximumSteps = 5
    public static let maximumGoalLength = 1_000
    public static let maximumStepTextLength = 500
    /// A step due later than this after the class cannot be looked at by the L3 follow-up
    /// (3 months by default, a year at most), so the plan would go unchecked.
    public static let maximumMonthsAhead = 12
}

/// A plan as typed in the form, before it is known to be valid: every field is text, and
/// a step row left wholly empty is no step.
public struct ActionPlanDraft: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var activity: String
        public var result: String
        public var due: String

        public init(activity: String = "", result: String = "", due: String = "") {
            self.activity = activity
            self.result = result
            self.due = due
        }

        public var isEmpty: Bool { [activity, result, due].allSatisfy { $0.isEmpty } }
    }

    public var goal: String
    public var rows: [Row]

    /// Trims every field, so a row of spaces counts as empty.
    public init(goal: String, rows: [Row]) {
        func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        self.goal = clean(goal)
        self.rows = rows.map { Row(activity: clean($0.activity), result: clean($0.result), due: clean($0.due)) }
    }

    /// Where the plan is wrong; `row` counts from 1 as the form shows the steps.
    public enum Problem: Sendable, Equatable, Hashable {
        case goalMissing
        case goalTooLong
        case noSteps
        case tooManySteps
        case activityMissing(row: Int)
        case textTooLong(row: Int)
        case dueMissing(row: Int)
        case dueInvalid(row: Int)
        /// Before the class began: a step cannot be due before the learning it applies.
        case dueBeforeClass(row: Int)
        /// Later than `ActionPlan.maximumMonthsAhead` after the class ended.
        case dueTooLate(row: Int)
    }

    /// The plan, or every problem with it. Due days must fall between the class's first day
    /// and `ActionPlan.maximumMonthsAhead` months after its last.
    public func plan(classStart: CivilDate, classEnd: CivilDate) -> Result<ActionPlan, ProblemList> {
        var problems: [Problem] = []
        if goal.isEmpty { problems.append(.goalMissing) }
        if goal.count > ActionPlan.maximumGoalLength { problems.append(.goalTooLong) }
        let filled = rows.enumerated().filter { !$0.element.isEmpty }
        if filled.isEmpty { problems.append(.noSteps) }
        if filled.count > ActionPlan.maximumSteps { problems.append(.tooManySteps) }
        let latest = classEnd.adding(months: ActionPlan.maximumMonthsAhead)
        var steps: [ActionPlan.Step] = []
        for (index, row) in filled {
            let number = index + 1
            if row.activity.isEmpty { problems.append(.activityMissing(row: number)) }
            if max(row.activity.count, row.result.count) > ActionPlan.maximumStepTextLength {
                problems.append(.textTooLong(row: number))
            }
            guard !row.due.isEmpty else {
                problems.append(.dueMissing(row: number))
                continue
            }
            guard let due = CivilDate(iso: row.due) else {
                problems.append(.dueInvalid(row: number))
                continue
            }
            if due < classStart { problems.append(.dueBeforeClass(row: number)) }
            if latest < due { problems.append(.dueTooLate(row: number)) }
            steps.append(ActionPlan.Step(activity: row.activity, result: row.result, due: due))
        }
        guard problems.isEmpty else { return .failure(ProblemList(problems: problems)) }
        return .success(ActionPlan(goal: goal, steps: steps))
    }

    public struct ProblemList: Error, Sendable, Equatable {
        public let problems: [Problem]
    }
}

extension ActionPlanDraft {
    /// The form's rows for a stored plan, padded with empty rows up to the maximum.
    public init(_ plan: ActionPlan) {
        let rows = plan.steps.map { Row(activity: $0.activity, result: $0.result, due: $0.due.iso) }
        self.init(
            goal: plan.goal,
            rows: rows + Array(repeating: Row(), count: max(0, ActionPlan.maximumSteps - rows.count)))
    }
}
