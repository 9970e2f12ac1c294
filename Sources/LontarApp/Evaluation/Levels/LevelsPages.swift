import Foundation

/// Page models for the L2–L4 pages: plain values, rendered by `evaluation/levels/*`.

struct EvaluationSettingsPage: Encodable {
    struct Option: Encodable {
        let id: String
        let title: String
    }
    struct Values: Encodable {
        var preQuiz = ""
        var postQuiz = ""
        var delayMonths = "3"
        var windowDays = "30"
        var reminderDays = "7"
    }
    let layout: Layout
    let programmeTitle: String
    let programmeHref: String
    let action: String
    let gainHref: String
    let interviewsHref: String
    let indicatorsHref: String
    let quizzes: [Option]
    let values: Values
    let errors: [String]
    let invalid: [String: Bool]
}

struct GainPage: Encodable {
    struct Summary: Encodable {
        let name: String
        let pairs: String
        let meanPre: String
        let meanPost: String
        let normalisedGain: String
        let band: String
        let fell: String
    }
    struct Row: Encodable {
        let name: String
        let nip: String
        let className: String
        let pre: String
        let post: String
        let gain: String
        let normalisedGain: String
        let fell: Bool
    }
    let layout: Layout
    let programmeTitle: String
    let programmeHref: String
    let settingsHref: String
    /// Both tests chosen; otherwise the page says where to choose them.
    let configured: Bool
    let programme: Summary
    let classes: [Summary]
    let rows: [Row]
    let fellCount: Int
}

struct InterviewsPage: Encodable {
    struct Row: Encodable {
        let href: String
        let name: String
        let role: String
        let heldOn: String
        let findings: String
    }
    struct Option: Encodable {
        let value: String
        let label: String
    }
    struct Values: Encodable {
        var heldOn = ""
        var nip = ""
        var name = ""
        var role = ""
        var questions = ""
        var findings = ""
        var needs = ""
    }
    let layout: Layout
    let programmeTitle: String
    let programmeHref: String
    let action: String
    let rows: [Row]
    let roles: [Option]
    let values: Values
    let errors: [String]
    let invalid: [String: Bool]
}

struct InterviewPage: Encodable {
    struct Attachment: Encodable {
        let href: String
        let name: String
        let size: String
        let removeAction: String
    }
    let layout: Layout
    let programmeTitle: String
    let listHref: String
    let name: String
    let nip: String?
    let role: String
    let heldOn: String
    let interviewer: String
    let questions: String
    let findings: String
    let needs: String?
    let action: String
    let maxSize: String
    let attachments: [Attachment]
    let error: String?
}

struct IndicatorsPage: Encodable {
    struct Row: Encodable {
        let name: String
        let agency: String
        let year: String
        let baseline: String
        let result: String
        let change: String
        let verdict: String
        let improved: Bool
        let worse: Bool
        let evidence: String
        let evidenceHref: String?
        let evidenceName: String?
    }
    struct Option: Encodable {
        let value: String
        let label: String
    }
    struct Values: Encodable {
        var agency = ""
        var year = ""
        var name = ""
        var unit = ""
        var baseline = ""
        var result = ""
        var higherIsBetter = true
        var evidence = ""
    }
    let layout: Layout
    let programmeTitle: String
    let programmeHref: String
    let action: String
    let rows: [Row]
    /// Whether this person records for some OPD (an organiser's operator whose OPD sent no one only reads).
    let canRecord: Bool
    let agencies: [Option]
    let maxSize: String
    let values: Values
    let errors: [String]
    let invalid: [String: Bool]
}

struct StaffEvaluationPage: Encodable {
    struct Invitation: Encodable {
        let programme: String
        let who: String
        let sentOn: String
        let closesOn: String
        let answered: Bool
        let status: String
    }
    struct Line: Encodable {
        let prompt: String
        let value: String
    }
    struct Answers: Encodable {
        let title: String
        let who: String
        let submittedOn: String
        let lines: [Line]
    }
    /// An action plan of theirs: the programme, the goal, and the way to the whole plan.
    struct Plan: Encodable {
        let programme: String
        let goal: String
        let href: String
    }
    struct Person: Encodable {
        let name: String
        let nip: String
        let invitations: [Invitation]
        let answers: [Answers]
        let plans: [Plan]
    }
    let layout: Layout
    let people: [Person]
}
