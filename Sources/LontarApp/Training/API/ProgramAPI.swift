import Fluent
import LontarCore
import Vapor

struct ProgramDTO: Content {
    let id: UUID
    let title: String
    let description: String
    let objectives: String
    let path: String
    let formCode: String
    let formName: String
    let competencyKind: String
    let competencies: [String]
    let jp: Double
    let international: Bool
    let organiserKind: String
    let organiserAgencyCode: String?
    let organiserName: String
    let status: String
    let minAttendance: Int
    let requiresAssessment: Bool
    let passingScore: Double?

    init(_ programme: Programme, agencyCode: String?) throws {
        id = try programme.requireID()
        title = programme.title
        description = programme.description
        objectives = programme.objectives
        path = programme.path
        formCode = programme.formCode
        formName = DevelopmentForm.find(programme.formCode)?.name ?? ""
        competencyKind = programme.competencyKind
        competencies = programme.competencies.split(separator: "\n").map(String.init)
        jp = programme.jp
        international = programme.international
        organiserKind = programme.organiserKind
        organiserAgencyCode = agencyCode
        organiserName = programme.organiserName
        status = programme.status
        minAttendance = programme.minAttendance
        requiresAssessment = programme.requiresAssessment
        passingScore = programme.passingScore
    }
}

/// `/api/v1/programs`: the catalogue's own validator, fed from JSON.
struct ProgramAPI {
    struct Body: Content {
        var title: String
        var formCode: String
        var jp: Double
        var description: String?
        var objectives: String?
        var path: String?
        var competencyKind: String?
        var competencies: [String]?
        var international: Bool?
        var organiserKind: String?
        var organiserAgencyCode: String?
        var organiserName: String?
        var audiencePositionKinds: [String]?
        var audienceAgencies: [String]?
        var prerequisites: String?
        var minAttendance: Int?
        var requiresAssessment: Bool?
        var passingScore: Double?
        var excusedCounts: Bool?
        var status: String?

        /// The form's text fields; unsent ones keep the new-programme defaults (or, on an
        /// update, the stored values).
        func input(over base: ProgrammeInput) -> ProgrammeInput {
            var input = base
            input.title = title
            input.formCode = formCode
            input.jp = String(jp)
            // The catalogue needs a description; the API asks only for title, form and JP.
            input.description = description ?? base.description ?? title
            if input.description?.isEmpty ?? true { input.description = title }
            if let objectives { input.objectives = objectives }
            if let path { input.path = path }
            if let competencyKind { input.competencyKind = competencyKind }
            if let competencies { input.competencies = competencies }
            if let international { input.international = international ? "1" : nil }
            if let organiserKind { input.organiserKind = organiserKind }
            if let organiserAgencyCode { input.organiserAgency = organiserAgencyCode }
            if let organiserName { input.organiserName = organiserName }
            if let audiencePositionKinds { input.audiencePositionKinds = audiencePositionKinds }
            if let audienceAgencies { input.audienceAgencies = audienceAgencies }
            if let prerequisites { input.prerequisites = prerequisites }
            if let minAttendance { input.minAttendance = String(minAttendance) }
            if let requiresAssessment { input.requiresAssessment = requiresAssessment ? "1" : nil }
            if let passingScore { input.passingScore = String(passingScore) }
            if let excusedCounts { input.excusedCounts = excusedCounts ? "1" : nil }
            if let status { input.status = status }
            return input
        }
    }

    func register(_ api: any RoutesBuilder) {
        api.get("programs", use: list)
        api.post("programs", use: create)
        api.get("programs", ":programID", use: get)
        api.put("programs", ":programID", use: update)
    }

    func list(req: Request) async throws -> ListEnvelope<ProgramDTO> {
        let principal = try req.requirePrincipal()
        let paging = PageRequest.from(req)
        let query = Programme.query(on: req.db).sort(\.$title)
        if let status = req.query[String.self, at: "status"], !status.isEmpty { query.filter(\.$status == status) }
        if let q = req.query[String.self, at: "q"], !q.isEmpty {
            query.filter(\.$title, containsIgnoringCase: q, on: req.db)
        }
        if !principal.isAdmin {
            // Drafts and archived programmes only for their managers (an operator: their OPD's).
            query.group(.or) { group in
                group.filter(\.$status == "published")
                if principal.isOperator, let own = principal.operatorAgencyID {
                    group.filter(\.$organiserAgency.$id == own)
                }
            }
        }
        let total = try await query.count()
        let programmes = try await query.range(paging.range).all()
        let codes = try await agencyCodes(on: req.db)
        let items = try programmes.map { try ProgramDTO($0, agencyCode: $0.$organiserAgency.id.flatMap { codes[$0] }) }
        return ListEnvelope(items: items, total: total, page: paging.page, per: paging.per)
    }

    func get(req: Request) async throws -> ProgramDTO {
        let (programme, _) = try await ProgrammeAccess.findViewable(req, id: try id(req))
        return try await dto(programme, on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let body = try req.content.decode(Body.self)
        let programme = Programme()
        try await save(req, principal: principal, input: body.input(over: ProgrammeInput()), into: programme)
        return try await dto(programme, on: req.db).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> ProgramDTO {
        let (programme, principal) = try await ProgrammeAccess.findManageable(req, id: try id(req))
        let body = try req.content.decode(Body.self)
        let code = try await programme.$organiserAgency.id.asyncFlatMap { try await Agency.find($0, on: req.db) }?.code
        let stored = ProgrammeInput(programme, organiserAgencyCode: code)
        try await save(req, principal: principal, input: body.input(over: stored), into: programme)
        return try await dto(programme, on: req.db)
    }

    private func save(
        _ req: Request, principal: Principal, input: ProgrammeInput, into programme: Programme
    )
        async throws
    {
        let agencies = try await ProgrammeForm.activeAgencies(on: req.db)
        let (values, errors) = ProgrammeValidator(req: req, principal: principal, agencies: agencies).validate(input)
        guard let values else { throw FormErrors.apiError(errors) }
        values.write(to: programme)
        try await programme.save(on: req.db)
    }

    private func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("programID", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    private func agencyCodes(on db: any Database) async throws -> [UUID: String] {
        let agencies = try await Agency.query(on: db).all()
        return Dictionary(
            agencies.compactMap { agency in agency.id.map { ($0, agency.code) } }, uniquingKeysWith: { a, _ in a })
    }

    private func dto(_ programme: Programme, on db: any Database) async throws -> ProgramDTO {
        let code = try await programme.$organiserAgency.id.asyncFlatMap { try await Agency.find($0, on: db) }?.code
        return try ProgramDTO(programme, agencyCode: code)
    }
}

extension FormErrors {
    /// The form's messages (already in the user's language) as one API error naming the first field.
    static func apiError(_ errors: FormErrors) -> AppError {
        AppError(
            .unprocessableEntity, "invalid_input",
            LocalizableMessage("error.text", [errors.messages.joined(separator: " ")]),
            field: errors.fields.keys.sorted().first)
    }
}
