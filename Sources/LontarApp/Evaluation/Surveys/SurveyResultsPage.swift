import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// The results page: per item distribution (a bar per point, drawn as SVG here), mean and
/// 0–100 index, per aspect, per facilitator, and the free texts. An anonymous survey under
/// the threshold (for the chosen filter) shows only how many answered.
struct SurveyResultsPage: Encodable {
    struct Bar: Encodable {
        let label: String
        let count: Int
        let percent: String
        /// 0–100, the SVG fill's width.
        let width: Int
    }
    struct ItemResult: Encodable {
        let prompt: String
        let kind: String
        let answered: Int
        let mean: String?
        let index: String?
        let bars: [Bar]
    }
    struct Row: Encodable {
        let name: String
        let answered: Int
        let mean: String
        let index: String
        let width: Int
    }
    struct TextGroup: Encodable {
        let prompt: String
        let answers: [TextRow]
    }
    struct TextRow: Encodable {
        let text: String
        let day: String?
    }
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    let layout: Layout
    let programmeTitle: String
    let surveyTitle: String
    let anonymous: Bool
    let action: String
    let classes: [Option]
    let allClasses: Bool
    let responses: String
    let rate: String
    let shown: Bool
    let hiddenNote: String
    let items: [ItemResult]
    let aspects: [Row]
    let facilitators: [Row]
    let texts: [TextGroup]
    let missingHref: String?
    let editHref: String?
}

struct SurveyResultsPageBuilder {
    let req: Request
    let loaded: LoadedSurvey
    let manager: Bool

    func build(filter: SurveyResults.Filter, chosen: UUID?, allowed: [UUID]?) async throws -> SurveyResultsPage {
        let db = req.db
        let responses = try await SurveyResults.responses(loaded.id, filter, on: db)
        let rate = try await SurveyRates.rate(loaded, classIDs: filter.classIDs, on: db)
        let shown = AnonymityRule.mayShow(responses: responses, anonymous: loaded.survey.anonymous)
        var items: [SurveyResultsPage.ItemResult] = []
        var aspects: [SurveyResultsPage.Row] = []
        var facilitators: [SurveyResultsPage.Row] = []
        var texts: [SurveyResultsPage.TextGroup] = []
        if shown {
            let counts = try await SurveyResults.itemCounts(loaded.id, filter, on: db)
            (items, aspects) = itemResults(counts)
            facilitators = try await facilitatorRows(try await SurveyResults.ratings(loaded.id, filter, on: db))
            texts = textGroups(try await SurveyResults.texts(loaded.id, filter, on: db))
        }
        let classes = try await classOptions(chosen: chosen, allowed: allowed)
        return SurveyResultsPage(
            layout: try await Layout.make(req, title: req.t("survey.results.title")),
            programmeTitle: loaded.programme.title, surveyTitle: loaded.survey.title,
            anonymous: loaded.survey.anonymous, action: Paths.surveyResults(loaded.id), classes: classes,
            allClasses: chosen == nil, responses: req.t("survey.results.responses", String(responses)),
            rate: SurveyResultsText.rate(rate, req), shown: shown,
            hiddenNote: req.t("survey.results.hidden", String(AnonymityRule.minimumResponses)), items: items,
            aspects: aspects, facilitators: facilitators, texts: texts,
            missingHref: manager && !loaded.survey.anonymous ? Paths.surveyMissing(loaded.id) : nil,
            editHref: manager ? Paths.surveyEdit(loaded.id) : nil)
    }

    private func classOptions(chosen: UUID?, allowed: [UUID]?) async throws -> [SurveyResultsPage.Option] {
        let query = TrainingClass.query(on: req.db).filter(\.$programme.$id == (try loaded.programme.requireID()))
        if let classID = loaded.classID { query.filter(\.$id == classID) }
        if let allowed { query.filter(\.$id ~~ allowed) }
        return try await query.sort(\.$name).all().compactMap { trainingClass in
            trainingClass.id.map { .init(value: $0.uuidString, label: trainingClass.name, selected: $0 == chosen) }
        }
    }

