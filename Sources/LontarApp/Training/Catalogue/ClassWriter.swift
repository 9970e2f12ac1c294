import Fluent
import LontarCore
import SQLKit
import Vapor

/// Writes a class with its sessions and facilitators in one transaction.
struct ClassWriter {
    let req: Request

    /// A refusal that depends on the stored state rather than on the form alone.
    struct Refusal: Error {
        let field: String
        let message: String
    }

    private struct Returned: Decodable { let id: UUID }

    /// Returns the class id and the requests whose state changed (promoted from the waiting
    /// list, or cancelled with the class), so the caller can notify their owners.
    func save(_ values: ClassValues, programmeID: UUID, existingID: UUID?) async throws -> (UUID, [Enrolment]) {
        let refusals = (
            capacity: req.t("catalogue.error.capacityBelowHeld"),
            attendance: req.t("catalogue.error.sessionHasAttendance")
        )
        return try await req.db.retryingTransaction { db in
            let classID: UUID
            var wasCancelled = false
            if let existingID {
                classID = existingID
                wasCancelled = try await TrainingClass.find(existingID, on: db)?.status == "cancelled"
                try await Self.updateClass(existingID, values, on: db, refusal: refusals.capacity)
            } else {
                classID = try await Self.createClass(values, programmeID: programmeID, on: db)
            }
            try await Self.writeSessions(values.sessions, classID: classID, on: db, refusal: refusals.attendance)
            try await ClassFacilitator.query(on: db).filter(\.$trainingClass.$id == classID).delete()
            for userID in values.facilitatorIDs {
                let link = ClassFacilitator()
                link.$trainingClass.id = classID
                link.$user.id = userID
                try await link.create(on: db)
            }
            if values.status == "cancelled" {
                return (classID, wasCancelled ? [] : try await Self.cancelEnrolments(classID: classID, on: db))
            }
            // A larger class gives its new seats to the waiting list, first come first served.
            let promoted = try await EnrolmentService.promote(classID: classID, on: db)
            return (classID, promoted)
        }
    }

    /// A cancelled class takes every open request with it: seats are freed and nobody is
    /// left waiting for a class that will not run.
    private static func cancelEnrolments(classID: UUID, on db: any Database) async throws -> [Enrolment] {
        let open = try await Enrolment.query(on: db).filter(\.$trainingClass.$id == classID)
            .filter(\.$cancelled == false).filter(\.$approval != Approval.declined.rawValue)
            .filter(\.$completed == false).all()
        for enrolment in open {
            enrolment.cancelled = true
            enrolment.seat = SeatState.none.rawValue
            enrolment.waitlistPosition = nil
            try await enrolment.save(on: db)
        }
        try await TrainingClass.query(on: db).filter(\.$id == classID).set(\.$seatsHeld, to: 0).update()
        return open
    }

    private static func createClass(_ values: ClassValues, programmeID: UUID, on db: any Database) async throws -> UUID
    {
        let trainingClass = TrainingClass(
            programmeID: programmeID, name: values.name, capacity: values.capacity, status: values.status)
        apply(values, to: trainingClass)
        try await trainingClass.create(on: db)
        return try trainingClass.requireID()
    }

    /// Capacity and SEQUENCE change in one conditional UPDATE: capacity never drops below the
    /// seats held, even if someone takes a seat while the form is being saved.
    private static func updateClass(
        _ id: UUID, _ values: ClassValues, on db: any Database, refusal: String
    )
        async throws
    {
        let sql = try db.sql()
        let updated = try await sql.raw(
            """
            UPDATE training_classes SET capacity = \(bind: values.capacity), sequence = sequence + 1
            WHERE id = \(bind: id) AND seats_held <= \(bind: values.capacity) RETURNING id
            """
        ).first(decoding: Returned.self)
        guard updated != nil else { throw Refusal(field: "capacity", message: refusal) }
        guard let trainingClass = try await TrainingClass.find(id, on: db) else { throw AppError.notFound() }
        apply(values, to: trainingClass)
        try await trainingClass.save(on: db)
    }

    /// Only the fields the form owns: seats, waiting-list counter and SEQUENCE are left to
    /// their atomic updates.
    private static func apply(_ values: ClassValues, to trainingClass: TrainingClass) {
        trainingClass.name = values.name
        trainingClass.registrationOpensAt = values.opens
        trainingClass.registrationClosesAt = values.closes
        trainingClass.cancelCutoffHours = values.cutoffHours
        trainingClass.status = values.status
        trainingClass.place = values.place
        trainingClass.onlineURL = values.onlineURL
    }

    /// Edits sessions in place, so attendance taken in them stays attached; a session left
    /// blank is removed, unless attendance was already taken in it.
    private static func writeSessions(
        _ sessions: [ClassValues.Session], classID: UUID, on db: any Database, refusal: String
    ) async throws {
        let stored = try await ClassSession.query(on: db).filter(\.$trainingClass.$id == classID).all()
        let kept = Set(sessions.compactMap(\.id))
        let removed = stored.filter { !kept.contains($0.id ?? UUID()) }
        if !removed.isEmpty {
            let marked = try await AttendanceRecord.query(on: db).filter(\.$session.$id ~~ removed.compactMap(\.id))
                .count()
            if marked > 0 { throw Refusal(field: "sessions", message: refusal) }
            try await ClassSession.query(on: db).filter(\.$id ~~ removed.compactMap(\.id)).delete()
        }
        let byID = Dictionary(stored.compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        for values in sessions {
            let session = values.id.flatMap { byID[$0] } ?? ClassSession()
            session.$trainingClass.id = classID
            session.startsAt = values.startsAt
            session.endsAt = values.endsAt
            session.topic = values.topic
            session.place = values.place
            session.onlineURL = values.onlineURL
            try await session.save(on: db)
        }
    }
}
