import Foundation
import Testing
@testable import LontarCore

extension QuizGrading {
    @Suite("Grading: matching and essay")
    struct MatchingEssayTests {
        static let pairs = [
            MatchPair(prompt: text("Bupati"), answer: "Kabupaten"),
            MatchPair(prompt: text("Wali Kota"), answer: "Kota"),
            MatchPair(prompt: text("Gubernur"), answer: "Provinsi"),
        ]
        static let matching = question(.matching(pairs: pairs))

        @Test(
            "each pair weighs the same; unanswered pairs are wrong",
            arguments: [
                ([0: "Kabupaten", 1: "Kota", 2: "Provinsi"], 1.0, ResponseState.correct),
                ([0: "Kabupaten", 1: "Kota", 2: "Kabupaten"], 2.0 / 3, .partial),
                ([0: "Kabupaten", 1: "Provinsi"], 1.0 / 3, .partial),
                ([0: "Kabupaten", 1: ""], 1.0 / 3, .partial),
                ([0: "Kota", 1: "Provinsi", 2: "Kabupaten"], 0, .incorrect),
                ([0: " Kabupaten ", 1: "Kota", 2: "provinsi"], 2.0 / 3, .partial),  // spaces tidied; case kept
            ] as [([Int: String], Double, ResponseState)])
        func share(given: [Int: String], fraction: Double, state: ResponseState) {
            let graded = QuestionGrader.grade(Self.matching, .matches(given))
            #expect(graded.fraction == fraction)
            #expect(graded.state == state)
        }

        @Test(
            "nothing chosen, or a pair that does not exist, is not an answer",
            arguments: [
                [:], [0: "", 1: " "], [3: "Kota"], [-1: "Kota"], [0: "Kabupaten", 5: "Kota"],
            ] as [[Int: String]])
        func malformed(given: [Int: String]) {
            #expect(QuestionGrader.grade(Self.matching, .matches(given)) == .notAnswered)
        }

        @Test("a pair with a blank prompt is a distractor: chosen from, never graded")
        func distractor() {
            let withDistractor = question(.matching(pairs: Self.pairs + [MatchPair(prompt: text(" "), answer: "Desa")]))
            let all = QuestionGrader.grade(withDistractor, .matches([0: "Kabupaten", 1: "Kota", 2: "Provinsi"]))
            #expect(all.fraction == 1)
            let fooled = QuestionGrader.grade(withDistractor, .matches([0: "Desa", 1: "Kota", 2: "Provinsi"]))
            #expect(fooled.fraction == 2.0 / 3)
            #expect(QuestionGrader.grade(withDistractor, .matches([3: "Desa"])) == .notAnswered)
            let onlyDistractors = question(.matching(pairs: [MatchPair(prompt: text(""), answer: "x")]))
            #expect(QuestionGrader.grade(onlyDistractors, .matches([:])).state == .notGradable)
        }

        @Test("an essay waits for a facilitator; a blank one is not answered")
        func essay() {
            let essay = question(.essay)
            #expect(
                QuestionGrader.grade(essay, .essay("Pelayanan publik yang baik …"))
                    == GradedResponse(fraction: nil, state: .needsGrading))
            #expect(QuestionGrader.grade(essay, .essay(" \n ")) == .notAnswered)
            #expect(QuestionGrader.grade(essay, nil) == .notAnswered)
        }

        @Test("responses survive JSON, as they travel from an offline device")
        func codable() throws {
            let responses: [QuestionResponse] = [
                .choices([2, 0]), .boolean(false), .text("Kupang"), .number("3,14"), .matches([0: "Kota", 2: "Desa"]),
                .essay("…"),
            ]
            let data = try JSONEncoder().encode(responses)
            #expect(try JSONDecoder().decode([QuestionResponse].self, from: data) == responses)
        }

        @Test("the wire form is one key naming the shape, as the offline client writes it")
        func wireForm() throws {
            let sent = #"[{"choices":[2,0]},{"number":"3,14"},{"matches":{"1":"Kota"}},{"boolean":true}]"#
            let decoded = try JSONDecoder().decode([QuestionResponse].self, from: Data(sent.utf8))
            #expect(decoded == [.choices([0, 2]), .number("3,14"), .matches([1: "Kota"]), .boolean(true)])
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            #expect(
                String(decoding: try encoder.encode(QuestionResponse.choices([2, 0])), as: UTF8.self)
                    == #"{"choices":[0,2]}"#)
            for bad in [#"{}"#, #"{"text":"a","essay":"b"}"#, #"{"colour":"red"}"#, #"{"choices":"0"}"#] {
                #expect(throws: DecodingError.self, "\(bad)") {
                    try JSONDecoder().decode(QuestionResponse.self, from: Data(bad.utf8))
                }
            }
        }
    }
}
