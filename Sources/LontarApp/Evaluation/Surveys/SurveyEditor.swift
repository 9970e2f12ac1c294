import Foundation
import LontarCore
import Vapor

/// The builder's form: the whole definition travels in the form (`s0.title`,
/// `q0.1.prompt`, …) with one action button (`add-item.0`, `up-item.0.1`, `save`, …), so
/// a phone needs no script: structural actions re-show the form, `save` validates and stores.
struct SurveyEditorForm {
    var title: String
    var anonymous: Bool
    var closesOn: String
    var definition: SurveyDefinition
    /// Kinds that could not be read, by item key.
    var badKinds: Set<String> = []
    var action: String

    init(title: String, anonymous: Bool, closesOn: String, definition: SurveyDefinition) {
        self.title = title
        self.anonymous = anonymous
        self.closesOn = closesOn
        self.definition = definition
        action = "save"
    }

    init(_ fields: FormFields) {
        title = (fields["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        anonymous = fields["anonymous"] != nil
        closesOn = (fields["closesOn"] ?? "").trimmingCharacters(in: .whitespaces)
        action = fields["action"] ?? "save"
        var sections: [SurveySection] = []
        var bad: Set<String> = []
        var i = 0
        while let sectionTitle = fields["s\(i).title"] {
            var items: [SurveyItem] = []
            var j = 0
            while let key = fields["q\(i).\(j).key"] {
                let prefix = "q\(i).\(j)."
                let kindText = fields[prefix + "kind"] ?? ""
                let kind = SurveyItemKind(rawValue: kindText)
                if kind == nil { bad.insert(key) }
                let options = (fields[prefix + "options"] ?? "").split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                items.append(
                    SurveyItem(
                        key: key, kind: kind ?? .likert4,
                        prompt: (fields[prefix + "prompt"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                        options: [.single, .multiple].contains(kind) ? options : [],
                        required: fields[prefix + "required"] != nil,
                        aspect: (fields[prefix + "aspect"] ?? "").trimmingCharacters(in: .whitespaces)))
                j += 1
            }
            sections.append(
                SurveySection(title: sectionTitle.trimmingCharacters(in: .whitespacesAndNewlines), items: items))
            i += 1
        }
        definition = SurveyDefinition(sections: sections)
        badKinds = bad
    }

    /// Applies a structural action; false for `save` or an unknown action.
    mutating func apply(newSectionTitle: String) -> Bool {
        let parts = action.split(separator: ".").map(String.init)
        guard let verb = parts.first else { return false }
        let numbers = parts.dropFirst().compactMap { Int($0) }
        var sections = definition.sections
        switch (verb, numbers.count) {
        case ("add-section", 0):
            sections.append(SurveySection(title: newSectionTitle, items: []))
        case ("remove-section", 1) where sections.indices.contains(numbers[0]):
            sections.remove(at: numbers[0])
        case ("up-section", 1) where numbers[0] > 0 && sections.indices.contains(numbers[0]):
            sections.swapAt(numbers[0], numbers[0] - 1)
        case ("down-section", 1) where sections.indices.contains(numbers[0] + 1):
            sections.swapAt(numbers[0], numbers[0] + 1)
        case ("add-item", 1) where sections.indices.contains(numbers[0]):
            sections[numbers[0]].items.append(
                SurveyItem(key: Self.newKey(existing: definition.items), kind: .likert4, prompt: ""))
        case ("remove-item", 2) where Self.has(sections, numbers):
            sections[numbers[0]].items.remove(at: numbers[1])
        case ("up-item", 2) where Self.has(sections, numbers) && numbers[1] > 0:
            sections[numbers[0]].items.swapAt(numbers[1], numbers[1] - 1)
        case ("down-item", 2) where Self.has(sections, numbers):
            guard sections[numbers[0]].items.indices.contains(numbers[1] + 1) else { return true }
            sections[numbers[0]].items.swapAt(numbers[1], numbers[1] + 1)
        default:
            return false
        }
        definition = SurveyDefinition(sections: sections)
        return true
    }

    private static func has(_ sections: [SurveySection], _ numbers: [Int]) -> Bool {
        sections.indices.contains(numbers[0]) && sections[numbers[0]].items.indices.contains(numbers[1])
    }

    /// A key no item has yet; it stays with the item however it is moved or reworded.
    static func newKey(existing: [SurveyItem]) -> String {
        let keys = Set(existing.map(\.key))
        var n = existing.count + 1
        while keys.contains("butir.\(n)") { n += 1 }
        return "butir.\(n)"
    }

    /// Problems that stop saving: general ones, and per item key.
    func problems(_ req: Request) -> (general: [String], items: [String: String], sections: Set<Int>) {
        var general: [String] = []
        var items: [String: String] = [:]
        if title.isEmpty { general.append(req.t("survey.builder.error.title")) }
        if title.count > 200 { general.append(req.t("survey.builder.error.titleLong")) }
        if !closesOn.isEmpty && CivilDate(iso: closesOn) == nil {
            general.append(req.t("survey.builder.error.closesOn"))
        }
        var sections: Set<Int> = []
        for (index, section) in definition.sections.enumerated() where section.title.isEmpty {
            sections.insert(index)
        }
        if !sections.isEmpty { general.append(req.t("survey.builder.error.sectionTitle")) }
        for key in badKinds { items[key] = req.t("survey.builder.error.kind") }
        for problem in definition.validate() {
            switch problem {
            case .noItems: general.append(req.t("survey.builder.error.noItems"))
            case .duplicateKey(let key): items[key] = req.t("survey.builder.error.duplicate")
            case .emptyPrompt(let key): items[key] = req.t("survey.builder.error.prompt")
            case .tooFewOptions(let key): items[key] = req.t("survey.builder.error.options")
            }
        }
        return (general, items, sections)
    }
}

/// The builder page.
struct SurveyEditPage: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    struct Item: Encodable {
        let prefix: String
        let id: String
        let key: String
        let kinds: [Option]
        let prompt: String
        let options: String
        let required: Bool
        let aspect: String
        let error: String?
        let position: String
        let up: String?
        let down: String?
        let remove: String
    }
    struct Section: Encodable {
        let field: String
        let number: Int
        let title: String
        let invalid: Bool
        let items: [Item]
        let up: String?
        let down: String?
        let remove: String
        let addItem: String
    }
    let layout: Layout
    let programmeTitle: String
    let scope: String
    let level: String
    let status: String
    let statusLabel: String
    let locked: Bool
    let action: String
    let statusAction: String
    let resultsHref: String
    let inviteAction: String
    let classes: [Option]
    let rate: String
    let title: String
    let anonymous: Bool
    let closesOn: String
    let sections: [Section]
    let errors: [String]
    let unsaved: Bool
    let validForOpening: Bool
    /// An anonymous survey of a class too small ever to show results.
    let smallClassWarning: String?

    static func sections(
        _ form: SurveyEditorForm, itemErrors: [String: String], invalidSections: Set<Int>, req: Request
    ) -> [Section] {
        let count = form.definition.sections.count
        return form.definition.sections.enumerated().map { i, section in
            Section(
                field: "s\(i).title", number: i + 1, title: section.title, invalid: invalidSections.contains(i),
                items: section.items.enumerated().map { j, item in
                    Item(
                        prefix: "q\(i).\(j).", id: "q\(i)-\(j)", key: item.key,
                        kinds: SurveyItemKind.allCases.map {
                            Option(
                                value: $0.rawValue, label: SurveyStore.kindLabel($0, req), selected: $0 == item.kind)
                        },
                        prompt: item.prompt, options: item.options.joined(separator: "\n"), required: item.required,
                        aspect: item.aspect, error: itemErrors[item.key],
                        position: req.t("survey.builder.itemNumber", String(j + 1)),
                        up: j > 0 ? "up-item.\(i).\(j)" : nil,
                        down: j < section.items.count - 1 ? "down-item.\(i).\(j)" : nil, remove: "remove-item.\(i).\(j)"
                    )
                }, up: i > 0 ? "up-section.\(i)" : nil, down: i < count - 1 ? "down-section.\(i)" : nil,
                remove: "remove-section.\(i)", addItem: "add-item.\(i)")
        }
    }
}
