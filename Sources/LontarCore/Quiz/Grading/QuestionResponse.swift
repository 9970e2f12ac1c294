import Foundation

/// What a learner gave for one question, in the shape the question's type expects.
/// Responses arrive from phones that may have been offline for hours, so the grader
/// never trusts the shape: a response that does not fit its question is graded as not
/// answered rather than trapping.
public enum QuestionResponse: Sendable, Equatable, Hashable, Codable {
    /// Multiple choice: the indexes of the chosen options (exactly one for single-answer).
    case choices(Set<Int>)
    case boolean(Bool)
    /// Short answer, as typed.
    case text(String)
    /// Numerical, as typed: "3,14" (the Indonesian decimal comma) and "3.14" both work.
    case number(String)
    /// Matching: pair index → the answer text chosen for that pair's prompt.
    case matches([Int: String])
    case essay(String)
}

/// On the wire a response is an object with one key naming its shape: `{"choices": [0, 2]}`,
/// `{"boolean": true}`, `{"text": "Kupang"}`, `{"number": "3,14"}`,
/// `{"matches": {"0": "Kota"}}`, `{"essay": "…"}`. The synthesised form nests every value
/// under `_0`, which the offline client's JavaScript would have to imitate.
extension QuestionResponse {
    private enum Shape: String, CodingKey, CaseIterable {
        case choices, boolean, text, number, matches, essay
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Shape.self)
        guard container.allKeys.count == 1, let shape = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "A response has exactly one of \(Shape.allCases.map(\.rawValue))"))
        }
        switch shape {
        case .choices: self = .choices(try container.decode(Set<Int>.self, forKey: shape))
        case .boolean: self = .boolean(try container.decode(Bool.self, forKey: shape))
        case .text: self = .text(try container.decode(String.self, forKey: shape))
        case .number: self = .number(try container.decode(String.self, forKey: shape))
        case .matches: self = .matches(try container.decode([Int: String].self, forKey: shape))
        case .essay: self = .essay(try container.decode(String.self, forKey: shape))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Shape.self)
        switch self {
        case .choices(let value): try container.encode(value.sorted(), forKey: .choices)
        case .boolean(let value): try container.encode(value, forKey: .boolean)
        case .text(let value): try container.encode(value, forKey: .text)
        case .number(let value): try container.encode(value, forKey: .number)
        case .matches(let value): try container.encode(value, forKey: .matches)
        case .essay(let value): try container.encode(value, forKey: .essay)
        }
    }
}

/// How a graded response is shown. Thresholds follow Moodle's: within a millionth of 1
/// is right and of 0 is wrong, so sums of fractions such as 1/3 + 1/3 + 1/3 count as right.
public enum ResponseState: String, Sendable, Codable, CaseIterable {
    case correct, partial, incorrect
    /// An essay waiting for a facilitator.
    case needsGrading
    /// Nothing given, or nothing usable (a response of the wrong shape).
    case notAnswered
    /// Descriptive text: nothing to answer or grade.
    case notGradable

    static func forFraction(_ fraction: Double) -> ResponseState {
        if fraction > 1 - 1e-6 { return .correct }
        if fraction < 1e-6 { return .incorrect }
        return .partial
    }
}

public struct GradedResponse: Sendable, Equatable {
    /// Share of the question's marks, 0…1; nil when a facilitator must grade it (a
    /// non-blank essay) or it is not graded at all (descriptive text). A question not
    /// answered earns 0, not nil, so it counts against the attempt's score.
    public let fraction: Double?
    /// The authored feedback of the answers the learner gave, in the question's order.
    public let feedback: [FormattedText]
    public let state: ResponseState
    /// Why a response could not be read (a numerical answer that is not a number).
    public let message: LocalizableMessage?

    public init(
        fraction: Double?, feedback: [FormattedText] = [], state: ResponseState, message: LocalizableMessage? = nil
    ) {
        self.fraction = fraction
        self.feedback = feedback
        self.state = state
        self.message = message
    }

    static let notAnswered = GradedResponse(fraction: 0, state: .notAnswered)

    /// A fraction clamped to 0…1 with the state that goes with it. Penalties of wrong
    /// options lower a question's mark but never below zero, as in Moodle: a question
    /// cannot cost marks earned on other questions.
    static func graded(_ fraction: Double, feedback: [FormattedText] = []) -> GradedResponse {
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        return GradedResponse(fraction: clamped, feedback: feedback, state: .forFraction(clamped))
    }
}
