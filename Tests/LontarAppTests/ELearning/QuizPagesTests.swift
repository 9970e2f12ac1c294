import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Quizzes: settings form, taking, time limit, review, grading, results")
struct QuizPagesTests {
    static let fourQuestions = """
        ::Q1:: Kupang adalah ibu kota NTT. {T#Keliru.#Benar sekali.}

        ::Q2:: Satu JP sama dengan {=45 menit#Tepat. ~60 menit#Terlalu lama.} dalam pelatihan.

        ::Q3:: Jumlah JP minimal per tahun bagi PNS {#20}

        ::Q4:: Nilai dasar ASN disingkat {=BerAKHLAK####Lihat UU 20/2023.}
        """

    func attemptID(from location: String?) throws -> UUID {
        let text = try #require(location)
        return try #require(UUID(uuidString: String(text.split(separator: "/").last ?? "")))
    }

    func questionIDs(_ app: Application) async throws -> [String] {
        try await BankQuestion.query(on: app.db).sort(\.$position).all().map { $0.id!.uuidString }
    }

    @Test("the quiz form validates each field and shows the error beside it; a valid form saves the settings")
    func quizForm() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            try await ELearningFixtures.bank(
                app, world.course, ELearningFixtures.gift(Self.fourQuestions), category: "Umum")
            let author = try await world.author(app)
            #expect(try await author.get(Paths.quizNew(world.courseID)).status == .ok)
            let bad = try await author.post(
                Paths.quizNew(world.courseID),
                form: [
                    "title": " ", "time_limit": "abc", "max_attempts": "0", "pass_mark": "120", "drawcat.0": "Umum",
                    "draw.0": "9",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Judul kuis wajib diisi."))
            #expect(bad.body.contains("abc&quot; bukan angka."))
            #expect(bad.body.contains("Jumlah kesempatan paling sedikit 1"))
            #expect(bad.body.contains("Nilai batas lulus harus antara 0 dan 100"))
            #expect(bad.body.contains("hanya berisi 4 soal"))
            #expect(bad.body.contains("class=\"error-text\""))
            #expect(try await Quiz.query(on: app.db).count() == 0)
            let good = try await author.post(
                Paths.quizNew(world.courseID),
                form: [
                    "title": "Kuis Etika", "intro": "Kerjakan **sendiri**.", "time_limit": "30", "max_attempts": "2",
                    "pass_mark": "75,5", "shuffle": "1", "review_marks": "afterEachAttempt",
                    "review_feedback": "never", "review_right": "afterPassOrLastAttempt", "drawcat.0": "Umum",
                    "draw.0": "3",
                ])
            #expect(good.status == .seeOther)
            let quiz = try #require(try await Quiz.query(on: app.db).first())
            let settings = QuizAttempts.settings(of: quiz)
            #expect(settings.timeLimit == 1800)
            #expect(settings.maxAttempts == 2)
            #expect(settings.passMark == 75.5)
            #expect(settings.shuffle)
            #expect(settings.reviewShows.feedback == .never)
            #expect(QuizAttempts.draws(of: quiz) == [QuizDraw(category: "Umum", count: 3)])
            let edit = try await author.get(Paths.quizEdit(quiz.requireID()))
            #expect(edit.body.contains("value=\"75,5\""))
            #expect(edit.body.contains("value=\"30\""))
            let page = try await author.get(Paths.quiz(quiz.requireID()))
            #expect(page.body.contains("<strong>sendiri</strong>"))
            #expect(page.body.contains("Batas waktu 30 menit"))
            #expect(page.body.contains("3 soal"))
            // Emptying the draw and the limits: the whole bank, untimed, unlimited.
            _ = try await author.post(
                Paths.quizEdit(quiz.requireID()),
                form: ["title": "Kuis Etika", "pass_mark": "70", "drawcat.0": "Umum", "draw.0": ""])
            let saved = try #require(try await Quiz.find(quiz.requireID(), on: app.db))
            #expect(QuizAttempts.draws(of: saved).isEmpty)
            #expect(QuizAttempts.settings(of: saved).timeLimit == nil)
            #expect(QuizAttempts.settings(of: saved).maxAttempts == nil)
        }
    }

