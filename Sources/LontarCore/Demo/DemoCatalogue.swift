// The Kota Kupang agencies (OPD) of the demo dataset, their units and staffing.
// SETDA comes first: the Sekretaris Daerah supervises the heads of all other OPDs.

private func b(_ text: String) -> DemoTitles { .back(text) }

private enum Degrees {
    static let general = (
        masters: [b("S.Sos., M.Si."), b("S.H., M.H."), b("S.E., M.M."), b("S.IP., M.Si.")],
        bachelors: [b("S.Sos."), b("S.H."), b("S.E."), b("S.IP.")]
    )
    static let staffing = (
        masters: [b("S.Sos., M.Si."), b("S.Psi., M.Psi."), b("S.H., M.H."), b("S.Pd., M.Pd.")],
        bachelors: [b("S.Sos."), b("S.H."), b("S.Psi.")]
    )
    static let health = (
        masters: [b("S.K.M., M.Kes."), .both("dr.", "M.Kes."), b("S.Kep., Ns., M.Kep.")],
        bachelors: [b("S.K.M."), b("S.Kep., Ns."), b("S.K.M.")]
    )
    static let education = (
        masters: [b("S.Pd., M.Pd."), b("S.Pd., M.Si."), b("S.Sos., M.Si.")],
        bachelors: [b("S.Pd."), b("S.Sos.")]
    )
    static let works = (
        masters: [b("S.T., M.T."), .both("Ir.", "M.T."), b("S.T., M.Si.")],
        bachelors: [b("S.T."), b("S.T."), b("S.E.")]
    )
    static let finance = (
        masters: [b("S.E., M.Si."), b("S.E., M.M."), b("S.Ak., M.Ak.")],
        bachelors: [b("S.E."), b("S.Ak.")]
    )
    static let informatics = (
        masters: [b("S.Kom., M.Kom."), b("S.Kom., M.T."), b("S.Sos., M.Si.")],
        bachelors: [b("S.Kom."), b("S.T."), b("S.Sos.")]
    )
    static let planning = (
        masters: [b("S.E., M.Si."), b("S.T., M.T."), b("S.P., M.Si.")],
        bachelors: [b("S.E."), b("S.T."), b("S.P.W.K.")]
    )
    static let environment = (
        masters: [b("S.T., M.Sc."), b("S.Si., M.Si."), b("S.Sos., M.Si.")],
        bachelors: [b("S.T."), b("S.Si."), b("S.Sos.")]
    )
}

extension DemoAgencyPlan {
    private init(
        _ code: String, _ name: String, _ head: DemoHeadKind,
        _ degrees: (masters: [DemoTitles], bachelors: [DemoTitles]), _ units: [DemoUnitPlan]
    ) {
        self.init(
            code: code, name: name, head: head, masters: degrees.masters,
            bachelors: degrees.bachelors, units: units)
    }

