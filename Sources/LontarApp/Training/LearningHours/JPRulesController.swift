import Vapor

/// Placeholder until this feature's pages are written.
struct JPRulesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
