/// The demo's e-learning content: a published self-paced course on ethics and integrity with
/// real lesson texts, and a draft course that shows authoring under way. The question banks
/// are the sample files shipped with the app (`static/contoh/`), imported as an author would.

/// How a demo lesson is delivered; the raw values are the app's `LessonKind`.
public enum DemoLessonKind: String, Sendable {
    case text, link, file, quiz
}

public struct DemoLesson: Sendable, Equatable {
    public let title: String
    public let kind: DemoLessonKind
    /// Markdown: the lesson itself, or the introduction to a link, file or quiz.
    public let body: String
    public let url: String
    public let minutes: Int
    public let required: Bool
    public let requiresPrevious: Bool
    public let published: Bool

    init(
        _ title: String, _ kind: DemoLessonKind, minutes: Int, required: Bool = true, requiresPrevious: Bool = false,
        published: Bool = true, url: String = "", body: String
    ) {
        self.title = title
        self.kind = kind
        self.body = body
        self.url = url
        self.minutes = minutes
        self.required = required
        self.requiresPrevious = requiresPrevious
        self.published = published
    }
}

public struct DemoSection: Sendable, Equatable {
    public let title: String
    public let lessons: [DemoLesson]
}

/// A quiz drawing `count` questions from each named bank category.
public struct DemoQuiz: Sendable, Equatable {
    public let title: String
    public let intro: String
    public let draws: [(category: String, count: Int)]
    public let settings: QuizSettings

    public static func == (a: DemoQuiz, b: DemoQuiz) -> Bool {
        a.title == b.title && a.intro == b.intro && a.settings == b.settings
            && a.draws.map(\.category) == b.draws.map(\.category) && a.draws.map(\.count) == b.draws.map(\.count)
    }
}

public struct DemoCourse: Sendable, Equatable {
    /// The programme the course belongs to, found (or made) by this title.
    public let programmeTitle: String
    public let title: String
    public let summary: String
    public let published: Bool
    /// The sample question file imported into the course's bank.
    public let bankFile: String
    public let sections: [DemoSection]
    public let quiz: DemoQuiz
}

public enum KupangELearningDemo {
    /// The programme made for the published course (the draft course joins a programme the
    /// training demo already made).
    public static let programme = (
        title: "Etika dan Integritas ASN", formCode: "NKL03", jp: 10.0, competencyKind: "manajerial",
        competencies: ["Integritas", "Pelayanan Publik"],
        description: "Kursus daring mandiri: nilai dasar BerAKHLAK, gratifikasi, disiplin PNS, dan standar "
            + "pelayanan publik. Dapat diikuti kapan saja dari ponsel; selesai dengan kuis akhir."
    )

