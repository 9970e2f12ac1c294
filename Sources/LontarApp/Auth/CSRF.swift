import Crypto
import Vapor

/// Synchroniser-token CSRF protection for every form: the token lives in the session and
/// must come back as `_csrf` (or the `X-CSRF-Token` header). The JSON API is exempt: it
/// authenticates with bearer tokens, which a foreign page cannot make a browser send.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let sessionKey = "csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let safe: [HTTPMethod] = [.GET, .HEAD, .OPTIONS]
        if !request.isAPI, !safe.contains(request.method) {
            // The token sits in the body; a large upload is still streaming when we get here.
            let limit = Self.uploadLimit(for: request.url.path) ?? request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()
            let sent =
                request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: Self.field))
            guard let expected = request.session.data[Self.sessionKey], let sent,
                Self.constantTimeEquals(expected, sent)
            else {
                throw AppError(.forbidden, "csrf", .init("error.csrf"))
            }
        }
        return try await next.respond(to: request)
    }

    /// Forms that carry files may be larger than the default body; each route enforces its own
    /// limit again, this only lets the token be read from a big multipart body.
    static let uploadLimits: [String: Int] = [
        Paths.employeeImport: EmployeeImportController.maxUpload.value,
        Paths.externalLearning: ExternalLearningController.maxUpload.value,
        Paths.learningSync: SyncController.maxBody.value,
    ]

    /// Upload forms whose address holds an id, by the `Paths` function that builds it.
    static let uploadRoutes: [(path: @Sendable (UUID) -> String, limit: Int)] = [
        (Paths.courseFiles, CourseFileController.maxUpload.value),
        (Paths.courseLessonNew, LessonForm.maxUpload.value),
        (Paths.lessonEdit, LessonForm.maxUpload.value),
        (Paths.questionImport, BankController.maxUpload.value),
        (Paths.attemptAnswer, AttemptController.maxBody.value),
        (Paths.quizNew, QuizFormController.maxBody.value),
        (Paths.quizEdit, QuizFormController.maxBody.value),
        (Paths.interview, InterviewController.maxUpload.value),
        (Paths.programmeIndicators, IndicatorController.maxUpload.value),
    ]

    static func uploadLimit(for path: String) -> Int? {
        if let limit = uploadLimits[path] { return limit }
        let segments = path.split(separator: "/")
        let sentinel = TrainingRoutePattern.first.uuidString
        return uploadRoutes.first { route in
            let pattern = route.path(TrainingRoutePattern.first).split(separator: "/")
            return pattern.count == segments.count
                && zip(pattern, segments).allSatisfy {
                    $0 == $1 || ($0 == sentinel && UUID(uuidString: String($1)) != nil)
                }
        }?.limit
    }

    static func token(for request: Request) -> String {
        if let existing = request.session.data[sessionKey] { return existing }
        let token = [UInt8].random(count: 24).base64URLEncoded()
        request.session.data[sessionKey] = token
        return token
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

extension Array where Element == UInt8 {
    func base64URLEncoded() -> String {
        Data(self).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
