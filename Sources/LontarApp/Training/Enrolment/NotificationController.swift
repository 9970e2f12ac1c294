import Vapor

/// Placeholder until this feature's pages are written.
struct NotificationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
