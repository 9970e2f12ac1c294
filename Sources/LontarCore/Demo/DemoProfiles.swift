// What kind of person fills a post: title, position kind, grades, degrees, age.

/// Academic titles written before and after a name.
struct DemoTitles: Sendable {
    let front: String?
    let back: String?

    static func back(_ text: String?) -> DemoTitles { DemoTitles(front: nil, back: text) }
    static func both(_ front: String, _ back: String?) -> DemoTitles { DemoTitles(front: front, back: back) }
}

/// The template for one post: the jabatan and who typically holds it.
struct DemoProfile: Sendable {
    let title: String
    let kind: String
    /// PNS golongan ruang, lowest first; older holders get the higher ones.
    let pnsGrades: [String]
    /// PPPK golongan if the post is filled by PPPK at all.
    let pppkGrade: String?
    let pppkShare: Double
    let femaleShare: Double
    let titles: [DemoTitles]
    let ages: ClosedRange<Int>

    init(
        _ title: String, _ kind: String, _ pnsGrades: [String], pppk: String? = nil,
        share: Double = 0, female: Double = 0.5, titles: [DemoTitles], ages: ClosedRange<Int>
    ) {
        self.title = title
        self.kind = kind
        self.pnsGrades = pnsGrades
        self.pppkGrade = pppk
        self.pppkShare = pppk == nil ? 0 : share
        self.femaleShare = female
        self.titles = titles
        self.ages = ages
    }
}

/// Staff posts (pelaksana and fungsional) used across the agencies.
enum DemoStaffRole: Sendable {
    case analisKepegawaian, pengadministrasi, pengelolaKeuangan, bendahara, penataLayanan
    case pengolahData, pengelolaBarang, operatorLayanan, arsiparis
    case pranataKomputer, analisKebijakan, perencana, perencanaMuda, widyaiswara
    case perancang, pranataHumas, statistisi, analisKeuangan, pengelolaPengadaan
    case guruPertama, guruMuda, guruMadya, pamongBudaya
    case dokter, dokterGigi, perawatTerampil, perawatPertama, bidanTerampil, bidanPertama
    case apoteker, pranataLab, nutrisionis, sanitarian, epidemiolog
    case pekerjaSosial, penyuluhSosial, penggerakSwadaya
    case teknikJalan, teknikPengairan, penataRuang, pengawasLingkungan, adminKependudukan

