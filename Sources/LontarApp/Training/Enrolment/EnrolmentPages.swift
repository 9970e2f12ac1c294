import Foundation

struct ApprovalsPage: Encodable {
    struct Row: Encodable {
        let id: String
        let name: String
        let nip: String
        let agency: String
        let programme: String
        let className: String
        let classHref: String
        let dates: String
        let requested: String
        let status: String
        let statusTag: String
        let nominated: Bool
        /// Nil once the class has finished: the request can only be declined.
        let approveHref: String?
        let declineHref: String
        /// Set on the row whose decline was refused, with what was typed.
        let error: String?
        let reason: String
    }
    let layout: Layout
    let rows: [Row]
    let pager: Pager
    let back: String
}

struct MyTrainingPage: Encodable {
    struct Row: Encodable {
        let programme: String
        let className: String
        let classHref: String
        let dates: String
        let jp: String
        let status: String
        let statusTag: String
        let detail: String?
        let classStatus: String?
        let certificateHref: String?
        let cancelHref: String?
        /// The action plan: to write once the class has begun, to read once written.
        let planHref: String?
        let planLabel: String?
    }
    let layout: Layout
    let current: [Row]
    let past: [Row]
    let calendarHref: String
    let catalogueHref: String
    let notifications: NotificationLink?
    let back: String
}

struct NotificationsPage: Encodable {
    struct Row: Encodable {
        let text: String
        let href: String
        let when: String
        let unread: Bool
    }
    let layout: Layout
    let rows: [Row]
    let unread: Int
    let markReadHref: String
    let pager: Pager
}
