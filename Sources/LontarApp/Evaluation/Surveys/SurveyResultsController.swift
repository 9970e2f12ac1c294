import Fluent
import Foundation
import LontarCore
import Vapor

/// Results (managers: everything; a facilitator: their own classes and their own ratings),
/// who has not answered (named surveys, managers), and the survey list.
struct SurveyResultsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.one(Paths.surveyResults, SurveyAccess.parameter), use: results)
        routes.get(TrainingRoutePattern.one(Paths.surveyMissing, SurveyAccess.parameter), use: missing)
        routes.get(CatalogueRouting.pattern(Paths.surveys), use: list)
    }

    func results(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let loaded = try await SurveyAccess.load(req)
        let manager = TrainingAccess.canManage(loaded.programme, principal)
        var filter = SurveyResults.Filter()
        var allowed: [UUID]?
        if !manager {
            let own = try await SurveyAccess.facilitatedClasses(loaded, principal, on: req.db)
            guard !own.isEmpty else { throw AppError.forbidden() }
            allowed = own
            filter.classIDs = own
            filter.facilitatorID = principal.userID
        }
        let chosen = req.query[String.self, at: "kelas"].flatMap(UUID.init(uuidString:))
        if let chosen {
            guard allowed?.contains(chosen) ?? true else { throw AppError.forbidden() }
            // With one class under the threshold, "all" minus the other classes would reveal
            // it: an anonymous survey is shown by class only when every class has enough answers.
            if loaded.survey.anonymous, try await SurveyResults.hasSmallClass(loaded.id, on: req.db) {
                throw AppError.conflict("anonymity_threshold", .init("survey.results.classWithheld"))
            }
            filter.classIDs = [chosen]
        }
        let page = try await SurveyResultsPageBuilder(req: req, loaded: loaded, manager: manager)
            .build(filter: filter, chosen: chosen, allowed: allowed)
        return try await req.renderPage("evaluation/surveys/results", page)
    }

    func missing(req: Request) async throws -> Response {
        let (loaded, _) = try await SurveyAccess.requireManager(req)
        // An anonymous survey keeps even who answered to itself.
        guard !loaded.survey.anonymous else {
            throw AppError.conflict("survey_anonymous", LocalizableMessage("survey.missing.anonymous"))
        }
        let invitations = try await SurveyInvitation.query(on: req.db).filter(\.$survey.$id == loaded.id)
            .filter(\.$answered == false).join(Employee.self, on: \SurveyInvitation.$employee.$id == \Employee.$id)
            .sort(Employee.self, \.$name).all()
        let employees = try invitations.map { try $0.joined(Employee.self) }
        let agencyIDs = Set(employees.map { $0.$agency.id })
        let agencies = try await Agency.query(on: req.db).filter(\.$id ~~ agencyIDs).all()
        let codes = Dictionary(agencies.compactMap { a in a.id.map { ($0, a.code) } }, uniquingKeysWith: { a, _ in a })
        let rows = zip(invitations, employees).map { invitation, employee in
            MissingPage.Row(
                name: employee.name, nip: employee.nip, agency: codes[employee.$agency.id] ?? "",
                sent: invitation.sentOn, closes: invitation.closesOn)
        }
        let page = MissingPage(
            layout: try await Layout.make(req, title: req.t("survey.missing.title")), surveyTitle: loaded.survey.title,
            resultsHref: Paths.surveyResults(loaded.id), rows: rows)
        return try await req.renderPage("evaluation/surveys/missing", page)
    }

    func list(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        // "New survey for programme …": a plain GET form, sent on to the builder (which checks again).
        if principal.isAdmin || principal.isOperator, let chosen = req.query[String.self, at: "pelatihan"],
            let id = UUID(uuidString: chosen)
        {
            return req.redirect(to: Paths.surveyNew(programme: id))
        }
        let query = Survey.query(on: req.db).join(Programme.self, on: \Survey.$programme.$id == \Programme.$id)
            .sort(\.$createdAt, .descending)
        if !principal.isAdmin {
            let facilitated = try await ClassFacilitator.query(on: req.db).filter(\.$user.$id == principal.userID)
                .join(TrainingClass.self, on: \ClassFacilitator.$trainingClass.$id == \TrainingClass.$id).all()
                .compactMap { try? $0.joined(TrainingClass.self).$programme.id }
            guard principal.isOperator || !facilitated.isEmpty else { throw AppError.forbidden() }
            query.group(.or) { group in
                if let agency = principal.operatorAgencyID, principal.isOperator {
                    group.filter(Programme.self, \.$organiserAgency.$id == agency)
                }
                if !facilitated.isEmpty { group.filter(Programme.self, \.$id ~~ facilitated) }
            }
        }
        let surveys = try await query.limit(500).all()
        let rates = try await SurveyListRates.rates(surveys.compactMap(\.id), on: req.db)
        let rows = try surveys.map { survey in
            let programme = try survey.joined(Programme.self)
            let id = try survey.requireID()
            let rate = rates[id] ?? ResponseRate(invited: 0, answered: 0)
            return SurveyListPage.Row(
                title: survey.title, programme: programme.title, level: SurveyStore.levelLabel(survey.level, req),
                status: SurveyStore.statusLabel(survey.status, req), rate: SurveyResultsText.rate(rate, req),
                resultsHref: Paths.surveyResults(id),
                editHref: TrainingAccess.canManage(programme, principal) ? Paths.surveyEdit(id) : nil)
        }
        let page = SurveyListPage(
            layout: try await Layout.make(req, title: req.t("survey.list.title")), rows: rows,
            programmes: try await managedProgrammes(principal, req), action: Paths.surveys)
        return try await req.renderPage("evaluation/surveys/list", page)
    }
    /// Programmes this person may build surveys for (BKPPD: all; an operator: their OPD's).
    private func managedProgrammes(_ principal: Principal, _ req: Request) async throws -> [SurveyEditPage.Option] {
        guard principal.isAdmin || principal.isOperator else { return [] }
        let query = Programme.query(on: req.db).filter(\.$status != "archived").sort(\.$title)
        if !principal.isAdmin, let agency = principal.operatorAgencyID {
            query.filter(\.$organiserAgency.$id == agency)
        }
        return try await query.limit(500).all().compactMap { programme in
            programme.id.map { .init(value: $0.uuidString, label: programme.title, selected: false) }
        }
    }
}

struct MissingPage: Encodable {
    struct Row: Encodable {
        let name: String
        let nip: String
        let agency: String
        let sent: String
        let closes: String
    }
    let layout: Layout
    let surveyTitle: String
    let resultsHref: String
    let rows: [Row]
}

struct SurveyListPage: Encodable {
    struct Row: Encodable {
        let title: String
        let programme: String
        let level: String
        let status: String
        let rate: String
        let resultsHref: String
        let editHref: String?
    }
    let layout: Layout
    let rows: [Row]
    let programmes: [SurveyEditPage.Option]
    let action: String
}
