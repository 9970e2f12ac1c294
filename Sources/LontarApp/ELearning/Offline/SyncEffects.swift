import Fluent
import Foundation
import LontarCore
import Vapor

/// One event's effect, checked against the server's rules and the learner's rights. Throws
/// an `AppError` for an event that is refused; the service records it as rejected.
struct SyncEffects {
    let request: Request
    let employeeID: UUID

    private var db: any Database { request.db }

    /// Progress keeps the device's time when it is plausible, so "continue" points at the
    /// lesson really read last; quiz deadlines never look at it.
    static let plausibleAge: TimeInterval = 30 * 86_400

    func apply(_ event: SyncEventInput, id: String) async throws -> SyncOutcome {
        if let field = event.unreadable.first { throw Self.malformed(field) }
        guard let raw = event.type else { throw Self.missing("type") }
        guard let type = SyncEventType(rawValue: raw) else {
            throw AppError.invalid(
                "type",
                .init("offline.sync.badType", [raw, SyncEventType.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        let at = try deviceTime(event.at)
        switch type {
        case .lessonOpened, .lessonDone:
            let lessonID = try Self.uuid(event.lessonId, field: "lessonId")
            let place = try await learnerLesson(lessonID)
            return type == .lessonOpened ? try await opened(place, at: at) : try await done(place, at: at)
        case .answer:
            let attemptID = try Self.uuid(event.attemptId, field: "attemptId")
            guard let questionID = event.questionId, !questionID.isEmpty else { throw Self.missing("questionId") }
            guard questionID.count <= SyncService.maximumIDLength else { throw Self.malformed("questionId") }
            guard let response = event.response else { throw Self.missing("response") }
            try await requireOwnAttempt(attemptID)
            let submission = AnswerSubmission(id: id, questionID: questionID, response: response)
            switch try await QuizAttempts(request: request).save(submission, to: attemptID) {
            case .saved: return .applied("answer_saved", "offline.sync.answerSaved")
            case .duplicate: return .applied("answer_already_saved", "offline.sync.answerSaved")
            }
        case .finish:
            let attemptID = try Self.uuid(event.attemptId, field: "attemptId")
            try await requireOwnAttempt(attemptID)
            let attempt = try await QuizAttempts(request: request).finish(attemptID)
            return .applied(
                attempt.passed == true ? "attempt_passed" : "attempt_finished",
                attempt.passed == true ? "offline.sync.passed" : "offline.sync.finished")
        }
    }

    // MARK: Lessons

    private struct LearnerLesson {
        let lesson: Lesson
        let course: Course
        let enrolment: Enrolment
        let state: LessonState
    }

    /// A published lesson of a published course the learner is enrolled in, with its state for
    /// them; anything else does not exist for this learner.
    private func learnerLesson(_ lessonID: UUID) async throws -> LearnerLesson {
        guard let lesson = try await Lesson.find(lessonID, on: db), lesson.published,
            let course = try await Course.find(lesson.$course.id, on: db),
            CourseStatus.opensToEnrolled(course.status),
            let enrolment = try await CourseEnrolments.current(course, employeeID: employeeID, on: db)
        else { throw AppError(.notFound, "lesson_unavailable", .init("offline.sync.lessonUnavailable")) }
        let outline = try await CourseOutline.load(course.requireID(), publishedOnly: true, on: db)
        let progress = try await outline.progress(of: enrolment.requireID(), on: db)
        let state = progress.states[lessonID.uuidString] ?? .notStarted
        guard state != .locked else {
            throw AppError(.conflict, "lesson_locked", .init("offline.sync.locked", [lesson.title]))
        }
        return LearnerLesson(lesson: lesson, course: course, enrolment: enrolment, state: state)
    }

    private func opened(_ place: LearnerLesson, at: Date) async throws -> SyncOutcome {
        try await CourseProgressWriter.opened(place.lesson.requireID(), enrolment: place.enrolment, at: at, on: db)
        return .applied("lesson_opened", "offline.sync.opened", [place.lesson.title])
    }

    private func done(_ place: LearnerLesson, at: Date) async throws -> SyncOutcome {
        // A quiz lesson is done by passing its quiz, never by a tap.
        guard place.lesson.kind != LessonKind.quiz.rawValue else {
            throw AppError(.conflict, "lesson_is_quiz", .init("offline.sync.quizLesson", [place.lesson.title]))
        }
        let changed = try await CourseProgressWriter.done(
            place.lesson.requireID(), enrolment: place.enrolment, at: at, on: db)
        let completed = try await CourseCompletion.checkAndComplete(
            place.enrolment, course: place.course, request: request)
        if completed { return .applied("course_completed", "offline.sync.completed", [place.course.title]) }
        return changed
            ? .applied("lesson_done", "offline.sync.done", [place.lesson.title])
            : .applied("lesson_already_done", "offline.sync.alreadyDone", [place.lesson.title])
    }

    // MARK: Attempts

    /// Only the learner's own attempts; someone else's does not exist for them.
    private func requireOwnAttempt(_ attemptID: UUID) async throws {
        guard let attempt = try await QuizAttempt.find(attemptID, on: db), attempt.$employee.id == employeeID else {
            throw AppError(.notFound, "attempt_unavailable", .init("offline.sync.attemptUnavailable"))
        }
    }

    // MARK: Input

    private func deviceTime(_ text: String?) throws -> Date {
        let now = request.now
        guard let text else { return now }
        guard let date = Self.parseTime(text) else { throw Self.malformed("at") }
        guard date <= now, date >= now.addingTimeInterval(-Self.plausibleAge) else { return now }
        return date
    }

    static func parseTime(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    private static func uuid(_ text: String?, field: String) throws -> UUID {
        guard let text, !text.isEmpty else { throw missing(field) }
        guard let id = UUID(uuidString: text) else { throw malformed(field) }
        return id
    }

    private static func missing(_ field: String) -> AppError {
        AppError(.unprocessableEntity, "invalid_event", .init("offline.sync.missing", [field]), field: field)
    }

    private static func malformed(_ field: String) -> AppError {
        AppError(.unprocessableEntity, "invalid_event", .init("offline.sync.malformed", [field]), field: field)
    }
}
