import Foundation

/// What a survey item asks for.
public enum SurveyItemKind: String, Sendable, Codable, CaseIterable {
    case likert4, likert5
    /// One option of `options`.
    case single
    /// Any number of `options`.
    case multiple
    /// A 1–5 rating of each facilitator of the class (the app lists them).
    case facilitatorRating
    case text
}

public struct SurveyItem: Sendable, Codable, Equatable, Hashable {
    /// Stable within the survey ("l1.materi.1"); answers and reports refer to it.
    public var key: String
    public var kind: SurveyItemKind
    public var prompt: String
    public var options: [String]
    public var required: Bool
    /// For reports: which L1 aspect (materi, fasilitator, penyelenggaraan, sarana, keseluruhan)
    /// or L3 measure (penerapan, rencanaAksi) the item feeds.
    public var aspect: String

    public init(
        key: String, kind: SurveyItemKind, prompt: String, options: [String] = [], required: Bool = true,
        aspect: String = ""
    ) {
        self.key = key
        self.kind = kind
        self.prompt = prompt
        self.options = options
        self.required = required
        self.aspect = aspect
    }

    public var likertPoints: Int? {
        switch kind {
        case .likert4: 4
        case .likert5, .facilitatorRating: 5
        default: nil
        }
    }
}

public struct SurveySection: Sendable, Codable, Equatable, Hashable {
    public var title: String
    public var items: [SurveyItem]

    public init(title: String, items: [SurveyItem]) {
        self.title = title
        self.items = items
    }
}

public struct SurveyDefinition: Sendable, Codable, Equatable, Hashable {
    public var sections: [SurveySection]

    public init(sections: [SurveySection]) { self.sections = sections }

    public var items: [SurveyItem] { sections.flatMap(\.items) }

    public enum Problem: Sendable, Equatable {
        case noItems
        case duplicateKey(String)
        case emptyPrompt(String)
        case tooFewOptions(String)
    }

    /// A survey an author may save: at least one item, unique keys, prompts, and at least
    /// two options for choice items.
    public func validate() -> [Problem] {
        var problems: [Problem] = []
        if items.isEmpty { problems.append(.noItems) }
        var seen: Set<String> = []
        for item in items {
            if !seen.insert(item.key).inserted { problems.append(.duplicateKey(item.key)) }
            if item.prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append(.emptyPrompt(item.key))
            }
            if [.single, .multiple].contains(item.kind), item.options.count < 2 {
                problems.append(.tooFewOptions(item.key))
            }
        }
        return problems
    }
}

/// One person's answer to one item: a scale point, chosen option indexes, text, or a rating
/// per facilitator (by the facilitator's id as the app knows it).
public enum SurveyAnswer: Sendable, Codable, Equatable, Hashable {
    case scale(Int)
    case choices([Int])
    case text(String)
    case ratings([String: Int])
}

public enum SurveyAnswerProblem: Sendable, Equatable {
    case missing(String)
    case outOfRange(String)
    case wrongShape(String)
    case unknownItem(String)
    case tooLong(String)
}

extension SurveyDefinition {
    public static let maximumTextLength = 4_000

    /// Every problem with a set of answers; empty when they may be stored. Empty text and
    /// empty choices count as not answered. `facilitators` are the ids a rating may name.
    public func check(_ answers: [String: SurveyAnswer], facilitators: Set<String> = []) -> [SurveyAnswerProblem] {
        var problems: [SurveyAnswerProblem] = []
        let byKey = Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for key in answers.keys.sorted() where byKey[key] == nil { problems.append(.unknownItem(key)) }
        for item in items {
            guard let answer = answers[item.key], !Self.isBlank(answer) else {
                if item.required && !(item.kind == .facilitatorRating && facilitators.isEmpty) {
                    problems.append(.missing(item.key))
                }
                continue
            }
            if let problem = Self.problem(with: answer, for: item, facilitators: facilitators) {
                problems.append(problem)
            }
        }
        return problems
    }

    static func isBlank(_ answer: SurveyAnswer) -> Bool {
        switch answer {
        case .text(let text): text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .choices(let chosen): chosen.isEmpty
        case .ratings(let ratings): ratings.isEmpty
        case .scale: false
        }
    }

    static func problem(
        with answer: SurveyAnswer, for item: SurveyItem, facilitators: Set<String>
    )
        -> SurveyAnswerProblem?
    {
        switch (item.kind, answer) {
        case (.likert4, .scale(let point)), (.likert5, .scale(let point)):
            return (1...(item.likertPoints ?? 5)).contains(point) ? nil : .outOfRange(item.key)
        case (.single, .choices(let chosen)):
            return chosen.count == 1 && item.options.indices.contains(chosen[0]) ? nil : .outOfRange(item.key)
        case (.multiple, .choices(let chosen)):
            let valid = Set(chosen).count == chosen.count && chosen.allSatisfy(item.options.indices.contains)
            return valid ? nil : .outOfRange(item.key)
        case (.text, .text(let text)):
            return text.count <= maximumTextLength ? nil : .tooLong(item.key)
        case (.facilitatorRating, .ratings(let ratings)):
            let valid = ratings.allSatisfy { facilitators.contains($0.key) && (1...5).contains($0.value) }
            return valid ? nil : .outOfRange(item.key)
        default:
            return .wrongShape(item.key)
        }
    }
}
