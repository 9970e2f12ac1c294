import Fluent
import LontarCore
import Vapor

/// One place that turns every error into the right shape: JSON with a machine code under
/// `/api`, a page in the site's look elsewhere. Only server errors are logged as errors.
struct LontarErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await response(for: error, request: request)
        }
    }

    private func response(for error: any Error, request: Request) async -> Response {
        let resolved = Self.resolve(error)
        if resolved.status.code >= 500 {
            request.logger.error("\(request.method) \(request.url.path) failed: \(String(reflecting: error))")
        }
        if request.isAPI {
            let body = APIErrorBody(
                error: .init(
                    code: resolved.code,
                    message: request.t(resolved.message),
                    field: resolved.field,
                    errors: resolved.details.isEmpty
                        ? nil
                        : resolved.details.map {
                            APIIssue(line: $0.line, column: $0.column, message: request.t($0.message))
                        }
                )
            )
            let response = Response(status: resolved.status)
            try? response.content.encode(body)
            if resolved.status == .unauthorized {
                response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            }
            return response
        }
        if resolved.status == .unauthorized {
            let back = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            return request.redirect(
                to: Paths.signIn + "?next=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        do {
            let page = ErrorPage(
                layout: try await Layout.make(request, title: request.t("error.title.\(resolved.status.code)")),
                status: Int(resolved.status.code),
                message: request.t(resolved.message)
            )
            let view = try await request.view.render("error", page)
            let response = try await view.encodeResponse(status: resolved.status, for: request)
            return response
        } catch {
            request.logger.error("error page failed to render: \(String(reflecting: error))")
            return Response(status: resolved.status, body: .init(string: request.t(resolved.message)))
        }
    }

    /// A body that does not decode names the field at fault, in the user's language.
    static func describe(_ error: DecodingError) -> AppError {
        func path(_ codingPath: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            (codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
                .joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath, key)
            return AppError.invalid(field, LocalizableMessage("error.decode.missing", [field]))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return AppError.invalid(field, LocalizableMessage("error.decode.type", [field]))
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return AppError(.badRequest, "bad_request", LocalizableMessage("error.decode.corrupt", [field]))
        @unknown default:
            return AppError(.badRequest, "bad_request", LocalizableMessage("error.decode.corrupt", [""]))
        }
    }

    static func resolve(_ error: any Error) -> AppError {
        switch error {
        case let appError as AppError:
            return appError
        case let decoding as DecodingError:  // before AbortError: Vapor makes it one, with Swift's own text
            return describe(decoding)
        case let abort as any AbortError:
            switch abort.status {
            case .notFound: return .notFound()
            case .forbidden: return .forbidden()
            case .unauthorized: return .unauthenticated()
            case .payloadTooLarge:
                return AppError(.payloadTooLarge, "too_large", LocalizableMessage("error.tooLarge"))
            case let status where status.code < 500:
                return AppError(status, "bad_request", LocalizableMessage("error.badRequest", [abort.reason]))
            default:
                return AppError(abort.status, "server_error", LocalizableMessage("error.server"))
            }
        case let database as any DatabaseError where database.isConstraintFailure:
            // Two requests raced past the uniqueness check; the database kept its promise.
            return AppError(.conflict, "conflict", LocalizableMessage("error.conflict"))
        default:
            return AppError(.internalServerError, "server_error", LocalizableMessage("error.server"))
        }
    }
}

struct ErrorPage: Encodable {
    let layout: Layout
    let status: Int
    let message: String
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
