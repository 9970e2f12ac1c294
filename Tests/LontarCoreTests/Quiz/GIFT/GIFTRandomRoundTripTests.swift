import Foundation
import Testing
@testable import LontarCore

/// The round trip as a property: many generated questions, built from fragments that
/// collide with GIFT's syntax, all come back equal. Seeded, so a failure repeats.
@Suite("GIFT random round trip")
struct GIFTRandomRoundTripTests {
    /// SplitMix64: small, fast and good enough to pick fragments.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Words, GIFT's special characters and look-alikes of its syntax; `->` only where
    /// GIFT can carry it (not in matching prompts or short answers).
    static let fragments = [
        "Apa", "itu", "ASN?", "PP 11/2017", "20 JP", "SKP", "Kupang", "ü", "é\u{301}", "日本", "😀", "~", "=", "#",
        "####", "{", "}", ":", "::", "\\", "\\n", "//", "[html]", "[x]", "%50%", "%", "_____", "\n", "\r\n", "\t",
        "$CATEGORY:", "T", "->", "-", ">", "..", "1..5", "3:0.1",
    ]

    static func text(_ random: inout Generator, arrows: Bool = true, empty: Bool = false) -> String {
        let count = Int.random(in: (empty ? 0 : 1)...6, using: &random)
        let pool = arrows ? fragments : fragments.filter { !$0.contains("->") && $0 != ">" && $0 != "-" }
        let words = (0..<count).map { _ in pool.randomElement(using: &random)! }
        // Texts come back trimmed and with `\n` line breaks, so generate them that way.
        let joined = words.joined(separator: " ").replacingOccurrences(of: "\r\n", with: "\n")
        let trimmed = String(GIFT.trimBlanks(Substring(joined)))
        return trimmed.isEmpty && !empty ? "soal" : trimmed
    }

    static func formatted(_ random: inout Generator, arrows: Bool = true) -> FormattedText {
        FormattedText(text(&random, arrows: arrows), format: TextFormat.allCases.randomElement(using: &random)!)
    }

    static func note(_ random: inout Generator) -> FormattedText? {
        Bool.random(using: &random) ? formatted(&random) : nil
    }

    static func body(_ random: inout Generator) -> QuestionBody {
        let weights = [0, 0.5, -0.25, 1.0 / 3, 0.07, -1, 0.1 + 0.2]
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            var options = [AnswerOption(formatted(&random), fraction: 1, feedback: note(&random))]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let weight = weights.randomElement(using: &random)!
                options.append(AnswerOption(formatted(&random), fraction: weight, feedback: note(&random)))
            }
            return .multipleChoice(options: options.shuffled(using: &random), single: true)
        case 1:
            let right = Int.random(in: 1...4, using: &random)
            let options =
                (0..<right).map { _ in AnswerOption(formatted(&random), fraction: 1 / Double(right)) }
                + [AnswerOption(formatted(&random), fraction: -1, feedback: note(&random))]
            return .multipleChoice(options: options.shuffled(using: &random), single: false)
        case 2:
            return .trueFalse(
                answer: Bool.random(using: &random), feedbackWhenTrue: note(&random), feedbackWhenFalse: note(&random))
        case 3:
            let extra = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                AnswerOption(formatted(&random, arrows: false), fraction: weights.randomElement(using: &random)!)
            }
            return .shortAnswer(
                answers: [AnswerOption(formatted(&random, arrows: false), fraction: 1)] + extra, caseSensitive: false)
        case 4:
            let answers = (0..<Int.random(in: 1...3, using: &random)).map { index in
                NumericalAnswer(
                    value: Double.random(in: -1e6...1e6, using: &random),
                    tolerance: Double.random(in: 0...10, using: &random),
                    fraction: index == 0 ? 1 : weights.randomElement(using: &random)!, feedback: note(&random))
            }
            return .numerical(answers: answers)
        case 5:
            let pairs = (0..<Int.random(in: 2...5, using: &random)).map { _ in
                MatchPair(prompt: formatted(&random, arrows: false), answer: text(&random))
            }
            return .matching(pairs: pairs)
        default:
            return Bool.random(using: &random) ? .essay : .description
        }
    }

    @Test("500 generated questions come back equal", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func property(seed: UInt64) throws {
        var random = Generator(state: seed)
        let categories: [String?] = [nil, "Latsar", "Latsar/Nilai Dasar ASN", "PKA/Ω"]
        let questions = (0..<100).map { _ in
            let body = Self.body(&random)
            return Question(
                title: Bool.random(using: &random) ? Self.text(&random) : nil, text: Self.formatted(&random),
                body: body,
                category: categories.randomElement(using: &random)!,
                generalFeedback: body == .description ? nil : Self.note(&random))
        }
        let written = GIFT.write(questions)
        let read = try GIFTTesting.questions(written)
        #expect(read.count == questions.count)
        for (index, (original, back)) in zip(questions, read).enumerated() where original != back {
            Issue.record("question \(index) differs:\n\(original)\n\(back)\n\(GIFT.write([original]))")
        }
    }
}
