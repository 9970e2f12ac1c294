import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// Storing one person's answers, for the page and the API alike: only the invited, only
/// while open, exactly once. An anonymous response carries no person and only the day.
enum SurveyAnswering {
    /// Where an invited person stands: their invitation, the class the answers are about,
    /// the facilitators they may rate, and the survey as they answer it.
    struct Context {
        let invitation: SurveyInvitation
        let classID: UUID?
        let facilitators: [(id: UUID, name: String)]
        /// For an L3 survey following up an enrolment: the action plan written for it, if any.
        let plan: ActionPlanRecord?
        /// The survey's definition, less the action-plan questions when the enrolment followed
        /// up has no plan: there is nothing to say how it went, and a guess would skew the figures.
        let definition: SurveyDefinition

        var facilitatorKeys: Set<String> { Set(facilitators.map(\.id.uuidString)) }
    }

    private struct Claimed: Decodable { let id: UUID }

    static let actionPlanAspect = "rencanaAksi"

    /// The caller's invitation, or the reason they may not answer: the one `invitationID`
    /// names if it is theirs and still open (else none), or without a name the oldest open one.
    /// Invitations whose window has closed are passed over: a supervisor asked about two
    /// alumni, or an alumnus of two classes of one programme, answers each open one in turn.
    static func context(
        _ loaded: LoadedSurvey, principal: Principal, request: Request, invitationID: UUID? = nil
    ) async throws -> Context {
        guard let employeeID = principal.employeeID else { throw AppError.forbidden() }
        let invitations = try await SurveyInvitation.query(on: request.db).filter(\.$survey.$id == loaded.id)
            .filter(\.$employee.$id == employeeID).sort(\.$sentOn).all()
        guard !invitations.isEmpty else { throw AppError.forbidden() }
        let today = CityTime.today(request.clock)
        let open = invitations.filter { !$0.answered && $0.closesOn >= today.iso }
        // A named invitation answers that one or none: an old link must not open a form about
        // someone else.
        let named = invitationID.map { id in invitations.first { $0.id == id } }
        guard SurveyStore.acceptsAnswers(loaded.survey, today: today),
            let invitation = named == nil ? open.first : open.first(where: { $0.id == invitationID })
        else {
            if named??.answered == true || invitations.allSatisfy(\.answered) {
                throw AppError.conflict("already_answered", LocalizableMessage("survey.error.alreadyAnswered"))
            }
            throw AppError.conflict("survey_closed", closedMessage(loaded.survey, invitations, today, request.language))
        }
        var classID = loaded.classID
        if classID == nil, let enrolmentID = invitation.enrolmentID {
            classID = try await Enrolment.find(enrolmentID, on: request.db)?.$trainingClass.id
        }
        let facilitators = try await SurveyStore.facilitators(ofClass: classID, on: request.db)
        let followsUp = SurveyLevel(rawValue: loaded.survey.level)?.isBehaviour == true
        var plan: ActionPlanRecord?
        var definition = loaded.definition
        if followsUp, let enrolmentID = invitation.enrolmentID {
            plan = try await ActionPlanRecord.query(on: request.db).filter(\.$enrolment.$id == enrolmentID).first()
            if plan == nil {
                definition.sections = definition.sections.map { section in
                    SurveySection(
                        title: section.title, items: section.items.filter { $0.aspect != actionPlanAspect })
                }.filter { !$0.items.isEmpty }
            }
        }
        return Context(
            invitation: invitation, classID: classID, facilitators: facilitators, plan: plan, definition: definition)
    }

    /// Says on which day answering closed, when that is why. A survey not open (draft, or
    /// closed by hand) has no day to give.
    private static func closedMessage(
        _ survey: Survey, _ invitations: [SurveyInvitation], _ today: CivilDate, _ language: Language
    ) -> LocalizableMessage {
        // Answering ended on the earlier of the survey's closing day and the caller's last
        // invitation's.
        let invited = invitations.filter { !$0.answered }.compactMap { CivilDate(iso: $0.closesOn) }.max()
        let ends = [survey.closesOn.flatMap(CivilDate.init(iso:)), invited].compactMap { $0 }.min()
        guard survey.status == "open", let lastDay = ends, lastDay < today else {
            return LocalizableMessage("survey.error.closed")
        }
        return LocalizableMessage("survey.error.closedOn", [CityTime.longDate(lastDay, language: language)])
    }

