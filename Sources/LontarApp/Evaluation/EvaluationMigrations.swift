import Fluent
import SQLKit

/// The evaluation pillar's tables (Kirkpatrick L1–L4).
struct CreateEvaluationSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Survey.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, .id))
            .field("class_id", .uuid, .references(TrainingClass.schema, .id))
            .field("level", .string, .required)
            .field("title", .string, .required)
            .field("definition", .string, .required)
            .field("anonymous", .bool, .required)
            .field("status", .string, .required)
            .field("closes_on", .string)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(SurveyInvitation.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("about_employee_id", .uuid, .references(Employee.schema, .id))
            .field("enrolment_id", .uuid)
            .field("sent_on", .string, .required)
            .field("last_reminded_on", .string)
            .field("closes_on", .string, .required)
            .field("answered", .bool, .required)
            .create()
        try await database.schema(SurveyResponse.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("class_id", .uuid, .references(TrainingClass.schema, .id))
            .field("respondent_id", .uuid, .references(Employee.schema, .id))
            .field("about_employee_id", .uuid, .references(Employee.schema, .id))
            .field("submitted_on", .string, .required)
            .create()
        try await database.schema(SurveyAnswerRow.schema)
            .id()
            .field("response_id", .uuid, .required, .references(SurveyResponse.schema, .id, onDelete: .cascade))
            .field("survey_id", .uuid, .required)
            .field("item_key", .string, .required)
            .field("aspect", .string, .required)
            .field("scale", .int)
            .field("points", .int)
            .field("choice", .int)
            .field("facilitator_id", .uuid)
            .field("text", .string)
            .create()
        try await database.schema(ProgrammeEvaluation.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, .id, onDelete: .cascade))
            .field("pre_quiz_id", .uuid, .references(Quiz.schema, .id, onDelete: .setNull))
            .field("post_quiz_id", .uuid, .references(Quiz.schema, .id, onDelete: .setNull))
            .field("l3_delay_months", .int, .required)
            .field("l3_window_days", .int, .required)
            .field("l3_reminder_days", .int, .required)
            .unique(on: "programme_id")
            .create()
        try await database.schema(EvaluationInterview.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, .id))
            .field("employee_id", .uuid, .references(Employee.schema, .id))
            .field("interviewee_role", .string, .required)
            .field("interviewee_name", .string, .required)
            .field("held_on", .string, .required)
            .field("interviewer_id", .uuid, .required)
            .field("questions", .string, .required)
            .field("findings", .string, .required)
            .field("needs", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(InterviewAttachment.schema)
            .id()
            .field(
                "interview_id", .uuid, .required, .references(EvaluationInterview.schema, .id, onDelete: .cascade)
            )
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .create()
        try await database.schema(ResultIndicator.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, .id))
            .field("agency_id", .uuid, .required, .references(Agency.schema, .id))
            .field("year", .int, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("baseline", .double, .required)
            .field("result", .double, .required)
            .field("higher_is_better", .bool, .required)
            .field("evidence", .string, .required)
            .field("evidence_file_sha256", .string)
            .field("evidence_file_name", .string)
            .field("recorded_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await IndexList.create(Self.indexes, on: database)
    }

    private static let indexes: [IndexList.Index] = [
        ("idx_surveys_programme", Survey.schema, ["programme_id", "level"]),
        ("idx_invitations_employee", SurveyInvitation.schema, ["employee_id", "answered"]),
        ("idx_invitations_survey", SurveyInvitation.schema, ["survey_id"]),
        ("idx_responses_survey", SurveyResponse.schema, ["survey_id", "class_id"]),
        ("idx_answers_survey_item", SurveyAnswerRow.schema, ["survey_id", "item_key", "scale"]),
        ("idx_answers_response", SurveyAnswerRow.schema, ["response_id"]),
        ("idx_interviews_programme", EvaluationInterview.schema, ["programme_id"]),
        ("idx_indicators_programme", ResultIndicator.schema, ["programme_id", "year"]),
    ]

    func revert(on database: any Database) async throws {
        for schema in [
            ResultIndicator.schema, InterviewAttachment.schema, EvaluationInterview.schema,
            ProgrammeEvaluation.schema, SurveyAnswerRow.schema, SurveyResponse.schema, SurveyInvitation.schema,
            Survey.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
