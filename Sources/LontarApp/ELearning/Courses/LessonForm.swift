import Fluent
import LontarCore
import Vapor

/// The lesson form: what it accepts, and the page that shows it.
struct LessonInput: Content {
    var section: String?
    var kind: String?
    var title: String?
    var body: String?
    var url: String?
    var file: String?
    var quiz: String?
    var minutes: String?
    var required: String?
    var requires_previous: String?
    var published: String?
}

/// A lesson as the form says it should be, every reference checked against the course.
struct LessonDraft: Sendable {
    var sectionID: UUID
    var kind: LessonKind
    var title: String
    var body: String
    var url: String
    var fileID: UUID?
    var quizID: UUID?
    var minutes: Int
    var required: Bool
    var requiresPrevious: Bool
    var published: Bool

    func apply(to lesson: Lesson) {
        lesson.kind = kind.rawValue
        lesson.title = title
        lesson.body = body
        lesson.url = url
        lesson.$file.id = fileID
        lesson.$quiz.id = quizID
        lesson.minutes = minutes
        lesson.required = required
        lesson.requiresPrevious = requiresPrevious
        lesson.published = published
    }
}

/// What a course offers the form to choose from.
struct LessonChoices {
    let sections: [CourseSection]
    let files: [CourseFile]
    let quizzes: [Quiz]

    static func load(_ courseID: UUID, on db: any Database) async throws -> LessonChoices {
        LessonChoices(
            sections: try await CourseSection.query(on: db).filter(\.$course.$id == courseID).sort(\.$position).all(),
            files: try await CourseFile.query(on: db).filter(\.$course.$id == courseID).sort(\.$fileName).all(),
            quizzes: try await Quiz.query(on: db).filter(\.$course.$id == courseID).sort(\.$title).all())
    }
}

enum LessonForm {
    /// 100,000 characters: a long chapter. The form's body limit leaves room for encoding.
    static let maxBody = 100_000
    static let maxUpload: ByteCount = "512kb"

    static func values(of lesson: Lesson) -> LessonFormPage.Values {
        LessonFormPage.Values(
            section: lesson.$section.id.uuidString, kind: lesson.kind, title: lesson.title, body: lesson.body,
            url: lesson.url, file: lesson.$file.id?.uuidString ?? "", quiz: lesson.$quiz.id?.uuidString ?? "",
            minutes: String(lesson.minutes), required: lesson.required, requiresPrevious: lesson.requiresPrevious,
            published: lesson.published)
    }

