import Foundation
import Testing
@testable import LontarCore

/// Bad files: each problem named with its question number (or line) and reason, all of
/// them collected, and never any questions alongside.
@Suite("Moodle XML issues")
struct MoodleXMLIssueTests {
    typealias S = MoodleXMLSamples

    static func issues(_ data: [UInt8]) -> [QuestionImportIssue] {
        switch MoodleXML.parse(data) {
        case .success(let questions):
            Issue.record("expected issues, read \(questions.count) questions")
            return []
        case .failure(let failure): return failure.issues
        }
    }

    static func issues(_ body: String) -> [QuestionImportIssue] { issues(S.quiz(body)) }

    static func at(_ question: Int, _ key: MoodleXMLMessageKey, _ arguments: String...) -> QuestionImportIssue {
        QuestionImportIssue(question: question, message: .moodleXML(key, arguments))
    }

    static func at(line: Int, _ key: MoodleXMLMessageKey, _ arguments: String...) -> QuestionImportIssue {
        QuestionImportIssue(line: line, message: .moodleXML(key, arguments))
    }

    static func question(_ type: String, _ inner: String) -> String {
        "<question type=\"\(type)\"><questiontext format=\"html\"><text>Soal</text></questiontext>\(inner)</question>\n"
    }

    @Test("unsupported types are refused by number and type; categories are not counted")
    func unsupportedTypes() {
        let cloze = #"<question type="cloze"><questiontext><text>{1:SA:=Kupang}</text></questiontext></question>"#
        let issues = Self.issues(
            S.category + S.essay + S.category + cloze.replacingOccurrences(of: "cloze", with: "multianswer")
                + Self.question("calculated", "") + S.trueFalse + Self.question("ddwtos", "")
                + #"<question><questiontext><text>x</text></questiontext></question>"#)
        #expect(
            issues == [
                Self.at(2, .typeUnsupported, "multianswer"), Self.at(3, .typeUnsupported, "calculated"),
                Self.at(5, .typeUnsupported, "ddwtos"), Self.at(6, .typeMissing),
            ])
    }

