import Fluent
import Foundation
import LontarCore
import Vapor

/// What a phone stores to have a course offline: the addresses of its pages and, separately,
/// its files with their sizes, so the learner sees what a download costs and chooses.
struct OfflinePackage: Content {
    struct Page: Content, Equatable {
        let url: String
        /// course, lesson, quiz or attempt.
        let kind: String
        let title: String
        /// A lesson still locked for this learner: the server would refuse it, so it is not
        /// fetched now; it is cached when the learner first opens it.
        let locked: Bool
    }

    struct File: Content, Equatable {
        let url: String
        let name: String
        let type: String
        let size: Int
    }

    let courseId: UUID
    let title: String
    /// The course's content revision: a stored copy older than this is stale.
    let revision: Int
    let pages: [Page]
    /// A rough size of the pages (the markup around each lesson and its text), for the label.
    let pagesBytes: Int
    let files: [File]
    let filesBytes: Int

    /// The page chrome of one lesson page, compressed, measured on the lesson pages we serve.
    static let pageOverhead = 6_000

    /// Enrolled learners of a published course only. Four queries whatever the course's size.
    static func build(_ view: CourseView, on db: any Database) async throws -> OfflinePackage {
        let course = view.course
        guard CourseStatus.opensToEnrolled(course.status) else { throw AppError.notFound() }
        guard let enrolment = view.enrolment else {
            throw AppError(.forbidden, "not_enrolled", .init("offline.package.notEnrolled"))
        }
        let outline = try await CourseOutline.load(view.courseID, publishedOnly: true, on: db)
        let progress = try await outline.progress(of: enrolment.requireID(), on: db)
        let lessons = outline.lessons
        var pages = [Page(url: Paths.course(view.courseID), kind: "course", title: course.title, locked: false)]
        var bytes = pageOverhead
        var quizIDs: [UUID] = []
        for lesson in lessons {
            let id = try lesson.requireID()
            let locked = progress.states[id.uuidString] == .locked
            pages.append(Page(url: Paths.lesson(id), kind: "lesson", title: lesson.title, locked: locked))
            bytes += pageOverhead + lesson.body.utf8.count
            if let quizID = lesson.$quiz.id, !quizIDs.contains(quizID) {
                quizIDs.append(quizID)
                pages.append(Page(url: Paths.quiz(quizID), kind: "quiz", title: lesson.title, locked: locked))
                bytes += pageOverhead
            }
        }
        // An attempt under way can be answered offline; its page carries the questions.
        if !quizIDs.isEmpty, let employeeID = view.principal.employeeID {
            let attempts = try await QuizAttempt.query(on: db).filter(\.$quiz.$id ~~ quizIDs)
                .filter(\.$employee.$id == employeeID).filter(\.$finishedAt == nil).all()
            for attempt in attempts {
                pages.append(
                    Page(url: Paths.attempt(try attempt.requireID()), kind: "attempt", title: "", locked: false))
                bytes += pageOverhead * 2
            }
        }
        let fileIDs = lessons.compactMap { $0.$file.id }
        var files: [File] = []
        if !fileIDs.isEmpty {
            let rows = try await CourseFile.query(on: db).filter(\.$id ~~ fileIDs)
                .filter(\.$course.$id == view.courseID).sort(\.$fileName).all()
            files = try rows.map {
                File(url: Paths.courseFile(try $0.requireID()), name: $0.fileName, type: $0.contentType, size: $0.size)
            }
        }
        return OfflinePackage(
            courseId: view.courseID, title: course.title, revision: course.revision, pages: pages, pagesBytes: bytes,
            files: files, filesBytes: files.reduce(0) { $0 + $1.size })
    }
}
