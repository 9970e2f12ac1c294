import Vapor

/// Placeholder until this feature's pages are written.
struct CalendarController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
