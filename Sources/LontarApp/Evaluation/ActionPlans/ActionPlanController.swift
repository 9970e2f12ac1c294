import Fluent
import Foundation
import LontarCore
import Vapor

/// Writing and reading action plans: the participant's page for one enrolment, and the list
/// of a class's plans for those who run it.
struct ActionPlanController: RouteCollection {
    /// Form rows read from a request; more than `ActionPlan.maximumSteps` filled is refused by Core.
    static let rowsRead = 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.one(Paths.actionPlan, ActionPlanAccess.parameter), use: show)
        routes.post(TrainingRoutePattern.one(Paths.actionPlan, ActionPlanAccess.parameter), use: save)
        routes.get(CatalogueRouting.classPattern(Paths.classActionPlans), use: classPlans)
    }

    func show(req: Request) async throws -> Response {
        let loaded = try await ActionPlanAccess.load(req)
        let draft =
            loaded.record?.decoded().map(ActionPlanDraft.init)
            ?? ActionPlanDraft(goal: "", rows: Array(repeating: .init(), count: ActionPlan.maximumSteps))
        return try await render(req, loaded, draft: draft, problems: [])
    }

    func save(req: Request) async throws -> Response {
        let loaded = try await ActionPlanAccess.loadWritable(req)
        let fields = FormFields.from(req)
        let draft = ActionPlanDraft(
            goal: fields["goal"] ?? "",
            rows: (1...Self.rowsRead).map { number in
                ActionPlanDraft.Row(
                    activity: fields["activity\(number)"] ?? "", result: fields["result\(number)"] ?? "",
                    due: fields["due\(number)"] ?? "")
            })
        let plan: ActionPlan
        switch draft.plan(classStart: loaded.classStart, classEnd: loaded.classEnd) {
        case .failure(let list):
            return try await render(req, loaded, draft: draft, problems: list.problems, status: .unprocessableEntity)
        case .success(let checked): plan = checked
        }
        let first = try await ActionPlanStore.write(plan, for: loaded, request: req)
        if first { await ActionPlanNotices.written(loaded, request: req) }
        Flash.set(req, req.t("plan.saved"))
        return req.redirect(to: Paths.actionPlan(try loaded.enrolment.requireID()))
    }

    func classPlans(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (trainingClass, programme) = try await TrainingLookup.classAndProgramme(req)
        guard try await TrainingAccess.canRunClass(trainingClass, programme: programme, principal, on: req.db) else {
            throw AppError.forbidden()
        }
        let classID = try trainingClass.requireID()
        let list = try await ActionPlanQueries.classList(classID, on: req.db)
        let language = req.language
        let rows = try list.entries.map { entry in
            let id = try entry.enrolment.requireID()
            let plan = ActionPlanView(entry.record, language: language)
            return ClassActionPlansPage.Row(
                name: entry.enrolment.employee.name, href: Paths.actionPlan(id), goal: plan?.goal,
                steps: plan?.steps.count ?? 0, writtenOn: plan?.writtenOn, notCompleted: !entry.counts)
        }
        let written = String(list.written)
        let counted = String(list.counted.count)
        let summary =
            list.completionConfirmed
            ? req.t("plan.class.summaryCompleted", written, counted) : req.t("plan.class.summary", written, counted)
        let page = ClassActionPlansPage(
            layout: try await Layout.make(req, title: req.t("plan.class.title")), programmeTitle: programme.title,
            className: trainingClass.name, classHref: Paths.trainingClass(classID), summary: summary, rows: rows)
        return try await req.renderPage("evaluation/plans/class", page)
    }

    /// Why the participant cannot write now; nil while they can.
    static func stateMessage(_ state: LoadedActionPlan.WriteState, _ language: Language) -> LocalizableMessage? {
        switch state {
        case .open: nil
        case .notYet(let day): LocalizableMessage("plan.state.notYet", [CityTime.longDate(day, language: language)])
        case .frozen(let sentOn): LocalizableMessage("plan.state.frozen", [LevelsFormat.day(sentOn, language)])
        case .notEnrolled: LocalizableMessage("plan.state.notEnrolled")
        }
    }

    private func render(
        _ req: Request, _ loaded: LoadedActionPlan, draft: ActionPlanDraft, problems: [ActionPlanDraft.Problem],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let language = req.language
        var note = Self.stateMessage(loaded.state, language).map { req.t($0) }
        if case .frozen(let sentOn) = loaded.state, loaded.record == nil {
            note = req.t("plan.state.frozenNone", LevelsFormat.day(sentOn, language))
        }
        let messages = problems.map { ActionPlanMessages.text($0, loaded, req) }
        let invalid = Set(problems.map(ActionPlanMessages.field))
        let rows = draft.rows.prefix(
            max(ActionPlan.maximumSteps, draft.rows.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0)
        )
        .enumerated().map { index, row in
            ActionPlanPage.Row(
                number: index + 1, activity: row.activity, result: row.result, due: row.due,
                invalidActivity: invalid.contains("activity\(index + 1)"),
                invalidDue: invalid.contains("due\(index + 1)"))
        }
        let page = ActionPlanPage(
            layout: try await Layout.make(req, title: req.t("plan.title")), programmeTitle: loaded.programme.title,
            className: loaded.trainingClass.name, classHref: Paths.trainingClass(try loaded.trainingClass.requireID()),
            ownerName: loaded.isOwner ? nil : loaded.employee.name, editable: loaded.mayWrite,
            stateNote: loaded.isOwner ? note : nil, action: Paths.actionPlan(try loaded.enrolment.requireID()),
            goal: draft.goal, invalidGoal: invalid.contains("goal"), rows: Array(rows),
            moreOpen: rows.dropFirst(3).contains {
                $0.invalidActivity || $0.invalidDue || !($0.activity + $0.result + $0.due).isEmpty
            },
            earliestDue: loaded.classStart.iso, errors: messages,
            plan: ActionPlanView(loaded.record, language: language))
        return try await req.renderPage("evaluation/plans/plan", page, status: status)
    }
}

