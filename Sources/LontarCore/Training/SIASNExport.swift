import Foundation

/// One line of training history in the shape SIASN (BKN's national civil-service
/// system) records a course: its `riwayat kursus` carries the training type, course
/// name, hours (`jumlahJam`), start and end dates, year, certificate number and
/// organising institution.
public struct SIASNCourseRecord: Sendable, Equatable {
    public var nip: String
    public var name: String
    /// SIASN's course type (`jenisDiklat`): the official name of the development form,
    /// e.g. "Pelatihan Teknis" (`DevelopmentForm.name`), which operators map to SIASN's
    /// reference list on entry.
    public var trainingType: String
    public var courseName: String
    /// JP credited (`jumlahJam`).
    public var hours: Double
    public var startDate: CivilDate
    public var endDate: CivilDate
    /// `tahunKursus`.
    public var year: Int
    public var certificateNumber: String
    /// The organiser (`institusiPenyelenggara`), e.g. "BKPPD Kota Kupang".
    public var institution: String

    /// `year` defaults to the year the course ended, the year its JP are credited to.
    public init(
        nip: String, name: String, trainingType: String, courseName: String, hours: Double, startDate: CivilDate,
        endDate: CivilDate, year: Int? = nil, certificateNumber: String, institution: String
    ) {
        self.nip = nip
        self.name = name
        self.trainingType = trainingType
        self.courseName = courseName
        self.hours = hours
        self.startDate = startDate
        self.endDate = endDate
        self.year = year ?? endDate.year
        self.certificateNumber = certificateNumber
        self.institution = institution
    }
}

public enum SIASNExport {
    public static let header = [
        "nip", "nama", "jenis_diklat", "nama_kursus", "jumlah_jam", "tanggal_mulai", "tanggal_selesai", "tahun",
        "nomor_sertifikat", "institusi_penyelenggara",
    ]

    /// The records as CSV for operators to enter or upload into SIASN: `;`-separated
    /// (Excel's list separator under Indonesian regional settings, where `,` is the
    /// decimal mark), CRLF, UTF-8 with a byte order mark so Excel keeps names intact.
    ///
    /// Dates are written dd-MM-yyyy because SIASN's course record takes
    /// `tanggalKursus`/`tanggalSelesaiKursus` in that form (integrations convert to it
    /// before calling BKN's API) and operators read it as the usual Indonesian date.
    /// Hours drop a trailing ".0" and keep a real fraction ("7.5", with a point as
    /// BKN's API writes numbers) rather than rounding half a JP away.
    public static func csv(_ records: [SIASNCourseRecord]) -> String {
        CSV.write(header: header, rows: records.map(row), delimiter: ";", byteOrderMark: true)
    }

    static func row(_ record: SIASNCourseRecord) -> [String] {
        [
            record.nip, record.name, record.trainingType, record.courseName, decimalText(record.hours),
            dayMonthYear(record.startDate), dayMonthYear(record.endDate), String(record.year),
            record.certificateNumber, record.institution,
        ]
    }

    /// "05-03-2025".
    static func dayMonthYear(_ date: CivilDate) -> String {
        zeroPadded(date.day, 2) + "-" + zeroPadded(date.month, 2) + "-" + zeroPadded(date.year, 4)
    }
}