    static func validate(
        _ input: LessonInput, choices: LessonChoices, _ req: Request
    ) -> (LessonFormPage.Values, LessonDraft?, FormErrors) {
        let values = LessonFormPage.Values(
            section: TextInput.trimmed(input.section), kind: TextInput.trimmed(input.kind),
            title: TextInput.trimmed(input.title), body: TextInput.paragraphs(input.body),
            url: TextInput.trimmed(input.url), file: TextInput.trimmed(input.file), quiz: TextInput.trimmed(input.quiz),
            minutes: TextInput.trimmed(input.minutes), required: input.required != nil,
            requiresPrevious: input.requires_previous != nil, published: input.published != nil)
        var errors = FormErrors()
        let section = choices.sections.first { $0.id?.uuidString == values.section }
        if section == nil { errors.add("section", req.t("course.lesson.sectionRequired")) }
        let kind = LessonKind(rawValue: values.kind)
        if kind == nil { errors.add("kind", req.t("course.lesson.kindRequired")) }
        if values.title.isEmpty {
            errors.add("title", req.t("course.lesson.titleRequired"))
        } else if values.title.count > 200 {
            errors.add("title", req.t("course.lesson.titleTooLong", "200"))
        }
        if values.body.count > maxBody {
            errors.add("body", req.t("course.lesson.bodyTooLong", String(maxBody)))
        }
        let minutes = values.minutes.isEmpty ? 0 : Int(values.minutes)
        if minutes == nil || !(0...600).contains(minutes ?? -1) {
            errors.add("minutes", req.t("course.lesson.minutesRange", "600"))
        }
        let file = choices.files.first { $0.id?.uuidString == values.file }
        if !values.file.isEmpty, file == nil { errors.add("file", req.t("course.lesson.fileUnknown")) }
        let quiz = choices.quizzes.first { $0.id?.uuidString == values.quiz }
        if !values.quiz.isEmpty, quiz == nil { errors.add("quiz", req.t("course.lesson.quizUnknown")) }
        var url = ""
        switch kind {
        case .link:
            url = values.url
            if url.isEmpty { errors.add("url", req.t("course.lesson.urlRequired")) }
        case .video:
            url = values.url
            if url.isEmpty && file == nil { errors.add("url", req.t("course.lesson.videoRequired")) }
            if let file, FileStore.Kind(contentType: file.contentType)?.isVideo != true {
                errors.add("file", req.t("course.lesson.fileNotVideo"))
            }
        case .file:
            if file == nil { errors.add("file", req.t("course.lesson.fileRequired")) }
        case .quiz:
            if quiz == nil { errors.add("quiz", req.t("course.lesson.quizRequired")) }
        case .text, nil:
            break
        }
        if !url.isEmpty, !isSecureLink(url) { errors.add("url", req.t("course.lesson.urlHTTPS")) }
        guard errors.isEmpty, let section, let kind, let minutes else { return (values, nil, errors) }
        let draft = LessonDraft(
            sectionID: section.id!, kind: kind, title: values.title, body: values.body, url: url,
            fileID: kind == .file || kind == .video ? file?.id : nil, quizID: kind == .quiz ? quiz?.id : nil,
            minutes: minutes, required: values.required, requiresPrevious: values.requiresPrevious,
            published: values.published)
        return (values, draft, errors)
    }

    /// Video and link lessons point outside Lontar: https only, a host, no spaces, so the
    /// address can neither run script nor send a learner somewhere unencrypted.
    static func isSecureLink(_ text: String) -> Bool {
        guard text.count <= 2000, !text.contains(where: { $0.isWhitespace }), let url = URL(string: text),
            url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty
        else { return false }
        return true
    }

    static func render(
        _ req: Request, course: Course, lesson: Lesson?, values: LessonFormPage.Values, choices: LessonChoices,
        errors: FormErrors, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let courseID = try course.requireID()
        let lessonID = lesson?.id
        let page = LessonFormPage(
            layout: try await Layout.make(
                req, title: lesson == nil ? req.t("course.lesson.new") : req.t("course.lesson.edit", lesson!.title)),
            action: lessonID.map(Paths.lessonEdit) ?? Paths.courseLessonNew(courseID),
            cancelHref: Paths.courseEdit(courseID) + "#outline", isNew: lesson == nil, values: values,
            sections: choices.sections.map {
                Option(value: $0.id!.uuidString, label: $0.title, selected: $0.id!.uuidString == values.section)
            },
            kinds: LessonKind.allCases.map {
                Option(
                    value: $0.rawValue, label: CourseLabels.kind($0.rawValue, req), selected: $0.rawValue == values.kind
                )
            },
            files: choices.files.map {
                Option(
                    value: $0.id!.uuidString,
                    label: "\($0.fileName) (\(FileStore.size($0.size, language: req.language)))",
                    selected: $0.id!.uuidString == values.file)
            },
            quizzes: choices.quizzes.map {
                Option(value: $0.id!.uuidString, label: $0.title, selected: $0.id!.uuidString == values.quiz)
            },
            errors: errors.messages, invalid: errors.fields, previewHref: lessonID.map(Paths.lessonPreview),
            filesHref: Paths.courseFiles(courseID), quizNewHref: Paths.quizNew(courseID))
        return try await req.renderPage("elearning/courses/lesson-form", page, status: status)
    }
}
