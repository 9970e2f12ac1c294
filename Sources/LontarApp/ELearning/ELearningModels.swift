import Fluent
import Foundation

/// A self-paced course. It belongs to a programme (usually form NKL03) and owns one
/// training class of status `online`: a learner's enrolment in the course is an ordinary
/// `Enrolment` in that class, so completion credits the ledger, issues the certificate
/// and shows in "my training" and the SIASN export exactly as a classroom course does.
final class Course: Model, @unchecked Sendable {
    static let schema = "courses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "class_id") var trainingClass: TrainingClass
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    /// Learners may enrol themselves; otherwise only an operator or author assigns them.
    @Field(key: "open_enrolment") var openEnrolment: Bool
    /// draft, published or archived (`CourseStatus`).
    @Field(key: "status") var status: String
    /// Bumped on every change of content, so an offline copy on a phone knows it is stale.
    @Field(key: "revision") var revision: Int
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

enum CourseStatus: String, CaseIterable, Codable, Sendable {
    case draft, published, archived

    /// Whether the learners enrolled in a course with this status may go on learning in it:
    /// archiving takes a course out of the catalogue, not away from those already in it.
    static func opensToEnrolled(_ raw: String) -> Bool {
        raw == published.rawValue || raw == archived.rawValue
    }
}

/// A facilitator or partner account allowed to write one course (BKPPD and the organising
/// OPD's operators write every course of their programmes without being listed).
final class CourseAuthor: Model, @unchecked Sendable {
    static let schema = "course_authors"

    @ID(key: .id) var id: UUID?
    @Parent(key: "course_id") var course: Course
    @Parent(key: "user_id") var user: UserAccount

    init() {}
}

final class CourseSection: Model, @unchecked Sendable {
    static let schema = "course_sections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "course_id") var course: Course
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String

    init() {}
}

enum LessonKind: String, CaseIterable, Codable, Sendable {
    case text, video, file, link, quiz
}

final class Lesson: Model, @unchecked Sendable {
    static let schema = "lessons"

    @ID(key: .id) var id: UUID?
    @Parent(key: "course_id") var course: Course
    @Parent(key: "section_id") var section: CourseSection
    @Field(key: "position") var position: Int
    /// `LessonKind`.
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    /// Markdown: the lesson text, or the introduction to a video, file, link or quiz.
    @Field(key: "body") var body: String
    /// The video's or the external page's address (https only).
    @Field(key: "url") var url: String
    @OptionalParent(key: "file_id") var file: CourseFile?
    @OptionalParent(key: "quiz_id") var quiz: Quiz?
    /// Counts towards completion (a required quiz must be passed).
    @Field(key: "required") var required: Bool
    /// Opens only once the lesson before it is done.
    @Field(key: "requires_previous") var requiresPrevious: Bool
    @Field(key: "published") var published: Bool
    /// The author's estimate, shown to learners planning their time.
    @Field(key: "minutes") var minutes: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A file uploaded to a course (PDF, slides, a video), stored under the data folder by its
/// checksum so it is written once and can be cached by browsers forever.
final class CourseFile: Model, @unchecked Sendable {
    static let schema = "course_files"

    @ID(key: .id) var id: UUID?
    @Parent(key: "course_id") var course: Course
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    /// Lower-case hex SHA-256 of the content; also its name in storage.
    @Field(key: "sha256") var sha256: String
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A learner's progress in one lesson. One row per enrolment and lesson, so marking a
/// lesson done twice (a resend from an offline phone) changes nothing.
final class LessonProgress: Model, @unchecked Sendable {
    static let schema = "lesson_progress"

    @ID(key: .id) var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "lesson_id") var lesson: Lesson
    @Parent(key: "employee_id") var employee: Employee
    @Field(key: "opened_at") var openedAt: Date
    /// When the learner last opened it: "resume" goes to the latest.
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @OptionalField(key: "completed_at") var completedAt: Date?

    init() {}
}

/// One question of a course's bank. The question itself is the Core `Question` as JSON,
/// so every type GIFT and Moodle XML carry is kept whole and exports read back the same.
final class BankQuestion: Model, @unchecked Sendable {
    static let schema = "question_bank"

    @ID(key: .id) var id: UUID?
    @Parent(key: "course_id") var course: Course
    /// Category path, "Top/Etika/Integritas" style ("" for the default category).
    @Field(key: "category") var category: String
    /// `QuestionKind`, kept beside the JSON so lists and draws filter in SQL.
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "question") var question: String
    /// Order of import, so a bank lists and exports in the author's order.
    @Field(key: "position") var position: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class Quiz: Model, @unchecked Sendable {
    static let schema = "quizzes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "course_id") var course: Course
    @Field(key: "title") var title: String
    /// Markdown shown before starting, and the general feedback after.
    @Field(key: "intro") var intro: String
    /// Core `QuizSettings` as JSON.
    @Field(key: "settings") var settings: String
    /// JSON array of `QuizDraw` (category and how many); empty means the whole bank.
    @Field(key: "draw") var draw: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// How many questions a quiz draws from one category of the bank.
struct QuizDraw: Codable, Sendable, Equatable {
    var category: String
    var count: Int
}

/// One attempt. `state` is the Core `AttemptState` as JSON; `revision` guards it, so two
/// answers saved at once from two devices (or two app instances) never overwrite each
/// other: a write applies only to the revision it read, and the loser reads again.
final class QuizAttempt: Model, @unchecked Sendable {
    static let schema = "quiz_attempts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "quiz_id") var quiz: Quiz
    @Parent(key: "employee_id") var employee: Employee
    @Field(key: "number") var number: Int
    @Field(key: "state") var state: String
    @Field(key: "revision") var revision: Int
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "deadline") var deadline: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?
    /// `AttemptProgress`: inProgress, awaitingGrading or graded, for lists and reports.
    @Field(key: "progress") var progress: String
    @OptionalField(key: "percent") var percent: Double?
    @OptionalField(key: "passed") var passed: Bool?

    init() {}
}

/// An event an offline device sent (lesson opened or done, an answer, a finish), by the id
/// the device made for it, with the outcome the server gave: a resend gets the same outcome
/// and changes nothing.
final class SyncReceipt: Model, @unchecked Sendable {
    static let schema = "sync_receipts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "employee_id") var employee: Employee
    @Field(key: "event_id") var eventID: String
    @Field(key: "kind") var kind: String
    /// JSON of the outcome sent back the first time.
    @Field(key: "outcome") var outcome: String
    @Field(key: "received_at") var receivedAt: Date

    init() {}
}
