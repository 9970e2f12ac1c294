import Fluent
import Foundation
import LontarCore
import Vapor

/// Who sees a programme's evaluation: BKPPD and the organising OPD's operators see all four
/// levels; a facilitator of the programme's classes sees only the reaction to their own classes.
enum ReportAccess {
    enum View: Equatable {
        case full
        /// `facilitator`: the viewer's own account, the only facilitator whose ratings they see.
        case reactionOnly(classes: [UUID], facilitator: UUID)
    }

    static func view(of programme: Programme, _ principal: Principal, on db: any Database) async throws -> View {
        if TrainingAccess.canManage(programme, principal) { return .full }
        let programmeID = try programme.requireID()
        let classes = try await ClassFacilitator.query(on: db)
            .join(TrainingClass.self, on: \ClassFacilitator.$trainingClass.$id == \TrainingClass.$id)
            .filter(\ClassFacilitator.$user.$id == principal.userID)
            .filter(TrainingClass.self, \.$programme.$id == programmeID)
            .all()
            .map { $0.$trainingClass.id }
        guard !classes.isEmpty else { throw AppError.forbidden() }
        return .reactionOnly(classes: classes, facilitator: principal.userID)
    }

    static func scope(_ view: View, programme: UUID, year: Int) -> ReportScope {
        switch view {
        case .full: ReportScope(year: year, programme: programme)
        case .reactionOnly(let classes, let facilitator):
            ReportScope(year: year, programme: programme, classes: classes, facilitator: facilitator)
        }
    }

    /// `?year=YYYY` for pages: this WITA year when absent, kept to a sane range.
    static func pageYear(_ req: Request) -> Int { JPText.year(req) }

    /// `?year=YYYY` for the API: required, a number, else 400 naming `year`.
    static func apiYear(_ req: Request) throws -> Int {
        guard let raw = req.query[String.self, at: "year"], let year = Int(raw), (2000...2100).contains(year) else {
            throw AppError(
                .badRequest, "invalid_parameter", LocalizableMessage("evalreport.error.year"), field: "year")
        }
        return year
    }

    /// The programme named by the `:id` (pages) or `:programID` (API) parameter, or 404.
    static func programme(_ req: Request, parameter: String = "id") async throws -> Programme {
        guard let programme = try await Programme.find(try CatalogueRouting.id(req, parameter: parameter), on: req.db)
        else { throw AppError.notFound() }
        return programme
    }
}
