import Vapor

/// Placeholder until this feature's pages are written.
struct SIASNExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
