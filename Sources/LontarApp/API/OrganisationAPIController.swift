import Fluent
import LontarCore
import Vapor

struct AgencyDTO: Content {
    let id: UUID
    let code: String
    let name: String
    let active: Bool

    init(_ agency: Agency) throws {
        id = try agency.requireID()
        code = agency.code
        name = agency.name
        active = agency.active
    }
}

struct UnitDTO: Content {
    let id: UUID
    let agencyID: UUID
    let parentID: UUID?
    let name: String
    let active: Bool
}

struct PositionDTO: Content {
    let id: UUID
    let agencyID: UUID
    let title: String
    let kind: String
    let active: Bool
}

/// `/api/v1/agencies`, `/units`, `/positions`. Reading the organisation needs a signed-in
/// user (it holds no personal data); changing it needs an administrator or the OPD's operator.
struct OrganisationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("agencies", use: listAgencies)
        api.post("agencies", use: createAgency)
        api.get("agencies", ":code", use: getAgency)
        api.put("agencies", ":code", use: updateAgency)
        api.get("units", use: listUnits)
        api.post("units", use: createUnit)
        api.get("positions", use: listPositions)
        api.post("positions", use: createPosition)
    }

    func listAgencies(req: Request) async throws -> ListEnvelope<AgencyDTO> {
        _ = try req.requirePrincipal()
        let paging = PageRequest.from(req, defaultPer: 50)
        let query = Agency.query(on: req.db).sort(\.$code)
        if let q = req.query[String.self, at: "q"], !q.isEmpty {
            query.group(.or) {
                $0.filter(\.$code, containsIgnoringCase: q, on: req.db).filter(
                    \.$name, containsIgnoringCase: q, on: req.db)
            }
        }
        let total = try await query.count()
        let items = try await query.range(paging.range).all().map(AgencyDTO.init)
        return ListEnvelope(items: items, total: total, page: paging.page, per: paging.per)
    }

    private func agency(_ req: Request) async throws -> Agency {
        guard let code = req.parameters.get("code"),
            let agency = try await Agency.query(on: req.db).filter(\.$code == code.uppercased()).first()
        else { throw AppError.notFound() }
        return agency
    }

    func getAgency(req: Request) async throws -> AgencyDTO {
        _ = try req.requirePrincipal()
        return try AgencyDTO(try await agency(req))
    }

    func createAgency(req: Request) async throws -> Response {
        _ = try req.require(.admin)
        let created = try await OrganisationService.createAgency(req, try req.content.decode(AgencyInput.self))
        return try await AgencyDTO(created).encodeResponse(status: .created, for: req)
    }

    func updateAgency(req: Request) async throws -> AgencyDTO {
        _ = try req.require(.admin)
        let target = try await agency(req)
        try await OrganisationService.updateAgency(req, target, try req.content.decode(AgencyInput.self))
        return try AgencyDTO(target)
    }

    private func agencyFilter(_ req: Request) async throws -> UUID? {
        guard let code = req.query[String.self, at: "agency"], !code.isEmpty else { return nil }
        guard let agency = try await Agency.query(on: req.db).filter(\.$code == code.uppercased()).first() else {
            throw AppError.invalid("agency", .init("agency.unknown"))
        }
        return agency.id
    }

    func listUnits(req: Request) async throws -> ListEnvelope<UnitDTO> {
        _ = try req.requirePrincipal()
        let paging = PageRequest.from(req, defaultPer: 100)
        let query = OrgUnit.query(on: req.db).sort(\.$name).sort(\.$id)
        if let agencyID = try await agencyFilter(req) { query.filter(\.$agency.$id == agencyID) }
        let total = try await query.count()
        let items = try await query.range(paging.range).all().map {
            UnitDTO(
                id: try $0.requireID(), agencyID: $0.$agency.id, parentID: $0.$parent.id, name: $0.name,
                active: $0.active)
        }
        return ListEnvelope(items: items, total: total, page: paging.page, per: paging.per)
    }

    struct CreateUnit: Content {
        var agencyCode: String
        var name: String
        var parentID: UUID?
    }

    func createUnit(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let body = try req.content.decode(CreateUnit.self)
        guard let agency = try await Agency.query(on: req.db).filter(\.$code == body.agencyCode.uppercased()).first()
        else { throw AppError.invalid("agencyCode", .init("agency.unknown")) }
        guard principal.canManage(agencyID: agency.id) else { throw AppError.forbidden() }
        let unit = try await OrganisationService.createUnit(
            req, agency: agency, UnitInput(name: body.name, parentID: body.parentID?.uuidString))
        return try await UnitDTO(
            id: try unit.requireID(), agencyID: unit.$agency.id, parentID: unit.$parent.id, name: unit.name,
            active: unit.active
        ).encodeResponse(status: .created, for: req)
    }

    func listPositions(req: Request) async throws -> ListEnvelope<PositionDTO> {
        _ = try req.requirePrincipal()
        let paging = PageRequest.from(req, defaultPer: 100)
        let query = Position.query(on: req.db).sort(\.$title).sort(\.$id)
        if let agencyID = try await agencyFilter(req) { query.filter(\.$agency.$id == agencyID) }
        let total = try await query.count()
        let items = try await query.range(paging.range).all().map(Self.dto)
        return ListEnvelope(items: items, total: total, page: paging.page, per: paging.per)
    }

    static func dto(_ position: Position) throws -> PositionDTO {
        PositionDTO(
            id: try position.requireID(), agencyID: position.$agency.id, title: position.title, kind: position.kind,
            active: position.active)
    }

    struct CreatePosition: Content {
        var agencyCode: String
        var title: String
        var kind: String
    }

    func createPosition(req: Request) async throws -> Response {
        _ = try req.require(.admin, .operator)
        let body = try req.content.decode(CreatePosition.self)
        guard let agency = try await Agency.query(on: req.db).filter(\.$code == body.agencyCode.uppercased()).first(),
            let agencyID = agency.id
        else { throw AppError.invalid("agencyCode", .init("agency.unknown")) }
        let position = try await OrganisationService.savePosition(
            req, nil, PositionInput(agencyID: agencyID, title: body.title, kind: body.kind))
        return try await Self.dto(position).encodeResponse(status: .created, for: req)
    }
}
