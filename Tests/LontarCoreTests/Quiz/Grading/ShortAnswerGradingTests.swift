import Foundation
import Testing
@testable import LontarCore

extension QuizGrading {
    @Suite("Grading: short answer and its wildcard")
    struct ShortAnswerTests {
        static func fraction(_ pattern: String, _ typed: String, caseSensitive: Bool = false) -> Double? {
            QuestionGrader.grade(shortAnswer([option(pattern, 1)], caseSensitive: caseSensitive), .text(typed)).fraction
        }

        @Test("case is ignored unless the question is case-sensitive")
        func caseRule() {
            #expect(Self.fraction("Kupang", "KUPANG") == 1)
            #expect(Self.fraction("Kupang", "kupang") == 1)
            #expect(Self.fraction("Kupang", "kupang", caseSensitive: true) == 0)
            #expect(Self.fraction("Kupang", "Kupang", caseSensitive: true) == 1)
            #expect(Self.fraction("k*G", "KUPANG", caseSensitive: true) == 0)
        }

        @Test("surrounding whitespace and inner runs of spaces are tidied on both sides")
        func whitespace() {
            #expect(Self.fraction("Kota Kupang", "  Kota   Kupang \n") == 1)
            #expect(Self.fraction(" Kota\tKupang ", "kota kupang") == 1)
            #expect(Self.fraction("Kota Kupang", "Kota\u{00A0}Kupang") == 1)  // a phone's no-break space
            #expect(Self.fraction("Kota Kupang", "KotaKupang") == 0)
        }

        @Test(
            "a wildcard matches any run, empty too, wherever it stands",
            arguments: [
                ("*kupang", "Kota Kupang", true), ("*kupang", "kupang", true), ("*kupang", "kupangan", false),
                ("kota*", "Kota Kupang", true), ("kota*", "kota", true), ("kota*", "di kota", false),
                ("k*g", "kupang", true), ("k*g", "kg", true), ("k*g", "kupangs", false), ("k*g", "g", false),
                ("*u*a*", "kupang", true), ("*u*a*", "kapu", false), ("a*b*c", "abc", true), ("a*b*c", "acb", false),
                ("a**b", "ab", true), ("a**b", "axyb", true), ("*", "apa saja", true),
                ("ab*ab", "ab", false),  // the prefix and suffix may not share characters
                ("ab*ab", "abab", true), ("a*a", "a", false), ("a*a", "aa", true),
                ("*ana*ana", "ananana", true),  // needs the middle taken leftmost, the end anchored
            ])
        func wildcard(pattern: String, typed: String, matches: Bool) {
            #expect(Self.fraction(pattern, typed) == (matches ? 1 : 0))
        }

        @Test(
            "regex characters in answers are plain text",
            arguments: [
                ("Rp.5.000 (lima ribu)", "rp.5.000 (lima ribu)", true), ("Rp.5.000 (lima ribu)", "Rp 5000", false),
                ("a.c", "abc", false), ("[abc]", "a", false), ("[abc]", "[ABC]", true), ("a+", "aa", false),
                ("^x$", "^X$", true), ("(a|b)", "a", false), ("\\d", "\\d", true), ("\\d", "5", false),
                ("UU No. 5/2014*", "uu no. 5/2014 tentang ASN", true), ("?", "x", false), ("{1}", "{1}", true),
            ])
        func literals(pattern: String, typed: String, matches: Bool) {
            #expect(Self.fraction(pattern, typed) == (matches ? 1 : 0))
        }

        @Test("\\* is a literal asterisk, as in Moodle")
        func escapedStar() {
            #expect(Self.fraction("5 \\* 3", "5 * 3") == 1)
            #expect(Self.fraction("5 \\* 3", "5 x 3") == 0)
            #expect(Self.fraction("\\**", "*tanda") == 1)
            #expect(Self.fraction("\\**", "tanda") == 0)
        }

        @Test("accented letters match whether typed composed or decomposed")
        func unicode() {
            #expect(Self.fraction("caf\u{E9}", "cafe\u{301}") == 1)
            #expect(Self.fraction("CAF\u{C9}", "caf\u{E9}") == 1)
        }

        @Test("the best matching answer counts, with its feedback; ties keep the first")
        func bestMatch() {
            let question = shortAnswer([
                option("*", 0, feedback: "Coba lagi."),
                option("kup*", 0.5, feedback: "Hampir."),
                option("kupang", 1, feedback: "Benar."),
                option("kupang*", 1, feedback: "Juga benar."),
            ])
            #expect(
                QuestionGrader.grade(question, .text("Kupang"))
                    == GradedResponse(fraction: 1, feedback: [text("Benar.")], state: .correct))
            #expect(
                QuestionGrader.grade(question, .text("kupa"))
                    == GradedResponse(fraction: 0.5, feedback: [text("Hampir.")], state: .partial))
            #expect(
                QuestionGrader.grade(question, .text("Ende"))
                    == GradedResponse(fraction: 0, feedback: [text("Coba lagi.")], state: .incorrect))
        }

        @Test("no match is wrong without feedback; a blank answer is not an answer")
        func noMatchAndBlank() {
            let question = shortAnswer([option("kupang", 1), option("", 1)])
            #expect(QuestionGrader.grade(question, .text("ende")) == GradedResponse(fraction: 0, state: .incorrect))
            #expect(QuestionGrader.grade(question, .text("  ")) == .notAnswered)
            #expect(QuestionGrader.grade(question, .text("")) == .notAnswered)
        }

        @Test("a penalised accepted answer still earns 0, not less")
        func negative() {
            #expect(Self.fractionOf([option("x", -1)], "x") == 0)
        }

        static func fractionOf(_ answers: [AnswerOption], _ typed: String) -> Double? {
            QuestionGrader.grade(shortAnswer(answers), .text(typed)).fraction
        }

        @Test("a hostile pattern on a long answer returns at once (no backtracking blow-up)")
        func pathological() {
            let pattern = String(repeating: "*a", count: 40) + "*b"
            let typed = String(repeating: "a", count: 5_000)
            #expect(Self.fraction(pattern, typed) == 0)
            #expect(Self.fraction(pattern, typed + "b") == 1)
        }
    }
}
