import Vapor

/// Placeholder until this feature's pages are written.
struct ExternalLearningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
