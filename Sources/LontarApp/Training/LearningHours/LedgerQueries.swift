import Fluent
import Foundation
import LontarCore
import SQLKit

/// Whose learning hours a report covers.
enum JPScope: Sendable, Equatable {
    case city
    case agency(UUID)
    case reportsOf(UUID)
    case employee(UUID)
}

/// The yearly figures a report compares totals with, from the year's rule set.
struct JPTargets: Sendable {
    let pns: Double
    let pppk: Double

    init(_ rules: JPRuleSet) {
        pns = rules.pnsAnnualTarget
        pppk = rules.pppkAnnualCeiling
    }

    /// Credits carry one decimal, so a SUM is within float noise of a multiple of 0.1
    /// (19.999999… for 20); comparing with half a tenth less keeps SQL in step with
    /// `JPProgress`, which rounds before comparing.
    static let noise = 0.05
}

/// One line of an employee's ledger.
struct LedgerLine: Decodable, Sendable {
    let id: UUID
    let year: Int
    let jp: Double
    let source: String
    let title: String
    let form_code: String
    let start_date: String
    let end_date: String
    let organiser: String
    let certificate_number: String
    let rule_year: Int
    let rule_version: Int
}

/// Head counts and JP of a group of employees (an OPD, a unit, the city) for a year.
struct JPCounts: Decodable, Sendable {
    let employees: Int
    let pns: Int
    let pns_reached: Int
    let pns_jp: Double
    let pppk: Int
    let pppk_at_ceiling: Int
    let pppk_over: Int
    let pppk_jp: Double

    var pnsAverage: Double { pns > 0 ? pns_jp / Double(pns) : 0 }
    var pppkAverage: Double { pppk > 0 ? pppk_jp / Double(pppk) : 0 }
    /// Share of PNS who reached the target, 0…100, rounded down like `JPProgress.percent`.
    var reachedPercent: Int { pns > 0 ? pns_reached * 100 / pns : 0 }

    static let zero = JPCounts(
        employees: 0, pns: 0, pns_reached: 0, pns_jp: 0, pppk: 0, pppk_at_ceiling: 0, pppk_over: 0, pppk_jp: 0)

    /// The totals of several groups (an OPD from its units) without asking the database again.
    static func sum(_ parts: [JPCounts]) -> JPCounts {
        parts.reduce(zero) { total, part in
            JPCounts(
                employees: total.employees + part.employees, pns: total.pns + part.pns,
                pns_reached: total.pns_reached + part.pns_reached, pns_jp: total.pns_jp + part.pns_jp,
                pppk: total.pppk + part.pppk, pppk_at_ceiling: total.pppk_at_ceiling + part.pppk_at_ceiling,
                pppk_over: total.pppk_over + part.pppk_over, pppk_jp: total.pppk_jp + part.pppk_jp)
        }
    }
}

struct UnitCounts: Sendable {
    let unitName: String?
    let counts: JPCounts
}

struct AgencyCounts: Sendable {
    let code: String
    let name: String
    let counts: JPCounts
}

/// One employee's total for the year (lists of who is behind or at risk).
struct EmployeeTotal: Decodable, Sendable {
    let nip: String
    let name: String
    let front_title: String?
    let back_title: String?
    let kind: String
    let agency_code: String
    let unit_name: String?
    let total: Double

    var displayName: String { EmployeeImport.displayName(front: front_title, name: name, back: back_title) }
}

/// The learning-hours reports in SQL: every total is summed and counted by the database,
/// one round trip per table, whatever the number of employees.
enum LedgerQueries {
    static func entries(employeeID: UUID, year: Int, on db: any Database) async throws -> [LedgerLine] {
        try await db.sql().raw(
            """
            SELECT id, year, jp, source, title, form_code, start_date, end_date, organiser, certificate_number,
                   rule_year, rule_version
            FROM jp_ledger WHERE employee_id = \(bind: employeeID) AND year = \(bind: year)
            ORDER BY end_date DESC, start_date DESC, title
            """
        ).all(decoding: LedgerLine.self)
    }

    /// Totals of one group: a whole OPD, or the city.
    static func counts(_ scope: JPScope, year: Int, targets: JPTargets, on db: any Database) async throws -> JPCounts {
        let query: SQLQueryString =
            "SELECT \(countColumns(targets)) FROM employees e \(ledgerJoin(year)) WHERE \(scopeClause(scope))"
        return try await db.sql().raw(query).first(decoding: JPCounts.self) ?? .zero
    }

    static func byUnit(agencyID: UUID, year: Int, targets: JPTargets, on db: any Database) async throws -> [UnitCounts]
    {
        let query: SQLQueryString = """
            SELECT u.name AS unit_name, \(countColumns(targets))
            FROM employees e LEFT JOIN units u ON u.id = e.unit_id \(ledgerJoin(year))
            WHERE \(scopeClause(.agency(agencyID)))
            GROUP BY u.id, u.name ORDER BY u.name
            """
        return try await db.sql().raw(query).all().map { row in
            UnitCounts(
                unitName: try row.decode(column: "unit_name", as: String?.self),
                counts: try row.decode(model: JPCounts.self))
        }
    }

