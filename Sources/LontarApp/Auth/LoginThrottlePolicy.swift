import Fluent
import Foundation
import SQLKit
import Vapor

/// How hard repeated failed sign-ins are slowed and locked. Per account it stops password
/// guessing against one person; per address it stops one machine trying many accounts.
public struct LoginThrottlePolicy: Sendable {
    public var accountLockAfter: Int
    public var addressLockAfter: Int
    public var window: TimeInterval
    public var lockDuration: TimeInterval
    /// Failures after which each answer is delayed, and the delay per extra failure.
    public var slowAfter: Int
    public var delayStep: TimeInterval
    public var maxDelay: TimeInterval

    /// 50 per address: a whole office behind one NAT address must not lock itself out
    /// with a morning of typos, while a machine trying many accounts still is.
    public static let standard = LoginThrottlePolicy(
        accountLockAfter: 5, addressLockAfter: 50, window: 15 * 60, lockDuration: 15 * 60,
        slowAfter: 3, delayStep: 1, maxDelay: 5
    )

    /// Same thresholds without the wall-clock delay, so tests stay fast.
    public static let testing = LoginThrottlePolicy(
        accountLockAfter: 5, addressLockAfter: 20, window: 15 * 60, lockDuration: 15 * 60,
        slowAfter: 3, delayStep: 0, maxDelay: 0
    )

    func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > slowAfter else { return 0 }
        return min(Double(failures - slowAfter) * delayStep, maxDelay)
    }
}

/// Attempt counters in the database, changed only by atomic statements: a burst of
/// parallel guesses is counted exactly, and every `lontar` process sees the same numbers.
struct LoginThrottleStore {
    let db: any Database
    let policy: LoginThrottlePolicy
    let now: Date

    static func accountKey(_ id: UUID) -> String { "account:\(id.uuidString)" }
    /// Unknown names are throttled like real accounts, so the answers do not tell them apart.
    static func identifierKey(_ identifier: String) -> String {
        "name:" + identifier.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
    static func addressKey(_ address: String) -> String { "address:\(address)" }

    private struct Count: Decodable { let failures: Int }

    func lockedUntil(_ key: String) async throws -> Date? {
        guard let row = try await LoginThrottle.query(on: db).filter(\.$key == key).first(),
            let until = row.lockedUntil, until > now
        else { return nil }
        return until
    }

    /// Adds one attempt to the key's current window and returns the attempts in it.
    func count(_ key: String) async throws -> Int {
        let sql = try db.sql()
        try await sql.insert(into: LoginThrottle.schema).columns("id", "key", "failures", "window_started_at")
            .values(SQLBind(UUID()), SQLBind(key), SQLBind(0), SQLBind(now))
            .ignoringConflicts(with: ["key"]).run()
        let windowStart = now.addingTimeInterval(-policy.window)
        let row = try await sql.raw(
            """
            UPDATE login_throttles
            SET failures = CASE WHEN window_started_at < \(bind: windowStart) THEN 1 ELSE failures + 1 END,
                window_started_at = CASE WHEN window_started_at < \(bind: windowStart) THEN \(bind: now)
                                    ELSE window_started_at END
            WHERE key = \(bind: key) RETURNING failures
            """
        ).first(decoding: Count.self)
        return row?.failures ?? 1
    }

    func lock(_ key: String) async throws {
        try await LoginThrottle.query(on: db).filter(\.$key == key)
            .set(\.$lockedUntil, to: now.addingTimeInterval(policy.lockDuration))
            .set(\.$failures, to: 0).set(\.$windowStartedAt, to: now).update()
    }

    func reset(_ key: String) async throws {
        try await LoginThrottle.query(on: db).filter(\.$key == key).delete()
    }
}
