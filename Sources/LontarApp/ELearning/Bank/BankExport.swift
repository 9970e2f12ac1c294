import Fluent
import Foundation
import LontarCore
import Vapor

/// A course's bank (or one category of it) as a GIFT or Moodle XML file, written by Core's
/// writers, in the bank's order. Importing the file into another course gives the same
/// questions back.
enum BankExport {
    static func questions(courseID: UUID, category: String?, on db: any Database) async throws -> [Question] {
        var query = BankQuestion.query(on: db).filter(\.$course.$id == courseID)
        if let category { query = query.filter(\.$category == category) }
        let rows = try await query.sort(\.$category).sort(\.$position).all()
        return try rows.map { row in
            var question = try JSONDecoder().decode(Question.self, from: Data(row.question.utf8))
            // The row's category is the bank's truth; the copy inside the JSON is what the
            // file said when it was imported.
            question.category = row.category.isEmpty ? nil : row.category
            return question
        }
    }

    static func text(_ questions: [Question], format: QuestionFileFormat) -> String {
        switch format {
        case .gift: GIFT.write(questions)
        case .moodlexml: MoodleXML.write(questions)
        }
    }

    /// The file as a download named after the course (and category).
    static func response(
        courseID: UUID, courseTitle: String, category: String?, format: QuestionFileFormat, on db: any Database
    ) async throws -> Response {
        let questions = try await questions(courseID: courseID, category: category, on: db)
        let response = Response(status: .ok, body: .init(string: text(questions, format: format)))
        response.headers.contentType = format.mediaType
        let base = fileSlug(courseTitle + (category.map { " " + $0 } ?? ""))
        response.headers.contentDisposition = .init(.attachment, filename: base + "." + format.fileExtension)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// "Etika & Integritas/Bab 1" → "etika-integritas-bab-1": safe in every browser's save box.
    static func fileSlug(_ title: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789")
        var slug = ""
        for character in title.lowercased().folding(options: .diacriticInsensitive, locale: nil) {
            if allowed.contains(character) {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "soal" : String(slug.prefix(60))
    }
}
