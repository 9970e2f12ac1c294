import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// A published course of two required lessons and a quiz, with the staff member enrolled and
/// signed in: what the sync tests act on.
struct SyncStory {
    let app: Application
    let city: Fixtures.City
    let course: Course
    let first: Lesson
    let second: Lesson
    let quiz: Quiz
    let questions: [BankQuestion]
    let enrolment: Enrolment
    let token: String

    static let gift = """
        ::Q1:: Satu JP sama dengan {=45 ~60 ~30} menit.

        ::Q2:: Kupang adalah ibu kota Provinsi NTT. {T}
        """

    static func make(
        _ app: Application, secondRequiresPrevious: Bool = false, settings: QuizSettings = QuizSettings()
    ) async throws -> SyncStory {
        let city = try await Fixtures.city(app)
        let (_, course) = try await ELearningFixtures.course(app)
        let section = try await ELearningFixtures.section(app, course)
        let first = try await ELearningFixtures.lesson(app, section, title: "Nilai Dasar ASN", position: 1)
        let second = try await ELearningFixtures.lesson(
            app, section, title: "Pelayanan Publik", position: 2, requiresPrevious: secondRequiresPrevious)
        let questions = try await ELearningFixtures.bank(app, course, ELearningFixtures.gift(gift))
        let quiz = try await ELearningFixtures.quiz(app, course, settings: settings)
        let (enrolment, _) = try await CourseEnrolments.enrol(
            employeeID: city.staff.requireID(), in: course, assignedBy: nil, now: app.clock.now(), on: app.db)
        let token = try await Fixtures.apiToken(app, username: city.staff.nip)
        return SyncStory(
            app: app, city: city, course: course, first: first, second: second, quiz: quiz, questions: questions,
            enrolment: enrolment, token: token)
    }

    func startAttempt() async throws -> QuizAttempt {
        try await QuizAttempts(request: Request(application: app, on: app.eventLoopGroup.next()))
            .start(quiz, employeeID: city.staff.requireID())
    }

    func state(_ attempt: QuizAttempt) async throws -> AttemptState {
        try QuizAttempts.state(of: try #require(try await QuizAttempt.find(attempt.id, on: app.db)))
    }

    static func lessonEvent(_ type: String, _ lesson: Lesson, id: String = UUID().uuidString) -> [String: Any] {
        ["id": id, "type": type, "lessonId": lesson.id!.uuidString, "at": "2026-11-17T09:30:00Z"]
    }

    static func answerEvent(
        _ attempt: QuizAttempt, _ question: BankQuestion, _ response: [String: Any], id: String = UUID().uuidString
    ) -> [String: Any] {
        [
            "id": id, "type": "answer", "attemptId": attempt.id!.uuidString, "questionId": question.id!.uuidString,
            "response": response,
        ]
    }
}

/// Sends sync batches through either door and reads the answer.
enum SyncDriver {
    struct Answer {
        let status: HTTPResponseStatus
        let results: [SyncResult]
        let body: String

        func result(_ id: String) -> SyncResult? { results.first { $0.id == id } }
    }

    static func json(_ events: [Any]) throws -> ByteBuffer {
        ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["events": events]))
    }

    static func api(_ app: Application, token: String?, _ events: [Any]) async throws -> Answer {
        try await api(app, token: token, body: try json(events))
    }

    static func api(_ app: Application, token: String?, body: ByteBuffer) async throws -> Answer {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        return try await send(app, "api/v1/sync", headers: headers, body: body)
    }

    /// The page's door, as learn.js calls it: session cookie and the X-CSRF-Token header.
    static func page(_ app: Application, browser: Browser, csrf: Bool = true, _ events: [Any]) async throws -> Answer {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let cookie = browser.cookie { headers.add(name: .cookie, value: "lontar_session=\(cookie)") }
        if csrf, let token = browser.csrf { headers.add(name: "X-CSRF-Token", value: token) }
        return try await send(app, String(Paths.learningSync.dropFirst()), headers: headers, body: try json(events))
    }

    static func send(
        _ app: Application, _ path: String, headers: HTTPHeaders, body: ByteBuffer
    ) async throws
        -> Answer
    {
        var answer: Answer?
        try await app.testing().test(.POST, path, headers: headers, body: body) { res in
            let results = (try? res.content.decode(SyncResponse.self).results) ?? []
            answer = Answer(status: res.status, results: results, body: res.body.string)
        }
        return try #require(answer)
    }
}

