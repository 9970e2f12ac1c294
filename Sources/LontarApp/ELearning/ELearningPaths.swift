import Foundation
import Vapor

/// The e-learning pillar's addresses (see `Paths`); routes are registered from these same
/// functions through `TrainingRoutePattern`.
extension Paths {
    static let courses = "/kursus"
    static func courseNew(programme id: UUID) -> String { "/pelatihan/\(id.uuidString)/kursus/baru" }
    static func course(_ id: UUID) -> String { "/kursus/\(id.uuidString)" }
    static func courseEdit(_ id: UUID) -> String { "/kursus/\(id.uuidString)/ubah" }
    static func courseEnrol(_ id: UUID) -> String { "/kursus/\(id.uuidString)/ikuti" }
    static func courseAssign(_ id: UUID) -> String { "/kursus/\(id.uuidString)/tugaskan" }
    static func courseAuthors(_ id: UUID) -> String { "/kursus/\(id.uuidString)/penulis" }
    static func coursePublish(_ id: UUID) -> String { "/kursus/\(id.uuidString)/terbitkan" }
    static func courseSections(_ id: UUID) -> String { "/kursus/\(id.uuidString)/bagian" }
    static func courseLessonNew(_ id: UUID) -> String { "/kursus/\(id.uuidString)/materi/baru" }
    static func courseFiles(_ id: UUID) -> String { "/kursus/\(id.uuidString)/berkas" }
    static func courseLearners(_ id: UUID) -> String { "/kursus/\(id.uuidString)/peserta" }
    /// The list of addresses a phone stores to have the course offline.
    static func courseOffline(_ id: UUID) -> String { "/kursus/\(id.uuidString)/luring.json" }

    static func section(_ id: UUID) -> String { "/bagian/\(id.uuidString)" }
    static func sectionMove(_ id: UUID) -> String { "/bagian/\(id.uuidString)/pindah" }

    static func lesson(_ id: UUID) -> String { "/materi/\(id.uuidString)" }
    static func lessonEdit(_ id: UUID) -> String { "/materi/\(id.uuidString)/ubah" }
    static func lessonMove(_ id: UUID) -> String { "/materi/\(id.uuidString)/pindah" }
    static func lessonDone(_ id: UUID) -> String { "/materi/\(id.uuidString)/selesai" }
    static func lessonPreview(_ id: UUID) -> String { "/materi/\(id.uuidString)/pratinjau" }

    static func courseFile(_ id: UUID) -> String { "/berkas/\(id.uuidString)" }

    static func questionBank(_ courseID: UUID) -> String { "/kursus/\(courseID.uuidString)/soal" }
    static func questionImport(_ courseID: UUID) -> String { "/kursus/\(courseID.uuidString)/soal/impor" }
    static func questionExport(_ courseID: UUID) -> String { "/kursus/\(courseID.uuidString)/soal/ekspor" }
    static func quizNew(_ courseID: UUID) -> String { "/kursus/\(courseID.uuidString)/kuis/baru" }
    static func quiz(_ id: UUID) -> String { "/kuis/\(id.uuidString)" }
    static func quizEdit(_ id: UUID) -> String { "/kuis/\(id.uuidString)/ubah" }
    static func quizStart(_ id: UUID) -> String { "/kuis/\(id.uuidString)/mulai" }
    static func quizResults(_ id: UUID) -> String { "/kuis/\(id.uuidString)/hasil" }
    static func attempt(_ id: UUID) -> String { "/percobaan/\(id.uuidString)" }
    static func attemptAnswer(_ id: UUID) -> String { "/percobaan/\(id.uuidString)/jawab" }
    static func attemptFinish(_ id: UUID) -> String { "/percobaan/\(id.uuidString)/selesai" }
    static func attemptGrade(_ id: UUID) -> String { "/percobaan/\(id.uuidString)/nilai" }

    /// Where the page's script sends what was done offline (session and CSRF header).
    static let learningSync = "/belajar/sinkron"
    static let webManifest = "/manifest.webmanifest"
    static let serviceWorker = "/sw.js"
    static let offlinePage = "/luring"
}
