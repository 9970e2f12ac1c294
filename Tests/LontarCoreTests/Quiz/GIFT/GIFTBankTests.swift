import Testing
@testable import LontarCore

/// A bank as BKPSDM staff would write it for a basic-training (Latsar) course.
@Suite("GIFT realistic bank")
struct GIFTBankTests {
    static let file = """
        // Bank soal e-learning Latsar CPNS — BKPSDM Kota Kupang
        // Format GIFT, dapat diimpor juga ke Moodle.

        $CATEGORY: Latsar/Manajemen ASN

        ::PP 11/2017::Peraturan Pemerintah Nomor 11 Tahun 2017 mengatur tentang {
            =Manajemen Pegawai Negeri Sipil#Tepat. PP ini telah diubah dengan PP 17/2020.
            ~Disiplin Pegawai Negeri Sipil#Disiplin PNS diatur dalam PP 94/2021.
            ~Penilaian Kinerja PNS#Penilaian kinerja diatur dalam PP 30/2019.
            ~Gaji Pegawai Negeri Sipil
        }

        ::Hak JP::Setiap PNS berhak mengikuti pengembangan kompetensi paling sedikit {#20} JP dalam satu tahun.

        ::Jenis ASN::Pilih semua yang termasuk Aparatur Sipil Negara. {
            ~%50%Pegawai Negeri Sipil (PNS)
            ~%50%Pegawai Pemerintah dengan Perjanjian Kerja (PPPK)
            ~%-100%Tenaga honorer#Tenaga honorer bukan ASN.
            ####Menurut UU ASN, pegawai ASN terdiri atas PNS dan PPPK.
        }

        ::Sumpah::Setiap calon PNS yang diangkat menjadi PNS wajib mengucapkan sumpah/janji PNS. {TRUE}

        ::Netralitas::ASN boleh menjadi anggota partai politik. {FALSE#ASN wajib netral dan tidak boleh menjadi anggota atau pengurus partai politik.#Benar, ASN wajib netral.}

        ::Singkatan SKP::Apa kepanjangan dari SKP? {
            =Sasaran Kinerja Pegawai
            =%50%Sasaran Kerja Pegawai#Istilah lama; yang berlaku kini Sasaran Kinerja Pegawai.
        }

        $CATEGORY: Latsar/Nilai Dasar ASN

        ::BerAKHLAK::Pasangkan nilai dasar ASN BerAKHLAK dengan maknanya. {
            =Berorientasi Pelayanan -> Memahami dan memenuhi kebutuhan masyarakat
            =Akuntabel -> Bertanggung jawab atas kepercayaan yang diberikan
            =Kompeten -> Terus belajar dan mengembangkan kapabilitas
            =Harmonis -> Saling peduli dan menghargai perbedaan
        }

        ::Motto::[html]Motto <i>employer branding</i> ASN adalah {
            =[plain]Bangga Melayani Bangsa
            ~[plain]Kerja, Kerja, Kerja
            ~[plain]Melayani dengan Hati
        }

        ::Refleksi::Uraikan bagaimana Anda menerapkan nilai Berorientasi Pelayanan di unit kerja Anda di Kota Kupang. {
            ####Jawaban dinilai oleh fasilitator berdasarkan rubrik modul 2.
        }

        Bagian berikut membahas disiplin PNS menurut PP 94/2021.

        $CATEGORY: Latsar/Disiplin PNS

        ::Hukuman berat::Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS termasuk hukuman disiplin tingkat {=berat ~sedang ~ringan}.

        ::Jam kerja::Berapa jam kerja efektif PNS dalam seminggu (dalam jam)? {#37.5:0.5}

        ::Rentang usia::Batas usia pensiun pejabat pimpinan tinggi adalah antara... (jawab dengan satu angka tahun) {#58..60}

        ::Kota::Kantor BKPSDM yang mengelola data Anda berada di Kota ... {=Kupang =kota kupang}

        ::Atasan::Siapa yang menilai SKP seorang PNS? {
            =Atasan langsung#Tepat, pejabat penilai kinerja adalah atasan langsung.
            ~Rekan kerja
            ~%25%Kepala BKPSDM#Hanya untuk pejabat di lingkungan BKPSDM.
            ~Diri sendiri
        }
        """

    @Test("fifteen questions of every type parse with their categories and titles")
    func parses() throws {
        let questions = try GIFTTesting.questions(Self.file)
        #expect(questions.count == 15)
        #expect(
            questions.map(\.body.kind) == [
                .multipleChoice, .numerical, .multipleChoice, .trueFalse, .trueFalse, .shortAnswer, .matching,
                .multipleChoice, .essay, .description, .multipleChoice, .numerical, .numerical, .shortAnswer,
                .multipleChoice,
            ])
        #expect(questions.filter { $0.category == "Latsar/Manajemen ASN" }.count == 6)
        #expect(questions.filter { $0.category == "Latsar/Nilai Dasar ASN" }.count == 4)
        #expect(questions.filter { $0.category == "Latsar/Disiplin PNS" }.count == 5)
        #expect(
            questions[1].text.text
                == "Setiap PNS berhak mengikuti pengembangan kompetensi paling sedikit _____ JP dalam satu tahun.")
        #expect(questions[1].body == .numerical(answers: [NumericalAnswer(value: 20)]))
        #expect(
            questions[4].body
                == .trueFalse(
                    answer: false,
                    feedbackWhenTrue: FormattedText(
                        "ASN wajib netral dan tidak boleh menjadi anggota atau pengurus partai politik."),
                    feedbackWhenFalse: FormattedText("Benar, ASN wajib netral.")))
        #expect(questions[7].text == FormattedText("Motto <i>employer branding</i> ASN adalah", format: .html))
        #expect(questions[12].body == .numerical(answers: [NumericalAnswer(value: 59, tolerance: 1)]))
        #expect(questions[9].title == nil)
    }

    @Test("the bank re-exports and re-imports identically")
    func roundTrip() throws {
        let questions = try GIFTTesting.questions(Self.file)
        #expect(try GIFTTesting.questions(GIFT.write(questions)) == questions)
    }
}
