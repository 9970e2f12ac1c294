import LontarCore
import Vapor

/// An error a user can act on: an HTTP status, a stable machine code for the API, and a
/// catalogue message in the user's language.
struct AppError: AbortError, Sendable {
    var status: HTTPResponseStatus
    var code: String
    var message: LocalizableMessage
    /// The input field that is wrong, so forms can point at it.
    var field: String?
    var details: [ImportIssue] = []

    var reason: String { message.key }

    init(_ status: HTTPResponseStatus, _ code: String, _ message: LocalizableMessage, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    static func notFound() -> AppError {
        AppError(.notFound, "not_found", LocalizableMessage("error.notFound"))
    }

    static func forbidden() -> AppError {
        AppError(.forbidden, "forbidden", LocalizableMessage("error.forbidden"))
    }

    static func unauthenticated() -> AppError {
        AppError(.unauthorized, "unauthenticated", LocalizableMessage("error.unauthenticated"))
    }

    static func invalid(_ field: String, _ message: LocalizableMessage) -> AppError {
        AppError(.unprocessableEntity, "invalid_input", message, field: field)
    }

    static func conflict(_ code: String, _ message: LocalizableMessage, field: String? = nil) -> AppError {
        AppError(.conflict, code, message, field: field)
    }
}

struct APIErrorBody: Content {
    struct Detail: Content {
        var code: String
        var message: String
        var field: String?
        var errors: [APIIssue]?
    }
    var error: Detail
}

/// An import problem as the API reports it: `line`, `column` and a message.
struct APIIssue: Content, Equatable {
    var line: Int
    var column: String?
    var message: String
}
