import Fluent
import Foundation
import LontarCore
import Vapor

/// `/api/v1/courses`: list, create and read courses with the same rules as the pages
/// (`CourseAccess`): learners see published courses, writers also the drafts they may write.
struct CourseAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let courses = routes.grouped("api", "v1", "courses")
        courses.get(use: list)
        courses.post(use: create)
        courses.get(":courseID", use: detail)
    }

    func list(req: Request) async throws -> ListEnvelope<CourseDTO> {
        let principal = try req.requirePrincipal()
        let paging = PageRequest.from(req)
        let query = Course.query(on: req.db).join(Programme.self, on: \Course.$programme.$id == \Programme.$id)
        if let raw = req.query[String.self, at: "programId"], !raw.isEmpty {
            guard let programmeID = UUID(uuidString: raw) else {
                throw AppError.invalid("programId", .init("error.decode.type", ["programId"]))
            }
            query.filter(\.$programme.$id == programmeID)
        }
        if !principal.isAdmin {
            let authored =
                principal.has(.facilitator) || principal.has(.partner)
                ? try await CourseAuthor.query(on: req.db).filter(\.$user.$id == principal.userID).all()
                    .map { $0.$course.id }
                : []
            query.group(.or) { group in
                group.filter(\.$status == CourseStatus.published.rawValue)
                if principal.isOperator, let own = principal.operatorAgencyID {
                    group.filter(Programme.self, \.$organiserAgency.$id == own)
                }
                if !authored.isEmpty { group.filter(\.$id ~~ authored) }
            }
        }
        let total = try await query.count()
        let rows = try await query.sort(\.$title).sort(\.$id).range(paging.range).all()
        let items = try rows.map { try CourseDTO($0, programme: $0.joined(Programme.self)) }
        return ListEnvelope(items: items, total: total, page: paging.page, per: paging.per)
    }

    func create(req: Request) async throws -> Response {
        // Only programme managers ever create; others are refused before their input is read.
        let principal = try req.require(.admin, .operator)
        let valid = try req.content.decode(CourseCreateBody.self).validate()
        guard let programme = try await Programme.find(valid.programmeID, on: req.db) else {
            throw AppError.notFound()
        }
        guard CourseAccess.canCreate(in: programme, principal) else { throw AppError.forbidden() }
        let course = try await CourseEnrolments.create(
            title: valid.title, summary: valid.summary, openEnrolment: valid.openEnrolment, programme: programme,
            by: principal.userID, on: req.db)
        return try await CourseDTO(course, programme: programme).encodeResponse(status: .created, for: req)
    }

    func detail(req: Request) async throws -> CourseDetailDTO {
        let view = try await CourseAccess.requireReadable(req, courseID: req.parameters.get("courseID", as: UUID.self))
        // Writers see every lesson; learners only what is published.
        let outline = try await CourseOutline.load(view.courseID, publishedOnly: !view.isAuthor, on: req.db)
        var progress: CourseProgress?
        if let enrolment = view.enrolment {
            progress = try await outline.progress(of: enrolment.requireID(), on: req.db)
        }
        let sections = try outline.sections.map { part in
            CourseSectionDTO(
                id: try part.section.requireID(), title: part.section.title, position: part.section.position,
                lessons: try part.lessons.map { lesson in
                    let id = try lesson.requireID()
                    return CourseLessonDTO(
                        id: id, title: lesson.title, kind: lesson.kind, minutes: lesson.minutes,
                        required: lesson.required, requiresPrevious: lesson.requiresPrevious,
                        published: lesson.published, quizId: lesson.$quiz.id,
                        state: progress?.states[id.uuidString]?.rawValue)
                })
        }
        return CourseDetailDTO(
            course: try CourseDTO(view.course, programme: view.programme), sections: sections,
            enrolled: view.enrolment != nil,
            progress: progress.map {
                CourseProgressDTO(
                    percent: $0.percent, requiredDone: $0.requiredDone, requiredTotal: $0.requiredTotal,
                    complete: $0.complete, nextLessonId: $0.next.flatMap(UUID.init(uuidString:)),
                    resumeLessonId: $0.resume.flatMap(UUID.init(uuidString:)))
            })
    }
}
