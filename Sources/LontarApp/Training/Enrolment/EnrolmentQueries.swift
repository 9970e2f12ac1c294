import Fluent
import LontarCore
import SQLKit
import Vapor

/// The approval queue and one's own training history, each read in one SQL query.
enum EnrolmentQueries {
    struct PendingRow: Decodable {
        let id: UUID
        let seat: String
        let nominated_by: UUID?
        let created_at: Date?
        let employee_name: String
        let nip: String
        let agency_code: String
        let class_id: UUID
        let class_status: String
        let class_name: String
        let programme_title: String
        let first_start: Date?
        let last_end: Date?
    }

    /// Requests waiting for a decision by `principal`: their direct reports, and for an
    /// operator (their OPD) or BKPPD (everyone) the people who have no supervisor.
    static func pending(
        for principal: Principal, paging: PageRequest, on db: any Database
    ) async throws
        -> (rows: [PendingRow], total: Int)
    {
        let sql = try db.sql()
        var scopes: [SQLQueryString] = []
        if let me = principal.employeeID {
            scopes.append(
                "(p.supervisor_id = \(bind: me) AND p.supervisor_id IN (SELECT id FROM employees WHERE active = \(bind: true)))"
            )
        }
        // Nobody (active) to decide: the OPD's operator or BKPPD steps in (TrainingAccess.canDecide).
        let noActiveSupervisor: SQLQueryString =
            "(p.supervisor_id IS NULL OR p.supervisor_id NOT IN (SELECT id FROM employees WHERE active = \(bind: true)))"
        if principal.isAdmin {
            scopes.append(noActiveSupervisor)
        } else if principal.isOperator, let agency = principal.operatorAgencyID {
            scopes.append("(" + noActiveSupervisor + " AND p.agency_id = \(bind: agency))")
        }
        guard !scopes.isEmpty else { return ([], 0) }
        let from: SQLQueryString = """
             FROM enrolments e JOIN employees p ON p.id = e.employee_id JOIN agencies a ON a.id = p.agency_id
            JOIN training_classes c ON c.id = e.class_id JOIN programmes g ON g.id = c.programme_id
            WHERE e.approval = \(bind: Approval.pending.rawValue) AND e.cancelled = \(bind: false)
            AND (\(scopes.joined(separator: " OR ")))
            """
        struct Count: Decodable { let total: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS total" + from).first(decoding: Count.self)?.total ?? 0
        let select: SQLQueryString = """
            SELECT e.id AS id, e.seat AS seat, e.nominated_by AS nominated_by, e.created_at AS created_at,
            p.name AS employee_name, p.nip AS nip, a.code AS agency_code, c.id AS class_id, c.name AS class_name,
            c.status AS class_status, g.title AS programme_title,
            (SELECT MIN(s.starts_at) FROM class_sessions s WHERE s.class_id = c.id) AS first_start,
            (SELECT MAX(s.ends_at) FROM class_sessions s WHERE s.class_id = c.id) AS last_end
            """
        let rows = try await sql.raw(
            select + from
                + " ORDER BY e.created_at, p.name, e.id LIMIT \(literal: paging.per) OFFSET \(literal: paging.offset)"
        ).all(decoding: PendingRow.self)
        return (rows, total)
    }

    struct MineRow: Decodable {
        let id: UUID
        let approval: String
        let seat: String
        let cancelled: Bool
        let completed: Bool
        let decline_reason: String?
        let class_id: UUID
        let class_name: String
        let class_status: String
        let cancel_cutoff_hours: Int
        let programme_title: String
        let jp: Double
        let first_start: Date?
        let last_end: Date?
        let ahead: Int
        let certificate_id: UUID?

        var state: EnrolmentState {
            EnrolmentState(
                approval: Approval(rawValue: approval) ?? .pending, seat: SeatState(rawValue: seat) ?? .none,
                cancelled: cancelled)
        }
    }

    /// Every enrolment of one employee, with dates, waiting-list rank and certificate.
    static func mine(_ employeeID: UUID, on db: any Database) async throws -> [MineRow] {
        let sql = try db.sql()
        return try await sql.raw(
            """
            SELECT e.id AS id, e.approval AS approval, e.seat AS seat, e.cancelled AS cancelled,
            e.completed AS completed, e.decline_reason AS decline_reason, c.id AS class_id, c.name AS class_name,
            c.status AS class_status, c.cancel_cutoff_hours AS cancel_cutoff_hours, g.title AS programme_title,
            g.jp AS jp,
            (SELECT MIN(s.starts_at) FROM class_sessions s WHERE s.class_id = c.id) AS first_start,
            (SELECT MAX(s.ends_at) FROM class_sessions s WHERE s.class_id = c.id) AS last_end,
            (SELECT COUNT(*) FROM enrolments w WHERE w.class_id = e.class_id
             AND w.seat = \(bind: SeatState.waitlisted.rawValue) AND w.cancelled = \(bind: false)
             AND w.waitlist_position < e.waitlist_position) AS ahead,
            (SELECT t.id FROM certificates t WHERE t.enrolment_id = e.id) AS certificate_id
            FROM enrolments e JOIN training_classes c ON c.id = e.class_id JOIN programmes g ON g.id = c.programme_id
            WHERE e.employee_id = \(bind: employeeID)
            """
        ).all(decoding: MineRow.self)
    }
}
