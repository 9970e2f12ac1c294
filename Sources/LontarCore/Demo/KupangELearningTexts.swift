/// The demo courses' lesson texts (Markdown, Bahasa Indonesia), written for Kota Kupang's
/// civil servants as a BKPPD author would write them.
enum KupangELearningTexts {
    static let berakhlak = """
        Sejak berlakunya **Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara**, setiap \
        pegawai ASN — PNS maupun PPPK — memegang tujuh nilai dasar yang disingkat **BerAKHLAK**. Nilai ini \
        bukan hafalan, melainkan cara kita bekerja dan melayani warga Kota Kupang setiap hari.

        ## Tujuh nilai dasar

        | Nilai | Makna |
        |---|---|
        | Berorientasi Pelayanan | Memahami dan memenuhi kebutuhan masyarakat |
        | Akuntabel | Bertanggung jawab atas kepercayaan yang diberikan |
        | Kompeten | Terus belajar dan mengembangkan kapabilitas |
        | Harmonis | Saling peduli dan menghargai perbedaan |
        | Loyal | Berdedikasi dan mengutamakan kepentingan bangsa dan negara |
        | Adaptif | Terus berinovasi dan antusias menghadapi perubahan |
        | Kolaboratif | Membangun kerja sama yang sinergis |

        ## Contoh di kantor

        - **Berorientasi Pelayanan:** menjelaskan persyaratan layanan dengan ramah dan tuntas.
        - **Akuntabel:** memakai kendaraan dinas hanya untuk tugas.
        - **Kompeten:** mengikuti paling sedikit 20 JP pengembangan kompetensi setahun.
        - **Harmonis:** membantu rekan dari latar belakang yang berbeda.
        - **Loyal:** menjaga rahasia jabatan dan nama baik instansi.
        - **Adaptif:** membuka layanan daring agar warga tidak perlu antre.
        - **Kolaboratif:** berbagi data dengan OPD lain untuk layanan terpadu.

        ## Mengapa penting?

        - Nilai dasar menjadi ukuran **perilaku kerja** dalam penilaian kinerja (SKP).
        - Warga menilai pemerintah dari pelayanan yang mereka terima di loket, di puskesmas, dan di kelurahan.
        - *Employer branding* ASN, **"Bangga Melayani Bangsa"**, hanya bermakna bila nilai dasar dijalankan.

        > Ingat satu pelayanan yang Anda berikan minggu ini. Nilai BerAKHLAK mana yang paling tampak?
        """

    static let gratification = """
        **Gratifikasi** adalah pemberian dalam arti luas: uang, barang, rabat, komisi, pinjaman tanpa bunga, \
        tiket perjalanan, fasilitas penginapan, perjalanan wisata, pengobatan cuma-cuma, dan fasilitas lain \
        (penjelasan Pasal 12B UU 20/2001). Gratifikasi kepada pegawai negeri yang **berhubungan dengan jabatan** \
        dan berlawanan dengan kewajiban atau tugasnya dianggap suap.

        ## Kenali

        Tanyakan tiga hal setiap kali menerima sesuatu:

        1. Apakah pemberi sedang atau akan berurusan dengan layanan saya?
        2. Apakah saya akan menerimanya seandainya saya tidak menjabat di sini?
        3. Apakah saya nyaman bila pemberian ini diketahui atasan dan publik?

        ## Tolak

        Tolak dengan sopan, jelaskan bahwa ASN tidak boleh menerima imbalan atas pelayanan. Pemberian \
        **setelah** layanan selesai (misalnya parsel setelah KTP tercetak) tetap berhubungan dengan jabatan.

        ## Laporkan

        Bila pemberian tidak dapat ditolak (dikirim ke rumah, dititipkan), laporkan **paling lambat 30 hari \
        kerja** sejak diterima — melalui Unit Pengendalian Gratifikasi (UPG) di instansi Anda atau langsung \
        ke KPK lewat aplikasi GOL. Gratifikasi yang dilaporkan tepat waktu **tidak dianggap suap**; KPK \
        menetapkan dalam 30 hari kerja apakah pemberian menjadi milik penerima atau milik negara.
        """

    static let discipline = """
        **PP 94/2021 tentang Disiplin PNS** menggantikan PP 53/2010. Disiplin adalah kesanggupan PNS menaati \
        kewajiban dan menghindari larangan; pelanggaran dijatuhi hukuman setelah PNS **dipanggil secara \
        tertulis dan diperiksa**.

        ## Beberapa kewajiban

        - Masuk kerja dan menaati ketentuan jam kerja (37,5 jam seminggu).
        - Menggunakan dan memelihara barang milik negara dengan sebaik-baiknya.
        - Menunjukkan integritas dan keteladanan dalam sikap, perilaku, ucapan, dan tindakan.

        ## Tingkat hukuman disiplin

        | Tingkat | Jenis hukuman |
        |---|---|
        | Ringan | Teguran lisan; teguran tertulis; pernyataan tidak puas secara tertulis |
        | Sedang | Pemotongan tunjangan kinerja 25% selama 6, 9, atau 12 bulan |
        | Berat | Penurunan jabatan setingkat lebih rendah selama 12 bulan; pembebasan dari jabatan menjadi \
        jabatan pelaksana selama 12 bulan; pemberhentian dengan hormat tidak atas permintaan sendiri |

        Tidak masuk kerja tanpa alasan yang sah dihitung **kumulatif dalam satu tahun**: makin banyak harinya, \
        makin berat hukumannya. Tidak masuk 10 hari kerja berturut-turut tanpa alasan sah dapat berujung \
        pemberhentian.
        """

    static let publicService = """
        **UU 25/2009 tentang Pelayanan Publik** mewajibkan setiap penyelenggara — termasuk setiap OPD, \
        kelurahan, dan puskesmas di Kota Kupang — menyusun **standar pelayanan** dan menetapkan **maklumat \
        pelayanan**, yaitu janji tertulis untuk melayani sesuai standar.

        ## Asas pelayanan publik

        Kepentingan umum, kepastian hukum, kesamaan hak, keseimbangan hak dan kewajiban, keprofesionalan, \
        partisipatif, persamaan perlakuan, keterbukaan, akuntabilitas, perlakuan khusus bagi kelompok \
        rentan, ketepatan waktu, serta kecepatan, kemudahan, dan keterjangkauan.

        ## Isi standar pelayanan

        Standar pelayanan memuat sekurang-kurangnya 14 komponen, antara lain:

        - persyaratan, prosedur, dan **jangka waktu penyelesaian**;
        - biaya atau tarif (tulis "gratis" bila tidak dipungut biaya);
        - produk layanan, sarana, dan kompetensi pelaksana;
        - **penanganan pengaduan**, saran, dan masukan.

        ## Mendengar warga

        Pengaduan dapat disampaikan lewat SP4N-LAPOR! (lapor.go.id) dan diawasi Ombudsman Republik Indonesia. \
        Survei kepuasan masyarakat (PermenPANRB 14/2017, sembilan unsur) dilakukan berkala; hasilnya menjadi \
        bahan perbaikan, bukan sekadar laporan.
        """

    static let eisenhower = """
        Pisahkan pekerjaan menurut **penting** dan **mendesak**:

        | | Mendesak | Tidak mendesak |
        |---|---|---|
        | **Penting** | Kerjakan sekarang | Jadwalkan |
        | **Tidak penting** | Delegasikan | Tinggalkan |

        Pekerjaan penting yang tidak mendesak — merencanakan, belajar, memperbaiki layanan — paling sering \
        tergeser. Beri mereka waktu tetap di kalender Anda.
        """
}
