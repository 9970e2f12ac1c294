import Foundation
import Testing
@testable import LontarCore

/// What Lontar writes, Lontar (and Moodle) reads back to the same questions.
@Suite("Moodle XML round trip")
struct MoodleXMLRoundTripTests {
    /// Every type and format, Indonesian text, characters XML must escape, a CDATA
    /// terminator inside HTML, awkward fractions, and categories that change and return.
    static let bank: [Question] = [
        Question(
            title: "Nilai dasar \"BerAKHLAK\"",
            text: FormattedText("<p>Manakah yang <b>bukan</b> nilai dasar ASN? Pilih & jelaskan.</p>", format: .html),
            body: .multipleChoice(
                options: [
                    AnswerOption(FormattedText("<p>Akuntabel</p>", format: .html), fraction: 0),
                    AnswerOption(
                        FormattedText("<p>Adil ]]> Makmur</p>", format: .html), fraction: 1,
                        feedback: FormattedText("Benar: <i>bukan</i> bagian BerAKHLAK ]]>&amp;", format: .html)),
                    AnswerOption(FormattedText("Kompeten", format: .plain), fraction: -0.07),
                ], single: true),
            category: "Bab 1 Etika ASN/Nilai Dasar",
            generalFeedback: FormattedText("Lihat *Perpres* 'BerAKHLAK'.", format: .markdown), defaultMark: 2.5),
        Question(
            text: FormattedText("Pilih kanal pengaduan resmi (a < b & c > d)."),
            body: .multipleChoice(
                options: [
                    AnswerOption(FormattedText("SP4N-LAPOR!"), fraction: 1.0 / 3),
                    AnswerOption(FormattedText("Call center"), fraction: 2.0 / 3),
                    AnswerOption(FormattedText("Grup pribadi"), fraction: -1),
                    AnswerOption(FormattedText("Surat kaleng"), fraction: -0.1234567891),
                ], single: false),
            category: "Bab 1 Etika ASN/Nilai Dasar"),
        Question(
            title: "Kupang", text: FormattedText("Kupang adalah ibu kota NTT.", format: .plain),
            body: .trueFalse(
                answer: true, feedbackWhenTrue: FormattedText("Betul.", format: .plain),
                feedbackWhenFalse: FormattedText("<p>Kupang sejak 1958.</p>", format: .html)),
            category: "Bab 2/Daerah"),
        Question(
            text: FormattedText("Sasaran Kinerja ___?"),
            body: .trueFalse(answer: false, feedbackWhenTrue: nil, feedbackWhenFalse: nil), defaultMark: 0.5),
        Question(
            title: "Singkatan", text: FormattedText("Kepanjangan <SKP>?", format: .plain),
            body: .shortAnswer(
                answers: [
                    AnswerOption(FormattedText("Sasaran Kinerja Pegawai"), fraction: 1),
                    AnswerOption(
                        FormattedText("Sasaran*"), fraction: 0.9, feedback: FormattedText("Hampir\r\nlengkap")),
                ], caseSensitive: true),
            category: "Bab 2/Daerah"),
        Question(
            text: FormattedText("Berapa JP minimal per tahun?"),
            body: .numerical(answers: [
                NumericalAnswer(value: 20, tolerance: 0, fraction: 1, feedback: FormattedText("Benar")),
                NumericalAnswer(value: 0.000012345, tolerance: 1e-7, fraction: 0.5),
                NumericalAnswer(value: -1.5e21, tolerance: 2.5, fraction: 0.01),
            ]),
            category: "Bab 2/Daerah", generalFeedback: FormattedText("PermenPAN-RB 1/2021.")),
        Question(
            title: "Pasangkan",
            text: FormattedText("<p>Pasangkan singkatan dengan kepanjangannya.</p>", format: .html),
            body: .matching(pairs: [
                MatchPair(prompt: FormattedText("<p>BKPPD</p>", format: .html), answer: "Badan Kepegawaian & PSDM"),
                MatchPair(prompt: FormattedText("OPD", format: .plain), answer: "Organisasi <Perangkat> Daerah"),
                MatchPair(prompt: FormattedText("", format: .html), answer: "Pengecoh ]]> 'tanpa pasangan'"),
            ]),
            category: "top", defaultMark: 3),
        Question(
            title: "Refleksi",
            text: FormattedText("<p>Ceritakan satu perbaikan layanan di unit Anda.</p>", format: .html),
            body: .essay, category: "$course$/Bab 3", defaultMark: 10),
        Question(
            title: "Pengantar", text: FormattedText("**Bagian B** berisi studi kasus.", format: .markdown),
            body: .description, defaultMark: 0),
        Question(text: FormattedText("Soal di kategori A//B"), body: .essay, category: "A//B"),
    ]

