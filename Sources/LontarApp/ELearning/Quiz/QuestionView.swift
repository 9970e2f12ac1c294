import Foundation
import LontarCore
import Vapor

/// How each question type is answered, as the attempt form and the offline script agree:
/// `data-shape` on the question's fieldset and the `QuestionResponse` it becomes.
enum AnswerShape: String, Encodable {
    case choices, boolean, text, number, matches, essay, none

    init(_ body: QuestionBody) {
        switch body {
        case .multipleChoice: self = .choices
        case .trueFalse: self = .boolean
        case .shortAnswer: self = .text
        case .numerical: self = .number
        case .matching: self = .matches
        case .essay: self = .essay
        case .description: self = .none
        }
    }
}

/// One question as the attempt page shows it: never its right answers or fractions.
struct QuestionField: Encodable {
    struct Choice: Encodable {
        let index: Int
        let label: String
        let checked: Bool
    }
    struct Prompt: Encodable {
        let index: Int
        let text: String
        let options: [Option]
    }
    let id: String
    /// Shown before the text; descriptions are not numbered.
    let number: String
    let shape: String
    let text: String
    /// The text rendered, for `[markdown]` texts only (sanitised HTML).
    let textHTML: String?
    let mark: String
    /// Check boxes (several right answers) rather than radio buttons.
    let multiple: Bool
    let choices: [Choice]
    /// "true", "false" or "" for a true/false question.
    let boolean: String
    /// The text, number or essay typed so far.
    let value: String
    let prompts: [Prompt]
}

enum QuestionViews {
    /// The attempt's questions in its order, with the answers saved so far.
    static func fields(
        _ state: AttemptState, questions: [String: Question], language: Language
    ) -> [QuestionField] {
        var number = 0
        return state.slots.compactMap { slot in
            guard let question = questions[slot.questionID] else { return nil }
            let shape = AnswerShape(question.body)
            if shape != .none { number += 1 }
            return field(
                id: slot.questionID, number: shape == .none ? "" : String(number), question: question,
                mark: slot.mark, saved: state.answers[slot.questionID]?.submission.response)
        }
    }

    static func field(
        id: String, number: String, question: Question, mark: Double, saved: QuestionResponse?
    ) -> QuestionField {
        var multiple = false
        var choices: [QuestionField.Choice] = []
        var boolean = ""
        var value = ""
        var prompts: [QuestionField.Prompt] = []
        switch (question.body, saved) {
        case (.multipleChoice(let options, let single), _):
            multiple = !single
            var chosen: Set<Int> = []
            if case .choices(let given)? = saved { chosen = given }
            choices = options.enumerated().map {
                .init(index: $0.offset, label: QuestionText.plain($0.element.text), checked: chosen.contains($0.offset))
            }
        case (.trueFalse, .boolean(let given)?):
            boolean = given ? "true" : "false"
        case (.shortAnswer, .text(let typed)?), (.numerical, .number(let typed)?), (.essay, .essay(let typed)?):
            value = typed
        case (.matching(let pairs), _):
            var given: [Int: String] = [:]
            if case .matches(let answers)? = saved { given = answers }
            let answers = matchAnswers(pairs)
            prompts = pairs.enumerated().compactMap { index, pair in
                let prompt = QuestionText.plain(pair.prompt)
                guard !prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
                return .init(
                    index: index, text: prompt,
                    options: answers.map { Option(value: $0, label: $0, selected: given[index] == $0) })
            }
        default:
            break
        }
        return QuestionField(
            id: id, number: number, shape: AnswerShape(question.body).rawValue, text: QuestionText.plain(question.text),
            textHTML: QuestionText.html(question.text), mark: QuizForm.number(mark), multiple: multiple,
            choices: choices, boolean: boolean, value: value,
            prompts: prompts)
    }

    /// The answers a matching question offers, each once, sorted so their order gives
    /// nothing away (the file lists them beside their prompts).
    static func matchAnswers(_ pairs: [MatchPair]) -> [String] {
        Array(Set(pairs.map(\.answer).filter { !$0.isEmpty })).sorted {
            $0.localizedStandardCompare($1) == .orderedAscending
        }
    }

    /// The learner's response in words, for the review and the grader.
    static func describe(_ response: QuestionResponse?, to question: Question, req: Request) -> [String] {
        switch (question.body, response) {
        case (_, nil):
            return []
        case (.multipleChoice(let options, _), .choices(let chosen)?):
            return chosen.sorted().filter(options.indices.contains).map { QuestionText.plain(options[$0].text) }
        case (_, .boolean(let given)?):
            return [req.t(given ? "quizpage.answer.true" : "quizpage.answer.false")]
        case (_, .text(let typed)?), (_, .number(let typed)?), (_, .essay(let typed)?):
            return typed.isEmpty ? [] : [typed]
        case (.matching(let pairs), .matches(let given)?):
            return given.keys.sorted().filter(pairs.indices.contains).map {
                QuestionText.plain(pairs[$0].prompt) + " → " + (given[$0] ?? "")
            }
        default:
            return []
        }
    }

    /// The right answers in words; nothing for essays and descriptions.
    static func rightAnswers(_ question: Question, req: Request) -> [String] {
        switch question.body {
        case .multipleChoice(let options, _):
            return options.filter { $0.fraction > 0 }.map { option in
                let text = QuestionText.plain(option.text)
                return option.fraction >= 1 - 1e-6 ? text : text + " (" + QuizForm.number(option.fraction * 100) + "%)"
            }
        case .trueFalse(let answer, _, _):
            return [req.t(answer ? "quizpage.answer.true" : "quizpage.answer.false")]
        case .shortAnswer(let answers, _):
            return answers.filter { $0.fraction >= 1 - 1e-6 }.map { QuestionText.plain($0.text) }
        case .numerical(let answers):
            return answers.filter { $0.fraction >= 1 - 1e-6 }.map { answer in
                let value = QuizForm.number(answer.value)
                return answer.tolerance > 0 ? value + " ± " + QuizForm.number(answer.tolerance) : value
            }
        case .matching(let pairs):
            return pairs.filter { !$0.prompt.text.trimmingCharacters(in: .whitespaces).isEmpty }.map {
                QuestionText.plain($0.prompt) + " → " + $0.answer
            }
        case .essay, .description:
            return []
        }
    }
}
