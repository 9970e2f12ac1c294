import Foundation
import LontarCore
import Vapor

/// A finished attempt as its learner may see it: marks, feedback and right answers each
/// only when the quiz's review options allow (`ReviewOptions.visible`).
struct ReviewItem: Encodable {
    let id: String
    let number: String
    let text: String
    /// The text rendered, for `[markdown]` texts only (sanitised HTML).
    let textHTML: String?
    let isDescription: Bool
    /// The learner's answer in words, one line per part.
    let answer: [String]
    /// correct, partial, incorrect, needsGrading, notAnswered (with marks visible), else nil.
    let state: String?
    let stateLabel: String?
    /// "0,5 / 1" with marks visible.
    let mark: String?
    let awaitingGrading: Bool
    let feedback: [String]
    let generalFeedback: String?
    let rightAnswers: [String]
}

enum AttemptReview {
    static func items(
        state: AttemptState, result: AttemptResult, questions: [String: Question], visible: ReviewVisibility,
        req: Request
    ) -> [ReviewItem] {
        var number = 0
        return state.slots.compactMap { slot in
            guard let question = questions[slot.questionID] else { return nil }
            let isDescription = question.body.kind == .description
            if !isDescription { number += 1 }
            let grade = result.grades[slot.questionID]
            let awaiting = grade?.state == .needsGrading
            var stateName: String?
            var mark: String?
            if visible.marks, !isDescription, let grade {
                stateName = grade.state.rawValue
                if let fraction = grade.fraction {
                    mark =
                        QuizForm.number(((fraction * slot.mark) * 100).rounded() / 100) + " / "
                        + QuizForm.number(slot.mark)
                }
            }
            var feedback: [String] = []
            var general: String?
            if visible.feedback {
                feedback = (grade?.feedback ?? []).map(QuestionText.plain).filter { !$0.isEmpty }
                if let message = grade?.message { feedback.append(req.t(message)) }
                general = question.generalFeedback.map(QuestionText.plain).flatMap { $0.isEmpty ? nil : $0 }
            }
            return ReviewItem(
                id: slot.questionID, number: isDescription ? "" : String(number),
                text: QuestionText.plain(question.text), textHTML: QuestionText.html(question.text),
                isDescription: isDescription,
                answer: QuestionViews.describe(
                    state.answers[slot.questionID]?.submission.response, to: question, req: req),
                state: stateName, stateLabel: stateName.map { req.t("quizpage.state." + $0) }, mark: mark,
                awaitingGrading: awaiting, feedback: feedback, generalFeedback: general,
                rightAnswers: visible.rightAnswers ? QuestionViews.rightAnswers(question, req: req) : [])
        }
    }
}
