import Fluent
import Foundation
import LontarCore
import Vapor

/// `lontar demo`'s finished workshop: the leadership workshop's first class, held three and
/// a half months ago, whose participants are the alumni the demo's L3 surveys ask. They
/// attended, were completed through the real completion path (JP and certificates), and most
/// wrote an action plan on the last day; the L3 invitations are tied to these enrolments, so
/// the L3 forms, the supervisor's staff page and the class's plan list show the plans.
///
/// Keyed by the class's name: when it exists, nothing is written again.
enum DemoFinishedClassLoader {
    static let programmeTitle = "Lokakarya Kepemimpinan Pelayanan Publik"
    static let className = "Angkatan Perdana"
    /// Days between the class's first day and today: L3 opened three months after it ended.
    static let daysAgo = 106

    static let plans: [ActionPlanTemplate] = [
        .init(
            goal: "Pengaduan layanan di OPD kami selesai paling lama 7 hari kerja.",
            steps: [
                ("Memetakan alur pengaduan yang berjalan sekarang", "Peta alur disepakati tim", 20),
                ("Menyusun SOP penanganan pengaduan", "SOP ditetapkan kepala OPD", 45),
                ("Rapat pemantauan pengaduan setiap minggu", "Notulen rapat 4 minggu berturut-turut", 75),
            ]),
        .init(
            goal: "Rapat koordinasi pelayanan berjalan dengan agenda dan tindak lanjut tertulis.",
            steps: [
                ("Membuat templat agenda dan notulen rapat", "Templat dipakai di rapat berikutnya", 14),
                ("Memimpin rapat koordinasi mingguan", "Daftar tindak lanjut diperbarui tiap minggu", 60),
            ]),
        .init(
            goal: "Loket informasi memberi jawaban yang sama kepada setiap warga.",
            steps: [
                ("Menyusun daftar pertanyaan yang sering diajukan", "Daftar dipasang di loket", 30),
                ("Melatih petugas loket memakai daftar tersebut", "Semua petugas loket sudah berlatih", 50),
                ("Meminta umpan balik warga setiap bulan", "Rekap umpan balik bulanan", 90),
            ]),
    ]

    struct ActionPlanTemplate {
        let goal: String
        /// Activity, sign of success, and days after the class's last day it is due.
        let steps: [(String, String, Int)]
    }

    static func load(into app: Application) async throws -> String? {
        guard let programme = try await Programme.query(on: app.db).filter(\.$title == programmeTitle).first(),
            let programmeID = programme.id,
            try await TrainingClass.query(on: app.db).filter(\.$programme.$id == programmeID)
                .filter(\.$name == className).first() == nil,
            let alumniSurvey = try await Survey.query(on: app.db).filter(\.$programme.$id == programmeID)
                .filter(\.$level == SurveyLevel.behaviourAlumnus.rawValue).first()
        else { return nil }
        let invitations = try await SurveyInvitation.query(on: app.db).filter(\.$survey.$id == alumniSurvey.requireID())
            .with(\.$employee).all()
        let alumni = invitations.map(\.employee).sorted { $0.nip < $1.nip }
        guard !alumni.isEmpty else { return nil }
        let today = CityTime.today(app.clock)
        let first = today.adding(days: -daysAgo)
        let last = first.adding(days: 1)
        let (trainingClass, enrolments) = try await app.db.transaction { db in
            let trainingClass = try await makeClass(programmeID, days: [first, last], seats: alumni.count, on: db)
            let sessions = try await ClassSession.query(on: db).filter(
                \.$trainingClass.$id == trainingClass.requireID()
            )
            .all()
            var enrolments: [UUID: Enrolment] = [:]
            for (index, alumnus) in alumni.enumerated() {
                let enrolment = try await attend(alumnus, trainingClass, sessions: sessions, on: db)
                enrolments[try alumnus.requireID()] = enrolment
                // Two of them never wrote a plan: the class's list shows who is missing.
                guard index % 4 != 1 else { continue }
                try await writePlan(plans[index % plans.count], for: enrolment, classEnd: last, on: db)
            }
            return (trainingClass, enrolments)
        }
        let request = Request(application: app, method: .POST, url: "/demo", on: app.eventLoopGroup.any())
        let earlierNotices = try await InAppNotification.query(on: app.db).all(\.$id)
        let completed = try await CompletionService(request: request).confirm(
            trainingClass, programme: programme, enrolmentIDs: Set(enrolments.values.compactMap(\.id)))
        try await backdate(enrolments.values.compactMap(\.id), to: last, noticesBut: earlierNotices, on: app.db)
        try await linkInvitations(programmeID, enrolments: enrolments, on: app.db)
        return "Finished class: \(programmeTitle), \(className), \(completed) completed, "
            + "\(try await ActionPlanRecord.query(on: app.db).filter(\.$trainingClass.$id == trainingClass.requireID()).count()) action plans."
    }

