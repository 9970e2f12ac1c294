import Fluent
import LontarCore
import SQLKit
import Vapor

/// BKPPD's needs summary for next year's plan (`/evaluasi/kebutuhan`, `?year=`): open
/// answers about needs and L3 interview notes, by programme, with recurring words.
struct NeedsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.evaluationNeeds.pathComponents, use: page)
        routes.get(Paths.evaluationNeedsCSV.pathComponents, use: csv)
    }

    /// One note: an open answer (`answer`) or an interview's needs / findings.
    struct Note: Sendable {
        let programmeID: UUID
        let source: String
        let text: String
        /// Nil for an answer to an anonymous survey: neither person nor day is read.
        let day: String?
        let person: String?
    }

    struct AnswerRow: Decodable {
        let programme_id: UUID
        let text: String
        let submitted_on: String?
        let respondent: String?
    }

    struct InterviewRow: Decodable {
        let programme_id: UUID
        let interviewee_role: String
        let held_on: String
        let findings: String
        let needs: String
    }

    static func notes(year: Int, on db: any Database) async throws -> [Note] {
        let scope = ReportScope(year: year)
        let sql = try db.sql()
        // An anonymous survey's answers are read only from five responses in the year, and
        // then without respondent or day (the columns are empty anyway; the query does not
        // even ask for them).
        let answers = try await sql.raw(
            """
            WITH counted AS (
                SELECT s.id AS survey_id, COUNT(*) AS n FROM surveys s JOIN survey_responses r ON r.survey_id = s.id
                WHERE r.submitted_on >= \(bind: scope.firstDay) AND r.submitted_on <= \(bind: scope.lastDay)
                GROUP BY s.id
            )
            SELECT s.programme_id AS programme_id, a.text AS text,
                   CASE WHEN s.anonymous THEN NULL ELSE r.submitted_on END AS submitted_on,
                   CASE WHEN s.anonymous THEN NULL ELSE e.name END AS respondent
            FROM survey_answers a
            JOIN survey_responses r ON r.id = a.response_id
            JOIN surveys s ON s.id = r.survey_id
            JOIN counted c ON c.survey_id = s.id
            LEFT JOIN employees e ON e.id = r.respondent_id
            WHERE a.aspect = 'kebutuhan' AND a.text IS NOT NULL AND a.text <> ''
              AND r.submitted_on >= \(bind: scope.firstDay) AND r.submitted_on <= \(bind: scope.lastDay)
              AND (NOT s.anonymous OR c.n >= \(literal: AnonymityRule.minimumResponses))
            ORDER BY s.programme_id, a.text
            """
        ).all(decoding: AnswerRow.self)
        let interviews = try await sql.raw(
            """
            SELECT programme_id, interviewee_role, held_on, findings, needs FROM evaluation_interviews
            WHERE held_on >= \(bind: scope.firstDay) AND held_on <= \(bind: scope.lastDay)
            ORDER BY programme_id, held_on
            """
        ).all(decoding: InterviewRow.self)
        var notes = answers.map {
            Note(
                programmeID: $0.programme_id, source: "answer", text: $0.text, day: $0.submitted_on,
                person: $0.respondent)
        }
        for row in interviews {
            for (source, text) in [("needs", row.needs), ("findings", row.findings)]
            where !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                notes.append(
                    Note(programmeID: row.programme_id, source: source, text: text, day: row.held_on, person: nil))
            }
        }
        return notes
    }

    static func titles(_ notes: [Note], on db: any Database) async throws -> [UUID: String] {
        let ids = Array(Set(notes.map(\.programmeID)))
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            try await Programme.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.title) },
            uniquingKeysWith: { first, _ in first })
    }

    func page(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let year = ReportAccess.pageYear(req)
        let notes = try await Self.notes(year: year, on: req.db)
        let titles = try await Self.titles(notes, on: req.db)
        let page = try await NeedsPage.make(notes, titles: titles, year: year, req: req)
        return try await req.renderPage("evaluation/reports/needs", page)
    }

    func csv(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let year = ReportAccess.pageYear(req)
        let notes = try await Self.notes(year: year, on: req.db)
        let titles = try await Self.titles(notes, on: req.db)
        var out = ReportCSV.line([
            req.t("evalreport.csv.programme"), req.t("evalreport.csv.source"), req.t("evalreport.csv.day"),
            req.t("evalreport.csv.person"), req.t("evalreport.csv.text"),
        ])
        for note in notes.sorted(by: { (titles[$0.programmeID] ?? "") < (titles[$1.programmeID] ?? "") }) {
            out += ReportCSV.line([
                titles[note.programmeID] ?? "—", req.t("evalreport.needs.source." + note.source), note.day ?? "",
                note.person ?? "", note.text,
            ])
        }
        return ReportCSV.response(out, filename: "kebutuhan-\(year).csv")
    }
}

struct NeedsPage: Encodable {
    struct Item: Encodable {
        let source: String
        let text: String
        let meta: String?
    }

    struct Group: Encodable {
        let title: String
        let href: String
        let items: [Item]
        /// "12 more notes are in the CSV" when the list is cut.
        let more: String?
    }

    struct Theme: Encodable {
        let word: String
        let count: Int
    }

    /// Notes shown per programme; the page stays light on a phone, the CSV has them all.
    static let perProgramme = 10

    let layout: Layout
    let years: ReportYears
    let themes: BarChart?
    let groups: [Group]
    let csvHref: String
    let compareHref: String

    static func make(
        _ notes: [NeedsController.Note], titles: [UUID: String], year: Int, req: Request
    ) async throws
        -> NeedsPage
    {
        let themes = NeedsThemes.top(notes.map(\.text), limit: 15)
        let most = max(themes.first?.texts ?? 1, 1)
        let chart =
            themes.isEmpty
            ? nil
            : BarChart.make(
                title: req.t("evalreport.needs.themes"),
                description: req.t("evalreport.needs.themesDesc", String(year)),
                items: themes.map { ($0.word, $0.texts * 100 / most, String($0.texts)) })
        let byProgramme = Dictionary(grouping: notes, by: \.programmeID)
        let groups = byProgramme.map { id, notes in
            Group(
                title: titles[id] ?? "—", href: JPLinks.with(Paths.programmeEvaluation(id), ["year": String(year)]),
                items: notes.prefix(Self.perProgramme).map { note in
                    let meta = [note.person, note.day.map { LevelsFormat.day($0, req.language) }].compactMap { $0 }
                        .joined(separator: " · ")
                    return Item(
                        source: req.t("evalreport.needs.source." + note.source), text: note.text,
                        meta: meta.isEmpty ? nil : meta)
                },
                more: notes.count > Self.perProgramme
                    ? req.t("evalreport.needs.more", String(notes.count - Self.perProgramme)) : nil)
        }.sorted { $0.title < $1.title }
        return NeedsPage(
            layout: try await Layout.make(req, title: req.t("evalreport.needs.title")),
            years: ReportYears.make(year, path: Paths.evaluationNeeds, current: CityTime.today(req.clock).year),
            themes: chart, groups: groups, csvHref: JPLinks.with(Paths.evaluationNeedsCSV, ["year": String(year)]),
            compareHref: JPLinks.with(Paths.evaluationComparison, ["year": String(year)]))
    }
}
