import Vapor

/// Placeholder until this feature's pages are written.
struct AttendanceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
