import Fluent
import Foundation
import LontarCore
import Vapor

/// `lontar demo`'s e-learning: the published course "Etika dan Integritas ASN" (three
/// sections, text, link, PDF and quiz lessons, a bank imported from the sample GIFT file),
/// a draft course with the sample Moodle XML bank, and a handful of learners at every stage,
/// one of whom has passed the quiz and holds the certificate.
///
/// Keyed by programme and course title: a course that exists is left as it is (a demo user
/// may have edited it), and enrolment, progress and completion are idempotent, so running
/// the demo again duplicates nothing.
enum DemoELearningLoader {
    /// The sample question files, shipped with the app so that authors can download them
    /// (`/static/contoh/…`) and the demo can import them wherever the binary runs.
    static func sampleFile(_ name: String) throws -> [UInt8] {
        let url = try resourceDirectory().appendingPathComponent("Public/static/contoh").appendingPathComponent(name)
        return Array(try Data(contentsOf: url))
    }

    /// Loads everything; the returned line goes into the demo's summary.
    static func load(into app: Application, learnerNIPs: [String]) async throws -> String {
        let now = app.clock.now()
        let author =
            try await UserAccount.query(on: app.db).filter(\.$username == "admin").first()?.id
            ?? DemoTrainingLoader.stableID("demo-elearning-author")
        let nips = KupangELearningDemo.learners(from: learnerNIPs)
        let course = try await app.db.transaction { db -> Course in
            let programme = try await ethicsProgramme(on: db)
            let course = try await ensureCourse(
                KupangELearningDemo.ethics, in: programme, app: app, author: author, on: db)
            if let draftProgramme = try await Programme.query(on: db)
                .filter(\.$title == KupangELearningDemo.timeManagement.programmeTitle).first()
            {
                try await ensureCourse(
                    KupangELearningDemo.timeManagement, in: draftProgramme, app: app, author: author, on: db)
            }
            try await enrol(nips, in: course, now: now, on: db)
            return course
        }
        // Passing the quiz goes through the real attempt code, which completes the course and
        // issues the certificate; it needs a request and its own transactions, hence outside.
        var finisher: String?
        if let nip = zip(nips, KupangELearningDemo.learnerProgress).first(where: { $0.1 == .finished })?.0 {
            try await passQuiz(nip, course: course, app: app)
            finisher = nip
        }
        return "E-learning: course \"\(course.title)\" with \(nips.count) learners"
            + (finisher.map { "; \($0) has finished it (certificate issued)" } ?? "")
            + "; draft course \"\(KupangELearningDemo.timeManagement.title)\"."
    }

    private static func ethicsProgramme(on db: any Database) async throws -> Programme {
        let demo = KupangELearningDemo.programme
        if let programme = try await Programme.query(on: db).filter(\.$title == demo.title).first() {
            return programme
        }
        let programme = Programme()
        programme.title = demo.title
        programme.description = demo.description
        programme.objectives = demo.description
        programme.path = "pelatihan"
        programme.formCode = demo.formCode
        programme.competencyKind = demo.competencyKind
        programme.competencies = demo.competencies.joined(separator: "\n")
        programme.jp = demo.jp
        programme.international = false
        programme.organiserKind = "bkppd"
        programme.$organiserAgency.id = try await Agency.query(on: db).filter(\.$code == "BKPPD").first()?.id
        programme.organiserName = ""
        programme.audiencePositionKinds = ""
        programme.audienceAgencies = ""
        programme.prerequisites = ""
        programme.status = "published"
        programme.minAttendance = 0
        programme.requiresAssessment = false
        programme.excusedCounts = false
        try await programme.save(on: db)
        return programme
    }

