import Vapor

/// Placeholder until this feature's pages are written.
struct CatalogueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