@Suite("Offline sync: idempotent, authorised, server time")
struct SyncTests {
    @Test("the same batch twice: the second answers every event as a duplicate and doubles nothing")
    func idempotent() async throws {
        try await withLontar { app in
            let story = try await SyncStory.make(app)
            let attempt = try await story.startAttempt()
            let events: [Any] = [
                SyncStory.lessonEvent("lessonOpened", story.first),
                SyncStory.lessonEvent("lessonDone", story.first),
                SyncStory.lessonEvent("lessonDone", story.second),
                SyncStory.answerEvent(attempt, story.questions[0], ["choices": [0]]),
            ]
            let first = try await SyncDriver.api(app, token: story.token, events)
            #expect(first.status == .ok)
            #expect(first.results.map(\.status) == ["applied", "applied", "applied", "applied"])
            #expect(first.results.map(\.code) == ["lesson_opened", "lesson_done", "course_completed", "answer_saved"])

            let again = try await SyncDriver.api(app, token: story.token, events)
            #expect(again.results.map(\.status) == ["duplicate", "duplicate", "duplicate", "duplicate"])
            #expect(again.results.map(\.code) == first.results.map(\.code))
            #expect(again.results.allSatisfy { $0.original == "applied" })

            let enrolmentID = try story.enrolment.requireID()
            #expect(try await LessonProgress.query(on: app.db).filter(\.$enrolment.$id == enrolmentID).count() == 2)
            #expect(try await Certificate.query(on: app.db).count() == 1)
            #expect(try await LedgerEntry.query(on: app.db).filter(\.$sourceID == enrolmentID).count() == 1)
            #expect(try await SyncReceipt.query(on: app.db).count() == 4)
            let state = try await story.state(attempt)
            #expect(state.answers.count == 1)
            #expect(state.receipts.count == 1)
        }
    }

    @Test("two copies of a batch sent at once: each event applied exactly once")
    func concurrentDuplicates() async throws {
        try await withLontar { app in
            let story = try await SyncStory.make(app)
            let attempt = try await story.startAttempt()
            let events: [Any] = [
                SyncStory.lessonEvent("lessonDone", story.first),
                SyncStory.lessonEvent("lessonDone", story.second),
                SyncStory.answerEvent(attempt, story.questions[0], ["choices": [0]]),
                SyncStory.answerEvent(attempt, story.questions[1], ["boolean": true]),
                ["id": UUID().uuidString, "type": "finish", "attemptId": attempt.id!.uuidString],
            ]
            let body = try SyncDriver.json(events)
            async let one = SyncDriver.api(app, token: story.token, body: body)
            async let two = SyncDriver.api(app, token: story.token, body: body)
            let (a, b) = try await (one, two)
            #expect(a.status == .ok && b.status == .ok, "\(a.body) \(b.body)")
            for (x, y) in zip(a.results, b.results) {
                #expect(Set([x.status, y.status]) == ["applied", "duplicate"], "\(x) \(y)")
                #expect(x.code == y.code)
            }
            let enrolmentID = try story.enrolment.requireID()
            #expect(try await LessonProgress.query(on: app.db).filter(\.$enrolment.$id == enrolmentID).count() == 2)
            #expect(try await Certificate.query(on: app.db).count() == 1)
            #expect(try await LedgerEntry.query(on: app.db).count() == 1)
            let state = try await story.state(attempt)
            #expect(state.answers.count == 2)
            #expect(state.isFinished)
        }
    }

    @Test("an answer after the deadline is refused with the quiz's message, whatever the device says")
    func deadline() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let story = try await SyncStory.make(app, settings: QuizSettings(timeLimit: 600))
            let attempt = try await story.startAttempt()
            clock.advance(300)
            let early = SyncStory.answerEvent(attempt, story.questions[0], ["choices": [0]])
            let inTime = try await SyncDriver.api(app, token: story.token, [early])
            #expect(inTime.results.first?.status == "applied")

