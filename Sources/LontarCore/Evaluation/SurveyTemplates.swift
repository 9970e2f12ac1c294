import Foundation

/// The ready-made instruments, in Indonesian as agencies use them. They are content, not
/// interface text: an evaluator copies one into a new survey and edits it freely.
public enum SurveyTemplate: String, Sendable, CaseIterable, Codable {
    /// L1: reaction at the end of a class or course.
    case reaction
    /// L3: the alumnus, months later.
    case behaviourAlumnus
    /// L3: the alumnus's supervisor, separately.
    case behaviourSupervisor

    public var definition: SurveyDefinition {
        switch self {
        case .reaction: Self.reactionSurvey
        case .behaviourAlumnus: Self.alumnusSurvey
        case .behaviourSupervisor: Self.supervisorSurvey
        }
    }

    private static func likert(_ key: String, _ prompt: String, aspect: String) -> SurveyItem {
        SurveyItem(key: key, kind: .likert4, prompt: prompt, aspect: aspect)
    }

    static let reactionSurvey = SurveyDefinition(sections: [
        SurveySection(
            title: "Materi",
            items: [
                likert("materi.relevan", "Materi sesuai dengan kebutuhan tugas saya.", aspect: "materi"),
                likert("materi.jelas", "Materi disusun dengan jelas dan runtut.", aspect: "materi"),
                likert("materi.terap", "Materi dapat saya terapkan di tempat kerja.", aspect: "materi"),
            ]),
        SurveySection(
            title: "Fasilitator",
            items: [
                SurveyItem(
                    key: "fasilitator.nilai", kind: .facilitatorRating,
                    prompt: "Beri nilai 1–5 untuk setiap fasilitator.", aspect: "fasilitator"),
                likert("fasilitator.kuasai", "Fasilitator menguasai materi.", aspect: "fasilitator"),
                likert(
                    "fasilitator.interaksi", "Fasilitator mendorong diskusi dan tanya jawab.",
                    aspect: "fasilitator"),
            ]),
        SurveySection(
            title: "Penyelenggaraan",
            items: [
                likert("penyelenggaraan.jadwal", "Jadwal dan waktu pelatihan tepat.", aspect: "penyelenggaraan"),
                likert(
                    "penyelenggaraan.informasi", "Informasi dari panitia jelas dan tepat waktu.",
                    aspect: "penyelenggaraan"),
            ]),
        SurveySection(
            title: "Sarana dan prasarana",
            items: [
                likert("sarana.ruang", "Ruang dan perlengkapan belajar memadai.", aspect: "sarana"),
                likert("sarana.bahan", "Bahan ajar mudah diakses, juga dari ponsel.", aspect: "sarana"),
            ]),
        SurveySection(
            title: "Keseluruhan",
            items: [
                likert("keseluruhan.puas", "Secara keseluruhan saya puas dengan pelatihan ini.", aspect: "keseluruhan"),
                likert(
                    "keseluruhan.rekomendasi", "Saya akan merekomendasikan pelatihan ini kepada rekan.",
                    aspect: "keseluruhan"),
                SurveyItem(
                    key: "saran.baik", kind: .text, prompt: "Apa yang paling bermanfaat?", required: false,
                    aspect: "kebutuhan"),
                SurveyItem(
                    key: "saran.perbaikan", kind: .text, prompt: "Apa yang perlu diperbaiki atau ditambahkan?",
                    required: false, aspect: "kebutuhan"),
            ]),
    ])

    static let alumnusSurvey = SurveyDefinition(sections: [
        SurveySection(
            title: "Penerapan di tempat kerja",
            items: [
                likert(
                    "penerapan.sering", "Saya menerapkan hasil pelatihan dalam pekerjaan sehari-hari.",
                    aspect: "penerapan"),
                likert("penerapan.kinerja", "Hasil pelatihan meningkatkan kinerja saya.", aspect: "penerapan"),
                likert("penerapan.dukungan", "Atasan dan rekan mendukung penerapannya.", aspect: "dukungan"),
                SurveyItem(
                    key: "penerapan.contoh", kind: .text, prompt: "Beri satu contoh penerapan.", required: false,
                    aspect: "contoh"),
            ]),
        // The plan question stands alone: an alumnus without a plan is not asked it, and the
        // section goes with it (see SurveyAnswering.context).
        SurveySection(
            title: "Rencana aksi",
            items: [
                SurveyItem(
                    key: "rencana.status", kind: .single, prompt: "Bagaimana rencana aksi Anda berjalan?",
                    options: ["Selesai", "Sebagian berjalan", "Belum berjalan", "Tidak relevan lagi"],
                    aspect: "rencanaAksi")
            ]),
        SurveySection(
            title: "Hambatan dan kebutuhan",
            items: [
                SurveyItem(
                    key: "rencana.hambatan", kind: .multiple,
                    prompt: "Hambatan dalam menerapkan hasil pelatihan (boleh lebih dari satu)",
                    options: [
                        "Waktu", "Anggaran", "Dukungan atasan", "Sarana", "Pengetahuan yang belum cukup", "Tidak ada",
                    ],
                    required: false, aspect: "hambatan"),
                SurveyItem(
                    key: "kebutuhan.lanjut", kind: .text, prompt: "Pelatihan lanjutan apa yang Anda butuhkan?",
                    required: false, aspect: "kebutuhan"),
            ]),
    ])

    static let supervisorSurvey = SurveyDefinition(sections: [
        SurveySection(
            title: "Perubahan perilaku kerja",
            items: [
                likert(
                    "penerapan.sering", "Pegawai menerapkan hasil pelatihan dalam pekerjaannya.", aspect: "penerapan"),
                likert("penerapan.kinerja", "Kinerja pegawai meningkat sejak pelatihan.", aspect: "penerapan"),
                likert("penerapan.berbagi", "Pegawai berbagi pengetahuan dengan rekan kerja.", aspect: "penerapan"),
            ]),
        SurveySection(
            title: "Rencana aksi",
            items: [
                SurveyItem(
                    key: "rencana.status", kind: .single, prompt: "Bagaimana rencana aksi pegawai berjalan?",
                    options: ["Selesai", "Sebagian berjalan", "Belum berjalan", "Tidak relevan lagi"],
                    aspect: "rencanaAksi")
            ]),
        SurveySection(
            title: "Kebutuhan pengembangan",
            items: [
                SurveyItem(
                    key: "kebutuhan.lanjut", kind: .text, prompt: "Kompetensi apa yang masih perlu dikembangkan?",
                    required: false, aspect: "kebutuhan")
            ]),
    ])
}