    @Test("the varied bank reads back equal")
    func roundTrip() throws {
        let xml = MoodleXML.write(Self.bank)
        let read = try MoodleXML.parse(Array(xml.utf8)).get()
        #expect(read.count == Self.bank.count)
        for (back, original) in zip(read, Self.bank) { #expect(back == original) }
    }

    @Test("an empty bank round-trips too")
    func empty() throws {
        #expect(try MoodleXML.parse(Array(MoodleXML.write([]).utf8)).get() == [])
    }

    @Test("the file looks like Moodle's: declaration, categories only on change, CDATA, percentages")
    func shape() {
        let xml = MoodleXML.write(Self.bank)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"))
        #expect(xml.hasSuffix("</quiz>\n"))
        let categories = xml.components(separatedBy: "<question type=\"category\">").count - 1
        // Bab 1, Bab 2, back to the top, Bab 2 again, "top", "$course$/Bab 3", the top again, A//B.
        #expect(categories == 8)
        #expect(xml.contains("<text>$course$/top/Bab 1 Etika ASN/Nilai Dasar</text>"))
        #expect(xml.contains("<text>$course$/top</text>"))
        #expect(xml.contains("<text><![CDATA[<p>Adil ]]]]><![CDATA[> Makmur</p>]]></text>"))
        #expect(xml.contains("<answer fraction=\"33.33333333333333\" format=\"moodle_auto_format\">"))
        #expect(xml.contains("<answer fraction=\"-7\" format=\"plain_text\">"))
        #expect(xml.contains("<text>Hampir&#13;\nlengkap</text>"))
        #expect(xml.contains("<text>-1500000000000000000000</text>"))
        #expect(xml.contains("<single>false</single>"))
        #expect(xml.contains("<questiontext format=\"markdown\">"))
    }

    @Test("percentages convert without binary rounding drift")
    func decimals() {
        for fraction in [0.07, 0.1, 1.0 / 3, -0.3333333, 0.29, 0.57, 1, -1, 0, 0.125, 1e-9, 0.000_001_5] {
            let written = MoodleDecimal.format(fraction, shift: 2)
            #expect(MoodleDecimal.parse(written, shift: -2) == fraction, "\(fraction) → \(written)")
        }
        #expect(MoodleDecimal.format(0.07, shift: 2) == "7")
        #expect(MoodleDecimal.format(-0.3333333, shift: 2) == "-33.33333")
        #expect(MoodleDecimal.format(2.5) == "2.5")
        #expect(MoodleDecimal.parse("33.33333", shift: -2) == 0.3333333)
        for bad in ["", "-", ".", "1.2.3", "1e", "nan", "inf", "0x10", "1,5", "e5", "1e999999"] {
            #expect(MoodleDecimal.parse(bad) == nil, "\(bad)")
        }
        #expect(MoodleDecimal.parse(".5") == 0.5)
        #expect(MoodleDecimal.parse("+2.") == 2)
        #expect(MoodleDecimal.parse(" 1.0000000 ") == 1)
    }

    @Test("characters XML cannot carry are dropped, not written into a broken file")
    func forbiddenCharacters() throws {
        let question = Question(text: FormattedText("Tab\there\u{1}\u{8}"), body: .essay)
        let read = try MoodleXML.parse(Array(MoodleXML.write([question]).utf8)).get()
        #expect(read.first?.text.text == "Tab\there")
    }
}
