import Fluent
import Vapor

/// `POST /api/v1/auth/token` trades a username and password for a bearer token;
/// `DELETE` revokes the token that made the request.
struct TokenAPIController: RouteCollection {
    static let lifetime: TimeInterval = 30 * 24 * 3600

    func boot(routes: any RoutesBuilder) throws {
        let auth = routes.grouped("api", "v1", "auth", "token")
        auth.post(use: issue)
        auth.delete(use: revoke)
    }

    struct TokenRequest: Content {
        var username: String
        var password: String
    }

    struct TokenResponse: Content {
        var token: String
        var expiresAt: Date
    }

    func issue(req: Request) async throws -> Response {
        let body = try req.content.decode(TokenRequest.self)
        switch try await PasswordSignIn(request: req).attempt(identifier: body.username, password: body.password) {
        case .success(let account):
            let token = [UInt8].random(count: 32).base64URLEncoded()
            let expiresAt = req.now.addingTimeInterval(Self.lifetime)
            try await APIToken(
                userID: try account.requireID(), tokenHash: PrincipalMiddleware.hashToken(token), createdAt: req.now,
                expiresAt: expiresAt
            ).save(on: req.db)
            let response = Response(status: .created)
            try response.content.encode(TokenResponse(token: token, expiresAt: expiresAt))
            return response
        case .wrongCredentials:
            throw AppError(.unauthorized, "invalid_credentials", .init("auth.wrongCredentials"))
        case .locked(let until):
            throw AppError(
                .tooManyRequests, "locked", .init("auth.locked", [CityTime.moment(until, language: req.language)]))
        }
    }

    func revoke(req: Request) async throws -> HTTPStatus {
        _ = try req.requirePrincipal()
        guard let bearer = req.headers.bearerAuthorization else { throw AppError.unauthenticated() }
        try await APIToken.query(on: req.db)
            .filter(\.$tokenHash == PrincipalMiddleware.hashToken(bearer.token))
            .set(\.$revokedAt, to: req.now)
            .update()
        return .noContent
    }
}
