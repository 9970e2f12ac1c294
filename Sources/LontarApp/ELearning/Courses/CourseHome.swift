import Fluent
import LontarCore
import Vapor

/// A course's home page: what it is, where the learner stands, and the way in.
enum CourseHome {
    static func render(_ req: Request, _ view: CourseView) async throws -> Response {
        let course = view.course
        let id = view.courseID
        let published = course.status == CourseStatus.published.rawValue
        let outline = try await CourseOutline.load(id, publishedOnly: !view.isAuthor, on: req.db)
        let enrolment = CourseStatus.opensToEnrolled(course.status) ? view.enrolment : nil
        let progress = try await outline.progress(of: enrolment?.id, on: req.db)
        let enrolled = enrolment != nil
        var certificateHref: String?
        if let enrolment, enrolment.completed,
            let certificate = try await Certificate.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID())
                .first()
        {
            certificateHref = Paths.certificate(try certificate.requireID())
        }
        let sections = outline.sections.compactMap { part -> CourseHomePage.Section? in
            let rows = part.lessons.map { lesson -> CourseHomePage.LessonRow in
                let lessonID = lesson.id!
                let state = lesson.published && enrolled ? progress.states[lessonID.uuidString] : nil
                var href: String?
                if enrolled && lesson.published {
                    href = Paths.lesson(lessonID)
                } else if view.isAuthor {
                    href = Paths.lessonPreview(lessonID)
                }
                return CourseHomePage.LessonRow(
                    title: lesson.title, href: state == .locked ? nil : href, kind: CourseLabels.kind(lesson.kind, req),
                    minutes: CourseLabels.minutes(lesson.minutes, req),
                    state: enrolled ? (state ?? .notStarted).rawValue : "",
                    stateLabel: enrolled ? CourseLabels.state(state, req) : "",
                    optional: !lesson.required, draft: !lesson.published)
            }
            return rows.isEmpty && !view.isAuthor
                ? nil : CourseHomePage.Section(title: part.section.title, lessons: rows)
        }
        let started = progress.states.values.contains { $0 == .opened || $0 == .done }
        let isEmployee = view.principal.employeeID != nil
        let minutes = outline.lessons.filter(\.published).reduce(0) { $0 + $1.minutes }
        let page = CourseHomePage(
            layout: try await Layout.make(req, title: course.title), listHref: Paths.courses, courseID: id.uuidString,
            title: course.title,
            summary: course.summary, programme: view.programme.title,
            programmeHref: Paths.programme(try view.programme.requireID()),
            jp: TrainingLabels.jp(view.programme.jp, req),
            totalMinutes: CourseLabels.minutes(minutes, req),
            status: published ? nil : CourseLabels.status(course.status, req),
            statusTag: CourseLabels.statusTag(course.status), enrolled: enrolled,
            completed: enrolment?.completed ?? false,
            percent: enrolment?.completed == true ? 100 : progress.percent,
            progressText: CourseLabels.progress(progress, req),
            continueHref: enrolled ? progress.resume.flatMap(UUID.init(uuidString:)).map(Paths.lesson) : nil,
            continueLabel: req.t(started ? "course.home.continue" : "course.home.start"),
            enrolHref: isEmployee && !enrolled && published && course.openEnrolment ? Paths.courseEnrol(id) : nil,
            closedNote: isEmployee && !enrolled && published && !course.openEnrolment,
            certificateHref: certificateHref, sections: sections,
            author: view.isAuthor
                ? CourseHomePage.AuthorLinks(
                    editHref: Paths.courseEdit(id), learnersHref: Paths.courseLearners(id),
                    assignHref: Paths.courseAssign(id), filesHref: Paths.courseFiles(id)) : nil,
            offline: enrolled)
        return try await req.renderPage("elearning/courses/home", page)
    }
}
