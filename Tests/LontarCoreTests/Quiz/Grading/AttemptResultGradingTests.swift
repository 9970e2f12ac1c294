import Foundation
import Testing
@testable import LontarCore

extension QuizGrading {
    @Suite("Grading: attempt score, pass and review")
    struct AttemptResultTests {
        static let bank: [String: Question] = [
            "mc": question(.multipleChoice(options: [option("Kupang", 1), option("Ende", 0)], single: true), mark: 2),
            "tf": question(.trueFalse(answer: true, feedbackWhenTrue: nil, feedbackWhenFalse: nil)),
            "sa": shortAnswer([option("kupang", 1), option("kup*", 0.5)]),
            "intro": question(.description),
            "num": question(.numerical(answers: [NumericalAnswer(value: 3.14, tolerance: 0.01)])),
            "essay": question(.essay, mark: 5),
        ]
        static let settings = QuizSettings(passMark: 70)

        static func attempt(
            _ ids: [String], marks: [String: Double] = [:], answers: [String: QuestionResponse]
        )
            -> AttemptState
        {
            let slots = ids.map { QuestionSlot(questionID: $0, mark: marks[$0] ?? bank[$0]?.defaultMark ?? 1) }
            var attempt = AttemptState(number: 1, startedAt: start, deadline: nil, slots: slots)
            for (offset, (id, response)) in answers.sorted(by: { $0.key < $1.key }).enumerated() {
                let submission = AnswerSubmission(id: "a\(offset)", questionID: id, response: response)
                attempt = try! AttemptMachine.saveAnswer(submission, to: attempt, now: start).get().attempt
            }
            return attempt
        }

        static func finished(_ attempt: AttemptState) -> AttemptState {
            try! AttemptMachine.finish(attempt, now: start + 600).get()
        }

        // By hand: mc right 1 × 2 = 2, tf wrong 0 × 1 = 0, sa "kupa" 0.5 × 1 = 0.5,
        // intro not graded (its mark leaves the total), num right 1 × 1 = 1.
        // Awarded 3.5 of 2 + 1 + 1 + 1 = 5 marks → 70 %, which passes a 70 % pass mark.
        static let mixed = attempt(
            ["intro", "mc", "tf", "sa", "num"], marks: ["intro": 1],
            answers: ["mc": .choices([0]), "tf": .boolean(false), "sa": .text("Kupa"), "num": .number("3,145")])

        @Test("score = Σ fraction × mark ÷ total marks; pass at or above the pass mark")
        func score() {
            let result = AttemptMachine.result(
                of: Self.finished(Self.mixed), questions: Self.bank, settings: Self.settings, now: start + 700)
            #expect(result.progress == .graded)
            #expect(result.marksAwarded == 3.5)
            #expect(result.totalMarks == 5)
            #expect(result.percent == 70)
            #expect(result.passed == true)
            #expect(result.grades["intro"]?.state == .notGradable)
            #expect(result.grades["sa"]?.state == .partial)
            let stricter = AttemptMachine.result(
                of: Self.finished(Self.mixed), questions: Self.bank, settings: QuizSettings(passMark: 70.5),
                now: start + 700)
            #expect(stricter.passed == false)
        }

        @Test("while in progress the score is provisional and the pass undecided")
        func inProgress() {
            let result = AttemptMachine.result(
                of: Self.mixed, questions: Self.bank, settings: Self.settings, now: start + 60)
            #expect(result.progress == .inProgress)
            #expect(result.percent == 70)
            #expect(result.passed == nil)
        }

        @Test("unanswered questions earn 0 but stay in the total")
        func unanswered() {
            let attempt = Self.finished(Self.attempt(["mc", "tf"], answers: ["tf": .boolean(true)]))
            let result = AttemptMachine.result(
                of: attempt, questions: Self.bank, settings: Self.settings, now: start + 700)
            #expect(result.marksAwarded == 1)
            #expect(result.totalMarks == 3)
            #expect(result.grades["mc"] == .notAnswered)
            #expect(result.passed == false)
        }