    /// Stores checked answers. The invitation is claimed by one conditional UPDATE in the
    /// same transaction as the response, so a second or concurrent submit writes nothing.
    static func store(
        _ loaded: LoadedSurvey, context: Context, answers: [String: SurveyAnswer], request: Request
    ) async throws {
        let employeeID = context.invitation.$employee.id
        let aboutID = context.invitation.$about.id
        let anonymous = loaded.survey.anonymous
        let respondent = anonymous ? nil : context.invitation.$employee.id
        let about = anonymous ? nil : context.invitation.$about.id
        let day = CityTime.today(request.clock).iso
        let surveyID = loaded.id
        let classID = context.classID
        let items = context.definition.items
        let enrolmentID = context.invitation.enrolmentID
        let today = CityTime.today(request.clock).iso
        try await request.db.retryingTransaction { db in
            let sql = try db.sql()
            // Claims this invitation and any duplicate of it (same person, survey and alumnus), so
            // an invitation made twice by concurrent invites still allows one answer.
            var claim: SQLQueryString = """
                UPDATE survey_invitations SET answered = \(bind: true)
                WHERE survey_id = \(bind: surveyID) AND employee_id = \(bind: employeeID) AND answered = \(bind: false)
                """
            if let about = aboutID {
                claim += " AND about_employee_id = \(bind: about)"
            } else {
                claim += " AND about_employee_id IS NULL"
            }
            // Only copies of this very invitation: the same enrolment followed up, still open.
            if let enrolmentID {
                claim += " AND enrolment_id = \(bind: enrolmentID)"
            } else {
                claim += " AND enrolment_id IS NULL"
            }
            claim += " AND closes_on >= \(bind: today) RETURNING id"
            let claimed = try await sql.raw(claim).all(decoding: Claimed.self).first
            guard claimed != nil else {
                throw AppError.conflict("already_answered", LocalizableMessage("survey.error.alreadyAnswered"))
            }
            let response = SurveyResponse()
            response.$survey.id = surveyID
            response.$trainingClass.id = classID
            response.$respondent.id = respondent
            response.$about.id = about
            response.submittedOn = day
            try await response.save(on: db)
            let rows = try Self.rows(
                items: items, answers: answers, responseID: response.requireID(), surveyID: surveyID)
            if !rows.isEmpty { try await rows.create(on: db) }
        }
    }

    /// One row per scale point, chosen option, facilitator rating or text; blanks write nothing.
    static func rows(
        items: [SurveyItem], answers: [String: SurveyAnswer], responseID: UUID, surveyID: UUID
    )
        -> [SurveyAnswerRow]
    {
        var rows: [SurveyAnswerRow] = []
        func row(_ item: SurveyItem) -> SurveyAnswerRow {
            let row = SurveyAnswerRow()
            row.$response.id = responseID
            row.surveyID = surveyID
            row.itemKey = item.key
            row.aspect = item.aspect
            return row
        }
        for item in items {
            switch answers[item.key] {
            case .scale(let point):
                let answer = row(item)
                answer.scale = point
                answer.points = item.likertPoints
                rows.append(answer)
            case .choices(let chosen):
                for choice in chosen {
                    let answer = row(item)
                    answer.choice = choice
                    rows.append(answer)
                }
            case .text(let text):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { continue }
                let answer = row(item)
                answer.text = trimmed
                rows.append(answer)
            case .ratings(let ratings):
                for (facilitator, point) in ratings.sorted(by: { $0.key < $1.key }) {
                    guard let id = UUID(uuidString: facilitator) else { continue }
                    let answer = row(item)
                    answer.facilitatorID = id
                    answer.scale = point
                    answer.points = 5
                    rows.append(answer)
                }
            case nil:
                continue
            }
        }
        return rows
    }

    /// A problem as a sentence for the item it concerns.
    static func message(_ problem: SurveyAnswerProblem, _ req: Request) -> (key: String, text: String) {
        switch problem {
        case .missing(let key): (key, req.t("survey.answer.error.missing"))
        case .outOfRange(let key), .wrongShape(let key): (key, req.t("survey.answer.error.invalid"))
        case .unknownItem(let key): (key, req.t("survey.answer.error.unknown", key))
        case .tooLong(let key):
            (key, req.t("survey.answer.error.tooLong", String(SurveyDefinition.maximumTextLength)))
        }
    }
}
