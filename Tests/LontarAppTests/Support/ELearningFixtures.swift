import Fluent
import Foundation
import LontarCore
import VaporTesting

@testable import LontarApp

/// Builders for e-learning data: an NKL03 programme with a course, sections, lessons, a
/// question bank and quizzes, written directly to the database.
enum ELearningFixtures {
    /// An e-learning programme (NKL03, 10 JP) and a course in it, published unless told.
    static func course(
        _ app: Application, title: String = "Etika dan Integritas ASN", jp: Double = 10, organiser: Agency? = nil,
        status: CourseStatus = .published, openEnrolment: Bool = true
    ) async throws -> (Programme, Course) {
        let programme = try await TrainingFixtures.programme(
            app, title: title, formCode: "NKL03", jp: jp, organiser: organiser)
        let course = try await CourseEnrolments.create(
            title: title, summary: "Kursus mandiri tentang \(title)", openEnrolment: openEnrolment,
            programme: programme, by: UUID(), on: app.db)
        course.status = status.rawValue
        try await course.save(on: app.db)
        return (programme, course)
    }

    @discardableResult
    static func section(
        _ app: Application, _ course: Course, title: String = "Bagian 1", position: Int = 1
    )
        async throws -> CourseSection
    {
        let section = CourseSection()
        section.$course.id = try course.requireID()
        section.title = title
        section.position = position
        try await section.save(on: app.db)
        return section
    }

    @discardableResult
    static func lesson(
        _ app: Application, _ section: CourseSection, title: String, position: Int, kind: LessonKind = .text,
        body: String = "Isi materi.", required: Bool = true, requiresPrevious: Bool = false,
        published: Bool = true, quiz: Quiz? = nil, file: CourseFile? = nil, url: String = ""
    ) async throws -> Lesson {
        let lesson = Lesson()
        lesson.$course.id = section.$course.id
        lesson.$section.id = try section.requireID()
        lesson.position = position
        lesson.kind = kind.rawValue
        lesson.title = title
        lesson.body = body
        lesson.url = url
        lesson.$file.id = file?.id
        lesson.$quiz.id = quiz?.id
        lesson.required = required
        lesson.requiresPrevious = requiresPrevious
        lesson.published = published
        lesson.minutes = 10
        try await lesson.save(on: app.db)
        return lesson
    }

    /// Adds questions to the course's bank, in order, under `category`.
    @discardableResult
    static func bank(
        _ app: Application, _ course: Course, _ questions: [Question], category: String = "Umum"
    )
        async throws -> [BankQuestion]
    {
        var rows: [BankQuestion] = []
        for (index, question) in questions.enumerated() {
            let row = BankQuestion()
            row.$course.id = try course.requireID()
            row.category = category
            row.kind = question.body.kind.rawValue
            row.name = question.title ?? "Soal \(index + 1)"
            row.question = try QuizAttempts.encode(question)
            row.position = index + 1
            row.createdAt = app.clock.now()
            try await row.save(on: app.db)
            rows.append(row)
        }
        return rows
    }

    /// GIFT text parsed with Core's reader; the test fails loudly if the text is bad.
    static func gift(_ text: String) throws -> [Question] {
        try GIFT.parse(text).get()
    }

    @discardableResult
    static func quiz(
        _ app: Application, _ course: Course, title: String = "Kuis Akhir", settings: QuizSettings = QuizSettings(),
        draws: [QuizDraw] = []
    ) async throws -> Quiz {
        let quiz = Quiz()
        quiz.$course.id = try course.requireID()
        quiz.title = title
        quiz.intro = "Jawab semua soal."
        quiz.settings = try QuizAttempts.encode(settings)
        quiz.draw = try QuizAttempts.encode(draws)
        try await quiz.save(on: app.db)
        return quiz
    }
}
