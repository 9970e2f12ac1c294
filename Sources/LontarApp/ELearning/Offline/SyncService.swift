import Fluent
import Foundation
import LontarCore
import Vapor

/// Applies what a device did offline, exactly once per event id, whichever door it came
/// through (the page's session or an API token).
///
/// Each event is first *claimed*: a `SyncReceipt` row without an outcome, unique per
/// employee and event id. Only the request whose insert succeeds applies the event; a resend,
/// or the same batch arriving twice at once, finds the claim and answers with the outcome the
/// first request records (waiting for it if it is still being applied). The effects are
/// applied through the same services the pages use, each safe on its own under concurrency.
struct SyncService {
    let request: Request
    let employeeID: UUID

    private var db: any Database { request.db }

    /// A claim left without an outcome this long belongs to a request that died; it may be
    /// taken over (every effect is safe to apply again).
    static let abandonedAfter: TimeInterval = 300
    /// Device-made ids are UUIDs; the attempt machine accepts ids up to this length.
    static let maximumIDLength = 100

    func run(_ batch: SyncBatch) async throws -> SyncResponse {
        guard batch.events.count <= SyncBatch.maximumEvents else {
            throw AppError(
                .unprocessableEntity, "too_many_events",
                .init("offline.sync.tooMany", [String(batch.events.count), String(SyncBatch.maximumEvents)]),
                field: "events")
        }
        var results: [SyncResult] = []
        // In the order sent: a lesson done early in a batch unlocks the next one later in it.
        for event in batch.events { results.append(try await handle(event)) }
        return SyncResponse(results: results, serverTime: ISO8601DateFormatter().string(from: request.now))
    }

    private func handle(_ event: SyncEventInput) async throws -> SyncResult {
        guard let id = event.id, Self.isValidID(id) else {
            // Without a usable id nothing can be recorded; the device is told why and drops it.
            let error = AppError.invalid("id", .init("offline.sync.badId", [String(Self.maximumIDLength)]))
            return result(event.id ?? "", .rejected(error), duplicate: false)
        }
        switch try await claim(id, kind: event.type ?? "") {
        case .earlier(let outcome):
            return result(id, outcome, duplicate: true)
        case .mine(let receipt):
            let outcome: SyncOutcome
            do {
                outcome = try await SyncEffects(request: request, employeeID: employeeID).apply(event, id: id)
            } catch let error as AppError where !Self.isTransient(error) {
                outcome = .rejected(error)
            } catch {
                // Nothing was decided: free the claim so the device's next send applies it.
                try? await receipt.delete(on: db)
                throw error
            }
            receipt.outcome = try QuizAttempts.encode(outcome)
            try await receipt.save(on: db)
            return result(id, outcome, duplicate: false)
        }
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= maximumIDLength && id == id.trimmingCharacters(in: .whitespacesAndNewlines)
            && !id.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) }
    }

    /// A busy attempt or a server fault says nothing about the event: the device keeps it.
    static func isTransient(_ error: AppError) -> Bool {
        error.status.code >= 500 || error.code == "quiz_busy"
    }

    private func result(_ id: String, _ outcome: SyncOutcome, duplicate: Bool) -> SyncResult {
        SyncResult(
            id: id, status: duplicate ? "duplicate" : outcome.status.rawValue, code: outcome.code,
            message: request.t(outcome.message), original: duplicate ? outcome.status.rawValue : nil)
    }

    private enum Claim {
        case mine(SyncReceipt)
        case earlier(SyncOutcome)
    }

    private func claim(_ eventID: String, kind: String) async throws -> Claim {
        for round in 0..<60 {
            let receipt = SyncReceipt()
            receipt.$employee.id = employeeID
            receipt.eventID = eventID
            receipt.kind = String(kind.prefix(40))
            receipt.outcome = ""
            receipt.receivedAt = request.now
            do {
                try await receipt.create(on: db)
                return .mine(receipt)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Received before, or being applied by another request right now.
            }
            guard
                let existing = try await SyncReceipt.query(on: db).filter(\.$employee.$id == employeeID)
                    .filter(\.$eventID == eventID).first()
            else { continue }  // the other request gave its claim up: try again
            if !existing.outcome.isEmpty {
                let outcome = try JSONDecoder().decode(SyncOutcome.self, from: Data(existing.outcome.utf8))
                return .earlier(outcome)
            }
            if existing.receivedAt < request.now.addingTimeInterval(-Self.abandonedAfter) {
                try await SyncReceipt.query(on: db).filter(\.$id == existing.requireID())
                    .filter(\.$outcome == "").delete()
                continue
            }
            try await Task.sleep(nanoseconds: UInt64(min(round + 1, 10)) * 20_000_000)
        }
        throw AppError(.serviceUnavailable, "sync_busy", .init("offline.sync.busy"))
    }
}
