import Fluent
import Foundation
import LontarCore
import Vapor

/// Asking people to answer: the L1 reaction survey after a completed class or course, and
/// the manager's "invite the class" action. An invitation is made once per person and
/// survey, whoever asks how often.
enum SurveyInviter {
    /// Called once an enrolment has just been completed (`CompletionRecorder.record`): invites
    /// the participant to the programme's open reaction survey for that class, else to the
    /// programme-wide one. Completion is already committed; a failure here is logged, not thrown,
    /// so the learner's credit and certificate never depend on the survey.
    static func afterCompletion(enrolmentID: UUID, employeeID: UUID, programme: Programme, request: Request) async {
        do {
            guard let enrolment = try await Enrolment.find(enrolmentID, on: request.db) else { return }
            let classID = enrolment.$trainingClass.id
            let surveys = try await Survey.query(on: request.db).filter(\.$programme.$id == programme.requireID())
                .filter(\.$level == SurveyLevel.reaction.rawValue).filter(\.$status == "open").all()
            let today = CityTime.today(request.clock)
            let candidates = surveys.filter { SurveyStore.acceptsAnswers($0, today: today) }
            guard
                let survey = candidates.first(where: { $0.$trainingClass.id == classID })
                    ?? candidates.first(where: { $0.$trainingClass.id == nil })
            else { return }
            _ = try await invite(
                survey: survey, programmeTitle: programme.title, people: [(employeeID, enrolmentID)], request: request)
        } catch {
            request.logger.error("L1 invitation after completion failed: \(String(describing: error))")
        }
    }

    /// Invites everyone of `classID` who holds a seat (approved, not cancelled); returns how
    /// many new invitations were made.
    static func inviteClass(_ loaded: LoadedSurvey, classID: UUID, request: Request) async throws -> Int {
        let enrolments = try await Enrolment.query(on: request.db).filter(\.$trainingClass.$id == classID)
            .filter(\.$approval == Approval.approved.rawValue).filter(\.$seat == SeatState.held.rawValue)
            .filter(\.$cancelled == false).all()
        let people = try enrolments.map { (employee: $0.$employee.id, enrolment: try $0.requireID()) }
        return try await invite(
            survey: loaded.survey, programmeTitle: loaded.programme.title, people: people, request: request)
    }

    /// Writes the missing invitations and tells each new invitee in the app.
    static func invite(
        survey: Survey, programmeTitle: String, people: [(employee: UUID, enrolment: UUID)], request: Request
    ) async throws -> Int {
        guard !people.isEmpty else { return 0 }
        let surveyID = try survey.requireID()
        let already = Set(
            try await SurveyInvitation.query(on: request.db).filter(\.$survey.$id == surveyID)
                .filter(\.$employee.$id ~~ people.map(\.employee)).all().map { $0.$employee.id })
        let today = CityTime.today(request.clock)
        var seen = already
        var made: [(employee: UUID, invitation: UUID)] = []
        for person in people where seen.insert(person.employee).inserted {
            let invitation = SurveyInvitation()
            invitation.$survey.id = surveyID
            invitation.$employee.id = person.employee
            invitation.enrolmentID = person.enrolment
            invitation.sentOn = today.iso
            invitation.closesOn = SurveyStore.invitationCloses(survey, today: today)
            invitation.answered = false
            try await invitation.save(on: request.db)
            made.append((person.employee, try invitation.requireID()))
        }
        let notifications = Notifications(request: request)
        for (employeeID, invitationID) in made {
            guard let userID = try await notifications.account(ofEmployee: employeeID) else { continue }
            try await notifications.send(
                to: userID, "survey.notify.invited", [survey.title, programmeTitle],
                link: Paths.survey(surveyID, invitation: invitationID))
        }
        return made.count
    }
}
