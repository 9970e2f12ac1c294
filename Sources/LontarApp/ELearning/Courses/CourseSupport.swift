import Fluent
import Foundation
import LontarCore
import Vapor

/// Routes of the course pages, registered from the `Paths` functions. The parameter is
/// named after what the address names (`/kursus/:courseID`, `/materi/:lessonID`): every
/// e-learning controller uses these names, since the router refuses two names at one position.
enum CourseRouting {
    static let course = "courseID"
    static let lesson = "lessonID"
    static let section = "sectionID"
    static let file = "fileID"

    static func pattern(_ make: (UUID) -> String, _ parameter: String) -> [PathComponent] {
        TrainingRoutePattern.one(make, parameter)
    }

    /// The path's id, or 404 when it is not a UUID.
    static func id(_ req: Request, _ parameter: String) throws -> UUID {
        try CatalogueRouting.id(req, parameter: parameter)
    }

    static func courseID(_ req: Request) throws -> UUID { try id(req, course) }
}

/// Words shared by the course pages.
enum CourseLabels {
    static func status(_ status: String, _ req: Request) -> String { req.t("course.status.\(status)") }

    static func statusTag(_ status: String) -> String { status == CourseStatus.published.rawValue ? "" : "muted" }

    static func kind(_ kind: String, _ req: Request) -> String { req.t("course.kind.\(kind)") }

    static func minutes(_ minutes: Int, _ req: Request) -> String {
        minutes > 0 ? req.t("course.minutes", String(minutes)) : ""
    }

    static func state(_ state: LessonState?, _ req: Request) -> String {
        req.t("course.state.\((state ?? .notStarted).rawValue)")
    }

    /// "3 dari 5 materi selesai".
    static func progress(_ progress: CourseProgress, _ req: Request) -> String {
        req.t("course.progress", String(progress.requiredDone), String(progress.requiredTotal))
    }
}

/// A lesson named in a path, with its course and programme.
struct LessonContext {
    let lesson: Lesson
    let course: Course
    let programme: Programme
    let principal: Principal

    var lessonID: UUID { lesson.id! }
    var courseID: UUID { course.id! }

    static func load(_ req: Request) async throws -> LessonContext {
        let principal = try req.requirePrincipal()
        guard let lesson = try await Lesson.find(try CourseRouting.id(req, CourseRouting.lesson), on: req.db),
            let course = try await Course.find(lesson.$course.id, on: req.db),
            let programme = try await Programme.find(course.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        return LessonContext(lesson: lesson, course: course, programme: programme, principal: principal)
    }

    /// The lesson for someone who writes its course; 403 for anyone else.
    static func requireAuthor(_ req: Request) async throws -> LessonContext {
        let context = try await load(req)
        guard
            try await CourseAccess.canAuthor(
                context.course, programme: context.programme, context.principal, on: req.db)
        else { throw AppError.forbidden() }
        return context
    }
}

/// Lists and counts shared by the course list and the learner list.
enum CourseStats {
    /// The same rule as `CourseProgress.evaluate`: when some lessons are required only those
    /// count, otherwise every published lesson does.
    static func percent(total: Int, requiredTotal: Int, done: Int, requiredDone: Int) -> (Int, Int, Int) {
        let counted = requiredTotal > 0 ? requiredTotal : total
        let finished = requiredTotal > 0 ? requiredDone : done
        return (counted == 0 ? 0 : finished * 100 / counted, finished, counted)
    }
}
