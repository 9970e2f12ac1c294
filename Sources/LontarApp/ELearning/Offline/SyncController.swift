import Foundation
import Vapor

/// One sync service, two doors: `POST /api/v1/sync` for API clients (bearer token) and
/// `POST /belajar/sinkron` for the page's script (session cookie and `X-CSRF-Token`).
struct SyncController: RouteCollection {
    /// 200 events with long essays. The page's door is held to the site's default body size by
    /// the CSRF check, which reads the body first; `learn.js` keeps its batches below that.
    static let maxBody: ByteCount = "1mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "api", "v1", "sync", body: .collect(maxSize: Self.maxBody), use: api)
        routes.on(
            .POST, TrainingRoutePattern.components(Paths.learningSync, []), body: .collect(maxSize: Self.maxBody),
            use: page)
    }

    func api(req: Request) async throws -> SyncResponse {
        try await sync(req)
    }

    /// The script always gets JSON, errors included, never a sign-in redirect or an HTML page.
    func page(req: Request) async throws -> Response {
        do {
            let response = try await sync(req).encodeResponse(for: req)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch {
            let resolved = LontarErrorMiddleware.resolve(error)
            let body = APIErrorBody(
                error: .init(
                    code: resolved.code, message: req.t(resolved.message), field: resolved.field, errors: nil))
            let response = Response(status: resolved.status)
            try response.content.encode(body)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
    }

    private func sync(_ req: Request) async throws -> SyncResponse {
        let principal = try req.requirePrincipal()
        // Only a civil servant learns; an account without an employee record has nothing to sync.
        guard let employeeID = principal.employeeID else { throw AppError.forbidden() }
        let batch = try req.content.decode(SyncBatch.self)
        return try await SyncService(request: req, employeeID: employeeID).run(batch)
    }
}
