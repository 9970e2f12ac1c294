import Fluent
import Foundation
import LontarCore
import NIOHTTP1
import Testing
import VaporTesting

@testable import LontarApp

/// A course world for the course tests: the health office organises an e-learning
/// programme with one published course; a facilitator is listed as its author and
/// another is not; the health staff member is enrolled, the teacher is not.
struct CourseWorld {
    let city: Fixtures.City
    let programme: Programme
    let course: Course
    let section: CourseSection
    let first: Lesson
    let second: Lesson
    let draft: Lesson
    let file: CourseFile
    let enrolment: Enrolment

    var courseID: UUID { course.id! }

    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)

    static func make(_ app: Application) async throws -> CourseWorld {
        let city = try await Fixtures.city(app)
        let (programme, course) = try await ELearningFixtures.course(app, organiser: city.health)
        let section = try await ELearningFixtures.section(app, course)
        let file = try await storedFile(app, course, bytes: pdf, name: "Modul Etika.pdf")
        let first = try await ELearningFixtures.lesson(
            app, section, title: "Nilai Dasar BerAKHLAK", position: 1, body: "# Berorientasi Pelayanan\n\nIsi.")
        let second = try await ELearningFixtures.lesson(
            app, section, title: "Modul Etika", position: 2, kind: .file, file: file)
        let draft = try await ELearningFixtures.lesson(
            app, section, title: "Materi Draf", position: 3, published: false)
        let (enrolment, _) = try await CourseEnrolments.enrol(
            employeeID: city.staff.requireID(), in: course, assignedBy: nil, now: app.clock.now(), on: app.db)
        let author = try await Fixtures.account(app, username: "fasil-penulis", roles: [.facilitator])
        let link = CourseAuthor()
        link.$course.id = try course.requireID()
        link.$user.id = try author.requireID()
        try await link.save(on: app.db)
        try await Fixtures.account(app, username: "fasil-lain", roles: [.facilitator])
        return CourseWorld(
            city: city, programme: programme, course: course, section: section, first: first, second: second,
            draft: draft, file: file, enrolment: enrolment)
    }

    /// A course file written as the upload would write it: stored content and its row.
    static func storedFile(
        _ app: Application, _ course: Course, bytes: [UInt8], name: String
    ) async throws -> CourseFile {
        let sha = FileStore.checksum(bytes)
        let directory = FileStore.directory(app)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: directory + "/" + sha, contents: Data(bytes))
        let file = CourseFile()
        file.$course.id = try course.requireID()
        file.fileName = name
        file.contentType = FileStore.sniff(bytes)?.contentType ?? "application/pdf"
        file.size = bytes.count
        file.sha256 = sha
        file.uploadedBy = UUID()
        file.createdAt = app.clock.now()
        try await file.save(on: app.db)
        return file
    }

    static func browser(_ app: Application, _ who: String) async throws -> Browser {
        who == "admin"
            ? try await Fixtures.browser(app, as: "admin", password: adminPassword)
            : try await Fixtures.browser(app, as: who)
    }

    static func revision(_ app: Application, _ id: UUID) async throws -> Int {
        try await Course.find(id, on: app.db)?.revision ?? -1
    }
}

extension Browser {
    /// A GET with extra request headers (conditional requests, ranges).
    func get(_ path: String, headers extra: HTTPHeaders) async throws -> Page {
        var headers = extra
        if let cookie { headers.add(name: .cookie, value: "lontar_session=\(cookie)") }
        var page: Page?
        try await app.testing().test(.GET, path, headers: headers) { res in
            page = Page(status: res.status, body: res.body.string, headers: res.headers)
        }
        return try #require(page)
    }
}

/// Runs `test` on a fresh app and removes the data folder (stored files) afterwards.
func withCourses(clock: TestClock = TestClock(), _ test: (Application) async throws -> Void) async throws {
    try await withLontar(clock: clock) { app in
        defer { try? FileManager.default.removeItem(atPath: app.settings.dataDirectory) }
        try await test(app)
    }
}

