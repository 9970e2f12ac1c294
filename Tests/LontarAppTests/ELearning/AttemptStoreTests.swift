import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// The stored attempt under concurrency: the revision guard must keep every answer when two
/// devices save at once, and two starts at once must make one attempt.
@Suite("Quiz attempts as stored: revision guard, one attempt per start race")
struct AttemptStoreTests {
    static let gift = """
        ::Q1:: Ibu kota Provinsi NTT adalah Kupang. {T}

        ::Q2:: Satu JP sama dengan {=45 ~60 ~30} menit.

        ::Q3:: Jumlah JP minimal per tahun bagi PNS {#20}

        ::Q4:: Nilai dasar ASN disingkat {=BerAKHLAK}
        """

    func setUp(_ app: Application) async throws -> (Quiz, Employee, [BankQuestion]) {
        let city = try await Fixtures.city(app)
        let (_, course) = try await ELearningFixtures.course(app)
        let rows = try await ELearningFixtures.bank(app, course, ELearningFixtures.gift(Self.gift))
        let quiz = try await ELearningFixtures.quiz(app, course)
        try await CourseEnrolments.enrol(
            employeeID: city.staff.requireID(), in: course, assignedBy: nil, now: app.clock.now(), on: app.db)
        return (quiz, city.staff, rows)
    }

    func request(_ app: Application) -> Request {
        Request(application: app, on: app.eventLoopGroup.next())
    }

    @Test("answers saved at the same moment from two devices are all kept")
    func concurrentSavesKeepEveryAnswer() async throws {
        try await withLontar { app in
            let (quiz, learner, rows) = try await setUp(app)
            let attempt = try await QuizAttempts(request: request(app)).start(quiz, employeeID: learner.requireID())
            let attemptID = try attempt.requireID()
            let responses: [QuestionResponse] = [.boolean(true), .choices([0]), .number("20"), .text("berakhlak")]
            try await withThrowingTaskGroup(of: QuizAttempts.SaveOutcome.self) { group in
                for (row, response) in zip(rows, responses) {
                    group.addTask {
                        let submission = AnswerSubmission(
                            id: UUID().uuidString, questionID: row.id!.uuidString, response: response)
                        return try await QuizAttempts(request: request(app)).save(submission, to: attemptID)
                    }
                }
                for try await outcome in group { #expect(outcome == .saved) }
            }
            let stored = try #require(try await QuizAttempt.find(attemptID, on: app.db))
            let state = try QuizAttempts.state(of: stored)
            #expect(state.answers.count == 4)
            #expect(stored.revision == 5)
            let finished = try await QuizAttempts(request: request(app)).finish(attemptID)
            #expect(finished.percent == 100)
            #expect(finished.passed == true)
            #expect(finished.progress == AttemptProgress.graded.rawValue)
        }
    }

    @Test("two starts at once give one attempt, resumed by both")
    func concurrentStartsMakeOneAttempt() async throws {
        try await withLontar { app in
            let (quiz, learner, _) = try await setUp(app)
            let learnerID = try learner.requireID()
            async let first = QuizAttempts(request: request(app)).start(quiz, employeeID: learnerID)
            async let second = QuizAttempts(request: request(app)).start(quiz, employeeID: learnerID)
            let (a, b) = try await (first, second)
            #expect(a.id == b.id)
            let count = try await QuizAttempt.query(on: app.db).filter(\.$quiz.$id == quiz.requireID()).count()
            #expect(count == 1)
        }
    }

    @Test("a resent answer is acknowledged as a duplicate and changes nothing")
    func resendIsDuplicate() async throws {
        try await withLontar { app in
            let (quiz, learner, rows) = try await setUp(app)
            let store = QuizAttempts(request: request(app))
            let attempt = try await store.start(quiz, employeeID: learner.requireID())
            let submission = AnswerSubmission(
                id: "dev-1", questionID: rows[0].id!.uuidString, response: .boolean(false))
            #expect(try await store.save(submission, to: attempt.requireID()) == .saved)
            #expect(try await store.save(submission, to: attempt.requireID()) == .duplicate)
            let stored = try #require(try await QuizAttempt.find(attempt.requireID(), on: app.db))
            #expect(stored.revision == 2)
        }
    }

    @Test("an attempt whose deadline passed is stored as finished at the deadline when next read")
    func settledAtDeadline() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            let (_, course) = try await ELearningFixtures.course(app)
            let rows = try await ELearningFixtures.bank(app, course, ELearningFixtures.gift(Self.gift))
            let quiz = try await ELearningFixtures.quiz(app, course, settings: QuizSettings(timeLimit: 600))
            let store = QuizAttempts(request: request(app))
            let attempt = try await store.start(quiz, employeeID: city.staff.requireID())
            let deadline = try #require(attempt.deadline)
            _ = try await store.save(
                AnswerSubmission(id: "in-time", questionID: rows[0].id!.uuidString, response: .boolean(true)),
                to: attempt.requireID())
            clock.advance(601)
            await #expect(throws: AppError.self) {
                _ = try await store.save(
                    AnswerSubmission(id: "late", questionID: rows[1].id!.uuidString, response: .choices([0])),
                    to: attempt.requireID())
            }
            let settled = try await store.settled(attempt)
            #expect(settled.finishedAt == deadline)
            #expect(settled.progress == AttemptProgress.graded.rawValue)
            #expect(settled.percent == 25)
        }
    }
}