    public static let ethics = DemoCourse(
        programmeTitle: programme.title, title: "Etika dan Integritas ASN",
        summary: "Belajar mandiri 10 JP tentang nilai dasar ASN, menolak gratifikasi, disiplin, dan pelayanan "
            + "publik yang baik bagi warga Kota Kupang.",
        published: true, bankFile: "etika-asn.gift",
        sections: [
            DemoSection(
                title: "Nilai Dasar ASN BerAKHLAK",
                lessons: [
                    DemoLesson("Mengenal BerAKHLAK", .text, minutes: 15, body: KupangELearningTexts.berakhlak),
                    DemoLesson(
                        "Membaca UU 20/2023 tentang ASN", .link, minutes: 30, required: false,
                        url: "https://peraturan.bpk.go.id/Details/269470/uu-no-20-tahun-2023",
                        body: "Naskah resmi undang-undang di JDIH BPK. Baca terutama bagian tentang nilai dasar, "
                            + "kode etik, dan kode perilaku ASN."),
                    DemoLesson(
                        "Ringkasan Kode Etik ASN (PDF)", .file, minutes: 10,
                        body: "Satu halaman ringkasan untuk dicetak atau disimpan di ponsel."),
                ]),
            DemoSection(
                title: "Integritas dan Gratifikasi",
                lessons: [
                    DemoLesson(
                        "Gratifikasi: kenali, tolak, laporkan", .text, minutes: 20, requiresPrevious: true,
                        body: KupangELearningTexts.gratification),
                    DemoLesson(
                        "Disiplin PNS menurut PP 94/2021", .text, minutes: 20, body: KupangELearningTexts.discipline),
                    DemoLesson(
                        "Lapor gratifikasi secara daring (GOL KPK)", .link, minutes: 5, required: false,
                        url: "https://gol.kpk.go.id",
                        body: "Aplikasi Gratifikasi Online KPK untuk melaporkan penerimaan gratifikasi."),
                ]),
            DemoSection(
                title: "Pelayanan Publik dan Evaluasi",
                lessons: [
                    DemoLesson(
                        "Standar pelayanan dan maklumat", .text, minutes: 20, body: KupangELearningTexts.publicService),
                    DemoLesson(
                        "Kuis akhir", .quiz, minutes: 20, requiresPrevious: true,
                        body: "Sepuluh soal diambil acak dari bank soal. Nilai lulus 70; Anda punya tiga kesempatan "
                            + "dan 20 menit untuk setiap percobaan."),
                ]),
        ],
        quiz: DemoQuiz(
            title: "Kuis Akhir Etika dan Integritas ASN",
            intro: "Jawab sepuluh soal tentang BerAKHLAK, pelayanan publik, gratifikasi, disiplin, dan SKP.",
            draws: [
                ("Etika ASN/Nilai Dasar BerAKHLAK", 2), ("Etika ASN/Pelayanan Publik", 2),
                ("Etika ASN/Gratifikasi", 2), ("Etika ASN/Disiplin PNS", 2), ("Etika ASN/Kinerja dan SKP", 2),
            ],
            settings: QuizSettings(timeLimit: 20 * 60, maxAttempts: 3, passMark: 70, shuffle: true)))

    /// Being written: one lesson published, the rest still hidden from learners.
    public static let timeManagement = DemoCourse(
        programmeTitle: "Manajemen Waktu dan Prioritas Kerja", title: "Manajemen Waktu dan Prioritas Kerja",
        summary: "Merencanakan pekerjaan, menetapkan prioritas, dan menghindari penundaan.", published: false,
        bankFile: "manajemen-waktu.xml",
        sections: [
            DemoSection(
                title: "Merencanakan hari kerja",
                lessons: [
                    DemoLesson("Matriks Eisenhower", .text, minutes: 15, body: KupangELearningTexts.eisenhower),
                    DemoLesson(
                        "Teknik Pomodoro", .text, minutes: 10, published: false,
                        body: "*(Draf)* Bekerja fokus 25 menit, lalu istirahat 5 menit. Setelah empat putaran, "
                            + "istirahat lebih panjang."),
                ]),
            DemoSection(
                title: "Kinerja dan SKP",
                lessons: [
                    DemoLesson(
                        "Kuis manajemen waktu", .quiz, minutes: 15, published: false,
                        body: "Kuis latihan dari bank soal Moodle XML.")
                ]),
        ],
        quiz: DemoQuiz(
            title: "Kuis Manajemen Waktu", intro: "Latihan singkat tentang prioritas dan perencanaan kerja.",
            draws: [("Manajemen Waktu/Prioritas", 3), ("Manajemen Waktu/Perencanaan Kerja", 2)],
            settings: QuizSettings(passMark: 60)))

    /// How far each demo learner has got: the first finishes the course, the rest stop on the
    /// way, so the learner list and the dashboards show every state.
    public enum Progress: Sendable, Equatable {
        case finished
        /// Done with this many lessons (in course order), the last one opened only.
        case doneThrough(Int)
        case enrolledOnly
    }

    public static let learnerProgress: [Progress] = [
        .finished, .doneThrough(7), .doneThrough(4), .doneThrough(3), .doneThrough(1), .doneThrough(0),
        .enrolledOnly, .enrolledOnly,
    ]

    /// Which of the demo's civil servants take the course: spread over the list, so over OPDs.
    public static func learners(from nips: [String]) -> [String] {
        let sorted = nips.sorted()
        guard !sorted.isEmpty else { return [] }
        let step = max(1, sorted.count / learnerProgress.count)
        return Array(
            stride(from: step / 2, to: sorted.count, by: step).map { sorted[$0] }.prefix(learnerProgress.count))
    }
}
