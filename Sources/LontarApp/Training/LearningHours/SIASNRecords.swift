import Fluent
import Foundation
import LontarCore
import SQLKit

/// Training history as SIASN takes it, read with one join of the ledger and employees.
/// Former employees stay in: the history is theirs whether or not they still work here.
enum SIASNRecords {
    fileprivate struct Row: Decodable {
        let nip: String
        let name: String
        let front_title: String?
        let back_title: String?
        let title: String
        let form_code: String
        let jp: Double
        let start_date: String
        let end_date: String
        let year: Int
        let certificate_number: String
        let organiser: String
    }

    static func count(_ scope: JPScope, year: Int, on db: any Database) async throws -> Int {
        let sql = try db.sql()
        struct Count: Decodable { let n: Int }
        return try await sql.raw(
            "SELECT COUNT(*) AS n FROM jp_ledger l JOIN employees e ON e.id = l.employee_id WHERE \(clause(scope, year))"
        ).first(decoding: Count.self)?.n ?? 0
    }

    /// All records at once, for small scopes (one employee) and the API.
    static func load(_ scope: JPScope, year: Int, on db: any Database) async throws -> [SIASNCourseRecord] {
        let collected = Collector(chunk: .max) { _ in }
        try await read(scope, year: year, on: db, into: collected)
        return collected.take()
    }

    /// The CSV of `SIASNExport.csv`, handed to `emit` in pieces of about `chunk` lines as the
    /// database reads them (the header comes with the first piece), so a city-wide file
    /// never has to be held whole.
    static func csv(
        _ scope: JPScope, year: Int, on db: any Database, chunk: Int = 2_000,
        emit: @escaping @Sendable (String) -> Void
    ) async throws {
        let headerBytes = SIASNExport.csv([]).utf8.count
        let first = Flag()
        @Sendable func piece(_ records: [SIASNCourseRecord]) -> String {
            let text = SIASNExport.csv(records)
            return first.takeOnce() ? text : String(Substring(text).utf8.dropFirst(headerBytes)) ?? ""
        }
        let collected = Collector(chunk: chunk) { emit(piece($0)) }
        try await read(scope, year: year, on: db, into: collected)
        let rest = collected.take()
        // The last lines; or the header alone, when there was nothing to export.
        if !rest.isEmpty || first.isFresh { emit(piece(rest)) }
    }

    private static func read(_ scope: JPScope, year: Int, on db: any Database, into collected: Collector) async throws {
        let sql = try db.sql()
        try await sql.raw(
            """
            SELECT e.nip, e.name, e.front_title, e.back_title, l.title, l.form_code, l.jp, l.start_date, l.end_date,
                   l.year, l.certificate_number, l.organiser
            FROM jp_ledger l JOIN employees e ON e.id = l.employee_id JOIN agencies a ON a.id = e.agency_id
            WHERE \(clause(scope, year))
            ORDER BY a.code, e.name, e.nip, l.start_date, l.title
            """
        ).run { row in collected.add(row) }
        if let error = collected.failure() { throw error }
    }

    private static func clause(_ scope: JPScope, _ year: Int) -> SQLQueryString {
        var clause: SQLQueryString = "l.year = \(bind: year)"
        switch scope {
        case .city: break
        case .agency(let id): clause += " AND e.agency_id = \(bind: id)"
        case .reportsOf(let id): clause += " AND e.supervisor_id = \(bind: id)"
        case .employee(let id): clause += " AND e.id = \(bind: id)"
        }
        return clause
    }
}

/// Gathers records row by row as the database delivers them (on the driver's thread),
/// handing them on every `chunk` records.
private final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private let chunk: Int
    private let flush: ([SIASNCourseRecord]) -> Void
    private var records: [SIASNCourseRecord] = []
    // Rows repeat the same people and forms: each name is worked out once.
    private var names: [String: String] = [:]
    private var forms: [String: String] = [:]
    private var error: (any Error)?

    init(chunk: Int, flush: @escaping ([SIASNCourseRecord]) -> Void) {
        self.chunk = chunk
        self.flush = flush
    }

    func add(_ row: any SQLRow) {
        lock.withLock {
            guard error == nil else { return }
            do {
                let row = try row.decode(model: SIASNRecords.Row.self)
                // Ledger dates are written by Lontar as YYYY-MM-DD; a line without a readable
                // end date cannot be placed in SIASN and is left out rather than guessed.
                guard let end = CivilDate(iso: row.end_date) else { return }
                let name =
                    names[row.nip]
                    ?? EmployeeImport.displayName(front: row.front_title, name: row.name, back: row.back_title)
                names[row.nip] = name
                let form = forms[row.form_code] ?? DevelopmentForm.find(row.form_code)?.name ?? row.form_code
                forms[row.form_code] = form
                records.append(
                    SIASNCourseRecord(
                        nip: row.nip, name: name, trainingType: form, courseName: row.title, hours: row.jp,
                        startDate: CivilDate(iso: row.start_date) ?? end, endDate: end, year: row.year,
                        certificateNumber: row.certificate_number, institution: row.organiser))
                if records.count >= chunk {
                    flush(records)
                    records.removeAll(keepingCapacity: true)
                }
            } catch {
                self.error = error
            }
        }
    }

    func failure() -> (any Error)? { lock.withLock { error } }

    func take() -> [SIASNCourseRecord] {
        lock.withLock {
            defer { records = [] }
            return records
        }
    }
}

/// True exactly once: whether the header still has to be written.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var fresh = true

    var isFresh: Bool { lock.withLock { fresh } }

    func takeOnce() -> Bool {
        lock.withLock {
            defer { fresh = false }
            return fresh
        }
    }
}
