import Testing
@testable import LontarCore

/// Each question type, read to the exact model.
@Suite("GIFT question types")
struct GIFTQuestionTypeTests {
    private func plain(_ text: String) -> FormattedText { FormattedText(text) }

    @Test("multiple choice with one right answer is single-answer")
    func multipleChoiceSingle() throws {
        let question = try GIFTTesting.question("Ibu kota NTT adalah? {=Kupang ~Ende ~Maumere}")
        #expect(question.text == plain("Ibu kota NTT adalah?"))
        #expect(
            question.body
                == .multipleChoice(
                    options: [
                        AnswerOption(plain("Kupang"), fraction: 1), AnswerOption(plain("Ende"), fraction: 0),
                        AnswerOption(plain("Maumere"), fraction: 0),
                    ], single: true))
        #expect(question.title == nil && question.category == nil && question.generalFeedback == nil)
        #expect(question.defaultMark == 1)
    }

    @Test("a `=` with partial-credit distractors stays single-answer, as in Moodle")
    func multipleChoiceSingleWithPartialCredit() throws {
        let question = try GIFTTesting.question("Pilih yang paling tepat {=ASN ~%50%PNS ~%-25%Honorer}")
        #expect(
            question.body
                == .multipleChoice(
                    options: [
                        AnswerOption(plain("ASN"), fraction: 1), AnswerOption(plain("PNS"), fraction: 0.5),
                        AnswerOption(plain("Honorer"), fraction: -0.25),
                    ], single: true))
    }

    @Test("weights without `=` make a multiple-answer question")
    func multipleAnswers() throws {
        let question = try GIFTTesting.question(
            """
            Yang termasuk ASN? {
            ~%50%PNS#Benar
            ~%50%PPPK
            ~%-100%Tenaga honorer#Bukan ASN
            }
            """)
        #expect(
            question.body
                == .multipleChoice(
                    options: [
                        AnswerOption(plain("PNS"), fraction: 0.5, feedback: plain("Benar")),
                        AnswerOption(plain("PPPK"), fraction: 0.5),
                        AnswerOption(plain("Tenaga honorer"), fraction: -1, feedback: plain("Bukan ASN")),
                    ], single: false))
    }

    @Test("a lone `~%100%` answer is still multiple-answer (no `=`), and weights may have decimals")
    func multipleAnswersDecimals() throws {
        let one = try GIFTTesting.question("Q {~%100%a ~b}")
        #expect(
            one.body
                == .multipleChoice(
                    options: [.init(plain("a"), fraction: 1), .init(plain("b"), fraction: 0)], single: false))
        let thirds = try GIFTTesting.question("Q {~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d}")
        guard case .multipleChoice(let options, false) = thirds.body else { throw GIFTTestFailure() }
        #expect(options.map(\.fraction) == [0.3333333, 0.3333333, 0.3333334, -1])
    }

    @Test("true/false in every spelling, with Moodle's wrong#right feedback order")
    func trueFalse() throws {
        for (written, answer) in [
            ("T", true), ("TRUE", true), ("F", false), ("FALSE", false), ("true", true), ("f", false),
        ] {
            let question = try GIFTTesting.question("Kupang ibu kota NTT. {\(written)}")
            #expect(
                question.body == .trueFalse(answer: answer, feedbackWhenTrue: nil, feedbackWhenFalse: nil), "\(written)"
            )
        }
        let right = try GIFTTesting.question("Kupang ibu kota NTT. {T#Salah, coba lagi#Betul}")
        #expect(
            right.body
                == .trueFalse(
                    answer: true, feedbackWhenTrue: plain("Betul"), feedbackWhenFalse: plain("Salah, coba lagi")))
        let wrong = try GIFTTesting.question("Ende ibu kota NTT. {FALSE#Keliru#Tepat}")
        #expect(
            wrong.body
                == .trueFalse(answer: false, feedbackWhenTrue: plain("Keliru"), feedbackWhenFalse: plain("Tepat")))
        let onlyRight = try GIFTTesting.question("Q {TRUE##Tepat}")
        #expect(onlyRight.body == .trueFalse(answer: true, feedbackWhenTrue: plain("Tepat"), feedbackWhenFalse: nil))
    }

    @Test("short answer: every answer marked `=`, weights, wildcards, feedback, case-insensitive")
    func shortAnswer() throws {
        let question = try GIFTTesting.question("Singkatan Aparatur Sipil Negara? {=ASN =A.S.N.#Boleh =%50%aparatur*}")
        #expect(
            question.body
                == .shortAnswer(
                    answers: [
                        AnswerOption(plain("ASN"), fraction: 1),
                        AnswerOption(plain("A.S.N."), fraction: 1, feedback: plain("Boleh")),
                        AnswerOption(plain("aparatur*"), fraction: 0.5),
                    ], caseSensitive: false))
        let bare = try GIFTTesting.question("Ibu kota NTT? {Kupang}")
        #expect(bare.body == .shortAnswer(answers: [AnswerOption(plain("Kupang"), fraction: 1)], caseSensitive: false))
    }

    @Test("numerical with tolerance, range, several weighted answers and feedback")
    func numerical() throws {
        let tolerance = try GIFTTesting.question("Nilai pi? {#3.14:0.01}")
        #expect(tolerance.body == .numerical(answers: [NumericalAnswer(value: 3.14, tolerance: 0.01)]))
        let range = try GIFTTesting.question("Angka antara 1 dan 5 {#1..5}")
        #expect(range.body == .numerical(answers: [NumericalAnswer(value: 3, tolerance: 2)]))
        let exact = try GIFTTesting.question("Berapa JP minimal per tahun? {#20#Sesuai PP 17/2020}")
        #expect(exact.body == .numerical(answers: [NumericalAnswer(value: 20, feedback: plain("Sesuai PP 17/2020"))]))
        let several = try GIFTTesting.question(
            """
            Tahun terbit PP tentang Manajemen PNS? {#
            =%100%2017:0#Tepat, PP 11/2017
            =%50%2017:1#Hampir
            }
            """)
        #expect(
            several.body
                == .numerical(answers: [
                    NumericalAnswer(value: 2017, tolerance: 0, fraction: 1, feedback: plain("Tepat, PP 11/2017")),
                    NumericalAnswer(value: 2017, tolerance: 1, fraction: 0.5, feedback: plain("Hampir")),
                ]))
        let negative = try GIFTTesting.question("Suhu? {#-5..-1}")
        #expect(negative.body == .numerical(answers: [NumericalAnswer(value: -3, tolerance: 2)]))
    }

    @Test("matching pairs, with a distractor written with an empty prompt")
    func matching() throws {
        let question = try GIFTTesting.question(
            """
            Pasangkan singkatan dengan kepanjangannya. {
            =SKP -> Sasaran Kinerja Pegawai
            =JP -> Jam Pelajaran
            =BKPSDM -> Badan Kepegawaian dan Pengembangan SDM
            = -> Jabatan Pimpinan
            }
            """)
        #expect(
            question.body
                == .matching(pairs: [
                    MatchPair(prompt: plain("SKP"), answer: "Sasaran Kinerja Pegawai"),
                    MatchPair(prompt: plain("JP"), answer: "Jam Pelajaran"),
                    MatchPair(prompt: plain("BKPSDM"), answer: "Badan Kepegawaian dan Pengembangan SDM"),
                    MatchPair(prompt: plain(""), answer: "Jabatan Pimpinan"),
                ]))
        let two = try GIFTTesting.question("Pasangkan {=a -> b =c -> d}")
        #expect(
            two.body
                == .matching(pairs: [
                    MatchPair(prompt: plain("a"), answer: "b"), MatchPair(prompt: plain("c"), answer: "d"),
                ]))
    }

    @Test("essay, with and without general feedback, and description")
    func essayAndDescription() throws {
        let essay = try GIFTTesting.question("Jelaskan nilai dasar ASN BerAKHLAK. {}")
        #expect(essay.body == .essay && essay.text == plain("Jelaskan nilai dasar ASN BerAKHLAK."))
        let graded = try GIFTTesting.question("Jelaskan SKP. {####Lihat PermenPANRB 6/2022.}")
        #expect(graded.body == .essay && graded.generalFeedback == plain("Lihat PermenPANRB 6/2022."))
        let description = try GIFTTesting.question("Bagian berikut membahas disiplin PNS.")
        #expect(description.body == .description && description.text == plain("Bagian berikut membahas disiplin PNS."))
    }

    @Test("missing word: the block inside the text leaves a `_____` blank")
    func missingWord() throws {
        let question = try GIFTTesting.question("Manajemen PNS diatur dalam PP {=11 ~12 ~30} tahun 2017.")
        #expect(question.text == plain("Manajemen PNS diatur dalam PP _____ tahun 2017."))
        #expect(question.body.kind == .multipleChoice)
        let start = try GIFTTesting.question("{=Kupang ~Ende} adalah ibu kota NTT.")
        #expect(start.text == plain("_____ adalah ibu kota NTT."))
        let end = try GIFTTesting.question("Ibu kota NTT adalah {=Kupang ~Ende}")
        #expect(end.text == plain("Ibu kota NTT adalah"))
    }
}

struct GIFTTestFailure: Error {}
