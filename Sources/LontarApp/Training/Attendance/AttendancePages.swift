import Foundation

/// The roll of one session: one radio group per confirmed participant, one form.
struct AttendancePage: Encodable {
    struct Choice: Encodable {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }
    struct Row: Encodable {
        let id: String
        let name: String
        let agency: String
        let choices: [Choice]
        /// "Absen mandiri 09.05" when the participant checked themselves in.
        let note: String?
    }
    struct SessionLink: Encodable {
        let href: String
        let label: String
        let current: Bool
    }
    let layout: Layout
    let classTitle: String
    let sessionLabel: String
    let topic: String?
    let action: String
    let codeHref: String
    let completionHref: String
    let sessions: [SessionLink]
    let rows: [Row]
    let summary: String
    let errors: [String]
}

/// What the facilitator shows on the projector: the code of this minute, big.
struct CheckInCodePage: Encodable {
    let layout: Layout
    let classTitle: String
    let sessionLabel: String
    /// "123 456", or nil outside the check-in window.
    let code: String?
    let changesAt: String?
    /// Seconds until the page should reload itself (the code changes, or the window opens).
    let refreshIn: Int?
    let closedMessage: String?
    let checkedIn: String
    let checkInAddress: String
    let attendanceHref: String
}

/// The participant's side: type the code shown in the room.
struct CheckInPage: Encodable {
    struct Option: Encodable {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }
    let layout: Layout
    let action: String
    /// Sessions of the participant that are open for check-in now; a choice only when several.
    let options: [Option]
    let today: [String]
    let code: String
    let error: String?
}