    private static func makeClass(
        _ programmeID: UUID, days: [CivilDate], seats: Int, on db: any Database
    ) async throws -> TrainingClass {
        let trainingClass = TrainingClass(
            programmeID: programmeID, name: className, capacity: 30, status: "finished",
            place: "Aula BKPPD Kota Kupang")
        trainingClass.seatsHeld = seats
        try await trainingClass.save(on: db)
        for (number, day) in days.enumerated() {
            let session = ClassSession()
            session.$trainingClass.id = try trainingClass.requireID()
            session.startsAt = wita(day, hour: 9)
            session.endsAt = wita(day, hour: 16)
            session.topic = number == 0 ? "Kepemimpinan pelayanan dan budaya kerja" : "Rencana aksi dan presentasi"
            session.place = trainingClass.place
            session.onlineURL = ""
            try await session.save(on: db)
        }
        return trainingClass
    }

    /// An approved seat and "present" at every session, as the facilitator marked it.
    private static func attend(
        _ alumnus: Employee, _ trainingClass: TrainingClass, sessions: [ClassSession], on db: any Database
    ) async throws -> Enrolment {
        let enrolment = Enrolment()
        enrolment.$trainingClass.id = try trainingClass.requireID()
        enrolment.$employee.id = try alumnus.requireID()
        enrolment.approval = Approval.approved.rawValue
        enrolment.seat = SeatState.held.rawValue
        enrolment.cancelled = false
        enrolment.completed = false
        try await enrolment.save(on: db)
        for session in sessions {
            let mark = AttendanceRecord()
            mark.$session.id = try session.requireID()
            mark.$enrolment.id = try enrolment.requireID()
            mark.mark = AttendanceMark.present.rawValue
            mark.via = "facilitator"
            mark.markedAt = session.startsAt
            try await mark.save(on: db)
        }
        return enrolment
    }

    private static func writePlan(
        _ template: ActionPlanTemplate, for enrolment: Enrolment, classEnd: CivilDate, on db: any Database
    ) async throws {
        let plan = ActionPlan(
            goal: template.goal,
            steps: template.steps.map {
                ActionPlan.Step(activity: $0.0, result: $0.1, due: classEnd.adding(days: $0.2))
            })
        let record = ActionPlanRecord()
        record.$enrolment.id = try enrolment.requireID()
        record.$employee.id = enrolment.$employee.id
        record.$trainingClass.id = enrolment.$trainingClass.id
        record.plan = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        record.writtenOn = classEnd.iso
        record.updatedAt = wita(classEnd, hour: 15)
        try await record.save(on: db)
    }

    /// Completion ran today; the class ended months ago. Its records and the notices it sent
    /// (all but the `earlier` ones: the loaders run one after another) take that day.
    private static func backdate(
        _ enrolmentIDs: [UUID], to day: CivilDate, noticesBut earlier: [UUID], on db: any Database
    ) async throws {
        let moment = wita(day, hour: 17)
        try await Enrolment.query(on: db).filter(\.$id ~~ enrolmentIDs).set(\.$completedAt, to: moment).update()
        try await Certificate.query(on: db).filter(\.$enrolment.$id ~~ enrolmentIDs).set(\.$issuedAt, to: moment)
            .update()
        try await InAppNotification.query(on: db).filter(\.$id !~ earlier).set(\.$createdAt, to: moment).update()
    }

    /// The demo's L3 invitations (to each alumnus, and to supervisors about them) now name the
    /// enrolment they follow up, as the daily follow-up's own invitations do.
    private static func linkInvitations(
        _ programmeID: UUID, enrolments: [UUID: Enrolment], on db: any Database
    ) async throws {
        let surveys = try await Survey.query(on: db).filter(\.$programme.$id == programmeID)
            .filter(\.$level ~~ SurveyLevel.behaviourLevels).all()
        let invitations = try await SurveyInvitation.query(on: db).filter(\.$survey.$id ~~ surveys.compactMap(\.id))
            .all()
        for invitation in invitations {
            let alumnus = invitation.$about.id ?? invitation.$employee.id
            guard let enrolment = enrolments[alumnus] else { continue }
            invitation.enrolmentID = enrolment.id
            try await invitation.save(on: db)
        }
        // Whoever wrote no plan was not asked how it went (the L3 form leaves the question out),
        // so the demo's answers to it for them, and their supervisors' about them, go.
        let planned = Set(
            try await ActionPlanRecord.query(on: db).filter(\.$enrolment.$id ~~ enrolments.values.compactMap(\.id))
                .all().map(\.$employee.id))
        let unplanned = Array(Set(enrolments.keys).subtracting(planned))
        guard !unplanned.isEmpty else { return }
        let responses = try await SurveyResponse.query(on: db).filter(\.$survey.$id ~~ surveys.compactMap(\.id))
            .group(.or) { $0.filter(\.$respondent.$id ~~ unplanned).filter(\.$about.$id ~~ unplanned) }.all()
            .filter { $0.$about.id.map(unplanned.contains) ?? unplanned.contains($0.$respondent.id ?? UUID()) }
        try await SurveyAnswerRow.query(on: db).filter(\.$response.$id ~~ responses.compactMap(\.id))
            .filter(\.$aspect == SurveyAnswering.actionPlanAspect).delete()
    }

    private static func wita(_ day: CivilDate, hour: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CityTime.zone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour))!
    }
}
