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
        guard !employeeIDs.isEmpty else { return [:] }
        let sql = try db.sql()
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

    struct WrittenRow: Decodable {
        let programme_id: UUID
        let completed: Int
        let written: Int
    }

    /// Per programme: enrolments completed in the scope's year, and how many of them have a
    /// plan. One grouped query for every programme, like the other report figures.
    static func written(_ scope: ReportScope, on db: any Database) async throws -> [WrittenRow] {
        let (start, end) = scope.instants
        var filter: SQLQueryString = """
            e.completed = \(bind: true) AND e.completed_at >= \(bind: start) AND e.completed_at < \(bind: end)
            """
        if let programme = scope.programme { filter = filter + " AND c.programme_id = \(bind: programme)" }
        let query: SQLQueryString = """
            SELECT c.programme_id AS programme_id, COUNT(*) AS completed, COUNT(a.id) AS written
            FROM enrolments e
            JOIN training_classes c ON c.id = e.class_id
            LEFT JOIN action_plans a ON a.enrolment_id = e.id
            WHERE \(filter)
            GROUP BY c.programme_id
            """
        return try await db.sql().raw(query).all(decoding: WrittenRow.self)
    }

    private struct Followed: Decodable { let enrolment_id: UUID }

    /// The employee's enrolments the L3 follow-up has asked about (them, or their supervisor
    /// about them): a plan not written by then can no longer be.
    static func followedUp(_ employeeID: UUID, on db: any Database) async throws -> Set<UUID> {
        let rows = try await db.sql().raw(
            """
            SELECT DISTINCT i.enrolment_id FROM survey_invitations i
            JOIN surveys s ON s.id = i.survey_id
            JOIN enrolments e ON e.id = i.enrolment_id
            WHERE e.employee_id = \(bind: employeeID) AND s.level IN (\(binds: SurveyLevel.behaviourLevels))
            """
        ).all(decoding: Followed.self)
        return Set(rows.map(\.enrolment_id))
    }

    struct ToWrite: Decodable {
        let enrolment_id: UUID
        let programme_title: String
    }

    /// The employee's enrolments completed since `since` with no plan, that the L3 follow-up
    /// has not asked about yet (after that a plan can no longer be written), newest first.
    static func toWrite(_ employeeID: UUID, completedSince since: Date, on db: any Database) async throws -> [ToWrite] {
        try await db.sql().raw(
            """
            SELECT e.id AS enrolment_id, g.title AS programme_title
            FROM enrolments e
            JOIN training_classes c ON c.id = e.class_id
            JOIN programmes g ON g.id = c.programme_id
            WHERE e.employee_id = \(bind: employeeID) AND e.completed = \(bind: true)
              AND e.completed_at >= \(bind: since)
              AND NOT EXISTS (SELECT 1 FROM action_plans a WHERE a.enrolment_id = e.id)
              AND NOT EXISTS (SELECT 1 FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id
                              WHERE i.enrolment_id = e.id AND s.level IN (\(binds: SurveyLevel.behaviourLevels)))
            ORDER BY e.completed_at DESC
            """
        ).all(decoding: ToWrite.self)
    }

    /// A class's participants holding a seat, each with their plan if written. Once any
    /// completion is confirmed, the plans that count (as in the L3 figures) are those of the
    /// participants who completed; they come first, the others after, each part by name.
    struct ClassList {
        struct Entry {
            let enrolment: Enrolment
            let record: ActionPlanRecord?
            let counts: Bool
        }
        let completionConfirmed: Bool
        let entries: [Entry]

        var counted: [Entry] { entries.filter(\.counts) }
        /// Plans written by those counted.
        var written: Int { counted.filter { $0.record != nil }.count }
    }

    static func classList(_ classID: UUID, on db: any Database) async throws -> ClassList {
        let enrolments = try await Enrolment.query(on: db).filter(\.$trainingClass.$id == classID)
            .filter(\.$approval == Approval.approved.rawValue).filter(\.$seat == SeatState.held.rawValue)
            .filter(\.$cancelled == false).with(\.$employee).all()
        let records = try await ActionPlanRecord.query(on: db).filter(\.$trainingClass.$id == classID).all()
        let byEnrolment = Dictionary(records.map { ($0.$enrolment.id, $0) }, uniquingKeysWith: { a, _ in a })
        let confirmed = CompletionService.confirmedInClass(enrolments)
        let entries = try enrolments.map { enrolment in
            ClassList.Entry(
                enrolment: enrolment, record: byEnrolment[try enrolment.requireID()],
                counts: enrolment.completed || !confirmed)
        }
        .sorted { a, b in a.counts == b.counts ? a.enrolment.employee.name < b.enrolment.employee.name : a.counts }
        return ClassList(completionConfirmed: confirmed, entries: entries)
    }
}
