import Fluent
import Foundation
import SQLKit
import Vapor

/// The queries behind the course lists: each a fixed number of SQL statements, however
/// many courses or learners there are.
enum CourseQueries {
    struct CourseRow: Decodable {
        let id: UUID
        let title: String
        let summary: String
        let status: String
        let programme_title: String
        let jp: Double
    }

    struct EnrolledRow: Decodable {
        let id: UUID
        let title: String
        let summary: String
        let programme_title: String
        let jp: Double
        let enrolment_id: UUID
        let completed: Bool
    }

    struct LessonCount: Decodable {
        let course_id: UUID
        let total: Int
        let required_total: Int
    }

    struct DoneCount: Decodable {
        let enrolment_id: UUID
        let done: Int
        let required_done: Int
    }

    private static let courseColumns: SQLQueryString = """
        c.id AS id, c.title AS title, c.summary AS summary, c.status AS status, p.title AS programme_title, p.jp AS jp
        """

    /// The published and archived courses the employee is enrolled in, unfinished first.
    static func enrolled(_ employeeID: UUID, on db: any Database) async throws -> [EnrolledRow] {
        try await db.sql().raw(
            """
            SELECT c.id AS id, c.title AS title, c.summary AS summary, p.title AS programme_title, p.jp AS jp,
                   e.id AS enrolment_id, e.completed AS completed
            FROM enrolments e JOIN courses c ON c.class_id = e.class_id JOIN programmes p ON p.id = c.programme_id
            WHERE e.employee_id = \(bind: employeeID) AND e.cancelled = \(bind: false)
              AND c.status IN (\(bind: CourseStatus.published.rawValue), \(bind: CourseStatus.archived.rawValue))
            ORDER BY e.completed, c.title
            """
        ).all(decoding: EnrolledRow.self)
    }

    /// Courses the principal writes: all for BKPPD, their OPD's programmes' for an
    /// operator, and those listing them as an author.
    static func written(by principal: Principal, limit: Int, on db: any Database) async throws -> [CourseRow] {
        var scope: [SQLQueryString] = []
        if principal.isAdmin { scope.append("1 = 1") }
        if principal.isOperator, let agency = principal.operatorAgencyID {
            scope.append("p.organiser_agency_id = \(bind: agency)")
        }
        if principal.has(.facilitator) || principal.has(.partner) {
            scope.append(
                "EXISTS (SELECT 1 FROM course_authors a WHERE a.course_id = c.id AND a.user_id = \(bind: principal.userID))"
            )
        }
        guard !scope.isEmpty else { return [] }
        var condition = scope[0]
        for more in scope.dropFirst() { condition += " OR " + more }
        return try await db.sql().raw(
            """
            SELECT \(courseColumns) FROM courses c JOIN programmes p ON p.id = c.programme_id
            WHERE \(condition) ORDER BY c.updated_at DESC, c.title LIMIT \(literal: limit)
            """
        ).all(decoding: CourseRow.self)
    }

    /// Published courses open to self-enrolment that the employee has not joined, a page of them.
    static func available(
        to employeeID: UUID, paging: PageRequest, on db: any Database
    ) async throws -> ([CourseRow], Int) {
        let from: SQLQueryString = """
            FROM courses c JOIN programmes p ON p.id = c.programme_id
            WHERE c.status = \(bind: CourseStatus.published.rawValue) AND c.open_enrolment = \(bind: true)
              AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.class_id = c.class_id
                              AND e.employee_id = \(bind: employeeID) AND e.cancelled = \(bind: false))
            """
        struct Count: Decodable { let n: Int }
        let total = try await db.sql().raw("SELECT COUNT(*) AS n " + from).first(decoding: Count.self)?.n ?? 0
        let rows = try await db.sql().raw(
            "SELECT \(courseColumns) " + from
                + " ORDER BY c.title, c.id LIMIT \(literal: paging.per) OFFSET \(literal: paging.offset)"
        ).all(decoding: CourseRow.self)
        return (rows, total)
    }

    /// Published lessons per course: how many, and how many are required.
    static func lessonCounts(_ courseIDs: [UUID], on db: any Database) async throws -> [UUID: LessonCount] {
        guard !courseIDs.isEmpty else { return [:] }
        let rows = try await db.sql().raw(
            """
            SELECT course_id, COUNT(*) AS total, SUM(CASE WHEN required THEN 1 ELSE 0 END) AS required_total
            FROM lessons WHERE course_id IN (\(binds: courseIDs)) AND published = \(bind: true) GROUP BY course_id
            """
        ).all(decoding: LessonCount.self)
        return Dictionary(rows.map { ($0.course_id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Published lessons done per enrolment: all, and the required ones.
    static func doneCounts(_ enrolmentIDs: [UUID], on db: any Database) async throws -> [UUID: DoneCount] {
        guard !enrolmentIDs.isEmpty else { return [:] }
        let rows = try await db.sql().raw(
            """
            SELECT lp.enrolment_id AS enrolment_id, COUNT(*) AS done,
                   SUM(CASE WHEN l.required THEN 1 ELSE 0 END) AS required_done
            FROM lesson_progress lp JOIN lessons l ON l.id = lp.lesson_id
            WHERE lp.enrolment_id IN (\(binds: enrolmentIDs)) AND lp.completed_at IS NOT NULL
              AND l.published = \(bind: true)
            GROUP BY lp.enrolment_id
            """
        ).all(decoding: DoneCount.self)
        return Dictionary(rows.map { ($0.enrolment_id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    struct LearnerRow: Decodable {
        let enrolment_id: UUID
        let nip: String
        let name: String
        let front_title: String?
        let back_title: String?
        let agency_code: String
        let completed: Bool
        let last_seen: Date?
    }

    /// A page of a course's learners, by name, with when each was last seen in a lesson.
    static func learners(
        of course: Course, paging: PageRequest, on db: any Database
    ) async throws -> ([LearnerRow], Int) {
        let from: SQLQueryString = """
            FROM enrolments e JOIN employees m ON m.id = e.employee_id JOIN agencies a ON a.id = m.agency_id
            WHERE e.class_id = \(bind: course.$trainingClass.id) AND e.cancelled = \(bind: false)
            """
        struct Count: Decodable { let n: Int }
        let total = try await db.sql().raw("SELECT COUNT(*) AS n " + from).first(decoding: Count.self)?.n ?? 0
        let rows = try await db.sql().raw(
            """
            SELECT e.id AS enrolment_id, m.nip AS nip, m.name AS name, m.front_title AS front_title,
                   m.back_title AS back_title, a.code AS agency_code, e.completed AS completed,
                   (SELECT MAX(lp.last_seen_at) FROM lesson_progress lp WHERE lp.enrolment_id = e.id) AS last_seen
            \(from) ORDER BY m.name, m.nip LIMIT \(literal: paging.per) OFFSET \(literal: paging.offset)
            """
        ).all(decoding: LearnerRow.self)
        return (rows, total)
    }
}
