import Fluent
import Foundation
import LontarCore
import Vapor

/// A quiz's results for its authors: each learner's attempts and scores, the attempts
/// waiting for a facilitator, and per-question statistics.
struct QuizResults {
    struct Learner {
        let employeeID: UUID
        let nip: String
        let name: String
        let attempts: Int
        let best: Double?
        let last: Double?
        let passed: Bool
        let awaiting: [QuizAttempt]
    }

    struct Item {
        let questionID: String
        let name: String
        let kind: QuestionKind
        let summary: ItemSummary
    }

    let learners: [Learner]
    let items: [Item]

    /// Reads every attempt at the quiz with its learner (two queries) and grades each
    /// learner's first finished attempt for the statistics: retakes are not independent of
    /// the first try and would flatter the figures (as ItemStatistics asks).
    static func load(_ quiz: Quiz, req: Request) async throws -> QuizResults {
        let settings = QuizAttempts.settings(of: quiz)
        var attempts = try await QuizAttempt.query(on: req.db).filter(\.$quiz.$id == quiz.requireID())
            .with(\.$employee).sort(\.$number).all()
        let store = QuizAttempts(request: req)
        for (index, attempt) in attempts.enumerated() where attempt.finishedAt == nil {
            let settled = try await store.settled(attempt)
            if settled.finishedAt != nil {
                settled.$employee.value = attempt.employee
                attempts[index] = settled
            }
        }
        let bank = try await BankQuestion.query(on: req.db).filter(\.$course.$id == quiz.$course.id).all()
        var questions: [String: Question] = [:]
        var names: [String: (String, QuestionKind)] = [:]
        var order: [String: (String, Int)] = [:]
        for row in bank {
            let id = try row.requireID().uuidString
            questions[id] = try JSONDecoder().decode(Question.self, from: Data(row.question.utf8))
            names[id] = (row.name, QuestionKind(rawValue: row.kind) ?? .description)
            order[id] = (row.category, row.position)
        }
        let byLearner = Dictionary(grouping: attempts, by: { $0.$employee.id })
        var learners: [Learner] = []
        var firsts: [[String: Double]] = []
        var marks: [String: Double] = [:]
        for (employeeID, rows) in byLearner {
            let finished = rows.filter { $0.finishedAt != nil }
            let graded = finished.filter { $0.progress == AttemptProgress.graded.rawValue }
            let employee = rows[0].employee
            learners.append(
                Learner(
                    employeeID: employeeID, nip: employee.nip,
                    name: EmployeeImport.displayName(
                        front: employee.frontTitle, name: employee.name, back: employee.backTitle),
                    attempts: rows.count, best: graded.compactMap(\.percent).max(),
                    last: graded.max { $0.number < $1.number }?.percent,
                    passed: rows.contains { $0.passed == true },
                    awaiting: finished.filter { $0.progress == AttemptProgress.awaitingGrading.rawValue }))
            guard let first = finished.min(by: { $0.number < $1.number }) else { continue }
            let state = try QuizAttempts.state(of: first)
            let result = AttemptMachine.result(of: state, questions: questions, settings: settings, now: req.now)
            var fractions: [String: Double] = [:]
            for slot in state.slots {
                guard let grade = result.grades[slot.questionID], grade.state != .notGradable,
                    let fraction = grade.fraction
                else { continue }
                fractions[slot.questionID] = fraction
                marks[slot.questionID] = slot.mark
            }
            firsts.append(fractions)
        }
        learners.sort { ($0.name, $0.nip) < ($1.name, $1.nip) }
        // In the bank's order, as the author knows the questions (Core sorts by id).
        let items = ItemStatistics.summarise(attempts: firsts, marks: marks).map { summary in
            let (name, kind) = names[summary.questionID] ?? ("", .description)
            return Item(questionID: summary.questionID, name: name, kind: kind, summary: summary)
        }.sorted { (order[$0.questionID] ?? ("", 0)) < (order[$1.questionID] ?? ("", 0)) }
        return QuizResults(learners: learners, items: items)
    }

    /// The scores as CSV (`;`, with a byte-order mark so Excel reads the names right).
    func csv(req: Request) -> String {
        CSV.write(
            header: [
                req.t("quizpage.results.nip"), req.t("quizpage.results.name"), req.t("quizpage.results.attempts"),
                req.t("quizpage.results.best"), req.t("quizpage.results.last"), req.t("quizpage.results.passed"),
            ],
            rows: learners.map { learner in
                [
                    learner.nip, learner.name, String(learner.attempts),
                    learner.best.map { QuizForm.number(($0 * 10).rounded() / 10) } ?? "",
                    learner.last.map { QuizForm.number(($0 * 10).rounded() / 10) } ?? "",
                    req.t(learner.passed ? "quizpage.results.yes" : "quizpage.results.no"),
                ]
            }, byteOrderMark: true)
    }
}
