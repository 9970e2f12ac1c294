import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

enum ActionPlanQueries {
    private struct Row: Decodable {
        let enrolment_id: UUID
        let employee_id: UUID
        let plan: String
        let programme_title: String
    }

    /// Each person's plans, newest first, with their programme's title: one query for a
    /// supervisor's whole staff.
    static func byEmployee(
        _ employeeIDs: [UUID], on db: any Database
    ) async throws -> [UUID: [StaffEvaluationPage.Plan]] {
        guard !employeeIDs.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT a.enrolment_id, a.employee_id, a.plan, g.title AS programme_title
            FROM action_plans a
            JOIN training_classes c ON c.id = a.class_id
            JOIN programmes g ON g.id = c.programme_id
            WHERE a.employee_id IN (\(binds: employeeIDs))
            ORDER BY a.written_on DESC
            """
        ).all(decoding: Row.self)
        return Dictionary(grouping: rows, by: \.employee_id).mapValues { rows in
            rows.map { row in
                let goal = (try? JSONDecoder().decode(ActionPlan.self, from: Data(row.plan.utf8)))?.goal ?? ""
                return StaffEvaluationPage.Plan(
                    programme: row.programme_title, goal: String(goal.prefix(200)),
                    href: Paths.actionPlan(row.enrolment_id))
            }
        }
    }
}
