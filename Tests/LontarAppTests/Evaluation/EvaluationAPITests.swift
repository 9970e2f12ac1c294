import Fluent
import Foundation
import LontarCore
import NIOHTTP1
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Evaluation reports: the API")
struct EvaluationAPITests {
    static func get(_ app: Application, _ path: String, token: String) async throws -> (HTTPResponseStatus, String) {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        var result: (HTTPResponseStatus, String)?
        try await app.testing().test(.GET, path, headers: headers) { res in result = (res.status, res.body.string) }
        return try #require(result)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("the four levels in one answer, no person in it; year required as a number")
    func shapeAndYear() async throws {
        try await withLontar { app in
            let world = try await ReportPagesTests.world(app)
            let id = world.programme.id!.uuidString
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let (status, body) = try await Self.get(app, "/api/v1/programs/\(id)/evaluation?year=2026", token: token)
            #expect(status == .ok)
            let object = try Self.json(body)
            #expect(Set(object.keys) == ["programId", "year", "l1", "l2", "l3", "l4", "verdict"])
            #expect(object["programId"] as? String == id)
            #expect(object["year"] as? Int == 2026)
            let l1 = try #require(object["l1"] as? [String: Any])
            #expect(l1["responses"] as? Int == 4)
            #expect(l1["satisfactionIndex"] as? Double == 50)
            let l3 = try #require(object["l3"] as? [String: Any])
            let alumni = try #require(l3["alumni"] as? [String: Any])
            #expect(alumni["applicationRate"] as? Double == 100)
            #expect(l3["supervisors"] is [String: Any])
            #expect(object["l4"] is [Any])
            // A level without data says null rather than leaving its figures out.
            let l2 = try #require(object["l2"] as? [String: Any])
            #expect(l2["pairs"] as? Int == 0)
            #expect(l2["normalisedGain"] is NSNull)
            let verdict = try #require(object["verdict"] as? [String: Any])
            #expect(verdict["verdict"] as? String == "insufficientData")
            #expect(!body.contains(world.city.staff.name))
            #expect(!body.contains(world.city.staff.id!.uuidString))
            for query in ["", "?year=", "?year=dua", "?year=20x6"] {
                let (bad, error) = try await Self.get(app, "/api/v1/programs/\(id)/evaluation\(query)", token: token)
                #expect(bad == .badRequest)
                let detail = try #require(try Self.json(error)["error"] as? [String: Any])
                #expect(detail["field"] as? String == "year")
            }
        }
    }

    @Test("same roles as the page: organiser yes, other OPD and employees no, facilitator L1 of own classes")
    func authorisation() async throws {
        try await withLontar { app in
            let world = try await ReportPagesTests.world(app)
            let path = "/api/v1/programs/\(world.programme.id!.uuidString)/evaluation?year=2026"
            let organiser = try await Fixtures.apiToken(app, username: world.city.healthOperator.nip)
            #expect(try await Self.get(app, path, token: organiser).0 == .ok)
            for person in [world.city.educationOperator.nip, world.city.staff.nip] {
                let token = try await Fixtures.apiToken(app, username: person)
                #expect(try await Self.get(app, path, token: token).0 == .forbidden)
            }
            let facilitator = try await Fixtures.apiToken(app, username: "fasil")
            let (status, body) = try await Self.get(app, path, token: facilitator)
            #expect(status == .ok)
            let object = try Self.json(body)
            let l1 = try #require(object["l1"] as? [String: Any])
            #expect(l1["responses"] as? Int == 2)
            #expect(l1["satisfactionIndex"] as? Double == 100)
            // The same keys as for BKPPD, the other levels null.
            #expect(Set(object.keys) == ["programId", "year", "l1", "l2", "l3", "l4", "verdict"])
            for key in ["l2", "l3", "l4", "verdict"] { #expect(object[key] is NSNull) }
            var unauthenticated: HTTPResponseStatus?
            try await app.testing().test(.GET, path) { res in unauthenticated = res.status }
            #expect(unauthenticated == .unauthorized)
        }
    }
}