@Suite("Courses: every route refuses the wrong person")
struct CourseAccessTests {
    /// Every authoring address, with a form that would change something if it were let through.
    static func authorRoutes(_ world: CourseWorld) -> [(HTTPMethod, String, [String: String])] {
        let id = world.courseID
        let lesson = world.first.id!
        let section = world.section.id!
        return [
            (.GET, Paths.courseEdit(id), [:]),
            (.POST, Paths.courseEdit(id), ["title": "Diambil alih", "summary": ""]),
            (.POST, Paths.courseSections(id), ["title": "Bagian Asing"]),
            (.POST, Paths.section(section), ["title": "Diganti"]),
            (.POST, Paths.sectionMove(section), ["direction": "down"]),
            (.GET, Paths.courseLessonNew(id), [:]),
            (.POST, Paths.courseLessonNew(id), ["section": section.uuidString, "kind": "text", "title": "Sisipan"]),
            (.GET, Paths.lessonEdit(lesson), [:]),
            (.POST, Paths.lessonEdit(lesson), ["section": section.uuidString, "kind": "text", "title": "Ubah"]),
            (.POST, Paths.lessonMove(lesson), ["direction": "down"]),
            (.GET, Paths.lessonPreview(world.draft.id!), [:]),
            (.GET, Paths.courseFiles(id), [:]),
            (.GET, Paths.courseLearners(id), [:]),
            (.GET, Paths.courseAssign(id), [:]),
            (.POST, Paths.courseAssign(id), ["nips": world.city.teacher.nip]),
            (.POST, Paths.courseAuthors(id), ["action": "add", "username": "fasil-lain"]),
            (.POST, Paths.coursePublish(id), ["status": "archived"]),
        ]
    }

