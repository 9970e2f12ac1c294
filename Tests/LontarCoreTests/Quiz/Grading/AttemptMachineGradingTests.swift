import Foundation
import Testing
@testable import LontarCore

extension QuizGrading {
    @Suite("Grading: attempt state machine")
    struct AttemptMachineTests {
        static let slots = ["q1", "q2", "q3"].map { QuestionSlot(questionID: $0, mark: 1) }
        /// Half an hour, at most two attempts.
        static let timed = QuizSettings(timeLimit: 1800, maxAttempts: 2, passMark: 70)
        /// 08:30 WITA.
        static let deadline = start.addingTimeInterval(1800)

        static func begin(
            _ settings: QuizSettings = timed, previous: [AttemptState] = [], at now: Date = start, seed: UInt64 = 1
        ) throws -> AttemptStart {
            try AttemptMachine.start(settings: settings, previous: previous, slots: slots, seed: seed, now: now).get()
        }

        static func fresh() throws -> AttemptState {
            guard case .started(let attempt) = try begin() else { throw CancellationError() }
            return attempt
        }

        static func answer(_ id: String, _ question: String = "q1", _ typed: String = "a") -> AnswerSubmission {
            AnswerSubmission(id: id, questionID: question, response: .text(typed))
        }

        static func failure<T>(_ result: Result<T, LocalizableMessage>) -> LocalizableMessage? {
            if case .failure(let message) = result { return message }
            return nil
        }

        @Test("a first attempt starts now, with its deadline and the questions in order")
        func starts() throws {
            let attempt = try Self.fresh()
            #expect(attempt == AttemptState(number: 1, startedAt: start, deadline: Self.deadline, slots: Self.slots))
            let untimed = try Self.begin(QuizSettings())
            #expect(untimed == .started(AttemptState(number: 1, startedAt: start, deadline: nil, slots: Self.slots)))
        }

        @Test("shuffling is a permutation fixed by the seed")
        func shuffles() throws {
            let many = (1...10).map { QuestionSlot(questionID: "q\($0)", mark: 1) }
            func order(_ seed: UInt64) throws -> [String] {
                let result = AttemptMachine.start(
                    settings: QuizSettings(shuffle: true), previous: [], slots: many, seed: seed, now: start)
                guard case .started(let attempt) = try result.get() else { return [] }
                return attempt.slots.map(\.questionID)
            }
            #expect(try order(7) == order(7))
            #expect(try Set(order(7)) == Set(many.map(\.questionID)))
            #expect(try (1...5).contains { try order($0) != many.map(\.questionID) })
            #expect(try (2...5).contains { try order($0) != order(1) })
        }

        @Test("an attempt in progress is resumed, even when no attempt is left")
        func resumes() throws {
            let first = try Self.fresh()
            let later = start.addingTimeInterval(600)
            #expect(try Self.begin(previous: [first], at: later) == .resumed(first))
            let single = QuizSettings(timeLimit: 1800, maxAttempts: 1)
            #expect(try Self.begin(single, previous: [first], at: later) == .resumed(first))
        }

        @Test("attempts are exhausted counting finished and timed-out ones")
        func exhausted() throws {
            let first = try AttemptMachine.finish(Self.fresh(), now: start.addingTimeInterval(60)).get()
            let second = try Self.fresh()  // left open: past its deadline it counts as finished
            let tomorrow = start.addingTimeInterval(86_400)
            let refused = AttemptMachine.start(
                settings: Self.timed, previous: [first, second], slots: Self.slots, seed: 1, now: tomorrow)
            #expect(Self.failure(refused) == LocalizableMessage("quiz.attempt.attempts_exhausted", ["2", "2"]))
            guard case .started(let next) = try Self.begin(previous: [first], at: tomorrow) else {
                Issue.record("a second attempt should start")
                return
            }
            #expect(next.number == 2)
            #expect(next.deadline == tomorrow.addingTimeInterval(1800))
        }

