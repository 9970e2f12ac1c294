import Fluent
import Vapor

/// Renaming and retiring an OPD's work units, when a reorganisation changes them. A unit is
/// retired, never deleted: employees' history and imports still name it.
struct UnitController: RouteCollection {
    struct RenameInput: Content {
        var name: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let opd = routes.grouped("opd")
        opd.post(":id", "unit", ":unitID", use: rename)
        opd.post(":id", "unit", ":unitID", "status", use: setActive)
    }

    private func find(_ req: Request) async throws -> (Agency, OrgUnit) {
        let agency = try await AgencyController.findManageable(req)
        guard let unitID = req.parameters.get("unitID", as: UUID.self),
            let unit = try await OrgUnit.find(unitID, on: req.db), unit.$agency.id == agency.id
        else { throw AppError.notFound() }
        return (agency, unit)
    }

    func rename(req: Request) async throws -> Response {
        let (agency, unit) = try await find(req)
        let agencyID = try agency.requireID()
        do {
            let name = try UnitInput(name: try req.content.decode(RenameInput.self).name, parentID: nil).validated()
                .name
            guard name != unit.name else { return req.redirect(to: Paths.agency(agencyID)) }
            try await OrganisationService.checkUnitNameFree(name, in: agencyID, except: unit.id, on: req.db)
            let old = unit.name
            unit.name = name
            try await req.db.transaction { db in
                try await unit.save(on: db)
                try await Audit.record(
                    req, on: db, action: "update", entity: "unit", entityID: unit.id?.uuidString,
                    summary: "\(agency.code): \(name)", changes: [FieldChange(field: "name", old: old, new: name)])
            }
            Flash.set(req, req.t("unit.renamed", old, name))
            return req.redirect(to: Paths.agency(agencyID))
        } catch let error as AppError where error.field != nil {
            return try await AgencyController().renderDetail(
                req, agency: agency, error: nil, unitError: req.t(error.message), status: error.status)
        }
    }

    struct StatusInput: Content {
        var active: String?
    }

    /// Retiring asks that the unit be empty first: its active staff moved and its active
    /// sub-units retired, so no one is left in a unit that no longer exists. The form says
    /// which state it wants, so a second submit (or an old page) changes nothing.
    func setActive(req: Request) async throws -> Response {
        let (agency, unit) = try await find(req)
        guard let wanted = (try? req.content.decode(StatusInput.self))?.active.flatMap(Bool.init) else {
            throw AppError.invalid("active", .init("unit.status.invalid"))
        }
        let unitID = try unit.requireID()
        let agencyID = try agency.requireID()
        guard unit.active != wanted else { return req.redirect(to: Paths.agency(agencyID)) }
        let blockers: (staff: Int, subUnits: Int)? = try await req.db.transaction { db in
            if !wanted {
                let staff = try await Employee.query(on: db).filter(\.$unit.$id == unitID).filter(\.$active == true)
                    .count()
                let subUnits = try await OrgUnit.query(on: db).filter(\.$parent.$id == unitID)
                    .filter(\.$active == true).count()
                if staff > 0 || subUnits > 0 { return (staff, subUnits) }
            }
            unit.active = wanted
            try await unit.save(on: db)
            try await Audit.record(
                req, on: db, action: wanted ? "update" : "deactivate", entity: "unit", entityID: unitID.uuidString,
                summary: "\(agency.code): \(unit.name)",
                changes: [FieldChange(field: "active", old: String(!wanted), new: String(wanted))])
            return nil
        }
        if let blockers {
            let message = req.t(
                "unit.retire.notEmpty", unit.name, String(blockers.staff), String(blockers.subUnits))
            return try await AgencyController().renderDetail(
                req, agency: agency, error: nil, unitError: message, status: .conflict)
        }
        Flash.set(req, req.t(wanted ? "unit.restored" : "unit.retired", unit.name))
        return req.redirect(to: Paths.agency(agencyID))
    }
}
