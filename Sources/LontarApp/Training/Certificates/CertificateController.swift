import Vapor

/// Placeholder until this feature's pages are written.
struct CertificateController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
