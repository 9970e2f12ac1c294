import Foundation

public enum AttemptProgress: String, Sendable, Codable, CaseIterable {
    case inProgress
    /// Finished, with answers a facilitator still has to grade (essays).
    case awaitingGrading
    case graded
}

/// An attempt's grades and score.
public struct AttemptResult: Sendable, Equatable {
    public let progress: AttemptProgress
    /// Each question's grade by question id, a facilitator's grade taking precedence.
    public let grades: [String: GradedResponse]
    /// Σ fraction × mark over the questions graded so far.
    public let marksAwarded: Double
    /// Σ mark over the questions that are graded at all (descriptions are not).
    public let totalMarks: Double
    /// 100 × awarded ÷ total: final once `progress` is `graded`, provisional before.
    /// Nil when nothing in the attempt carries marks.
    public let percent: Double?
    /// percent ≥ the pass mark; nil (undecided) until the attempt is fully graded.
    public let passed: Bool?

    public init(
        progress: AttemptProgress, grades: [String: GradedResponse], marksAwarded: Double, totalMarks: Double,
        percent: Double?, passed: Bool?
    ) {
        self.progress = progress
        self.grades = grades
        self.marksAwarded = marksAwarded
        self.totalMarks = totalMarks
        self.percent = percent
        self.passed = passed
    }
}

extension AttemptMachine {
    /// Scores are compared with this slack so that 70 % reached through sums such as
    /// 1/3 + 1/3 + … (which come to 69.99999999999999) passes a 70 % pass mark.
    static let passSlack = 1e-9

    /// Grades the attempt as it stands at `now` against the bank's current questions.
    /// A question missing from `questions` (deleted from the bank) earns 0 but keeps its
    /// marks in the total: losing data must never raise anyone's score.
    public static func result(
        of attempt: AttemptState, questions: [String: Question], settings: QuizSettings, now: Date
    ) -> AttemptResult {
        let attempt = attempt.effectiveState(at: now)
        var grades: [String: GradedResponse] = [:]
        var awarded = 0.0
        var total = 0.0
        var pending = false
        for slot in attempt.slots {
            var grade = GradedResponse.notAnswered
            if let question = questions[slot.questionID] {
                grade = QuestionGrader.grade(question, attempt.answers[slot.questionID]?.submission.response)
            }
            if grade.state != .notGradable, let manual = attempt.manualGrades[slot.questionID] {
                grade = GradedResponse(
                    fraction: manual, feedback: grade.feedback, state: .forFraction(manual), message: grade.message)
            }
            grades[slot.questionID] = grade
            if grade.state == .notGradable { continue }
            total += slot.mark
            if let fraction = grade.fraction {
                awarded += fraction * slot.mark
            } else {
                pending = true
            }
        }
        let progress: AttemptProgress =
            !attempt.isFinished ? .inProgress : pending ? .awaitingGrading : .graded
        let percent = total > 0 ? awarded * 100 / total : nil
        let passed = progress == .graded ? percent.map { $0 + passSlack >= settings.passMark } : nil
        return AttemptResult(
            progress: progress, grades: grades, marksAwarded: awarded, totalMarks: total, percent: percent,
            passed: passed)
    }
}
