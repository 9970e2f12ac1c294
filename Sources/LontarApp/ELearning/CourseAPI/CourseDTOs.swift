import Foundation
import LontarCore
import Vapor

/// A course as the API shows it; built from the course and its programme, never the models.
struct CourseDTO: Content, Equatable {
    let id: UUID
    let programId: UUID
    let title: String
    let summary: String
    let openEnrolment: Bool
    let status: String
    let revision: Int
    let jp: Double
    let formCode: String
    /// The course's page, for linking from other systems.
    let url: String

    init(_ course: Course, programme: Programme) throws {
        id = try course.requireID()
        programId = try programme.requireID()
        title = course.title
        summary = course.summary
        openEnrolment = course.openEnrolment
        status = course.status
        revision = course.revision
        jp = programme.jp
        formCode = programme.formCode
        url = Paths.course(id)
    }
}

struct CourseLessonDTO: Content, Equatable {
    let id: UUID
    let title: String
    let kind: String
    let minutes: Int
    let required: Bool
    let requiresPrevious: Bool
    let published: Bool
    let quizId: UUID?
    /// For an enrolled learner: locked, notStarted, opened or done.
    let state: String?
}

struct CourseSectionDTO: Content, Equatable {
    let id: UUID
    let title: String
    let position: Int
    let lessons: [CourseLessonDTO]
}

struct CourseProgressDTO: Content, Equatable {
    let percent: Int
    let requiredDone: Int
    let requiredTotal: Int
    let complete: Bool
    let nextLessonId: UUID?
    let resumeLessonId: UUID?
}

/// `GET /api/v1/courses/{courseID}`: the course, its outline and, for an enrolled learner,
/// where they stand.
struct CourseDetailDTO: Content {
    let course: CourseDTO
    let sections: [CourseSectionDTO]
    let enrolled: Bool
    let progress: CourseProgressDTO?
}

/// `POST /api/v1/courses`. Everything optional here so that a missing field is answered
/// with our own message naming it, in the user's language.
struct CourseCreateBody: Content {
    var programId: String?
    var title: String?
    var summary: String?
    var openEnrolment: Bool?

    static let titleLimit = 200
    static let summaryLimit = 2_000

    struct Valid {
        let programmeID: UUID
        let title: String
        let summary: String
        let openEnrolment: Bool
    }

    /// The first problem, named by its field; nothing is written unless all is well.
    func validate() throws -> Valid {
        guard let raw = programId?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            throw AppError.invalid("programId", .init("field.required", ["programId"]))
        }
        guard let programmeID = UUID(uuidString: raw) else {
            throw AppError.invalid("programId", .init("error.decode.type", ["programId"]))
        }
        let title = (self.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw AppError.invalid("title", .init("field.required", ["title"])) }
        guard title.count <= Self.titleLimit else {
            throw AppError.invalid("title", .init("field.length", ["1", String(Self.titleLimit)]))
        }
        let summary = (self.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard summary.count <= Self.summaryLimit else {
            throw AppError.invalid("summary", .init("field.length", ["0", String(Self.summaryLimit)]))
        }
        return Valid(programmeID: programmeID, title: title, summary: summary, openEnrolment: openEnrolment ?? false)
    }
}
