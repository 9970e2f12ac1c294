import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// The survey's figures, aggregated in the database (GROUP BY over `survey_answers`), never
/// by loading answer rows into memory.
enum SurveyResults {
    /// Which responses count: those of some classes (nil: all), and for a facilitator only
    /// the ratings of themselves.
    struct Filter {
        var classIDs: [UUID]?
        var facilitatorID: UUID?
    }

    struct ItemCount: Decodable {
        let itemkey: String
        let scale: Int?
        let points: Int?
        let choice: Int?
        let n: Int
    }

    struct RatingCount: Decodable {
        let facilitator: UUID
        let scale: Int
        let n: Int
    }

    struct TextAnswer: Decodable {
        let itemkey: String
        let text: String
        let day: String
    }

    private struct Total: Decodable { let n: Int }

    /// `AND r.class_id IN (…)` for a class filter; an empty filter matches nothing.
    private static func classClause(_ filter: Filter) -> SQLQueryString {
        guard let ids = filter.classIDs else { return "" }
        guard !ids.isEmpty else { return " AND 1 = 0" }
        return " AND r.class_id IN (\(binds: ids))"
    }

    /// Whether any class of the survey has answers but fewer than the anonymity threshold.
    static func hasSmallClass(_ surveyID: UUID, on db: any Database) async throws -> Bool {
        let query: SQLQueryString = """
            SELECT COUNT(*) AS n FROM survey_responses r
            WHERE r.survey_id = \(bind: surveyID) AND r.class_id IS NOT NULL
            GROUP BY r.class_id HAVING COUNT(*) < \(bind: AnonymityRule.minimumResponses)
            """
        return try await db.sql().raw(query).first(decoding: Total.self) != nil
    }

    static func responses(_ surveyID: UUID, _ filter: Filter, on db: any Database) async throws -> Int {
        let query: SQLQueryString =
            "SELECT COUNT(*) AS n FROM survey_responses r WHERE r.survey_id = \(bind: surveyID)" + classClause(filter)
        return try await db.sql().raw(query).first(decoding: Total.self)?.n ?? 0
    }

    /// Counts per item and scale point or option, facilitator ratings and texts aside.
    static func itemCounts(_ surveyID: UUID, _ filter: Filter, on db: any Database) async throws -> [ItemCount] {
        var query: SQLQueryString = """
            SELECT a.item_key AS itemkey, a.scale AS scale, a.points AS points, a.choice AS choice, COUNT(*) AS n
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE a.survey_id = \(bind: surveyID) AND a.facilitator_id IS NULL AND a.text IS NULL
            """
        query += classClause(filter)
        query += " GROUP BY a.item_key, a.scale, a.points, a.choice"
        return try await db.sql().raw(query).all(decoding: ItemCount.self)
    }

    /// Counts per facilitator and point.
    static func ratings(_ surveyID: UUID, _ filter: Filter, on db: any Database) async throws -> [RatingCount] {
        var query: SQLQueryString = """
            SELECT a.facilitator_id AS facilitator, a.scale AS scale, COUNT(*) AS n
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE a.survey_id = \(bind: surveyID) AND a.facilitator_id IS NOT NULL AND a.scale IS NOT NULL
            """
        query += classClause(filter)
        if let facilitator = filter.facilitatorID { query += " AND a.facilitator_id = \(bind: facilitator)" }
        query += " GROUP BY a.facilitator_id, a.scale"
        return try await db.sql().raw(query).all(decoding: RatingCount.self)
    }

    static func texts(
        _ surveyID: UUID, _ filter: Filter, limit: Int = 500, on db: any Database
    ) async throws
        -> [TextAnswer]
    {
        var query: SQLQueryString = """
            SELECT a.item_key AS itemkey, a.text AS text, r.submitted_on AS day
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE a.survey_id = \(bind: surveyID) AND a.text IS NOT NULL
            """
        query += classClause(filter)
        // The answer's random id breaks ties within a day, so texts never come back in the
        // order they were written (which could point at who wrote an anonymous one).
        query += " ORDER BY r.submitted_on DESC, a.id LIMIT \(literal: limit)"
        return try await db.sql().raw(query).all(decoding: TextAnswer.self)
    }
}

/// Figures as words for the pages.
enum SurveyResultsText {
    static func rate(_ rate: ResponseRate, _ req: Request) -> String {
        guard rate.invited > 0 else { return req.t("survey.results.noInvitations") }
        return req.t(
            "survey.results.rate", String(rate.answered), String(rate.invited),
            SurveyStore.number(rate.percent, req, digits: 0))
    }
}
