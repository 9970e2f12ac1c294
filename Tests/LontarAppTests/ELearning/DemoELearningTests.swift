import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// The sample question files authors download, and the e-learning part of `lontar demo`.
@Suite("Demo e-learning: sample GIFT and Moodle XML files, demo courses")
struct DemoELearningTests {
    /// The shipped samples, found from this file so the test runs from any checkout.
    static func sample(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources/LontarApp/Resources/Public/static/contoh")
            .appendingPathComponent(name).standardized
        return Array(try Data(contentsOf: url))
    }

    @Test("the sample GIFT file holds 50 questions using every GIFT feature")
    func sampleGIFT() throws {
        let questions = try GIFT.parse(String(decoding: Self.sample("etika-asn.gift"), as: UTF8.self)).get()
        #expect(questions.count == 50)
        #expect(Set(questions.map(\.body.kind)) == Set(QuestionKind.allCases))
        #expect(Set(questions.compactMap(\.category)).count == 7)
        let bodies = questions.map(\.body)
        #expect(bodies.contains { if case .multipleChoice(_, single: false) = $0 { true } else { false } })
        #expect(
            bodies.contains {
                if case .multipleChoice(let options, single: true) = $0 {
                    options.contains { $0.fraction == 0.5 }
                } else {
                    false
                }
            })
        #expect(
            bodies.contains {
                if case .shortAnswer(let answers, _) = $0 {
                    answers.contains { $0.text.text.contains("*") }
                } else {
                    false
                }
            })
        #expect(bodies.contains(.numerical(answers: [NumericalAnswer(value: 37.5, tolerance: 0.5)])))
        // `{#4..6}` is stored as its midpoint with half the width as tolerance.
        #expect(
            bodies.contains {
                if case .numerical(let a) = $0 { a.first?.value == 5 && a.first?.tolerance == 1 } else { false }
            })
        #expect(
            bodies.contains {
                if case .matching(let pairs) = $0 { pairs.contains { $0.prompt.text.isEmpty } } else { false }
            })
        #expect(questions.contains { $0.text.text.contains("_____") })
        #expect(questions.contains { $0.text.format == .markdown })
        #expect(questions.contains { $0.text.format == .html })
        #expect(questions.contains { $0.generalFeedback != nil })
        #expect(
            bodies.contains {
                if case .multipleChoice(let options, _) = $0 { options.contains { $0.feedback != nil } } else { false }
            })
        // Escaped syntax is text: `\:` in a title, `\{ \}` and `\=` in a question, `\~` and `\#` in answers.
        #expect(questions.contains { $0.title == "Rumus IKM: unsur survei" && $0.text.text.contains("IKM = nilai") })
        #expect(questions.contains { $0.text.text.contains("{nama_pelapor}") })
        #expect(
            bodies.contains {
                if case .multipleChoice(let options, _) = $0 {
                    options.contains { $0.text.text.contains("~3 hari") }
                        && options.contains { $0.text.text.contains("#2") }
                } else {
                    false
                }
            })
    }

    @Test("the sample Moodle XML file holds 15 questions of every type in three categories")
    func sampleMoodleXML() throws {
        let questions = try MoodleXML.parse(Self.sample("manajemen-waktu.xml")).get()
        #expect(questions.count == 15)
        #expect(Set(questions.map(\.body.kind)) == Set(QuestionKind.allCases))
        #expect(
            Set(questions.compactMap(\.category)) == [
                "Manajemen Waktu/Prioritas", "Manajemen Waktu/Perencanaan Kerja", "Manajemen Waktu/Kinerja",
            ])
        #expect(questions.contains { if case .multipleChoice(_, single: false) = $0.body { true } else { false } })
    }

    @Test("authors can download the samples")
    func samplesAreServed() async throws {
        try await withLontar { app in
            try await app.testing().test(.GET, "/static/contoh/etika-asn.gift") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("$CATEGORY:"))
            }
            try await app.testing().test(.GET, "/static/contoh/manajemen-waktu.xml") { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("the demo builds the ethics course with learners at every stage, and a second run duplicates nothing")
    func demoCourse() async throws {
        try await withLontar { app in
            _ = try await DemoLoader.load(into: app)
            let counts = try await Self.counts(app)
            _ = try await DemoLoader.load(into: app)
            #expect(try await Self.counts(app) == counts)

            let programme = try #require(
                try await Programme.query(on: app.db).filter(\.$title == "Etika dan Integritas ASN").first())
            #expect(programme.formCode == "NKL03")
            #expect(programme.jp == 10)
            let course = try #require(
                try await Course.query(on: app.db).filter(\.$programme.$id == programme.requireID()).first())
            #expect(course.status == CourseStatus.published.rawValue)
            #expect(course.openEnrolment)
            let outline = try await CourseOutline.load(course.requireID(), publishedOnly: true, on: app.db)
            #expect(outline.sections.count == 3)
            let lessons = outline.lessons
            #expect(Set(lessons.map(\.kind)) == ["text", "link", "file", "quiz"])
            #expect(lessons.contains { $0.requiresPrevious })
            #expect(lessons.contains { !$0.required })
            #expect(lessons.contains { $0.kind == "text" && $0.body.contains("|---|") })

            // The PDF is stored by its checksum and is a PDF.
            let fileLesson = try #require(lessons.first { $0.kind == "file" })
            let file = try #require(try await CourseFile.find(fileLesson.$file.id, on: app.db))
            let stored = try Data(
                contentsOf: URL(fileURLWithPath: app.settings.dataDirectory + "/files/" + file.sha256))
            #expect(stored.count == file.size)
            #expect(stored.starts(with: Array("%PDF-1.4".utf8)))
            #expect(file.sha256.count == 64)

            // The quiz draws ten questions from the bank imported from the sample GIFT file.
            #expect(try await BankQuestion.query(on: app.db).filter(\.$course.$id == course.requireID()).count() == 50)
            let quizLesson = try #require(lessons.first { $0.kind == "quiz" })
            let quiz = try #require(try await Quiz.find(quizLesson.$quiz.id, on: app.db))
            #expect(QuizAttempts.draws(of: quiz).map(\.count).reduce(0, +) == 10)

            // Eight learners; the first has passed the quiz, completed the course and holds the certificate.
            let enrolments = try await Enrolment.query(on: app.db).filter(
                \.$trainingClass.$id == course.$trainingClass.id
            )
            .all()
            #expect(enrolments.count == 8)
            let finished = enrolments.filter(\.completed)
            #expect(finished.count == 1)
            let graduate = try #require(finished.first)
            #expect(
                try await Certificate.query(on: app.db).filter(\.$enrolment.$id == graduate.requireID()).count() == 1)
            let attempt = try #require(
                try await QuizAttempt.query(on: app.db).filter(\.$employee.$id == graduate.$employee.id).first())
            #expect(attempt.passed == true)
            #expect((attempt.percent ?? 0) > 99.99)
            let progressed = try await LessonProgress.query(on: app.db).all(\.$enrolment.$id)
            #expect(Set(progressed).count == 6)

            // The draft course carries the sample Moodle XML bank and unpublished lessons.
            let draft = try #require(
                try await Course.query(on: app.db).filter(\.$title == "Manajemen Waktu dan Prioritas Kerja").first())
            #expect(draft.status == CourseStatus.draft.rawValue)
            #expect(try await BankQuestion.query(on: app.db).filter(\.$course.$id == draft.requireID()).count() == 15)
            #expect(
                try await Lesson.query(on: app.db).filter(\.$course.$id == draft.requireID()).filter(
                    \.$published == false
                ).count() == 2)
        }
    }

    @Test("the right response the demo gives earns full marks for every auto-graded sample question")
    func rightResponses() throws {
        let gift = try GIFT.parse(String(decoding: Self.sample("etika-asn.gift"), as: UTF8.self)).get()
        let xml = try MoodleXML.parse(Self.sample("manajemen-waktu.xml")).get()
        for question in gift + xml where ![.essay, .description].contains(question.body.kind) {
            let response = try #require(DemoELearningLoader.rightResponse(to: question))
            #expect(
                QuestionGrader.grade(question, response).state == .correct, "\(question.title ?? question.text.text)")
        }
    }

    static func counts(_ app: Application) async throws -> [Int] {
        [
            try await Programme.query(on: app.db).count(), try await Course.query(on: app.db).count(),
            try await CourseSection.query(on: app.db).count(), try await Lesson.query(on: app.db).count(),
            try await CourseFile.query(on: app.db).count(), try await BankQuestion.query(on: app.db).count(),
            try await Quiz.query(on: app.db).count(), try await Enrolment.query(on: app.db).count(),
            try await LessonProgress.query(on: app.db).count(), try await QuizAttempt.query(on: app.db).count(),
            try await Certificate.query(on: app.db).count(), try await LedgerEntry.query(on: app.db).count(),
        ]
    }
}
