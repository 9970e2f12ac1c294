import Fluent
import LontarCore
import Vapor

/// The lesson page and the "locked" page, for learners and for an author's preview.
enum LessonView {
    static func render(
        _ req: Request, _ context: LessonContext, outline: CourseOutline, progress: CourseProgress?, preview: Bool
    ) async throws -> Response {
        let lesson = context.lesson
        let lessonID = context.lessonID
        let kind = LessonKind(rawValue: lesson.kind) ?? .text
        var file: LessonPage.FileLink?
        if kind == .file || kind == .video, let fileID = lesson.$file.id,
            let stored = try await CourseFile.find(fileID, on: req.db)
        {
            let type = FileStore.Kind(contentType: stored.contentType)
            file = LessonPage.FileLink(
                href: Paths.courseFile(fileID), name: stored.fileName, type: type?.label ?? "",
                size: FileStore.size(stored.size, language: req.language), isVideo: type?.isVideo ?? false,
                contentType: stored.contentType)
        }
        let lessons = outline.lessons
        let index = lessons.firstIndex { $0.id == lessonID }
        func neighbour(_ offset: Int) -> LessonPage.Neighbour? {
            guard let index, lessons.indices.contains(index + offset) else { return nil }
            let other = lessons[index + offset]
            return LessonPage.Neighbour(
                href: preview ? Paths.lessonPreview(other.id!) : Paths.lesson(other.id!), title: other.title)
        }
        let section = outline.sections.first { $0.section.id == lesson.$section.id }?.section.title ?? ""
        let done = progress?.states[lessonID.uuidString] == .done
        let page = LessonPage(
            layout: try await Layout.make(req, title: lesson.title), lessonID: lessonID.uuidString,
            courseHref: Paths.course(context.courseID), courseTitle: context.course.title, section: section,
            title: lesson.title, kind: kind.rawValue, kindLabel: CourseLabels.kind(kind.rawValue, req),
            minutes: CourseLabels.minutes(lesson.minutes, req), body: LessonMarkdown.html(lesson.body), file: file,
            // Checked again on the way out: a lesson written some other way (an import, the
            // database) must not put a `javascript:` address in a learner's page.
            link: (kind == .link || kind == .video) && LessonForm.isSecureLink(lesson.url) ? lesson.url : nil,
            quizHref: kind == .quiz ? lesson.$quiz.id.map(Paths.quiz) : nil, done: done,
            doneAction: preview || done || kind == .quiz ? nil : Paths.lessonDone(lessonID), preview: preview,
            editHref: preview ? Paths.lessonEdit(lessonID) : nil, previous: neighbour(-1), next: neighbour(1))
        return try await req.renderPage("elearning/courses/lesson", page)
    }

    /// A lesson that opens only after the one before it is done: the learner is told which
    /// lesson to finish first (the nearest earlier one that is open to them).
    static func renderLocked(
        _ req: Request, _ context: LessonContext, outline: CourseOutline, progress: CourseProgress
    ) async throws -> Response {
        let lessons = outline.lessons
        var first = lessons.first { progress.next == $0.id?.uuidString }
        if var index = lessons.firstIndex(where: { $0.id == context.lessonID }) {
            while index > 0 {
                index -= 1
                if progress.states[lessons[index].id!.uuidString] != .locked {
                    first = lessons[index]
                    break
                }
            }
        }
        guard let first else { throw AppError.forbidden() }
        let page = LessonLockedPage(
            layout: try await Layout.make(req, title: context.lesson.title), title: context.lesson.title,
            courseHref: Paths.course(context.courseID), firstHref: Paths.lesson(first.id!), firstTitle: first.title)
        return try await req.renderPage("elearning/courses/locked", page, status: .forbidden)
    }
}
