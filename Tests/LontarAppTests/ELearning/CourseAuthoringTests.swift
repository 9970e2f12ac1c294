import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Courses: authoring")
struct CourseAuthoringTests {
    static func lessonForm(
        _ section: CourseSection, kind: String = "text", title: String = "Materi Baru", url: String = "",
        file: String = "", quiz: String = "", published: Bool = true, minutes: String = "15"
    ) -> [String: String] {
        var form = [
            "section": section.id!.uuidString, "kind": kind, "title": title, "body": "Isi **materi**.", "url": url,
            "file": file, "quiz": quiz, "minutes": minutes, "required": "1",
        ]
        if published { form["published"] = "1" }
        return form
    }

    static func order(_ app: Application, _ section: CourseSection) async throws -> [String] {
        try await Lesson.query(on: app.db).filter(\.$section.$id == section.requireID()).sort(\.$position).all()
            .map(\.title)
    }

    @Test("a programme's manager creates a course from the programme page; a bad title names the problem")
    func createFromProgramme() async throws {
        try await withCourses { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(
                app, title: "Literasi Digital", formCode: "NKL03", jp: 8, organiser: city.health)
            let manager = try await CourseWorld.browser(app, city.healthOperator.nip)
            let page = try await manager.get(Paths.programme(programme.id!))
            #expect(page.body.contains(Paths.courseNew(programme: programme.id!)))

            let bad = try await manager.post(Paths.courseNew(programme: programme.id!), form: ["title": "  "])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Judul kursus wajib diisi"))
            #expect(try await Course.query(on: app.db).count() == 0)

            let created = try await manager.post(
                Paths.courseNew(programme: programme.id!),
                form: [
                    "title": "Literasi Digital untuk ASN", "summary": "Dasar keamanan siber.", "open_enrolment": "1",
                ])
            #expect(created.status == .seeOther)
            let course = try #require(try await Course.query(on: app.db).first())
            #expect(created.location == Paths.courseEdit(course.id!))
            #expect(course.status == "draft" && course.openEnrolment && course.revision == 1)
            let onlineClass = try #require(try await TrainingClass.find(course.$trainingClass.id, on: app.db))
            #expect(onlineClass.status == CourseEnrolments.onlineClassStatus)

            // The programme page lists the course, never its class as a classroom class to apply to.
            let after = try await manager.get(Paths.programme(programme.id!))
            #expect(after.body.contains(Paths.course(course.id!)))
            #expect(!after.body.contains(Paths.trainingClass(onlineClass.id!)))
            #expect(!after.body.contains(Paths.classApply(onlineClass.id!)))
            let teacher = try await CourseWorld.browser(app, city.teacher.nip)
            #expect(
                !(try await teacher.get(Paths.programme(programme.id!)).body.contains("Literasi Digital untuk ASN")))
            // "My training" links to the class; the class address leads to the course.
            let redirect = try await manager.get(Paths.trainingClass(onlineClass.id!))
            #expect(redirect.status == .seeOther && redirect.location == Paths.course(course.id!))
        }
    }

    @Test("publishing needs a published lesson, and the refusal says so; every change bumps the revision")
    func publishing() async throws {
        try await withCourses { app in
            let city = try await Fixtures.city(app)
            let (_, course) = try await ELearningFixtures.course(app, organiser: city.health, status: .draft)
            let id = course.id!
            let manager = try await CourseWorld.browser(app, city.healthOperator.nip)
            let refused = try await manager.post(Paths.coursePublish(id), form: ["status": "published"])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("belum ada materi yang diterbitkan"))
            #expect(try await Course.find(id, on: app.db)?.status == "draft")

            #expect(try await manager.post(Paths.courseSections(id), form: ["title": "Pengantar"]).status == .seeOther)
            let section = try #require(try await CourseSection.query(on: app.db).first())
            let draftLesson = try await manager.post(
                Paths.courseLessonNew(id), form: Self.lessonForm(section, published: false))
            #expect(draftLesson.status == .seeOther)
            #expect(try await manager.post(Paths.coursePublish(id), form: ["status": "published"]).status == .conflict)
            let lesson = try #require(try await Lesson.query(on: app.db).first())
            #expect(
                try await manager.post(Paths.lessonEdit(lesson.id!), form: Self.lessonForm(section)).status
                    == .seeOther)
            let revision = try await CourseWorld.revision(app, id)
            #expect(revision == 4)
            #expect(try await manager.post(Paths.coursePublish(id), form: ["status": "published"]).status == .seeOther)
            #expect(try await Course.find(id, on: app.db)?.status == "published")
            #expect(try await manager.post(Paths.coursePublish(id), form: ["status": "archived"]).status == .seeOther)
            #expect(try await Course.find(id, on: app.db)?.status == "archived")
            #expect(try await CourseWorld.revision(app, id) == revision + 2)
            let unknown = try await manager.post(Paths.coursePublish(id), form: ["status": "deleted"])
            #expect(unknown.status == .unprocessableEntity)

            let details = try await manager.post(
                Paths.courseEdit(id), form: ["title": "Etika Baru", "summary": "Ringkas."])
            #expect(details.status == .seeOther)
            let saved = try #require(try await Course.find(id, on: app.db))
            #expect(saved.title == "Etika Baru" && !saved.openEnrolment && saved.revision == revision + 3)
            #expect(try await TrainingClass.find(saved.$trainingClass.id, on: app.db)?.name == "Etika Baru")
            let tooLong = try await manager.post(
                Paths.courseEdit(id), form: ["title": String(repeating: "x", count: 201)])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.body.contains("paling banyak 200 karakter"))
            #expect(try await Course.find(id, on: app.db)?.title == "Etika Baru")
        }
    }

    @Test("sections are added, renamed, moved and deleted only when empty")
    func sections() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let id = world.courseID
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            for title in ["Bagian Dua", "Bagian Tiga"] {
                #expect(try await author.post(Paths.courseSections(id), form: ["title": title]).status == .seeOther)
            }
            let empty = try await author.post(Paths.courseSections(id), form: ["title": " "])
            #expect(empty.status == .unprocessableEntity && empty.body.contains("Nama bagian wajib diisi"))
            func titles() async throws -> [String] {
                try await CourseSection.query(on: app.db).filter(\.$course.$id == id).sort(\.$position).all()
                    .map(\.title)
            }
            #expect(try await titles() == ["Bagian 1", "Bagian Dua", "Bagian Tiga"])
            let third = try #require(
                try await CourseSection.query(on: app.db).filter(\.$title == "Bagian Tiga").first())
            #expect(try await author.post(Paths.sectionMove(third.id!), form: ["direction": "up"]).status == .seeOther)
            #expect(try await author.post(Paths.sectionMove(third.id!), form: ["direction": "up"]).status == .seeOther)
            #expect(try await author.post(Paths.sectionMove(third.id!), form: ["direction": "up"]).status == .seeOther)
            #expect(try await titles() == ["Bagian Tiga", "Bagian 1", "Bagian Dua"])
            let positions = try await CourseSection.query(on: app.db).filter(\.$course.$id == id).sort(\.$position)
                .all().map(\.position)
            #expect(positions == [1, 2, 3])
            #expect(
                try await author.post(Paths.section(third.id!), form: ["title": "Penutup"]).status == .seeOther)
            #expect(try await titles() == ["Penutup", "Bagian 1", "Bagian Dua"])
            let full = try await author.post(Paths.section(world.section.id!), form: ["action": "delete"])
            #expect(full.status == .conflict && full.body.contains("masih berisi materi"))
            #expect(try await author.post(Paths.section(third.id!), form: ["action": "delete"]).status == .seeOther)
            #expect(try await titles() == ["Bagian 1", "Bagian Dua"])
            #expect(
                try await author.post(Paths.sectionMove(world.section.id!), form: ["direction": "x"]).status
                    == .unprocessableEntity)
        }
    }

    @Test("lesson input is checked: https only, the kind's content required, files and quizzes of this course only")
    func lessonValidation() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let id = world.courseID
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            let (_, other) = try await ELearningFixtures.course(app, title: "Kursus Lain")
            let foreignFile = try await CourseWorld.storedFile(
                app, other, bytes: Array("%PDF-1.7 lain".utf8), name: "lain.pdf")
            let foreignQuiz = try await ELearningFixtures.quiz(app, other)
            let before = try await CourseWorld.revision(app, id)
            let cases: [([String: String], String)] = [
                (Self.lessonForm(world.section, kind: "link", url: "javascript:alert(1)"), "harus diawali https://"),
                (
                    Self.lessonForm(world.section, kind: "link", url: "http://kupangkota.go.id"),
                    "harus diawali https://"
                ),
                (Self.lessonForm(world.section, kind: "link"), "memerlukan alamat https://"),
                (Self.lessonForm(world.section, kind: "video"), "alamat video https:// atau berkas"),
                (
                    Self.lessonForm(world.section, kind: "video", file: world.file.id!.uuidString),
                    "hanya dapat memakai berkas MP4"
                ),
                (Self.lessonForm(world.section, kind: "file"), "memerlukan berkas kursus"),
                (
                    Self.lessonForm(world.section, kind: "file", file: foreignFile.id!.uuidString),
                    "bukan berkas kursus ini"
                ),
                (Self.lessonForm(world.section, kind: "quiz"), "memerlukan kuis"),
                (
                    Self.lessonForm(world.section, kind: "quiz", quiz: foreignQuiz.id!.uuidString),
                    "bukan kuis kursus ini"
                ),
                (Self.lessonForm(world.section, title: ""), "Judul materi wajib diisi"),
                (Self.lessonForm(world.section, minutes: "lama"), "bilangan bulat 0 sampai 600"),
                (Self.lessonForm(world.section, kind: "podcast"), "Pilih jenis materi"),
            ]
            for (form, message) in cases {
                let page = try await author.post(Paths.courseLessonNew(id), form: form)
                #expect(page.status == .unprocessableEntity, "\(form)")
                #expect(page.body.contains(message), "\(message)")
            }
            var otherSection = Self.lessonForm(world.section)
            otherSection["section"] = UUID().uuidString
            #expect(try await author.post(Paths.courseLessonNew(id), form: otherSection).status == .unprocessableEntity)
            #expect(try await Lesson.query(on: app.db).filter(\.$course.$id == id).count() == 3)
            #expect(try await CourseWorld.revision(app, id) == before)

            let link = try await author.post(
                Paths.courseLessonNew(id),
                form: Self.lessonForm(
                    world.section, kind: "link", title: "Portal SIASN", url: "https://siasn.bkn.go.id"))
            #expect(link.status == .seeOther)
            let saved = try #require(try await Lesson.query(on: app.db).filter(\.$title == "Portal SIASN").first())
            #expect(saved.url == "https://siasn.bkn.go.id" && saved.position == 4 && saved.minutes == 15)
            #expect(try await CourseWorld.revision(app, id) == before + 1)
            let quiz = try await ELearningFixtures.quiz(app, world.course)
            let quizLesson = try await author.post(
                Paths.lessonEdit(saved.id!),
                form: Self.lessonForm(
                    world.section, kind: "quiz", title: "Kuis", url: "https://x.y", quiz: quiz.id!.uuidString))
            #expect(quizLesson.status == .seeOther)
            let edited = try #require(try await Lesson.find(saved.id!, on: app.db))
            #expect(edited.kind == "quiz" && edited.$quiz.id == quiz.id && edited.url == "")
        }
    }

    @Test("lessons move up, down and into another section; the order stays 1…n")
    func lessonMoves() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            #expect(
                try await Self.order(app, world.section) == ["Nilai Dasar BerAKHLAK", "Modul Etika", "Materi Draf"])
            #expect(
                try await author.post(Paths.lessonMove(world.draft.id!), form: ["direction": "up"]).status == .seeOther)
            #expect(
                try await Self.order(app, world.section) == ["Nilai Dasar BerAKHLAK", "Materi Draf", "Modul Etika"])
            #expect(
                try await author.post(Paths.lessonMove(world.first.id!), form: ["direction": "up"]).status == .seeOther)
            #expect(
                try await Self.order(app, world.section) == ["Nilai Dasar BerAKHLAK", "Materi Draf", "Modul Etika"])
            let second = try await ELearningFixtures.section(app, world.course, title: "Bagian 2", position: 2)
            try await ELearningFixtures.lesson(app, second, title: "Penutup", position: 1)
            let moved = try await author.post(
                Paths.lessonMove(world.first.id!), form: ["section": second.id!.uuidString])
            #expect(moved.status == .seeOther)
            #expect(try await Self.order(app, world.section) == ["Materi Draf", "Modul Etika"])
            #expect(try await Self.order(app, second) == ["Penutup", "Nilai Dasar BerAKHLAK"])
            let positions = try await Lesson.query(on: app.db).filter(\.$section.$id == world.section.id!)
                .sort(\.$position).all().map(\.position)
            #expect(positions == [1, 2])
            let outline = try await CourseOutline.load(world.courseID, publishedOnly: false, on: app.db)
            #expect(outline.lessons.map(\.title) == ["Materi Draf", "Modul Etika", "Penutup", "Nilai Dasar BerAKHLAK"])
            let (_, other) = try await ELearningFixtures.course(app, title: "Kursus Lain")
            let foreign = try await ELearningFixtures.section(app, other)
            let refused = try await author.post(
                Paths.lessonMove(world.first.id!), form: ["section": foreign.id!.uuidString])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Self.order(app, foreign).isEmpty)
        }
    }

    @Test("only the programme's managers change the authors; added facilitators write, removed ones no longer do")
    func authors() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let id = world.courseID
            let manager = try await CourseWorld.browser(app, world.city.healthOperator.nip)
            let other = try await CourseWorld.browser(app, "fasil-lain")
            #expect(try await other.get(Paths.courseEdit(id)).status == .forbidden)
            let staffAccount = try await manager.post(
                Paths.courseAuthors(id), form: ["action": "add", "username": world.city.staff.nip])
            #expect(staffAccount.status == .unprocessableEntity)
            #expect(staffAccount.body.contains("bukan fasilitator atau mitra"))
            let nobody = try await manager.post(
                Paths.courseAuthors(id), form: ["action": "add", "username": "tidak-ada"])
            #expect(nobody.status == .unprocessableEntity && nobody.body.contains("Tidak ada akun"))
            #expect(
                try await manager.post(Paths.courseAuthors(id), form: ["action": "add", "username": "fasil-lain"])
                    .status
                    == .seeOther)
            #expect(
                try await manager.post(Paths.courseAuthors(id), form: ["action": "add", "username": "fasil-lain"])
                    .status
                    == .seeOther)
            #expect(try await CourseAuthor.query(on: app.db).count() == 2)
            #expect(try await other.get(Paths.courseEdit(id)).status == .ok)
            #expect(try await other.get(Paths.courseEdit(id)).body.contains("Materi Draf"))
            let account = try #require(
                try await UserAccount.query(on: app.db).filter(\.$username == "fasil-lain").first())
            #expect(
                try await manager.post(
                    Paths.courseAuthors(id), form: ["action": "remove", "user": account.id!.uuidString]
                )
                .status == .seeOther)
            #expect(try await other.get(Paths.courseEdit(id)).status == .forbidden)
            #expect(try await CourseAuthor.query(on: app.db).count() == 1)
        }
    }

    @Test("the preview shows a draft lesson as learners would see it, and records nothing")
    func preview() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            world.draft.body = "## Rangkuman\n\n<script>alert(1)</script>"
            try await world.draft.save(on: app.db)
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            let page = try await author.get(Paths.lessonPreview(world.draft.id!))
            #expect(page.status == .ok)
            #expect(page.body.contains("<h2>Rangkuman</h2>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.body.contains("Pratinjau"))
            #expect(!page.body.contains("data-offline=\"lesson-done\""))
            // An author who is not enrolled and opens the learner's address is shown the preview.
            let redirected = try await author.get(Paths.lesson(world.first.id!))
            #expect(redirected.status == .seeOther && redirected.location == Paths.lessonPreview(world.first.id!))
            #expect(try await LessonProgress.query(on: app.db).count() == 0)
            let edit = try await author.get(Paths.courseEdit(world.courseID))
            #expect(edit.body.contains(Paths.lessonPreview(world.draft.id!)))
            #expect(edit.body.contains(Paths.questionBank(world.courseID)))
        }
    }
}
