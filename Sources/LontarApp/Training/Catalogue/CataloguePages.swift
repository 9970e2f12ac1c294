import Foundation

/// A checkbox in a list of choices.
struct Check: Encodable {
    let id: String
    let value: String
    let label: String
    let checked: Bool
}

struct OptionGroup: Encodable {
    let label: String
    let options: [Option]
}

/// A class as the catalogue and the programme page list it.
struct ClassSummary: Encodable {
    let href: String
    let name: String
    let dates: String
    let seatsLeft: Int
    let capacity: Int
    let seatsText: String
    let registration: String
    let registrationTag: String
    let mine: String?
    let mineTag: String
    let applyHref: String?
}

struct CataloguePage: Encodable {
    struct Card: Encodable {
        let href: String
        let title: String
        let summary: String
        let form: String
        let jp: String
        let organiser: String
        let kind: String
        let status: String?
        let statusTag: String
        let classes: [ClassSummary]
    }
    let layout: Layout
    let action: String
    let suggestions: [String]
    let q: String
    let month: String
    let competency: String
    let kinds: [Option]
    let forms: [OptionGroup]
    let organisers: [Option]
    let statuses: [Option]
    let showStatus: Bool
    /// The extra filters start open when one of them is in use.
    let filtersActive: Bool
    let canCreate: Bool
    let newHref: String
    let cards: [Card]
    let pager: Pager
    let notifications: NotificationLink?
}

struct ProgrammePage: Encodable {
    struct Field: Encodable {
        let label: String
        let value: String
    }
    let layout: Layout
    let title: String
    let status: String
    let statusTag: String
    let isPublished: Bool
    let description: String
    let objectives: String
    let prerequisites: String
    let competencies: [String]
    let fields: [Field]
    let classes: [ClassSummary]
    let editHref: String?
    let newClassHref: String?
    let catalogueHref: String
    /// The programme's self-paced courses (e-learning), kept apart from its classes.
    let courses: [CourseLink]
    let newCourseHref: String?
    /// The evaluation pages of the programme, for those who evaluate it (empty for others).
    let evaluationLinks: [CourseLink]
}

struct CourseLink: Encodable {
    let href: String
    let title: String
    let status: String?
}

struct ProgrammeFormPage: Encodable {
    let layout: Layout
    let action: String
    let cancelHref: String
    let input: ProgrammeInput
    let competencyRows: [String]
    let suggestions: [String]
    let paths: [Option]
    let forms: [OptionGroup]
    let kinds: [Option]
    let organiserKinds: [Option]
    let agencies: [Option]
    /// Set for operators: their own OPD organises, and the organiser fields are not shown.
    let fixedOrganiser: String?
    let audienceKinds: [Check]
    let audienceAgencies: [Check]
    let statuses: [Option]
    let international: Bool
    let requiresAssessment: Bool
    let excusedCounts: Bool
    let errors: [String]
    let invalid: [String: Bool]
}

/// "Notifikasi (3 baru)" on pages where a change of status matters.
struct NotificationLink: Encodable {
    let href: String
    let label: String
    let unread: Int
}
