/// Demo programmes for the training pillar and a year of past learning, so that the
/// catalogue, the JP dashboards and the at-risk list have something to show.
public struct DemoProgramme: Sendable, Equatable {
    public let title: String
    public let description: String
    public let formCode: String
    public let competencyKind: String
    public let competencies: [String]
    public let jp: Double
    public let organiserCode: String?
    public let capacity: Int
    /// Days from the demo's "today" to the first session, and how many daily sessions.
    public let startsInDays: Int
    public let sessions: Int
}

public struct DemoPastLearning: Sendable, Equatable {
    public let nip: String
    public let title: String
    public let organiser: String
    public let formCode: String
    public let jp: Double
    /// Days before the demo's "today".
    public let daysAgo: Int
}

public enum KupangTrainingDemo {
    public static let programmes: [DemoProgramme] = [
        DemoProgramme(
            title: "Lokakarya Kepemimpinan Pelayanan Publik",
            description: "Lokakarya dua hari bagi pejabat pengawas dan administrator: memimpin tim pelayanan, "
                + "mengambil keputusan, dan mengelola perubahan di unit kerja.",
            formCode: "KL07", competencyKind: "manajerial",
            competencies: ["Pelayanan Publik", "Pengambilan Keputusan", "Mengelola Perubahan"], jp: 10,
            organiserCode: "BKPPD", capacity: 30, startsInDays: 21, sessions: 2),
        DemoProgramme(
            title: "Komunikasi Efektif di Tempat Kerja",
            description: "Pelatihan teknis komunikasi lisan dan tertulis, menulis nota dinas, dan presentasi singkat.",
            formCode: "KL03", competencyKind: "manajerial", competencies: ["Komunikasi", "Kerja Sama"], jp: 24,
            organiserCode: "BKPPD", capacity: 25, startsInDays: 35, sessions: 3),
        DemoProgramme(
            title: "Manajemen Waktu dan Prioritas Kerja",
            description:
                "Belajar mandiri daring: merencanakan pekerjaan, menetapkan prioritas, dan menghindari penundaan.",
            formCode: "NKL03", competencyKind: "manajerial", competencies: ["Orientasi pada Hasil"], jp: 8,
            organiserCode: "BKPPD", capacity: 200, startsInDays: 10, sessions: 1),
        DemoProgramme(
            title: "Bimtek Pemanfaatan TIK dalam Pembelajaran",
            description: "Bimbingan teknis bagi guru: kelas digital, bahan ajar interaktif, dan penilaian daring.",
            formCode: "KL10", competencyKind: "teknis", competencies: ["Pemanfaatan TIK untuk Pembelajaran"], jp: 16,
            organiserCode: "DISDIKBUD", capacity: 40, startsInDays: 28, sessions: 2),
        DemoProgramme(
            title: "Seminar Nasional Inovasi Pelayanan Kesehatan Primer",
            description: "Seminar satu hari tentang inovasi puskesmas dan pelayanan kesehatan berbasis data.",
            formCode: "KL06", competencyKind: "teknis", competencies: ["Pelayanan Kesehatan Primer"], jp: 4,
            organiserCode: "DINKES", capacity: 100, startsInDays: 45, sessions: 1),
    ]

    private static let pastTitles: [(String, String, String, Double)] = [
        ("Webinar Penyusunan SKP", "BKN Kantor Regional X", "NKL04", 2),
        ("Pelatihan Pengelolaan Keuangan Daerah", "BPSDMD Provinsi NTT", "KL03", 24),
        ("Kursus Daring Literasi Digital ASN", "LAN RI", "NKL03", 10),
        ("Sosialisasi Manajemen Risiko", "Inspektorat Kota Kupang", "KL11", 4),
        ("Bimtek Arsip Dinamis", "ANRI", "KL10", 16),
        ("Seminar Pelayanan Publik Inklusif", "Universitas Nusa Cendana", "KL06", 4),
    ]

    /// Past learning for about two thirds of `nips`, some already past 20 JP, many not.
    public static func pastLearning(for nips: [String]) -> [DemoPastLearning] {
        var random = DemoRandom(seed: 0x4C4F_4E54_4152)
        var result: [DemoPastLearning] = []
        for nip in nips where random.chance(0.67) {
            for _ in 0..<random.int(1...3) {
                let (title, organiser, form, jp) = random.pick(pastTitles)
                result.append(
                    DemoPastLearning(
                        nip: nip, title: title, organiser: organiser, formCode: form, jp: jp,
                        daysAgo: random.int(7...300)))
            }
        }
        return result
    }
}
