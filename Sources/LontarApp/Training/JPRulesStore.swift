import Fluent
import Foundation
import LontarCore
import Vapor

/// The JP conversion rules per year. Edits add a version instead of overwriting, so each
/// credit can name the rules that produced it.
enum JPRulesStore {
    static func current(year: Int, on db: any Database) async throws -> JPRuleSet {
        guard
            let record = try await JPRuleRecord.query(on: db).filter(\.$year == year).sort(\.$version, .descending)
                .first(),
            let rules = try? JSONDecoder().decode(JPRuleSet.self, from: Data(record.rules.utf8))
        else { return JPRuleSet.standard(year: year) }
        return rules
    }

    static func versions(year: Int, on db: any Database) async throws -> [JPRuleRecord] {
        try await JPRuleRecord.query(on: db).filter(\.$year == year).sort(\.$version, .descending).all()
    }

    /// Stores `rules` as the next version of its year; refuses invalid numbers.
    @discardableResult
    static func save(_ proposed: JPRuleSet, by actor: String, now: Date, on db: any Database) async throws -> JPRuleSet
    {
        let problems = proposed.validate()
        if let first = problems.first { throw AppError.invalid("rules", first) }
        let latest =
            try await JPRuleRecord.query(on: db).filter(\.$year == proposed.year)
            .sort(\.$version, .descending).first()?.version ?? 1
        var rules = proposed
        rules.version = latest + 1
        let record = JPRuleRecord()
        record.year = rules.year
        record.version = rules.version
        record.rules = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
        record.createdBy = actor
        record.createdAt = now
        try await record.save(on: db)
        return rules
    }
}
