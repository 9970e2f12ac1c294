import Foundation

struct ClassFormPage: Encodable {
    struct Values: Encodable {
        var name = ""
        var capacity = ""
        var registrationOpens = ""
        var registrationCloses = ""
        var cancelCutoffHours = "48"
        var place = ""
        var onlineURL = ""
        var otherFacilitators = ""
    }
    struct SessionRow: Encodable {
        let index: Int
        let number: Int
        let id: String
        let date: String
        let start: String
        let end: String
        let topic: String
        let place: String
        let onlineURL: String
        let invalid: Bool
    }
    let layout: Layout
    let action: String
    let cancelHref: String
    let programmeTitle: String
    let input: Values
    let statuses: [Option]
    let facilitatorChoices: [Check]
    let sessions: [SessionRow]
    let seatsHeld: Int?
    let errors: [String]
    let invalid: [String: Bool]
}

struct ClassPage: Encodable {
    struct Fact: Encodable {
        let label: String
        let value: String
    }
    struct SessionRow: Encodable {
        let number: Int
        let when: String
        let topic: String
        let place: String
        let onlineURL: String
        let attendanceHref: String?
    }
    struct Mine: Encodable {
        let status: String
        let tag: String
        let detail: String?
        let cancelHref: String?
        let cancelNote: String?
        let planHref: String?
        let planLabel: String?
        let certificateHref: String?
    }
    struct Participant: Encodable {
        let name: String
        let nip: String?
        let agency: String
        let status: String
        let tag: String
        let rank: Int?
        let cancelHref: String?
    }
    struct NominationResult: Encodable {
        let nip: String
        let name: String?
        let outcome: String
        let tag: String
    }
    let layout: Layout
    let programmeTitle: String
    let programmeHref: String
    let name: String
    /// Shown unless the class is open, when the registration state already says so.
    let status: String?
    let statusTag: String
    let registration: String
    let registrationTag: String
    let seatsLeft: Int
    let facts: [Fact]
    let onlineURL: String?
    let sessions: [SessionRow]
    let facilitators: [String]
    let mine: Mine?
    let applyHref: String?
    let applyNote: String?
    let editHref: String?
    let completionHref: String?
    /// The participants' action plans, for those who run the class.
    let plansHref: String?
    /// Nil once the class is over or cancelled: nothing left to put in a calendar.
    let calendarHref: String?
    let participants: [Participant]?
    /// Some participant can be acted on (cancelled): otherwise the column would hold only dashes.
    let participantActions: Bool
    let waitlisted: Int
    let nominateHref: String?
    let nominationText: String
    let nominationResults: [NominationResult]
    let nominationError: String?
    let selfHref: String
}