    @discardableResult
    private static func ensureCourse(
        _ demo: DemoCourse, in programme: Programme, app: Application, author: UUID, on db: any Database
    ) async throws -> Course {
        if let course = try await Course.query(on: db).filter(\.$programme.$id == programme.requireID())
            .filter(\.$title == demo.title).first()
        {
            return course
        }
        let course = try await CourseEnrolments.create(
            title: demo.title, summary: demo.summary, openEnrolment: true, programme: programme, by: author, on: db)
        course.status = (demo.published ? CourseStatus.published : .draft).rawValue
        try await course.save(on: db)
        let courseID = try course.requireID()
        let now = app.clock.now()
        let format: QuestionFileFormat = demo.bankFile.hasSuffix(".xml") ? .moodlexml : .gift
        if case .refused(let issues) = try await BankImport.run(
            sampleFile(demo.bankFile), format: format, courseID: courseID, now: now, on: db)
        {
            throw DemoLoader.DemoError.invalid(demo.bankFile, issues.map(\.message.key))
        }
        let quiz = Quiz()
        quiz.$course.id = courseID
        quiz.title = demo.quiz.title
        quiz.intro = demo.quiz.intro
        quiz.settings = try QuizAttempts.encode(demo.quiz.settings)
        quiz.draw = try QuizAttempts.encode(demo.quiz.draws.map { QuizDraw(category: $0.category, count: $0.count) })
        try await quiz.save(on: db)
        for (sectionIndex, demoSection) in demo.sections.enumerated() {
            let section = CourseSection()
            section.$course.id = courseID
            section.position = sectionIndex + 1
            section.title = demoSection.title
            try await section.save(on: db)
            for (index, demoLesson) in demoSection.lessons.enumerated() {
                let lesson = Lesson()
                lesson.$course.id = courseID
                lesson.$section.id = try section.requireID()
                lesson.position = index + 1
                lesson.kind = demoLesson.kind.rawValue
                lesson.title = demoLesson.title
                lesson.body = demoLesson.body
                lesson.url = demoLesson.url
                lesson.required = demoLesson.required
                lesson.requiresPrevious = demoLesson.requiresPrevious
                lesson.published = demoLesson.published
                lesson.minutes = demoLesson.minutes
                if demoLesson.kind == .quiz { lesson.$quiz.id = try quiz.requireID() }
                if demoLesson.kind == .file {
                    lesson.$file.id = try await storeFile(
                        DemoPDF.codeOfEthics, name: "ringkasan-kode-etik-asn.pdf", courseID: courseID, app: app,
                        author: author, on: db
                    ).requireID()
                }
                try await lesson.save(on: db)
            }
        }
        return course
    }

