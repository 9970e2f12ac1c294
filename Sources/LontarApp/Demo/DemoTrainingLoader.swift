import Crypto
import Fluent
import Foundation
import LontarCore
import Vapor

/// Loads the demo programmes (each with an open class) and a year of verified past learning.
/// Keys are deterministic (titles, and ids derived from the content), so a second run
/// changes nothing.
enum DemoTrainingLoader {
    static func load(into app: Application, on db: any Database) async throws {
        let now = app.clock.now()
        let agencies = try await Agency.query(on: db).all()
        let midnight = Calendar(identifier: .gregorian).startOfDay(for: now)
        for demo in KupangTrainingDemo.programmes {
            let programme =
                try await Programme.query(on: db).filter(\.$title == demo.title).first() ?? Programme()
            guard programme.id == nil else { continue }
            programme.title = demo.title
            programme.description = demo.description
            programme.objectives = demo.description
            programme.path = "pelatihan"
            programme.formCode = demo.formCode
            programme.competencyKind = demo.competencyKind
            programme.competencies = demo.competencies.joined(separator: "\n")
            programme.jp = demo.jp
            programme.international = false
            programme.organiserKind = demo.organiserCode == "BKPPD" ? "bkppd" : "opd"
            programme.$organiserAgency.id = agencies.first { $0.code == demo.organiserCode }?.id
            programme.organiserName = ""
            programme.audiencePositionKinds = ""
            programme.audienceAgencies = ""
            programme.prerequisites = ""
            programme.status = "published"
            programme.minAttendance = 80
            programme.requiresAssessment = false
            programme.excusedCounts = false
            try await programme.save(on: db)
            let trainingClass = TrainingClass(
                programmeID: try programme.requireID(), name: "Angkatan I", capacity: demo.capacity, status: "open",
                place: "Aula BKPPD Kota Kupang, Jl. S.K. Lerik")
            trainingClass.registrationOpensAt = now.addingTimeInterval(-86_400)
            trainingClass.registrationClosesAt = midnight.addingTimeInterval(Double(demo.startsInDays - 3) * 86_400)
            try await trainingClass.save(on: db)
            for day in 0..<demo.sessions {
                let session = ClassSession()
                session.$trainingClass.id = try trainingClass.requireID()
                // 08:30–15:30 WITA is 00:30–07:30 UTC.
                session.startsAt = midnight.addingTimeInterval(Double(demo.startsInDays + day) * 86_400 + 1_800)
                session.endsAt = session.startsAt.addingTimeInterval(7 * 3_600)
                session.topic = "Hari \(day + 1)"
                session.place = trainingClass.place
                session.onlineURL = ""
                try await session.save(on: db)
            }
        }
        try await loadPastLearning(app, on: db, now: now)
    }

    private static func loadPastLearning(_ app: Application, on db: any Database, now: Date) async throws {
        let employees = try await Employee.query(on: db).all()
        let byNIP = Dictionary(employees.map { ($0.nip, $0) }, uniquingKeysWith: { a, _ in a })
        let past = KupangTrainingDemo.pastLearning(for: employees.map(\.nip).sorted())
        let existing = Set(try await ExternalLearning.query(on: db).all(\.$id).compactMap { $0 })
        for item in past {
            let id = stableID("\(item.nip)|\(item.title)|\(item.daysAgo)")
            guard !existing.contains(id), let employee = byNIP[item.nip], let employeeID = employee.id else { continue }
            let day = CivilDate.today(in: CityTime.zone, now: now.addingTimeInterval(-Double(item.daysAgo) * 86_400))
            let record = ExternalLearning()
            record.id = id
            record.$employee.id = employeeID
            record.title = item.title
            record.organiser = item.organiser
            record.formCode = item.formCode
            record.startDate = day.iso
            record.endDate = day.iso
            record.jp = item.jp
            record.certificateNumber = "DEMO/\(day.year)/\(id.uuidString.prefix(6))"
            record.fileName = ""
            record.fileType = ""
            record.filePath = ""
            record.status = "verified"
            record.createdAt = now
            try await record.save(on: db)
            try await ExternalLearningService.credit(record, year: day.year, now: now, on: db)
        }
    }

    /// A UUID derived from text, so the same demo record gets the same id every run.
    static func stableID(_ text: String) -> UUID {
        let digest = Array(SHA256.hash(data: Data(text.utf8)))
        var bytes = Array(digest.prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
