import Foundation
import Vapor

/// Server-side limits on a browser session, because a cookie's own expiry is only advice to
/// the browser: a session idle for 12 hours, older than 7 days, or started before the
/// account's password last changed is no longer honoured.
enum SessionClock {
    static let idleLimit: TimeInterval = 12 * 3600
    static let absoluteLimit: TimeInterval = 7 * 24 * 3600
    /// PostgreSQL keeps microseconds; a round trip may shave a little off a timestamp.
    static let tolerance: TimeInterval = 0.01
    private static let startedKey = "since"
    private static let seenKey = "seen"

    static func start(_ request: Request) {
        let now = String(request.now.timeIntervalSince1970)
        request.session.data[startedKey] = now
        request.session.data[seenKey] = now
    }

    static func isCurrent(_ request: Request, credentialsChangedAt: Date) -> Bool {
        guard let started = request.session.data[startedKey].flatMap(Double.init),
            let seen = request.session.data[seenKey].flatMap(Double.init)
        else { return false }
        let now = request.now.timeIntervalSince1970
        return started + tolerance >= credentialsChangedAt.timeIntervalSince1970 && now - seen < idleLimit
            && now - started < absoluteLimit
    }

    static func touch(_ request: Request) {
        request.session.data[seenKey] = String(request.now.timeIntervalSince1970)
    }
}
