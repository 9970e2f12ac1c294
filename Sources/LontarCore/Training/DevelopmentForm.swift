import Foundation

/// The two paths of competency development (PP 11/2017 art. 210 as amended by
/// PP 17/2020): *pendidikan* is formal degree study (tugas belajar), *pelatihan*
/// everything else. Only pelatihan has the KL/NKL form codes below.
public enum DevelopmentPath: String, CaseIterable, Sendable, Codable {
    case pelatihan
    case pendidikan
}

/// Pelatihan is *klasikal* (face to face, in class) or *nonklasikal* (learning at work
/// or outside class), the split Peraturan LAN 10/2018 draws.
public enum DeliveryMode: String, CaseIterable, Sendable, Codable {
    case klasikal
    case nonklasikal
}

/// One official form of pelatihan with the code agencies use for it (Peraturan LAN
/// 10/2018). The list is fixed by regulation, so it lives in code rather than in the
/// database: a programme stores only the code.
public struct DevelopmentForm: Sendable, Hashable, Codable, Identifiable {
    /// "KL01" … "KL12", "NKL01" … "NKL13".
    public let code: String
    /// The official Indonesian name, as printed on certificates and in SIASN.
    public let name: String
    public let englishName: String
    public let mode: DeliveryMode

    public var id: String { code }

    public init(code: String, name: String, englishName: String, mode: DeliveryMode) {
        self.code = code
        self.name = name
        self.englishName = englishName
        self.mode = mode
    }

    /// Which JP conversion applies. Seminars and workshops are credited per day
    /// because they rarely state JP themselves; every other form carries the JP its
    /// programme defines (see `JPRuleSet`).
    public var conversionKind: JPConversionKind {
        switch code {
        case "KL06": .seminar
        case "KL07": .workshop
        default: .structured
        }
    }

    /// All 25 forms in the order of the regulation: the classroom forms, then the others.
    public static let all: [DevelopmentForm] = classroom + nonClassroom

    private static let classroom: [DevelopmentForm] = [
        ("KL01", "Pelatihan Struktural Kepemimpinan", "Structural leadership training"),
        ("KL02", "Pelatihan Manajerial", "Managerial training"),
        ("KL03", "Pelatihan Teknis", "Technical training"),
        ("KL04", "Pelatihan Fungsional", "Functional training"),
        ("KL05", "Pelatihan Sosial Kultural", "Socio-cultural training"),
        ("KL06", "Seminar/Konferensi/Sarasehan", "Seminar/conference/discussion forum"),
        ("KL07", "Workshop/Lokakarya", "Workshop"),
        ("KL08", "Kursus", "Course"),
        ("KL09", "Penataran", "Upgrading course"),
        ("KL10", "Bimbingan Teknis", "Technical guidance"),
        ("KL11", "Sosialisasi", "Socialisation"),
        ("KL12", "Klasikal lainnya", "Other classroom learning"),
    ].map { DevelopmentForm(code: $0.0, name: $0.1, englishName: $0.2, mode: .klasikal) }

    private static let nonClassroom: [DevelopmentForm] = [
        ("NKL01", "Coaching", "Coaching"),
        ("NKL02", "Mentoring", "Mentoring"),
        ("NKL03", "E-learning", "E-learning"),
        ("NKL04", "Pelatihan Jarak Jauh", "Distance training"),
        ("NKL05", "Detasering", "Secondment"),
        ("NKL06", "Pembelajaran Alam Terbuka", "Outdoor learning (outbound)"),
        ("NKL07", "Patok Banding", "Benchmarking"),
        ("NKL08", "Pertukaran PNS dengan pegawai swasta/BUMN/BUMD", "Staff exchange with private or state-owned firms"),
        ("NKL09", "Belajar Mandiri", "Self-directed learning"),
        ("NKL10", "Komunitas Belajar", "Community of practice"),
        ("NKL11", "Bimbingan di Tempat Kerja", "On-the-job guidance"),
        ("NKL12", "Magang/Praktik Kerja", "Internship/work placement"),
        ("NKL13", "Nonklasikal lainnya", "Other non-classroom learning"),
    ].map { DevelopmentForm(code: $0.0, name: $0.1, englishName: $0.2, mode: .nonklasikal) }

    private static let byCode: [String: DevelopmentForm] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// Finds a form by its code as people type it: " kl06 " finds KL06.
    public static func find(_ code: String) -> DevelopmentForm? {
        byCode[code.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()]
    }
}
