import Fluent
import Foundation
import NIOHTTP1
import VaporTesting

@testable import LontarApp

/// Shared builders for the L2–L4 tests.
enum LevelFixtures {
    static func admin(_ app: Application) async throws -> Browser {
        try await Fixtures.browser(app, as: "admin", password: adminPassword)
    }

    static func attempt(
        _ app: Application, quiz: Quiz, _ employee: Employee, number: Int, percent: Double?, finished: Bool = true
    ) async throws {
        let attempt = QuizAttempt()
        attempt.$quiz.id = try quiz.requireID()
        attempt.$employee.id = try employee.requireID()
        attempt.number = number
        attempt.state = "{}"
        attempt.revision = 0
        attempt.startedAt = app.clock.now()
        attempt.finishedAt = finished ? app.clock.now() : nil
        attempt.progress = finished ? "graded" : "inProgress"
        attempt.percent = percent
        try await attempt.save(on: app.db)
    }

    static let pdf = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".utf8)
    static let exe: [UInt8] = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]
}

extension Browser {
    /// A multipart form with text fields and, optionally, one file, as a browser sends it.
    @discardableResult
    func multipart(
        _ path: String, fields: [String: String], file: [UInt8]? = nil, fileName: String = "bukti.pdf"
    ) async throws -> Page {
        if csrf == nil { try await get(Paths.signIn) }
        let boundary = "lontarlevels42"
        var body = ByteBuffer()
        var all = fields
        all["_csrf"] = csrf ?? ""
        for (name, value) in all {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: "lontar_session=\(cookie)") }
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        var page: Page?
        try await app.testing().test(.POST, path, headers: headers, body: body) { res in
            page = Page(status: res.status, body: res.body.string, headers: res.headers)
        }
        guard let page else { throw TestFailure("no answer from \(path)") }
        return page
    }
}
