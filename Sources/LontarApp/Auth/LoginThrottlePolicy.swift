import Fluent
import Foundation
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

    public static let standard = LoginThrottlePolicy(
        accountLockAfter: 5, addressLockAfter: 20, window: 15 * 60, lockDuration: 15 * 60,
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

struct LoginThrottleStore {
    let db: any Database
    let policy: LoginThrottlePolicy
    let now: Date

    static func accountKey(_ id: UUID) -> String { "account:\(id.uuidString)" }
    static func addressKey(_ address: String) -> String { "address:\(address)" }

    func lockedUntil(_ key: String) async throws -> Date? {
        guard let row = try await LoginThrottle.query(on: db).filter(\.$key == key).first(),
            let until = row.lockedUntil, until > now
        else { return nil }
        return until
    }

    /// Counts a failure and returns the failures in the current window.
    @discardableResult
    func recordFailure(_ key: String, lockAfter: Int) async throws -> Int {
        let row =
            try await LoginThrottle.query(on: db).filter(\.$key == key).first() ?? LoginThrottle(key: key, now: now)
        if now.timeIntervalSince(row.windowStartedAt) > policy.window {
            row.failures = 0
            row.windowStartedAt = now
        }
        row.failures += 1
        let failures = row.failures
        if row.failures >= lockAfter {
            row.lockedUntil = now.addingTimeInterval(policy.lockDuration)
            row.failures = 0
            row.windowStartedAt = now
        }
        try await row.save(on: db)
        return failures
    }

    func reset(_ key: String) async throws {
        try await LoginThrottle.query(on: db).filter(\.$key == key).delete()
    }
}
