import Fluent
import LontarCore
import Vapor

struct SignInPage: Encodable {
    let layout: Layout
    let identifier: String
    let next: String
    let error: String?
}

struct ChangePasswordPage: Encodable {
    let layout: Layout
    let mustChange: Bool
    let error: String?
}

/// Sign-in, sign-out, password change and language choice for browsers.
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("masuk", use: signInForm)
        routes.post("masuk", use: signIn)
        routes.post("keluar", use: signOut)
        routes.get("akun", "kata-sandi", use: changePasswordForm)
        routes.post("akun", "kata-sandi", use: changePassword)
        routes.post("akun", "bahasa", use: chooseLanguage)
        // Also by GET: the switch sits on anonymous pages too, which should not need a session
        // (and so a CSRF token) just to offer it; choosing a language changes nothing of value.
        routes.get("akun", "bahasa", use: chooseLanguage)
    }

    struct SignInForm: Content {
        var identifier: String
        var password: String
        var next: String?
    }

    func signInForm(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: Paths.home) }
        let next = Self.safeNext(req.query[String.self, at: "next"])
        return try await renderSignIn(req, identifier: "", next: next, error: nil)
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let next = Self.safeNext(form.next)
        switch try await PasswordSignIn(request: req).attempt(identifier: form.identifier, password: form.password) {
        case .success(let account):
            try await req.startSession(for: account)
            return req.redirect(to: account.mustChangePassword ? Paths.changePassword : next)
        case .wrongCredentials:
            return try await renderSignIn(
                req, identifier: form.identifier, next: next, error: req.t("auth.wrongCredentials"),
                status: .unauthorized)
        case .locked(let until):
            return try await renderSignIn(
                req, identifier: form.identifier, next: next,
                error: req.t("auth.locked", CityTime.moment(until, language: req.language)), status: .tooManyRequests)
        }
    }

    func signOut(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: Paths.signIn)
    }

    func changePasswordForm(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        return try await renderChangePassword(req, principal: principal, error: nil)
    }

    struct ChangePasswordForm: Content {
        var current: String
        var new: String
        var confirm: String
    }

    func changePassword(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(ChangePasswordForm.self)
        guard let account = try await UserAccount.find(principal.userID, on: req.db), let hash = account.passwordHash,
            try await req.password.async.verify(form.current, created: hash)
        else {
            return try await renderChangePassword(
                req, principal: principal, error: req.t("auth.currentWrong"), status: .unprocessableEntity)
        }
        if let problem = PasswordRules.problem(with: form.new, confirmation: form.confirm, current: form.current) {
            return try await renderChangePassword(
                req, principal: principal, error: req.t(problem), status: .unprocessableEntity)
        }
        account.passwordHash = try await req.password.async.hash(form.new)
        account.mustChangePassword = false
        account.credentialsChangedAt = req.now
        try await account.save(on: req.db)
        // Other devices signed in with the old password are signed out with their tokens.
        try await APIToken.query(on: req.db).filter(\.$user.$id == principal.userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: req.now).update()
        try await req.startSession(for: account)
        Flash.set(req, req.t("auth.passwordChanged"))
        return req.redirect(to: Paths.home)
    }

    struct LanguageForm: Content {
        var lang: String
        var back: String?
    }

    func chooseLanguage(req: Request) async throws -> Response {
        let form = try req.method == .GET ? req.query.decode(LanguageForm.self) : req.content.decode(LanguageForm.self)
        guard let language = Language(rawValue: form.lang) else {
            throw AppError.invalid("lang", .init("error.language"))
        }
        if let principal = req.principal, let account = try await UserAccount.find(principal.userID, on: req.db) {
            account.language = language.rawValue
            try await account.save(on: req.db)
        }
        let response = req.redirect(to: Self.safeNext(form.back))
        response.cookies["lang"] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Only local paths: an open redirect after sign-in would be a phishing gift.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            // Browsers drop tabs and newlines from Location, turning "/\t/evil" into "//evil".
            !next.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }),
            let components = URLComponents(string: next), components.scheme == nil, components.host == nil
        else { return Paths.home }
        return next
    }

    private func renderSignIn(
        _ req: Request, identifier: String, next: String, error: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let page = SignInPage(
            layout: try await Layout.make(req, title: req.t("auth.signIn.title"), anonymousForm: true),
            identifier: identifier, next: next, error: error)
        return try await req.renderPage("auth/sign-in", page, status: status)
    }

    private func renderChangePassword(
        _ req: Request, principal: Principal, error: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let page = ChangePasswordPage(
            layout: try await Layout.make(req, title: req.t("auth.change.title")),
            mustChange: principal.mustChangePassword, error: error)
        return try await req.renderPage("auth/change-password", page, status: status)
    }
}

enum PasswordRules {
    static let minimumLength = 10

    static func problem(with password: String, confirmation: String, current: String?) -> LocalizableMessage? {
        if password.count < minimumLength { return .init("auth.password.tooShort", [String(minimumLength)]) }
        if password != confirmation { return .init("auth.password.mismatch") }
        if let current, password == current { return .init("auth.password.same") }
        let classes = [
            password.contains(where: \.isLetter), password.contains(where: \.isNumber),
            password.contains(where: { !$0.isLetter && !$0.isNumber }),
        ]
        if classes.filter({ $0 }).count < 2 { return .init("auth.password.weak") }
        return nil
    }

    /// A readable temporary password (no 0/O, 1/l) that a person can type from a printout.
    static func generate() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var groups: [String] = []
        for _ in 0..<3 {
            groups.append(String((0..<4).map { _ in alphabet.randomElement()! }))
        }
        return groups.joined(separator: "-")
    }
}
