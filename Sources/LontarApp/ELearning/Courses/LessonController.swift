import Fluent
import LontarCore
import Vapor

/// Writing lessons (new, edit, move, preview) and reading them (the lesson page, "done").
struct LessonController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let limit = LessonForm.maxUpload
        routes.get(CourseRouting.pattern(Paths.courseLessonNew, CourseRouting.course), use: newLesson)
        routes.on(
            .POST, CourseRouting.pattern(Paths.courseLessonNew, CourseRouting.course), body: .collect(maxSize: limit),
            use: create)
        routes.get(CourseRouting.pattern(Paths.lessonEdit, CourseRouting.lesson), use: edit)
        routes.on(
            .POST, CourseRouting.pattern(Paths.lessonEdit, CourseRouting.lesson), body: .collect(maxSize: limit),
            use: update)
        routes.post(CourseRouting.pattern(Paths.lessonMove, CourseRouting.lesson), use: move)
        routes.get(CourseRouting.pattern(Paths.lessonPreview, CourseRouting.lesson), use: preview)
        routes.get(CourseRouting.pattern(Paths.lesson, CourseRouting.lesson), use: show)
        routes.post(CourseRouting.pattern(Paths.lessonDone, CourseRouting.lesson), use: done)
    }

    // MARK: - Writing

    func newLesson(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(req, courseID: CourseRouting.courseID(req))
        let courseID = try course.requireID()
        let choices = try await LessonChoices.load(courseID, on: req.db)
        guard let first = choices.sections.first else {
            Flash.set(req, req.t("course.lesson.needsSection"))
            return req.redirect(to: Paths.courseEdit(courseID) + "#outline")
        }
        var values = LessonFormPage.Values()
        let wanted = req.query[String.self, at: "section"]
        values.section = choices.sections.first { $0.id?.uuidString == wanted }?.id?.uuidString ?? first.id!.uuidString
        return try await LessonForm.render(
            req, course: course, lesson: nil, values: values, choices: choices, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(req, courseID: CourseRouting.courseID(req))
        let courseID = try course.requireID()
        let choices = try await LessonChoices.load(courseID, on: req.db)
        let (values, draft, errors) = LessonForm.validate(
            try req.content.decode(LessonInput.self), choices: choices, req)
        guard let draft else {
            return try await LessonForm.render(
                req, course: course, lesson: nil, values: values, choices: choices, errors: errors,
                status: .unprocessableEntity)
        }
        try await CourseContent.change(courseID, now: req.now, on: req.db) { db in
            let lesson = Lesson()
            lesson.$course.id = courseID
            lesson.$section.id = draft.sectionID
            lesson.position = try await CourseContent.nextLessonPosition(in: draft.sectionID, on: db)
            draft.apply(to: lesson)
            try await lesson.create(on: db)
        }
        Flash.set(req, req.t("course.lesson.created", draft.title))
        return req.redirect(to: Paths.courseEdit(courseID) + "#outline")
    }

    func edit(req: Request) async throws -> Response {
        let context = try await LessonContext.requireAuthor(req)
        let choices = try await LessonChoices.load(context.courseID, on: req.db)
        return try await LessonForm.render(
            req, course: context.course, lesson: context.lesson, values: LessonForm.values(of: context.lesson),
            choices: choices, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let context = try await LessonContext.requireAuthor(req)
        let lesson = context.lesson
        let courseID = context.courseID
        let choices = try await LessonChoices.load(courseID, on: req.db)
        let (values, draft, errors) = LessonForm.validate(
            try req.content.decode(LessonInput.self), choices: choices, req)
        guard let draft else {
            return try await LessonForm.render(
                req, course: context.course, lesson: lesson, values: values, choices: choices, errors: errors,
                status: .unprocessableEntity)
        }
        let sectionChanged = draft.sectionID != lesson.$section.id
        try await CourseContent.change(courseID, now: req.now, on: req.db) { db in
            draft.apply(to: lesson)
            try await lesson.save(on: db)
        }
        if sectionChanged {
            try await CourseContent.move(
                lesson: context.lessonID, courseID: courseID, to: draft.sectionID, now: req.now, on: req.db)
        }
        Flash.set(req, req.t("course.lesson.saved", draft.title))
        return req.redirect(to: Paths.lessonEdit(context.lessonID))
    }

    struct MoveInput: Content {
        var direction: String?
        var section: String?
    }

    /// One place up or down within the section, or to the end of another section.
    func move(req: Request) async throws -> Response {
        let context = try await LessonContext.requireAuthor(req)
        let input = try req.content.decode(MoveInput.self)
        let courseID = context.courseID
        if let target = input.section.flatMap(UUID.init(uuidString:)) {
            guard
                try await CourseSection.query(on: req.db).filter(\.$id == target)
                    .filter(\.$course.$id == courseID).first() != nil
            else { throw AppError.invalid("section", .init("course.lesson.sectionRequired")) }
            try await CourseContent.move(
                lesson: context.lessonID, courseID: courseID, to: target, now: req.now, on: req.db)
        } else if let direction = input.direction.flatMap(CourseContent.Direction.init(rawValue:)) {
            try await CourseContent.move(
                lesson: context.lessonID, courseID: courseID, direction, now: req.now, on: req.db)
        } else {
            throw AppError.invalid("direction", .init("course.move.direction"))
        }
        return req.redirect(to: Paths.courseEdit(courseID) + "#outline")
    }

    /// The lesson exactly as a learner would see it, draft or not, without recording anything.
    func preview(req: Request) async throws -> Response {
        let context = try await LessonContext.requireAuthor(req)
        let outline = try await CourseOutline.load(context.courseID, publishedOnly: false, on: req.db)
        return try await LessonView.render(req, context, outline: outline, progress: nil, preview: true)
    }

    // MARK: - Reading

    /// Published lessons of a published course, for its enrolled learners. An author who is
    /// not enrolled is shown the preview; a locked lesson names the one to do first.
    func show(req: Request) async throws -> Response {
        let context = try await LessonContext.load(req)
        let (enrolment, outline, progress) = try await readable(req, context)
        guard let enrolment, let outline, let progress else {
            return req.redirect(to: Paths.lessonPreview(context.lessonID))
        }
        if progress.states[context.lessonID.uuidString] == .locked {
            return try await LessonView.renderLocked(req, context, outline: outline, progress: progress)
        }
        // The offline copy fetches every lesson ahead of time (`Purpose: prefetch`): only a
        // learner really opening a lesson moves "continue" to it.
        if !req.isOfflinePrefetch {
            try await CourseProgressWriter.opened(context.lessonID, enrolment: enrolment, at: req.now, on: req.db)
        }
        return try await LessonView.render(req, context, outline: outline, progress: progress, preview: false)
    }

    /// Marks a lesson done, completes the course when that was the last one needed, and goes
    /// on to the next lesson. Quiz lessons are done by passing the quiz, not by this button.
    func done(req: Request) async throws -> Response {
        let context = try await LessonContext.load(req)
        let (found, loaded, evaluated) = try await readable(req, context)
        guard let enrolment = found, let outline = loaded, let progress = evaluated else { throw AppError.forbidden() }
        guard context.lesson.kind != LessonKind.quiz.rawValue else {
            throw AppError.conflict("lesson_is_quiz", .init("course.lesson.quizDone"))
        }
        guard progress.states[context.lessonID.uuidString] != .locked else {
            throw AppError(.forbidden, "lesson_locked", .init("course.lesson.lockedShort"))
        }
        try await CourseProgressWriter.done(context.lessonID, enrolment: enrolment, at: req.now, on: req.db)
        if try await CourseCompletion.checkAndComplete(enrolment, course: context.course, request: req) {
            Flash.set(req, req.t("course.completed", context.course.title))
            return req.redirect(to: Paths.course(context.courseID))
        }
        let lessons = outline.lessons
        if let index = lessons.firstIndex(where: { $0.id == context.lessonID }), index + 1 < lessons.count {
            Flash.set(req, req.t("course.lesson.marked", context.lesson.title))
            return req.redirect(to: Paths.lesson(lessons[index + 1].id!))
        }
        Flash.set(req, req.t("course.lesson.marked", context.lesson.title))
        return req.redirect(to: Paths.course(context.courseID))
    }

    /// The learner's enrolment, the published outline and their progress; all nil for an
    /// author who is not enrolled (they read through the preview). Anyone else is refused:
    /// a draft or unknown lesson is not found, an unenrolled learner is told to enrol.
    private func readable(
        _ req: Request, _ context: LessonContext
    ) async throws -> (Enrolment?, CourseOutline?, CourseProgress?) {
        let author = try await CourseAccess.canAuthor(
            context.course, programme: context.programme, context.principal, on: req.db)
        let visible = CourseStatus.opensToEnrolled(context.course.status) && context.lesson.published
        let enrolment =
            visible
            ? try await CourseEnrolments.current(context.course, employeeID: context.principal.employeeID, on: req.db)
            : nil
        guard let enrolment else {
            if author { return (nil, nil, nil) }
            // An archived course exists only for those enrolled in it: no "enrol first" for others.
            guard visible, context.course.status == CourseStatus.published.rawValue else { throw AppError.notFound() }
            throw AppError(.forbidden, "not_enrolled", .init("course.lesson.notEnrolled"))
        }
        let outline = try await CourseOutline.load(context.courseID, publishedOnly: true, on: req.db)
        let progress = try await outline.progress(of: enrolment.requireID(), on: req.db)
        return (enrolment, outline, progress)
    }
}
