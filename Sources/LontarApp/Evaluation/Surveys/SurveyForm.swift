import Foundation
import LontarCore
import Vapor

/// The answer form as the browser sends it and as the page shows it. Fields are named by
/// the item's position (`i3`; ratings `r3.<facilitator>`), never by its key, so any key
/// an author chose is safe in a field name.
enum SurveyFormReader {
    static func answers(_ fields: FormFields, items: [SurveyItem]) -> [String: SurveyAnswer] {
        var answers: [String: SurveyAnswer] = [:]
        for (index, item) in items.enumerated() {
            let name = "i\(index)"
            switch item.kind {
            case .likert4, .likert5:
                guard let value = fields[name], !value.isEmpty else { continue }
                answers[item.key] = .scale(Int(value) ?? 0)
            case .single:
                guard let value = fields[name], !value.isEmpty else { continue }
                answers[item.key] = .choices([Int(value) ?? -1])
            case .multiple:
                let values = fields.all(name).filter { !$0.isEmpty }
                guard !values.isEmpty else { continue }
                answers[item.key] = .choices(values.map { Int($0) ?? -1 })
            case .text:
                guard let value = fields[name] else { continue }
                answers[item.key] = .text(value)
            case .facilitatorRating:
                let prefix = "r\(index)."
                var ratings: [String: Int] = [:]
                for pair in fields.pairs where pair.name.hasPrefix(prefix) && !pair.value.isEmpty {
                    ratings[String(pair.name.dropFirst(prefix.count))] = Int(pair.value) ?? 0
                }
                if !ratings.isEmpty { answers[item.key] = .ratings(ratings) }
            }
        }
        return answers
    }

    static func sections(
        _ definition: SurveyDefinition, fields: FormFields, facilitators: [(id: UUID, name: String)],
        errors: [String: String], req: Request
    ) -> [SurveyFormPage.Section] {
        var index = 0
        let planSection = definition.sections.firstIndex { section in
            section.items.contains { $0.aspect == SurveyAnswering.actionPlanAspect }
        }
        return definition.sections.enumerated().map { sectionIndex, section in
            let items = section.items.map { item -> SurveyFormPage.Item in
                defer { index += 1 }
                let name = "i\(index)"
                let chosen = Set(fields.all(name))
                var options: [SurveyFormPage.Option] = []
                var kind = "choice"
                var raters: [SurveyFormPage.Rater] = []
                switch item.kind {
                case .likert4, .likert5:
                    let points = item.likertPoints ?? 5
                    options = (1...points).map { point in
                        SurveyFormPage.Option(
                            id: "\(name)-\(point)", value: String(point),
                            label: SurveyStore.likertLabel(points: points, point, req),
                            checked: chosen.contains(String(point)))
                    }
                case .single, .multiple:
                    options = item.options.enumerated().map { offset, label in
                        SurveyFormPage.Option(
                            id: "\(name)-\(offset)", value: String(offset), label: label,
                            checked: chosen.contains(String(offset)))
                    }
                    if item.kind == .multiple { kind = "multiple" }
                case .text:
                    kind = "text"
                case .facilitatorRating:
                    kind = "rating"
                    raters = facilitators.map { facilitator in
                        let field = "r\(index).\(facilitator.id.uuidString)"
                        let given = fields[field]
                        return SurveyFormPage.Rater(
                            name: facilitator.name, field: field,
                            options: (1...5).map { point in
                                SurveyFormPage.Option(
                                    id: "\(field)-\(point)", value: String(point), label: String(point),
                                    checked: given == String(point))
                            })
                    }
                }
                return SurveyFormPage.Item(
                    name: name, prompt: item.prompt, required: item.required, kind: kind, options: options,
                    raters: raters, text: item.kind == .text ? (fields[name] ?? "") : "",
                    maxLength: SurveyDefinition.maximumTextLength, error: errors[item.key])
            }
            return SurveyFormPage.Section(title: section.title, items: items, showsPlan: sectionIndex == planSection)
        }
    }
}

/// The survey as the respondent sees it.
struct SurveyFormPage: Encodable {
    struct Option: Encodable {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }
    struct Rater: Encodable {
        let name: String
        let field: String
        let options: [Option]
    }
    struct Item: Encodable {
        let name: String
        let prompt: String
        let required: Bool
        /// choice (radio), multiple (check boxes), text or rating.
        let kind: String
        let options: [Option]
        let raters: [Rater]
        let text: String
        let maxLength: Int
        let error: String?
    }
    struct Section: Encodable {
        let title: String
        let items: [Item]
        /// The section that asks how the action plan went shows the plan, right above the
        /// question (on a phone the top of the form is screens away).
        let showsPlan: Bool
    }
    let layout: Layout
    let programmeTitle: String
    let anonymous: Bool
    /// "About: <alumnus>" on a supervisor's L3 survey.
    let about: String?
    /// On an L3 survey: the action plan written at the end of the class, to answer against.
    let plan: ActionPlanView?
    /// The plan is shown in a section, not above the form.
    let planInSection: Bool
    /// The invitation answered, sent back with the form.
    let invitation: String
    let action: String
    let sections: [Section]
    let errorSummary: String?
    let errors: [String]
}
