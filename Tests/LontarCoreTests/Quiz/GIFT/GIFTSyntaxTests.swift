import Testing
@testable import LontarCore

/// The parts of GIFT around the answers: titles, categories, comments, escapes, text
/// formats, feedback, and the shapes of files editors save.
@Suite("GIFT syntax")
struct GIFTSyntaxTests {
    @Test("questions are separated by blank lines; titles are read; comments are skipped")
    func titlesAndComments() throws {
        let questions = try GIFTTesting.questions(
            """
            // Bank soal Latsar CPNS 2025
            // disusun BKPSDM Kota Kupang

            ::Nilai dasar::Akronim nilai dasar ASN
            // komentar di tengah soal tidak memutus soal
            adalah BerAKHLAK. {T}

            ::Tanpa judul penutup\\::: Pertanyaan kedua {T}

            Tanpa judul {F}
            """)
        #expect(questions.map(\.title) == ["Nilai dasar", "Tanpa judul penutup:", nil])
        // The comment inside the first question neither ended it nor became text.
        #expect(
            questions.map(\.text.text) == [
                "Akronim nilai dasar ASN\nadalah BerAKHLAK.", "Pertanyaan kedua", "Tanpa judul",
            ])
    }

    @Test("a question may span lines; its line breaks are kept")
    func multiLineText() throws {
        let question = try GIFTTesting.question("Baca kutipan berikut:\n\"ASN melayani.\"\nBenarkah? {T}")
        #expect(question.text.text == "Baca kutipan berikut:\n\"ASN melayani.\"\nBenarkah?")
    }

    @Test("a category applies to the questions after it until the next; Moodle's context prefix is dropped")
    func categories() throws {
        let questions = try GIFTTesting.questions(
            """
            Tanpa kategori {T}

            $CATEGORY: Latsar/Nilai Dasar ASN

            Soal satu {T}

            Soal dua {F}

            $CATEGORY:   Latsar/Manajemen ASN/SKP  
            Soal tiga, langsung di bawah kategori {T}

            $CATEGORY:

            Soal empat {T}

            $CATEGORY: $course$/top/PKA/Modul 1

            Soal lima {T}

            $CATEGORY: $course$/top

            Soal enam {T}

            $CATEGORY: $system$/top/top/Arsip

            Soal tujuh {T}
            """)
        #expect(
            questions.map(\.category) == [
                nil, "Latsar/Nilai Dasar ASN", "Latsar/Nilai Dasar ASN", "Latsar/Manajemen ASN/SKP", nil,
                "PKA/Modul 1", nil, "top/Arsip",
            ])
    }

    @Test("escaped special characters are text; `\\n` is a line break; unknown escapes keep their backslash")
    func escapes() throws {
        let question = try GIFTTesting.question(
            ##"::Judul \: \{x\}::Hitung 2 \= 1 + 1 \~ benar\? \#1\nBaris dua C:\Data {=a \= b ~c \} d#umpan \# balik}"##
        )
        #expect(question.title == "Judul : {x}")
        #expect(question.text.text == "Hitung 2 = 1 + 1 ~ benar\\? #1\nBaris dua C:\\Data")
        #expect(
            question.body
                == .multipleChoice(
                    options: [
                        AnswerOption(FormattedText("a = b"), fraction: 1),
                        AnswerOption(FormattedText("c } d"), fraction: 0, feedback: FormattedText("umpan # balik")),
                    ], single: true))
        let backslash = try GIFTTesting.question(#"Garis miring terbalik \\ saja {}"#)
        #expect(backslash.text.text == "Garis miring terbalik \\ saja")
    }

    @Test("text formats before the text, an answer and feedback; answers default to the question's format")
    func formats() throws {
        let question = try GIFTTesting.question(
            "::T::[html]<p>Pilih <b>satu</b></p> {=[plain]<b> literal ~<i>miring</i>#[markdown]*ya* ####[moodle]umum}")
        #expect(question.text == FormattedText("<p>Pilih <b>satu</b></p>", format: .html))
        #expect(
            question.body
                == .multipleChoice(
                    options: [
                        AnswerOption(FormattedText("<b> literal", format: .plain), fraction: 1),
                        AnswerOption(
                            FormattedText("<i>miring</i>", format: .html), fraction: 0,
                            feedback: FormattedText("*ya*", format: .markdown)),
                    ], single: true))
        #expect(question.generalFeedback == FormattedText("umum", format: .moodle))
        let markdown = try GIFTTesting.question("[markdown]**Tebal** {T}")
        #expect(markdown.text == FormattedText("**Tebal**", format: .markdown))
        // Brackets that are not a lowercase word are ordinary text.
        let bracket = try GIFTTesting.question("[Pasal 5] Sumpah PNS wajib diucapkan. {T}")
        #expect(bracket.text == FormattedText("[Pasal 5] Sumpah PNS wajib diucapkan."))
    }

    @Test("general feedback on every type that has a block; empty feedback is none")
    func generalFeedback() throws {
        let questions = try GIFTTesting.questions(
            """
            A {T####Umum benar-salah}

            B {=x =y####Umum isian}

            C {#5####Umum angka}

            D {=a ~b#}
            """)
        #expect(questions.map(\.generalFeedback?.text) == ["Umum benar-salah", "Umum isian", "Umum angka", nil])
        #expect(
            questions[3].body
                == .multipleChoice(
                    options: [.init(FormattedText("a"), fraction: 1), .init(FormattedText("b"), fraction: 0)],
                    single: true))
    }

    @Test("Windows line ends, a byte-order mark, tabs and spaces around lines")
    func editorShapes() throws {
        let questions = try GIFTTesting.questions(
            "\u{FEFF}::A::Soal {\r\n\t=ya\r\n\t~tidak\r\n}\r\n   \r\n  Soal dua {F}  \r\n")
        #expect(questions.map(\.title) == ["A", nil])
        #expect(
            questions.first?.body
                == .multipleChoice(
                    options: [.init(FormattedText("ya"), fraction: 1), .init(FormattedText("tidak"), fraction: 0)],
                    single: true))
        #expect(questions.last?.text.text == "Soal dua")
    }

    @Test("a file with only comments or nothing holds no questions")
    func emptyFiles() throws {
        #expect(try GIFTTesting.questions("").isEmpty)
        #expect(try GIFTTesting.questions("// hanya komentar\n\n\n").isEmpty)
    }

    @Test("a weight-like text that holds no digits is text, as in Moodle")
    func percentText() throws {
        let question = try GIFTTesting.question("Q {=%x% diskon ~lain}")
        guard case .multipleChoice(let options, _) = question.body else { throw GIFTTestFailure() }
        #expect(options.first?.text.text == "%x% diskon")
    }
}
