import Foundation
import NIOHTTP1
import Testing
import VaporTesting

@testable import LontarApp

/// A browser's view of the site: keeps the session cookie and sends the CSRF token.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookie: String?
    var csrf: String?

    init(_ app: Application) { self.app = app }

    /// A second tab of the same session, for requests sent at once: one `Browser` keeps one
    /// cookie and token, and two requests writing them together would race.
    func secondTab() -> Browser {
        let tab = Browser(app)
        tab.cookie = cookie
        tab.csrf = csrf
        return tab
    }

    struct Page {
        let status: HTTPResponseStatus
        let body: String
        let headers: HTTPHeaders
        var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil, contentType: nil)
    }

    @discardableResult
    func post(_ path: String, form: [String: String], withCSRF: Bool = true) async throws -> Page {
        if csrf == nil { try await get(Paths.signIn) }
        var fields = form
        if withCSRF, let csrf { fields["_csrf"] = csrf }
        let body = fields.map { key, value in
            "\(Self.formEncode(key))=\(Self.formEncode(value))"
        }.joined(separator: "&")
        return try await send(.POST, path, body: ByteBuffer(string: body), contentType: .urlEncodedForm)
    }

    @discardableResult
    func postMultipart(_ path: String, file: String, named: String = "file") async throws -> Page {
        if csrf == nil { try await get(Paths.signIn) }
        let boundary = "lontarboundary42"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf ?? "")\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(named)\"; filename=\"pegawai.csv\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        return try await send(
            .POST, path, body: ByteBuffer(string: body),
            contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    /// Signs in and, like a browser, follows the redirect (which also picks up the new
    /// session's CSRF token).
    func signIn(_ identifier: String, _ password: String) async throws -> Page {
        let page = try await post(Paths.signIn, form: ["identifier": identifier, "password": password])
        if page.status == .seeOther, let location = page.location { _ = try await get(location) }
        return page
    }

    private func send(
        _ method: HTTPMethod, _ path: String, body: ByteBuffer?, contentType: HTTPMediaType?
    ) async throws
        -> Page
    {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: "lontar_session=\(cookie)") }
        if let contentType { headers.contentType = contentType }
        var page: Page?
        try await app.testing().test(method, path, headers: headers, body: body) { res in
            if let value = res.headers.setCookie?["lontar_session"] {
                cookie = value.expires.map { $0 < Date() } == true ? nil : value.string
            }
            page = Page(status: res.status, body: res.body.string, headers: res.headers)
        }
        guard let page else { throw Abort(.internalServerError) }
        if let token = Self.csrfToken(in: page.body) { csrf = token }
        return page
    }

    /// The temporary password a page shows once (`<p class="key"><code>…</code>`). Looked up by
    /// its markup, not its shape: the page's random CSRF token can contain a look-alike.
    static func temporaryPassword(in html: String) -> String? {
        html.firstMatch(of: /<code>([A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4})<\/code>/).map { String($0.output.1) }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