    private func itemResults(
        _ counts: [SurveyResults.ItemCount]
    ) -> (
        [SurveyResultsPage.ItemResult], [SurveyResultsPage.Row]
    ) {
        let byItem = Dictionary(grouping: counts, by: \.itemkey)
        var aspectCounts: [String: (sum: Double, n: Int)] = [:]
        var aspectOrder: [String] = []
        var results: [SurveyResultsPage.ItemResult] = []
        for item in loaded.definition.items where item.kind != .text && item.kind != .facilitatorRating {
            let rows = byItem[item.key] ?? []
            if let points = item.likertPoints {
                var perPoint = Array(repeating: 0, count: points)
                for row in rows {
                    if let scale = row.scale, (1...points).contains(scale) { perPoint[scale - 1] += row.n }
                }
                let distribution = LikertDistribution(points: points, counts: perPoint)
                let bars = zip(perPoint.indices, distribution.percents).map { index, percent in
                    bar(SurveyStore.likertLabel(points: points, index + 1, req), perPoint[index], percent)
                }
                if !item.aspect.isEmpty, let index = distribution.index {
                    if aspectCounts[item.aspect] == nil { aspectOrder.append(item.aspect) }
                    let total = Double(distribution.total)
                    aspectCounts[item.aspect, default: (0, 0)].sum += index * total
                    aspectCounts[item.aspect, default: (0, 0)].n += distribution.total
                }
                results.append(
                    .init(
                        prompt: item.prompt, kind: "scale", answered: distribution.total,
                        mean: SurveyStore.number(distribution.mean, req, digits: 2),
                        index: SurveyStore.number(distribution.index, req), bars: bars))
            } else {
                var perOption = Array(repeating: 0, count: item.options.count)
                for row in rows {
                    if let choice = row.choice, perOption.indices.contains(choice) { perOption[choice] += row.n }
                }
                let total = perOption.reduce(0, +)
                let bars = item.options.enumerated().map { offset, label in
                    bar(label, perOption[offset], total > 0 ? Double(perOption[offset]) * 100 / Double(total) : 0)
                }
                results.append(
                    .init(prompt: item.prompt, kind: "choice", answered: total, mean: nil, index: nil, bars: bars))
            }
        }
        let aspects = aspectOrder.compactMap { aspect -> SurveyResultsPage.Row? in
            guard let value = aspectCounts[aspect], value.n > 0 else { return nil }
            let index = value.sum / Double(value.n)
            return .init(
                name: ReportFormat.aspect(aspect, req), answered: value.n, mean: "",
                index: SurveyStore.number(index, req),
                width: Int(index.rounded()))
        }
        return (results, aspects)
    }

    private func bar(_ label: String, _ count: Int, _ percent: Double) -> SurveyResultsPage.Bar {
        .init(
            label: label, count: count, percent: SurveyStore.number(percent, req, digits: 0),
            width: max(0, min(100, Int(percent.rounded()))))
    }

    private func facilitatorRows(_ ratings: [SurveyResults.RatingCount]) async throws -> [SurveyResultsPage.Row] {
        let ids = Set(ratings.map(\.facilitator))
        guard !ids.isEmpty else { return [] }
        let accounts = try await UserAccount.query(on: req.db).filter(\.$id ~~ ids).all()
        let names = Dictionary(
            accounts.compactMap { a in a.id.map { ($0, a.displayName) } }, uniquingKeysWith: { a, _ in a })
        return Dictionary(grouping: ratings, by: \.facilitator).map { id, rows in
            var perPoint = Array(repeating: 0, count: 5)
            for row in rows where (1...5).contains(row.scale) { perPoint[row.scale - 1] += row.n }
            let distribution = LikertDistribution(points: 5, counts: perPoint)
            return SurveyResultsPage.Row(
                name: names[id] ?? "—", answered: distribution.total,
                mean: SurveyStore.number(distribution.mean, req, digits: 2),
                index: SurveyStore.number(distribution.index, req),
                width: Int((distribution.index ?? 0).rounded()))
        }.sorted { $0.name < $1.name }
    }

    /// Anonymous answers are shuffled and undated, so their order and day say nothing of who wrote them.
    private func textGroups(_ answers: [SurveyResults.TextAnswer]) -> [SurveyResultsPage.TextGroup] {
        let byItem = Dictionary(grouping: answers, by: \.itemkey)
        let anonymous = loaded.survey.anonymous
        return loaded.definition.items.filter { $0.kind == .text }.compactMap { item in
            guard var rows = byItem[item.key], !rows.isEmpty else { return nil }
            if anonymous { rows.shuffle() }
            return .init(
                prompt: item.prompt,
                answers: rows.map { .init(text: $0.text, day: anonymous ? nil : $0.day) })
        }
    }
}

/// Response rates of many surveys in one grouped query (the survey list).
enum SurveyListRates {
    private struct Row: Decodable {
        let survey: UUID
        let invited: Int
        let answered: Int?
    }

    static func rates(_ ids: [UUID], on db: any Database) async throws -> [UUID: ResponseRate] {
        guard !ids.isEmpty else { return [:] }
        let sql = try db.sql()
        let rows = try await sql.raw(
            """
            SELECT survey_id AS survey, COUNT(*) AS invited, SUM(CASE WHEN answered THEN 1 ELSE 0 END) AS answered
            FROM survey_invitations WHERE survey_id IN (\(binds: ids)) GROUP BY survey_id
            """
        ).all(decoding: Row.self)
        return Dictionary(
            rows.map { ($0.survey, ResponseRate(invited: $0.invited, answered: $0.answered ?? 0)) },
            uniquingKeysWith: { a, _ in a })
    }
}