    @Test("malformed XML is reported at the parser's line, with the kind of mistake")
    func malformed() {
        let cases: [(String, QuestionImportIssue)] = [
            ("<quiz>\n<question type=\"essay\">\n<name><text>a</name>\n</quiz>", Self.at(line: 3, .fileTagMismatch)),
            ("<quiz>\n<question>\n", Self.at(line: 2, .fileUnexpectedEnd)),
            ("<quiz>\n\n<question><text>A & B</text></question></quiz>", Self.at(line: 3, .fileUnescapedMarkup)),
            ("<quiz><text>&nbsp;</text></quiz>", Self.at(line: 1, .fileUnescapedMarkup)),
            ("<quiz>\n<text>a < b</text></quiz>", Self.at(line: 2, .fileUnescapedMarkup)),
            ("<quiz>\n<text>\u{1}</text></quiz>", Self.at(line: 2, .fileInvalidCharacter)),
            ("<quiz x=1></quiz>", Self.at(line: 1, .fileMalformed)),
            ("", QuestionImportIssue(message: .moodleXML(.fileEmpty))),
            ("  \n ", QuestionImportIssue(message: .moodleXML(.fileEmpty))),
            ("<questions>\n</questions>", Self.at(line: 1, .fileNotQuiz, "questions")),
            ("id,pertanyaan\n1,Apa?", Self.at(line: 1, .fileMalformed)),
        ]
        for (text, expected) in cases { #expect(Self.issues(Array(text.utf8)) == [expected], "\(text)") }
        // A Windows-1252 "é" in a file that declares no encoding (so is UTF-8).
        let latin1 = Array("<quiz>\n<text>Caf".utf8) + [0xE9] + Array("</text></quiz>".utf8)
        #expect(Self.issues(latin1) == [Self.at(line: 2, .fileInvalidCharacter)])
    }

    @Test("missing question text, title and grade problems")
    func questionLevel() {
        let noText =
            #"<question type="essay"><name><text>Esai</text></name><questiontext format="html"><text>  </text></questiontext></question>"#
        let noTextElement = #"<question type="description"><name><text>x</text></name></question>"#
        let badGrade = Self.question("essay", "<defaultgrade>satu</defaultgrade>")
        let negativeGrade = Self.question("essay", "<defaultgrade>-1</defaultgrade>")
        let badFormat =
            #"<question type="essay"><questiontext format="wiki_like"><text>a</text></questiontext></question>"#
        let image = Self.question("essay", #"<file name="peta.png" path="/" encoding="base64">iVBORw0KGgo=</file>"#)
        #expect(
            Self.issues(noText + noTextElement + badGrade + negativeGrade + badFormat + image) == [
                Self.at(1, .textMissing), Self.at(2, .textMissing), Self.at(3, .valueInvalid, "defaultgrade", "satu"),
                Self.at(4, .valueInvalid, "defaultgrade", "-1"), Self.at(5, .formatUnknown, "wiki_like"),
                Self.at(6, .filesUnsupported, "peta.png"),
            ])
    }

    @Test("multichoice: no answer with marks, bad and out-of-range fractions, blank answers, bad flags")
    func multichoice() {
        let none = Self.question(
            "multichoice",
            #"<answer fraction="0"><text>a</text></answer><answer fraction="-50"><text>b</text></answer>"#)
        let empty = Self.question("multichoice", "")
        let notNumber = Self.question(
            "multichoice",
            #"<answer fraction="100%"><text>a</text></answer><answer fraction="100"><text>b</text></answer>"#)
        let percentTooBig = Self.question(
            "multichoice",
            #"<answer fraction="150"><text>a</text></answer><answer fraction="-100.5"><text>b</text></answer><answer fraction="1"><text>c</text></answer>"#
        )
        let blank = Self.question(
            "multichoice",
            #"<single>ya</single><answer fraction="100"><text></text></answer><answer fraction="100"><text>b</text></answer>"#
        )
        #expect(
            Self.issues(none + empty + notNumber + percentTooBig + blank) == [
                Self.at(1, .noCorrectAnswer), Self.at(2, .noCorrectAnswer), Self.at(3, .fractionInvalid, "100%"),
                Self.at(4, .fractionOutOfRange, "150"), Self.at(4, .fractionOutOfRange, "-100.5"),
                Self.at(5, .valueInvalid, "single", "ya"), Self.at(5, .answerTextMissing),
            ])
    }

    @Test("true/false, short answer and numerical problems")
    func otherAnswers() {
        let oneAnswer = Self.question("truefalse", #"<answer fraction="100"><text>true</text></answer>"#)
        let bothRight = Self.question(
            "truefalse",
            #"<answer fraction="100"><text>true</text></answer><answer fraction="100"><text>false</text></answer>"#)
        let yesNo = Self.question(
            "truefalse",
            #"<answer fraction="100"><text>ya</text></answer><answer fraction="0"><text>tidak</text></answer>"#)
        let shortWrong = Self.question(
            "shortanswer", #"<usecase>2</usecase><answer fraction="0"><text>a</text></answer>"#)
        let numbers = Self.question(
            "numerical",
            #"<answer fraction="100"><text>3,14</text></answer><answer fraction="50"><text>3</text><tolerance>-1</tolerance></answer><answer fraction="0"><text>*</text></answer><answer><text>nan</text></answer>"#
        )
        let noMarks = Self.question("numerical", #"<answer fraction="0"><text>3</text></answer>"#)
        #expect(
            Self.issues(oneAnswer + bothRight + yesNo + shortWrong + numbers + noMarks) == [
                Self.at(1, .trueFalseInvalid), Self.at(2, .trueFalseInvalid), Self.at(3, .trueFalseInvalid),
                Self.at(4, .valueInvalid, "usecase", "2"), Self.at(4, .noCorrectAnswer),
                Self.at(5, .numberInvalid, "3,14"), Self.at(5, .valueInvalid, "tolerance", "-1"),
                Self.at(5, .numericalWildcard), Self.at(5, .numberInvalid, "nan"), Self.at(6, .noCorrectAnswer),
            ])
    }

    @Test("matching: fewer than two pairs, a prompt without an answer")
    func matching() {
        func sub(_ prompt: String, _ answer: String) -> String {
            "<subquestion><text>\(prompt)</text><answer><text>\(answer)</text></answer></subquestion>"
        }
        let one = Self.question("matching", sub("A", "1") + sub("", "2"))
        let none = Self.question("matching", "")
        let unanswered = Self.question("matching", sub("A", "1") + sub("B", "") + sub("C", "3"))
        #expect(
            Self.issues(one + none + unanswered) == [
                Self.at(1, .matchingTooFewPairs, "1"), Self.at(2, .matchingTooFewPairs, "0"),
                Self.at(3, .matchingAnswerMissing, "B"),
            ])
    }

    @Test("every issue in a file is collected, and good questions are not returned with them")
    func collected() {
        let body =
            S.multichoice + Self.question("shortanswer", "") + S.category + S.trueFalse
            + Self.question("random", "") + S.matching + #"<question type="essay"></question>"#
        #expect(
            Self.issues(body) == [
                Self.at(2, .noCorrectAnswer), Self.at(4, .typeUnsupported, "random"), Self.at(6, .textMissing),
            ])
    }
}
