import Fluent
import Foundation
import LontarCore
import Vapor

struct ActionPlanDTO: Content {
    struct Step: Content {
        let activity: String
        let result: String
        let due: String
    }
    struct Plan: Content {
        let goal: String
        let steps: [Step]
        let writtenOn: String
        let updatedAt: Date
    }
    let enrolmentId: UUID
    let classId: UUID
    let programId: UUID
    let nip: String
    let name: String
    /// `open`, `notYet` (the class has not begun), `frozen` (the L3 follow-up has asked about
    /// it) or `notEnrolled`.
    let state: String
    /// Only the participant writes, and only while `open`.
    let mayWrite: Bool
    /// The day writing opens, while `notYet`; the day the follow-up asked, when `frozen`.
    let stateSince: String?
    /// The days a step may be due.
    let earliestDue: String
    let latestDue: String
    let plan: Plan?

    init(_ loaded: LoadedActionPlan) throws {
        enrolmentId = try loaded.enrolment.requireID()
        classId = try loaded.trainingClass.requireID()
        programId = try loaded.programme.requireID()
        nip = loaded.employee.nip
        name = loaded.employee.name
        switch loaded.state {
        case .open: (state, stateSince) = ("open", nil)
        case .notYet(let day): (state, stateSince) = ("notYet", day.iso)
        case .frozen(let day): (state, stateSince) = ("frozen", day)
        case .notEnrolled: (state, stateSince) = ("notEnrolled", nil)
        }
        mayWrite = loaded.mayWrite
        earliestDue = loaded.classStart.iso
        latestDue = ActionPlanMessages.latestDue(loaded).iso
        plan = loaded.record.flatMap(Self.plan)
    }

    static func plan(_ record: ActionPlanRecord) -> Plan? {
        record.decoded().map { plan in
            Plan(
                goal: plan.goal,
                steps: plan.steps.map { Step(activity: $0.activity, result: $0.result, due: $0.due.iso) },
                writtenOn: record.writtenOn, updatedAt: record.updatedAt)
        }
    }
}

struct ClassActionPlansDTO: Content {
    struct Item: Content {
        let enrolmentId: UUID
        let nip: String
        let name: String
        let completed: Bool
        let plan: ActionPlanDTO.Plan?
    }
    let classId: UUID
    /// Once any participant's completion is confirmed, `counted` and `written` are of those
    /// who completed, as in the L3 figures; before that, of every participant.
    let completionConfirmed: Bool
    let counted: Int
    let written: Int
    let items: [Item]
}

/// `/api/v1/enrolments/{id}/action-plan` and `/api/v1/classes/{id}/action-plans`: the same
/// access rule, checks and store as the pages.
struct ActionPlanAPIController: RouteCollection {
    struct Body: Content {
        struct Step: Content {
            var activity: String
            var result: String?
            var due: String
        }
        var goal: String
        var steps: [Step]
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("enrolments", ":\(ActionPlanAccess.parameter)", "action-plan", use: get)
        api.put("enrolments", ":\(ActionPlanAccess.parameter)", "action-plan", use: put)
        api.get("classes", ":classID", "action-plans", use: classPlans)
    }

    func get(req: Request) async throws -> ActionPlanDTO {
        try ActionPlanDTO(try await ActionPlanAccess.load(req))
    }

    func put(req: Request) async throws -> ActionPlanDTO {
        let loaded = try await ActionPlanAccess.loadWritable(req)
        let body: Body
        do {
            body = try req.content.decode(Body.self)
        } catch is DecodingError {
            // The shape expected, in words; a body too large or of another type keeps its own answer.
            throw AppError.invalid("body", LocalizableMessage("plan.error.body"))
        }
        let draft = ActionPlanDraft(
            goal: body.goal,
            rows: body.steps.map { ActionPlanDraft.Row(activity: $0.activity, result: $0.result ?? "", due: $0.due) })
        switch draft.plan(classStart: loaded.classStart, classEnd: loaded.classEnd) {
        case .failure(let list):
            let messages = list.problems.map { ActionPlanMessages.message($0, loaded, req.language) }
            var error = AppError.invalid(ActionPlanMessages.field(list.problems[0]), messages[0])
            error.details = zip(list.problems, messages).map { problem, message in
                ImportIssue(
                    line: ActionPlanMessages.step(problem), column: ActionPlanMessages.field(problem), message: message)
            }
            throw error
        case .success(let plan):
            if try await ActionPlanStore.write(plan, for: loaded, request: req) {
                await ActionPlanNotices.written(loaded, request: req)
            }
        }
        return try ActionPlanDTO(try await ActionPlanAccess.load(req))
    }

    func classPlans(req: Request) async throws -> ClassActionPlansDTO {
        let principal = try req.requirePrincipal()
        let (trainingClass, programme) = try await TrainingLookup.classAndProgramme(req)
        guard try await TrainingAccess.canRunClass(trainingClass, programme: programme, principal, on: req.db) else {
            throw AppError.forbidden()
        }
        let list = try await ActionPlanQueries.classList(try trainingClass.requireID(), on: req.db)
        return ClassActionPlansDTO(
            classId: try trainingClass.requireID(), completionConfirmed: list.completionConfirmed,
            counted: list.counted.count, written: list.written,
            items: try list.entries.map { entry in
                ClassActionPlansDTO.Item(
                    enrolmentId: try entry.enrolment.requireID(), nip: entry.enrolment.employee.nip,
                    name: entry.enrolment.employee.name, completed: entry.enrolment.completed,
                    plan: entry.record.flatMap(ActionPlanDTO.plan))
            })
    }
}
