import Fluent
import LontarCore
import Vapor

struct SessionDTO: Content {
    var id: UUID?
    var startsAt: Date
    var endsAt: Date
    var topic: String?
    var place: String?
    var onlineUrl: String?
}

struct ClassDTO: Content {
    let id: UUID
    let programId: UUID
    let name: String
    let capacity: Int
    let seatsLeft: Int
    let status: String
    let registrationOpensAt: Date?
    let registrationClosesAt: Date?
    let cancelCutoffHours: Int
    let place: String
    let onlineUrl: String
    let sessions: [SessionDTO]

    init(_ trainingClass: TrainingClass, sessions: [ClassSession]) throws {
        id = try trainingClass.requireID()
        programId = trainingClass.$programme.id
        name = trainingClass.name
        capacity = trainingClass.capacity
        seatsLeft = max(0, trainingClass.capacity - trainingClass.seatsHeld)
        status = trainingClass.status
        registrationOpensAt = trainingClass.registrationOpensAt
        registrationClosesAt = trainingClass.registrationClosesAt
        cancelCutoffHours = trainingClass.cancelCutoffHours
        place = trainingClass.place
        onlineUrl = trainingClass.onlineURL
        self.sessions = sessions.map {
            SessionDTO(
                id: $0.id, startsAt: $0.startsAt, endsAt: $0.endsAt, topic: $0.topic, place: $0.place,
                onlineUrl: $0.onlineURL)
        }
    }
}

/// `/api/v1/classes`: the class form's validator and writer, fed from JSON with ISO 8601 times.
struct ClassAPI {
    struct Body: Content {
        var programId: UUID
        var capacity: Int
        var sessions: [SessionDTO]
        var name: String?
        var status: String?
        var registrationOpensAt: Date?
        var registrationClosesAt: Date?
        var cancelCutoffHours: Int?
        var place: String?
        var onlineUrl: String?
        /// Usernames or NIPs of the facilitators.
        var facilitators: [String]?

        /// The form's rows are WITA dates and clock times; a session must end on its day.
        func input() throws -> ClassInput {
            var rows: [String: ClassInput.SessionInput] = [:]
            for (index, session) in sessions.enumerated() {
                if TrainingTime.dateField(session.startsAt) != TrainingTime.dateField(session.endsAt) {
                    throw AppError.invalid("sessions.\(index)", .init("classAPI.sessionOneDay", [String(index + 1)]))
                }
                rows[String(index)] = ClassInput.SessionInput(
                    id: session.id?.uuidString, date: TrainingTime.dateField(session.startsAt),
                    start: TrainingTime.clock(session.startsAt), end: TrainingTime.clock(session.endsAt),
                    topic: session.topic, place: session.place, onlineURL: session.onlineUrl)
            }
            return ClassInput(
                name: name ?? "Angkatan I", capacity: String(capacity),
                registrationOpens: TrainingTime.dateTimeField(registrationOpensAt),
                registrationCloses: TrainingTime.dateTimeField(registrationClosesAt),
                cancelCutoffHours: String(cancelCutoffHours ?? 48), status: status ?? "open", place: place ?? "",
                onlineURL: onlineUrl ?? "", facilitators: nil,
                otherFacilitators: (facilitators ?? []).joined(separator: "\n"),
                sessions: rows)
        }
    }

    func register(_ api: any RoutesBuilder) {
        api.get("classes", use: list)
        api.post("classes", use: create)
        api.get("classes", ":classID", use: get)
        api.put("classes", ":classID", use: update)
    }

    func list(req: Request) async throws -> ListEnvelope<ClassDTO> {
        let principal = try req.requirePrincipal()
        let paging = PageRequest.from(req)
        let query = TrainingClass.query(on: req.db).join(
            Programme.self, on: \TrainingClass.$programme.$id == \Programme.$id
        )
        .sort(\.$createdAt, .descending).sort(\.$id)
        if let programID = req.query[UUID.self, at: "programId"] { query.filter(\.$programme.$id == programID) }
        if !principal.isAdmin {
            query.group(.or) { group in
                group.filter(Programme.self, \.$status == "published")
                if principal.isOperator, let own = principal.operatorAgencyID {
                    group.filter(Programme.self, \.$organiserAgency.$id == own)
                }
            }
        }
        let total = try await query.count()
        let classes = try await query.range(paging.range).all()
        let sessions = try await ClassSession.query(on: req.db).filter(\.$trainingClass.$id ~~ classes.compactMap(\.id))
            .sort(\.$startsAt).all()
        let byClass = Dictionary(grouping: sessions, by: { $0.$trainingClass.id })
        let items = try classes.map { try ClassDTO($0, sessions: byClass[$0.id ?? UUID()] ?? []) }
        return ListEnvelope(items: items, total: total, page: paging.page, per: paging.per)
    }

    func get(req: Request) async throws -> ClassDTO {
        let principal = try req.requirePrincipal()
        let (trainingClass, programme) = try await TrainingLookup.classAndProgramme(req)
        guard programme.status == "published" || TrainingAccess.canManage(programme, principal) else {
            throw AppError.notFound()
        }
        return try await dto(trainingClass, on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let body = try req.content.decode(Body.self)
        let (programme, _) = try await ProgrammeAccess.findManageable(req, id: body.programId)
        let classID = try await save(req, body: body, programme: programme, existing: nil)
        guard let created = try await TrainingClass.find(classID, on: req.db) else { throw AppError.notFound() }
        return try await dto(created, on: req.db).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> ClassDTO {
        guard let id = req.parameters.get("classID", as: UUID.self) else { throw AppError.notFound() }
        let (trainingClass, programme) = try await ClassAccess.findManageable(req, id: id)
        // A course's hidden class is the course: sessions, seats and statuses are not its own.
        guard trainingClass.status != CourseEnrolments.onlineClassStatus else {
            throw AppError.conflict("online_class", LocalizableMessage("catalogue.error.onlineClass"))
        }
        let body = try req.content.decode(Body.self)
        guard body.programId == programme.id else {
            throw AppError.invalid("programId", .init("classAPI.programmeFixed"))
        }
        _ = try await save(req, body: body, programme: programme, existing: trainingClass)
        guard let updated = try await TrainingClass.find(id, on: req.db) else { throw AppError.notFound() }
        return try await dto(updated, on: req.db)
    }

    private func save(_ req: Request, body: Body, programme: Programme, existing: TrainingClass?) async throws -> UUID {
        var stored: Set<UUID> = []
        if let existingID = existing?.id {
            stored = Set(
                try await ClassSession.query(on: req.db).filter(\.$trainingClass.$id == existingID).all().compactMap(
                    \.id))
        }
        let (values, errors, _) = try await ClassValidator(req: req, existingSessionIDs: stored).validate(
            try body.input())
        guard let values else { throw FormErrors.apiError(errors) }
        do {
            let (classID, promoted) = try await ClassWriter(req: req).save(
                values, programmeID: try programme.requireID(), existingID: existing?.id)
            let notifications = Notifications(request: req)
            for enrolment in promoted { try await notifications.enrolmentChanged(enrolment) }
            return classID
        } catch let refusal as ClassWriter.Refusal {
            throw AppError(
                .conflict, "refused", LocalizableMessage("error.text", [refusal.message]), field: refusal.field)
        }
    }

    private func dto(_ trainingClass: TrainingClass, on db: any Database) async throws -> ClassDTO {
        let sessions = try await ClassSession.query(on: db).filter(\.$trainingClass.$id == trainingClass.requireID())
            .sort(\.$startsAt).all()
        return try ClassDTO(trainingClass, sessions: sessions)
    }
}
