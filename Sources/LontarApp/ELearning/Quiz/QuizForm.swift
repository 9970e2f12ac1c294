import Foundation
import LontarCore

/// The quiz form as typed: every field a string, so a bad value is shown back as written.
struct QuizInput: Encodable, Equatable {
    var title = ""
    var intro = ""
    /// Minutes; empty for no limit.
    var time_limit = ""
    /// Empty for unlimited.
    var max_attempts = ""
    var pass_mark = "70"
    var shuffle = false
    var review_marks = ReviewTiming.afterEachAttempt.rawValue
    var review_feedback = ReviewTiming.afterEachAttempt.rawValue
    var review_right = ReviewTiming.afterPassOrLastAttempt.rawValue
    /// How many questions to draw, by category; a category not listed is not drawn from.
    var draws: [String: String] = [:]

    static let maxTitle = 200
    static let maxIntro = 20_000

    init() {}

    /// The stored quiz as the form shows it.
    init(_ quiz: Quiz) {
        let settings = QuizAttempts.settings(of: quiz)
        title = quiz.title
        intro = quiz.intro
        time_limit = settings.timeLimit.map { QuizForm.number($0 / 60) } ?? ""
        max_attempts = settings.maxAttempts.map(String.init) ?? ""
        pass_mark = QuizForm.number(settings.passMark)
        shuffle = settings.shuffle
        review_marks = settings.reviewShows.marks.rawValue
        review_feedback = settings.reviewShows.feedback.rawValue
        review_right = settings.reviewShows.rightAnswers.rawValue
        for draw in QuizAttempts.draws(of: quiz) { draws[draw.category] = String(draw.count) }
    }

    /// The posted form. Draw counts come as `draw.<n>` beside a hidden `drawcat.<n>` holding
    /// the category, so any category name survives the trip as a value, never as a key.
    init(_ fields: FormFields) {
        title = fields["title"] ?? ""
        intro = fields["intro"] ?? ""
        time_limit = (fields["time_limit"] ?? "").trimmingCharacters(in: .whitespaces)
        max_attempts = (fields["max_attempts"] ?? "").trimmingCharacters(in: .whitespaces)
        pass_mark = (fields["pass_mark"] ?? "").trimmingCharacters(in: .whitespaces)
        shuffle = fields["shuffle"] != nil
        // An unknown or missing timing keeps the default rather than silently meaning "never".
        func timing(_ name: String, _ fallback: ReviewTiming) -> String {
            (fields[name].flatMap(ReviewTiming.init(rawValue:)) ?? fallback).rawValue
        }
        review_marks = timing("review_marks", .afterEachAttempt)
        review_feedback = timing("review_feedback", .afterEachAttempt)
        review_right = timing("review_right", .afterPassOrLastAttempt)
        for (name, category) in fields.pairs where name.hasPrefix("drawcat.") {
            let count = (fields["draw." + name.dropFirst("drawcat.".count)] ?? "").trimmingCharacters(in: .whitespaces)
            if !count.isEmpty { draws[category] = count }
        }
    }
}

/// A quiz ready to be stored.
struct QuizDraft: Equatable {
    let title: String
    let intro: String
    let settings: QuizSettings
    let draws: [QuizDraw]
}

/// One problem with the form, with the field it belongs to (`draw.<category>` for a draw).
struct QuizFormProblem: Equatable {
    let field: String
    let message: LocalizableMessage
}

/// Every problem with the form; never empty.
struct QuizFormProblems: Error, Equatable {
    let items: [QuizFormProblem]
}

enum QuizForm {
    /// Checks the form; `pools` is how many gradable questions each category of the bank has.
    static func validate(_ input: QuizInput, pools: [String: Int]) -> Result<QuizDraft, QuizFormProblems> {
        var problems: [QuizFormProblem] = []
        let title = input.title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if title.isEmpty { problems.append(.init(field: "title", message: .init("quizpage.form.titleRequired"))) }
        if title.count > QuizInput.maxTitle {
            problems.append(
                .init(field: "title", message: .init("quizpage.form.tooLong", [String(QuizInput.maxTitle)])))
        }
        let intro = input.intro.trimmingCharacters(in: .whitespacesAndNewlines)
        if intro.count > QuizInput.maxIntro {
            problems.append(
                .init(field: "intro", message: .init("quizpage.form.tooLong", [String(QuizInput.maxIntro)])))
        }
        var settings = QuizSettings()
        if !input.time_limit.isEmpty {
            if let minutes = decimal(input.time_limit) {
                settings.timeLimit = minutes * 60
            } else {
                problems.append(notNumber("time_limit", input.time_limit))
            }
        }
        if !input.max_attempts.isEmpty {
            if let count = Int(input.max_attempts) {
                settings.maxAttempts = count
            } else {
                problems.append(
                    .init(field: "max_attempts", message: .init("quizpage.form.notWholeNumber", [input.max_attempts])))
            }
        }
        if input.pass_mark.isEmpty {
            problems.append(.init(field: "pass_mark", message: .init("quizpage.form.passMarkRequired")))
        } else if let mark = decimal(input.pass_mark) {
            settings.passMark = mark
        } else {
            problems.append(notNumber("pass_mark", input.pass_mark))
        }
        settings.shuffle = input.shuffle
        settings.reviewShows = ReviewOptions(
            marks: ReviewTiming(rawValue: input.review_marks) ?? .afterEachAttempt,
            feedback: ReviewTiming(rawValue: input.review_feedback) ?? .afterEachAttempt,
            rightAnswers: ReviewTiming(rawValue: input.review_right) ?? .afterPassOrLastAttempt)
        for message in settings.validate() { problems.append(.init(field: field(of: message), message: message)) }
        var draws: [QuizDraw] = []
        for category in input.draws.keys.sorted() {
            let text = input.draws[category] ?? ""
            guard let count = Int(text), count >= 0 else {
                problems.append(
                    .init(field: "draw." + category, message: .init("quizpage.form.notWholeNumber", [text])))
                continue
            }
            let pool = pools[category] ?? 0
            if count > pool {
                problems.append(
                    .init(
                        field: "draw." + category,
                        message: .init("elearning.quiz.bankShort", [category, String(count), String(pool)])))
            } else if count > 0 {
                draws.append(QuizDraw(category: category, count: count))
            }
        }
        guard problems.isEmpty else { return .failure(QuizFormProblems(items: problems)) }
        return .success(QuizDraft(title: title, intro: intro, settings: settings, draws: draws))
    }

    /// Which field a Core settings message is about.
    static func field(of message: LocalizableMessage) -> String {
        switch message.key {
        case _ where message.key.contains("pass_mark"): "pass_mark"
        case _ where message.key.contains("time_limit"): "time_limit"
        case _ where message.key.contains("max_attempts"): "max_attempts"
        default: "settings"
        }
    }

    private static func notNumber(_ field: String, _ text: String) -> QuizFormProblem {
        .init(field: field, message: .init("quizpage.form.notNumber", [text]))
    }

    /// "70", "70,5" or "70.5"; Indonesian forms write the decimal comma.
    static func decimal(_ text: String) -> Double? {
        let normalised = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !normalised.isEmpty, normalised.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
            let value = Double(normalised), value.isFinite
        else { return nil }
        return value
    }

    /// 70 → "70", 72.5 → "72,5": the shortest form that reads back the same.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e12 { return String(Int64(value)) }
        return "\(value)".replacingOccurrences(of: ".", with: ",")
    }
}
