import Fluent
import Foundation
import LontarCore
import Vapor

/// Who may open a quiz and its attempts. A quiz is read as its course is (learners see
/// published courses, authors their drafts too); only an enrolled learner of a published
/// course takes it; an attempt is its owner's alone.
enum QuizAccess {
    struct Reader {
        let quiz: Quiz
        let view: CourseView

        /// Enrolled in the published course, as an employee (an attempt belongs to one).
        var canTake: Bool {
            view.enrolment != nil && view.principal.employeeID != nil
                && CourseStatus.opensToEnrolled(view.course.status)
        }
    }

    static func requireReader(_ req: Request, quizID: UUID?) async throws -> Reader {
        guard let quizID, let quiz = try await Quiz.find(quizID, on: req.db) else { throw AppError.notFound() }
        let view = try await CourseAccess.requireReadable(req, courseID: quiz.$course.id)
        return Reader(quiz: quiz, view: view)
    }

    /// The quiz for someone about to start it; anyone else is refused.
    static func requireTaker(_ req: Request, quizID: UUID?) async throws -> (Quiz, UUID) {
        let reader = try await requireReader(req, quizID: quizID)
        guard reader.canTake, let employeeID = reader.view.principal.employeeID, let enrolment = reader.view.enrolment
        else { throw AppError.forbidden() }
        // A quiz in a course's lessons opens with the first of them the learner has reached;
        // one held only by locked lessons cannot be taken yet (a quiz in no lesson is practice).
        let outline = try await CourseOutline.load(reader.view.courseID, publishedOnly: true, on: req.db)
        let holding = outline.lessons.filter { $0.$quiz.id == reader.quiz.id }
        if !holding.isEmpty {
            let progress = try await outline.progress(of: enrolment.requireID(), on: req.db)
            guard holding.contains(where: { progress.states[$0.id!.uuidString] != .locked }) else {
                throw AppError.conflict("quiz_not_open", .init("quizpage.start.notOpen"))
            }
        }
        return (reader.quiz, employeeID)
    }

    /// The attempt, its quiz and settled state, for its owner only. Others get 404: whose
    /// attempts exist is nobody else's business.
    static func requireOwnAttempt(_ req: Request, attemptID: UUID?) async throws -> (QuizAttempt, Quiz) {
        let principal = try req.requirePrincipal()
        guard let attemptID, let attempt = try await QuizAttempt.find(attemptID, on: req.db),
            let employeeID = principal.employeeID, attempt.$employee.id == employeeID,
            let quiz = try await Quiz.find(attempt.$quiz.id, on: req.db)
        else { throw AppError.notFound() }
        return (try await QuizAttempts(request: req).settled(attempt), quiz)
    }

    /// The learner's attempts at the quiz, oldest first, each settled (an attempt whose time
    /// ran out is stored as finished when first read).
    static func attempts(of quiz: Quiz, employeeID: UUID, req: Request) async throws -> [QuizAttempt] {
        let rows = try await QuizAttempt.query(on: req.db).filter(\.$quiz.$id == quiz.requireID())
            .filter(\.$employee.$id == employeeID).sort(\.$number).all()
        var settled: [QuizAttempt] = []
        for row in rows { settled.append(try await QuizAttempts(request: req).settled(row)) }
        return settled
    }

    /// What the learner may see of a finished attempt, given all their attempts.
    static func visibility(
        of attempt: QuizAttempt, among attempts: [QuizAttempt], settings: QuizSettings
    ) -> ReviewVisibility {
        let passed = attempts.contains { $0.passed == true }
        let left = settings.maxAttempts.map { attempts.count < $0 } ?? true
        return settings.reviewShows.visible(
            attemptFinished: attempt.finishedAt != nil, passed: passed, attemptsLeft: left)
    }
}
