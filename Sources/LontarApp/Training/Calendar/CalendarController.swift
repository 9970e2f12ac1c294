import Fluent
import Foundation
import LontarCore
import Vapor

/// The "my calendar" page: the private subscription address and how to use it.
struct CalendarSubscriptionPage: Encodable {
    let layout: Layout
    let address: String
    let webcalAddress: String
    let renewAction: String
}

/// iCalendar (RFC 5545) feeds: one per class for signed-in people, and a private one per
/// employee at a secret address that phone calendars poll without signing in.
struct CalendarController: RouteCollection {
    private static let tokenSentinel = "FEEDTOKENSENTINEL"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.one(Paths.classCalendar, "classID"), use: classFeed)
        routes.get(
            TrainingRoutePattern.components(
                Paths.personalCalendar(Self.tokenSentinel), [(Self.tokenSentinel, "feed")]), use: personalFeed)
        let mine = TrainingRoutePattern.components(Paths.calendarRenew, [])
        routes.get(mine, use: subscription)
        routes.post(mine, use: renew)
    }

    /// Any signed-in person may add a class's sessions to their calendar.
    func classFeed(req: Request) async throws -> Response {
        _ = try req.requirePrincipal()
        guard let classID = req.parameters.get("classID", as: UUID.self),
            let trainingClass = try await TrainingClass.query(on: req.db).filter(\.$id == classID)
                .join(Programme.self, on: \TrainingClass.$programme.$id == \Programme.$id).first()
        else { throw AppError.notFound() }
        let programme = try trainingClass.joined(Programme.self)
        let sessions = try await ClassSession.query(on: req.db).filter(\.$trainingClass.$id == classID)
            .sort(\.$startsAt).all()
        let events = try sessions.map { session in
            try TrainingCalendar.event(
                req, session: session, trainingClass: trainingClass, programme: programme,
                cancelled: trainingClass.status == "cancelled", sequence: trainingClass.sequence)
        }
        let body = ICalendar.document(
            name: "\(programme.title) — \(trainingClass.name)", events: events, stamp: req.now)
        return TrainingCalendar.response(
            body, filename: "lontar-kelas-\(classID.uuidString.prefix(8).lowercased()).ics", inline: false)
    }

    /// No sign-in: the token in the address is the key. Two queries whatever the history.
    func personalFeed(req: Request) async throws -> Response {
        let segment = req.parameters.get("feed") ?? ""
        let suffix = ".ics"
        guard segment.hasSuffix(suffix) else { throw AppError.notFound() }
        let token = String(segment.dropLast(suffix.count))
        guard !token.isEmpty, token.count <= 100,
            let feed = try await CalendarFeed.query(on: req.db).filter(\.$token == token).first()
        else { throw AppError.notFound() }
        let events = try await TrainingCalendar.personalEvents(req, employeeID: feed.$employee.id)
        let body = ICalendar.document(name: req.t("attendance.calendar.feedName"), events: events, stamp: req.now)
        let response = TrainingCalendar.response(body, filename: "lontar-pelatihan-saya.ics", inline: true)
        response.headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex")
        return response
    }

    func subscription(req: Request) async throws -> Response {
        let employeeID = try Self.employee(req)
        let feed = try await TrainingCalendar.feed(for: employeeID, on: req.db, now: req.now)
        let address = PublicAddress.absolute(req, Paths.personalCalendar(feed.token))
        let webcal = "webcal://" + (address.split(separator: "/", maxSplits: 2).last.map(String.init) ?? "")
        let page = CalendarSubscriptionPage(
            layout: try await Layout.make(req, title: req.t("attendance.calendar.title")), address: address,
            webcalAddress: webcal, renewAction: Paths.calendarRenew)
        return try await req.renderPage("training/calendar/subscription", page)
    }

    /// A new token replaces the old one at once: the old address answers 404 from now on.
    func renew(req: Request) async throws -> Response {
        let employeeID = try Self.employee(req)
        let now = req.now
        _ = try await TrainingCalendar.feed(for: employeeID, on: req.db, now: now)
        try await CalendarFeed.query(on: req.db).filter(\.$employee.$id == employeeID)
            .set(\.$token, to: TrainingCalendar.newToken()).set(\.$createdAt, to: now).update()
        Flash.set(req, req.t("attendance.calendar.renewed"))
        return req.redirect(to: Paths.calendarRenew)
    }

    private static func employee(_ req: Request) throws -> UUID {
        let principal = try req.requirePrincipal()
        guard let employeeID = principal.employeeID else { throw AppError.forbidden() }
        return employeeID
    }
}
