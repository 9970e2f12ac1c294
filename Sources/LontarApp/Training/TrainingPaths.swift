import Foundation
import Vapor

/// The training pillar's addresses (see `Paths`).
extension Paths {
    static let catalogue = "/pelatihan"
    static let programmeNew = "/pelatihan/baru"
    static func programme(_ id: UUID) -> String { "/pelatihan/\(id.uuidString)" }
    static func programmeEdit(_ id: UUID) -> String { "/pelatihan/\(id.uuidString)/ubah" }
    static func classNew(programme id: UUID) -> String { "/pelatihan/\(id.uuidString)/kelas/baru" }

    static func trainingClass(_ id: UUID) -> String { "/kelas/\(id.uuidString)" }
    static func classEdit(_ id: UUID) -> String { "/kelas/\(id.uuidString)/ubah" }
    static func classApply(_ id: UUID) -> String { "/kelas/\(id.uuidString)/daftar" }
    static func classNominate(_ id: UUID) -> String { "/kelas/\(id.uuidString)/nominasi" }
    static func classCalendar(_ id: UUID) -> String { "/kelas/\(id.uuidString)/kalender.ics" }
    static func classCompletion(_ id: UUID) -> String { "/kelas/\(id.uuidString)/penyelesaian" }
    static func sessionAttendance(_ classID: UUID, _ sessionID: UUID) -> String {
        "/kelas/\(classID.uuidString)/sesi/\(sessionID.uuidString)/presensi"
    }
    static func sessionCode(_ classID: UUID, _ sessionID: UUID) -> String {
        "/kelas/\(classID.uuidString)/sesi/\(sessionID.uuidString)/kode"
    }
    static let checkIn = "/presensi"

    static func enrolmentApprove(_ id: UUID) -> String { "/pendaftaran/\(id.uuidString)/setujui" }
    static func enrolmentDecline(_ id: UUID) -> String { "/pendaftaran/\(id.uuidString)/tolak" }
    static func enrolmentCancel(_ id: UUID) -> String { "/pendaftaran/\(id.uuidString)/batal" }
    static let approvals = "/persetujuan"
    static let myTraining = "/pelatihan-saya"
    static let calendarRenew = "/pelatihan-saya/kalender"
    static func personalCalendar(_ token: String) -> String { "/kalender/\(token).ics" }
    static let notifications = "/notifikasi"
    /// One notice: opening it marks it read and leads to its link.
    static func notification(_ id: UUID) -> String { "/notifikasi/\(id.uuidString)" }

    static let learningHours = "/jp"
    static let learningHoursAgency = "/jp/opd"
    static let learningHoursCity = "/jp/kota"
    static let learningHoursAtRisk = "/jp/berisiko"
    static let jpRules = "/jp/aturan"
    static let externalLearning = "/jp/eksternal"
    static let externalReview = "/jp/eksternal/verifikasi"
    static func externalFile(_ id: UUID) -> String { "/jp/eksternal/\(id.uuidString)/berkas" }
    static func externalDecide(_ id: UUID) -> String { "/jp/eksternal/\(id.uuidString)/keputusan" }
    static let siasnExport = "/jp/ekspor-siasn.csv"

    static func certificate(_ id: UUID) -> String { "/sertifikat/\(id.uuidString)" }
    static func verification(_ code: String) -> String { "/verifikasi/\(code)" }
}

/// Route components derived from the `Paths` functions, so a route is registered from the
/// same function that builds its links: each sentinel argument becomes a `:parameter`.
enum TrainingRoutePattern {
    static let first = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!
    static let second = UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!

    static func components(_ path: String, _ parameters: [(String, String)]) -> [PathComponent] {
        path.split(separator: "/").map { segment in
            let text = String(segment)
            for (sentinel, name) in parameters where text.contains(sentinel) { return .parameter(name) }
            return .constant(text)
        }
    }

    static func one(_ make: (UUID) -> String, _ name: String) -> [PathComponent] {
        components(make(first), [(first.uuidString, name)])
    }

    static func two(_ make: (UUID, UUID) -> String, _ a: String, _ b: String) -> [PathComponent] {
        components(make(first, second), [(first.uuidString, a), (second.uuidString, b)])
    }
}
