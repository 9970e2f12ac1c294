import Fluent
import LontarCore
import Vapor

struct EnrolmentDTO: Content {
    let id: UUID
    let classId: UUID
    let nip: String
    let name: String
    let status: String
    /// 1 = next in line; only while waitlisted.
    let waitlistPosition: Int?
    let declineReason: String?
    let completed: Bool

    static func make(_ enrolment: Enrolment, employee: Employee, on db: any Database) async throws -> EnrolmentDTO {
        try make(enrolment, employee: employee, rank: try await EnrolmentService.waitlistRank(of: enrolment, on: db))
    }

    static func make(_ enrolment: Enrolment, employee: Employee, rank: Int?) throws -> EnrolmentDTO {
        EnrolmentDTO(
            id: try enrolment.requireID(), classId: enrolment.$trainingClass.id, nip: employee.nip, name: employee.name,
            status: EnrolmentService.state(of: enrolment).status.rawValue, waitlistPosition: rank,
            declineReason: enrolment.declineReason, completed: enrolment.completed)
    }
}

/// `/api/v1/classes/{id}/enrolments` and `/api/v1/enrolments/{id}/…`: the same service and
/// the same checks as the pages.
struct EnrolmentAPI {
    struct EnrolBody: Content {
        var nip: String?
    }

    struct DeclineBody: Content {
        var reason: String
    }

    func register(_ api: any RoutesBuilder) {
        api.post("classes", ":classID", "enrolments", use: enrol)
        api.get("classes", ":classID", "enrolments", use: list)
        api.get("enrolments", ":enrolmentID", use: get)
        api.post("enrolments", ":enrolmentID", "approve", use: approve)
        api.post("enrolments", ":enrolmentID", "decline", use: decline)
        api.post("enrolments", ":enrolmentID", "cancel", use: cancel)
    }

    func enrol(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (trainingClass, programme) = try await TrainingLookup.classAndProgramme(req)
        let body = try? req.content.decode(EnrolBody.self)
        let employee: Employee
        let actor: EnrolmentService.Actor
        if let nip = body?.nip, !nip.isEmpty {
            employee = try await EmployeeAccess.find(req, nip: nip)
            guard principal.canManage(agencyID: employee.$agency.id) || TrainingAccess.canManage(programme, principal)
            else { throw AppError.forbidden() }
            actor = .nominator(principal.userID)
        } else {
            guard let id = principal.employeeID, let me = try await Employee.find(id, on: req.db) else {
                throw AppError(.forbidden, "not_an_employee", .init("enrolment.notEmployee"))
            }
            guard programme.status == "published" else { throw AppError.notFound() }
            employee = me
            actor = .applicant
        }
        let enrolment = try await EnrolmentService(request: req).enrol(employee, in: trainingClass, by: actor)
        return try await EnrolmentDTO.make(enrolment, employee: employee, on: req.db)
            .encodeResponse(status: .created, for: req)
    }

    func list(req: Request) async throws -> ListEnvelope<EnrolmentDTO> {
        let principal = try req.requirePrincipal()
        let (trainingClass, programme) = try await TrainingLookup.classAndProgramme(req)
        guard try await TrainingAccess.canRunClass(trainingClass, programme: programme, principal, on: req.db) else {
            throw AppError.forbidden()
        }
        let paging = PageRequest.from(req, defaultPer: 100)
        let classID = try trainingClass.requireID()
        let query = Enrolment.query(on: req.db).filter(\.$trainingClass.$id == classID)
            .with(\.$employee).sort(\.$createdAt).sort(\.$id)
        let total = try await query.count()
        // Ranks from one read of the waiting list, not one count per row.
        let waiting = try await Enrolment.query(on: req.db).filter(\.$trainingClass.$id == classID)
            .filter(\.$seat == SeatState.waitlisted.rawValue).filter(\.$cancelled == false)
            .sort(\.$waitlistPosition).all()
        let rankOf = Dictionary(
            waiting.enumerated().compactMap { index, row in row.id.map { ($0, index + 1) } },
            uniquingKeysWith: { first, _ in first })
        let items = try await query.range(paging.range).all().map { enrolment in
            try EnrolmentDTO.make(enrolment, employee: enrolment.employee, rank: enrolment.id.flatMap { rankOf[$0] })
        }
        return ListEnvelope(items: items, total: total, page: paging.page, per: paging.per)
    }

