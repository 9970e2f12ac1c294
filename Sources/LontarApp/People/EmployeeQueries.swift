import Fluent
import Foundation
import LontarCore
import SQLKit

/// Who a list may show: everyone (administrators), one OPD (its operator), or one
/// supervisor's direct reports.
enum EmployeeScope: Sendable {
    case all
    case agency(UUID)
    case reportsOf(UUID)
    case nobody

    static func of(_ principal: Principal) -> EmployeeScope {
        if principal.isAdmin { return .all }
        if principal.isOperator, let agency = principal.operatorAgencyID { return .agency(agency) }
        if principal.has(.supervisor), let me = principal.employeeID { return .reportsOf(me) }
        return .nobody
    }
}

struct EmployeeFilter: Sendable {
    var agencyCode: String?
    var q: String?
    var includeInactive = false
}

/// One employee as lists, the API and the CSV export show them.
struct EmployeeSummary: Codable, Sendable {
    let nip: String
    let kind: String
    let name: String
    let frontTitle: String?
    let backTitle: String?
    let grade: String?
    let agencyCode: String
    let agencyName: String
    let unitName: String?
    let positionTitle: String?
    let positionKind: String?
    let supervisorNIP: String?
    let email: String?
    let phone: String?
    let active: Bool

    var displayName: String { EmployeeImport.displayName(front: frontTitle, name: name, back: backTitle) }
}

/// The list query in SQL with joins: one round trip for a page, none per row.
enum EmployeeQueries {
    private struct Row: Decodable {
        let nip: String
        let kind: String
        let name: String
        let front_title: String?
        let back_title: String?
        let grade: String?
        let agency_code: String
        let agency_name: String
        let unit_name: String?
        let position_title: String?
        let position_kind: String?
        let supervisor_nip: String?
        let email: String?
        let phone: String?
        let active: Bool
    }

    static func list(
        _ filter: EmployeeFilter, scope: EmployeeScope, page: PageRequest?, on db: any Database
    ) async throws -> (rows: [EmployeeSummary], total: Int) {
        let sql = try db.sql()
        let conditions = whereClause(filter, scope: scope)
        struct Count: Decodable { let n: Int }
        let total =
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM employees e JOIN agencies a ON a.id = e.agency_id WHERE \(conditions)"
            ).first(decoding: Count.self)?.n ?? 0
        var query: SQLQueryString = """
            SELECT e.nip, e.kind, e.name, e.front_title, e.back_title, e.grade, a.code AS agency_code,
                   a.name AS agency_name, u.name AS unit_name, p.title AS position_title, p.kind AS position_kind,
                   s.nip AS supervisor_nip, e.email, e.phone, e.active
            FROM employees e
            JOIN agencies a ON a.id = e.agency_id
            LEFT JOIN units u ON u.id = e.unit_id
            LEFT JOIN positions p ON p.id = e.position_id
            LEFT JOIN employees s ON s.id = e.supervisor_id
            WHERE \(conditions)
            ORDER BY a.code, e.name, e.nip
            """
        if let page { query += " LIMIT \(literal: page.per) OFFSET \(literal: page.offset)" }
        let rows = try await sql.raw(query).all(decoding: Row.self)
        return (rows.map(summary), total)
    }

    private static func whereClause(_ filter: EmployeeFilter, scope: EmployeeScope) -> SQLQueryString {
        var clause: SQLQueryString = "1 = 1"
        switch scope {
        case .all: break
        case .agency(let id): clause += " AND e.agency_id = \(bind: id)"
        case .reportsOf(let id): clause += " AND e.supervisor_id = \(bind: id)"
        case .nobody: clause += " AND 1 = 0"
        }
        if !filter.includeInactive { clause += " AND e.active = \(bind: true)" }
        if let code = filter.agencyCode?.trimmingCharacters(in: .whitespaces).uppercased(), !code.isEmpty {
            clause += " AND a.code = \(bind: code)"
        }
        if let q = filter.q?.trimmingCharacters(in: .whitespaces).lowercased(), !q.isEmpty {
            // A NIP typed with spaces (as printed on decrees) still finds its owner.
            let digits = NIP.normalized(q)
            let term = digits.allSatisfy(\.isNumber) ? digits : q
            clause += " AND e.search_text LIKE \(bind: "%" + term + "%")"
        }
        return clause
    }

    private static func summary(_ row: Row) -> EmployeeSummary {
        EmployeeSummary(
            nip: row.nip, kind: row.kind, name: row.name, frontTitle: row.front_title, backTitle: row.back_title,
            grade: row.grade, agencyCode: row.agency_code, agencyName: row.agency_name, unitName: row.unit_name,
            positionTitle: row.position_title, positionKind: row.position_kind, supervisorNIP: row.supervisor_nip,
            email: row.email, phone: row.phone, active: row.active)
    }

    /// The employee columns the import reads, in template order, for the CSV export.
    static func csvRow(_ employee: EmployeeSummary) -> [String] {
        [
            employee.nip, employee.name, employee.frontTitle ?? "", employee.backTitle ?? "", employee.kind,
            employee.grade ?? "", employee.agencyCode, employee.unitName ?? "", employee.positionTitle ?? "",
            employee.positionKind ?? "", employee.supervisorNIP ?? "", employee.email ?? "", employee.phone ?? "",
        ]
    }
}
