import Foundation

/// Who completed a class: attendance, score, the rule's verdict with its reasons, and the
/// facilitator's confirmation (which credits JP and issues the certificate).
struct CompletionPage: Encodable {
    struct Row: Encodable {
        let id: String
        let name: String
        let agency: String
        let attendance: String
        let score: String
        /// The score as text for completed rows, where it can no longer change.
        let scoreShown: String
        let scoreInvalid: Bool
        let meets: Bool
        let reasons: [String]
        let completed: Bool
        let certificateHref: String?
        let selectable: Bool
        let picked: Bool
    }
    struct SessionRow: Encodable {
        let label: String
        let topic: String?
        let present: String
        let attendanceHref: String
        let codeHref: String
    }
    let layout: Layout
    let classTitle: String
    let rule: String
    let requiresAssessment: Bool
    let cancelled: Bool
    let action: String
    let rows: [Row]
    let sessions: [SessionRow]
    let counts: String
    let eligible: Int
    let confirmAllLabel: String
    let errors: [String]
}