    @Test("two browsers of one learner get the same attempt; answers from one show in the other")
    func resumeOnTwoDevices() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            try await ELearningFixtures.bank(app, world.course, ELearningFixtures.gift(Self.fourQuestions))
            let quiz = try await ELearningFixtures.quiz(app, world.course)
            let phone = try await world.learner(app)
            let laptop = try await world.learner(app)
            let first = try await phone.post(Paths.quizStart(quiz.requireID()), form: [:])
            let second = try await laptop.post(Paths.quizStart(quiz.requireID()), form: [:])
            let attemptID = try attemptID(from: first.location)
            #expect(try self.attemptID(from: second.location) == attemptID)
            let ids = try await questionIDs(app)
            let page = try await phone.get(Paths.attempt(attemptID))
            #expect(page.body.contains("id=\"attempt-form\""))
            #expect(page.body.contains("data-attempt-id=\"\(attemptID.uuidString)\""))
            #expect(page.body.contains("data-question=\"\(ids[0])\" data-shape=\"boolean\""))
            #expect(page.body.contains("data-shape=\"choices\""))
            #expect(page.body.contains("data-shape=\"number\""))
            #expect(page.body.contains("name=\"q.\(ids[1])\" type=\"radio\" value=\"0\""))
            #expect(!page.body.contains("BerAKHLAK"))  // the right answer of the text question
            let saved = try await phone.post(
                Paths.attemptAnswer(attemptID), form: ["shown": ids[0], "q.\(ids[0])": "true", "action": "save"])
            #expect(saved.status == .seeOther)
            let other = try await laptop.get(Paths.attempt(attemptID))
            #expect(
                other.body.contains(
                    "id=\"q-\(ids[0])-true\" name=\"q.\(ids[0])\" type=\"radio\" value=\"true\" checked"))
            #expect(try await QuizAttempt.query(on: app.db).count() == 1)
            // Another learner cannot open it, nor can the author.
            let teacher = try await Fixtures.browser(app, as: world.city.teacher.nip)
            #expect(try await teacher.get(Paths.attempt(attemptID)).status == .notFound)
            #expect(
                try await teacher.post(Paths.attemptAnswer(attemptID), form: ["q.\(ids[0])": "false"]).status
                    == .notFound)
            #expect(try await teacher.post(Paths.attemptFinish(attemptID), form: [:]).status == .notFound)
            #expect(try await world.author(app).get(Paths.attempt(attemptID)).status == .notFound)
            let state = try QuizAttempts.state(of: try #require(try await QuizAttempt.find(attemptID, on: app.db)))
            #expect(state.answers[ids[0]]?.submission.response == .boolean(true))
        }
    }

    @Test("with attempts used up, starting is refused with the reason and no attempt is made")
    func attemptsExhausted() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            try await ELearningFixtures.bank(app, world.course, ELearningFixtures.gift(Self.fourQuestions))
            let quiz = try await ELearningFixtures.quiz(
                app, world.course, settings: QuizSettings(maxAttempts: 1, passMark: 100))
            let learner = try await world.learner(app)
            let started = try await learner.post(Paths.quizStart(quiz.requireID()), form: [:])
            let attemptID = try attemptID(from: started.location)
            let finished = try await learner.post(Paths.attemptAnswer(attemptID), form: ["action": "finish"])
            #expect(finished.status == .seeOther)
            let review = try await learner.get(Paths.attempt(attemptID))
            #expect(review.body.contains("Nilai Anda 0%"))
            let again = try await learner.post(Paths.quizStart(quiz.requireID()), form: [:])
            #expect(again.location == Paths.quiz(try quiz.requireID()))
            let page = try await learner.get(Paths.quiz(quiz.requireID()))
            #expect(page.body.contains("Anda sudah menggunakan 1 dari 1 kesempatan"))
            #expect(page.body.contains("Semua kesempatan mengerjakan kuis ini sudah dipakai."))
            #expect(try await QuizAttempt.query(on: app.db).count() == 1)
        }
    }

    @Test("after the deadline a late answer is refused with Core's message and the attempt ends at the deadline")
    func timeLimit() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let world = try await QuizWorld.make(app)
            try await ELearningFixtures.bank(app, world.course, ELearningFixtures.gift(Self.fourQuestions))
            let quiz = try await ELearningFixtures.quiz(app, world.course, settings: QuizSettings(timeLimit: 600))
            let learner = try await world.learner(app)
            let attemptID = try attemptID(
                from: try await learner.post(Paths.quizStart(quiz.requireID()), form: [:]).location)
            let ids = try await questionIDs(app)
            let page = try await learner.get(Paths.attempt(attemptID))
            let deadline = try #require(try await QuizAttempt.find(attemptID, on: app.db)?.deadline)
            #expect(page.body.contains("selesai pukul \(AttendanceFormat.clock(deadline, .id)) WITA"))
            #expect(page.body.contains("data-deadline=\"\(ISO8601DateFormatter().string(from: deadline))\""))
            _ = try await learner.post(Paths.attemptAnswer(attemptID), form: ["q.\(ids[0])": "true", "action": "save"])
            clock.advance(601)
            let late = try await learner.post(
                Paths.attemptAnswer(attemptID), form: ["q.\(ids[2])": "20", "action": "finish"])
            #expect(late.status == .seeOther)
            let review = try await learner.get(Paths.attempt(attemptID))
            #expect(review.body.contains("Waktu pengerjaan sudah berakhir pukul"))
            #expect(review.body.contains("Waktu habis; percobaan berakhir"))
            let stored = try #require(try await QuizAttempt.find(attemptID, on: app.db))
            #expect(stored.finishedAt == deadline)
            #expect(stored.percent == 25)
            let state = try QuizAttempts.state(of: stored)
            #expect(state.answers[ids[2]] == nil)
        }
    }

    @Test("the review shows marks, feedback and right answers only as the quiz's options allow")
    func reviewVisibility() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            try await ELearningFixtures.bank(app, world.course, ELearningFixtures.gift(Self.fourQuestions))
            let hidden = try await ELearningFixtures.quiz(
                app, world.course, title: "Tertutup",
                settings: QuizSettings(
                    maxAttempts: 2, reviewShows: ReviewOptions(marks: .never, feedback: .never, rightAnswers: .never)))
            let open = try await ELearningFixtures.quiz(
                app, world.course, title: "Terbuka",
                settings: QuizSettings(
                    maxAttempts: 2, passMark: 100,
                    reviewShows: ReviewOptions(
                        marks: .afterEachAttempt, feedback: .afterEachAttempt, rightAnswers: .afterPassOrLastAttempt)))
            let learner = try await world.learner(app)
            let ids = try await questionIDs(app)
            func take(_ quiz: Quiz) async throws -> String {
                let id = try attemptID(
                    from: try await learner.post(Paths.quizStart(quiz.requireID()), form: [:]).location)
                _ = try await learner.post(
                    Paths.attemptAnswer(id), form: ["q.\(ids[0])": "true", "q.\(ids[1])": "1", "action": "finish"])
                return try await learner.get(Paths.attempt(id)).body
            }
            let closed = try await take(hidden)
            #expect(closed.contains("Nilai percobaan ini belum ditampilkan."))
            #expect(!closed.contains("Benar sekali."))
            #expect(!closed.contains("Jawaban yang benar"))
            let first = try await take(open)
            #expect(first.contains("Nilai Anda 25%"))
            #expect(first.contains("Benar sekali."))  // feedback of the chosen answer
            #expect(first.contains("Terlalu lama."))
            #expect(first.contains("Lihat UU 20/2023."))  // general feedback
            #expect(!first.contains("Jawaban yang benar"))  // one attempt left, not passed
            let last = try await take(open)
            #expect(last.contains("Jawaban yang benar"))
            #expect(last.contains("BerAKHLAK"))
            #expect(last.contains("45 menit"))
        }
    }

    @Test("a [markdown] question text is rendered, sanitised, in the attempt and the review; others stay plain")
    func markdownQuestionText() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let gift = """
                ::Nilai:: [markdown]Nilai **BerAKHLAK** yang pertama adalah berorientasi *pelayanan*
                <script>alert(1)</script> {T}

                ::Polos:: Teks **biasa** tetap apa adanya. {T}
                """
            try await ELearningFixtures.bank(app, world.course, ELearningFixtures.gift(gift))
            let quiz = try await ELearningFixtures.quiz(
                app, world.course,
                settings: QuizSettings(reviewShows: ReviewOptions(marks: .afterEachAttempt)))
            let learner = try await world.learner(app)
            let id = try attemptID(from: try await learner.post(Paths.quizStart(quiz.requireID()), form: [:]).location)
            let attempt = try await learner.get(Paths.attempt(id)).body
            #expect(attempt.contains("<strong>BerAKHLAK</strong>"))
            #expect(attempt.contains("<em>pelayanan</em>"))
            #expect(attempt.contains("&lt;script&gt;"))
            #expect(!attempt.contains("<script>alert"))
            #expect(attempt.contains("Teks **biasa** tetap apa adanya."))
            let ids = try await questionIDs(app)
            _ = try await learner.post(
                Paths.attemptAnswer(id), form: ["q.\(ids[0])": "true", "q.\(ids[1])": "true", "action": "finish"])
            let review = try await learner.get(Paths.attempt(id)).body
            #expect(review.contains("<strong>BerAKHLAK</strong>"))
            #expect(!review.contains("<script>alert"))
        }
    }

    @Test("grading an essay that makes the attempt pass completes the quiz lesson and the course, once")
    func essayGradingCompletesCourse() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            try await ELearningFixtures.bank(
                app, world.course, ELearningFixtures.gift("::Benar:: Kupang di NTT. {T}\n\n::Esai:: Uraikan. {}"))
            let quiz = try await ELearningFixtures.quiz(app, world.course, settings: QuizSettings(passMark: 70))
            let section = try await ELearningFixtures.section(app, world.course)
            let lesson = try await ELearningFixtures.lesson(
                app, section, title: "Kuis", position: 1, kind: .quiz, quiz: quiz)
            let learner = try await world.learner(app)
            let ids = try await questionIDs(app)
            let attemptID = try attemptID(
                from: try await learner.post(Paths.quizStart(quiz.requireID()), form: [:]).location)
            _ = try await learner.post(
                Paths.attemptAnswer(attemptID),
                form: ["q.\(ids[0])": "true", "q.\(ids[1])": "Pelayanan yang cepat dan ramah.", "action": "finish"])
            let review = try await learner.get(Paths.attempt(attemptID))
            #expect(review.body.contains("masih menunggu penilaian fasilitator"))
            let author = try await world.author(app)
            let results = try await author.get(Paths.quizResults(quiz.requireID()))
            #expect(results.body.contains(Paths.attemptGrade(attemptID)))
            #expect(results.body.contains("1 percobaan menunggu penilaian"))
            // Learners and other offices cannot grade.
            #expect(try await learner.get(Paths.attemptGrade(attemptID)).status == .forbidden)
            #expect(
                try await learner.post(Paths.attemptGrade(attemptID), form: ["mark.\(ids[1])": "1"]).status
                    == .forbidden)
            let form = try await author.get(Paths.attemptGrade(attemptID))
            #expect(form.body.contains("Pelayanan yang cepat dan ramah."))
            let bad = try await author.post(Paths.attemptGrade(attemptID), form: ["mark.\(ids[1])": "5"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("bukan nilai yang sah"))
            #expect(try await QuizAttempt.find(attemptID, on: app.db)?.passed == nil)
            let good = try await author.post(Paths.attemptGrade(attemptID), form: ["mark.\(ids[1])": "0,5"])
            #expect(good.status == .seeOther)
            let graded = try #require(try await QuizAttempt.find(attemptID, on: app.db))
            #expect(graded.percent == 75)
            #expect(graded.passed == true)
            let progress = try await LessonProgress.query(on: app.db).filter(\.$lesson.$id == lesson.requireID())
                .first()
            #expect(progress?.completedAt != nil)
            #expect(try await Certificate.query(on: app.db).count() == 1)
            // Grading again changes the mark but issues no second certificate.
            _ = try await author.post(Paths.attemptGrade(attemptID), form: ["mark.\(ids[1])": "1"])
            #expect(try await Certificate.query(on: app.db).count() == 1)
            #expect(try await QuizAttempt.find(attemptID, on: app.db)?.percent == 100)
            let after = try await learner.get(Paths.attempt(attemptID))
            #expect(after.body.contains("Nilai Anda 100%"))
        }
    }

    @Test("the results page shows scores and item statistics with flags, and a CSV of the scores")
    func resultsAndStatistics() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            try await ELearningFixtures.bank(app, world.course, ELearningFixtures.gift(Self.fourQuestions))
            let quiz = try await ELearningFixtures.quiz(app, world.course, settings: QuizSettings(passMark: 50))
            let ids = try await questionIDs(app)
            let request = Request(application: app, on: app.eventLoopGroup.next())
            // Twelve learners: Q1 everyone right (very easy), Q3 right only for the weaker ones.
            for n in 0..<12 {
                let employee = try await Fixtures.employee(
                    app, 100 + n, agency: world.city.health, name: "Peserta \(n)")
                let employeeID = try employee.requireID()
                try await CourseEnrolments.enrol(
                    employeeID: employeeID, in: world.course, assignedBy: nil, now: app.clock.now(), on: app.db)
                let store = QuizAttempts(request: request)
                let attempt = try await store.start(quiz, employeeID: employeeID)
                let strong = n < 6
                let answers: [(String, QuestionResponse)] = [
                    (ids[0], .boolean(true)), (ids[1], .choices([strong ? 0 : 1])),
                    (ids[2], .number(strong ? "19" : "20")), (ids[3], .text(strong ? "BerAKHLAK" : "x")),
                ]
                try await store.saveAll(
                    answers.map { AnswerSubmission(id: UUID().uuidString, questionID: $0.0, response: $0.1) },
                    to: attempt.requireID())
                _ = try await store.finish(attempt.requireID())
            }
            let author = try await world.author(app)
            let page = try await author.get(Paths.quizResults(quiz.requireID()))
            #expect(page.status == .ok)
            #expect(page.body.contains("Peserta 0"))
            #expect(page.body.contains("Terlalu mudah"))
            #expect(page.body.contains("Daya beda negatif"))
            #expect(page.body.contains("100%"))  // facility of Q1
            let csv = try await author.get(Paths.quizResultsCSV(quiz.requireID()))
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.contains("Peserta 11"))
            #expect(csv.body.contains("75;75;Ya"))
            // Learners and other offices see none of it.
            let learner = try await world.learner(app)
            let outsider = try await Fixtures.browser(app, as: world.city.educationOperator.nip)
            for browser in [learner, outsider] {
                #expect(try await browser.get(Paths.quizResults(quiz.requireID())).status == .forbidden)
                #expect(try await browser.get(Paths.quizResultsCSV(quiz.requireID())).status == .forbidden)
                #expect(try await browser.get(Paths.quizEdit(quiz.requireID())).status == .forbidden)
                #expect(try await browser.get(Paths.quizNew(world.courseID)).status == .forbidden)
                #expect(
                    try await browser.post(Paths.quizEdit(quiz.requireID()), form: ["title": "x", "pass_mark": "1"])
                        .status == .forbidden)
            }
        }
    }

    @Test("only enrolled learners of a published course start; others are refused and nothing is made")
    func whoMayStart() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app, enrol: false)
            try await ELearningFixtures.bank(app, world.course, ELearningFixtures.gift(Self.fourQuestions))
            let quiz = try await ELearningFixtures.quiz(app, world.course)
            let learner = try await world.learner(app)
            let page = try await learner.get(Paths.quiz(quiz.requireID()))
            #expect(page.body.contains("Ikuti kursus ini untuk mengerjakan kuisnya."))
            #expect(try await learner.post(Paths.quizStart(quiz.requireID()), form: [:]).status == .forbidden)
            #expect(try await world.author(app).post(Paths.quizStart(quiz.requireID()), form: [:]).status == .forbidden)
            #expect(try await QuizAttempt.query(on: app.db).count() == 0)
            // A draft course's quiz does not exist for learners.
            let (_, draft) = try await ELearningFixtures.course(app, title: "Draf", status: .draft)
            let hidden = try await ELearningFixtures.quiz(app, draft)
            try await CourseEnrolments.enrol(
                employeeID: world.city.staff.requireID(), in: draft, assignedBy: nil, now: app.clock.now(), on: app.db)
            #expect(try await learner.get(Paths.quiz(hidden.requireID())).status == .notFound)
            #expect(try await learner.post(Paths.quizStart(hidden.requireID()), form: [:]).status == .notFound)
        }
    }
}
