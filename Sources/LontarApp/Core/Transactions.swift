import FluentSQLiteDriver
import Foundation
import Vapor

extension Database {
    /// A transaction that is tried again when SQLite reports a lock conflict. PostgreSQL
    /// waits on row locks by itself; SQLite refuses at once when two writers would deadlock,
    /// so without this a burst of applications to one class would fail instead of queueing.
    /// `busyInSnapshot`: in WAL mode a transaction that read before another one committed
    /// cannot start writing on its old snapshot; running it again from the start succeeds.
    private static var retryable: [SQLiteError.Reason] { [.busy, .locked, .busyInSnapshot] }

    func retryingTransaction<T: Sendable>(
        attempts: Int = 30, _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await transaction(work)
            } catch let error as SQLiteError where Self.retryable.contains(error.reason) && attempt < attempts {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(2_000_000 * attempt))
            }
        }
    }
}
