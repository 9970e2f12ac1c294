import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// The e-learning issue's "done when", end to end through the pages and the sync endpoint:
/// an author imports the sample GIFT file (50 questions) and a Moodle XML file, builds a
/// course with text, a PDF and a quiz; a learner works through it, does part of it offline
/// (events queued on the phone and sent later, one of them twice), and completing the course
/// credits JP and issues the certificate once.
@Suite("An e-learning course from question files to certificate")
struct ELearningStoryTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/LontarApp/Resources/Public/static/contoh").standardized

    static func sample(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: samples.appendingPathComponent(name)))
    }

    static let pdf = Array("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)

    /// The answer that earns full marks, from the question itself.
    static func rightResponse(_ question: Question) -> QuestionResponse? {
        switch question.body {
        case .multipleChoice(let options, _):
            return .choices(Set(options.indices.filter { options[$0].fraction > 0 }))
        case .trueFalse(let answer, _, _):
            return .boolean(answer)
        case .shortAnswer(let answers, _):
            return answers.first { $0.fraction >= 1 }.map {
                .text($0.text.text.replacingOccurrences(of: "*", with: "x"))
            }
        case .numerical(let answers):
            return answers.first { $0.fraction >= 1 }.map { .number(String($0.value)) }
        case .matching(let pairs):
            return .matches(Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($0.offset, $0.element.answer) }))
        case .essay, .description:
            return nil
        }
    }

    struct SyncResults: Decodable {
        struct Result: Decodable {
            let id: String
            let status: String
        }
        let results: [Result]
    }

    /// What learn.js does when the connection returns: the queued events, with the session
    /// cookie and the CSRF header.
    func sync(_ app: Application, _ browser: Browser, _ events: [[String: Any]]) async throws -> SyncResults {
        let body = try JSONSerialization.data(withJSONObject: ["events": events])
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let cookie = browser.cookie { headers.add(name: .cookie, value: "lontar_session=\(cookie)") }
        if let token = browser.csrf { headers.add(name: "X-CSRF-Token", value: token) }
        var results: SyncResults?
        try await app.testing().test(
            .POST, String(Paths.learningSync.dropFirst()), headers: headers, body: ByteBuffer(data: body)
        ) { res in
            #expect(res.status == .ok)
            results = try? JSONDecoder().decode(SyncResults.self, from: Data(res.body.string.utf8))
        }
        return try #require(results)
    }

    @Test("the whole story")
    func story() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(
                app, title: "Etika dan Integritas ASN", formCode: "NKL03", jp: 10)
            let author = try await Fixtures.browser(app, as: "admin", password: adminPassword)

            // The author creates the course and its one section.
            let created = try await author.post(
                Paths.courseNew(programme: programme.requireID()),
                form: ["title": "Etika dan Integritas ASN", "summary": "Kursus mandiri", "open_enrolment": "on"])
            #expect(created.status == .seeOther)
            let course = try #require(try await Course.query(on: app.db).first())
            let courseID = try course.requireID()
            #expect(
                try await author.post(Paths.courseSections(courseID), form: ["title": "Materi"]).status == .seeOther)
            let section = try #require(try await CourseSection.query(on: app.db).first())

            // Imports: the 50-question GIFT sample, then a Moodle XML file.
            let gift = try await author.postForm(
                Paths.questionImport(courseID), fields: ["format": "gift"], file: Self.sample("etika-asn.gift"),
                filename: "etika-asn.gift", field: "file")
            #expect(gift.status == .seeOther)
            #expect(try await BankQuestion.query(on: app.db).count() == 50)
            let xml = try await author.postForm(
                Paths.questionImport(courseID), fields: ["format": "moodlexml"],
                file: Self.sample("manajemen-waktu.xml"), filename: "manajemen-waktu.xml", field: "file")
            #expect(xml.status == .seeOther)
            let bank = try await BankQuestion.query(on: app.db).all()
            #expect(bank.count > 50)

            // A quiz drawing five auto-graded questions from one category.
            let pool = Dictionary(
                grouping: bank.filter { !["essay", "description"].contains($0.kind) }, by: \.category)
            let withEssays = Set(bank.filter { $0.kind == "essay" }.map(\.category))
            let category = try #require(
                pool.filter { $0.value.count >= 5 && !withEssays.contains($0.key) }.keys.sorted().first)
            let quizPage = try await author.post(
                Paths.quizNew(courseID),
                form: [
                    "title": "Kuis Etika", "intro": "Lima soal.", "pass_mark": "80", "time_limit": "30",
                    "drawcat.0": category, "draw.0": "5",
                ])
            #expect(quizPage.status == .seeOther)
            let quiz = try #require(try await Quiz.query(on: app.db).first())

            // The PDF, then three lessons: text, the PDF, the quiz; all published and required.
            let upload = try await author.postForm(
                Paths.courseFiles(courseID), fields: [:], file: Self.pdf, filename: "Modul Etika.pdf", field: "file")
            #expect(upload.status == .seeOther)
            let file = try #require(try await CourseFile.query(on: app.db).first())
            let lessons: [[String: String]] = [
                ["kind": "text", "title": "Nilai dasar BerAKHLAK", "body": "**BerAKHLAK**: Berorientasi Pelayanan."],
                ["kind": "file", "title": "Modul Etika", "body": "Unduh modul.", "file": file.id!.uuidString],
                ["kind": "quiz", "title": "Kuis Etika", "body": "", "quiz": quiz.id!.uuidString],
            ]
            for lesson in lessons {
                var form = lesson
                form["section"] = section.id!.uuidString
                form["minutes"] = "10"
                form["required"] = "on"
                form["published"] = "on"
                #expect(try await author.post(Paths.courseLessonNew(courseID), form: form).status == .seeOther)
            }
            let ordered = try await Lesson.query(on: app.db).sort(\.$position).all()
            #expect(ordered.map(\.kind) == ["text", "file", "quiz"])
            #expect(
                try await author.post(Paths.coursePublish(courseID), form: ["status": "published"]).status == .seeOther)

            // The learner joins on their phone and reads the first lesson online.
            let learner = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await learner.post(Paths.courseEnrol(courseID), form: [:]).status == .seeOther)
            let first = try await learner.get(Paths.lesson(ordered[0].requireID()))
            #expect(first.status == .ok)
            #expect(first.body.contains("<strong>BerAKHLAK</strong>"))
            #expect(try await learner.post(Paths.lessonDone(ordered[0].requireID()), form: [:]).status == .seeOther)

            // Offline: the phone queued "module read" and the quiz answers; they arrive later,
            // and the first send's reply was lost, so the same batch comes twice.
            let quizStart = try await learner.post(Paths.quizStart(quiz.requireID()), form: [:])
            #expect(quizStart.status == .seeOther)
            let attempt = try #require(try await QuizAttempt.query(on: app.db).first())
            let state = try QuizAttempts.state(of: attempt)
            let questions = try await QuizAttempts.questions(ids: state.slots.map(\.questionID), on: app.db)
            var events: [[String: Any]] = [
                ["id": UUID().uuidString, "type": "lessonDone", "lessonId": ordered[1].id!.uuidString]
            ]
            for slot in state.slots {
                let question = try #require(questions[slot.questionID])
                let response = try #require(Self.rightResponse(question))
                let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(response))
                events.append([
                    "id": UUID().uuidString, "type": "answer", "attemptId": attempt.id!.uuidString,
                    "questionId": slot.questionID, "response": json,
                ])
            }
            events.append(["id": UUID().uuidString, "type": "finish", "attemptId": attempt.id!.uuidString])
            let firstSend = try await sync(app, learner, events)
            #expect(firstSend.results.map(\.status) == Array(repeating: "applied", count: events.count))
            let resend = try await sync(app, learner, events)
            #expect(resend.results.map(\.status) == Array(repeating: "duplicate", count: events.count))

            // Passing the quiz completed the last lesson and the course: JP and one certificate.
            let finished = try #require(try await QuizAttempt.find(attempt.requireID(), on: app.db))
            #expect(finished.passed == true)
            let ledger = try await LedgerEntry.query(on: app.db).filter(\.$employee.$id == city.staff.requireID()).all()
            #expect(ledger.count == 1)
            #expect(ledger.first?.jp == 10)
            #expect(ledger.first?.source == "course")
            #expect(try await Certificate.query(on: app.db).count() == 1)
            let home = try await learner.get(Paths.course(courseID))
            let certificate = try #require(try await Certificate.query(on: app.db).first())
            #expect(home.body.contains(Paths.certificate(try certificate.requireID())))
            let progressRows = try await LessonProgress.query(on: app.db).all()
            #expect(progressRows.count == 3)
            #expect(progressRows.allSatisfy { $0.completedAt != nil })
        }
    }
}
