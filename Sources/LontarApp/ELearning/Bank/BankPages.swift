import Foundation
import LontarCore
import Vapor

extension Paths {
    /// Deleting one question of a course's bank (POST).
    static func questionDelete(_ courseID: UUID, _ questionID: UUID) -> String {
        "/kursus/\(courseID.uuidString)/soal/\(questionID.uuidString)/hapus"
    }
}

/// The course's question bank with its import form, export links and quizzes.
struct BankPage: Encodable {
    struct Row: Encodable {
        let name: String
        let category: String
        let type: String
        let deleteAction: String
    }
    struct Issue: Encodable {
        let place: String
        let message: String
    }
    struct QuizRow: Encodable {
        let title: String
        let href: String
        let editHref: String
        let resultsHref: String
    }
    struct Download: Encodable {
        let label: String
        let href: String
    }
    let layout: Layout
    let courseTitle: String
    let courseHref: String
    let bankHref: String
    let importAction: String
    let formats: [Option]
    let issues: [Issue]
    let categories: [Option]
    let types: [Option]
    let rows: [Row]
    let total: Int
    let pager: Pager
    let downloads: [Download]
    let quizzes: [QuizRow]
    let newQuizHref: String
}

extension QuestionKind {
    /// The catalogue key of the type's name.
    var labelKey: String { "quizpage.type." + rawValue }
}

extension QuestionImportIssue {
    /// "Baris 12" (GIFT) or "Soal 3" (Moodle XML), or nothing for the file as a whole.
    func place(_ req: Request) -> String {
        if let question { return req.t("quizpage.import.question", String(question)) }
        if let line { return req.t("quizpage.import.line", String(line)) }
        return ""
    }
}
