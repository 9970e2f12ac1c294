import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// Who may do what on a programme's L2–L4 pages. Evaluators are BKPPD administrators for
/// every programme and operators for the programmes their OPD organises
/// (`TrainingAccess.canManage`); L4 indicators may also be recorded by the operators of any
/// OPD whose people took part.
enum LevelsAccess {
    /// The programme in the `:id` of `/pelatihan/:id/…`, or 404.
    static func programme(_ req: Request) async throws -> Programme {
        guard let programme = try await Programme.find(try CatalogueRouting.id(req), on: req.db) else {
            throw AppError.notFound()
        }
        return programme
    }

    static func requireEvaluator(_ req: Request) async throws -> (Programme, Principal) {
        let principal = try req.requirePrincipal()
        let programme = try await programme(req)
        guard TrainingAccess.canManage(programme, principal) else { throw AppError.forbidden() }
        return (programme, principal)
    }

    /// OPDs whose employees hold an approved, uncancelled enrolment in the programme.
    static func participatingAgencies(_ programmeID: UUID, on db: any Database) async throws -> Set<UUID> {
        let sql = try db.sql()
        struct Row: Decodable { let agency_id: UUID }
        let rows = try await sql.raw(
            """
            SELECT DISTINCT p.agency_id FROM enrolments e
            JOIN training_classes c ON c.id = e.class_id
            JOIN employees p ON p.id = e.employee_id
            WHERE c.programme_id = \(bind: programmeID) AND e.approval = 'approved' AND e.cancelled = \(bind: false)
            """
        ).all(decoding: Row.self)
        return Set(rows.map(\.agency_id))
    }

    /// The OPDs in whose name this person may record indicators: every participant or the
    /// organiser for BKPPD; their own OPD for an operator when it took part or organises.
    static func indicatorAgencies(
        _ programme: Programme, _ principal: Principal, on db: any Database
    ) async throws -> Set<UUID> {
        var agencies = try await participatingAgencies(programme.requireID(), on: db)
        if let organiser = programme.$organiserAgency.id { agencies.insert(organiser) }
        if principal.isAdmin { return agencies }
        guard principal.isOperator, let own = principal.operatorAgencyID, agencies.contains(own) else { return [] }
        return [own]
    }
}

/// Numbers and days as the pages show them: a decimal comma in Indonesian.
enum LevelsFormat {
    static func number(_ value: Double?, digits: Int = 1, _ language: Language) -> String {
        guard let value else { return "—" }
        let text = String(format: "%.\(digits)f", value)
        return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func signed(_ value: Double?, digits: Int = 1, _ language: Language) -> String {
        guard let value else { return "—" }
        return (value > 0 ? "+" : "") + number(value, digits: digits, language)
    }

    /// Accepts "12,5" and "12.5" (Indonesian and English habits); nil for anything else.
    static func parse(_ text: String?) -> Double? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !trimmed.isEmpty, let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    static func day(_ iso: String?, _ language: Language) -> String {
        guard let iso, let day = CivilDate(iso: iso) else { return "—" }
        return CityTime.longDate(day, language: language)
    }
}