    func get(req: Request) async throws -> EnrolmentDTO {
        let (enrolment, employee, programme, trainingClass) = try await TrainingLookup.enrolment(req)
        let principal = try req.requirePrincipal()
        var mayRead = principal.employeeID == employee.id || principal.canManage(agencyID: employee.$agency.id)
        if !mayRead {
            mayRead = try await TrainingAccess.canDecide(enrolment, employee: employee, principal, on: req.db)
        }
        if !mayRead {
            mayRead = try await TrainingAccess.canRunClass(trainingClass, programme: programme, principal, on: req.db)
        }
        guard mayRead else { throw AppError.notFound() }
        return try await EnrolmentDTO.make(enrolment, employee: employee, on: req.db)
    }

    func approve(req: Request) async throws -> EnrolmentDTO {
        try await decide(req, .approve, reason: nil)
    }

    func decline(req: Request) async throws -> EnrolmentDTO {
        let body = try req.content.decode(DeclineBody.self)
        let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...500).contains(reason.count) else {
            throw AppError.invalid("reason", .init("enrolment.reasonRequired"))
        }
        return try await decide(req, .decline, reason: reason)
    }

    private func decide(_ req: Request, _ event: EnrolmentEvent, reason: String?) async throws -> EnrolmentDTO {
        let principal = try req.requirePrincipal()
        let (enrolment, employee, _, _) = try await TrainingLookup.enrolment(req)
        guard try await TrainingAccess.canDecide(enrolment, employee: employee, principal, on: req.db) else {
            throw AppError(.forbidden, "not_your_decision", .init("enrolment.notYourDecision"))
        }
        let updated = try await EnrolmentService(request: req).apply(event, to: enrolment, reason: reason)
        return try await EnrolmentDTO.make(updated, employee: employee, on: req.db)
    }

    func cancel(req: Request) async throws -> EnrolmentDTO {
        let principal = try req.requirePrincipal()
        let (enrolment, employee, programme, trainingClass) = try await TrainingLookup.enrolment(req)
        let classID = try trainingClass.requireID()
        let first = try await ClassSession.query(on: req.db).filter(\.$trainingClass.$id == classID)
            .sort(\.$startsAt).first()
        guard
            TrainingAccess.canCancel(
                enrolment, employee: employee, programme: programme, firstSessionStart: first?.startsAt,
                cutoffHours: trainingClass.cancelCutoffHours, principal, now: req.now)
        else { throw AppError(.forbidden, "cancel_not_allowed", .init("enrolment.cancelNotAllowed")) }
        let updated = try await EnrolmentService(request: req).apply(.cancel, to: enrolment)
        return try await EnrolmentDTO.make(updated, employee: employee, on: req.db)
    }
}

/// Finding the class, programme or enrolment named in a path.
enum TrainingLookup {
    static func classAndProgramme(
        _ req: Request, parameter: String = "classID"
    ) async throws
        -> (TrainingClass, Programme)
    {
        guard let id = req.parameters.get(parameter, as: UUID.self),
            let trainingClass = try await TrainingClass.find(id, on: req.db),
            let programme = try await Programme.find(trainingClass.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        return (trainingClass, programme)
    }

    static func enrolment(_ req: Request) async throws -> (Enrolment, Employee, Programme, TrainingClass) {
        guard let id = req.parameters.get("enrolmentID", as: UUID.self),
            let enrolment = try await Enrolment.find(id, on: req.db),
            let employee = try await Employee.find(enrolment.$employee.id, on: req.db),
            let trainingClass = try await TrainingClass.find(enrolment.$trainingClass.id, on: req.db),
            let programme = try await Programme.find(trainingClass.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        return (enrolment, employee, programme, trainingClass)
    }
}
