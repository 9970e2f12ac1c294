import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Action plans: the API")
struct ActionPlanAPITests {
    struct Reply {
        let status: HTTPResponseStatus
        let json: [String: Any]
    }

    /// The staff member's class began today (2026-11-18).
    private func world(_ app: Application) async throws -> (Fixtures.City, TrainingClass, Enrolment) {
        let city = try await Fixtures.city(app)
        let programme = try await TrainingFixtures.programme(app, organiser: city.health)
        let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme, daysFromNow: 0)
        let enrolment = try await TrainingFixtures.enrolment(app, city.staff, in: trainingClass)
        return (city, trainingClass, enrolment)
    }

    private let goodPlan: [String: Any] = [
        "goal": "Izin usaha mikro selesai dalam 3 hari kerja",
        "steps": [
            ["activity": "Menyusun SOP loket izin", "result": "SOP ditetapkan kepala dinas", "due": "2027-01-15"],
            ["activity": "Melatih petugas loket", "due": "2027-02-28"],
        ],
    ]

    private func call(
        _ app: Application, _ method: HTTPMethod, _ path: String, token: String, body: [String: Any]? = nil
    ) async throws -> Reply {
        var headers = HTTPHeaders([("Authorization", "Bearer \(token)")])
        var buffer: ByteBuffer?
        if let body {
            headers.contentType = .json
            buffer = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
        }
        var reply: Reply?
        try await app.testing().test(method, String(path.dropFirst()), headers: headers, body: buffer) { res in
            let json = (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any]
            reply = Reply(status: res.status, json: json ?? [:])
        }
        return try #require(reply)
    }

    private func planPath(_ enrolment: Enrolment) -> String { "/api/v1/enrolments/\(enrolment.id!)/action-plan" }

    @Test("the participant writes through the API; the page, the supervisor's notice and the class list see it")
    func writeAndRead() async throws {
        try await withLontar { app in
            let (city, trainingClass, enrolment) = try await world(app)
            let token = try await Fixtures.apiToken(app, username: city.staff.nip)
            let before = try await call(app, .GET, planPath(enrolment), token: token)
            #expect(before.status == .ok)
            #expect(before.json["state"] as? String == "open")
            #expect(before.json["mayWrite"] as? Bool == true)
            #expect(before.json["plan"] == nil || before.json["plan"] is NSNull)
            #expect(before.json["earliestDue"] as? String == "2026-11-18")
            #expect(before.json["latestDue"] as? String == "2027-11-19")

            let saved = try await call(app, .PUT, planPath(enrolment), token: token, body: goodPlan)
            #expect(saved.status == .ok)
            let plan = try #require(saved.json["plan"] as? [String: Any])
            #expect(plan["goal"] as? String == "Izin usaha mikro selesai dalam 3 hari kerja")
            let steps = try #require(plan["steps"] as? [[String: Any]])
            #expect(steps.map { $0["due"] as? String } == ["2027-01-15", "2027-02-28"])
            #expect(steps.map { $0["result"] as? String } == ["SOP ditetapkan kepala dinas", ""])
            #expect(
                try await InAppNotification.query(on: app.db).filter(\.$messageKey == "plan.notify.written").count()
                    == 1)
            let page = try await Fixtures.browser(app, as: city.staff.nip).get(Paths.actionPlan(enrolment.id!))
            #expect(page.body.contains("Menyusun SOP loket izin"))

            // Replacing it: still one plan, no second notice.
            var shorter = goodPlan
            shorter["steps"] = [["activity": "Menyusun SOP loket izin", "result": "", "due": "2027-01-15"]]
            #expect(try await call(app, .PUT, planPath(enrolment), token: token, body: shorter).status == .ok)
            #expect(try await ActionPlanRecord.query(on: app.db).count() == 1)
            #expect(try await ActionPlanRecord.query(on: app.db).first()?.decoded()?.steps.count == 1)
            #expect(
                try await InAppNotification.query(on: app.db).filter(\.$messageKey == "plan.notify.written").count()
                    == 1)

            let operatorToken = try await Fixtures.apiToken(app, username: city.healthOperator.nip)
            let list = try await call(
                app, .GET, "/api/v1/classes/\(trainingClass.id!)/action-plans", token: operatorToken)
            #expect(list.status == .ok)
            #expect(list.json["counted"] as? Int == 1)
            #expect(list.json["written"] as? Int == 1)
            let items = try #require(list.json["items"] as? [[String: Any]])
            #expect(items.map { $0["nip"] as? String } == [city.staff.nip])
        }
    }

    @Test("bad plans answer 422 naming every problem by step, and store nothing")
    func badInput() async throws {
        try await withLontar { app in
            let (city, _, enrolment) = try await world(app)
            let token = try await Fixtures.apiToken(app, username: city.staff.nip)
            let bad: [String: Any] = [
                "goal": " ",
                "steps": [
                    ["activity": "", "result": "Hasil tanpa kegiatan", "due": "2027-01-15"],
                    ["activity": "Terlalu awal", "due": "2026-11-01"],
                    ["activity": "Tanggal rusak", "due": "15/01/2027"],
                    ["activity": "Terlalu jauh", "due": "2028-06-01"],
                ],
            ]
            let reply = try await call(app, .PUT, planPath(enrolment), token: token, body: bad)
            #expect(reply.status == .unprocessableEntity)
            let error = try #require(reply.json["error"] as? [String: Any])
            #expect(error["code"] as? String == "invalid_input")
            #expect(error["field"] as? String == "goal")
            let problems = try #require(error["errors"] as? [[String: Any]])
            #expect(problems.map { $0["line"] as? Int } == [0, 1, 2, 3, 4])
            #expect(problems.map { $0["column"] as? String } == ["goal", "activity1", "due2", "due3", "due4"])
            #expect((problems[2]["message"] as? String)?.contains("Langkah 2") == true)
            #expect(try await ActionPlanRecord.query(on: app.db).count() == 0)

            let noSteps = try await call(
                app, .PUT, planPath(enrolment), token: token, body: ["goal": "Tujuan", "steps": []])
            #expect(noSteps.status == .unprocessableEntity)
            let notJSON = try await call(app, .PUT, planPath(enrolment), token: token, body: ["goal": 12])
            #expect(notJSON.status == .unprocessableEntity)
            #expect((notJSON.json["error"] as? [String: Any])?["field"] as? String == "body")
            #expect(try await ActionPlanRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("only the participant writes; the supervisor and the class's runners read; others get 403")
    func authorisation() async throws {
        try await withLontar { app in
            let (city, trainingClass, enrolment) = try await world(app)
            let facilitator = try await TrainingFixtures.facilitator(app, for: trainingClass)
            let staff = try await Fixtures.apiToken(app, username: city.staff.nip)
            #expect(try await call(app, .PUT, planPath(enrolment), token: staff, body: goodPlan).status == .ok)
            let classPath = "/api/v1/classes/\(trainingClass.id!)/action-plans"
            for outsider in [city.teacher.nip, city.educationOperator.nip] {
                let token = try await Fixtures.apiToken(app, username: outsider)
                #expect(try await call(app, .GET, planPath(enrolment), token: token).status == .forbidden)
                #expect(
                    try await call(app, .PUT, planPath(enrolment), token: token, body: goodPlan).status == .forbidden)
                #expect(try await call(app, .GET, classPath, token: token).status == .forbidden)
            }
            for reader in [city.supervisor.nip, city.healthOperator.nip, facilitator.username] {
                let token = try await Fixtures.apiToken(app, username: reader)
                let read = try await call(app, .GET, planPath(enrolment), token: token)
                #expect(read.status == .ok)
                #expect(read.json["mayWrite"] as? Bool == false)
                var forged = goodPlan
                forged["goal"] = "Diubah orang lain"
                #expect(try await call(app, .PUT, planPath(enrolment), token: token, body: forged).status == .forbidden)
            }
            #expect(try await call(app, .GET, classPath, token: staff).status == .forbidden)
            #expect(
                try await ActionPlanRecord.query(on: app.db).first()?.decoded()?.goal == goodPlan["goal"] as? String)
            let unknown = try await call(app, .GET, "/api/v1/enrolments/\(UUID())/action-plan", token: staff)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("before the class and once the L3 follow-up has asked, writing answers 409 and changes nothing")
    func closed() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app, organiser: city.health)
            let later = try await TrainingFixtures.trainingClass(app, programme: programme, daysFromNow: 10)
            let early = try await TrainingFixtures.enrolment(app, city.staff, in: later)
            let token = try await Fixtures.apiToken(app, username: city.staff.nip)
            let notYet = try await call(app, .PUT, planPath(early), token: token, body: goodPlan)
            #expect(notYet.status == .conflict)
            #expect((notYet.json["error"] as? [String: Any])?["code"] as? String == "plan_closed")
            let state = try await call(app, .GET, planPath(early), token: token)
            #expect(state.json["state"] as? String == "notYet")
            #expect(state.json["stateSince"] as? String == "2026-11-28")

            let now = try await TrainingFixtures.trainingClass(
                app, programme: programme, daysFromNow: 0, name: "Angkatan II")
            let current = try await TrainingFixtures.enrolment(app, city.teacher, in: now)
            let teacher = try await Fixtures.apiToken(app, username: city.teacher.nip)
            #expect(try await call(app, .PUT, planPath(current), token: teacher, body: goodPlan).status == .ok)
            let survey = try await EvaluationFixtures.survey(app, programme, level: .behaviourSupervisor)
            try await EvaluationFixtures.invitation(
                app, survey, city.supervisor, sentOn: "2027-02-18", closesOn: "2027-03-18", enrolment: current)
            var changed = goodPlan
            changed["goal"] = "Diubah setelah ditanyakan"
            let frozen = try await call(app, .PUT, planPath(current), token: teacher, body: changed)
            #expect(frozen.status == .conflict)
            let read = try await call(app, .GET, planPath(current), token: teacher)
            #expect(read.json["state"] as? String == "frozen")
            #expect(read.json["stateSince"] as? String == "2027-02-18")
            #expect(read.json["mayWrite"] as? Bool == false)
            #expect((read.json["plan"] as? [String: Any])?["goal"] as? String == goodPlan["goal"] as? String)
            #expect(try await ActionPlanRecord.query(on: app.db).count() == 1)
        }
    }
}
