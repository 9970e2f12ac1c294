import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// Creating a course with its online class, and enrolling learners in it.
enum CourseEnrolments {
    /// The class an online course's enrolments live in; never offered for application.
    static let onlineClassStatus = "online"
    /// Self-paced courses have no seat limit; the counter still counts learners.
    static let onlineCapacity = 1_000_000

    static func create(
        title: String, summary: String, openEnrolment: Bool, programme: Programme, by userID: UUID,
        on db: any Database
    ) async throws -> Course {
        try await db.retryingTransaction { db in
            let trainingClass = TrainingClass(
                programmeID: try programme.requireID(), name: title, capacity: onlineCapacity,
                status: onlineClassStatus, cancelCutoffHours: 0)
            try await trainingClass.save(on: db)
            let course = Course()
            course.$programme.id = try programme.requireID()
            course.$trainingClass.id = try trainingClass.requireID()
            course.title = title
            course.summary = summary
            course.openEnrolment = openEnrolment
            course.status = CourseStatus.draft.rawValue
            course.revision = 1
            course.createdBy = userID
            try await course.save(on: db)
            return course
        }
    }

    /// The learner's live enrolment in the course, if any: approved and holding a seat, as
    /// every course enrolment is made (a request that is only pending is no enrolment).
    static func current(_ course: Course, employeeID: UUID?, on db: any Database) async throws -> Enrolment? {
        guard let employeeID else { return nil }
        return try await Enrolment.query(on: db).filter(\.$trainingClass.$id == course.$trainingClass.id)
            .filter(\.$employee.$id == employeeID).filter(\.$cancelled == false)
            .filter(\.$approval == Approval.approved.rawValue).filter(\.$seat == SeatState.held.rawValue).first()
    }

    enum Outcome: Equatable {
        case enrolled
        case alreadyEnrolled
    }

    /// Enrols one employee, approved and seated at once (a self-paced course has no seats
    /// to wait for). Enrolling someone already enrolled changes nothing, so a double tap or
    /// an assignment list that repeats a name is harmless.
    @discardableResult
    static func enrol(
        employeeID: UUID, in course: Course, assignedBy: UUID?, now: Date, on db: any Database
    ) async throws -> (Enrolment, Outcome) {
        let classID = course.$trainingClass.id
        return try await db.retryingTransaction { db in
            let sql = try db.sql()
            // Counting the learner first locks the class row (PostgreSQL) or takes the write
            // lock (SQLite), so two enrolments of the same person cannot both pass the check.
            try await sql.raw(
                "UPDATE training_classes SET seats_held = seats_held + 1 WHERE id = \(bind: classID)"
            ).run()
            if let existing = try await Enrolment.query(on: db).filter(\.$trainingClass.$id == classID)
                .filter(\.$employee.$id == employeeID).filter(\.$cancelled == false).first()
            {
                try await sql.raw(
                    "UPDATE training_classes SET seats_held = seats_held - 1 WHERE id = \(bind: classID)"
                ).run()
                return (existing, .alreadyEnrolled)
            }
            let enrolment = Enrolment()
            enrolment.$trainingClass.id = classID
            enrolment.$employee.id = employeeID
            enrolment.approval = Approval.approved.rawValue
            enrolment.seat = SeatState.held.rawValue
            enrolment.cancelled = false
            enrolment.completed = false
            enrolment.nominatedBy = assignedBy
            enrolment.createdAt = now
            try await enrolment.save(on: db)
            return (enrolment, .enrolled)
        }
    }
}
