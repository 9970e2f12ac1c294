import Foundation
import Testing
@testable import LontarCore

/// Each supported type read exactly from a Moodle-shaped sample.
@Suite("Moodle XML reading")
struct MoodleXMLParseTests {
    typealias S = MoodleXMLSamples

    static func questions(_ body: String) throws -> [Question] {
        switch MoodleXML.parse(S.quiz(body)) {
        case .success(let questions): return questions
        case .failure(let failure):
            Issue.record("unexpected issues: \(failure.issues)")
            throw failure
        }
    }

    static func only(_ body: String) throws -> Question {
        let questions = try questions(body)
        try #require(questions.count == 1)
        return questions[0]
    }

    @Test("multichoice with one answer: HTML in CDATA, percentages, feedback, grade")
    func multichoiceSingle() throws {
        let question = try Self.only(S.multichoice)
        let expected = Question(
            title: "Nilai dasar ASN",
            text: FormattedText("<p>Apa kepanjangan huruf <b>A</b> pertama dalam <i>BerAKHLAK</i>?</p>", format: .html),
            body: .multipleChoice(
                options: [
                    AnswerOption(
                        FormattedText("<p>Akuntabel</p>", format: .html), fraction: 1,
                        feedback: FormattedText("<p>Tepat &amp; lengkap.</p>", format: .html)),
                    AnswerOption(FormattedText("<p>Amanah</p>", format: .html), fraction: 0),
                    AnswerOption(
                        FormattedText("Adil & Makmur", format: .html), fraction: -0.3333333,
                        feedback: FormattedText("Bukan <nilai dasar>.", format: .html)),
                ], single: true),
            generalFeedback: FormattedText(
                "<p>BerAKHLAK: Berorientasi pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif.</p>",
                format: .html),
            defaultMark: 2)
        #expect(question == expected)
    }

