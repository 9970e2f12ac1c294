import Foundation

/// Page models for the course pages: plain values, filled by the controllers, rendered by
/// the templates under `elearning/courses/`.

/// A course in a list: the learner's, one being written, one open to join.
struct CourseCard: Encodable {
    let href: String
    let title: String
    let summary: String
    let programme: String
    let jp: String
    /// The learner's progress, 0…100; nil where the viewer is not enrolled.
    let percent: Int?
    let progressText: String?
    let completed: Bool
    /// "Draf" or "Diarsipkan" beside a course an author writes.
    let status: String?
    let statusTag: String
    let editHref: String?
}

struct CourseListPage: Encodable {
    let layout: Layout
    let isEmployee: Bool
    let mine: [CourseCard]
    let writing: [CourseCard]
    let available: [CourseCard]
    let pager: Pager?
}

struct CourseFormPage: Encodable {
    struct Values: Encodable {
        var title = ""
        var summary = ""
        var openEnrolment = true
    }
    let layout: Layout
    let action: String
    let cancelHref: String
    let programmeTitle: String
    let values: Values
    let errors: [String]
    let invalid: [String: Bool]
}

struct CourseHomePage: Encodable {
    struct LessonRow: Encodable {
        let title: String
        let href: String?
        let kind: String
        let minutes: String
        let state: String
        let stateLabel: String
        let optional: Bool
        /// For authors: the lesson is not yet published.
        let draft: Bool
    }
    struct Section: Encodable {
        let title: String
        let lessons: [LessonRow]
    }
    struct AuthorLinks: Encodable {
        let editHref: String
        let learnersHref: String
        let assignHref: String
        let filesHref: String
    }
    let layout: Layout
    let listHref: String
    let courseID: String
    let title: String
    let summary: String
    let programme: String
    let programmeHref: String
    let jp: String
    let totalMinutes: String
    let status: String?
    let statusTag: String
    let enrolled: Bool
    let completed: Bool
    let percent: Int
    let progressText: String
    let continueHref: String?
    let continueLabel: String
    let enrolHref: String?
    let closedNote: Bool
    let certificateHref: String?
    let sections: [Section]
    let author: AuthorLinks?
    let offline: Bool
}

struct CourseEditPage: Encodable {
    struct LessonRow: Encodable {
        let title: String
        let kind: String
        let published: Bool
        let required: Bool
        let editHref: String
        let previewHref: String
        let moveAction: String
        let canUp: Bool
        let canDown: Bool
        let otherSections: [Option]
    }
    struct Section: Encodable {
        let title: String
        let action: String
        let moveAction: String
        let canUp: Bool
        let canDown: Bool
        let canDelete: Bool
        let newLessonHref: String
        let lessons: [LessonRow]
    }
    struct Author: Encodable {
        let name: String
        let username: String
        let userID: String
    }
    struct Quiz: Encodable {
        let title: String
        let href: String
        let editHref: String
    }
    let layout: Layout
    let courseHref: String
    let action: String
    let values: CourseFormPage.Values
    let errors: [String]
    let invalid: [String: Bool]
    let status: String
    let statusTag: String
    let statusAction: String
    let statusTargets: [Option]
    let statusError: String?
    let revision: Int
    let sections: [Section]
    let sectionAction: String
    let sectionError: String?
    let authors: [Author]
    let canManageAuthors: Bool
    let authorsAction: String
    let authorError: String?
    let filesHref: String
    let bankHref: String
    let quizNewHref: String
    let quizzes: [Quiz]
    let learnersHref: String
    let assignHref: String
}

struct LessonFormPage: Encodable {
    struct Values: Encodable {
        var section = ""
        var kind = LessonKind.text.rawValue
        var title = ""
        var body = ""
        var url = ""
        var file = ""
        var quiz = ""
        var minutes = "10"
        var required = true
        var requiresPrevious = false
        var published = false
    }
    let layout: Layout
    let action: String
    let cancelHref: String
    let isNew: Bool
    let values: Values
    let sections: [Option]
    let kinds: [Option]
    let files: [Option]
    let quizzes: [Option]
    let errors: [String]
    let invalid: [String: Bool]
    let previewHref: String?
    let filesHref: String
    let quizNewHref: String
}

struct LessonPage: Encodable {
    struct FileLink: Encodable {
        let href: String
        let name: String
        let type: String
        let size: String
        let isVideo: Bool
        let contentType: String
    }
    struct Neighbour: Encodable {
        let href: String
        let title: String
    }
    let layout: Layout
    let lessonID: String
    let courseHref: String
    let courseTitle: String
    let section: String
    let title: String
    let kind: String
    let kindLabel: String
    let minutes: String
    let body: String
    let file: FileLink?
    let link: String?
    let quizHref: String?
    let done: Bool
    let doneAction: String?
    let preview: Bool
    let editHref: String?
    let previous: Neighbour?
    let next: Neighbour?
}

struct LessonLockedPage: Encodable {
    let layout: Layout
    let title: String
    let courseHref: String
    let firstHref: String
    let firstTitle: String
}

struct CourseFilesPage: Encodable {
    struct Row: Encodable {
        let name: String
        let href: String
        let type: String
        let size: String
        let uploaded: String
        let usedBy: [String]
    }
    let layout: Layout
    let editHref: String
    let action: String
    let maxSize: String
    let rows: [Row]
    let error: String?
}

struct CourseLearnersPage: Encodable {
    struct Row: Encodable {
        let name: String
        let nip: String
        let agency: String
        let percent: Int
        let progress: String
        let lastSeen: String
        let completed: Bool
    }
    let layout: Layout
    let courseHref: String
    let assignHref: String
    let rows: [Row]
    let pager: Pager
}

struct CourseAssignPage: Encodable {
    struct Result: Encodable {
        let nip: String
        let name: String
        let outcome: String
        let tag: String
    }
    let layout: Layout
    let courseHref: String
    let action: String
    let text: String
    let scope: String?
    let results: [Result]
    let error: String?
}