        @Test("a pending essay keeps the attempt awaiting grading until a facilitator grades it")
        func essayPending() throws {
            // mc right 2 of 2, essay 5 marks pending: provisional 2 of 7.
            let attempt = Self.finished(
                Self.attempt(["mc", "essay"], answers: ["mc": .choices([0]), "essay": .essay("Menurut saya …")]))
            let waiting = AttemptMachine.result(
                of: attempt, questions: Self.bank, settings: Self.settings, now: start + 700)
            #expect(waiting.progress == .awaitingGrading)
            #expect(waiting.passed == nil)
            #expect(waiting.marksAwarded == 2)
            #expect(waiting.totalMarks == 7)
            #expect(waiting.grades["essay"]?.state == .needsGrading)
            // Graded 0.8 × 5 = 4: 6 of 7 marks = 85.7 % → passed.
            let graded = try AttemptMachine.gradeManually(attempt, questionID: "essay", fraction: 0.8, now: start + 800)
                .get()
            let final = AttemptMachine.result(
                of: graded, questions: Self.bank, settings: Self.settings, now: start + 900)
            #expect(final.progress == .graded)
            #expect(final.marksAwarded == 6)
            #expect(final.grades["essay"]?.state == .partial)
            #expect(final.passed == true)
        }

        @Test("a facilitator's grade overrides the automatic one, but never on a description")
        func override() throws {
            var attempt = Self.finished(Self.attempt(["tf", "intro"], answers: ["tf": .boolean(false)]))
            attempt.manualGrades = ["tf": 1, "intro": 1]
            let result = AttemptMachine.result(
                of: attempt, questions: Self.bank, settings: Self.settings, now: start + 700)
            #expect(result.grades["tf"]?.state == .correct)
            #expect(result.grades["intro"]?.fraction == nil)
            #expect(result.percent == 100)
        }

        @Test("a question missing from the bank earns 0 and keeps its marks in the total")
        func missingQuestion() {
            let attempt = Self.finished(
                Self.attempt(["tf", "gone"], answers: ["tf": .boolean(true), "gone": .text("x")]))
            let result = AttemptMachine.result(
                of: attempt, questions: Self.bank, settings: Self.settings, now: start + 700)
            #expect(result.percent == 50)
        }

        @Test("a score that is the pass mark but for binary rounding passes")
        func roundingSlack() {
            // 0.2 + 0.7 = 0.8999999999999999 in binary, so 2 marks give 44.99999999999999 %.
            let bank = ["x": shortAnswer([option("x", 0.2)]), "y": shortAnswer([option("y", 0.7)])]
            let attempt = Self.finished(Self.attempt(["x", "y"], answers: ["x": .text("x"), "y": .text("y")]))
            let result = AttemptMachine.result(
                of: attempt, questions: bank, settings: QuizSettings(passMark: 45), now: start + 700)
            #expect(result.percent! < 45)
            #expect(result.passed == true)
        }

        @Test("settings are checked: pass mark 0…100, a limit of a minute or more, at least one attempt")
        func settingsValidate() {
            #expect(QuizSettings().validate().isEmpty)
            #expect(QuizSettings(timeLimit: 60, maxAttempts: 1, passMark: 0).validate().isEmpty)
            #expect(
                QuizSettings(timeLimit: 30, maxAttempts: 0, passMark: -1).validate() == [
                    LocalizableMessage("quiz.settings.pass_mark_out_of_range", ["-1"]),
                    LocalizableMessage("quiz.settings.time_limit_invalid", ["30"]),
                    LocalizableMessage("quiz.settings.max_attempts_invalid", ["0"]),
                ])
            #expect(QuizSettings(passMark: .nan).validate().count == 1)
        }

        @Test("review shows nothing mid-attempt, and right answers only once passed or out of attempts")
        func review() {
            let options = ReviewOptions(
                marks: .afterEachAttempt, feedback: .never, rightAnswers: .afterPassOrLastAttempt)
            #expect(
                options.visible(attemptFinished: false, passed: true, attemptsLeft: false)
                    == ReviewVisibility(marks: false, feedback: false, rightAnswers: false))
            #expect(
                options.visible(attemptFinished: true, passed: false, attemptsLeft: true)
                    == ReviewVisibility(marks: true, feedback: false, rightAnswers: false))
            #expect(options.visible(attemptFinished: true, passed: true, attemptsLeft: true).rightAnswers)
            #expect(options.visible(attemptFinished: true, passed: false, attemptsLeft: false).rightAnswers)
        }

        @Test("settings survive JSON storage")
        func settingsCodable() throws {
            let settings = QuizSettings(
                timeLimit: 900, maxAttempts: 3, passMark: 65, shuffle: true,
                reviewShows: ReviewOptions(feedback: .never))
            let data = try JSONEncoder().encode(settings)
            #expect(try JSONDecoder().decode(QuizSettings.self, from: data) == settings)
        }
    }
}
