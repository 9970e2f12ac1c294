import Foundation
import LontarCore

/// The attempt form's fields read into Core responses, exactly as the offline script builds
/// them from the same inputs: `q.<id>` holds an option index (radio or check boxes),
/// `true`/`false`, or the typed text; `q.<id>.<prompt index>` one matching answer. Each
/// question's fieldset also sends a hidden `shown=<id>`, so check boxes all unticked (which
/// send nothing) read as "no choice" rather than "not on the page".
enum AttemptForm {
    static let shownField = "shown"

    static func name(_ questionID: String) -> String { "q." + questionID }

    /// The responses the form gives, by question id. A question whose inputs were not in
    /// the form gets none, so a partial form never clears other answers.
    static func responses(_ fields: FormFields, questions: [String: Question]) -> [String: QuestionResponse] {
        let shown = Set(fields.all(shownField))
        var responses: [String: QuestionResponse] = [:]
        for (id, question) in questions {
            if let response = response(fields, id: id, question: question, shown: shown.contains(id)) {
                responses[id] = response
            }
        }
        return responses
    }

    static func response(_ fields: FormFields, id: String, question: Question, shown: Bool) -> QuestionResponse? {
        let name = name(id)
        switch question.body {
        case .multipleChoice(let options, let single):
            let chosen = Set(fields.all(name).compactMap { Int($0) }.filter(options.indices.contains))
            if !chosen.isEmpty { return .choices(chosen) }
            // Radio buttons cannot be cleared; unticked check boxes mean no choice.
            return shown && !single ? .choices([]) : nil
        case .trueFalse:
            switch fields[name] {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: return nil
            }
        case .shortAnswer:
            return fields[name].map(QuestionResponse.text)
        case .numerical:
            return fields[name].map(QuestionResponse.number)
        case .essay:
            return fields[name].map(QuestionResponse.essay)
        case .matching(let pairs):
            var given: [Int: String] = [:]
            var present = false
            for index in pairs.indices {
                guard let value = fields[name + "." + String(index)] else { continue }
                present = true
                if !value.isEmpty { given[index] = value }
            }
            return present ? .matches(given) : nil
        case .description:
            return nil
        }
    }

    /// Whether a response says nothing (an empty text, no choice): not worth storing for a
    /// question that has no answer yet.
    static func isBlank(_ response: QuestionResponse) -> Bool {
        switch response {
        case .choices(let chosen): chosen.isEmpty
        case .boolean: false
        case .text(let text), .number(let text), .essay(let text):
            text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .matches(let given): given.isEmpty
        }
    }

    /// The submissions to store: changed answers only, each with an id the server makes
    /// (the no-JavaScript path has no device to make one).
    static func submissions(
        _ responses: [String: QuestionResponse], state: AttemptState, makeID: () -> String = { UUID().uuidString }
    ) -> [AnswerSubmission] {
        state.slots.compactMap { slot in
            guard let response = responses[slot.questionID] else { return nil }
            let saved = state.answers[slot.questionID]?.submission.response
            if saved == response || (saved == nil && isBlank(response)) { return nil }
            return AnswerSubmission(id: makeID(), questionID: slot.questionID, response: response)
        }
    }
}
