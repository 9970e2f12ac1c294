import Vapor

/// Placeholder until this feature's pages are written.
struct EnrolmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
