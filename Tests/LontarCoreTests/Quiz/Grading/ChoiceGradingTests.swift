import Foundation
import Testing
@testable import LontarCore

extension QuizGrading {
    @Suite("Grading: multiple choice, true/false, wrong shapes")
    struct ChoiceTests {
        // Single answer: one right option, one half-right, one penalised with feedback.
        static let single = question(
            .multipleChoice(
                options: [
                    option("Kupang", 1, feedback: "Benar, ibu kota NTT."),
                    option("Ende", 0),
                    option("Jakarta", -0.5, feedback: "Itu ibu kota negara."),
                    option("Soe", 0.5),
                ], single: true))

        // Multiple answers: two right halves, two penalised wrong ones.
        static let multiple = question(
            .multipleChoice(
                options: [
                    option("Sabu", 0.5, feedback: "Ya."), option("Rote", 0.5),
                    option("Bali", -1, feedback: "Bali bukan bagian dari NTT."), option("Lombok", -1),
                ], single: false))

        @Test(
            "single answer earns the chosen option's fraction",
            arguments: [
                (0, 1.0, ResponseState.correct), (3, 0.5, .partial), (1, 0, .incorrect),
            ])
        func singleFraction(choice: Int, fraction: Double, state: ResponseState) {
            let graded = QuestionGrader.grade(Self.single, .choices([choice]))
            #expect(graded.fraction == fraction)
            #expect(graded.state == state)
        }

        @Test("a negative option counts as 0 for the question, with its feedback")
        func singleNegativeClamped() {
            let graded = QuestionGrader.grade(Self.single, .choices([2]))
            #expect(graded == GradedResponse(fraction: 0, feedback: [text("Itu ibu kota negara.")], state: .incorrect))
        }

        @Test("the right option shows its feedback")
        func singleFeedback() {
            #expect(QuestionGrader.grade(Self.single, .choices([0])).feedback == [text("Benar, ibu kota NTT.")])
        }

        @Test(
            "single answer with two choices, none, or a missing option is not an answer",
            arguments: [
                Set([0, 1]), Set<Int>(), Set([4]), Set([-1]),
            ])
        func singleMalformed(choices: Set<Int>) {
            #expect(QuestionGrader.grade(Self.single, .choices(choices)) == GradedResponse.notAnswered)
        }

        @Test(
            "multiple answers add up, clamped to 0…1",
            arguments: [
                ([0, 1], 1.0, ResponseState.correct),
                ([0], 0.5, .partial),
                ([0, 1, 2], 0, .incorrect),  // 0.5 + 0.5 − 1 = 0
                ([0, 2], 0, .incorrect),  // 0.5 − 1 = −0.5 → 0
                ([0, 1, 2, 3], 0, .incorrect),  // ticking everything: 1 − 2 = −1 → 0
                ([2, 3], 0, .incorrect),
            ] as [([Int], Double, ResponseState)])
        func multipleSum(choices: [Int], fraction: Double, state: ResponseState) {
            let graded = QuestionGrader.grade(Self.multiple, .choices(Set(choices)))
            #expect(graded.fraction == fraction)
            #expect(graded.state == state)
        }

        @Test("multiple answers show every chosen option's feedback in the question's order")
        func multipleFeedback() {
            let graded = QuestionGrader.grade(Self.multiple, .choices([2, 0, 1]))
            #expect(graded.feedback == [text("Ya."), text("Bali bukan bagian dari NTT.")])
        }

        @Test("a sum above 1 is clamped to 1")
        func multipleAboveOne() {
            let generous = question(.multipleChoice(options: [option("a", 1), option("b", 0.5)], single: false))
            #expect(QuestionGrader.grade(generous, .choices([0, 1])).fraction == 1)
        }

        @Test("thirds as Moodle stores them (0.3333333) add up to right, not partial")
        func thirds() {
            let options = (0..<3).map { option("\($0)", 0.3333333) } + [option("x", -1)]
            let graded = QuestionGrader.grade(
                question(.multipleChoice(options: options, single: false)), .choices([0, 1, 2]))
            #expect(graded.state == .correct)
            #expect(abs((graded.fraction ?? 0) - 0.9999999) < 1e-12)
        }

        @Test("true/false grades the chosen value and shows that value's feedback")
        func trueFalse() {
            let statement = question(
                .trueFalse(answer: true, feedbackWhenTrue: text("Tepat."), feedbackWhenFalse: text("Kurang tepat.")))
            #expect(
                QuestionGrader.grade(statement, .boolean(true))
                    == GradedResponse(fraction: 1, feedback: [text("Tepat.")], state: .correct))
            #expect(
                QuestionGrader.grade(statement, .boolean(false))
                    == GradedResponse(fraction: 0, feedback: [text("Kurang tepat.")], state: .incorrect))
            let bare = question(.trueFalse(answer: false, feedbackWhenTrue: nil, feedbackWhenFalse: nil))
            #expect(QuestionGrader.grade(bare, .boolean(false)) == GradedResponse(fraction: 1, state: .correct))
        }

        static let everyType: [Question] = [
            single,
            question(.trueFalse(answer: true, feedbackWhenTrue: nil, feedbackWhenFalse: nil)),
            shortAnswer([option("a", 1)]),
            question(.numerical(answers: [NumericalAnswer(value: 1)])),
            question(.matching(pairs: [MatchPair(prompt: text("a"), answer: "b")])),
            question(.essay),
        ]
        static let everyShape: [QuestionResponse] = [
            .choices([0]), .boolean(true), .text("a"), .number("1"), .matches([0: "b"]), .essay("a"),
        ]

        @Test("a response of another type's shape is not answered, never a crash")
        func wrongShape() {
            for (index, question) in Self.everyType.enumerated() {
                for (shape, response) in Self.everyShape.enumerated() {
                    let graded = QuestionGrader.grade(question, response)
                    if shape == index {
                        #expect(graded.state != .notAnswered, "\(question.body.kind) with its own shape")
                    } else {
                        #expect(graded == .notAnswered, "\(question.body.kind) given \(response)")
                    }
                }
                #expect(QuestionGrader.grade(question, nil) == .notAnswered)
            }
        }

        @Test("descriptions are never graded, whatever arrives")
        func description() {
            let description = question(.description)
            for response in Self.everyShape + [nil] {
                #expect(
                    QuestionGrader.grade(description, response) == GradedResponse(fraction: nil, state: .notGradable))
            }
        }
    }
}
