import Foundation
import Testing
@testable import LontarCore

extension QuizGrading {
    @Suite("Grading: numerical")
    struct NumericalTests {
        @Test(
            "numbers read as typed on a phone",
            arguments: [
                ("3,14", 3.14), ("3.14", 3.14), (" 3,14 ", 3.14), ("-2", -2), ("+2", 2), ("\u{2212}2,5", -2.5),
                (",5", 0.5), ("0,5", 0.5), ("5,", 5), ("007", 7), ("1e3", 1000), ("6,02E23", 6.02e23), ("1e-3", 0.001),
                ("2,5e+2", 250),
            ])
        func reads(typed: String, value: Double) {
            #expect(NumberReading.parse(typed) == value)
        }

        @Test(
            "text that is not one unambiguous number is refused",
            arguments: [
                "", "abc", "1.000,5", "1,000.5", "1.2.3", "1,2,3", "1 000", "inf", "nan", "0x10", "1e", "e5", "-", ",",
                "1e999", "3,14 cm", "--2", "1e2.5", "١٢",
            ])
        func refuses(typed: String) {
            #expect(NumberReading.parse(typed) == nil)
        }

        // π to two decimals: 3.1415 ± 0.0015 accepts 3.14 … 3.143.
        static let pi = question(.numerical(answers: [NumericalAnswer(value: 3.1415, tolerance: 0.0015)]))

        @Test(
            "tolerance boundaries are inside; just beyond is outside",
            arguments: [
                ("3,14", true), ("3.143", true), ("3,1415", true), ("3,1399", false), ("3,1431", false),
                ("-3,14", false),
            ])
        func tolerance(typed: String, right: Bool) {
            #expect(QuestionGrader.grade(Self.pi, .number(typed)).fraction == (right ? 1 : 0))
        }

        @Test(
            "a range 10…20 (stored as 15 ± 5) includes both ends",
            arguments: [
                ("10", true), ("20", true), ("15,5", true), ("9,999", false), ("20,001", false),
            ])
        func range(typed: String, right: Bool) {
            let tenToTwenty = question(.numerical(answers: [NumericalAnswer(value: 15, tolerance: 5)]))
            #expect(QuestionGrader.grade(tenToTwenty, .number(typed)).fraction == (right ? 1 : 0))
        }

        @Test("zero tolerance means exactly the value; a negative tolerance counts as its size")
        func exact() {
            let exact = question(.numerical(answers: [NumericalAnswer(value: 2)]))
            #expect(QuestionGrader.grade(exact, .number("2,0")).fraction == 1)
            #expect(QuestionGrader.grade(exact, .number("2,000001")).fraction == 0)
            let negative = question(.numerical(answers: [NumericalAnswer(value: 2, tolerance: -0.5)]))
            #expect(QuestionGrader.grade(negative, .number("2,5")).fraction == 1)
        }

        @Test("the best answer within tolerance counts, with its feedback")
        func best() {
            let near = question(
                .numerical(answers: [
                    NumericalAnswer(value: 100, tolerance: 10, fraction: 0.5, feedback: text("Mendekati.")),
                    NumericalAnswer(value: 100, fraction: 1, feedback: text("Tepat.")),
                ]))
            #expect(
                QuestionGrader.grade(near, .number("100"))
                    == GradedResponse(fraction: 1, feedback: [text("Tepat.")], state: .correct))
            #expect(
                QuestionGrader.grade(near, .number("105"))
                    == GradedResponse(fraction: 0.5, feedback: [text("Mendekati.")], state: .partial))
            #expect(QuestionGrader.grade(near, .number("111")) == GradedResponse(fraction: 0, state: .incorrect))
        }

        @Test("a non-number is wrong and says why; a blank is not an answer")
        func notANumber() {
            #expect(
                QuestionGrader.grade(Self.pi, .number(" tiga  koma "))
                    == GradedResponse(
                        fraction: 0, state: .incorrect,
                        message: LocalizableMessage("quiz.grading.not_a_number", ["tiga koma"])))
            #expect(QuestionGrader.grade(Self.pi, .number("  ")) == .notAnswered)
        }
    }
}