    static func byAgency(year: Int, targets: JPTargets, on db: any Database) async throws -> [AgencyCounts] {
        let query: SQLQueryString = """
            SELECT a.code AS agency_code, a.name AS agency_name, \(countColumns(targets))
            FROM employees e JOIN agencies a ON a.id = e.agency_id \(ledgerJoin(year))
            WHERE \(scopeClause(.city))
            GROUP BY a.id, a.code, a.name ORDER BY a.code
            """
        return try await db.sql().raw(query).all().map { row in
            AgencyCounts(
                code: try row.decode(column: "agency_code", as: String.self),
                name: try row.decode(column: "agency_name", as: String.self),
                counts: try row.decode(model: JPCounts.self))
        }
    }

    /// PNS in `scope` whose total is below `limit`, fewest JP first. PPPK are never
    /// listed: they have a ceiling, not a minimum, so they cannot be behind.
    static func pnsBelow(
        _ limit: Double, scope: JPScope, year: Int, page: PageRequest, on db: any Database
    ) async throws -> (rows: [EmployeeTotal], total: Int) {
        let from: SQLQueryString = """
            FROM employees e JOIN agencies a ON a.id = e.agency_id LEFT JOIN units u ON u.id = e.unit_id
            \(ledgerJoin(year))
            WHERE \(scopeClause(scope)) AND e.kind = \(bind: EmployeeKind.pns.rawValue)
              AND COALESCE(t.total, 0.0) < \(bind: limit)
            """
        struct Count: Decodable { let n: Int }
        let count = try await db.sql().raw("SELECT COUNT(*) AS n " + from).first(decoding: Count.self)?.n ?? 0
        let rows = try await db.sql().raw(
            """
            SELECT e.nip, e.name, e.front_title, e.back_title, e.kind, a.code AS agency_code, u.name AS unit_name,
                   COALESCE(t.total, 0.0) AS total
            \(from)
            ORDER BY total, e.name, e.nip LIMIT \(literal: page.per) OFFSET \(literal: page.offset)
            """
        ).all(decoding: EmployeeTotal.self)
        return (rows, count)
    }

    /// The at-risk rule of `JPProgress.atRisk` as a bound: someone is at risk when
    /// total / target < days elapsed / days in the year, i.e. when their total is below
    /// target × elapsed / days. So the database can filter and page the list.
    static func atRiskLimit(target: Double, on date: CivilDate) -> Double {
        guard target > 0 else { return 0 }
        let elapsed = (1..<date.month).reduce(date.day - 1) {
            $0 + (CivilDate.daysInMonth(year: date.year, month: $1) ?? 0)
        }
        let days: Double = CivilDate.isLeapYear(date.year) ? 366 : 365
        return target * Double(elapsed) / days
    }

    // MARK: - SQL pieces

    /// Each employee's total for the year, summed once by the database before the join.
    private static func ledgerJoin(_ year: Int) -> SQLQueryString {
        """
        LEFT JOIN (SELECT employee_id, SUM(jp) AS total FROM jp_ledger WHERE year = \(bind: year)
                   GROUP BY employee_id) t ON t.employee_id = e.id
        """
    }

    /// Active employees only: a retired or transferred-out person has no target this year.
    private static func scopeClause(_ scope: JPScope) -> SQLQueryString {
        var clause: SQLQueryString = "e.active = \(bind: true)"
        switch scope {
        case .city: break
        case .agency(let id): clause += " AND e.agency_id = \(bind: id)"
        case .reportsOf(let id): clause += " AND e.supervisor_id = \(bind: id)"
        case .employee(let id): clause += " AND e.id = \(bind: id)"
        }
        return clause
    }

    private static func countColumns(_ targets: JPTargets) -> SQLQueryString {
        let pns = EmployeeKind.pns.rawValue
        let pppk = EmployeeKind.pppk.rawValue
        let reached = targets.pns - JPTargets.noise
        let ceiling = targets.pppk - JPTargets.noise
        let over = targets.pppk + JPTargets.noise
        return """
            COUNT(*) AS employees,
            COALESCE(SUM(CASE WHEN e.kind = \(bind: pns) THEN 1 ELSE 0 END), 0) AS pns,
            COALESCE(SUM(CASE WHEN e.kind = \(bind: pns) AND COALESCE(t.total, 0.0) >= \(bind: reached)
                THEN 1 ELSE 0 END), 0) AS pns_reached,
            COALESCE(SUM(CASE WHEN e.kind = \(bind: pns) THEN COALESCE(t.total, 0.0) ELSE 0.0 END), 0.0) AS pns_jp,
            COALESCE(SUM(CASE WHEN e.kind = \(bind: pppk) THEN 1 ELSE 0 END), 0) AS pppk,
            COALESCE(SUM(CASE WHEN e.kind = \(bind: pppk) AND COALESCE(t.total, 0.0) >= \(bind: ceiling)
                THEN 1 ELSE 0 END), 0) AS pppk_at_ceiling,
            COALESCE(SUM(CASE WHEN e.kind = \(bind: pppk) AND COALESCE(t.total, 0.0) > \(bind: over)
                THEN 1 ELSE 0 END), 0) AS pppk_over,
            COALESCE(SUM(CASE WHEN e.kind = \(bind: pppk) THEN COALESCE(t.total, 0.0) ELSE 0.0 END), 0.0) AS pppk_jp
            """
    }
}
