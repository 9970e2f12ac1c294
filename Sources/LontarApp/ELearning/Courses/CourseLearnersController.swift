import Fluent
import LontarCore
import Vapor

/// A course's learners for its authors: who is enrolled and how far they are, and
/// assigning civil servants by NIP.
struct CourseLearnersController: RouteCollection {
    /// One paste of a whole OPD is a few hundred NIPs; more goes in several rounds.
    static let maxAssign = 500

    func boot(routes: any RoutesBuilder) throws {
        routes.get(CourseRouting.pattern(Paths.courseLearners, CourseRouting.course), use: learners)
        routes.get(CourseRouting.pattern(Paths.courseAssign, CourseRouting.course), use: assignForm)
        routes.post(CourseRouting.pattern(Paths.courseAssign, CourseRouting.course), use: assign)
    }

    func learners(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(req, courseID: CourseRouting.courseID(req))
        let courseID = try course.requireID()
        let paging = PageRequest.from(req, defaultPer: 50, maxPer: 200)
        let (rows, total) = try await CourseQueries.learners(of: course, paging: paging, on: req.db)
        let lessons = try await CourseQueries.lessonCounts([courseID], on: req.db)[courseID]
        let done = try await CourseQueries.doneCounts(rows.map(\.enrolment_id), on: req.db)
        let page = CourseLearnersPage(
            layout: try await Layout.make(req, title: req.t("course.learners.title", course.title)),
            courseHref: Paths.course(courseID), assignHref: Paths.courseAssign(courseID),
            rows: rows.map { row in
                let finished = done[row.enrolment_id]
                let (percent, doneCount, counted) = CourseStats.percent(
                    total: lessons?.total ?? 0, requiredTotal: lessons?.required_total ?? 0,
                    done: finished?.done ?? 0, requiredDone: finished?.required_done ?? 0)
                return CourseLearnersPage.Row(
                    name: EmployeeImport.displayName(front: row.front_title, name: row.name, back: row.back_title),
                    nip: row.nip, agency: row.agency_code, percent: row.completed ? 100 : percent,
                    progress: req.t("course.progress", String(doneCount), String(counted)),
                    lastSeen: row.last_seen.map { CityTime.format($0) } ?? "—", completed: row.completed)
            },
            pager: Pager(paging: paging, total: total, path: Paths.courseLearners(courseID), query: [:], request: req))
        return try await req.renderPage("elearning/courses/learners", page)
    }

    func assignForm(req: Request) async throws -> Response {
        let (course, principal) = try await Self.requireAssigner(req)
        return try await render(req, course, principal, text: "", results: [], error: nil)
    }

    /// Assigning enrols people and shows their names by NIP, so it is for the programme's
    /// managers (BKPPD, the organising OPD's operators) only, not for listed facilitators or
    /// partners, who write content but must not look up or enrol the city's staff.
    static func requireAssigner(_ req: Request) async throws -> (Course, Principal) {
        let (course, programme, principal) = try await CourseAccess.requireAuthor(
            req, courseID: CourseRouting.courseID(req))
        guard TrainingAccess.canManage(programme, principal) else { throw AppError.forbidden() }
        return (course, principal)
    }

    struct AssignInput: Content {
        var nips: String?
    }

    /// Enrols each listed civil servant and says what happened to each NIP. An operator
    /// (who is not also BKPPD) assigns only the staff of their own OPD.
    func assign(req: Request) async throws -> Response {
        let (course, principal) = try await Self.requireAssigner(req)
        let text = try req.content.decode(AssignInput.self).nips ?? ""
        guard course.status == CourseStatus.published.rawValue else {
            return try await render(
                req, course, principal, text: text, results: [], error: req.t("course.assign.notPublished"),
                status: .conflict)
        }
        let nips = Self.parse(text)
        guard !nips.isEmpty else {
            return try await render(
                req, course, principal, text: text, results: [], error: req.t("course.assign.empty"),
                status: .unprocessableEntity)
        }
        guard nips.count <= Self.maxAssign else {
            return try await render(
                req, course, principal, text: text, results: [],
                error: req.t("course.assign.tooMany", String(Self.maxAssign)), status: .unprocessableEntity)
        }
        let employees = try await Employee.query(on: req.db).filter(\.$nip ~~ nips).all()
        let byNIP = Dictionary(employees.map { ($0.nip, $0) }, uniquingKeysWith: { first, _ in first })
        let restrictTo: UUID? = !principal.isAdmin && principal.isOperator ? principal.operatorAgencyID : nil
        var results: [CourseAssignPage.Result] = []
        for nip in nips {
            guard let employee = byNIP[nip] else {
                results.append(.init(nip: nip, name: "", outcome: req.t("course.assign.unknown"), tag: "danger"))
                continue
            }
            let name = EmployeeImport.displayName(
                front: employee.frontTitle, name: employee.name, back: employee.backTitle)
            guard employee.active else {
                results.append(.init(nip: nip, name: name, outcome: req.t("course.assign.inactive"), tag: "danger"))
                continue
            }
            if let restrictTo, employee.$agency.id != restrictTo {
                results.append(.init(nip: nip, name: name, outcome: req.t("course.assign.otherAgency"), tag: "danger"))
                continue
            }
            let (_, outcome) = try await CourseEnrolments.enrol(
                employeeID: try employee.requireID(), in: course, assignedBy: principal.userID, now: req.now,
                on: req.db)
            results.append(
                outcome == .enrolled
                    ? .init(nip: nip, name: name, outcome: req.t("course.assign.enrolled"), tag: "")
                    : .init(nip: nip, name: name, outcome: req.t("course.assign.already"), tag: "muted"))
        }
        return try await render(req, course, principal, text: "", results: results, error: nil)
    }

    /// NIPs one per line or separated by commas or semicolons; spaces inside a NIP are
    /// allowed (people copy them as printed, "19850312 201001 1 002"). Repeats count once.
    static func parse(_ text: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for part in text.split(whereSeparator: { $0.isNewline || $0 == "," || $0 == ";" }) {
            let nip = part.filter { !$0.isWhitespace }
            if nip.isEmpty || seen.contains(nip) { continue }
            seen.insert(nip)
            result.append(nip)
        }
        return result
    }

    private func render(
        _ req: Request, _ course: Course, _ principal: Principal, text: String, results: [CourseAssignPage.Result],
        error: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let courseID = try course.requireID()
        var scope: String?
        if !principal.isAdmin, principal.isOperator, let agency = principal.operatorAgencyID {
            scope = req.t("course.assign.scope", try await Agency.find(agency, on: req.db)?.name ?? "")
        }
        let page = CourseAssignPage(
            layout: try await Layout.make(req, title: req.t("course.assign.title", course.title)),
            courseHref: Paths.course(courseID), action: Paths.courseAssign(courseID), text: text, scope: scope,
            results: results, error: error)
        return try await req.renderPage("elearning/courses/assign", page, status: status)
    }
}
