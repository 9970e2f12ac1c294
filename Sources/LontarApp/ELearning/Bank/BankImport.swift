import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// The two file formats a question bank moves in.
enum QuestionFileFormat: String, CaseIterable, Sendable {
    case gift, moodlexml

    /// The file's media type and extension, for downloads.
    var mediaType: HTTPMediaType {
        switch self {
        case .gift: HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
        case .moodlexml: HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        }
    }

    var fileExtension: String {
        switch self {
        case .gift: "gift"
        case .moodlexml: "xml"
        }
    }
}

/// Importing a GIFT or Moodle XML file into a course's bank: the page and the API share it.
/// A file is taken whole or not at all: every issue is reported and nothing is written, so
/// an author fixes the file and imports it again without cleaning up half an import.
enum BankImport {
    /// The outcome: how many questions were added, or every issue with the file.
    enum Outcome {
        case imported(Int)
        case refused([QuestionImportIssue])
    }

    /// Reads the file with Core's readers. GIFT is text: UTF-8, a byte-order mark allowed
    /// (Core skips it); a file in another encoding is refused rather than imported with
    /// garbled letters. Moodle XML is read from its bytes (its declaration names the encoding).
    static func parse(_ bytes: [UInt8], format: QuestionFileFormat) -> Result<[Question], QuestionImportFailure> {
        let parsed: Result<[Question], QuestionImportFailure>
        switch format {
        case .gift:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(.init([QuestionImportIssue(message: LocalizableMessage("quizpage.import.notUTF8"))]))
            }
            parsed = GIFT.parse(text)
        case .moodlexml:
            parsed = MoodleXML.parse(bytes)
        }
        switch parsed {
        case .failure(let failure):
            return .failure(failure)
        case .success(let questions) where questions.isEmpty:
            return .failure(.init([QuestionImportIssue(message: LocalizableMessage("quizpage.import.empty"))]))
        case .success(let questions):
            return .success(questions)
        }
    }

    /// Parses and, when the file is sound, adds every question after the bank's last one in
    /// one transaction.
    static func run(
        _ bytes: [UInt8], format: QuestionFileFormat, courseID: UUID, now: Date, on db: any Database
    ) async throws -> Outcome {
        switch parse(bytes, format: format) {
        case .failure(let failure):
            return .refused(failure.issues)
        case .success(let questions):
            let rows = try questions.map { try row(for: $0, courseID: courseID, now: now) }
            try await db.retryingTransaction { db in
                // Read inside the transaction, so two imports at once still number in order.
                let last = try await BankQuestion.query(on: db).filter(\.$course.$id == courseID).max(\.$position)
                for (offset, row) in rows.enumerated() {
                    let copy = BankQuestion()
                    copy.$course.id = courseID
                    copy.category = row.category
                    copy.kind = row.kind
                    copy.name = row.name
                    copy.question = row.question
                    copy.position = (last ?? 0) + offset + 1
                    copy.createdAt = row.createdAt
                    try await copy.create(on: db)
                }
            }
            return .imported(rows.count)
        }
    }

    /// The row for one question: its category ("" for none), its type for filtering, and a
    /// name to list it by.
    static func row(for question: Question, courseID: UUID, now: Date) throws -> BankQuestion {
        let row = BankQuestion()
        row.$course.id = courseID
        row.category = question.category ?? ""
        row.kind = question.body.kind.rawValue
        row.name = name(of: question)
        row.question = try QuizAttempts.encode(question)
        row.position = 0
        row.createdAt = now
        return row
    }

    /// Longest name kept; a list row should not wrap over many lines on a phone.
    static let nameLength = 80

    /// The question's title, else the start of its text as a reader sees it.
    static func name(of question: Question) -> String {
        if let title = question.title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
            return String(title.prefix(nameLength))
        }
        let words = QuestionText.plain(question.text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard words.count > nameLength else { return words }
        return String(words.prefix(nameLength - 1)) + "…"
    }
}

/// Question texts as plain text. Texts come from files written elsewhere (Moodle, a
/// partner's editor) and may be HTML; pages show them escaped, so markup is reduced to its
/// words and line breaks rather than trusted.
enum QuestionText {
    /// A `[markdown]` text (GIFT, Moodle XML) as the author formatted it: bold, lists, code,
    /// through the same sanitising renderer as lessons. Other formats give nil and are shown
    /// as `plain` text.
    static func html(_ text: FormattedText) -> String? {
        guard text.format == .markdown else { return nil }
        let html = LessonMarkdown.html(text.text)
        return html.isEmpty ? nil : html
    }

    static func plain(_ text: FormattedText) -> String {
        guard text.format == .html else { return text.text }
        var result = text.text
        for breaking in ["<br>", "<br/>", "<br />", "</p>", "</div>", "</li>", "</h1>", "</h2>", "</h3>", "</tr>"] {
            result = result.replacingOccurrences(of: breaking, with: "\n", options: .caseInsensitive)
        }
        result = result.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        let entities = [
            "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'",
        ]
        for (entity, character) in entities { result = result.replacingOccurrences(of: entity, with: character) }
        // Last, so "&amp;lt;" becomes the text "&lt;" and not "<".
        result = result.replacingOccurrences(of: "&amp;", with: "&")
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
