import Fluent
import Foundation
import LontarCore
import NIOHTTP1
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Surveys: the API")
struct SurveyAPITests {
    static func call(
        _ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil
    ) async throws -> (HTTPResponseStatus, String) {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        if json != nil { headers.contentType = .json }
        var result: (HTTPResponseStatus, String)?
        try await app.testing().test(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }) {
            res in result = (res.status, res.body.string)
        }
        return try #require(result)
    }

    static func body(_ world: SurveyWorld, scale: Int = 4) -> String {
        """
        {"answers": {"puas": \(scale), "skala5": 5, "satu": 1, "banyak": [0, 2],
        "fasil": {"\(world.facilitator.id!.uuidString)": 5}, "saran": "Dari API"}}
        """
    }

    @Test("list and definition for managers; an invited employee answers once; others are refused")
    func answerThroughAPI() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(app, anonymous: false)
            try await world.inviteAll(app, survey)
            let id = survey.id!
            let op = try await Fixtures.apiToken(app, username: world.city.healthOperator.nip)
            let list = try await Self.call(
                app, .GET, "/api/v1/surveys?programId=\(world.programme.id!.uuidString)", token: op)
            #expect(list.0 == .ok)
            #expect(list.1.contains(id.uuidString) && list.1.contains("\"total\":1"))
            let other = try await Fixtures.apiToken(app, username: world.city.educationOperator.nip)
            let otherList = try await Self.call(app, .GET, "/api/v1/surveys", token: other)
            #expect(otherList.0 == .ok && !otherList.1.contains(id.uuidString))
            #expect(try await Self.call(app, .GET, "/api/v1/surveys/\(id.uuidString)", token: other).0 == .forbidden)
            #expect(try await Self.call(app, .GET, "/api/v1/surveys?programId=x", token: op).0 == .unprocessableEntity)

            let staff = try await Fixtures.apiToken(app, username: world.city.staff.nip)
            #expect(try await Self.call(app, .GET, "/api/v1/surveys", token: staff).0 == .forbidden)
            let definition = try await Self.call(app, .GET, "/api/v1/surveys/\(id.uuidString)", token: staff)
            #expect(definition.0 == .ok && definition.1.contains("\"kind\":\"facilitatorRating\""))
            let missing = try await Self.call(
                app, .POST, "/api/v1/surveys/\(id.uuidString)/responses", token: staff, json: "{\"answers\": {}}")
            #expect(missing.0 == .unprocessableEntity)
            #expect(missing.1.contains("answers.puas"))
            let sent = try await Self.call(
                app, .POST, "/api/v1/surveys/\(id.uuidString)/responses", token: staff, json: Self.body(world))
            #expect(sent.0 == .created)
            let again = try await Self.call(
                app, .POST, "/api/v1/surveys/\(id.uuidString)/responses", token: staff, json: Self.body(world))
            #expect(again.0 == .conflict && again.1.contains("already_answered"))
            #expect(try await SurveyResponse.query(on: app.db).count() == 1)
            #expect(try await SurveyAnswerRow.query(on: app.db).filter(\.$itemKey == "banyak").count() == 2)

            let teacher = try await Fixtures.apiToken(app, username: world.city.teacher.nip)
            let uninvited = try await Self.call(
                app, .POST, "/api/v1/surveys/\(id.uuidString)/responses", token: teacher, json: Self.body(world))
            #expect(uninvited.0 == .forbidden)
            #expect(
                try await Self.call(app, .GET, "/api/v1/surveys/\(id.uuidString)/responses", token: staff).0
                    == .forbidden)
            #expect(
                try await Self.call(app, .GET, "/api/v1/surveys/\(id.uuidString)/responses", token: other).0
                    == .forbidden)
            // A named survey's responses carry the respondent's NIP.
            let responses = try await Self.call(app, .GET, "/api/v1/surveys/\(id.uuidString)/responses", token: op)
            #expect(responses.0 == .ok)
            #expect(responses.1.contains(world.city.staff.nip))
        }
    }

    @Test("anonymous responses: nothing below 5, then answers with no person and no day")
    func anonymousResponses() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 5)
            let survey = try await world.survey(app, anonymous: true)
            try await world.inviteAll(app, survey)
            let id = survey.id!
            let op = try await Fixtures.apiToken(app, username: world.city.healthOperator.nip)
            for (index, person) in world.participants.enumerated() {
                if index == 4 {
                    let early = try await Self.call(app, .GET, "/api/v1/surveys/\(id.uuidString)/responses", token: op)
                    #expect(early.0 == .ok && early.1.contains("\"items\":[]") && early.1.contains("\"total\":4"))
                }
                let token = try await Fixtures.apiToken(app, username: person.nip)
                let sent = try await Self.call(
                    app, .POST, "/api/v1/surveys/\(id.uuidString)/responses", token: token, json: Self.body(world))
                #expect(sent.0 == .created)
            }
            let all = try await Self.call(app, .GET, "/api/v1/surveys/\(id.uuidString)/responses", token: op)
            #expect(all.0 == .ok && all.1.contains("\"total\":5") && all.1.contains("Dari API"))
            for person in world.participants {
                #expect(!all.1.contains(person.nip))
                #expect(!all.1.contains(person.id!.uuidString))
            }
            #expect(!all.1.contains("respondentNip\":\""))
            #expect(!all.1.contains(CityTime.today(app.clock).iso))
        }
    }
}
