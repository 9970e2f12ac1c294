import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// A survey with its programme and parsed definition, loaded once per request.
struct LoadedSurvey {
    let survey: Survey
    let programme: Programme
    let definition: SurveyDefinition

    var id: UUID { survey.id ?? UUID() }
    var classID: UUID? { survey.$trainingClass.id }
}

/// Who may do what with a survey; every survey route asks here.
enum SurveyAccess {
    /// Every survey route uses this parameter name (`/survei/:surveyID`, `/api/v1/surveys/:surveyID`).
    static let parameter = "surveyID"

    static func load(_ req: Request) async throws -> LoadedSurvey {
        guard let id = req.parameters.get(parameter, as: UUID.self), let survey = try await Survey.find(id, on: req.db),
            let programme = try await Programme.find(survey.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        return LoadedSurvey(survey: survey, programme: programme, definition: SurveyStore.decode(survey.definition))
    }

    /// BKPPD, or an operator of the OPD that organises the programme.
    static func requireManager(_ req: Request) async throws -> (LoadedSurvey, Principal) {
        let principal = try req.requirePrincipal()
        let loaded = try await load(req)
        guard TrainingAccess.canManage(loaded.programme, principal) else { throw AppError.forbidden() }
        return (loaded, principal)
    }

    /// The classes of this survey a facilitator may see feedback on: those they facilitated.
    static func facilitatedClasses(
        _ loaded: LoadedSurvey, _ principal: Principal, on db: any Database
    ) async throws
        -> [UUID]
    {
        let links = try await ClassFacilitator.query(on: db).filter(\.$user.$id == principal.userID)
            .join(TrainingClass.self, on: \ClassFacilitator.$trainingClass.$id == \TrainingClass.$id)
            .filter(TrainingClass.self, \.$programme.$id == loaded.programme.requireID()).all()
        let classes = Set(links.map { $0.$trainingClass.id })
        if let classID = loaded.classID { return classes.contains(classID) ? [classID] : [] }
        return classes.sorted { $0.uuidString < $1.uuidString }
    }
}

/// The survey's stored definition and the facts the pages share.
enum SurveyStore {
    static func decode(_ text: String) -> SurveyDefinition {
        (try? JSONDecoder().decode(SurveyDefinition.self, from: Data(text.utf8))) ?? SurveyDefinition(sections: [])
    }

    static func encode(_ definition: SurveyDefinition) throws -> String {
        String(decoding: try JSONEncoder().encode(definition), as: UTF8.self)
    }

    /// Answers exist: the definition is frozen, because stored answers refer to its items.
    static func hasResponses(_ surveyID: UUID, on db: any Database) async throws -> Bool {
        try await SurveyResponse.query(on: db).filter(\.$survey.$id == surveyID).first() != nil
    }

    /// Open, and not past its closing day (WITA).
    static func acceptsAnswers(_ survey: Survey, today: CivilDate) -> Bool {
        guard survey.status == "open" else { return false }
        if let closes = survey.closesOn, closes < today.iso { return false }
        return true
    }

    /// The closing day of a new invitation: the survey's, else 30 days from today.
    static func invitationCloses(_ survey: Survey, today: CivilDate) -> String {
        survey.closesOn ?? today.adding(days: 30).iso
    }

    /// Facilitators of a class, by account id, with their display names (sorted by name).
    static func facilitators(ofClass classID: UUID?, on db: any Database) async throws -> [(id: UUID, name: String)] {
        guard let classID else { return [] }
        let links = try await ClassFacilitator.query(on: db).filter(\.$trainingClass.$id == classID).with(\.$user)
            .all()
        return links.compactMap { link in link.user.id.map { ($0, link.user.displayName) } }
            .sorted { $0.name < $1.name }
    }

    static func levelLabel(_ level: String, _ req: Request) -> String {
        switch SurveyLevel(rawValue: level) {
        case .reaction: req.t("survey.level.reaction")
        case .behaviourAlumnus: req.t("survey.level.behaviourAlumnus")
        case .behaviourSupervisor: req.t("survey.level.behaviourSupervisor")
        default: req.t("survey.level.other")
        }
    }

    static func statusLabel(_ status: String, _ req: Request) -> String {
        switch status {
        case "open": req.t("survey.status.open")
        case "closed": req.t("survey.status.closed")
        default: req.t("survey.status.draft")
        }
    }

    static func kindLabel(_ kind: SurveyItemKind, _ req: Request) -> String {
        switch kind {
        case .likert4: req.t("survey.kind.likert4")
        case .likert5: req.t("survey.kind.likert5")
        case .single: req.t("survey.kind.single")
        case .multiple: req.t("survey.kind.multiple")
        case .facilitatorRating: req.t("survey.kind.facilitatorRating")
        case .text: req.t("survey.kind.text")
        }
    }

    /// The words of a Likert point (1-based).
    static func likertLabel(points: Int, _ point: Int, _ req: Request) -> String {
        if points == 4 {
            return [
                req.t("survey.likert4.1"), req.t("survey.likert4.2"), req.t("survey.likert4.3"),
                req.t("survey.likert4.4"),
            ][max(0, min(3, point - 1))]
        }
        return [
            req.t("survey.likert5.1"), req.t("survey.likert5.2"), req.t("survey.likert5.3"), req.t("survey.likert5.4"),
            req.t("survey.likert5.5"),
        ][max(0, min(4, point - 1))]
    }

    /// "72,5" in Indonesian, "72.5" in English.
    static func number(_ value: Double?, _ req: Request, digits: Int = 1) -> String {
        guard let value else { return "—" }
        let text = String(format: "%.\(digits)f", value)
        return req.language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// Counts of invitations and answers, for the response rate.
enum SurveyRates {
    private struct Row: Decodable {
        let invited: Int
        let answered: Int?
    }

    /// Invited and answered, optionally only the invitations of one class's enrolments (a
    /// class survey's invitations are all of its class).
    static func rate(_ loaded: LoadedSurvey, classIDs: [UUID]?, on db: any Database) async throws -> ResponseRate {
        let sql = try db.sql()
        let none = ResponseRate(invited: 0, answered: 0)
        var filtered = classIDs
        if let classIDs, let own = loaded.classID {
            guard classIDs.contains(own) else { return none }
            filtered = nil
        }
        if let filtered, filtered.isEmpty { return none }
        let row: Row?
        if let filtered {
            row = try await sql.raw(
                """
                SELECT COUNT(*) AS invited, SUM(CASE WHEN i.answered THEN 1 ELSE 0 END) AS answered
                FROM survey_invitations i JOIN enrolments e ON e.id = i.enrolment_id
                WHERE i.survey_id = \(bind: loaded.id) AND e.class_id IN (\(binds: filtered))
                """
            ).first(decoding: Row.self)
        } else {
            row = try await sql.raw(
                """
                SELECT COUNT(*) AS invited, SUM(CASE WHEN answered THEN 1 ELSE 0 END) AS answered
                FROM survey_invitations WHERE survey_id = \(bind: loaded.id)
                """
            ).first(decoding: Row.self)
        }
        return ResponseRate(invited: row?.invited ?? 0, answered: row?.answered ?? 0)
    }
}
