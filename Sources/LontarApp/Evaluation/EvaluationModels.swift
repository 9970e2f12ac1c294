import Fluent
import Foundation

/// A survey: a reaction survey (L1) after a class or course, an L3 survey to alumni or to
/// their supervisors, or any other instrument BKPPD builds.
final class Survey: Model, @unchecked Sendable {
    static let schema = "surveys"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    /// The class (or online course's class) it asks about; nil for a programme-wide survey.
    @OptionalParent(key: "class_id") var trainingClass: TrainingClass?
    /// `SurveyLevel`.
    @Field(key: "level") var level: String
    @Field(key: "title") var title: String
    /// Core `SurveyDefinition` as JSON.
    @Field(key: "definition") var definition: String
    /// Anonymous answers are stored with no link to a person (see `SurveyResponse`).
    @Field(key: "anonymous") var anonymous: Bool
    /// draft, open or closed.
    @Field(key: "status") var status: String
    @OptionalField(key: "closes_on") var closesOn: String?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

enum SurveyLevel: String, CaseIterable, Codable, Sendable {
    case reaction, behaviourAlumnus, behaviourSupervisor, other

    /// The L3 follow-up's two sides, the alumnus and their supervisor, as stored.
    static let behaviourLevels = [behaviourAlumnus.rawValue, behaviourSupervisor.rawValue]

    var isBehaviour: Bool { self == .behaviourAlumnus || self == .behaviourSupervisor }
}

/// Someone asked to answer a survey. For a supervisor's L3 survey `about` is the alumnus it
/// asks about. `answered` says only that they answered: for an anonymous survey nothing here
/// (no response id, no time finer than the day) can be matched to their answers.
final class SurveyInvitation: Model, @unchecked Sendable {
    static let schema = "survey_invitations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "survey_id") var survey: Survey
    @Parent(key: "employee_id") var employee: Employee
    @OptionalParent(key: "about_employee_id") var about: Employee?
    /// The enrolment whose completion led to this invitation (L1 and L3), if any.
    @OptionalField(key: "enrolment_id") var enrolmentID: UUID?
    /// ISO days, WITA.
    @Field(key: "sent_on") var sentOn: String
    @OptionalField(key: "last_reminded_on") var lastRemindedOn: String?
    @Field(key: "closes_on") var closesOn: String
    @Field(key: "answered") var answered: Bool

    init() {}
}

/// One set of answers. For an anonymous survey `respondent` and `about` are nil and the
/// day is all the time kept, so no column links the answers to a person.
final class SurveyResponse: Model, @unchecked Sendable {
    static let schema = "survey_responses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "survey_id") var survey: Survey
    @OptionalParent(key: "class_id") var trainingClass: TrainingClass?
    @OptionalParent(key: "respondent_id") var respondent: Employee?
    @OptionalParent(key: "about_employee_id") var about: Employee?
    @Field(key: "submitted_on") var submittedOn: String

    init() {}
}

/// One answer to one item, a row each so reports aggregate in SQL: a scale point, one
/// chosen option (a multiple choice writes a row per option), a facilitator's rating
/// (`facilitator_id` + `scale`), or text.
final class SurveyAnswerRow: Model, @unchecked Sendable {
    static let schema = "survey_answers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "response_id") var response: SurveyResponse
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "item_key") var itemKey: String
    /// The item's report aspect, copied so reports group without reading the definition.
    @Field(key: "aspect") var aspect: String
    @OptionalField(key: "scale") var scale: Int?
    /// 4 or 5 for scale answers, so 4- and 5-point items can be put on one 0–100 index.
    @OptionalField(key: "points") var points: Int?
    @OptionalField(key: "choice") var choice: Int?
    @OptionalField(key: "facilitator_id") var facilitatorID: UUID?
    @OptionalField(key: "text") var text: String?

    init() {}
}

/// A programme's evaluation settings: the L2 tests and the L3 timing.
final class ProgrammeEvaluation: Model, @unchecked Sendable {
    static let schema = "programme_evaluations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @OptionalParent(key: "pre_quiz_id") var preQuiz: Quiz?
    @OptionalParent(key: "post_quiz_id") var postQuiz: Quiz?
    @Field(key: "l3_delay_months") var behaviourDelayMonths: Int
    @Field(key: "l3_window_days") var behaviourWindowDays: Int
    @Field(key: "l3_reminder_days") var behaviourReminderDays: Int

    init() {}
}

/// A structured interview (L3) an evaluator held with an alumnus, a supervisor or others.
final class EvaluationInterview: Model, @unchecked Sendable {
    static let schema = "evaluation_interviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @OptionalParent(key: "employee_id") var employee: Employee?
    /// alumnus, supervisor or other.
    @Field(key: "interviewee_role") var intervieweeRole: String
    @Field(key: "interviewee_name") var intervieweeName: String
    @Field(key: "held_on") var heldOn: String
    @Field(key: "interviewer_id") var interviewerID: UUID
    @Field(key: "questions") var questions: String
    @Field(key: "findings") var findings: String
    /// Needs or recommendations to carry into next year's plan.
    @Field(key: "needs") var needs: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class InterviewAttachment: Model, @unchecked Sendable {
    static let schema = "interview_attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "interview_id") var interview: EvaluationInterview
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String

    init() {}
}

/// An L4 result indicator the responsible OPD records for a programme: a measure before
/// and after (e.g. days to issue a permit), with its evidence.
final class ResultIndicator: Model, @unchecked Sendable {
    static let schema = "result_indicators"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "year") var year: Int
    @Field(key: "name") var name: String
    @Field(key: "unit") var unit: String
    @Field(key: "baseline") var baseline: Double
    @Field(key: "result") var result: Double
    @Field(key: "higher_is_better") var higherIsBetter: Bool
    @Field(key: "evidence") var evidence: String
    @OptionalField(key: "evidence_file_sha256") var evidenceFileSHA256: String?
    @OptionalField(key: "evidence_file_name") var evidenceFileName: String?
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
