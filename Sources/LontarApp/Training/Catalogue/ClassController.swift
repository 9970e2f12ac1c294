import Fluent
import LontarCore
import Vapor

/// Creating, editing and showing classes (angkatan). Registered by `CatalogueController`.
struct ClassController: RouteCollection {
    /// Blank session rows offered beyond the stored ones, so the form works without JavaScript.
    static let spareSessionRows = 5

    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.classNew(programme:)), use: newClass)
        routes.post(CatalogueRouting.pattern(Paths.classNew(programme:)), use: createClass)
        routes.get(CatalogueRouting.classPattern(Paths.trainingClass), use: showClass)
        routes.get(CatalogueRouting.classPattern(Paths.classEdit), use: editClass)
        routes.post(CatalogueRouting.classPattern(Paths.classEdit), use: updateClass)
    }

    func showClass(req: Request) async throws -> Response {
        let (trainingClass, programme, principal) = try await ClassAccess.findViewable(
            req, id: CatalogueRouting.classID(req))
        // An online course's class (linked from "my training") is the course itself.
        if let course = try await onlineCourse(of: trainingClass, req) {
            return req.redirect(to: Paths.course(try course.requireID()))
        }
        return try await ClassDetail.render(req, trainingClass, programme, principal)
    }

    /// The self-paced course a hidden `online` class stands for, if it is one.
    private func onlineCourse(of trainingClass: TrainingClass, _ req: Request) async throws -> Course? {
        guard trainingClass.status == CourseEnrolments.onlineClassStatus else { return nil }
        return try await Course.query(on: req.db).filter(\.$trainingClass.$id == trainingClass.requireID()).first()
    }

    func newClass(req: Request) async throws -> Response {
        let (programme, _) = try await ProgrammeAccess.findManageable(req, id: CatalogueRouting.id(req))
        var values = ClassFormPage.Values()
        values.capacity = "30"
        return try await render(
            req, programme: programme, existing: nil, values: values, status: "planned", facilitators: [],
            sessions: [], errors: FormErrors(), invalidRows: [])
    }

    func createClass(req: Request) async throws -> Response {
        let (programme, _) = try await ProgrammeAccess.findManageable(req, id: CatalogueRouting.id(req))
        return try await save(req, programme: programme, existing: nil)
    }

    func editClass(req: Request) async throws -> Response {
        let (trainingClass, programme) = try await ClassAccess.findManageable(req, id: CatalogueRouting.classID(req))
        if let course = try await onlineCourse(of: trainingClass, req) {
            return req.redirect(to: Paths.courseEdit(try course.requireID()))
        }
        let id = try trainingClass.requireID()
        let sessions = try await ClassSession.query(on: req.db).filter(\.$trainingClass.$id == id).sort(\.$startsAt)
            .all()
        let links = try await ClassFacilitator.query(on: req.db).filter(\.$trainingClass.$id == id).with(\.$user).all()
        let others = links.map(\.user).filter { !$0.grantedRoles.contains(.facilitator) }.map(\.username)
        let values = ClassFormPage.Values(
            name: trainingClass.name, capacity: String(trainingClass.capacity),
            registrationOpens: TrainingTime.dateTimeField(trainingClass.registrationOpensAt),
            registrationCloses: TrainingTime.dateTimeField(trainingClass.registrationClosesAt),
            cancelCutoffHours: String(trainingClass.cancelCutoffHours), place: trainingClass.place,
            onlineURL: trainingClass.onlineURL, otherFacilitators: others.joined(separator: "\n"))
        let rows = sessions.map {
            ClassInput.SessionInput(
                id: $0.id?.uuidString, date: TrainingTime.dateField($0.startsAt),
                start: TrainingTime.clock($0.startsAt),
                end: TrainingTime.clock($0.endsAt), topic: $0.topic, place: $0.place, onlineURL: $0.onlineURL)
        }
        return try await render(
            req, programme: programme, existing: trainingClass, values: values, status: trainingClass.status,
            facilitators: Set(links.map(\.user.username)), sessions: rows, errors: FormErrors(), invalidRows: [])
    }

    func updateClass(req: Request) async throws -> Response {
        let (trainingClass, programme) = try await ClassAccess.findManageable(req, id: CatalogueRouting.classID(req))
        // Sessions, seats and registration mean nothing to a self-paced course: its class stays as made.
        if try await onlineCourse(of: trainingClass, req) != nil {
            throw AppError.conflict("online_class", LocalizableMessage("catalogue.error.onlineClass"))
        }
        return try await save(req, programme: programme, existing: trainingClass)
    }

    private func save(_ req: Request, programme: Programme, existing: TrainingClass?) async throws -> Response {
        let input = try req.content.decode(ClassInput.self)
        var stored: Set<UUID> = []
        if let existing {
            stored = Set(
                try await ClassSession.query(on: req.db).filter(\.$trainingClass.$id == existing.requireID()).all()
                    .compactMap(\.id))
        }
        let validator = ClassValidator(req: req, existingSessionIDs: stored)
        let (values, found, wrongRows) = try await validator.validate(input)
        var (errors, invalidRows) = (found, wrongRows)
        if let values {
            do {
                let (classID, promoted) = try await ClassWriter(req: req).save(
                    values, programmeID: try programme.requireID(), existingID: existing?.id)
                let notifications = Notifications(request: req)
                for enrolment in promoted { try await notifications.enrolmentChanged(enrolment) }
                Flash.set(req, req.t(existing == nil ? "catalogue.class.created" : "saved"))
                return req.redirect(to: Paths.trainingClass(classID))
            } catch let refusal as ClassWriter.Refusal {
                errors.add(refusal.field, refusal.message)
                invalidRows = []
            }
        }
        let formValues = ClassFormPage.Values(
            name: input.name ?? "", capacity: input.capacity ?? "", registrationOpens: input.registrationOpens ?? "",
            registrationCloses: input.registrationCloses ?? "", cancelCutoffHours: input.cancelCutoffHours ?? "",
            place: input.place ?? "", onlineURL: input.onlineURL ?? "", otherFacilitators: input.otherFacilitators ?? ""
        )
        // Blank rows are dropped (fresh spare rows follow), so the wrong rows are renumbered.
        let ordered = input.orderedSessions
        let kept = ordered.indices.filter { !ordered[$0].isBlank || ordered[$0].id != nil }
        let renumbered = Set(kept.enumerated().filter { invalidRows.contains($0.element) }.map(\.offset))
        return try await render(
            req, programme: programme, existing: existing, values: formValues, status: input.status ?? "",
            facilitators: Set((input.facilitators ?? []).map { $0.lowercased() }), sessions: kept.map { ordered[$0] },
            errors: errors, invalidRows: renumbered, httpStatus: .unprocessableEntity)
    }

    private func render(
        _ req: Request, programme: Programme, existing: TrainingClass?, values: ClassFormPage.Values, status: String,
        facilitators: Set<String>, sessions: [ClassInput.SessionInput], errors: FormErrors, invalidRows: Set<Int>,
        httpStatus: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let programmeID = try programme.requireID()
        let candidates = try await UserAccount.query(on: req.db).filter(\.$active == true)
            .filter(\.$roles, .custom("LIKE"), "%facilitator%").sort(\.$displayName).all()
            .filter { $0.grantedRoles.contains(.facilitator) }
        let rows = (sessions + Array(repeating: ClassInput.SessionInput(), count: Self.spareSessionRows))
            .enumerated().map { index, row in
                ClassFormPage.SessionRow(
                    index: index, number: index + 1, id: row.id ?? "", date: row.date ?? "", start: row.start ?? "",
                    end: row.end ?? "", topic: row.topic ?? "", place: row.place ?? "", onlineURL: row.onlineURL ?? "",
                    invalid: invalidRows.contains(index))
            }
        let title = req.t(existing == nil ? "catalogue.class.new" : "catalogue.class.edit")
        let page = ClassFormPage(
            layout: try await Layout.make(req, title: title),
            action: existing.flatMap(\.id).map(Paths.classEdit) ?? Paths.classNew(programme: programmeID),
            cancelHref: existing.flatMap(\.id).map(Paths.trainingClass) ?? Paths.programme(programmeID),
            programmeTitle: programme.title, input: values,
            statuses: ProgrammeForm.options(
                TrainingLabels.classStatuses, { "catalogue.class.status.\($0)" }, status, req),
            facilitatorChoices: candidates.map {
                Check(
                    id: "f-\($0.username)", value: $0.username, label: $0.displayName,
                    checked: facilitators.contains($0.username))
            },
            sessions: rows, seatsHeld: existing?.seatsHeld, errors: errors.messages, invalid: errors.fields)
        return try await req.renderPage("training/catalogue/class-form", page, status: httpStatus)
    }
}

