import Fluent
import Foundation
import LontarCore
import SQLKit

/// The four levels' figures for every programme in scope, each level aggregated by the
/// database in a fixed number of grouped queries (never one query per programme), so the
/// comparison of all programmes costs the same few round trips as one programme's page.
enum ReportQueries {
    static func reports(_ scope: ReportScope, on db: any Database) async throws -> [UUID: ProgrammeReport] {
        var reports: [UUID: ProgrammeReport] = [:]
        func edit(_ id: UUID, _ change: (inout ProgrammeReport) -> Void) {
            var report = reports[id] ?? ProgrammeReport(programmeID: id, year: scope.year)
            change(&report)
            reports[id] = report
        }
        for row in try await responseCounts(scope, on: db) {
            edit(row.programme_id) { report in
                switch SurveyLevel(rawValue: row.level) {
                case .reaction:
                    report.reaction.responses += row.responses
                    report.reaction.withheldSurveys += row.withheld
                case .behaviourAlumnus:
                    report.behaviour.alumni.responses += row.responses
                    report.behaviour.alumni.withheldSurveys += row.withheld
                case .behaviourSupervisor:
                    report.behaviour.supervisors.responses += row.responses
                    report.behaviour.supervisors.withheldSurveys += row.withheld
                default: break
                }
            }
        }
        for row in try await answerGroups(scope, on: db) {
            edit(row.programme_id) { report in
                switch (SurveyLevel(rawValue: row.level), row.aspect, row.choice) {
                case (.reaction, _, _):
                    report.reaction.answers += row.answers
                    report.reaction.indexTotal += row.total
                    report.reaction.aspects.append(
                        .init(aspect: row.aspect, index: row.total / Double(max(row.answers, 1)), answers: row.answers))
                case (.behaviourAlumnus, "penerapan", nil):
                    report.behaviour.alumni.answers += row.answers
                    report.behaviour.alumni.agreeing += row.agree
                case (.behaviourSupervisor, "penerapan", nil):
                    report.behaviour.supervisors.answers += row.answers
                    report.behaviour.supervisors.agreeing += row.agree
                case (.behaviourAlumnus, "rencanaAksi", let choice?) where (0..<4).contains(choice):
                    report.behaviour.alumni.plans[choice] += row.answers
                case (.behaviourSupervisor, "rencanaAksi", let choice?) where (0..<4).contains(choice):
                    report.behaviour.supervisors.plans[choice] += row.answers
                default: break
                }
            }
        }
        for row in try await invitations(scope, on: db) {
            edit(row.programme_id) { report in
                report.reaction.invited = row.invited
                report.reaction.answeredInvitations = row.answered
            }
        }
        if scope.classes == nil {
            for (id, pairs) in try await testPairs(scope, on: db) {
                edit(id) { $0.gain = ClassGain.of(pairs) }
            }
            for row in try await ActionPlanQueries.written(scope, on: db) {
                edit(row.programme_id) { report in
                    report.behaviour.completed = row.completed
                    report.behaviour.plansWritten = row.written
                }
            }
            for row in try await indicators(scope, on: db) {
                edit(row.programme_id) { report in
                    report.indicators.append(
                        IndicatorFigure(
                            name: row.name, unit: row.unit,
                            change: IndicatorChange(
                                baseline: row.baseline, result: row.result, higherIsBetter: row.higher_is_better)))
                }
            }
        }
        for id in reports.keys { reports[id]?.reaction.aspects.sort { $0.aspect < $1.aspect } }
        return reports
    }

    static func report(_ scope: ReportScope, on db: any Database) async throws -> ProgrammeReport {
        guard let id = scope.programme else { preconditionFailure("a programme report needs a programme") }
        return try await reports(scope, on: db)[id] ?? ProgrammeReport(programmeID: id, year: scope.year)
    }

    // MARK: - Queries

    static let surveyLevels = [
        SurveyLevel.reaction.rawValue, SurveyLevel.behaviourAlumnus.rawValue,
        SurveyLevel.behaviourSupervisor.rawValue,
    ]

    /// The year's responses (`r`) of the scope's surveys (`s`).
    private static func facilitatorFilter(_ scope: ReportScope) -> SQLQueryString {
        guard let me = scope.facilitator else { return "" }
        return "AND (a.facilitator_id IS NULL OR a.facilitator_id = \(bind: me))"
    }

