import Vapor

/// Placeholder until this feature's pages are written.
struct LearningHoursController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