    var profile: DemoProfile {
        let b = DemoTitles.back
        switch self {
        case .analisKepegawaian:
            return DemoProfile(
                "Analis Kepegawaian", "pelaksana", ["III/a", "III/b"], female: 0.55,
                titles: [b("S.Sos."), b("S.E."), b("S.H."), b("S.A.P.")], ages: 26...50)
        case .pengadministrasi:
            return DemoProfile(
                "Pengadministrasi Perkantoran", "pelaksana", ["II/c", "II/d", "III/a"],
                pppk: "V", share: 0.25, titles: [b(nil), b(nil), b("A.Md.")], ages: 24...55)
        case .pengelolaKeuangan:
            return DemoProfile(
                "Pengelola Keuangan", "pelaksana", ["II/d", "III/a", "III/b"], female: 0.6,
                titles: [b("S.E."), b("S.Ak."), b("A.Md.")], ages: 26...52)
        case .bendahara:
            return DemoProfile(
                "Bendahara", "pelaksana", ["III/a", "III/b"], female: 0.65,
                titles: [b("S.E."), b("S.Ak.")], ages: 28...52)
        case .penataLayanan:
            return DemoProfile(
                "Penata Layanan Operasional", "pelaksana", ["III/a", "III/b"],
                pppk: "VII", share: 0.2, titles: [b("S.Sos."), b("S.A.P."), b("S.I.P.")], ages: 25...50)
        case .pengolahData:
            return DemoProfile(
                "Pengolah Data dan Informasi", "pelaksana", ["II/c", "II/d", "III/a"],
                pppk: "V", share: 0.2, titles: [b(nil), b("A.Md."), b("S.Kom.")], ages: 24...48)
        case .pengelolaBarang:
            return DemoProfile(
                "Pengelola Barang Milik Daerah", "pelaksana", ["II/d", "III/a", "III/b"],
                titles: [b("S.E."), b("A.Md.")], ages: 27...54)
        case .operatorLayanan:
            return DemoProfile(
                "Operator Layanan Operasional", "pelaksana", ["II/c", "II/d"],
                pppk: "V", share: 0.4, female: 0.35, titles: [b(nil)], ages: 24...55)
        case .arsiparis:
            return DemoProfile(
                "Arsiparis Terampil", "fungsional", ["II/c", "II/d", "III/a"], female: 0.6,
                titles: [b("A.Md.")], ages: 26...52)
        case .pranataKomputer:
            return DemoProfile(
                "Pranata Komputer Ahli Pertama", "fungsional", ["III/a", "III/b"],
                pppk: "IX", share: 0.3, female: 0.35, titles: [b("S.Kom."), b("S.T.")], ages: 25...45)
        case .analisKebijakan:
            return DemoProfile(
                "Analis Kebijakan Ahli Muda", "fungsional", ["III/c", "III/d", "IV/a"], female: 0.45,
                titles: [b("S.Sos., M.Si."), b("S.H., M.H."), b("S.E., M.M.")], ages: 36...56)
        case .perencana:
            return DemoProfile(
                "Perencana Ahli Pertama", "fungsional", ["III/a", "III/b"],
                titles: [b("S.E."), b("S.T."), b("S.P.W.K.")], ages: 25...45)
        case .perencanaMuda:
            return DemoProfile(
                "Perencana Ahli Muda", "fungsional", ["III/c", "III/d"],
                titles: [b("S.E., M.Si."), b("S.T., M.T.")], ages: 35...55)
        case .widyaiswara:
            return DemoProfile(
                "Widyaiswara Ahli Muda", "fungsional", ["III/c", "III/d", "IV/a"],
                titles: [b("S.Pd., M.Pd."), b("S.Sos., M.Si.")], ages: 38...57)
        case .perancang:
            return DemoProfile(
                "Perancang Peraturan Perundang-undangan Ahli Pertama", "fungsional",
                ["III/a", "III/b"], titles: [b("S.H.")], ages: 25...45)
        case .pranataHumas:
            return DemoProfile(
                "Pranata Hubungan Masyarakat Ahli Pertama", "fungsional", ["III/a", "III/b"],
                pppk: "IX", share: 0.2, titles: [b("S.I.Kom."), b("S.Sos.")], ages: 25...45)
        case .statistisi:
            return DemoProfile(
                "Statistisi Ahli Pertama", "fungsional", ["III/a", "III/b"],
                titles: [b("S.Si."), b("S.Stat.")], ages: 25...45)
        case .analisKeuangan:
            return DemoProfile(
                "Analis Keuangan Pusat dan Daerah Ahli Pertama", "fungsional", ["III/a", "III/b"],
                female: 0.6, titles: [b("S.E."), b("S.Ak.")], ages: 25...46)
        case .pengelolaPengadaan:
            return DemoProfile(
                "Pengelola Pengadaan Barang/Jasa Ahli Pertama", "fungsional", ["III/a", "III/b"],
                titles: [b("S.E."), b("S.T.")], ages: 27...48)
        case .guruPertama:
            return DemoProfile(
                "Guru Ahli Pertama", "fungsional", ["III/a", "III/b"], pppk: "IX", share: 0.85,
                female: 0.7, titles: [b("S.Pd.")], ages: 24...45)
        case .guruMuda:
            return DemoProfile(
                "Guru Ahli Muda", "fungsional", ["III/c", "III/d"], pppk: "X", share: 0.1,
                female: 0.65, titles: [b("S.Pd."), b("S.Pd."), b("S.Pd., M.Pd.")], ages: 34...55)
        case .guruMadya:
            return DemoProfile(
                "Guru Ahli Madya", "fungsional", ["IV/a", "IV/b"], female: 0.6,
                titles: [b("S.Pd."), b("S.Pd., M.Pd.")], ages: 45...58)
        case .pamongBudaya:
            return DemoProfile(
                "Pamong Budaya Ahli Pertama", "fungsional", ["III/a", "III/b"],
                titles: [b("S.S."), b("S.Sn."), b("S.Pd.")], ages: 25...45)
        case .dokter:
            return DemoProfile(
                "Dokter Ahli Pertama", "fungsional", ["III/b", "III/c"], female: 0.6,
                titles: [.both("dr.", nil)], ages: 27...45)
        case .dokterGigi:
            return DemoProfile(
                "Dokter Gigi Ahli Pertama", "fungsional", ["III/b", "III/c"], female: 0.7,
                titles: [.both("drg.", nil)], ages: 27...45)
        case .perawatTerampil:
            return DemoProfile(
                "Perawat Terampil", "fungsional", ["II/c", "II/d", "III/a", "III/b"], pppk: "VII",
                share: 0.65, female: 0.7, titles: [b("A.Md.Kep.")], ages: 24...52)
        case .perawatPertama:
            return DemoProfile(
                "Perawat Ahli Pertama", "fungsional", ["III/a", "III/b"], pppk: "IX", share: 0.5,
                female: 0.65, titles: [b("S.Kep., Ns.")], ages: 25...45)
        case .bidanTerampil:
            return DemoProfile(
                "Bidan Terampil", "fungsional", ["II/c", "II/d", "III/a", "III/b"], pppk: "VII",
                share: 0.65, female: 1, titles: [b("A.Md.Keb.")], ages: 24...52)
        case .bidanPertama:
            return DemoProfile(
                "Bidan Ahli Pertama", "fungsional", ["III/a", "III/b"], pppk: "IX", share: 0.5,
                female: 1, titles: [b("S.Tr.Keb."), b("S.Keb., Bd.")], ages: 25...45)
        case .apoteker:
            return DemoProfile(
                "Apoteker Ahli Pertama", "fungsional", ["III/a", "III/b"], female: 0.7,
                titles: [.both("apt.", "S.Farm.")], ages: 26...45)
        case .pranataLab:
            return DemoProfile(
                "Pranata Laboratorium Kesehatan Terampil", "fungsional", ["II/c", "II/d", "III/a"],
                pppk: "VII", share: 0.3, female: 0.6, titles: [b("A.Md.A.K.")], ages: 24...50)
        case .nutrisionis:
            return DemoProfile(
                "Nutrisionis Terampil", "fungsional", ["II/c", "II/d", "III/a"], pppk: "VII",
                share: 0.3, female: 0.8, titles: [b("A.Md.Gz.")], ages: 24...50)
        case .sanitarian:
            return DemoProfile(
                "Tenaga Sanitasi Lingkungan Terampil", "fungsional", ["II/c", "II/d", "III/a"],
                pppk: "VII", share: 0.3, titles: [b("A.Md.K.L.")], ages: 24...50)
        case .epidemiolog:
            return DemoProfile(
                "Epidemiolog Kesehatan Ahli Pertama", "fungsional", ["III/a", "III/b"],
                titles: [b("S.K.M.")], ages: 25...45)
        case .pekerjaSosial:
            return DemoProfile(
                "Pekerja Sosial Ahli Pertama", "fungsional", ["III/a", "III/b"], pppk: "IX",
                share: 0.25, female: 0.6, titles: [b("S.Sos."), b("S.Tr.Sos.")], ages: 25...45)
        case .penyuluhSosial:
            return DemoProfile(
                "Penyuluh Sosial Ahli Pertama", "fungsional", ["III/a", "III/b"], pppk: "IX",
                share: 0.25, titles: [b("S.Sos.")], ages: 25...45)
        case .penggerakSwadaya:
            return DemoProfile(
                "Penggerak Swadaya Masyarakat Ahli Pertama", "fungsional", ["III/a", "III/b"],
                titles: [b("S.Sos."), b("S.P.")], ages: 26...48)
        case .teknikJalan:
            return DemoProfile(
                "Teknik Jalan dan Jembatan Ahli Pertama", "fungsional", ["III/a", "III/b"],
                female: 0.25, titles: [b("S.T.")], ages: 25...45)
        case .teknikPengairan:
            return DemoProfile(
                "Teknik Pengairan Ahli Pertama", "fungsional", ["III/a", "III/b"],
                female: 0.25, titles: [b("S.T.")], ages: 25...45)
        case .penataRuang:
            return DemoProfile(
                "Penata Ruang Ahli Pertama", "fungsional", ["III/a", "III/b"], female: 0.4,
                titles: [b("S.T."), b("S.P.W.K.")], ages: 25...45)
        case .pengawasLingkungan:
            return DemoProfile(
                "Pengawas Lingkungan Hidup Ahli Pertama", "fungsional", ["III/a", "III/b"],
                titles: [b("S.T."), b("S.Si.")], ages: 25...45)
        case .adminKependudukan:
            return DemoProfile(
                "Administrator Database Kependudukan Ahli Pertama", "fungsional", ["III/a", "III/b"],
                pppk: "IX", share: 0.2, female: 0.4, titles: [b("S.Kom.")], ages: 25...45)
        }
    }
}