    private static func responseFilter(_ scope: ReportScope) -> SQLQueryString {
        var filter: SQLQueryString =
            "r.submitted_on >= \(bind: scope.firstDay) AND r.submitted_on <= \(bind: scope.lastDay)"
        if let programme = scope.programme { filter = filter + " AND s.programme_id = \(bind: programme)" }
        if let classes = scope.classes {
            filter =
                filter + " AND s.level = \(bind: SurveyLevel.reaction.rawValue) AND r.class_id IN (\(binds: classes))"
        }
        return filter
    }

    /// Surveys with their year's response count; an anonymous survey is shown only from five
    /// responses (`AnonymityRule`), below that it counts as withheld and none of its answers are read.
    private static func shownSurveys(_ scope: ReportScope) -> SQLQueryString {
        """
        WITH counted AS (
            SELECT s.id AS survey_id, s.programme_id AS programme_id, s.level AS level, s.anonymous AS anonymous,
                   COUNT(*) AS n
            FROM surveys s JOIN survey_responses r ON r.survey_id = s.id
            WHERE s.level IN (\(binds: surveyLevels)) AND \(responseFilter(scope))
            GROUP BY s.id, s.programme_id, s.level, s.anonymous
        ), shown AS (
            SELECT survey_id, programme_id, level, n FROM counted
            WHERE NOT anonymous OR n >= \(literal: AnonymityRule.minimumResponses)
        )
        """
    }

    struct CountRow: Decodable {
        let programme_id: UUID
        let level: String
        let responses: Int
        let withheld: Int
    }

    static func responseCounts(_ scope: ReportScope, on db: any Database) async throws -> [CountRow] {
        let query =
            shownSurveys(scope)
                + """
                 SELECT programme_id, level,
                        CAST(SUM(CASE WHEN NOT anonymous OR n >= \(literal: AnonymityRule.minimumResponses) THEN n ELSE 0 END)
                            AS BIGINT) AS responses,
                        CAST(SUM(CASE WHEN NOT anonymous OR n >= \(literal: AnonymityRule.minimumResponses) THEN 0 ELSE 1 END)
                            AS BIGINT) AS withheld
                 FROM counted GROUP BY programme_id, level
                """
        return try await try db.sql().raw(query).all(decoding: CountRow.self)
    }

    struct AnswerGroup: Decodable {
        let programme_id: UUID
        let level: String
        let aspect: String
        let choice: Int?
        let answers: Int
        let total: Double
        let agree: Int
    }

    /// Every answer the levels need, in one pass over the shown surveys' answers of the year:
    /// L1 Likert answers (and facilitator ratings) by aspect on 0–100; L3 `penerapan` answers with
    /// those agreeing (top half of the scale, as `LikertDistribution.agreePercent`: 3–4 of 4, 4–5
    /// of 5, i.e. 2 × scale ≥ points + 2); L3 action-plan choices.
    static func answerGroups(_ scope: ReportScope, on db: any Database) async throws -> [AnswerGroup] {
        let reaction = SurveyLevel.reaction.rawValue
        let query =
            shownSurveys(scope)
                + """
                 SELECT sh.programme_id AS programme_id, sh.level AS level, a.aspect AS aspect, a.choice AS choice,
                        COUNT(*) AS answers,
                        CAST(SUM(CASE WHEN a.scale IS NOT NULL AND a.points > 1
                                      THEN (a.scale - 1) * 100.0 / (a.points - 1) ELSE 0 END) AS DOUBLE PRECISION) AS total,
                        CAST(SUM(CASE WHEN a.scale IS NOT NULL AND 2 * a.scale >= a.points + 2 THEN 1 ELSE 0 END) AS BIGINT)
                            AS agree
                 FROM shown sh
                 JOIN survey_responses r ON r.survey_id = sh.survey_id
                 JOIN surveys s ON s.id = sh.survey_id
                 JOIN survey_answers a ON a.response_id = r.id
                 WHERE \(responseFilter(scope)) \(facilitatorFilter(scope))
                   AND ((sh.level = \(bind: reaction) AND a.scale IS NOT NULL AND a.points > 1)
                     OR (sh.level <> \(bind: reaction) AND a.aspect = 'penerapan' AND a.scale IS NOT NULL AND a.points > 1)
                     OR (sh.level <> \(bind: reaction) AND a.aspect = 'rencanaAksi' AND a.choice IS NOT NULL))
                 GROUP BY sh.programme_id, sh.level, a.aspect, a.choice
                """
        return try await try db.sql().raw(query).all(decoding: AnswerGroup.self)
    }

