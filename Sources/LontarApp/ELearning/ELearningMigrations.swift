import Fluent
import SQLKit

/// The e-learning pillar's tables: courses, their content, the question bank, quizzes,
/// attempts, progress and the offline devices' receipts.
struct CreateELearningSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Course.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, .id))
            .field("class_id", .uuid, .required, .references(TrainingClass.schema, .id))
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("open_enrolment", .bool, .required)
            .field("status", .string, .required)
            .field("revision", .int, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "class_id")
            .create()
        try await database.schema(CourseAuthor.schema)
            .id()
            .field("course_id", .uuid, .required, .references(Course.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserAccount.schema, .id, onDelete: .cascade))
            .unique(on: "course_id", "user_id")
            .create()
        try await database.schema(CourseSection.schema)
            .id()
            .field("course_id", .uuid, .required, .references(Course.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .create()
        try await database.schema(CourseFile.schema)
            .id()
            .field("course_id", .uuid, .required, .references(Course.schema, .id, onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(Quiz.schema)
            .id()
            .field("course_id", .uuid, .required, .references(Course.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("intro", .string, .required)
            .field("settings", .string, .required)
            .field("draw", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(Lesson.schema)
            .id()
            .field("course_id", .uuid, .required, .references(Course.schema, .id, onDelete: .cascade))
            .field("section_id", .uuid, .required, .references(CourseSection.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("url", .string, .required)
            .field("file_id", .uuid, .references(CourseFile.schema, .id, onDelete: .setNull))
            .field("quiz_id", .uuid, .references(Quiz.schema, .id, onDelete: .setNull))
            .field("required", .bool, .required)
            .field("requires_previous", .bool, .required)
            .field("published", .bool, .required)
            .field("minutes", .int, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(LessonProgress.schema)
            .id()
            .field("enrolment_id", .uuid, .required, .references(Enrolment.schema, .id, onDelete: .cascade))
            .field("lesson_id", .uuid, .required, .references(Lesson.schema, .id, onDelete: .cascade))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("opened_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("completed_at", .datetime)
            .unique(on: "enrolment_id", "lesson_id")
            .create()
        try await database.schema(BankQuestion.schema)
            .id()
            .field("course_id", .uuid, .required, .references(Course.schema, .id, onDelete: .cascade))
            .field("category", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("question", .string, .required)
            .field("position", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(QuizAttempt.schema)
            .id()
            .field("quiz_id", .uuid, .required, .references(Quiz.schema, .id, onDelete: .cascade))
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("number", .int, .required)
            .field("state", .string, .required)
            .field("revision", .int, .required)
            .field("started_at", .datetime, .required)
            .field("deadline", .datetime)
            .field("finished_at", .datetime)
            .field("progress", .string, .required)
            .field("percent", .double)
            .field("passed", .bool)
            // Two "start" taps at once (two phones) cannot both make attempt 1.
            .unique(on: "quiz_id", "employee_id", "number")
            .create()
        try await database.schema(SyncReceipt.schema)
            .id()
            .field("employee_id", .uuid, .required, .references(Employee.schema, .id))
            .field("event_id", .string, .required)
            .field("kind", .string, .required)
            .field("outcome", .string, .required)
            .field("received_at", .datetime, .required)
            .unique(on: "employee_id", "event_id")
            .create()
        try await IndexList.create(Self.indexes, on: database)
    }

    private static let indexes: [IndexList.Index] = [
        ("idx_courses_programme", Course.schema, ["programme_id"]),
        ("idx_sections_course", CourseSection.schema, ["course_id", "position"]),
        ("idx_lessons_course", Lesson.schema, ["course_id", "position"]),
        ("idx_bank_course", BankQuestion.schema, ["course_id", "category", "position"]),
        ("idx_attempts_quiz", QuizAttempt.schema, ["quiz_id", "employee_id"]),
        ("idx_progress_employee", LessonProgress.schema, ["employee_id", "last_seen_at"]),
    ]

    func revert(on database: any Database) async throws {
        for schema in [
            SyncReceipt.schema, QuizAttempt.schema, BankQuestion.schema, LessonProgress.schema, Lesson.schema,
            Quiz.schema, CourseFile.schema, CourseSection.schema, CourseAuthor.schema, Course.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
