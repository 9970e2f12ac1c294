import Fluent
import LontarCore
import Vapor

/// The course edit page, rendered fresh or again with what went wrong in one of its forms.
struct CourseEditor {
    let req: Request
    let course: Course
    let programme: Programme
    let principal: Principal

    func render(
        values: CourseFormPage.Values? = nil, errors: FormErrors = FormErrors(), statusError: String? = nil,
        sectionError: String? = nil, authorError: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let id = try course.requireID()
        let outline = try await CourseOutline.load(id, publishedOnly: false, on: req.db)
        let authors = try await CourseAuthor.query(on: req.db).filter(\.$course.$id == id).with(\.$user).all()
            .map(\.user).sorted { $0.displayName < $1.displayName }
        let quizzes = try await Quiz.query(on: req.db).filter(\.$course.$id == id).sort(\.$title).all()
        let sectionOptions = outline.sections.map {
            Option(value: $0.section.id!.uuidString, label: $0.section.title, selected: false)
        }
        let sections = outline.sections.enumerated().map { index, part -> CourseEditPage.Section in
            let sectionID = part.section.id!
            let lessons = part.lessons.enumerated().map { position, lesson -> CourseEditPage.LessonRow in
                let lessonID = lesson.id!
                return CourseEditPage.LessonRow(
                    title: lesson.title, kind: CourseLabels.kind(lesson.kind, req), published: lesson.published,
                    required: lesson.required, editHref: Paths.lessonEdit(lessonID),
                    previewHref: Paths.lessonPreview(lessonID), moveAction: Paths.lessonMove(lessonID),
                    canUp: position > 0, canDown: position < part.lessons.count - 1,
                    otherSections: sectionOptions.filter { $0.value != sectionID.uuidString })
            }
            return CourseEditPage.Section(
                title: part.section.title, action: Paths.section(sectionID), moveAction: Paths.sectionMove(sectionID),
                canUp: index > 0, canDown: index < outline.sections.count - 1, canDelete: part.lessons.isEmpty,
                newLessonHref: Paths.courseLessonNew(id) + "?section=" + sectionID.uuidString, lessons: lessons)
        }
        let targets = CourseStatus.allCases.filter { $0.rawValue != course.status }.map {
            Option(value: $0.rawValue, label: req.t("course.status.to.\($0.rawValue)"), selected: false)
        }
        let page = CourseEditPage(
            layout: try await Layout.make(req, title: req.t("course.edit.title", course.title)),
            courseHref: Paths.course(id), action: Paths.courseEdit(id),
            values: values
                ?? CourseFormPage.Values(
                    title: course.title, summary: course.summary, openEnrolment: course.openEnrolment),
            errors: errors.messages, invalid: errors.fields, status: CourseLabels.status(course.status, req),
            statusTag: CourseLabels.statusTag(course.status), statusAction: Paths.coursePublish(id),
            statusTargets: targets, statusError: statusError, revision: course.revision,
            sections: sections, sectionAction: Paths.courseSections(id), sectionError: sectionError,
            authors: authors.map {
                CourseEditPage.Author(name: $0.displayName, username: $0.username, userID: $0.id!.uuidString)
            },
            canManageAuthors: TrainingAccess.canManage(programme, principal), authorsAction: Paths.courseAuthors(id),
            authorError: authorError, filesHref: Paths.courseFiles(id), bankHref: Paths.questionBank(id),
            quizNewHref: Paths.quizNew(id),
            quizzes: quizzes.map {
                CourseEditPage.Quiz(title: $0.title, href: Paths.quiz($0.id!), editHref: Paths.quizEdit($0.id!))
            },
            learnersHref: Paths.courseLearners(id), assignHref: Paths.courseAssign(id))
        return try await req.renderPage("elearning/courses/edit", page, status: status)
    }
}