            clock.advance(301)
            var late = SyncStory.answerEvent(attempt, story.questions[1], ["boolean": true])
            // The phone claims it answered well within the time; the server does not ask it.
            late["at"] = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(-500))
            let answer = try await SyncDriver.api(app, token: story.token, [late])
            let result = try #require(answer.results.first)
            #expect(result.status == "rejected")
            #expect(result.code == "answer_refused")
            // The Core message, with the deadline as a learner in Kupang reads it.
            let formatter = DateFormatter()
            formatter.timeZone = CityTime.zone
            formatter.dateFormat = "HH:mm' WITA tanggal 'yyyy-MM-dd"
            #expect(result.message.hasPrefix("Waktu pengerjaan sudah berakhir"))
            #expect(
                result.message.contains(formatter.string(from: try #require(attempt.deadline))), "\(result.message)")
            let state = try await story.state(attempt)
            #expect(state.answers.count == 1)
            #expect(state.answers[story.questions[1].id!.uuidString] == nil)
        }
    }

    @Test("another learner's attempt, a course one has not joined, an unpublished lesson or course: refused")
    func authorisation() async throws {
        try await withLontar { app in
            let story = try await SyncStory.make(app)
            let attempt = try await story.startAttempt()
            let teacher = try await Fixtures.apiToken(app, username: story.city.teacher.nip)
            let theirs = SyncStory.answerEvent(attempt, story.questions[0], ["choices": [0]])
            let notJoined = SyncStory.lessonEvent("lessonDone", story.first)
            let refused = try await SyncDriver.api(app, token: teacher, [theirs, notJoined])
            #expect(refused.results.map(\.status) == ["rejected", "rejected"])
            #expect(refused.results.map(\.code) == ["attempt_unavailable", "lesson_unavailable"])
            #expect(try await story.state(attempt).answers.isEmpty)

            let section = try await ELearningFixtures.section(app, story.course, title: "Tambahan", position: 2)
            let hidden = try await ELearningFixtures.lesson(app, section, title: "Draf", position: 1, published: false)
            let (_, draft) = try await ELearningFixtures.course(app, title: "Kursus Draf", status: .draft)
            let draftSection = try await ELearningFixtures.section(app, draft)
            let draftLesson = try await ELearningFixtures.lesson(app, draftSection, title: "Materi Draf", position: 1)
            try await CourseEnrolments.enrol(
                employeeID: story.city.staff.requireID(), in: draft, assignedBy: nil, now: app.clock.now(),
                on: app.db)
            let mine = try await SyncDriver.api(
                app, token: story.token,
                [SyncStory.lessonEvent("lessonDone", hidden), SyncStory.lessonEvent("lessonOpened", draftLesson)])
            #expect(mine.results.map(\.code) == ["lesson_unavailable", "lesson_unavailable"])
            #expect(try await LessonProgress.query(on: app.db).count() == 0)
        }
    }

    @Test("a locked lesson cannot be marked done; done after the one before it in the same batch, it can")
    func locked() async throws {
        try await withLontar { app in
            let story = try await SyncStory.make(app, secondRequiresPrevious: true)
            let early = try await SyncDriver.api(
                app, token: story.token, [SyncStory.lessonEvent("lessonDone", story.second)])
            #expect(early.results.first?.status == "rejected")
            #expect(early.results.first?.code == "lesson_locked")
            #expect(early.results.first?.message.contains("Pelayanan Publik") == true)
            #expect(try await LessonProgress.query(on: app.db).count() == 0)

            let inOrder = try await SyncDriver.api(
                app, token: story.token,
                [SyncStory.lessonEvent("lessonDone", story.first), SyncStory.lessonEvent("lessonDone", story.second)])
            #expect(inOrder.results.map(\.status) == ["applied", "applied"])
            #expect(try await Certificate.query(on: app.db).count() == 1)
        }
    }

    @Test("malformed events are refused one by one, each naming its problem; the good one still applies")
    func malformed() async throws {
        try await withLontar { app in
            let story = try await SyncStory.make(app)
            let attempt = try await story.startAttempt()
            let lesson = story.first.id!.uuidString
            let events: [Any] = [
                ["id": "a-teleport", "type": "teleport"],
                ["id": "a-missing", "type": "lessonDone"],
                [
                    "id": "a-response", "type": "answer", "attemptId": attempt.id!.uuidString, "questionId": "q",
                    "response": ["colour": "red"],
                ],
                42,
                ["type": "lessonOpened", "lessonId": lesson],
                ["id": "a-uuid", "type": "lessonOpened", "lessonId": "bukan-uuid"],
                ["id": "a-time", "type": "lessonOpened", "lessonId": lesson, "at": "kemarin sore"],
                ["id": "a-number", "type": 7, "lessonId": lesson],
                SyncStory.lessonEvent("lessonOpened", story.first, id: "a-good"),
            ]
            let answer = try await SyncDriver.api(app, token: story.token, events)
            #expect(answer.status == .ok)
            #expect(answer.results.count == events.count)
            #expect(answer.results.map(\.status) == Array(repeating: "rejected", count: 8) + ["applied"])
            #expect(answer.results.dropLast().allSatisfy { $0.code == "invalid_event" || $0.code == "invalid_input" })
            #expect(answer.result("a-teleport")?.message.contains("teleport") == true)
            #expect(answer.result("a-missing")?.message.contains("lessonId") == true)
            #expect(answer.result("a-response")?.message.contains("response") == true)
            #expect(answer.result("a-uuid")?.message.contains("lessonId") == true)
            #expect(answer.result("a-time")?.message.contains("at") == true)
            #expect(answer.result("a-number")?.message.contains("type") == true)
            #expect(try await LessonProgress.query(on: app.db).count() == 1)
            #expect(try await story.state(attempt).answers.isEmpty)

            var tooMany: [Any] = []
            for _ in 0...SyncBatch.maximumEvents { tooMany.append(SyncStory.lessonEvent("lessonOpened", story.first)) }
            let refused = try await SyncDriver.api(app, token: story.token, tooMany)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("\"field\":\"events\""))
            #expect(try await SyncReceipt.query(on: app.db).count() == 7)
        }
    }

    @Test("finishing applies once; a quiz lesson is not marked done by a tap")
    func finish() async throws {
        try await withLontar { app in
            let story = try await SyncStory.make(app)
            let attempt = try await story.startAttempt()
            let section = try await ELearningFixtures.section(app, story.course, title: "Kuis", position: 2)
            let quizLesson = try await ELearningFixtures.lesson(
                app, section, title: "Kuis Akhir", position: 1, kind: .quiz, quiz: story.quiz)
            let answer = try await SyncDriver.api(
                app, token: story.token,
                [
                    SyncStory.lessonEvent("lessonDone", quizLesson),
                    SyncStory.answerEvent(attempt, story.questions[0], ["choices": [0]]),
                    SyncStory.answerEvent(attempt, story.questions[1], ["boolean": true]),
                    ["id": "finish-1", "type": "finish", "attemptId": attempt.id!.uuidString],
                    ["id": "finish-2", "type": "finish", "attemptId": attempt.id!.uuidString],
                ])
            #expect(answer.results.map(\.status) == ["rejected", "applied", "applied", "applied", "rejected"])
            #expect(answer.results.first?.code == "lesson_is_quiz")
            #expect(answer.result("finish-1")?.code == "attempt_passed")
            #expect(answer.result("finish-2")?.code == "attempt_finished")
            // Passing the quiz did what the tap could not.
            let done = try await LessonProgress.query(on: app.db).filter(\.$lesson.$id == quizLesson.requireID())
                .first()
            #expect(done?.completedAt != nil)
        }
    }

    @Test("the page's door needs the session and the CSRF header; the API's door a bearer token")
    func doors() async throws {
        try await withLontar { app in
            let story = try await SyncStory.make(app)
            let browser = try await Fixtures.browser(app, as: story.city.staff.nip)
            let event = SyncStory.lessonEvent("lessonOpened", story.first)

            let withoutToken = try await SyncDriver.page(app, browser: browser, csrf: false, [event])
            #expect(withoutToken.status == .forbidden)
            let anonymous = try await SyncDriver.page(app, browser: Browser(app), [event])
            #expect(anonymous.status == .forbidden || anonymous.status == .unauthorized)
            #expect(try await SyncReceipt.query(on: app.db).count() == 0)

            let page = try await SyncDriver.page(app, browser: browser, [event])
            #expect(page.status == .ok)
            #expect(page.results.first?.status == "applied")
            #expect(page.results.first?.message == "Materi “Nilai Dasar ASN” tercatat dibuka.")

            let noBearer = try await SyncDriver.api(app, token: nil, [event])
            #expect(noBearer.status == .unauthorized)
            #expect(noBearer.body.contains("\"code\":\"unauthenticated\""))
            // A session cookie does not open the API.
            var headers: HTTPHeaders = ["Content-Type": "application/json"]
            headers.add(name: .cookie, value: "lontar_session=\(browser.cookie ?? "")")
            headers.add(name: "X-CSRF-Token", value: browser.csrf ?? "")
            let cookieOnly = try await SyncDriver.send(
                app, "api/v1/sync", headers: headers, body: SyncDriver.json([event]))
            #expect(cookieOnly.status == .unauthorized)
            // An account without an employee record has nothing to sync.
            let admin = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let refused = try await SyncDriver.api(app, token: admin, [event])
            #expect(refused.status == .forbidden)

            // The same event id through the other door is the same event.
            let api = try await SyncDriver.api(app, token: story.token, [event])
            #expect(api.results.first?.status == "duplicate")
            #expect(try await SyncReceipt.query(on: app.db).count() == 1)
        }
    }
}