/// Finding a class named in a path, with the need-to-know check applied.
enum ClassAccess {
    static func find(_ req: Request, id: UUID) async throws -> (TrainingClass, Programme) {
        guard let trainingClass = try await TrainingClass.find(id, on: req.db),
            let programme = try await Programme.find(trainingClass.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        return (trainingClass, programme)
    }

    /// A published programme's classes are for everyone signed in; otherwise its managers,
    /// the class's facilitators and its participants see it (404 for the rest).
    static func findViewable(_ req: Request, id: UUID) async throws -> (TrainingClass, Programme, Principal) {
        let principal = try req.requirePrincipal()
        let (trainingClass, programme) = try await find(req, id: id)
        if programme.status == "published" || TrainingAccess.canManage(programme, principal) {
            return (trainingClass, programme, principal)
        }
        if try await TrainingAccess.isFacilitator(of: id, principal, on: req.db) {
            return (trainingClass, programme, principal)
        }
        if let employeeID = principal.employeeID,
            try await Enrolment.query(on: req.db).filter(\.$trainingClass.$id == id)
                .filter(\.$employee.$id == employeeID).first() != nil
        {
            return (trainingClass, programme, principal)
        }
        throw AppError.notFound()
    }

    static func findManageable(_ req: Request, id: UUID) async throws -> (TrainingClass, Programme) {
        let principal = try req.require(.admin, .operator)
        let (trainingClass, programme) = try await find(req, id: id)
        guard TrainingAccess.canManage(programme, principal) else { throw AppError.forbidden() }
        return (trainingClass, programme)
    }
}
