import Fluent
import Foundation
import LontarCore
import Vapor

/// Who may do what with a course; every e-learning controller asks here.
enum CourseAccess {
    /// BKPPD, and the operators of the OPD that organises the programme, create courses in it.
    static func canCreate(in programme: Programme, _ principal: Principal) -> Bool {
        TrainingAccess.canManage(programme, principal)
    }

    /// Managers of the programme, and the facilitators and partners listed as the course's
    /// authors, write its content, its question bank and its quizzes, and see its results.
    static func canAuthor(
        _ course: Course, programme: Programme, _ principal: Principal, on db: any Database
    )
        async throws -> Bool
    {
        if TrainingAccess.canManage(programme, principal) { return true }
        guard principal.has(.facilitator) || principal.has(.partner) else { return false }
        return try await CourseAuthor.query(on: db).filter(\.$course.$id == course.requireID())
            .filter(\.$user.$id == principal.userID).first() != nil
    }

    /// Loads a course and its programme and checks the principal may write it; a course the
    /// principal may not write does not exist for them.
    static func requireAuthor(_ req: Request, courseID: UUID?) async throws -> (Course, Programme, Principal) {
        let principal = try req.requirePrincipal()
        guard let courseID, let course = try await Course.find(courseID, on: req.db),
            let programme = try await Programme.find(course.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        guard try await canAuthor(course, programme: programme, principal, on: req.db) else {
            throw AppError.forbidden()
        }
        return (course, programme, principal)
    }

    /// Learners see published courses, and archived ones they are enrolled in (archiving takes
    /// a course out of the catalogue, not away from those learning in it); authors see their
    /// drafts too.
    static func requireReadable(_ req: Request, courseID: UUID?) async throws -> CourseView {
        let principal = try req.requirePrincipal()
        guard let courseID, let course = try await Course.find(courseID, on: req.db),
            let programme = try await Programme.find(course.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        let author = try await canAuthor(course, programme: programme, principal, on: req.db)
        let enrolment = try await CourseEnrolments.current(course, employeeID: principal.employeeID, on: req.db)
        let published = course.status == CourseStatus.published.rawValue
        guard author || published || (CourseStatus.opensToEnrolled(course.status) && enrolment != nil) else {
            throw AppError.notFound()
        }
        return CourseView(
            course: course, programme: programme, principal: principal, isAuthor: author, enrolment: enrolment)
    }
}

/// A course as one reader sees it: whether they write it and their enrolment, if any.
struct CourseView {
    let course: Course
    let programme: Programme
    let principal: Principal
    let isAuthor: Bool
    let enrolment: Enrolment?

    var courseID: UUID { course.id! }
}