        @Test("without a maximum, attempts never run out")
        func unlimited() throws {
            let done = try (0..<5).map { _ in try AttemptMachine.finish(Self.fresh(), now: start).get() }
            guard case .started(let sixth) = try Self.begin(QuizSettings(), previous: done) else {
                Issue.record("should start")
                return
            }
            #expect(sixth.number == 2)  // every fixture attempt is number 1; the next follows the highest
        }

        @Test("a quiz without marked questions, with a bad mark, or with bad settings cannot start")
        func refusedStarts() {
            func refusal(_ slots: [QuestionSlot], _ settings: QuizSettings = Self.timed) -> LocalizableMessage? {
                Self.failure(AttemptMachine.start(settings: settings, previous: [], slots: slots, seed: 1, now: start))
            }
            #expect(refusal([]) == LocalizableMessage("quiz.attempt.no_questions"))
            #expect(
                refusal([QuestionSlot(questionID: "intro", mark: 0)]) == LocalizableMessage("quiz.attempt.no_questions")
            )
            #expect(
                refusal([QuestionSlot(questionID: "q9", mark: -1)])
                    == LocalizableMessage("quiz.attempt.mark_invalid", ["q9", "-1"]))
            #expect(
                refusal(Self.slots, QuizSettings(passMark: 120))
                    == LocalizableMessage("quiz.settings.pass_mark_out_of_range", ["120"]))
        }

        @Test("saving 1 s before the deadline and at it is accepted; 1 s after is refused with the time")
        func deadline() throws {
            let attempt = try Self.fresh()
            let before = try AttemptMachine.saveAnswer(Self.answer("a1"), to: attempt, now: Self.deadline - 1).get()
            #expect(!before.duplicate)
            #expect(before.attempt.answers["q1"]?.savedAt == Self.deadline - 1)
            #expect(throws: Never.self) {
                try AttemptMachine.saveAnswer(Self.answer("a2"), to: attempt, now: Self.deadline).get()
            }
            let after = AttemptMachine.saveAnswer(Self.answer("a3"), to: attempt, now: Self.deadline + 1)
            #expect(Self.failure(after) == LocalizableMessage("quiz.attempt.deadline_passed", ["08:30", "2025-03-12"]))
        }

        @Test("a past deadline finishes the attempt at the deadline, without anyone closing it")
        func autoFinish() throws {
            let attempt = try Self.fresh()
            #expect(attempt.effectiveState(at: Self.deadline) == attempt)
            let late = attempt.effectiveState(at: Self.deadline + 1)
            #expect(late.status == .finished(at: Self.deadline, reason: .deadline))
            let untimed = AttemptState(number: 1, startedAt: start, deadline: nil, slots: Self.slots)
            #expect(untimed.effectiveState(at: start.addingTimeInterval(1e9)) == untimed)
            // Finishing late closes it at the deadline, not at the click.
            let finished = try AttemptMachine.finish(attempt, now: Self.deadline + 3600).get()
            #expect(finished.status == .finished(at: Self.deadline, reason: .deadline))
        }

        @Test("a later answer to the same question replaces the earlier")
        func replaces() throws {
            var attempt = try Self.fresh()
            attempt = try AttemptMachine.saveAnswer(Self.answer("a1", "q1", "Ende"), to: attempt, now: start + 10).get()
                .attempt
            attempt = try AttemptMachine.saveAnswer(Self.answer("a2", "q2", "x"), to: attempt, now: start + 20).get()
                .attempt
            attempt = try AttemptMachine.saveAnswer(Self.answer("a3", "q1", "Kupang"), to: attempt, now: start + 30)
                .get().attempt
            #expect(
                attempt.answers["q1"] == SavedAnswer(submission: Self.answer("a3", "q1", "Kupang"), savedAt: start + 30)
            )
            #expect(attempt.answers.count == 2)
            #expect(Set(attempt.receipts.keys) == ["a1", "a2", "a3"])
        }

        @Test("a resend counts once, even after the deadline, and never undoes a newer answer")
        func idempotent() throws {
            let attempt = try Self.fresh()
            let first = try AttemptMachine.saveAnswer(Self.answer("a1", "q1", "Ende"), to: attempt, now: start + 10)
                .get()
            let again = try AttemptMachine.saveAnswer(
                Self.answer("a1", "q1", "Ende"), to: first.attempt, now: start + 11
            ).get()
            #expect(again.duplicate)
            #expect(again.attempt == first.attempt)
            let newer = try AttemptMachine.saveAnswer(
                Self.answer("a2", "q1", "Kupang"), to: first.attempt, now: start + 20
            ).get()
            let stale = try AttemptMachine.saveAnswer(
                Self.answer("a1", "q1", "Ende"), to: newer.attempt, now: Self.deadline + 60
            ).get()
            #expect(stale.duplicate)
            #expect(stale.attempt.answers["q1"]?.submission.id == "a2")
        }

        @Test("an answer id reused for other content is refused")
        func reusedID() throws {
            let saved = try AttemptMachine.saveAnswer(Self.answer("a1", "q1", "Ende"), to: Self.fresh(), now: start)
                .get()
            for other in [Self.answer("a1", "q1", "Kupang"), Self.answer("a1", "q2", "Ende")] {
                let result = AttemptMachine.saveAnswer(other, to: saved.attempt, now: start + 1)
                #expect(Self.failure(result) == LocalizableMessage("quiz.attempt.answer_id_reused"))
            }
        }

        @Test("answers with a bad id, to another question, or to a finished attempt are refused")
        func refusedSaves() throws {
            let attempt = try Self.fresh()
            for id in ["", " a1", String(repeating: "x", count: 101)] {
                let result = AttemptMachine.saveAnswer(Self.answer(id), to: attempt, now: start)
                #expect(Self.failure(result) == LocalizableMessage("quiz.attempt.answer_id_invalid"), "\(id)")
            }
            let stranger = AttemptMachine.saveAnswer(Self.answer("a1", "q99"), to: attempt, now: start)
            #expect(Self.failure(stranger) == LocalizableMessage("quiz.attempt.unknown_question"))
            let finished = try AttemptMachine.finish(attempt, now: start + 60).get()
            #expect(finished.status == .finished(at: start + 60, reason: .submitted))
            let late = AttemptMachine.saveAnswer(Self.answer("a1"), to: finished, now: start + 61)
            #expect(Self.failure(late) == LocalizableMessage("quiz.attempt.already_finished"))
            #expect(
                Self.failure(AttemptMachine.finish(finished, now: start + 62))
                    == LocalizableMessage("quiz.attempt.already_finished"))
        }

        @Test("a facilitator grades only finished attempts, with a fraction 0…1")
        func manualGrade() throws {
            let attempt = try Self.fresh()
            let early = AttemptMachine.gradeManually(attempt, questionID: "q1", fraction: 1, now: start + 60)
            #expect(Self.failure(early) == LocalizableMessage("quiz.attempt.not_finished"))
            // Past the deadline the attempt is finished even if nobody closed it.
            let graded = try AttemptMachine.gradeManually(
                attempt, questionID: "q1", fraction: 0.75, now: Self.deadline + 1
            ).get()
            #expect(graded.manualGrades == ["q1": 0.75])
            #expect(graded.isFinished)
            let wrong = AttemptMachine.gradeManually(graded, questionID: "q1", fraction: 1.5, now: Self.deadline + 2)
            #expect(Self.failure(wrong) == LocalizableMessage("quiz.attempt.manual_grade_out_of_range", ["150"]))
            let unknown = AttemptMachine.gradeManually(graded, questionID: "q9", fraction: 1, now: Self.deadline + 2)
            #expect(Self.failure(unknown) == LocalizableMessage("quiz.attempt.unknown_question"))
        }

        @Test("an attempt survives JSON storage")
        func codable() throws {
            var attempt = try Self.fresh()
            attempt = try AttemptMachine.saveAnswer(
                AnswerSubmission(id: "m", questionID: "q2", response: .matches([0: "Kota"])), to: attempt, now: start
            ).get().attempt
            attempt = try AttemptMachine.finish(attempt, now: start + 5).get()
            let data = try JSONEncoder().encode(attempt)
            #expect(try JSONDecoder().decode(AttemptState.self, from: data) == attempt)
        }
    }
}