/// Each problem's message and the field it marks, for the page and the API alike.
enum ActionPlanMessages {
    static func text(_ problem: ActionPlanDraft.Problem, _ loaded: LoadedActionPlan, _ req: Request) -> String {
        req.t(message(problem, loaded, req.language))
    }

    static func message(
        _ problem: ActionPlanDraft.Problem, _ loaded: LoadedActionPlan, _ language: Language
    ) -> LocalizableMessage {
        switch problem {
        case .goalMissing: LocalizableMessage("plan.error.goalMissing")
        case .goalTooLong: LocalizableMessage("plan.error.goalTooLong", [String(ActionPlan.maximumGoalLength)])
        case .noSteps: LocalizableMessage("plan.error.noSteps")
        case .tooManySteps: LocalizableMessage("plan.error.tooManySteps", [String(ActionPlan.maximumSteps)])
        case .activityMissing(let row): LocalizableMessage("plan.error.activityMissing", [String(row)])
        case .textTooLong(let row):
            LocalizableMessage("plan.error.textTooLong", [String(row), String(ActionPlan.maximumStepTextLength)])
        case .dueMissing(let row): LocalizableMessage("plan.error.dueMissing", [String(row)])
        case .dueInvalid(let row): LocalizableMessage("plan.error.dueInvalid", [String(row)])
        case .dueBeforeClass(let row):
            LocalizableMessage(
                "plan.error.dueBeforeClass", [String(row), CityTime.longDate(loaded.classStart, language: language)])
        case .dueTooLate(let row):
            LocalizableMessage(
                "plan.error.dueTooLate", [String(row), CityTime.longDate(latestDue(loaded), language: language)])
        }
    }

    /// The last day a step may be due: `ActionPlan.maximumMonthsAhead` after the class.
    static func latestDue(_ loaded: LoadedActionPlan) -> CivilDate {
        loaded.classEnd.adding(months: ActionPlan.maximumMonthsAhead)
    }

    /// The step a problem is about (0: the plan as a whole, or its goal).
    static func step(_ problem: ActionPlanDraft.Problem) -> Int {
        switch problem {
        case .goalMissing, .goalTooLong, .noSteps, .tooManySteps: 0
        case .activityMissing(let row), .textTooLong(let row), .dueMissing(let row), .dueInvalid(let row),
            .dueBeforeClass(let row), .dueTooLate(let row):
            row
        }
    }

    static func field(_ problem: ActionPlanDraft.Problem) -> String {
        switch problem {
        case .goalMissing, .goalTooLong: "goal"
        case .noSteps, .tooManySteps: "activity1"
        case .activityMissing(let row), .textTooLong(let row): "activity\(row)"
        case .dueMissing(let row), .dueInvalid(let row), .dueBeforeClass(let row), .dueTooLate(let row): "due\(row)"
        }
    }
}
