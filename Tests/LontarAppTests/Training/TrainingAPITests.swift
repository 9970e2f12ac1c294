import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Training API")
struct TrainingAPITests {
    static func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    @Test("a programme needs only title, form code and JP; bad input names the field and writes nothing")
    func programmes() async throws {
        try await withLontar { app in
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            try await app.testing().test(
                .POST, "api/v1/programs", headers: Self.bearer(token),
                beforeRequest: { req in
                    try req.content.encode(
                        ["title": "Manajemen Waktu", "formCode": "KL99", "jp": "-1"] as [String: String])
                },
                afterResponse: { res in #expect(res.status == .unprocessableEntity) })
            struct Minimal: Content {
                let title: String
                let formCode: String
                let jp: Double
                let status: String
            }
            try await app.testing().test(
                .POST, "api/v1/programs", headers: Self.bearer(token),
                beforeRequest: { req in
                    try req.content.encode(
                        Minimal(title: "Manajemen Waktu", formCode: "KL99", jp: 8, status: "published"))
                },
                afterResponse: { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("\"field\":\"formCode\""))
                })
            #expect(try await Programme.query(on: app.db).count() == 0)
            try await app.testing().test(
                .POST, "api/v1/programs", headers: Self.bearer(token),
                beforeRequest: { req in
                    try req.content.encode(
                        Minimal(title: "Manajemen Waktu", formCode: "kl03", jp: 8, status: "published"))
                },
                afterResponse: { res in
                    #expect(res.status == .created)
                    let body = try res.content.decode(ProgramDTO.self)
                    #expect(body.formCode == "KL03")
                    #expect(body.formName == "Pelatihan Teknis")
                })
        }
    }

    @Test("a class is created with sessions in ISO 8601; one ending before it starts is refused")
    func classes() async throws {
        try await withLontar { app in
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let programme = try await TrainingFixtures.programme(app)
            let start = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30 01:33 UTC
            func body(ends: Date, capacity: Int = 20) -> ClassAPI.Body {
                ClassAPI.Body(
                    programId: programme.id!, capacity: capacity,
                    sessions: [
                        SessionDTO(id: nil, startsAt: start, endsAt: ends, topic: "Hari 1", place: nil, onlineUrl: nil)
                    ])
            }
            for bad in [
                body(ends: start.addingTimeInterval(-600)), body(ends: start.addingTimeInterval(3600), capacity: 0),
            ] {
                try await app.testing().test(
                    .POST, "api/v1/classes", headers: Self.bearer(token),
                    beforeRequest: { req in try req.content.encode(bad) },
                    afterResponse: { res in #expect(res.status == .unprocessableEntity) })
            }
            #expect(try await TrainingClass.query(on: app.db).count() == 0)
            try await app.testing().test(
                .POST, "api/v1/classes", headers: Self.bearer(token),
                beforeRequest: { req in try req.content.encode(body(ends: start.addingTimeInterval(3 * 3600))) },
                afterResponse: { res in
                    #expect(res.status == .created)
                    let created = try res.content.decode(ClassDTO.self)
                    #expect(created.seatsLeft == 20)
                    #expect(created.sessions.count == 1)
                    #expect(abs(created.sessions[0].startsAt.timeIntervalSince(start)) < 60)
                })
        }
    }

    @Test("an employee cannot create programmes or classes; another OPD's operator cannot change them")
    func authorisation() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app, organiser: city.health)
            let staff = try await Fixtures.apiToken(app, username: city.staff.nip)
            let education = try await Fixtures.apiToken(app, username: city.educationOperator.nip)
            try await app.testing().test(
                .POST, "api/v1/programs", headers: Self.bearer(staff),
                beforeRequest: { req in try req.content.encode(["title": "X", "formCode": "KL03"]) },
                afterResponse: { res in #expect(res.status == .forbidden || res.status == .unprocessableEntity) })
            try await app.testing().test(
                .PUT, "api/v1/programs/\(programme.id!.uuidString)", headers: Self.bearer(education),
                beforeRequest: { req in
                    try req.content.encode(["title": "Diubah", "formCode": "KL03", "jp": "8"] as [String: String])
                },
                afterResponse: { res in #expect(res.status == .forbidden) })
            #expect(try await Programme.find(programme.id, on: app.db)?.title == programme.title)
        }
    }

    @Test("the learning-hours endpoint answers year, total, target and entries, and only to those who may see them")
    func learningHours() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            for (n, jp) in [(1, 12.0), (2, 10.5)] {
                let entry = LedgerEntry()
                entry.$employee.id = city.staff.id!
                entry.year = 2026
                entry.jp = jp
                entry.source = "external"
                entry.sourceID = UUID()
                entry.title = "Kursus \(n)"
                entry.formCode = "NKL03"
                entry.startDate = "2026-0\(n)-10"
                entry.endDate = "2026-0\(n)-10"
                entry.organiser = "LAN"
                entry.certificateNumber = "C-\(n)"
                entry.ruleYear = 2026
                entry.ruleVersion = 1
                entry.createdAt = Date()
                try await entry.save(on: app.db)
            }
            struct Body: Decodable {
                let year: Int
                let total: Double
                let target: Double
                let entries: [LearningHoursAPI.Entry]
            }
            let mine = try await Fixtures.apiToken(app, username: city.staff.nip)
            try await app.testing().test(
                .GET, "api/v1/employees/\(city.staff.nip)/learning-hours?year=2026", headers: Self.bearer(mine)
            ) { res in
                #expect(res.status == .ok)
                let body = try res.content.decode(Body.self)
                #expect(body.year == 2026 && body.total == 22.5 && body.target == 20 && body.entries.count == 2)
            }
            let teacher = try await Fixtures.apiToken(app, username: city.teacher.nip)
            try await app.testing().test(
                .GET, "api/v1/employees/\(city.staff.nip)/learning-hours?year=2026", headers: Self.bearer(teacher)
            ) { res in #expect(res.status == .notFound) }
        }
    }

    @Test("the class calendar and the SIASN export answer through the API with a token")
    func calendarAndExport() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme)
            let admin = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            try await app.testing().test(
                .GET, "api/v1/classes/\(trainingClass.id!.uuidString)/calendar.ics", headers: Self.bearer(admin)
            ) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "calendar")
                #expect(res.body.string.contains("BEGIN:VEVENT"))
                #expect(res.body.string.contains("TZID=Asia/Makassar"))
            }
            try await app.testing().test(.GET, "api/v1/exports/siasn.csv?year=2026", headers: Self.bearer(admin)) {
                res in
                #expect(res.status == .ok)
                #expect(res.body.string.lowercased().contains("nip"))
            }
            let staff = try await Fixtures.apiToken(app, username: city.staff.nip)
            try await app.testing().test(.GET, "api/v1/exports/siasn.csv?year=2026", headers: Self.bearer(staff)) {
                res in
                #expect(res.status == .forbidden)
            }
        }
    }
}
