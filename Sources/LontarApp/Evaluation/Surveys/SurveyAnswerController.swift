import Fluent
import Foundation
import LontarCore
import Vapor

/// The invited person's side: the survey form, sending it once, and "my surveys".
struct SurveyAnswerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.one(Paths.survey, SurveyAccess.parameter), use: show)
        routes.post(TrainingRoutePattern.one(Paths.surveyAnswer, SurveyAccess.parameter), use: answer)
        // A form sent back with errors sits at the answer address: reloading it, or switching
        // the language there, asks for it by GET. The form itself is at the survey's address.
        routes.get(TrainingRoutePattern.one(Paths.surveyAnswer, SurveyAccess.parameter)) { req in
            _ = try req.requirePrincipal()
            let id = try CatalogueRouting.id(req, parameter: SurveyAccess.parameter)
            guard let invitation = Self.invitationID(req.query[Self.field]) else {
                return req.redirect(to: Paths.survey(id))
            }
            return req.redirect(to: Paths.survey(id, invitation: invitation))
        }
        routes.get(CatalogueRouting.pattern(Paths.mySurveys), use: mine)
    }

    func show(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let loaded = try await SurveyAccess.load(req)
        let invitations =
            try await principal.employeeID.asyncFlatMap { employeeID in
                try await SurveyInvitation.query(on: req.db).filter(\.$survey.$id == loaded.id)
                    .filter(\.$employee.$id == employeeID).all()
            } ?? []
        // Managers who were not asked land on the builder; answering is for the invited.
        if invitations.isEmpty, TrainingAccess.canManage(loaded.programme, principal) {
            return req.redirect(to: Paths.surveyEdit(loaded.id))
        }
        let context: SurveyAnswering.Context
        do {
            context = try await SurveyAnswering.context(
                loaded, principal: principal, request: req, invitationID: Self.invitationID(req.query[Self.field]))
        } catch let error as AppError where error.status == .conflict {
            // Answered already, or closed: back to the list, which says what is still open.
            Flash.warn(req, req.t(error.message))
            return req.redirect(to: Paths.mySurveys)
        }
        return try await render(req, loaded, context, fields: FormFields(pairs: []), problems: [])
    }

    /// Which of the person's invitations a form answers (`?undangan=` on the link from "my
    /// surveys", a hidden field on the form): a supervisor may be asked about several alumni.
    static let field = "undangan"

    static func invitationID(_ raw: String?) -> UUID? { raw.flatMap(UUID.init(uuidString:)) }

    func answer(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let loaded = try await SurveyAccess.load(req)
        let context: SurveyAnswering.Context
        do {
            context = try await SurveyAnswering.context(
                loaded, principal: principal, request: req,
                invitationID: Self.invitationID(FormFields.from(req)[Self.field]))
        } catch let error as AppError where error.status == .conflict {
            Flash.warn(req, req.t(error.message))
            return req.redirect(to: Paths.mySurveys)
        }
        let fields = FormFields.from(req)
        let answers = SurveyFormReader.answers(fields, items: context.definition.items)
        let problems = context.definition.check(answers, facilitators: context.facilitatorKeys)
        guard problems.isEmpty else {
            return try await render(
                req, loaded, context, fields: fields, problems: problems, status: .unprocessableEntity)
        }
        do {
            try await SurveyAnswering.store(loaded, context: context, answers: answers, request: req)
        } catch let error as AppError where error.status == .conflict {
            Flash.warn(req, req.t(error.message))
            return req.redirect(to: Paths.mySurveys)
        }
        Flash.set(req, req.t("survey.answer.thanks"))
        return req.redirect(to: Paths.mySurveys)
    }

    func mine(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        var rows: [MySurveysPage.Row] = []
        if let employeeID = principal.employeeID {
            let invitations = try await SurveyInvitation.query(on: req.db).filter(\.$employee.$id == employeeID)
                .filter(\.$answered == false).with(\.$survey).with(\.$about).sort(\.$sentOn, .descending).all()
            let today = CityTime.today(req.clock)
            let programmeIDs = Set(invitations.map { $0.survey.$programme.id })
            let programmes = try await Programme.query(on: req.db).filter(\.$id ~~ programmeIDs).all()
            let titles = Dictionary(
                programmes.compactMap { p in p.id.map { ($0, p.title) } }, uniquingKeysWith: { a, _ in a })
            rows = try invitations.filter {
                SurveyStore.acceptsAnswers($0.survey, today: today) && $0.closesOn >= today.iso
            }.map { invitation in
                MySurveysPage.Row(
                    title: invitation.survey.title, programme: titles[invitation.survey.$programme.id] ?? "",
                    about: invitation.about.map { req.t("survey.answer.about", $0.name) },
                    closes: req.t("survey.mine.closes", LevelsFormat.day(invitation.closesOn, req.language)),
                    anonymous: invitation.survey.anonymous,
                    href: Paths.survey(try invitation.survey.requireID(), invitation: try invitation.requireID()))
            }
        }
        let page = MySurveysPage(layout: try await Layout.make(req, title: req.t("survey.mine.title")), rows: rows)
        return try await req.renderPage("evaluation/surveys/mine", page)
    }

    private func render(
        _ req: Request, _ loaded: LoadedSurvey, _ context: SurveyAnswering.Context, fields: FormFields,
        problems: [SurveyAnswerProblem], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        var byItem: [String: String] = [:]
        var general: [String] = []
        for problem in problems {
            let (key, text) = SurveyAnswering.message(problem, req)
            if context.definition.items.contains(where: { $0.key == key }) {
                byItem[key] = text
            } else {
                general.append(text)
            }
        }
        let sections = SurveyFormReader.sections(
            context.definition, fields: fields, facilitators: context.facilitators, errors: byItem, req: req)
        let errorCount = byItem.count + general.count
        let about = try await context.invitation.$about.id.asyncFlatMap { try await Employee.find($0, on: req.db) }
        let page = SurveyFormPage(
            layout: try await Layout.make(req, title: loaded.survey.title), programmeTitle: loaded.programme.title,
            anonymous: loaded.survey.anonymous, about: about.map { req.t("survey.answer.about", $0.name) },
            plan: ActionPlanView(context.plan, language: req.language),
            planInSection: context.plan != nil && sections.contains(where: \.showsPlan),
            invitation: try context.invitation.requireID().uuidString,
            // The invitation rides in the address too, so a reload after errors returns to it.
            action: Paths.surveyAnswer(loaded.id) + "?\(Self.field)=" + (try context.invitation.requireID().uuidString),
            sections: sections,
            errorSummary: errorCount > 0 ? req.t("survey.answer.error.summary", String(errorCount)) : nil,
            errors: general)
        return try await req.renderPage("evaluation/surveys/answer", page, status: status)
    }
}

struct MySurveysPage: Encodable {
    struct Row: Encodable {
        let title: String
        let programme: String
        let about: String?
        let closes: String
        let anonymous: Bool
        let href: String
    }
    let layout: Layout
    let rows: [Row]
}