    /// Stores a course file as `FileStore` stores uploads: under the data folder by its
    /// SHA-256, written once (to a temporary name, then renamed), with its row.
    private static func storeFile(
        _ bytes: [UInt8], name: String, courseID: UUID, app: Application, author: UUID, on db: any Database
    ) async throws -> CourseFile {
        let sha256 = FileStore.checksum(bytes)
        guard let path = FileStore.path(of: sha256, app: app) else { throw Abort(.internalServerError) }
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(
                atPath: FileStore.directory(app), withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        let file = CourseFile()
        file.$course.id = courseID
        file.fileName = name
        file.contentType = FileStore.Kind.pdf.contentType
        file.size = bytes.count
        file.sha256 = sha256
        file.uploadedBy = author
        file.createdAt = app.clock.now()
        try await file.save(on: db)
        return file
    }

    /// Enrols the learners and records how far each has got, a few days in the past.
    private static func enrol(_ nips: [String], in course: Course, now: Date, on db: any Database) async throws {
        let employees = try await Employee.query(on: db).filter(\.$nip ~~ nips).all()
        let byNIP = Dictionary(employees.map { ($0.nip, $0) }, uniquingKeysWith: { a, _ in a })
        let lessons = try await CourseOutline.load(course.requireID(), publishedOnly: true, on: db).lessons
        for (index, (nip, progress)) in zip(nips, KupangELearningDemo.learnerProgress).enumerated() {
            guard let employeeID = byNIP[nip]?.id else { continue }
            let (enrolment, _) = try await CourseEnrolments.enrol(
                employeeID: employeeID, in: course, assignedBy: nil, now: now, on: db)
            let done: Int
            switch progress {
            case .enrolledOnly: continue
            case .doneThrough(let count): done = count
            case .finished: done = lessons.filter { $0.kind != LessonKind.quiz.rawValue }.count
            }
            // A day per lesson, ending yesterday; learners a few hours apart.
            let start = now.addingTimeInterval(-Double(done + 1) * 86_400 + Double(index) * 3_600)
            for (position, lesson) in lessons.prefix(done).enumerated() {
                let at = start.addingTimeInterval(Double(position) * 86_400)
                try await CourseProgressWriter.opened(lesson.requireID(), enrolment: enrolment, at: at, on: db)
                try await CourseProgressWriter.done(
                    lesson.requireID(), enrolment: enrolment, at: at.addingTimeInterval(900), on: db)
            }
            if done < lessons.count {
                let at = start.addingTimeInterval(Double(done) * 86_400)
                try await CourseProgressWriter.opened(lessons[done].requireID(), enrolment: enrolment, at: at, on: db)
            }
        }
    }

    /// The finishing learner starts the quiz, answers every question right and finishes: the
    /// pass marks the quiz lesson done, which completes the course (JP and certificate, once).
    private static func passQuiz(_ nip: String, course: Course, app: Application) async throws {
        guard let employee = try await Employee.query(on: app.db).filter(\.$nip == nip).first(),
            let employeeID = employee.id,
            let enrolment = try await CourseEnrolments.current(course, employeeID: employeeID, on: app.db),
            let quizID = try await Lesson.query(on: app.db).filter(\.$course.$id == course.requireID())
                .filter(\.$kind == LessonKind.quiz.rawValue).first()?.$quiz.id,
            let quiz = try await Quiz.find(quizID, on: app.db)
        else { return }
        let request = Request(application: app, method: .POST, url: "/demo", on: app.eventLoopGroup.any())
        let passed = try await QuizAttempt.query(on: app.db).filter(\.$quiz.$id == quizID)
            .filter(\.$employee.$id == employeeID).filter(\.$passed == true).first()
        if passed == nil {
            let attempts = QuizAttempts(request: request)
            let attempt = try await attempts.start(quiz, employeeID: employeeID)
            let attemptID = try attempt.requireID()
            let state = try QuizAttempts.state(of: attempt)
            let questions = try await QuizAttempts.questions(ids: state.slots.map(\.questionID), on: app.db)
            for slot in state.slots where state.answers[slot.questionID] == nil {
                guard let question = questions[slot.questionID], let response = rightResponse(to: question) else {
                    continue
                }
                let submission = AnswerSubmission(
                    id: UUID().uuidString, questionID: slot.questionID, response: response)
                try await attempts.save(submission, to: attemptID)
            }
            _ = try await attempts.finish(attemptID)
        }
        // Completion is checked on a pass already; asking again costs nothing and covers a
        // run interrupted between the two.
        if let fresh = try await Enrolment.find(enrolment.requireID(), on: app.db) {
            try await CourseCompletion.checkAndComplete(fresh, course: course, request: request)
        }
    }

    /// A response earning full marks; nil for what takes no answer (descriptions) or needs a
    /// facilitator (essays; the demo quiz draws none).
    static func rightResponse(to question: Question) -> QuestionResponse? {
        switch question.body {
        case .multipleChoice(let options, let single):
            if single {
                guard let best = options.indices.max(by: { options[$0].fraction < options[$1].fraction }) else {
                    return nil
                }
                return .choices([best])
            }
            return .choices(Set(options.indices.filter { options[$0].fraction > 0 }))
        case .trueFalse(let answer, _, _):
            return .boolean(answer)
        case .shortAnswer(let answers, _):
            // `*` matches any run of characters, the empty one too.
            guard let best = answers.max(by: { $0.fraction < $1.fraction }) else { return nil }
            return .text(best.text.text.replacingOccurrences(of: "*", with: ""))
        case .numerical(let answers):
            guard let best = answers.max(by: { $0.fraction < $1.fraction }) else { return nil }
            let whole = best.value == best.value.rounded() && abs(best.value) < 1e15
            return .number(whole ? String(Int64(best.value)) : String(best.value))
        case .matching(let pairs):
            var given: [Int: String] = [:]
            for (index, pair) in pairs.enumerated() where !pair.prompt.text.isEmpty { given[index] = pair.answer }
            return .matches(given)
        case .essay, .description:
            return nil
        }
    }
}
