import Testing
@testable import LontarCore

/// What Lontar writes, Lontar reads back to equal questions, and the text is the GIFT a
/// person (or Moodle) expects.
@Suite("GIFT round trip")
struct GIFTRoundTripTests {
    static func text(_ text: String, _ format: TextFormat = .moodle) -> FormattedText {
        FormattedText(text, format: format)
    }

    /// Every type, every optional part, and the characters GIFT gives a meaning to.
    static let bank: [Question] = [
        Question(
            title: "Pengertian ASN", text: text("Apa itu ASN?"),
            body: .multipleChoice(
                options: [
                    AnswerOption(text("Aparatur Sipil Negara"), fraction: 1, feedback: text("Tepat, UU 20/2023.")),
                    AnswerOption(text("Aparat Sipil Nasional"), fraction: 0),
                    AnswerOption(text("Anggota Staf Negeri"), fraction: -0.5, feedback: text("Bukan")),
                ], single: true),
            category: "Latsar/Nilai Dasar ASN", generalFeedback: text("ASN terdiri atas PNS dan PPPK.")),
        Question(
            title: "Soal #2: {ASN} ~ = :: \\", text: text("<p>Pilih <b>semua</b> yang benar</p>", .html),
            body: .multipleChoice(
                options: [
                    AnswerOption(text("PNS", .plain), fraction: 1.0 / 3),
                    AnswerOption(text("PPPK"), fraction: 1.0 / 3, feedback: text("*ya*", .markdown)),
                    AnswerOption(text("P3K paruh waktu"), fraction: 1.0 / 3),
                    AnswerOption(text("Honorer"), fraction: -1),
                ], single: false),
            category: "Latsar/Nilai Dasar ASN"),
        Question(
            text: text("Kupang adalah ibu kota Provinsi NTT."),
            body: .trueFalse(answer: true, feedbackWhenTrue: text("Betul"), feedbackWhenFalse: text("Salah: {Kupang}"))),
        Question(
            text: text("Ende adalah ibu kota NTT."),
            body: .trueFalse(answer: false, feedbackWhenTrue: nil, feedbackWhenFalse: text("Tepat"))),
        Question(
            text: text("Benar?"), body: .trueFalse(answer: true, feedbackWhenTrue: text("Ya"), feedbackWhenFalse: nil),
            generalFeedback: text("Umum")),
        Question(
            text: text("Singkatan **Sasaran Kinerja Pegawai**?", .markdown),
            body: .shortAnswer(
                answers: [
                    AnswerOption(text("SKP", .markdown), fraction: 1),
                    AnswerOption(text("sasaran kinerja*", .markdown), fraction: 0.5, feedback: text("Hampir")),
                    AnswerOption(text("%50% SKP", .markdown), fraction: 0.07),
                ], caseSensitive: false),
            category: "Latsar/Manajemen ASN/SKP"),
        Question(
            title: "JP", text: text("Berapa JP pengembangan kompetensi minimal per tahun?"),
            body: .numerical(answers: [
                NumericalAnswer(value: 20, tolerance: 0, fraction: 1, feedback: text("Sesuai ketentuan")),
                NumericalAnswer(value: 3, tolerance: 2, fraction: 0.5),
                NumericalAnswer(value: -0.1, tolerance: 1e-5, fraction: 0.1),
                NumericalAnswer(value: 1e20, tolerance: 0.3 - 0.2, fraction: 1.0 / 3),
            ]),
            category: "Latsar/Manajemen ASN/SKP", generalFeedback: text("PP 17/2020")),
        Question(text: text("Nilai pi?"), body: .numerical(answers: [NumericalAnswer(value: 3.14, tolerance: 0.01)])),
        Question(
            text: text("Pasangkan: kode = arti"),
            body: .matching(pairs: [
                MatchPair(prompt: text("<b>SKP</b>", .html), answer: "Sasaran Kinerja Pegawai"),
                MatchPair(prompt: text("JP: #1"), answer: "Jam Pelajaran -> wajib ~ {20}"),
                MatchPair(prompt: text(""), answer: "Distraktor"),
            ])),
        Question(text: text("Jelaskan nilai BerAKHLAK."), body: .essay, category: nil),
        Question(text: text("Jelaskan _____ dalam dua kalimat."), body: .essay, generalFeedback: text("Lihat modul 3")),
        Question(text: text("Bagian 2: Disiplin PNS (PP 94/2021)."), body: .description),
        Question(
            text: text("Manajemen PNS diatur dalam PP _____ tahun 2017."),
            body: .multipleChoice(
                options: [AnswerOption(text("11"), fraction: 1), AnswerOption(text("12"), fraction: 0)], single: true),
            category: "Regulasi"),
        Question(
            text: text("Isian di akhir _____"),
            body: .shortAnswer(answers: [AnswerOption(text("x"), fraction: 1)], caseSensitive: false),
            category: "Regulasi"),
        Question(
            text: text("// bukan komentar\nbaris dua\\n literal"),
            body: .multipleChoice(
                options: [
                    AnswerOption(text("[html] bukan format"), fraction: 1),
                    AnswerOption(text("semua benar"), fraction: 1),
                    AnswerOption(text("%x%"), fraction: 0),
                ], single: true)),
        Question(text: text("[plain] bukan penanda"), body: .essay),
        Question(text: text("$CATEGORY: bukan kategori"), body: .description),
        Question(text: text("::bukan judul:: dan ####"), body: .essay, category: "top/Ω/Kategori ünicode"),
    ]

