import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Courses: learning, progress, completion, assignment")
struct CourseLearningTests {
    @Test("an open course is joined by a tap; a closed one refuses self-enrolment")
    func selfEnrolment() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let teacher = try await CourseWorld.browser(app, world.city.teacher.nip)
            let home = try await teacher.get(Paths.course(world.courseID))
            #expect(home.body.contains("action=\"\(Paths.courseEnrol(world.courseID))\""))
            let joined = try await teacher.post(Paths.courseEnrol(world.courseID), form: [:])
            #expect(joined.status == .seeOther)
            #expect(try await teacher.get(Paths.lesson(world.first.id!)).status == .ok)
            #expect(try await teacher.post(Paths.courseEnrol(world.courseID), form: [:]).status == .seeOther)
            let enrolments = try await Enrolment.query(on: app.db).filter(
                \.$trainingClass.$id == world.course.$trainingClass.id
            )
            .filter(\.$employee.$id == world.city.teacher.id!).all()
            #expect(enrolments.count == 1 && enrolments.first?.approval == "approved")

            let (_, closed) = try await ELearningFixtures.course(app, title: "Kursus Tertutup", openEnrolment: false)
            let closedHome = try await teacher.get(Paths.course(closed.id!))
            #expect(closedHome.status == .ok)
            #expect(!closedHome.body.contains(Paths.courseEnrol(closed.id!)))
            #expect(closedHome.body.contains("ditugaskan oleh operator"))
            let refused = try await teacher.post(Paths.courseEnrol(closed.id!), form: [:])
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("tidak terbuka untuk pendaftaran mandiri"))
            #expect(
                try await Enrolment.query(on: app.db).filter(\.$trainingClass.$id == closed.$trainingClass.id).count()
                    == 0)
            // An account without an employee record (a facilitator) has nobody to enrol.
            let facilitator = try await CourseWorld.browser(app, "fasil-lain")
            #expect(try await facilitator.post(Paths.courseEnrol(world.courseID), form: [:]).status == .forbidden)
        }
    }

    @Test("progress and resume: the home page shows the bar, and 'continue' goes to the lesson last opened")
    func progressAndResume() async throws {
        let clock = TestClock()
        try await withCourses(clock: clock) { app in
            let world = try await CourseWorld.make(app)
            let third = try await ELearningFixtures.lesson(app, world.section, title: "Penutup", position: 4)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            let fresh = try await staff.get(Paths.course(world.courseID))
            #expect(fresh.body.contains("data-course-id=\"\(world.courseID.uuidString)\""))
            #expect(
                fresh.body.contains(
                    "<div id=\"offline-control\" class=\"offline-control\" data-course-id=\"\(world.courseID.uuidString)\"></div>"
                ))
            #expect(fresh.body.contains("<progress class=\"course-progress\" max=\"100\" value=\"0\">"))
            #expect(fresh.body.contains("Mulai belajar"))
            #expect(fresh.body.contains("<a class=\"button\" href=\"\(Paths.lesson(world.first.id!))\">"))

            #expect(
                try await staff.post(Paths.lessonDone(world.first.id!), form: [:]).location
                    == Paths.lesson(world.second.id!))
            clock.advance(60)
            _ = try await staff.get(Paths.lesson(third.id!))
            clock.advance(60)
            _ = try await staff.get(Paths.lesson(world.second.id!))
            clock.advance(60)
            _ = try await staff.get(Paths.lesson(third.id!))
            let home = try await staff.get(Paths.course(world.courseID))
            #expect(home.body.contains("value=\"33\""))
            #expect(home.body.contains("1 dari 3 materi selesai"))
            #expect(home.body.contains("Lanjutkan belajar"))
            #expect(home.body.contains("<a class=\"button\" href=\"\(Paths.lesson(third.id!))\">"))
            #expect(home.body.contains("Sedang dipelajari"))
            let list = try await staff.get(Paths.courses)
            #expect(list.body.contains("value=\"33\""))
            #expect(list.body.contains(world.course.title))
        }
    }

    @Test("'done' moves to the next lesson; the last one completes the course: one certificate, one JP line")
    func completion() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            let first = try await staff.post(Paths.lessonDone(world.first.id!), form: [:])
            #expect(first.location == Paths.lesson(world.second.id!))
            #expect(try await Certificate.query(on: app.db).count() == 0)
            let last = try await staff.post(Paths.lessonDone(world.second.id!), form: [:])
            #expect(last.location == Paths.course(world.courseID))
            let home = try await staff.get(Paths.course(world.courseID))
            #expect(home.body.contains("sertifikat sudah terbit"))
            let certificate = try #require(try await Certificate.query(on: app.db).first())
            #expect(home.body.contains(Paths.certificate(certificate.id!)))
            #expect(certificate.jp == 10)
            // Pressing "done" again (a second tab, a resend) changes nothing.
            _ = try await staff.post(Paths.lessonDone(world.second.id!), form: [:])
            _ = try await staff.post(Paths.lessonDone(world.first.id!), form: [:])
            #expect(try await Certificate.query(on: app.db).count() == 1)
            let ledger = try await LedgerEntry.query(on: app.db).filter(\.$employee.$id == world.city.staff.id!).all()
            #expect(ledger.count == 1 && ledger.first?.jp == 10 && ledger.first?.source == "course")
            #expect(try await Enrolment.find(world.enrolment.id!, on: app.db)?.completed == true)
            let list = try await staff.get(Paths.courses)
            #expect(list.body.contains("value=\"100\""))
        }
    }

    @Test("two 'done' requests for the last two lessons at once give exactly one certificate and one ledger line")
    func concurrentCompletion() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let phone = try await CourseWorld.browser(app, world.city.staff.nip)
            let laptop = try await CourseWorld.browser(app, world.city.staff.nip)
            async let a = phone.post(Paths.lessonDone(world.first.id!), form: [:])
            async let b = laptop.post(Paths.lessonDone(world.second.id!), form: [:])
            let (first, second) = try await (a, b)
            #expect(first.status == .seeOther && second.status == .seeOther)
            #expect(try await Certificate.query(on: app.db).count() == 1)
            #expect(
                try await LedgerEntry.query(on: app.db).filter(\.$employee.$id == world.city.staff.id!).count() == 1)
            #expect(try await LessonProgress.query(on: app.db).filter(\.$completedAt != nil).count() == 2)
            #expect(try await Enrolment.find(world.enrolment.id!, on: app.db)?.completed == true)
        }
    }

    @Test("assigning by NIP says what happened to each; an operator assigns only their own OPD's staff")
    func assignment() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let gone = try await Fixtures.employee(app, 9, agency: world.city.health, name: "Pegawai Pensiun")
            gone.active = false
            try await gone.save(on: app.db)
            let newcomer = try await Fixtures.employee(app, 10, agency: world.city.health, name: "Pegawai Baru")
            let admin = try await CourseWorld.browser(app, "admin")
            let text =
                [
                    world.city.staff.nip, "\(newcomer.nip.prefix(8)) \(newcomer.nip.dropFirst(8))",
                    "198001012000011999", gone.nip, world.city.teacher.nip,
                ].joined(separator: "\n") + ", " + newcomer.nip
            let page = try await admin.post(Paths.courseAssign(world.courseID), form: ["nips": text])
            #expect(page.status == .ok)
            let rows = page.body.components(separatedBy: "<tr>").dropFirst(2)
            #expect(rows.count == 5)
            let outcome: (String) -> String? = { nip in rows.first { $0.contains(nip) } }
            #expect(outcome(world.city.staff.nip)?.contains("Sudah terdaftar") == true)
            #expect(outcome(newcomer.nip)?.contains(">Terdaftar<") == true)
            #expect(outcome("198001012000011999")?.contains("NIP tidak dikenal") == true)
            #expect(outcome(gone.nip)?.contains("Pegawai tidak aktif") == true)
            #expect(outcome(world.city.teacher.nip)?.contains(">Terdaftar<") == true)
            let enrolled = try await Enrolment.query(on: app.db).filter(
                \.$trainingClass.$id == world.course.$trainingClass.id
            )
            .all()
            #expect(enrolled.count == 3)
            #expect(enrolled.first { $0.$employee.id == newcomer.id }?.nominatedBy != nil)

            let manager = try await CourseWorld.browser(app, world.city.healthOperator.nip)
            let other = try await Fixtures.employee(app, 11, agency: world.city.education, name: "Guru Bahasa")
            let scoped = try await manager.post(
                Paths.courseAssign(world.courseID), form: ["nips": "\(other.nip)\n\(world.city.supervisor.nip)"])
            #expect(scoped.body.contains("Bukan pegawai OPD Anda"))
            #expect(scoped.body.contains("pegawai Dinas Kesehatan saja"))
            #expect(try await Enrolment.query(on: app.db).filter(\.$employee.$id == other.id!).count() == 0)
            #expect(
                try await Enrolment.query(on: app.db).filter(\.$employee.$id == world.city.supervisor.id!).count() == 1)

            let empty = try await manager.post(Paths.courseAssign(world.courseID), form: ["nips": " , \n"])
            #expect(empty.status == .unprocessableEntity && empty.body.contains("paling sedikit satu NIP"))
            let (_, draft) = try await ELearningFixtures.course(app, organiser: world.city.health, status: .draft)
            let unpublished = try await manager.post(Paths.courseAssign(draft.id!), form: ["nips": other.nip])
            #expect(unpublished.status == .conflict)
            #expect(CourseLearnersController.parse("1, 2;3\n 4 5 \n1") == ["1", "2", "3", "45"])
        }
    }

    @Test("the learner list shows each learner's progress, a page at a time")
    func learnerList() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            _ = try await staff.post(Paths.lessonDone(world.first.id!), form: [:])
            for n in 20..<24 {
                let person = try await Fixtures.employee(app, n, agency: world.city.health, name: "Peserta \(n)")
                try await CourseEnrolments.enrol(
                    employeeID: person.requireID(), in: world.course, assignedBy: nil, now: app.clock.now(), on: app.db)
            }
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            let page = try await author.get(Paths.courseLearners(world.courseID) + "?per=3")
            #expect(page.status == .ok)
            #expect(page.body.contains("Halaman 1 dari 2"))
            #expect(page.body.contains("rel=\"next\""))
            #expect(page.body.contains("<span class=\"off\" aria-hidden=\"true\">← Sebelumnya</span>"))
            #expect(page.body.contains("Peserta 20") && !page.body.contains("Staf Kesehatan"))
            let next = try await author.get(Paths.courseLearners(world.courseID) + "?per=3&page=2")
            #expect(next.body.contains("Staf Kesehatan"))
            #expect(next.body.contains("1 dari 2 materi selesai"))
            #expect(next.body.contains("value=\"50\""))
        }
    }

    @Test("the course list: my courses with progress, open courses to join, and authors' drafts marked")
    func courseList() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let (_, other) = try await ELearningFixtures.course(app, title: "Manajemen Waktu")
            let (_, draft) = try await ELearningFixtures.course(
                app, title: "Draf Kepemimpinan", organiser: world.city.health, status: .draft)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            let mine = try await staff.get(Paths.courses)
            #expect(mine.body.contains("Kursus saya"))
            #expect(mine.body.contains(Paths.course(other.id!)))
            #expect(!mine.body.contains("Draf Kepemimpinan"))
            #expect(mine.body.contains("nav") && mine.body.contains(">Kursus</a>"))
            let manager = try await CourseWorld.browser(app, world.city.healthOperator.nip)
            let writing = try await manager.get(Paths.courses)
            #expect(writing.body.contains("Kursus yang saya tulis"))
            #expect(writing.body.contains(Paths.courseEdit(draft.id!)))
            #expect(writing.body.contains("Draf"))
            #expect(!writing.body.contains(Paths.courseEdit(other.id!)))
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            let authored = try await author.get(Paths.courses)
            #expect(authored.body.contains(Paths.courseEdit(world.courseID)))
            #expect(!authored.body.contains(Paths.courseEdit(draft.id!)))
        }
    }
}
