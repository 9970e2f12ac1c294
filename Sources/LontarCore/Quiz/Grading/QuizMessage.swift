import Foundation

/// Every catalogue key the grading, attempt and quiz-settings rules use (texts in
/// `quiz.id.json` and `quiz.en.json`). Typed rather than written as string literals so a
/// misspelt key cannot compile and the catalogue test can list them all; the `quiz.`
/// prefix keeps them apart from other areas, as the app merges all catalogue files.
enum QuizMessageKey: String, Sendable, CaseIterable {
    // Grading (QuestionGrader)
    case notANumber = "quiz.grading.not_a_number"
    // Settings (QuizSettings.validate)
    case passMarkRange = "quiz.settings.pass_mark_out_of_range"
    case timeLimitInvalid = "quiz.settings.time_limit_invalid"
    case maxAttemptsInvalid = "quiz.settings.max_attempts_invalid"
    // Attempts (AttemptMachine)
    case attemptsExhausted = "quiz.attempt.attempts_exhausted"
    case noQuestions = "quiz.attempt.no_questions"
    case markInvalid = "quiz.attempt.mark_invalid"
    case deadlinePassed = "quiz.attempt.deadline_passed"
    case alreadyFinished = "quiz.attempt.already_finished"
    case unknownQuestion = "quiz.attempt.unknown_question"
    case answerIDInvalid = "quiz.attempt.answer_id_invalid"
    case answerIDReused = "quiz.attempt.answer_id_reused"
    case notFinished = "quiz.attempt.not_finished"
    case manualGradeRange = "quiz.attempt.manual_grade_out_of_range"
}

extension LocalizableMessage {
    static func quiz(_ key: QuizMessageKey, _ arguments: [String] = []) -> LocalizableMessage {
        LocalizableMessage(key.rawValue, arguments)
    }
}
