import Foundation
import LontarCore
import Vapor

struct ExternalLearningPage: Encodable {
    struct Input: Encodable {
        var title = ""
        var organiser = ""
        var form_code = ""
        var start_date = ""
        var end_date = ""
        var jp = ""
        var certificate_number = ""
    }
    /// Which fields to mark `aria-invalid`.
    struct Invalid: Encodable {
        var title = false
        var organiser = false
        var form_code = false
        var start_date = false
        var end_date = false
        var jp = false
        var certificate_number = false
        var certificate = false
    }
    struct Row: Encodable {
        let title: String
        let organiser: String
        let form: String
        let dates: String
        let jp: String
        let certificate: String
        let status: String
        let tone: String
        let reason: String?
        let fileHref: String
        let submitted: String
    }
    let layout: Layout
    let action: String
    let backHref: String
    let input: Input
    let invalid: Invalid
    let forms: [Option]
    let errors: [String]
    let today: String
    let maxJP: String
    let rows: [Row]
}

struct ExternalReviewPage: Encodable {
    struct Row: Encodable {
        let id: String
        let decideHref: String
        let fileHref: String
        let fileName: String
        let employee: String
        let nip: String
        let agency: String
        let title: String
        let organiser: String
        let form: String
        let dates: String
        let jp: String
        let certificate: String
        let submitted: String
        let error: String?
        let reason: String
    }
    let layout: Layout
    let scope: String
    let rows: [Row]
    let pager: Pager
}

extension ExternalLearningPage.Input {
    init(_ input: ExternalLearningInput) {
        title = input.title ?? ""
        organiser = input.organiser ?? ""
        form_code = input.form_code ?? ""
        start_date = input.start_date ?? ""
        end_date = input.end_date ?? ""
        jp = input.jp ?? ""
        certificate_number = input.certificate_number ?? ""
    }
}

extension ExternalLearningPage.Invalid {
    init(fields: Set<String>) {
        title = fields.contains("title")
        organiser = fields.contains("organiser")
        form_code = fields.contains("form_code")
        start_date = fields.contains("start_date")
        end_date = fields.contains("end_date")
        jp = fields.contains("jp")
        certificate_number = fields.contains("certificate_number")
        certificate = fields.contains("certificate")
    }
}

/// A pending submission as the review list shows it, read with its employee in one join.
struct PendingSubmission: Decodable {
    let id: UUID
    let title: String
    let organiser: String
    let form_code: String
    let start_date: String
    let end_date: String
    let jp: Double
    let certificate_number: String
    let file_name: String
    let created_at: Date
    let nip: String
    let name: String
    let front_title: String?
    let back_title: String?
    let agency_code: String
}
