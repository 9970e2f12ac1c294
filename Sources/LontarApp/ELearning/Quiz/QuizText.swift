import Fluent
import Foundation
import LontarCore
import Vapor

/// Quiz facts in words for learners, in their language.
enum QuizText {
    /// "Batas waktu 30 menit", "Boleh dikerjakan 3 kali", "Nilai lulus 70%" …
    static func settings(_ settings: QuizSettings, questionCount: Int, req: Request) -> [String] {
        var lines: [String] = [req.t("quizpage.quiz.questions", String(questionCount))]
        if let limit = settings.timeLimit {
            lines.append(req.t("quizpage.quiz.timeLimit", QuizForm.number(limit / 60)))
        } else {
            lines.append(req.t("quizpage.quiz.noTimeLimit"))
        }
        if let maximum = settings.maxAttempts {
            lines.append(req.t("quizpage.quiz.attempts", String(maximum)))
        } else {
            lines.append(req.t("quizpage.quiz.unlimitedAttempts"))
        }
        lines.append(req.t("quizpage.quiz.passMark", QuizForm.number(settings.passMark)))
        if settings.shuffle { lines.append(req.t("quizpage.quiz.shuffled")) }
        return lines
    }

    /// "selesai pukul 10.35 WITA", with the date when it is not today in Kupang.
    static func deadline(_ deadline: Date, now: Date, req: Request) -> String {
        let time = AttendanceFormat.clock(deadline, req.language)
        let day = CivilDate.today(in: CityTime.zone, now: deadline)
        if day == CivilDate.today(in: CityTime.zone, now: now) { return req.t("quizpage.attempt.deadline", time) }
        return req.t("quizpage.attempt.deadlineOn", time, CityTime.longDate(day, language: req.language))
    }

    /// "80%", or "72,5%".
    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return QuizForm.number((value * 10).rounded() / 10) + "%"
    }

    /// The attempt's state as the lists name it.
    static func progress(_ attempt: QuizAttempt, req: Request) -> String {
        switch AttemptProgress(rawValue: attempt.progress) ?? .inProgress {
        case .inProgress: req.t("quizpage.progress.inProgress")
        case .awaitingGrading: req.t("quizpage.progress.awaitingGrading")
        case .graded: req.t("quizpage.progress.graded")
        }
    }

    /// How many gradable questions an attempt of the quiz will have.
    static func questionCount(of quiz: Quiz, on db: any Database) async throws -> Int {
        let draws = QuizAttempts.draws(of: quiz)
        if !draws.isEmpty { return draws.reduce(0) { $0 + $1.count } }
        return try await BankQuestion.query(on: db).filter(\.$course.$id == quiz.$course.id)
            .filter(\.$kind != QuestionKind.description.rawValue).count()
    }
}
