import Fluent
import LontarCore
import Vapor

/// The signed-in person's in-app notifications, newest first.
struct NotificationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.notifications), use: list)
        routes.post(CatalogueRouting.pattern(Paths.notificationsRead), use: markAllRead)
        routes.get(CatalogueRouting.pattern(Paths.notification, parameter: "noteID"), use: open)
    }

    /// Following a notice marks it read, then leads where it points (on this site only).
    func open(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard
            let note = try await InAppNotification.find(try CatalogueRouting.id(req, parameter: "noteID"), on: req.db),
            note.$user.id == principal.userID
        else { throw AppError.notFound() }
        if !note.read {
            note.read = true
            try await note.save(on: req.db)
        }
        return req.redirect(to: CatalogueRouting.localPath(note.link, fallback: Paths.notifications))
    }

    func list(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let paging = PageRequest.from(req, defaultPer: 30, maxPer: 100)
        let query = InAppNotification.query(on: req.db).filter(\.$user.$id == principal.userID)
        let total = try await query.copy().count()
        let unread = try await query.copy().filter(\.$read == false).count()
        // The id breaks ties, so paging neither repeats nor skips notices sent in the same instant.
        let notes = try await query.sort(\.$createdAt, .descending).sort(\.$id).range(paging.range).all()
        let page = NotificationsPage(
            layout: try await Layout.make(req, title: req.t("catalogue.notifications.title")),
            rows: try notes.map { note in
                NotificationsPage.Row(
                    text: Self.text(of: note, req), href: Paths.notification(try note.requireID()),
                    when: CityTime.format(note.createdAt), unread: !note.read)
            },
            unread: unread, markReadHref: Paths.notificationsRead,
            pager: Pager(paging: paging, total: total, path: Paths.notifications, query: [:], request: req))
        return try await req.renderPage("training/enrolment/notifications", page)
    }

    func markAllRead(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        try await InAppNotification.query(on: req.db).filter(\.$user.$id == principal.userID)
            .filter(\.$read == false).set(\.$read, to: true).update()
        Flash.set(req, req.t("catalogue.notifications.allRead"))
        return req.redirect(to: Paths.notifications)
    }

    /// The message in the reader's language, from its key and the arguments stored with it.
    static func text(of note: InAppNotification, _ req: Request) -> String {
        let arguments = (try? JSONDecoder().decode([String].self, from: Data(note.arguments.utf8))) ?? []
        return req.application.catalogue.text(note.messageKey, arguments, language: req.language)
    }
}

enum NotificationCount {
    /// A link to the notifications with the unread count, for pages where a change of status matters.
    static func link(_ req: Request) async throws -> NotificationLink? {
        guard let principal = req.principal else { return nil }
        let unread = try await InAppNotification.query(on: req.db).filter(\.$user.$id == principal.userID)
            .filter(\.$read == false).count()
        let label =
            unread > 0
            ? req.t("catalogue.notifications.unread", String(unread)) : req.t("catalogue.notifications.title")
        return NotificationLink(href: Paths.notifications, label: label, unread: unread)
    }
}
