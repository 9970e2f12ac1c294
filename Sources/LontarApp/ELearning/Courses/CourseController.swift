import Fluent
import LontarCore
import Vapor

/// The learner's side of courses: the list, a course's home page, joining an open course;
/// and creating a course from a programme.
struct CourseController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.courses.pathComponents, use: list)
        routes.get(CatalogueRouting.pattern(Paths.courseNew(programme:)), use: newCourse)
        routes.post(CatalogueRouting.pattern(Paths.courseNew(programme:)), use: createCourse)
        routes.get(CourseRouting.pattern(Paths.course, CourseRouting.course), use: home)
        routes.post(CourseRouting.pattern(Paths.courseEnrol, CourseRouting.course), use: enrol)
    }

    // MARK: - List

    func list(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        var mine: [CourseCard] = []
        var available: [CourseCard] = []
        var pager: Pager?
        if let employeeID = principal.employeeID {
            let rows = try await CourseQueries.enrolled(employeeID, on: req.db)
            let lessons = try await CourseQueries.lessonCounts(rows.map(\.id), on: req.db)
            let done = try await CourseQueries.doneCounts(rows.map(\.enrolment_id), on: req.db)
            mine = rows.map { row in
                let count = lessons[row.id]
                let finished = done[row.enrolment_id]
                let (percent, doneCount, total) = CourseStats.percent(
                    total: count?.total ?? 0, requiredTotal: count?.required_total ?? 0, done: finished?.done ?? 0,
                    requiredDone: finished?.required_done ?? 0)
                return CourseCard(
                    href: Paths.course(row.id), title: row.title, summary: CatalogueController.excerpt(row.summary),
                    programme: row.programme_title, jp: TrainingLabels.jp(row.jp, req),
                    percent: row.completed ? 100 : percent,
                    progressText: req.t("course.progress", String(doneCount), String(total)),
                    completed: row.completed, status: nil, statusTag: "", editHref: nil)
            }
            let paging = PageRequest.from(req, defaultPer: 10, maxPer: 50)
            let (rows2, total) = try await CourseQueries.available(to: employeeID, paging: paging, on: req.db)
            available = rows2.map { card($0, req, edit: false) }
            pager = Pager(paging: paging, total: total, path: Paths.courses, query: [:], request: req)
        }
        let writing = try await CourseQueries.written(by: principal, limit: 100, on: req.db).map {
            card($0, req, edit: true)
        }
        let page = CourseListPage(
            layout: try await Layout.make(req, title: req.t("course.list.title")),
            isEmployee: principal.employeeID != nil, mine: mine, writing: writing, available: available,
            pager: pager)
        return try await req.renderPage("elearning/courses/list", page)
    }

    private func card(_ row: CourseQueries.CourseRow, _ req: Request, edit: Bool) -> CourseCard {
        let published = row.status == CourseStatus.published.rawValue
        return CourseCard(
            href: Paths.course(row.id), title: row.title, summary: CatalogueController.excerpt(row.summary),
            programme: row.programme_title, jp: TrainingLabels.jp(row.jp, req), percent: nil, progressText: nil,
            completed: false, status: published ? nil : CourseLabels.status(row.status, req),
            statusTag: CourseLabels.statusTag(row.status), editHref: edit ? Paths.courseEdit(row.id) : nil)
    }

    // MARK: - Creating

    func newCourse(req: Request) async throws -> Response {
        let programme = try await creatable(req)
        return try await renderForm(req, programme, values: .init(), errors: FormErrors())
    }

    struct CourseInput: Content {
        var title: String?
        var summary: String?
        var open_enrolment: String?
    }

    func createCourse(req: Request) async throws -> Response {
        let programme = try await creatable(req)
        let input = try req.content.decode(CourseInput.self)
        let (values, errors) = Self.validate(input, req)
        guard errors.isEmpty else {
            return try await renderForm(req, programme, values: values, errors: errors, status: .unprocessableEntity)
        }
        let course = try await CourseEnrolments.create(
            title: values.title, summary: values.summary, openEnrolment: values.openEnrolment, programme: programme,
            by: try req.requirePrincipal().userID, on: req.db)
        Flash.set(req, req.t("course.created", values.title))
        return req.redirect(to: Paths.courseEdit(try course.requireID()))
    }

    /// Title (1–200 characters) and summary (up to 2,000); shared with the edit page.
    static func validate(_ input: CourseInput, _ req: Request) -> (CourseFormPage.Values, FormErrors) {
        let values = CourseFormPage.Values(
            title: TextInput.trimmed(input.title), summary: TextInput.paragraphs(input.summary),
            openEnrolment: input.open_enrolment != nil)
        var errors = FormErrors()
        if values.title.isEmpty {
            errors.add("title", req.t("course.form.titleRequired"))
        } else if values.title.count > 200 {
            errors.add("title", req.t("course.form.titleTooLong", "200"))
        }
        if values.summary.count > 2000 { errors.add("summary", req.t("course.form.summaryTooLong", "2000")) }
        return (values, errors)
    }

    private func creatable(_ req: Request) async throws -> Programme {
        let principal = try req.requirePrincipal()
        guard let programme = try await Programme.find(try CatalogueRouting.id(req), on: req.db) else {
            throw AppError.notFound()
        }
        guard CourseAccess.canCreate(in: programme, principal) else { throw AppError.forbidden() }
        return programme
    }

    private func renderForm(
        _ req: Request, _ programme: Programme, values: CourseFormPage.Values, errors: FormErrors,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let id = try programme.requireID()
        let page = CourseFormPage(
            layout: try await Layout.make(req, title: req.t("course.new.title")),
            action: Paths.courseNew(programme: id), cancelHref: Paths.programme(id), programmeTitle: programme.title,
            values: values, errors: errors.messages, invalid: errors.fields)
        return try await req.renderPage("elearning/courses/new", page, status: status)
    }

    // MARK: - Home

    func home(req: Request) async throws -> Response {
        let view = try await CourseAccess.requireReadable(req, courseID: try CourseRouting.courseID(req))
        return try await CourseHome.render(req, view)
    }

    // MARK: - Enrolling oneself

    func enrol(req: Request) async throws -> Response {
        let view = try await CourseAccess.requireReadable(req, courseID: try CourseRouting.courseID(req))
        guard let employeeID = view.principal.employeeID else { throw AppError.forbidden() }
        guard view.course.status == CourseStatus.published.rawValue else {
            throw AppError.conflict("course_not_published", .init("course.enrol.notPublished"))
        }
        guard view.course.openEnrolment || view.enrolment != nil else {
            throw AppError(.forbidden, "course_closed", .init("course.enrol.closed"))
        }
        let (_, outcome) = try await CourseEnrolments.enrol(
            employeeID: employeeID, in: view.course, assignedBy: nil, now: req.now, on: req.db)
        Flash.set(
            req,
            req.t(outcome == .enrolled ? "course.enrol.done" : "course.enrol.already", view.course.title))
        return req.redirect(to: Paths.course(view.courseID))
    }
}
