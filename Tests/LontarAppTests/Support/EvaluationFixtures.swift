import Fluent
import Foundation
import LontarCore
import VaporTesting

@testable import LontarApp

/// Evaluation rows written straight into the tables, small enough to check by hand.
enum EvaluationFixtures {
    /// One answer row: a scale point, a chosen option or a text.
    enum Answer {
        case scale(_ key: String, aspect: String, _ value: Int, points: Int)
        case choice(_ key: String, aspect: String, _ index: Int)
        case text(_ key: String, aspect: String, _ text: String)
    }

    @discardableResult
    static func survey(
        _ app: Application, _ programme: Programme, level: SurveyLevel = .reaction, anonymous: Bool = false,
        class trainingClass: TrainingClass? = nil, title: String = "Survei"
    ) async throws -> Survey {
        let survey = Survey()
        survey.$programme.id = try programme.requireID()
        survey.$trainingClass.id = trainingClass?.id
        survey.level = level.rawValue
        survey.title = title
        survey.definition = "{\"sections\":[]}"
        survey.anonymous = anonymous
        survey.status = "open"
        survey.createdBy = UUID()
        survey.createdAt = app.clock.now()
        try await survey.save(on: app.db)
        return survey
    }

    /// A response with its answer rows. An anonymous survey's response names no one unless
    /// `respondent` is forced (to prove reports ignore such a link even if one slipped in).
    @discardableResult
    static func response(
        _ app: Application, _ survey: Survey, on day: String, by respondent: Employee? = nil,
        class trainingClass: TrainingClass? = nil, about: Employee? = nil, _ answers: [Answer]
    ) async throws -> SurveyResponse {
        let response = SurveyResponse()
        response.$survey.id = try survey.requireID()
        response.$trainingClass.id = trainingClass?.id ?? survey.$trainingClass.id
        response.$respondent.id = respondent?.id
        response.$about.id = about?.id
        response.submittedOn = day
        try await response.save(on: app.db)
        for answer in answers {
            let row = SurveyAnswerRow()
            row.$response.id = try response.requireID()
            row.surveyID = try survey.requireID()
            switch answer {
            case .scale(let key, let aspect, let value, let points):
                (row.itemKey, row.aspect, row.scale, row.points) = (key, aspect, value, points)
            case .choice(let key, let aspect, let index):
                (row.itemKey, row.aspect, row.choice) = (key, aspect, index)
            case .text(let key, let aspect, let text):
                (row.itemKey, row.aspect, row.text) = (key, aspect, text)
            }
            try await row.save(on: app.db)
        }
        return response
    }

    /// An invitation to `employee`; for L3, `about` the alumnus (to a supervisor) and naming the
    /// `enrolment` followed up.
    @discardableResult
    static func invitation(
        _ app: Application, _ survey: Survey, _ employee: Employee, answered: Bool = false,
        sentOn: String = "2026-06-01", closesOn: String = "2026-12-31", about: Employee? = nil,
        enrolment: Enrolment? = nil
    ) async throws -> SurveyInvitation {
        let invitation = SurveyInvitation()
        invitation.$survey.id = try survey.requireID()
        invitation.$employee.id = try employee.requireID()
        invitation.$about.id = about?.id
        invitation.enrolmentID = enrolment?.id
        invitation.sentOn = sentOn
        invitation.closesOn = closesOn
        invitation.answered = answered
        try await invitation.save(on: app.db)
        return invitation
    }

    static func tests(_ app: Application, _ programme: Programme, pre: Quiz, post: Quiz) async throws {
        let settings = ProgrammeEvaluation()
        settings.$programme.id = try programme.requireID()
        settings.$preQuiz.id = try pre.requireID()
        settings.$postQuiz.id = try post.requireID()
        settings.behaviourDelayMonths = 3
        settings.behaviourWindowDays = 30
        settings.behaviourReminderDays = 7
        try await settings.save(on: app.db)
    }

    /// A finished attempt (or an unfinished one when `finishedAt` is nil).
    static func attempt(
        _ app: Application, _ quiz: Quiz, _ employee: Employee, number: Int, percent: Double?, finishedAt: Date?
    ) async throws {
        let attempt = QuizAttempt()
        attempt.$quiz.id = try quiz.requireID()
        attempt.$employee.id = try employee.requireID()
        attempt.number = number
        attempt.state = finishedAt == nil ? "inProgress" : "finished"
        attempt.revision = 0
        attempt.startedAt = (finishedAt ?? app.clock.now()).addingTimeInterval(-600)
        attempt.finishedAt = finishedAt
        attempt.progress = finishedAt == nil ? "inProgress" : "graded"
        attempt.percent = finishedAt == nil ? nil : percent
        try await attempt.save(on: app.db)
    }

    static func interview(
        _ app: Application, _ programme: Programme, heldOn: String, findings: String, needs: String,
        name: String = "Bapak Narasumber"
    ) async throws {
        let interview = EvaluationInterview()
        interview.$programme.id = try programme.requireID()
        interview.intervieweeRole = "supervisor"
        interview.intervieweeName = name
        interview.heldOn = heldOn
        interview.interviewerID = UUID()
        interview.questions = "Bagaimana penerapannya?"
        interview.findings = findings
        interview.needs = needs
        interview.createdAt = app.clock.now()
        try await interview.save(on: app.db)
    }

    static func indicator(
        _ app: Application, _ programme: Programme, agency: Agency, year: Int, name: String, baseline: Double,
        result: Double, higherIsBetter: Bool
    ) async throws {
        let indicator = ResultIndicator()
        indicator.$programme.id = try programme.requireID()
        indicator.$agency.id = try agency.requireID()
        indicator.year = year
        indicator.name = name
        indicator.unit = "hari"
        indicator.baseline = baseline
        indicator.result = result
        indicator.higherIsBetter = higherIsBetter
        indicator.evidence = "Laporan"
        indicator.recordedBy = UUID()
        indicator.createdAt = app.clock.now()
        try await indicator.save(on: app.db)
    }

    /// `count` responses to a reaction survey, every Likert answer at `point` of 4.
    static func reactions(
        _ app: Application, _ survey: Survey, count: Int, point: Int, day: String = "2026-05-02"
    ) async throws {
        for _ in 0..<count {
            try await response(app, survey, on: day, [.scale("materi.jelas", aspect: "materi", point, points: 4)])
        }
    }
}