    struct InvitationRow: Decodable {
        let programme_id: UUID
        let invited: Int
        let answered: Int
    }

    static func invitations(_ scope: ReportScope, on db: any Database) async throws -> [InvitationRow] {
        var filter: SQLQueryString =
            "s.level = \(bind: SurveyLevel.reaction.rawValue) AND i.sent_on >= \(bind: scope.firstDay) AND i.sent_on <= \(bind: scope.lastDay)"
        if let programme = scope.programme { filter = filter + " AND s.programme_id = \(bind: programme)" }
        if let classes = scope.classes { filter = filter + " AND s.class_id IN (\(binds: classes))" }
        let query: SQLQueryString = """
            SELECT s.programme_id AS programme_id, COUNT(*) AS invited,
                   CAST(SUM(CASE WHEN i.answered THEN 1 ELSE 0 END) AS BIGINT) AS answered
            FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id
            WHERE \(filter)
            GROUP BY s.programme_id
            """
        return try await try db.sql().raw(query).all(decoding: InvitationRow.self)
    }

    struct PairRow: Decodable {
        let programme_id: UUID
        let employee_id: UUID
        let pre: Double
        let post: Double
    }

    /// Pre = each participant's first finished attempt of the pre-test, post = their best
    /// finished attempt of the post-test finished in the year; only participants with both count.
    static func testPairs(_ scope: ReportScope, on db: any Database) async throws -> [UUID: [TestPair]] {
        let (start, end) = scope.instants
        let programme: SQLQueryString =
            scope.programme.map { " AND pe.programme_id = \(bind: $0)" } ?? ""
        let query: SQLQueryString = """
            WITH firsts AS (
                SELECT pe.programme_id AS programme_id, a.employee_id AS employee_id, MIN(a.number) AS number
                FROM programme_evaluations pe JOIN quiz_attempts a ON a.quiz_id = pe.pre_quiz_id
                WHERE a.finished_at IS NOT NULL AND a.percent IS NOT NULL\(programme)
                GROUP BY pe.programme_id, a.employee_id
            ), pre AS (
                SELECT f.programme_id AS programme_id, f.employee_id AS employee_id, a.percent AS pre
                FROM firsts f JOIN programme_evaluations pe ON pe.programme_id = f.programme_id
                JOIN quiz_attempts a ON a.quiz_id = pe.pre_quiz_id AND a.employee_id = f.employee_id
                     AND a.number = f.number
            ), post AS (
                SELECT pe.programme_id AS programme_id, a.employee_id AS employee_id, MAX(a.percent) AS post
                FROM programme_evaluations pe JOIN quiz_attempts a ON a.quiz_id = pe.post_quiz_id
                WHERE a.finished_at >= \(bind: start) AND a.finished_at < \(bind: end)
                  AND a.percent IS NOT NULL\(programme)
                GROUP BY pe.programme_id, a.employee_id
            )
            SELECT pre.programme_id AS programme_id, pre.employee_id AS employee_id, pre.pre AS pre, post.post AS post
            FROM pre JOIN post ON post.programme_id = pre.programme_id AND post.employee_id = pre.employee_id
            """
        var pairs: [UUID: [TestPair]] = [:]
        for row in try await try db.sql().raw(query).all(decoding: PairRow.self) {
            pairs[row.programme_id, default: []].append(
                TestPair(participant: row.employee_id.uuidString, pre: row.pre, post: row.post))
        }
        return pairs
    }

    struct IndicatorRow: Decodable {
        let programme_id: UUID
        let name: String
        let unit: String
        let baseline: Double
        let result: Double
        let higher_is_better: Bool
    }

    static func indicators(_ scope: ReportScope, on db: any Database) async throws -> [IndicatorRow] {
        let programme: SQLQueryString = scope.programme.map { " AND programme_id = \(bind: $0)" } ?? ""
        let query: SQLQueryString = """
            SELECT programme_id, name, unit, baseline, result, higher_is_better FROM result_indicators
            WHERE year = \(bind: scope.year)\(programme) ORDER BY name, created_at
            """
        return try await try db.sql().raw(query).all(decoding: IndicatorRow.self)
    }

}