    @Test("the varied bank survives write then parse unchanged")
    func roundTrip() throws {
        let written = GIFT.write(Self.bank)
        let read = try GIFTTesting.questions(written)
        #expect(read.count == Self.bank.count)
        for (original, back) in zip(Self.bank, read) {
            #expect(original == back, "\(written)")
        }
        // Writing again gives the same file: nothing drifts on repeated export.
        #expect(GIFT.write(read) == written)
    }

    @Test("the file looks like Moodle's: categories once per change, one answer per line, escapes")
    func layout() {
        let written = GIFT.write(Array(Self.bank.prefix(3)))
        #expect(
            written == """
                $CATEGORY: $course$/top/Latsar/Nilai Dasar ASN

                ::Pengertian ASN::Apa itu ASN? {
                \t=Aparatur Sipil Negara#Tepat, UU 20/2023.
                \t~Aparat Sipil Nasional
                \t~%-50%Anggota Staf Negeri#Bukan
                \t####ASN terdiri atas PNS dan PPPK.
                }

                ::Soal \\#2\\: \\{ASN\\} \\~ \\= \\:\\: \\\\::[html]<p>Pilih <b>semua</b> yang benar</p> {
                \t~%33.33333333333333%[plain]PNS
                \t~%33.33333333333333%[moodle]PPPK#[markdown]*ya*
                \t~%33.33333333333333%[moodle]P3K paruh waktu
                \t~%-100%[moodle]Honorer
                }

                $CATEGORY: $course$/top

                Kupang adalah ibu kota Provinsi NTT. {TRUE#Salah\\: \\{Kupang\\}#Betul}

                """)
    }

    @Test("a missing-word question is written with its block where the blank was")
    func missingWordInline() {
        let question = Self.bank[12]
        #expect(GIFT.write([question]).contains("PP {\n\t=11\n\t~12\n} tahun 2017."))
    }

    @Test("what GIFT cannot say comes back normalised, not broken")
    func normalised() throws {
        let original = Question(
            title: "", text: FormattedText("  Soal\r\ndua  "),
            body: .shortAnswer(answers: [AnswerOption(FormattedText("Ya"), fraction: 1)], caseSensitive: true),
            category: " ", generalFeedback: FormattedText(""), defaultMark: 5)
        let back = try GIFTTesting.question(GIFT.write([original]))
        #expect(
            back
                == Question(
                    text: FormattedText("Soal\ndua"),
                    body: .shortAnswer(answers: [AnswerOption(FormattedText("Ya"), fraction: 1)], caseSensitive: false))
        )
    }
}
