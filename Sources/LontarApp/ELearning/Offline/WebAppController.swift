import Foundation
import Vapor

/// The installable web app: the service worker (served from the site's root so its scope is
/// the whole site), the web manifest, the page shown for addresses not stored offline, and
/// each course's offline package.
struct WebAppController: RouteCollection {
    /// Read once at start: the worker's source ships in the resource bundle, outside `Public`
    /// so that it is only ever served from the root.
    let serviceWorker: String

    init() throws {
        let file = try resourceDirectory().appendingPathComponent("WebApp")
            .appendingPathComponent(String(Paths.serviceWorker.dropFirst()))
        serviceWorker = try String(contentsOf: file, encoding: .utf8)
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.components(Paths.serviceWorker, []), use: worker)
        routes.get(TrainingRoutePattern.components(Paths.webManifest, []), use: manifest)
        routes.get(TrainingRoutePattern.components(Paths.offlinePage, []), use: offlinePage)
        routes.get(TrainingRoutePattern.one(Paths.courseOffline, "courseID"), use: package)
    }

    /// `no-cache`: the browser asks every time whether the worker changed, so a fix reaches
    /// phones on their next visit instead of after a day.
    func worker(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: serviceWorker))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    func manifest(req: Request) async throws -> Response {
        let body = WebManifest(
            name: req.t("offline.manifest.name"), shortName: req.t("app.name"),
            description: req.t("offline.manifest.description"), lang: req.language.rawValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(body)))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "manifest+json")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    /// Shown by the worker when an address was never stored; the script lists what is.
    func offlinePage(req: Request) async throws -> Response {
        let page = OfflineFallbackPage(
            layout: try await Layout.make(req, title: req.t("offline.page.title")), coursesHref: Paths.courses)
        return try await req.renderPage("elearning/offline/offline", page)
    }

    func package(req: Request) async throws -> Response {
        let view = try await CourseAccess.requireReadable(req, courseID: req.parameters.get("courseID", as: UUID.self))
        let response = try await OfflinePackage.build(view, on: req.db).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

struct OfflineFallbackPage: Encodable {
    let layout: Layout
    let coursesHref: String
}

/// The web app manifest (W3C "Web Application Manifest"). The colours are lontar.css's palm
/// green and sand; the SVG icon scales to every size.
struct WebManifest: Encodable {
    struct Icon: Encodable {
        let src: String
        let sizes: String
        let type: String
        let purpose: String
    }

    let name: String
    let shortName: String
    let description: String
    let lang: String
    var id = Paths.home
    var startURL = Paths.home
    var scope = Paths.home
    var display = "standalone"
    var themeColor = "#1d4d2b"
    var backgroundColor = "#f6f0e1"
    var icons = [Icon(src: "/static/favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any")]

    enum CodingKeys: String, CodingKey {
        case name, description, lang, id, scope, display, icons
        case shortName = "short_name"
        case startURL = "start_url"
        case themeColor = "theme_color"
        case backgroundColor = "background_color"
    }
}
