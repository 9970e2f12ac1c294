import Vapor

/// Serves the OpenAPI 3.1 description of `/api/v1`; a test walks the registered routes
/// against it so the document cannot drift from the server.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "openapi.json") { req async throws -> Response in
            let url = try resourceDirectory().appendingPathComponent("openapi.json")
            let response = Response(status: .ok, body: .init(data: try Data(contentsOf: url)))
            response.headers.contentType = .json
            return response
        }
    }
}
