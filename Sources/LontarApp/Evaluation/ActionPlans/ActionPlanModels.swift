import Fluent
import Foundation
import LontarCore
import Vapor

/// One participant's action plan (rencana aksi) for one enrolment: written at the end of the
/// class, shown beside the L3 questions months later. The plan itself is Core's `ActionPlan`
/// as JSON: it is written and read whole, never queried step by step.
final class ActionPlanRecord: Model, @unchecked Sendable {
    static let schema = "action_plans"

    @ID(key: .id) var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    /// Copied from the enrolment so a supervisor's or a class's plans are found without joins.
    @Parent(key: "employee_id") var employee: Employee
    @Parent(key: "class_id") var trainingClass: TrainingClass
    @Field(key: "plan") var plan: String
    /// ISO day (WITA) of the first save; `updated_at` moves with every edit.
    @Field(key: "written_on") var writtenOn: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    func decoded() -> ActionPlan? {
        try? JSONDecoder().decode(ActionPlan.self, from: Data(plan.utf8))
    }
}

struct CreateActionPlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ActionPlanRecord.schema)
            .id()
            .field("enrolment_id", .uuid, .required, .references(Enrolment.schema, .id, onDelete: .cascade))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("class_id", .uuid, .required, .references(TrainingClass.schema, .id))
            .field("plan", .string, .required)
            .field("written_on", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "enrolment_id")
            .create()
        try await IndexList.create(Self.indexes, on: database)
    }

    private static let indexes: [IndexList.Index] = [
        ("idx_action_plans_employee", ActionPlanRecord.schema, ["employee_id"]),
        ("idx_action_plans_class", ActionPlanRecord.schema, ["class_id"]),
    ]

    func revert(on database: any Database) async throws {
        try await database.schema(ActionPlanRecord.schema).delete()
    }
}

extension Paths {
    /// One enrolment's action plan: the participant writes it, their supervisor and the
    /// class's managers and facilitators read it.
    static func actionPlan(_ enrolmentID: UUID) -> String { "/rencana-aksi/\(enrolmentID.uuidString)" }
    /// Every participant's plan in one class.
    static func classActionPlans(_ classID: UUID) -> String { "/kelas/\(classID.uuidString)/rencana-aksi" }
}
