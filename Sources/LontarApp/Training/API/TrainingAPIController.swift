import Vapor

/// Placeholder until the training API is written.
struct TrainingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
