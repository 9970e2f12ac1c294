import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Course API")
struct CourseAPITests {
    static func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    static func list(_ app: Application, token: String, query: String = "") async throws -> [CourseDTO] {
        var items: [CourseDTO] = []
        try await app.testing().test(.GET, "api/v1/courses" + query, headers: bearer(token)) { res in
            #expect(res.status == .ok)
            items = try res.content.decode(ListEnvelope<CourseDTO>.self).items
        }
        return items
    }

    static func create(
        _ app: Application, token: String, _ body: [String: Any]
    ) async throws -> (
        HTTPResponseStatus, String
    ) {
        var headers = bearer(token)
        headers.contentType = .json
        var result: (HTTPResponseStatus, String) = (.internalServerError, "")
        try await app.testing().test(
            .POST, "api/v1/courses", headers: headers,
            body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
        ) { res in result = (res.status, res.body.string) }
        return result
    }

    @Test("learners see published courses; operators also their OPD's drafts; listed authors their own")
    func listing() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let (healthProgramme, published) = try await ELearningFixtures.course(
                app, title: "Etika ASN", organiser: city.health)
            let (_, healthDraft) = try await ELearningFixtures.course(
                app, title: "Gizi Balita", organiser: city.health, status: .draft)
            let (_, educationDraft) = try await ELearningFixtures.course(
                app, title: "Kelas Digital", organiser: city.education, status: .draft)
            let facilitator = try await Fixtures.account(app, username: "fasilitator", roles: [.facilitator])
            let author = CourseAuthor()
            author.$course.id = try educationDraft.requireID()
            author.$user.id = try facilitator.requireID()
            try await author.save(on: app.db)

            let staff = try await Fixtures.apiToken(app, username: city.staff.nip)
            #expect(try await Self.list(app, token: staff).map(\.title) == ["Etika ASN"])
            let healthOperator = try await Fixtures.apiToken(app, username: city.healthOperator.nip)
            #expect(try await Self.list(app, token: healthOperator).map(\.title) == ["Etika ASN", "Gizi Balita"])
            let writer = try await Fixtures.apiToken(app, username: "fasilitator")
            #expect(try await Self.list(app, token: writer).map(\.title) == ["Etika ASN", "Kelas Digital"])
            let admin = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            #expect(try await Self.list(app, token: admin).count == 3)

            let filtered = try await Self.list(app, token: admin, query: "?programId=\(healthProgramme.id!.uuidString)")
            #expect(filtered.map(\.id) == [try published.requireID()])
            #expect(filtered.first?.jp == 10)
            #expect(filtered.first?.formCode == "NKL03")
            try await app.testing().test(.GET, "api/v1/courses?programId=bukan", headers: Self.bearer(admin)) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("\"field\":\"programId\""))
            }
            try await app.testing().test(.GET, "api/v1/courses") { res in #expect(res.status == .unauthorized) }
            _ = healthDraft
        }
    }

    @Test("only the programme's managers create; bad input names its field and writes nothing")
    func creating() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(
                app, title: "E-learning Kesehatan", formCode: "NKL03", jp: 8, organiser: city.health)
            let programID = try programme.requireID().uuidString
            let staff = try await Fixtures.apiToken(app, username: city.staff.nip)
            let education = try await Fixtures.apiToken(app, username: city.educationOperator.nip)
            let health = try await Fixtures.apiToken(app, username: city.healthOperator.nip)
            let body: [String: Any] = ["programId": programID, "title": "Pencegahan Stunting"]

            #expect(try await Self.create(app, token: staff, body).0 == .forbidden)
            #expect(try await Self.create(app, token: education, body).0 == .forbidden)
            let noTitle = try await Self.create(app, token: health, ["programId": programID, "title": "  "])
            #expect(noTitle.0 == .unprocessableEntity)
            #expect(noTitle.1.contains("\"field\":\"title\""))
            let noProgramme = try await Self.create(app, token: health, ["title": "Pencegahan Stunting"])
            #expect(noProgramme.0 == .unprocessableEntity)
            #expect(noProgramme.1.contains("\"field\":\"programId\""))
            let tooLong = try await Self.create(
                app, token: health, ["programId": programID, "title": String(repeating: "a", count: 201)])
            #expect(tooLong.1.contains("\"field\":\"title\""))
            let unknown = try await Self.create(app, token: health, ["programId": UUID().uuidString, "title": "X"])
            #expect(unknown.0 == .notFound)
            #expect(try await Course.query(on: app.db).count() == 0)
            #expect(try await TrainingClass.query(on: app.db).count() == 0)

            let created = try await Self.create(
                app, token: health,
                [
                    "programId": programID, "title": " Pencegahan Stunting ", "summary": "Untuk puskesmas",
                    "openEnrolment": true,
                ])
            #expect(created.0 == .created)
            let course = try JSONDecoder().decode(CourseDTO.self, from: Data(created.1.utf8))
            #expect(course.title == "Pencegahan Stunting")
            #expect(course.status == "draft")
            #expect(course.openEnrolment)
            let stored = try #require(try await Course.find(course.id, on: app.db))
            let online = try #require(try await TrainingClass.find(stored.$trainingClass.id, on: app.db))
            #expect(online.status == CourseEnrolments.onlineClassStatus)
        }
    }

    @Test("a course's outline; an enrolled learner also gets progress and the next lesson; drafts stay hidden")
    func detail() async throws {
        try await withLontar { app in
            let story = try await SyncStory.make(app)
            let section = try await ELearningFixtures.section(app, story.course, title: "Draf", position: 2)
            let hidden = try await ELearningFixtures.lesson(
                app, section, title: "Belum terbit", position: 1, published: false)
            let courseID = try story.course.requireID().uuidString
            _ = try await SyncDriver.api(app, token: story.token, [SyncStory.lessonEvent("lessonDone", story.first)])

            var detail: CourseDetailDTO?
            try await app.testing().test(.GET, "api/v1/courses/\(courseID)", headers: Self.bearer(story.token)) { res in
                #expect(res.status == .ok)
                detail = try res.content.decode(CourseDetailDTO.self)
            }
            let mine = try #require(detail)
            #expect(mine.enrolled)
            #expect(mine.progress?.percent == 50)
            #expect(mine.progress?.nextLessonId == story.second.id)
            let lessons = mine.sections.flatMap(\.lessons)
            #expect(lessons.map(\.id) == [story.first.id, story.second.id])
            #expect(lessons.first?.state == "done")

            let teacher = try await Fixtures.apiToken(app, username: story.city.teacher.nip)
            try await app.testing().test(.GET, "api/v1/courses/\(courseID)", headers: Self.bearer(teacher)) { res in
                let outline = try res.content.decode(CourseDetailDTO.self)
                #expect(!outline.enrolled)
                #expect(outline.progress == nil)
                #expect(outline.sections.flatMap(\.lessons).allSatisfy { $0.state == nil })
            }
            let admin = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            try await app.testing().test(.GET, "api/v1/courses/\(courseID)", headers: Self.bearer(admin)) { res in
                let outline = try res.content.decode(CourseDetailDTO.self)
                #expect(outline.sections.flatMap(\.lessons).contains { $0.id == hidden.id && !$0.published })
            }
            story.course.status = CourseStatus.draft.rawValue
            try await story.course.save(on: app.db)
            try await app.testing().test(.GET, "api/v1/courses/\(courseID)", headers: Self.bearer(teacher)) { res in
                #expect(res.status == .notFound)
            }
        }
    }
}
