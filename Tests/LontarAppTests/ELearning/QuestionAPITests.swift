import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Question bank and attempt API")
struct QuestionAPITests {
    static func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, token: String, body: String? = nil
    ) async throws -> (status: HTTPResponseStatus, body: String, headers: HTTPHeaders) {
        var result: (HTTPResponseStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
        var headers = Self.bearer(token)
        if body != nil { headers.contentType = .plainText }
        try await app.testing().test(
            method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { res in
            result = (res.status, res.body.string, res.headers)
        }
        return result
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("authors import GIFT and Moodle XML as the raw body, list the bank and export it")
    func importListExport() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let token = try await Fixtures.apiToken(app, username: world.city.healthOperator.nip)
            let base = "api/v1/courses/\(world.courseID.uuidString)/questions"
            let gift = try await send(app, .POST, base + "/import?format=gift", token: token, body: QuizWorld.everyType)
            #expect(gift.status == .ok)
            #expect(try json(gift.body)["imported"] as? Int == 10)
            #expect((try json(gift.body)["errors"] as? [Any])?.isEmpty == true)
            let xml = try await send(
                app, .POST, base + "/import?format=moodlexml", token: token, body: BankTests.moodleXML)
            #expect(try json(xml.body)["imported"] as? Int == 3)
            let list = try await send(app, .GET, base + "?per=5&category=Etika", token: token)
            let body = try json(list.body)
            #expect(body["total"] as? Int == 3)
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.map { $0["name"] as? String } == ["Nilai dasar", "Kupang", "Nilai BerAKHLAK"])
            #expect(items.first?["type"] as? String == "multichoice")
            #expect(items.first?["category"] as? String == "Etika")
            let export = try await send(app, .GET, base + "/export?format=moodlexml", token: token)
            #expect(export.status == .ok)
            #expect(export.headers.contentType?.subType == "xml")
            #expect(export.body.contains("<question type=\"matching\">"))
        }
    }

    @Test("a bad file is a 422 naming each line or question, with nothing imported; a bad format a 400")
    func badFiles() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let token = try await Fixtures.apiToken(app, username: world.city.healthOperator.nip)
            let base = "api/v1/courses/\(world.courseID.uuidString)/questions"
            let gift = try await send(
                app, .POST, base + "/import?format=gift", token: token, body: "::A:: a {T}\n\n::B:: b {=x ~y")
            #expect(gift.status == .unprocessableEntity)
            let body = try json(gift.body)
            #expect(body["imported"] as? Int == 0)
            let errors = try #require(body["errors"] as? [[String: Any]])
            #expect(errors.first?["line"] as? Int == 3)
            #expect(errors.first?["question"] == nil)
            #expect((errors.first?["message"] as? String)?.isEmpty == false)
            let xml = BankTests.moodleXML.replacingOccurrences(of: "type=\"truefalse\"", with: "type=\"calculated\"")
            let badXML = try await send(app, .POST, base + "/import?format=moodlexml", token: token, body: xml)
            #expect(badXML.status == .unprocessableEntity)
            let xmlErrors = try #require(try json(badXML.body)["errors"] as? [[String: Any]])
            #expect(xmlErrors.first?["question"] as? Int == 2)
            #expect(xmlErrors.first?["line"] == nil)
            let unknown = try await send(app, .POST, base + "/import?format=docx", token: token, body: "x")
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.contains("\"field\":\"format\""))
            let noFormat = try await send(app, .GET, base + "/export", token: token)
            #expect(noFormat.status == .badRequest)
            #expect(try await QuizWorld.questionCount(app, world.courseID) == 0)
        }
    }

    @Test("learners' and other offices' tokens get 403 on the bank")
    func bankAuthorisation() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let base = "api/v1/courses/\(world.courseID.uuidString)/questions"
            for username in [world.city.staff.nip, world.city.educationOperator.nip] {
                let token = try await Fixtures.apiToken(app, username: username)
                #expect(try await send(app, .GET, base, token: token).status == .forbidden)
                #expect(
                    try await send(app, .POST, base + "/import?format=gift", token: token, body: "::A:: a {T}").status
                        == .forbidden)
                #expect(try await send(app, .GET, base + "/export?format=gift", token: token).status == .forbidden)
            }
            #expect(try await QuizWorld.questionCount(app, world.courseID) == 0)
            try await app.testing().test(.GET, base) { res in #expect(res.status == .unauthorized) }
        }
    }

    @Test("starting through the API resumes the same attempt and never sends right answers; only the owner reads it")
    func attemptsAPI() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            try await ELearningFixtures.bank(app, world.course, ELearningFixtures.gift(QuizWorld.everyType))
            let quiz = try await ELearningFixtures.quiz(
                app, world.course,
                settings: QuizSettings(
                    timeLimit: 1800,
                    reviewShows: ReviewOptions(marks: .afterEachAttempt, feedback: .never, rightAnswers: .never)))
            let token = try await Fixtures.apiToken(app, username: world.city.staff.nip)
            let path = "api/v1/quizzes/\(try quiz.requireID().uuidString)/attempts"
            let first = try await send(app, .POST, path, token: token)
            #expect(first.status == .ok)
            let second = try await send(app, .POST, path, token: token)
            let attempt = try json(first.body)
            #expect(attempt["attemptId"] as? String == (try json(second.body))["attemptId"] as? String)
            #expect(attempt["deadline"] is String)
            let questions = try #require(attempt["questions"] as? [[String: Any]])
            #expect(questions.count == 10)
            let choice = try #require(questions.first { $0["type"] as? String == "multichoice" })
            #expect(choice["options"] as? [String] == ["BerAKHLAK", "Panca Prasetya", "Sapta Marga"])
            for secret in ["fraction", "Tepat.", "Itu janji", "UU 20/2023 -> ASN", "A*N", "\"20\""] {
                #expect(!first.body.contains(secret), "\(secret)")
            }
            let matching = try #require(questions.first { $0["type"] as? String == "matching" })
            #expect((matching["prompts"] as? [[String: Any]])?.count == 3)
            let attemptID = try #require(attempt["attemptId"] as? String)
            // Answer one through the store, finish, and read the result.
            let stored = try #require(try await QuizAttempt.find(UUID(uuidString: attemptID), on: app.db))
            let request = Request(application: app, on: app.eventLoopGroup.next())
            try await QuizAttempts(request: request).saveAll(
                [AnswerSubmission(id: "a1", questionID: choice["id"] as! String, response: .choices([0]))],
                to: stored.requireID())
            let open = try json(try await send(app, .GET, "api/v1/attempts/\(attemptID)", token: token).body)
            #expect(open["result"] == nil || open["result"] is NSNull)
            #expect((open["answers"] as? [String: Any])?.count == 1)
            _ = try await QuizAttempts(request: request).finish(stored.requireID())
            let done = try await send(app, .GET, "api/v1/attempts/\(attemptID)", token: token)
            let result = try #require(try json(done.body)["result"] as? [String: Any])
            // The essay was left blank, so nothing waits for a facilitator: 1 of 9 gradable questions.
            #expect(result["progress"] as? String == "graded")
            let percent = try #require(result["percent"] as? Double)
            #expect(abs(percent - 100.0 / 9) < 1e-9)
            let items = try #require(result["questions"] as? [[String: Any]])
            #expect(items.first { $0["id"] as? String == choice["id"] as? String }?["state"] as? String == "correct")
            #expect(!done.body.contains("rightAnswers\":[\""))
            // Someone else's token: 404; an unenrolled learner cannot start.
            let other = try await Fixtures.apiToken(app, username: world.city.teacher.nip)
            #expect(try await send(app, .GET, "api/v1/attempts/\(attemptID)", token: other).status == .notFound)
            let operatorToken = try await Fixtures.apiToken(app, username: world.city.educationOperator.nip)
            #expect(try await send(app, .POST, path, token: operatorToken).status == .forbidden)
        }
    }
}
