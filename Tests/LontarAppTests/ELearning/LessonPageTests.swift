import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Lessons: the learner's page")
struct LessonPageTests {
    @Test("a lesson renders its Markdown safely, records the visit and carries the offline hooks, lean")
    func lessonPage() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            world.first.body = """
                # Berorientasi Pelayanan

                Memahami dan **memenuhi** kebutuhan masyarakat.

                <script>alert("x")</script> [klik](javascript:alert(1))
                """
            try await world.first.save(on: app.db)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            let page = try await staff.get(Paths.lesson(world.first.id!))
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Berorientasi Pelayanan</h1>"))
            #expect(page.body.contains("<strong>memenuhi</strong>"))
            #expect(page.body.contains("&lt;script&gt;"))
            #expect(!page.body.contains("<script>alert"))
            #expect(!page.body.contains("javascript:"))
            #expect(!page.body.contains("style=\""))
            #expect(page.body.contains("data-lesson-id=\"\(world.first.id!.uuidString)\""))
            #expect(page.body.contains("data-offline=\"lesson-done\""))
            #expect(page.body.contains("name=\"lessonId\" value=\"\(world.first.id!.uuidString)\""))
            #expect(page.body.contains("action=\"\(Paths.lessonDone(world.first.id!))\""))
            #expect(page.body.contains("rel=\"next\""))
            // Under 30 KB even before compression, so well under it gzipped.
            #expect(page.body.utf8.count < 30_000)
            // The offline copy's prefetch of a page is not the learner opening it.
            let fetched = try await staff.get(Paths.lesson(world.second.id!), headers: ["Purpose": "prefetch"])
            #expect(fetched.status == .ok)
            let rows = try await LessonProgress.query(on: app.db).all()
            #expect(rows.count == 1 && rows.first?.$lesson.id == world.first.id && rows.first?.completedAt == nil)

            let file = try await staff.get(Paths.lesson(world.second.id!))
            #expect(file.body.contains("href=\"\(Paths.courseFile(world.file.id!))\""))
            #expect(file.body.contains("PDF"))
            #expect(file.body.contains("rel=\"prev\""))
        }
    }

    @Test("videos load nothing until asked for; links and link videos open as plain links")
    func videoAndLink() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let video = try await CourseWorld.storedFile(
                app, world.course, bytes: [0, 0, 0, 0x18] + Array("ftypmp42isom-video".utf8), name: "Pembukaan.mp4")
            let uploaded = try await ELearningFixtures.lesson(
                app, world.section, title: "Video Pembukaan", position: 4, kind: .video, file: video)
            let linked = try await ELearningFixtures.lesson(
                app, world.section, title: "Video Wali Kota", position: 5, kind: .video,
                url: "https://www.youtube.com/watch?v=abc")
            let link = try await ELearningFixtures.lesson(
                app, world.section, title: "UU ASN", position: 6, kind: .link, url: "https://peraturan.go.id/uu-20-2023"
            )
            let unsafe = try await ELearningFixtures.lesson(
                app, world.section, title: "Tautan Rusak", position: 7, kind: .link, url: "javascript:alert(1)")
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)

            let videoPage = try await staff.get(Paths.lesson(uploaded.id!)).body
            #expect(videoPage.contains("<details class=\"lesson-video\">"))
            #expect(!videoPage.contains("<details class=\"lesson-video\" open"))
            #expect(videoPage.contains("<video preload=\"none\" controls src=\"\(Paths.courseFile(video.id!))\">"))
            let linkedPage = try await staff.get(Paths.lesson(linked.id!)).body
            #expect(linkedPage.contains("href=\"https://www.youtube.com/watch?v=abc\" rel=\"noopener noreferrer\""))
            #expect(!linkedPage.contains("<iframe") && !linkedPage.contains("<video"))
            let linkPage = try await staff.get(Paths.lesson(link.id!)).body
            #expect(linkPage.contains("href=\"https://peraturan.go.id/uu-20-2023\" rel=\"noopener noreferrer\""))
            #expect(!(try await staff.get(Paths.lesson(unsafe.id!)).body.contains("javascript:")))
        }
    }

    @Test("a locked lesson is refused with a link to the lesson to do first, and cannot be marked done")
    func locked() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            world.second.requiresPrevious = true
            try await world.second.save(on: app.db)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            let home = try await staff.get(Paths.course(world.courseID))
            #expect(home.body.contains("Terkunci"))
            #expect(!home.body.contains("href=\"\(Paths.lesson(world.second.id!))\""))
            let refused = try await staff.get(Paths.lesson(world.second.id!))
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("setelah materi sebelumnya selesai"))
            #expect(refused.body.contains("href=\"\(Paths.lesson(world.first.id!))\""))
            #expect(refused.body.contains("Kerjakan dulu: Nilai Dasar BerAKHLAK"))
            #expect(try await staff.post(Paths.lessonDone(world.second.id!), form: [:]).status == .forbidden)
            #expect(try await LessonProgress.query(on: app.db).count() == 0)

            #expect(try await staff.post(Paths.lessonDone(world.first.id!), form: [:]).status == .seeOther)
            #expect(try await staff.get(Paths.lesson(world.second.id!)).status == .ok)
        }
    }

    @Test("a quiz lesson links to its quiz and is done by passing it, not by the button")
    func quizLesson() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let quiz = try await ELearningFixtures.quiz(app, world.course)
            let lesson = try await ELearningFixtures.lesson(
                app, world.section, title: "Kuis Akhir", position: 4, kind: .quiz, quiz: quiz)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            let page = try await staff.get(Paths.lesson(lesson.id!))
            #expect(page.body.contains("href=\"\(Paths.quiz(quiz.id!))\""))
            #expect(!page.body.contains("data-offline=\"lesson-done\""))
            let refused = try await staff.post(Paths.lessonDone(lesson.id!), form: [:])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("lulus kuisnya"))
            #expect(try await LessonProgress.query(on: app.db).filter(\.$completedAt != nil).count() == 0)
        }
    }
}
