import Fluent
import Foundation
import LontarCore
import VaporTesting

@testable import LontarApp

/// Builders for training data: programmes, classes with sessions, enrolments in a given state.
enum TrainingFixtures {
    @discardableResult
    static func programme(
        _ app: Application, title: String = "Kepemimpinan Pelayanan Publik", formCode: String = "KL03",
        jp: Double = 24, international: Bool = false, organiser: Agency? = nil, status: String = "published",
        minAttendance: Int = 80, requiresAssessment: Bool = false, passingScore: Double? = nil
    ) async throws -> Programme {
        let programme = Programme()
        programme.title = title
        programme.description = "Pelatihan untuk \(title)"
        programme.objectives = "Peserta mampu menerapkan \(title)"
        programme.path = "pelatihan"
        programme.formCode = formCode
        programme.competencyKind = "manajerial"
        programme.competencies = "Komunikasi\nPengambilan Keputusan"
        programme.jp = jp
        programme.international = international
        programme.organiserKind = organiser == nil ? "bkppd" : "opd"
        programme.$organiserAgency.id = organiser?.id
        programme.organiserName = ""
        programme.audiencePositionKinds = ""
        programme.audienceAgencies = ""
        programme.prerequisites = ""
        programme.status = status
        programme.minAttendance = minAttendance
        programme.requiresAssessment = requiresAssessment
        programme.passingScore = passingScore
        programme.excusedCounts = false
        try await programme.save(on: app.db)
        return programme
    }

    /// A class whose sessions start `daysFromNow` days after the app's clock, one per day,
    /// 09:00–12:00 WITA (01:00–04:00 UTC).
    @discardableResult
    static func trainingClass(
        _ app: Application, programme: Programme, capacity: Int = 30, sessions: Int = 2, daysFromNow: Int = 14,
        status: String = "open", name: String = "Angkatan I"
    ) async throws -> TrainingClass {
        let trainingClass = TrainingClass()
        trainingClass.$programme.id = try programme.requireID()
        trainingClass.name = name
        trainingClass.capacity = capacity
        trainingClass.seatsHeld = 0
        trainingClass.cancelCutoffHours = 48
        trainingClass.status = status
        trainingClass.place = "Aula BKPPD Kota Kupang"
        trainingClass.onlineURL = ""
        trainingClass.checkinSecret = Data(CheckInCode.newSecret()).base64EncodedString()
        trainingClass.sequence = 0
        trainingClass.nextWaitlistPosition = 0
        try await trainingClass.save(on: app.db)
        let midnight = Calendar(identifier: .gregorian).startOfDay(for: app.clock.now())
        for day in 0..<sessions {
            let session = ClassSession()
            session.$trainingClass.id = try trainingClass.requireID()
            session.startsAt = midnight.addingTimeInterval(Double(daysFromNow + day) * 86_400 + 3_600)
            session.endsAt = session.startsAt.addingTimeInterval(3 * 3_600)
            session.topic = "Sesi \(day + 1)"
            session.place = trainingClass.place
            session.onlineURL = ""
            try await session.save(on: app.db)
        }
        return trainingClass
    }

    /// An enrolment written directly, holding a seat when `seat` is held.
    @discardableResult
    static func enrolment(
        _ app: Application, _ employee: Employee, in trainingClass: TrainingClass, approval: Approval = .approved,
        seat: SeatState = .held
    ) async throws -> Enrolment {
        let enrolment = Enrolment()
        enrolment.$trainingClass.id = try trainingClass.requireID()
        enrolment.$employee.id = try employee.requireID()
        enrolment.approval = approval.rawValue
        enrolment.seat = seat.rawValue
        enrolment.cancelled = false
        enrolment.completed = false
        try await enrolment.save(on: app.db)
        if seat == .held {
            trainingClass.seatsHeld += 1
            try await trainingClass.save(on: app.db)
        }
        return enrolment
    }

    static func sessions(_ app: Application, of trainingClass: TrainingClass) async throws -> [ClassSession] {
        try await ClassSession.query(on: app.db).filter(\.$trainingClass.$id == trainingClass.requireID())
            .sort(\.$startsAt).all()
    }

    @discardableResult
    static func facilitator(
        _ app: Application, for trainingClass: TrainingClass, username: String = "fasilitator"
    )
        async throws -> UserAccount
    {
        let account = try await Fixtures.account(app, username: username, roles: [.facilitator])
        let link = ClassFacilitator()
        link.$trainingClass.id = try trainingClass.requireID()
        link.$user.id = try account.requireID()
        try await link.save(on: app.db)
        return account
    }
}