    @Test("learners, another OPD's operator and a facilitator not listed as author cannot write the course")
    func outsidersCannotAuthor() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let before = try await CourseWorld.revision(app, world.courseID)
            for who in [world.city.staff.nip, world.city.educationOperator.nip, "fasil-lain"] {
                let browser = try await CourseWorld.browser(app, who)
                for (method, path, form) in Self.authorRoutes(world) {
                    let page = method == .GET ? try await browser.get(path) : try await browser.post(path, form: form)
                    #expect(page.status == .forbidden, "\(who) \(method) \(path) answered \(page.status)")
                }
                let upload = try await browser.postForm(
                    Paths.courseFiles(world.courseID), fields: [:], file: CourseWorld.pdf, filename: "x.pdf",
                    field: "file")
                #expect(upload.status == .forbidden)
                let create = try await browser.post(
                    Paths.courseNew(programme: world.programme.id!), form: ["title": "Kursus Liar"])
                #expect(create.status == .forbidden)
            }
            #expect(try await CourseWorld.revision(app, world.courseID) == before)
            #expect(try await CourseSection.query(on: app.db).count() == 1)
            #expect(try await Lesson.query(on: app.db).count() == 3)
            #expect(try await CourseFile.query(on: app.db).count() == 1)
            #expect(try await CourseAuthor.query(on: app.db).count() == 1)
            #expect(try await Course.query(on: app.db).count() == 1)
            let course = try #require(try await Course.find(world.courseID, on: app.db))
            #expect(course.title == world.course.title && course.status == "published")
        }
    }

    @Test("the listed facilitator writes the course but cannot change its authors or create courses")
    func listedAuthorWrites() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            // Assigning enrols people and shows names by NIP: programme managers only.
            let managersOnly = [Paths.courseAuthors(world.courseID), Paths.courseAssign(world.courseID)]
            for (method, path, form) in Self.authorRoutes(world) where !managersOnly.contains(path) {
                let page = method == .GET ? try await author.get(path) : try await author.post(path, form: form)
                #expect([.ok, .seeOther].contains(page.status), "\(method) \(path) answered \(page.status)")
            }
            let assigned = try await author.post(
                Paths.courseAssign(world.courseID), form: ["nips": world.city.teacher.nip])
            #expect(assigned.status == .forbidden)
            #expect(!assigned.body.contains(world.city.teacher.name))
            let authors = try await author.post(
                Paths.courseAuthors(world.courseID), form: ["action": "add", "username": "fasil-lain"])
            #expect(authors.status == .forbidden)
            #expect(try await CourseAuthor.query(on: app.db).count() == 1)
            #expect(try await author.get(Paths.courseNew(programme: world.programme.id!)).status == .forbidden)
            let manager = try await CourseWorld.browser(app, world.city.healthOperator.nip)
            #expect(try await manager.get(Paths.courseNew(programme: world.programme.id!)).status == .ok)
            #expect(try await CourseWorld.browser(app, "admin").get(Paths.courseEdit(world.courseID)).status == .ok)
        }
    }

    @Test("lessons are for enrolled learners of a published course; drafts do not exist for learners")
    func learnersOnly() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            let teacher = try await CourseWorld.browser(app, world.city.teacher.nip)
            #expect(try await staff.get(Paths.lesson(world.first.id!)).status == .ok)
            let refused = try await teacher.get(Paths.lesson(world.first.id!))
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("untuk peserta kursus"))
            #expect(try await teacher.post(Paths.lessonDone(world.first.id!), form: [:]).status == .forbidden)
            #expect(try await staff.get(Paths.lesson(world.draft.id!)).status == .notFound)
            #expect(try await staff.post(Paths.lessonDone(world.draft.id!), form: [:]).status == .notFound)
            #expect(try await staff.get(Paths.lessonPreview(world.draft.id!)).status == .forbidden)

            let (_, hidden) = try await ELearningFixtures.course(app, title: "Kursus Rahasia", status: .draft)
            let hiddenSection = try await ELearningFixtures.section(app, hidden)
            let hiddenLesson = try await ELearningFixtures.lesson(app, hiddenSection, title: "Rahasia", position: 1)
            try await CourseEnrolments.enrol(
                employeeID: world.city.staff.requireID(), in: hidden, assignedBy: nil, now: app.clock.now(),
                on: app.db)
            #expect(try await staff.get(Paths.course(hidden.id!)).status == .notFound)
            #expect(try await staff.get(Paths.lesson(hiddenLesson.id!)).status == .notFound)
            #expect(try await staff.post(Paths.courseEnrol(hidden.id!), form: [:]).status == .notFound)
            let list = try await staff.get(Paths.courses)
            #expect(list.body.contains(world.course.title))
            #expect(!list.body.contains("Kursus Rahasia"))
            #expect(try await LessonProgress.query(on: app.db).filter(\.$lesson.$id == hiddenLesson.id!).count() == 0)
        }
    }

    @Test("a course file is for the authors and the enrolled learners of a published lesson using it")
    func fileDownloads() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let path = Paths.courseFile(world.file.id!)
            for who in [world.city.staff.nip, "fasil-penulis", world.city.healthOperator.nip, "admin"] {
                #expect(try await CourseWorld.browser(app, who).get(path).status == .ok, "\(who)")
            }
            for who in [world.city.teacher.nip, "fasil-lain", world.city.educationOperator.nip] {
                #expect(try await CourseWorld.browser(app, who).get(path).status == .notFound, "\(who)")
            }
            // Once no published lesson uses it, the learner no longer gets it.
            world.second.published = false
            try await world.second.save(on: app.db)
            #expect(try await CourseWorld.browser(app, world.city.staff.nip).get(path).status == .notFound)
            #expect(try await CourseWorld.browser(app, "fasil-penulis").get(path).status == .ok)
        }
    }

    @Test("a course's hidden class is not edited as a classroom class: the form leads to the course, a post is refused")
    func onlineClassIsNotEdited() async throws {
        try await withLontar { app in
            let world = try await CourseWorld.make(app)
            let classID = world.course.$trainingClass.id
            let organiser = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            let form = try await organiser.get(Paths.classEdit(classID))
            #expect(form.status == .seeOther)
            #expect(form.location == Paths.courseEdit(world.courseID))
            let posted = try await organiser.post(
                Paths.classEdit(classID), form: ["name": "Diubah", "capacity": "5", "status": "open"])
            #expect(posted.status == .conflict)
            #expect(posted.body.contains("kursus mandiri daring"))
            let stored = try #require(try await TrainingClass.find(classID, on: app.db))
            #expect(stored.status == CourseEnrolments.onlineClassStatus)
            #expect(stored.name != "Diubah")
            // The class API refuses it as well.
            let token = try await Fixtures.apiToken(app, username: world.city.healthOperator.nip)
            try await app.testing().test(
                .PUT, "api/v1/classes/\(classID.uuidString)", headers: ["Authorization": "Bearer \(token)"],
                beforeRequest: { req in
                    try req.content.encode(["programId": world.programme.id!.uuidString, "name": "Diubah"])
                },
                afterResponse: { res in #expect(res.status == .conflict) })
            #expect(try await TrainingClass.find(classID, on: app.db)?.status == CourseEnrolments.onlineClassStatus)
            // Another OPD's operator is still refused before anything else.
            let other = try await Fixtures.browser(app, as: world.city.educationOperator.nip)
            #expect(try await other.get(Paths.classEdit(classID)).status == .forbidden)
        }
    }

    @Test("an archived course leaves the catalogue but stays open to its enrolled learners, and to no one else")
    func archivedCourse() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            world.course.status = CourseStatus.archived.rawValue
            try await world.course.save(on: app.db)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            let teacher = try await CourseWorld.browser(app, world.city.teacher.nip)
            let home = try await staff.get(Paths.course(world.courseID))
            #expect(home.status == .ok)
            #expect(home.body.contains("Diarsipkan"))
            #expect(try await staff.get(Paths.lesson(world.first.id!)).status == .ok)
            #expect(try await staff.post(Paths.lessonDone(world.first.id!), form: [:]).status == .seeOther)
            #expect(try await staff.get(Paths.courses).body.contains(world.course.title))
            // Not enrolled: it no longer exists, and cannot be joined.
            #expect(try await teacher.get(Paths.course(world.courseID)).status == .notFound)
            #expect(try await teacher.get(Paths.lesson(world.first.id!)).status == .notFound)
            #expect(try await teacher.post(Paths.courseEnrol(world.courseID), form: [:]).status == .notFound)
            #expect(!(try await teacher.get(Paths.courses).body.contains(world.course.title)))
            #expect(
                try await Enrolment.query(on: app.db).filter(\.$employee.$id == world.city.teacher.id!).count() == 0)
        }
    }
}
