import Fluent
import Foundation
import LontarCore
import Vapor

/// A supervisor's view of their direct reports' L3 follow-up: who was asked, by when, who
/// answered, and the answers of non-anonymous L3 surveys. Anyone without direct reports is
/// refused; a supervisor sees only their own staff.
struct StaffEvaluationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.staffEvaluation), use: show)
    }

    func show(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let me = principal.employeeID else { throw AppError.forbidden() }
        let staff = try await Employee.query(on: req.db).filter(\.$supervisor.$id == me).filter(\.$active == true)
            .sort(\.$name).all()
        guard !staff.isEmpty else { throw AppError.forbidden() }
        let staffIDs = staff.compactMap(\.id)
        let levels = SurveyLevel.behaviourLevels
        let alumni = try await SurveyInvitation.query(on: req.db).filter(\.$employee.$id ~~ staffIDs)
            .join(Survey.self, on: \SurveyInvitation.$survey.$id == \Survey.$id)
            .filter(Survey.self, \.$level == SurveyLevel.behaviourAlumnus.rawValue).all()
        let mine = try await SurveyInvitation.query(on: req.db).filter(\.$employee.$id == me)
            .filter(\.$about.$id ~~ staffIDs)
            .join(Survey.self, on: \SurveyInvitation.$survey.$id == \Survey.$id)
            .filter(Survey.self, \.$level == SurveyLevel.behaviourSupervisor.rawValue).all()
        let invitations = alumni + mine
        let surveys = try await Survey.query(on: req.db).filter(\.$id ~~ Array(Set(invitations.map(\.$survey.id))))
            .filter(\.$level ~~ levels).all()
        let surveyByID = Dictionary(surveys.compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        let programmeIDs = Array(Set(surveys.map(\.$programme.id)))
        let titles = Dictionary(
            try await Programme.query(on: req.db).filter(\.$id ~~ programmeIDs).all().compactMap { p in
                p.id.map { ($0, p.title) }
            }, uniquingKeysWith: { a, _ in a })
        // Answers only where the survey is not anonymous: an anonymous response has no
        // respondent, so it could not be found here anyway.
        let openSurveys = surveys.filter { !$0.anonymous }.compactMap(\.id)
        let responses =
            openSurveys.isEmpty
            ? []
            : try await SurveyResponse.query(on: req.db).filter(\.$survey.$id ~~ openSurveys).group(.or) { group in
                // The staff member's own answers as an alumnus (about no one), and this
                // supervisor's answers about them; never what staff answered about their own staff.
                group.group(.and) { own in own.filter(\.$respondent.$id ~~ staffIDs).filter(\.$about.$id == nil) }
                    .group(.and) { mine in mine.filter(\.$about.$id ~~ staffIDs).filter(\.$respondent.$id == me) }
            }.all()
        let answers =
            responses.isEmpty
            ? []
            : try await SurveyAnswerRow.query(on: req.db).filter(\.$response.$id ~~ responses.compactMap(\.id)).all()
        let answersByResponse = Dictionary(grouping: answers, by: { $0.$response.id })
        let language = req.language
        let plans = try await ActionPlanQueries.byEmployee(staffIDs, on: req.db)
        let people = staff.map { person -> StaffEvaluationPage.Person in
            let id = person.id
            let rows = invitations.filter {
                ($0.$employee.id == id && $0.$about.id == nil) || $0.$about.id == id
            }.compactMap { invitation -> StaffEvaluationPage.Invitation? in
                guard let survey = surveyByID[invitation.$survey.id] else { return nil }
                let level = survey.level
                return StaffEvaluationPage.Invitation(
                    programme: titles[survey.$programme.id] ?? survey.title,
                    who: req.t("evaluation.staff.who.\(level)"), sentOn: LevelsFormat.day(invitation.sentOn, language),
                    closesOn: LevelsFormat.day(invitation.closesOn, language), answered: invitation.answered,
                    status: req.t(invitation.answered ? "evaluation.staff.answered" : "evaluation.staff.waiting"))
            }
            let personResponses = responses.filter {
                ($0.$respondent.id == id && $0.$about.id == nil) || ($0.$about.id == id && $0.$respondent.id == me)
            }
            let answered = personResponses.compactMap { response -> StaffEvaluationPage.Answers? in
                guard let survey = surveyByID[response.$survey.id],
                    let definition = try? JSONDecoder().decode(
                        SurveyDefinition.self, from: Data(survey.definition.utf8))
                else { return nil }
                // In the questionnaire's order, one line per question: a multiple choice's
                // options (a row each in the table) joined.
                let rows = response.id.flatMap { answersByResponse[$0] } ?? []
                let lines = definition.items.compactMap { item -> StaffEvaluationPage.Line? in
                    let mine = rows.filter { $0.itemKey == item.key }
                    guard !mine.isEmpty else { return nil }
                    let values = mine.sorted { ($0.choice ?? 0) < ($1.choice ?? 0) }.map { row -> String in
                        if let scale = row.scale { return "\(scale)/\(row.points ?? item.likertPoints ?? 5)" }
                        if let choice = row.choice, item.options.indices.contains(choice) {
                            return item.options[choice]
                        }
                        return row.text ?? ""
                    }
                    return .init(prompt: item.prompt, value: values.joined(separator: ", "))
                }
                return .init(
                    title: survey.title, who: req.t("evaluation.staff.who.\(survey.level)"),
                    submittedOn: LevelsFormat.day(response.submittedOn, language), lines: lines)
            }
            return StaffEvaluationPage.Person(
                name: person.name, nip: person.nip, invitations: rows, answers: answered,
                plans: id.flatMap { plans[$0] } ?? [])
        }
        let page = StaffEvaluationPage(
            layout: try await Layout.make(req, title: req.t("evaluation.staff.title")), people: people)
        return try await req.renderPage("evaluation/levels/staff", page)
    }
}
