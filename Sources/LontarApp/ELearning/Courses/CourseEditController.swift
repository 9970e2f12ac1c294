import Fluent
import LontarCore
import Vapor

/// Writing a course: details, status, sections and their order, and who may write it.
struct CourseEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CourseRouting.pattern(Paths.courseEdit, CourseRouting.course), use: edit)
        routes.post(CourseRouting.pattern(Paths.courseEdit, CourseRouting.course), use: update)
        routes.post(CourseRouting.pattern(Paths.coursePublish, CourseRouting.course), use: changeStatus)
        routes.post(CourseRouting.pattern(Paths.courseSections, CourseRouting.course), use: addSection)
        routes.post(CourseRouting.pattern(Paths.section, CourseRouting.section), use: updateSection)
        routes.post(CourseRouting.pattern(Paths.sectionMove, CourseRouting.section), use: moveSection)
        routes.post(CourseRouting.pattern(Paths.courseAuthors, CourseRouting.course), use: changeAuthors)
    }

    func edit(req: Request) async throws -> Response {
        let (course, programme, principal) = try await CourseAccess.requireAuthor(
            req, courseID: CourseRouting.courseID(req))
        return try await CourseEditor(req: req, course: course, programme: programme, principal: principal).render()
    }

    func update(req: Request) async throws -> Response {
        let (course, programme, principal) = try await CourseAccess.requireAuthor(
            req, courseID: CourseRouting.courseID(req))
        let input = try req.content.decode(CourseController.CourseInput.self)
        let (values, errors) = CourseController.validate(input, req)
        guard errors.isEmpty else {
            return try await CourseEditor(req: req, course: course, programme: programme, principal: principal)
                .render(values: values, errors: errors, status: .unprocessableEntity)
        }
        let courseID = try course.requireID()
        let classID = course.$trainingClass.id
        try await CourseContent.change(courseID, now: req.now, on: req.db) { db in
            course.title = values.title
            course.summary = values.summary
            course.openEnrolment = values.openEnrolment
            try await course.save(on: db)
            // The online class carries the course's name into "my training" and the SIASN export.
            if let trainingClass = try await TrainingClass.find(classID, on: db) {
                trainingClass.name = values.title
                try await trainingClass.save(on: db)
            }
        }
        Flash.set(req, req.t("course.edit.saved"))
        return req.redirect(to: Paths.courseEdit(courseID))
    }

    struct StatusInput: Content {
        var status: String?
    }

    /// Draft → published → archived (and back). Publishing needs at least one published
    /// lesson: a learner must never join an empty course.
    func changeStatus(req: Request) async throws -> Response {
        let (course, programme, principal) = try await CourseAccess.requireAuthor(
            req, courseID: CourseRouting.courseID(req))
        let courseID = try course.requireID()
        let editor = CourseEditor(req: req, course: course, programme: programme, principal: principal)
        guard let target = (try req.content.decode(StatusInput.self).status).flatMap(CourseStatus.init(rawValue:))
        else {
            return try await editor.render(statusError: req.t("course.status.unknown"), status: .unprocessableEntity)
        }
        if target == .published {
            let lessons = try await Lesson.query(on: req.db).filter(\.$course.$id == courseID)
                .filter(\.$published == true).count()
            guard lessons > 0 else {
                return try await editor.render(statusError: req.t("course.status.needsLesson"), status: .conflict)
            }
        }
        if target.rawValue != course.status {
            try await CourseContent.change(courseID, now: req.now, on: req.db) { db in
                course.status = target.rawValue
                try await course.save(on: db)
            }
        }
        Flash.set(req, req.t("course.status.changed", CourseLabels.status(target.rawValue, req)))
        return req.redirect(to: Paths.courseEdit(courseID))
    }

    struct SectionInput: Content {
        var title: String?
        var action: String?
        var direction: String?
    }

    func addSection(req: Request) async throws -> Response {
        let (course, programme, principal) = try await CourseAccess.requireAuthor(
            req, courseID: CourseRouting.courseID(req))
        let courseID = try course.requireID()
        let title = TextInput.trimmed(try req.content.decode(SectionInput.self).title)
        if let problem = Self.sectionTitleProblem(title, req) {
            return try await CourseEditor(req: req, course: course, programme: programme, principal: principal)
                .render(sectionError: problem, status: .unprocessableEntity)
        }
        try await CourseContent.addSection(courseID, title: title, now: req.now, on: req.db)
        Flash.set(req, req.t("course.section.added", title))
        return req.redirect(to: Paths.courseEdit(courseID))
    }

    /// Renames a section, or deletes it when it holds no lesson (lessons are never
    /// deleted by the way: move them elsewhere first).
    func updateSection(req: Request) async throws -> Response {
        let (section, course, editor) = try await sectionContext(req)
        let courseID = try course.requireID()
        let input = try req.content.decode(SectionInput.self)
        let sectionID = try section.requireID()
        if input.action == "delete" {
            let lessons = try await Lesson.query(on: req.db).filter(\.$section.$id == sectionID).count()
            guard lessons == 0 else {
                return try await editor.render(sectionError: req.t("course.section.notEmpty"), status: .conflict)
            }
            try await CourseContent.change(courseID, now: req.now, on: req.db) { db in
                try await CourseSection.query(on: db).filter(\.$id == sectionID).delete()
            }
            Flash.set(req, req.t("course.section.deleted", section.title))
            return req.redirect(to: Paths.courseEdit(courseID))
        }
        let title = TextInput.trimmed(input.title)
        if let problem = Self.sectionTitleProblem(title, req) {
            return try await editor.render(sectionError: problem, status: .unprocessableEntity)
        }
        try await CourseContent.change(courseID, now: req.now, on: req.db) { db in
            section.title = title
            try await section.save(on: db)
        }
        Flash.set(req, req.t("course.section.renamed", title))
        return req.redirect(to: Paths.courseEdit(courseID))
    }

    func moveSection(req: Request) async throws -> Response {
        let (section, course, _) = try await sectionContext(req)
        let courseID = try course.requireID()
        guard let direction = try req.content.decode(SectionInput.self).direction.flatMap(CourseContent.Direction.init)
        else { throw AppError.invalid("direction", .init("course.move.direction")) }
        try await CourseContent.move(
            section: try section.requireID(), courseID: courseID, direction, now: req.now, on: req.db)
        return req.redirect(to: Paths.courseEdit(courseID) + "#outline")
    }

    private func sectionContext(_ req: Request) async throws -> (CourseSection, Course, CourseEditor) {
        guard let section = try await CourseSection.find(try CourseRouting.id(req, CourseRouting.section), on: req.db)
        else {
            throw AppError.notFound()
        }
        let (course, programme, principal) = try await CourseAccess.requireAuthor(req, courseID: section.$course.id)
        return (section, course, CourseEditor(req: req, course: course, programme: programme, principal: principal))
    }

    static func sectionTitleProblem(_ title: String, _ req: Request) -> String? {
        if title.isEmpty { return req.t("course.section.titleRequired") }
        if title.count > 200 { return req.t("course.section.titleTooLong", "200") }
        return nil
    }

    struct AuthorInput: Content {
        var action: String?
        var username: String?
        var user: String?
    }

    /// Only the programme's managers choose who writes the course; the authors themselves
    /// cannot add colleagues or remove each other.
    func changeAuthors(req: Request) async throws -> Response {
        let (course, programme, principal) = try await CourseAccess.requireAuthor(
            req, courseID: CourseRouting.courseID(req))
        guard TrainingAccess.canManage(programme, principal) else { throw AppError.forbidden() }
        let courseID = try course.requireID()
        let editor = CourseEditor(req: req, course: course, programme: programme, principal: principal)
        let input = try req.content.decode(AuthorInput.self)
        switch input.action {
        case "add":
            let username = TextInput.trimmed(input.username)
            guard !username.isEmpty,
                let account = try await UserAccount.query(on: req.db).filter(\.$username == username).first()
            else {
                return try await editor.render(
                    authorError: req.t("course.authors.unknown", username), status: .unprocessableEntity)
            }
            let roles = Role.decode(account.roles)
            guard account.active, roles.contains(.facilitator) || roles.contains(.partner) else {
                return try await editor.render(
                    authorError: req.t("course.authors.notFacilitator", username), status: .unprocessableEntity)
            }
            let accountID = try account.requireID()
            let exists =
                try await CourseAuthor.query(on: req.db).filter(\.$course.$id == courseID)
                .filter(\.$user.$id == accountID).first() != nil
            if !exists {
                let author = CourseAuthor()
                author.$course.id = courseID
                author.$user.id = accountID
                try await author.create(on: req.db)
            }
            Flash.set(req, req.t("course.authors.added", account.displayName))
        case "remove":
            guard let userID = input.user.flatMap(UUID.init(uuidString:)) else {
                throw AppError.invalid("user", .init("course.authors.unknown", [input.user ?? ""]))
            }
            try await CourseAuthor.query(on: req.db).filter(\.$course.$id == courseID)
                .filter(\.$user.$id == userID).delete()
            Flash.set(req, req.t("course.authors.removed"))
        default:
            throw AppError.invalid("action", .init("course.authors.action"))
        }
        return req.redirect(to: Paths.courseEdit(courseID) + "#authors")
    }
}
