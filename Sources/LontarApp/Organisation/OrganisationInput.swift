import Fluent
import LontarCore
import Vapor

/// Validated input for an OPD, shared by the form and the API.
struct AgencyInput: Content {
    var code: String
    var name: String

    func validated() throws -> AgencyInput {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (2...20).contains(code.count),
            code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { throw AppError.invalid("code", .init("agency.code.invalid")) }
        guard (3...200).contains(name.count) else {
            throw AppError.invalid("name", .init("field.length", ["3", "200"]))
        }
        return AgencyInput(code: code, name: name)
    }
}

struct UnitInput: Content {
    var name: String
    /// A string, because the form sends an empty value for "directly under the OPD".
    var parentID: String?

    var parent: UUID? { parentID.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) } }

    func validated() throws -> UnitInput {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (2...200).contains(name.count) else {
            throw AppError.invalid("name", .init("field.length", ["2", "200"]))
        }
        if let raw = parentID, !raw.isEmpty, UUID(uuidString: raw) == nil {
            throw AppError.invalid("parentID", .init("unit.parent.invalid"))
        }
        return UnitInput(name: name, parentID: parentID)
    }
}

struct PositionInput: Content {
    var agencyID: UUID
    var title: String
    var kind: String

    func validated() throws -> (title: String, kind: PositionKind) {
        let title = title.trimmingCharacters(in: .whitespaces)
        guard (2...200).contains(title.count) else {
            throw AppError.invalid("title", .init("field.length", ["2", "200"]))
        }
        guard let kind = PositionKind(rawValue: kind) else {
            throw AppError.invalid("kind", .init("position.kind.invalid"))
        }
        return (title, kind)
    }
}

/// Writes shared by pages and API, so both enforce the same rules and audit the same way.
enum OrganisationService {
    static func createAgency(_ req: Request, _ input: AgencyInput) async throws -> Agency {
        let input = try input.validated()
        if try await Agency.query(on: req.db).filter(\.$code == input.code).first() != nil {
            throw AppError.conflict("duplicate_code", .init("agency.code.taken", [input.code]), field: "code")
        }
        let agency = Agency(code: input.code, name: input.name)
        try await req.db.transaction { db in
            try await agency.save(on: db)
            try await Audit.record(
                req, on: db, action: "create", entity: "agency", entityID: agency.code, summary: agency.name,
                changes: changes([("code", nil, agency.code), ("name", nil, agency.name)]))
        }
        return agency
    }

    static func updateAgency(_ req: Request, _ agency: Agency, _ input: AgencyInput) async throws {
        let input = try input.validated()
        if input.code != agency.code,
            try await Agency.query(on: req.db).filter(\.$code == input.code).first() != nil
        {
            throw AppError.conflict("duplicate_code", .init("agency.code.taken", [input.code]), field: "code")
        }
        let diff = changes([("code", agency.code, input.code), ("name", agency.name, input.name)])
        agency.code = input.code
        agency.name = input.name
        try await req.db.transaction { db in
            try await agency.save(on: db)
            try await Audit.record(
                req, on: db, action: "update", entity: "agency", entityID: agency.code, summary: agency.name,
                changes: diff)
        }
    }

    static func createUnit(_ req: Request, agency: Agency, _ input: UnitInput) async throws -> OrgUnit {
        let agencyID = try agency.requireID()
        let input = try input.validated()
        if let parentID = input.parent {
            guard let parent = try await OrgUnit.find(parentID, on: req.db), parent.$agency.id == agencyID else {
                throw AppError.invalid("parentID", .init("unit.parent.invalid"))
            }
        }
        try await checkUnitNameFree(input.name, in: agencyID, except: nil, on: req.db)
        let unit = OrgUnit(agencyID: agencyID, parentID: input.parent, name: input.name)
        try await req.db.transaction { db in
            try await unit.save(on: db)
            try await Audit.record(
                req, on: db, action: "create", entity: "unit", entityID: unit.id?.uuidString,
                summary: "\(agency.code): \(unit.name)")
        }
        return unit
    }

    /// One name per unit in an OPD, whatever its case ("Sekretariat" and "sekretariat" are one
    /// unit to the people choosing from the list); retired units keep their names too.
    static func checkUnitNameFree(
        _ name: String, in agencyID: UUID, except unitID: UUID?, on db: any Database
    )
        async throws
    {
        let names = try await OrgUnit.query(on: db).filter(\.$agency.$id == agencyID).all()
            .filter { $0.id != unitID }.map { $0.name.lowercased() }
        if names.contains(name.lowercased()) {
            throw AppError.conflict("duplicate_unit", .init("unit.name.taken", [name]), field: "name")
        }
    }

    static func savePosition(_ req: Request, _ position: Position?, _ input: PositionInput) async throws -> Position {
        let principal = try req.requirePrincipal()
        let (title, kind) = try input.validated()
        guard principal.canManage(agencyID: input.agencyID) else { throw AppError.forbidden() }
        guard try await Agency.find(input.agencyID, on: req.db) != nil else {
            throw AppError.invalid("agencyID", .init("agency.unknown"))
        }
        let existing = try await Position.query(on: req.db).filter(\.$agency.$id == input.agencyID)
            .filter(\.$title == title).first()
        if let existing, existing.id != position?.id {
            throw AppError.conflict("duplicate_position", .init("position.title.taken", [title]), field: "title")
        }
        let target = position ?? Position(agencyID: input.agencyID, title: title, kind: kind.rawValue)
        let diff = changes([
            ("title", position?.title, title), ("kind", position?.kind, kind.rawValue),
            ("agency", position?.$agency.id.uuidString, input.agencyID.uuidString),
        ])
        target.title = title
        target.kind = kind.rawValue
        target.$agency.id = input.agencyID
        try await req.db.transaction { db in
            try await target.save(on: db)
            try await Audit.record(
                req, on: db, action: position == nil ? "create" : "update", entity: "position",
                entityID: target.id?.uuidString, summary: title, changes: diff)
        }
        return target
    }
}