    static let kupang: [DemoAgencyPlan] = [
        DemoAgencyPlan(
            "SETDA", "Sekretariat Daerah", .sekda, Degrees.general,
            [
                .unit("Bagian Organisasi", .bagian, [(.analisKebijakan, 1), (.penataLayanan, 2)]),
                .unit("Bagian Hukum", .bagian, [(.perancang, 2), (.penataLayanan, 1)]),
                .unit("Bagian Pemerintahan", .bagian, [(.pengadministrasi, 2)]),
                .unit("Bagian Umum", .bagian, [(.pengadministrasi, 1), (.operatorLayanan, 1)]),
                .unit(
                    "Subbagian Tata Usaha Pimpinan", .subbagian, in: "Bagian Umum",
                    [(.pengadministrasi, 2), (.arsiparis, 1)]),
                .unit("Bagian Perencanaan dan Keuangan", .bagian, [(.pengelolaKeuangan, 2), (.bendahara, 1)]),
            ]),
        DemoAgencyPlan(
            "BKPPD", "Badan Kepegawaian, Pendidikan dan Pelatihan Daerah", .kepala, Degrees.staffing,
            [
                .unit("Sekretariat", .sekretariat, [(.bendahara, 1)]),
                .unit(
                    "Subbagian Umum dan Kepegawaian", .subbagian, in: "Sekretariat",
                    [(.analisKepegawaian, 2), (.pengadministrasi, 2)]),
                .unit(
                    "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", .bidang,
                    [(.analisKepegawaian, 2), (.pranataKomputer, 2)]),
                .unit("Bidang Mutasi dan Promosi", .bidang, [(.analisKepegawaian, 2)]),
                .unit("Bidang Pengembangan Kompetensi Aparatur", .bidang, [(.widyaiswara, 2)]),
                .unit(
                    "Seksi Pendidikan dan Pelatihan", .seksi, in: "Bidang Pengembangan Kompetensi Aparatur",
                    [(.analisKepegawaian, 2), (.pengolahData, 1)]),
                .unit(
                    "Bidang Penilaian Kinerja Aparatur dan Penghargaan", .bidang,
                    [(.analisKepegawaian, 2), (.pengadministrasi, 1)]),
            ]),
        DemoAgencyPlan(
            "DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", .kepala, Degrees.education,
            [
                .unit("Sekretariat", .sekretariat, [(.bendahara, 1), (.perencana, 1)]),
                .unit(
                    "Subbagian Umum dan Kepegawaian", .subbagian, in: "Sekretariat",
                    [(.analisKepegawaian, 2), (.pengadministrasi, 2)]),
                .unit("Bidang Pembinaan Sekolah Dasar", .bidang, [(.pengolahData, 1)]),
                .unit(
                    "SD Negeri Oebobo 1", .school, in: "Bidang Pembinaan Sekolah Dasar",
                    [(.guruPertama, 6), (.guruMuda, 2), (.guruMadya, 1), (.operatorLayanan, 1)]),
                .unit(
                    "SD Negeri Bakunase 1", .school, in: "Bidang Pembinaan Sekolah Dasar",
                    [(.guruPertama, 5), (.guruMuda, 2), (.guruMadya, 1)]),
                .unit("Bidang Pembinaan Sekolah Menengah Pertama", .bidang, [(.pengolahData, 1)]),
                .unit(
                    "SMP Negeri 1 Kupang", .school, in: "Bidang Pembinaan Sekolah Menengah Pertama",
                    [(.guruPertama, 7), (.guruMuda, 3), (.guruMadya, 2), (.pengadministrasi, 1)]),
                .unit(
                    "SMP Negeri 2 Kupang", .school, in: "Bidang Pembinaan Sekolah Menengah Pertama",
                    [(.guruPertama, 6), (.guruMuda, 2), (.guruMadya, 1), (.pengadministrasi, 1)]),
                .unit("Bidang Kebudayaan", .bidang, [(.pamongBudaya, 1)]),
                .unit(
                    "Seksi Cagar Budaya dan Permuseuman", .seksi, in: "Bidang Kebudayaan",
                    [(.pamongBudaya, 1), (.pengadministrasi, 1)]),
            ]),
        DemoAgencyPlan(
            "DINKES", "Dinas Kesehatan", .kepala, Degrees.health,
            [
                .unit("Sekretariat", .sekretariat, [(.bendahara, 1)]),
                .unit(
                    "Subbagian Umum dan Kepegawaian", .subbagian, in: "Sekretariat",
                    [(.analisKepegawaian, 2), (.pengadministrasi, 1)]),
                .unit(
                    "Subbagian Perencanaan dan Keuangan", .subbagian, in: "Sekretariat",
                    [(.pengelolaKeuangan, 1), (.perencana, 1)]),
                .unit("Bidang Pelayanan Kesehatan", .bidang, [(.apoteker, 1)]),
                .unit(
                    "Seksi Pelayanan Kesehatan Primer", .seksi, in: "Bidang Pelayanan Kesehatan",
                    [(.pengolahData, 1), (.perawatPertama, 1)]),
                .unit(
                    "Puskesmas Oebobo", .puskesmas, in: "Bidang Pelayanan Kesehatan",
                    [
                        (.dokter, 2), (.dokterGigi, 1), (.perawatPertama, 2), (.perawatTerampil, 3),
                        (.bidanPertama, 1), (.bidanTerampil, 3), (.pranataLab, 1), (.nutrisionis, 1),
                    ]),
                .unit(
                    "Puskesmas Sikumana", .puskesmas, in: "Bidang Pelayanan Kesehatan",
                    [
                        (.dokter, 1), (.perawatPertama, 2), (.perawatTerampil, 3), (.bidanPertama, 1),
                        (.bidanTerampil, 2), (.sanitarian, 1), (.pengadministrasi, 1),
                    ]),
                .unit(
                    "Puskesmas Oesapa", .puskesmas, in: "Bidang Pelayanan Kesehatan",
                    [(.dokter, 1), (.perawatPertama, 1), (.perawatTerampil, 3), (.bidanTerampil, 3), (.apoteker, 1)]),
                .unit("Bidang Kesehatan Masyarakat", .bidang, [(.nutrisionis, 1)]),
                .unit(
                    "Seksi Kesehatan Keluarga dan Gizi", .seksi, in: "Bidang Kesehatan Masyarakat",
                    [(.bidanPertama, 1), (.nutrisionis, 1)]),
                .unit("Bidang Pencegahan dan Pengendalian Penyakit", .bidang, [(.epidemiolog, 2), (.sanitarian, 1)]),
            ]),
        DemoAgencyPlan(
            "DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", .kepala, Degrees.works,
            [
                .unit(
                    "Sekretariat", .sekretariat,
                    [(.pengelolaKeuangan, 1), (.pengadministrasi, 1), (.pengelolaPengadaan, 1)]),
                .unit("Bidang Bina Marga", .bidang, [(.teknikJalan, 1)]),
                .unit(
                    "Seksi Pembangunan Jalan dan Jembatan", .seksi, in: "Bidang Bina Marga",
                    [(.teknikJalan, 2), (.operatorLayanan, 1)]),
                .unit("Bidang Sumber Daya Air", .bidang, [(.teknikPengairan, 2)]),
                .unit("Bidang Cipta Karya", .bidang, [(.penataLayanan, 1), (.pengelolaBarang, 1)]),
                .unit("Bidang Penataan Ruang", .bidang, [(.penataRuang, 2)]),
            ]),
        DemoAgencyPlan(
            "DINSOS", "Dinas Sosial", .kepala, Degrees.general,
            [
                .unit("Sekretariat", .sekretariat, [(.pengelolaKeuangan, 1), (.pengadministrasi, 1)]),
                .unit("Bidang Rehabilitasi Sosial", .bidang, [(.pekerjaSosial, 2)]),
                .unit(
                    "Seksi Rehabilitasi Sosial Anak dan Lanjut Usia", .seksi, in: "Bidang Rehabilitasi Sosial",
                    [(.pekerjaSosial, 1)]),
                .unit("Bidang Perlindungan dan Jaminan Sosial", .bidang, [(.penyuluhSosial, 1), (.pengolahData, 1)]),
                .unit("Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", .bidang, [(.penyuluhSosial, 2)]),
            ]),
        DemoAgencyPlan(
            "DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", .kepala, Degrees.general,
            [
                .unit("Sekretariat", .sekretariat, [(.pengadministrasi, 1), (.pengelolaKeuangan, 1)]),
                .unit("Bidang Kelembagaan dan Partisipasi Masyarakat", .bidang, [(.penggerakSwadaya, 2)]),
                .unit(
                    "Bidang Pemberdayaan Ekonomi Masyarakat", .bidang, [(.penggerakSwadaya, 1), (.penataLayanan, 1)]),
            ]),
        DemoAgencyPlan(
            "BKAD", "Badan Keuangan dan Aset Daerah", .kepala, Degrees.finance,
            [
                .unit("Sekretariat", .sekretariat),
                .unit(
                    "Subbagian Umum dan Kepegawaian", .subbagian, in: "Sekretariat",
                    [(.analisKepegawaian, 1), (.pengadministrasi, 1)]),
                .unit("Bidang Anggaran", .bidang, [(.analisKeuangan, 2)]),
                .unit("Bidang Perbendaharaan", .bidang, [(.pengelolaKeuangan, 2), (.bendahara, 1)]),
                .unit("Bidang Akuntansi dan Pelaporan", .bidang, [(.analisKeuangan, 2)]),
                .unit("Bidang Pengelolaan Aset Daerah", .bidang, [(.pengelolaBarang, 2)]),
            ]),
        DemoAgencyPlan(
            "DISKOMINFO", "Dinas Komunikasi dan Informatika", .kepala, Degrees.informatics,
            [
                .unit("Sekretariat", .sekretariat, [(.pengadministrasi, 1), (.pengelolaKeuangan, 1)]),
                .unit("Bidang Informasi dan Komunikasi Publik", .bidang, [(.pranataHumas, 2)]),
                .unit("Bidang Aplikasi Informatika", .bidang, [(.pranataKomputer, 1)]),
                .unit(
                    "Seksi Pengembangan Aplikasi dan E-Government", .seksi, in: "Bidang Aplikasi Informatika",
                    [(.pranataKomputer, 2)]),
                .unit("Bidang Statistik dan Persandian", .bidang, [(.statistisi, 1), (.pengolahData, 1)]),
            ]),
        DemoAgencyPlan(
            "DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", .kepala, Degrees.general,
            [
                .unit("Sekretariat", .sekretariat),
                .unit(
                    "Subbagian Umum dan Kepegawaian", .subbagian, in: "Sekretariat",
                    [(.analisKepegawaian, 1), (.pengadministrasi, 1)]),
                .unit("Bidang Pelayanan Pendaftaran Penduduk", .bidang, [(.penataLayanan, 2), (.operatorLayanan, 1)]),
                .unit("Bidang Pelayanan Pencatatan Sipil", .bidang, [(.penataLayanan, 2)]),
                .unit("Bidang Pengelolaan Informasi Administrasi Kependudukan", .bidang, [(.adminKependudukan, 2)]),
            ]),
        DemoAgencyPlan(
            "BAPPEDA", "Badan Perencanaan Pembangunan Daerah", .kepala, Degrees.planning,
            [
                .unit("Sekretariat", .sekretariat, [(.pengadministrasi, 1), (.pengelolaKeuangan, 1)]),
                .unit(
                    "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan", .bidang,
                    [(.perencanaMuda, 1), (.perencana, 1)]),
                .unit(
                    "Bidang Pemerintahan dan Pembangunan Manusia", .bidang, [(.perencana, 1), (.analisKebijakan, 1)]),
                .unit("Bidang Perekonomian, Infrastruktur dan Kewilayahan", .bidang, [(.perencana, 2)]),
            ]),
        DemoAgencyPlan(
            "DLHK", "Dinas Lingkungan Hidup dan Kebersihan", .kepala, Degrees.environment,
            [
                .unit("Sekretariat", .sekretariat, [(.pengadministrasi, 1), (.pengelolaKeuangan, 1)]),
                .unit("Bidang Penataan dan Penaatan Lingkungan Hidup", .bidang, [(.pengawasLingkungan, 2)]),
                .unit("Bidang Pengelolaan Sampah dan Kebersihan", .bidang, [(.operatorLayanan, 1)]),
                .unit(
                    "UPT Tempat Pemrosesan Akhir Sampah Alak", .upt, in: "Bidang Pengelolaan Sampah dan Kebersihan",
                    [(.operatorLayanan, 2), (.pengadministrasi, 1)]),
            ]),
        DemoAgencyPlan(
            "KECOEBOBO", "Kecamatan Oebobo", .camat, Degrees.general,
            [
                .unit("Sekretariat", .sekretariat, [(.pengadministrasi, 1), (.pengelolaKeuangan, 1)]),
                .unit("Seksi Pemerintahan", .seksi, [(.penataLayanan, 1)]),
                .unit("Seksi Ketenteraman dan Ketertiban Umum", .seksi, [(.operatorLayanan, 1)]),
                .unit("Kelurahan Oebobo", .kelurahan, [(.pengadministrasi, 1), (.penataLayanan, 1)]),
                .unit("Kelurahan Fatululi", .kelurahan, [(.pengadministrasi, 1)]),
            ]),
        DemoAgencyPlan(
            "KECKELAPALIMA", "Kecamatan Kelapa Lima", .camat, Degrees.general,
            [
                .unit("Sekretariat", .sekretariat, [(.pengadministrasi, 1)]),
                .unit("Seksi Pemerintahan", .seksi, [(.penataLayanan, 1)]),
                .unit("Seksi Pemberdayaan Masyarakat", .seksi, [(.penggerakSwadaya, 1)]),
                .unit("Kelurahan Oesapa", .kelurahan, [(.pengadministrasi, 1), (.operatorLayanan, 1)]),
                .unit("Kelurahan Lasiana", .kelurahan, [(.pengadministrasi, 1)]),
            ]),
    ]
}
