import Foundation
import LontarCore
import Vapor

/// What a device sends: `{"events": [...]}`. Each event is read leniently, field by field,
/// so one malformed event is answered alone with its reason and the others still apply.
struct SyncBatch: Decodable {
    static let maximumEvents = 200

    let events: [SyncEventInput]
}

/// The kinds of offline work a device reports.
enum SyncEventType: String, CaseIterable, Sendable {
    case lessonOpened, lessonDone, answer, finish
}

/// One event as sent. Every field is optional here; `SyncService` says which are required
/// for which type and names the first one missing or malformed.
struct SyncEventInput: Decodable, Sendable {
    var id: String?
    var type: String?
    var at: String?
    var lessonId: String?
    var attemptId: String?
    var questionId: String?
    var response: QuestionResponse?
    /// Fields that were present but could not be read (a number where text belongs, a
    /// response of no known shape), in the order checked.
    var unreadable: [String] = []

    private enum Key: String, CodingKey, CaseIterable {
        case id, type, at, lessonId, attemptId, questionId, response
    }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: Key.self) else {
            unreadable = ["event"]
            return
        }
        func text(_ key: Key) -> String? {
            guard container.contains(key) else { return nil }
            if let value = try? container.decode(String.self, forKey: key) { return value }
            if (try? container.decodeNil(forKey: key)) == true { return nil }
            unreadable.append(key.rawValue)
            return nil
        }
        id = text(.id)
        type = text(.type)
        at = text(.at)
        lessonId = text(.lessonId)
        attemptId = text(.attemptId)
        questionId = text(.questionId)
        if container.contains(.response), (try? container.decodeNil(forKey: .response)) != true {
            response = try? container.decode(QuestionResponse.self, forKey: .response)
            if response == nil { unreadable.append(Key.response.rawValue) }
        }
    }
}

/// The answer: one result per event, in the order sent, and the server's clock so a device
/// can tell how far its own is off.
struct SyncResponse: Content {
    let results: [SyncResult]
    let serverTime: String
}

struct SyncResult: Content, Equatable {
    let id: String
    /// applied, duplicate or rejected.
    let status: String
    let code: String
    let message: String
    /// For a duplicate: what happened the first time (applied or rejected).
    let original: String?
}

/// An event's outcome as kept in its `SyncReceipt`: the message is stored as a catalogue
/// key, so a resend is answered in the language of whoever asks.
struct SyncOutcome: Codable, Equatable, Sendable {
    enum Status: String, Codable, Sendable {
        case applied, rejected
    }

    var status: Status
    var code: String
    var message: LocalizableMessage

    static func applied(_ code: String, _ key: String, _ arguments: [String] = []) -> SyncOutcome {
        SyncOutcome(status: .applied, code: code, message: LocalizableMessage(key, arguments))
    }

    static func rejected(_ error: AppError) -> SyncOutcome {
        SyncOutcome(status: .rejected, code: error.code, message: error.message)
    }
}