    @Test("multichoice with several answers: partial credit, 1 for true, plain text")
    func multichoiceMultiple() throws {
        let question = try Self.only(S.multichoiceMultiple)
        let plain = { FormattedText($0, format: .plain) }
        #expect(question.text == FormattedText("Pilih semua kanal pengaduan resmi Pemkot Kupang.", format: .moodle))
        #expect(question.generalFeedback == nil)
        #expect(
            question.body
                == .multipleChoice(
                    options: [
                        AnswerOption(plain("SP4N-LAPOR!"), fraction: 0.5),
                        AnswerOption(plain("Call center 112"), fraction: 0.5),
                        AnswerOption(plain("Grup WhatsApp pribadi"), fraction: -1),
                    ], single: false))
    }

    @Test("true/false: the 100% answer is right; each answer's feedback kept")
    func trueFalse() throws {
        let question = try Self.only(S.trueFalse)
        #expect(question.title == "Ibu kota NTT")
        #expect(
            question.body
                == .trueFalse(
                    answer: true, feedbackWhenTrue: FormattedText("<p>Benar, sejak 1958.</p>", format: .html),
                    feedbackWhenFalse: FormattedText("Coba lagi.", format: .html)))
        let flipped = S.trueFalse.replacingOccurrences(of: "fraction=\"100\"", with: "fraction=\"x\"")
            .replacingOccurrences(of: "fraction=\"0\"", with: "fraction=\"100\"")
            .replacingOccurrences(of: "fraction=\"x\"", with: "fraction=\"0\"")
        guard case .trueFalse(let answer, _, _) = try Self.only(flipped).body else { throw Failure() }
        #expect(answer == false)
    }

    @Test("short answer: case setting, wildcard answer kept as written, partial credit")
    func shortAnswer() throws {
        let question = try Self.only(S.shortAnswer)
        #expect(
            question.body
                == .shortAnswer(
                    answers: [
                        AnswerOption(FormattedText("Pegawai"), fraction: 1),
                        AnswerOption(
                            FormattedText("Peg*"), fraction: 0.5,
                            feedback: FormattedText("Hampir; tulis lengkap.", format: .html)),
                    ], caseSensitive: false))
        let sensitive = try Self.only(S.shortAnswer.replacingOccurrences(of: "<usecase>0", with: "<usecase>1"))
        guard case .shortAnswer(_, let caseSensitive) = sensitive.body else { throw Failure() }
        #expect(caseSensitive)
    }

    @Test("numerical: values, tolerances, exponent notation, units ignored")
    func numerical() throws {
        let question = try Self.only(S.numerical)
        #expect(
            question.body
                == .numerical(answers: [
                    NumericalAnswer(
                        value: 20, tolerance: 0, fraction: 1, feedback: FormattedText("Benar.", format: .html)),
                    NumericalAnswer(value: 24, tolerance: 4, fraction: 0.3333333),
                    NumericalAnswer(value: -15, tolerance: 0.25, fraction: 0.1),
                ]))
    }

    @Test("matching: pairs in order, a blank prompt is a distractor, an all-blank one ignored")
    func matching() throws {
        let question = try Self.only(S.matching)
        #expect(question.defaultMark == 3)
        #expect(
            question.body
                == .matching(pairs: [
                    MatchPair(
                        prompt: FormattedText("<p>BKPPD</p>", format: .html),
                        answer: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah"),
                    MatchPair(
                        prompt: FormattedText("<p>OPD</p>", format: .html), answer: "Organisasi Perangkat Daerah"),
                    MatchPair(prompt: FormattedText("", format: .html), answer: "Ombudsman Provinsi Daerah"),
                ]))
    }

    @Test("essay and description: text, mark, and Moodle's response settings ignored")
    func essayAndDescription() throws {
        let questions = try Self.questions(S.essay + S.description)
        #expect(
            questions == [
                Question(
                    title: "Refleksi pelayanan",
                    text: FormattedText("<p>Ceritakan satu perbaikan layanan di unit Anda.</p>", format: .html),
                    body: .essay, defaultMark: 10),
                Question(
                    title: "Pengantar", text: FormattedText("**Bagian B** berisi studi kasus.", format: .markdown),
                    body: .description, defaultMark: 0),
            ])
    }

    @Test("categories file the questions after them until the next; prefixes stripped")
    func categories() throws {
        let top = """
            <question type="category"><category><text>$course$/top</text></category></question>
            """
        let old = """
            <question type="category"><category><text>$system$/Arsip Lama</text></category></question>
            """
        let questions = try Self.questions(
            S.trueFalse + S.category + S.multichoice + S.essay + top + S.description + old + S.numerical)
        #expect(
            questions.map(\.category) == [
                nil, "Bab 1 Etika ASN/Nilai Dasar", "Bab 1 Etika ASN/Nilai Dasar", nil, "Arsip Lama",
            ])
    }

    @Test("category paths: contexts, top, a category named top, Moodle's // kept")
    func categoryPaths() {
        let cases: [(String, String?)] = [
            ("$course$/top/Bab 1", "Bab 1"), ("$system$/top/A/B", "A/B"), ("$module$/top", nil),
            ("$coursecategory$/top/x", "x"), ("$course$/Bab 2", "Bab 2"), ("top/Bab 3", "Bab 3"), ("Bab 4", "Bab 4"),
            ("$course$/top/top", "top"), ("  $course$/top/A//B  ", "A//B"), ("", nil), ("$course$/", nil),
        ]
        for (raw, expected) in cases { #expect(MoodleXMLReader.categoryPath(raw) == expected, "\(raw)") }
    }

    @Test("defaults when optional parts are missing; HTML written without CDATA is rebuilt")
    func defaults() throws {
        let question = try Self.only(
            """
            <question type="multichoice">
              <questiontext format="html"><text>
                <p>Pilih <b>satu</b> &amp; benar: a &lt; b</p>
              </text></questiontext>
              <answer fraction="100"><text>Ya</text><feedback><text>Oke</text></feedback></answer>
              <answer><text>Tidak</text></answer>
            </question>
            """)
        #expect(question.title == nil)
        #expect(question.defaultMark == 1)
        #expect(question.category == nil)
        #expect(question.text == FormattedText("<p>Pilih <b>satu</b> &amp; benar: a &lt; b</p>", format: .html))
        // Answers and feedback without `format` follow the question text.
        #expect(
            question.body
                == .multipleChoice(
                    options: [
                        AnswerOption(
                            FormattedText("Ya", format: .html), fraction: 1,
                            feedback: FormattedText("Oke", format: .html)),
                        AnswerOption(FormattedText("Tidak", format: .html), fraction: 0),
                    ], single: true))
        let described = try Self.only(
            #"<question type="description"><questiontext><text>Baca.</text></questiontext></question>"#)
        #expect(described.defaultMark == 0)
        #expect(described.text.format == .moodle)
    }

    @Test("an empty quiz is no questions; a BOM and another declared encoding are read")
    func encodings() throws {
        #expect(MoodleXML.parse(S.quiz("")) == .success([]))
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + S.quiz(S.essay)
        #expect(try MoodleXML.parse(bom).get().count == 1)
        let latin1 =
            Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><quiz><question type="essay">"#.utf8)
            + Array("<questiontext><text>Caf".utf8) + [0xE9] + Array("</text></questiontext></question></quiz>".utf8)
        #expect(try MoodleXML.parse(latin1).get().first?.text.text == "Café")
    }

    struct Failure: Error {}
}
