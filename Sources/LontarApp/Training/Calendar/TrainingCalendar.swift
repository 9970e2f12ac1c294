import Fluent
import Foundation
import LontarCore
import Vapor

/// Sessions as iCalendar events, shared by the class feed and the private per-employee feed
/// (and usable by the API's `calendar.ics`).
enum TrainingCalendar {
    static let uidDomain = "lontar.kupangkota.go.id"

    /// Stable per session across both feeds, so a phone subscribed to both shows one event
    /// and updates it in place.
    static func uid(_ sessionID: UUID) -> String { "\(sessionID.uuidString.lowercased())@\(uidDomain)" }

    static func event(
        _ req: Request, session: ClassSession, trainingClass: TrainingClass, programme: Programme, cancelled: Bool,
        sequence: Int, status: String? = nil
    ) throws -> CalendarEvent {
        let classID = try trainingClass.requireID()
        let place = session.place.isEmpty ? trainingClass.place : session.place
        let online = session.onlineURL.isEmpty ? trainingClass.onlineURL : session.onlineURL
        let page = PublicAddress.absolute(req, Paths.trainingClass(classID))
        var summary = programme.title
        if !session.topic.isEmpty { summary += " — " + session.topic }
        if let status { summary = "[\(status)] " + summary }
        var description = ["\(programme.title) — \(trainingClass.name)"]
        if let status { description.append(req.t("attendance.calendar.event.status", status)) }
        if !online.isEmpty { description.append(req.t("attendance.calendar.event.online", online)) }
        description.append(page)
        return CalendarEvent(
            uid: uid(try session.requireID()), start: session.startsAt, end: session.endsAt, summary: summary,
            description: description.joined(separator: "\n"),
            location: place.isEmpty ? (online.isEmpty ? nil : online) : place, url: page, cancelled: cancelled,
            sequence: sequence, lastModified: trainingClass.updatedAt)
    }

    /// Everything a feed of `employeeID` shows, in one query: sessions of every class the
    /// employee applied to, with the class, programme and enrolment joined in.
    static func personalEvents(_ req: Request, employeeID: UUID) async throws -> [CalendarEvent] {
        let rows = try await ClassSession.query(on: req.db)
            .join(TrainingClass.self, on: \ClassSession.$trainingClass.$id == \TrainingClass.$id)
            .join(Programme.self, on: \TrainingClass.$programme.$id == \Programme.$id)
            .join(Enrolment.self, on: \ClassSession.$trainingClass.$id == \Enrolment.$trainingClass.$id)
            .filter(Enrolment.self, \.$employee.$id == employeeID)
            .sort(\.$startsAt).all()
        return try rows.map { session in
            let trainingClass = try session.joined(TrainingClass.self)
            let enrolment = try session.joined(Enrolment.self)
            let state = EnrolmentState(
                approval: Approval(rawValue: enrolment.approval) ?? .pending,
                seat: SeatState(rawValue: enrolment.seat) ?? .none, cancelled: enrolment.cancelled)
            // Declined and cancelled requests stay in the feed as cancelled, so a phone that
            // showed the session while the request was pending takes it away.
            let ended = state.status == .cancelled || state.status == .declined
            let status: String? =
                switch state.status {
                case .pending: req.t("attendance.calendar.status.pending")
                case .waitlisted: req.t("attendance.calendar.status.waitlisted")
                default: nil
                }
            return try event(
                req, session: session, trainingClass: trainingClass, programme: try session.joined(Programme.self),
                cancelled: ended || trainingClass.status == "cancelled",
                // RFC 5545 wants SEQUENCE raised when STATUS changes; an ended request is final.
                sequence: trainingClass.sequence + (ended ? 1 : 0), status: ended ? nil : status)
        }
    }

    static func response(_ body: String, filename: String, inline: Bool) -> Response {
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "\(inline ? "inline" : "attachment"); filename=\"\(filename)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return response
    }

    /// 32 random bytes, URL-safe base64: unguessable, and safe in a path segment.
    static func newToken() -> String { [UInt8].random(count: 32).base64URLEncoded() }

    /// The employee's feed, created on first use; a parallel first visit that wins the race
    /// on the unique employee key is read back instead of failing.
    static func feed(for employeeID: UUID, on db: any Database, now: Date) async throws -> CalendarFeed {
        if let existing = try await CalendarFeed.query(on: db).filter(\.$employee.$id == employeeID).first() {
            return existing
        }
        let feed = CalendarFeed()
        feed.$employee.id = employeeID
        feed.token = newToken()
        feed.createdAt = now
        do {
            try await feed.create(on: db)
        } catch {
            if let failure = error as? any DatabaseError, failure.isConstraintFailure,
                let existing = try await CalendarFeed.query(on: db).filter(\.$employee.$id == employeeID).first()
            {
                return existing
            }
            throw error
        }
        return feed
    }
}
