import Vapor

/// Placeholder until this feature's pages are written.
struct CompletionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
