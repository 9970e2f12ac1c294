import Fluent
import SQLKit
import Foundation
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Sign-in, sessions, lockout, tokens")
struct AuthTests {
    @Test("the first administrator signs in with the configured password")
    func adminSignsIn() async throws {
        try await withLontar { app in
            let browser = Browser(app)
            let page = try await browser.signIn("admin", adminPassword)
            #expect(page.status == .seeOther)
            #expect(page.location == "/")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Administrator BKPPD"))
        }
    }

    @Test("a civil servant signs in with NIP (spaces allowed) or e-mail")
    func signInWithNIPOrEmail() async throws {
        try await withLontar { app in
            let agency = try await Fixtures.agency(app, "DINKES")
            let person = try await Fixtures.employee(app, 7, agency: agency, email: "maria.ndun@kupangkota.go.id")
            try await Fixtures.account(app, for: person)
            let spaced = "19850312 201001 1 007"
            #expect(try await Browser(app).signIn(spaced, Fixtures.password).status == .seeOther)
            #expect(try await Browser(app).signIn("Maria.Ndun@kupangkota.go.id", Fixtures.password).status == .seeOther)
        }
    }

    @Test("a wrong password is refused and no session is granted")
    func wrongPassword() async throws {
        try await withLontar { app in
            let browser = Browser(app)
            let page = try await browser.signIn("admin", "not-the-password")
            #expect(page.status == .unauthorized)
            let home = try await browser.get("/pegawai")
            #expect(home.status == .seeOther)
            #expect(home.location?.hasPrefix("/masuk") == true)
        }
    }

    @Test("a form posted without the CSRF token is refused")
    func csrfRequired() async throws {
        try await withLontar { app in
            let browser = Browser(app)
            try await browser.get("/masuk")
            let page = try await browser.post(
                "/masuk", form: ["identifier": "admin", "password": adminPassword], withCSRF: false)
            #expect(page.status == .forbidden)
            let forged = try await browser.post(
                "/masuk", form: ["identifier": "admin", "password": adminPassword, "_csrf": "forged"], withCSRF: false)
            #expect(forged.status == .forbidden)
        }
    }

    @Test("five failures lock the account, even against the right password, until the lock expires")
    func lockout() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let browser = Browser(app)
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<5 { statuses.append(try await browser.signIn("admin", "wrong").status) }
            #expect(statuses == [.unauthorized, .unauthorized, .unauthorized, .unauthorized, .tooManyRequests])
            let whileLocked = try await browser.signIn("admin", adminPassword)
            #expect(whileLocked.status == .tooManyRequests)
            clock.advance(16 * 60)
            let afterLock = try await browser.signIn("admin", adminPassword)
            #expect(afterLock.status == .seeOther)
        }
    }

    @Test("many failures from one address lock that address for every account")
    func addressLockout() async throws {
        try await withLontar { app in
            let browser = Browser(app)
            for n in 0..<19 { _ = try await browser.signIn("nobody\(n)", "wrong") }
            #expect(try await browser.signIn("nobody-else", "wrong").status == .tooManyRequests)
            #expect(try await browser.signIn("admin", adminPassword).status == .tooManyRequests)
        }
    }

    @Test("a temporary password must be changed before anything else")
    func mustChangePassword() async throws {
        try await withLontar { app in
            let agency = try await Fixtures.agency(app, "DINSOS")
            let person = try await Fixtures.employee(app, 8, agency: agency)
            try await Fixtures.account(app, for: person, mustChange: true)
            let browser = Browser(app)
            #expect(try await browser.signIn(person.nip, Fixtures.password).location == "/akun/kata-sandi")
            #expect(try await browser.get("/profil").location == "/akun/kata-sandi")
            let weak = try await browser.post(
                "/akun/kata-sandi", form: ["current": Fixtures.password, "new": "short", "confirm": "short"])
            #expect(weak.status == .unprocessableEntity)
            let done = try await browser.post(
                "/akun/kata-sandi",
                form: ["current": Fixtures.password, "new": "Baru-sandi-2027", "confirm": "Baru-sandi-2027"])
            #expect(done.status == .seeOther)
            #expect(try await browser.get("/profil").status == .ok)
            #expect(try await Browser(app).signIn(person.nip, "Baru-sandi-2027").status == .seeOther)
        }
    }

    @Test("sessions live in the database: a second process serves the same signed-in user")
    func sessionsSharedAcrossProcesses() async throws {
        let file = NSTemporaryDirectory() + "lontar-shared-\(UUID().uuidString).sqlite"
        let schema = "t_shared_" + UUID().uuidString.prefix(8).lowercased()
        defer { try? FileManager.default.removeItem(atPath: file) }
        var cookie: String?
        try await withLontar(sharedSQLiteFile: file, schema: schema) { first in
            let browser = Browser(first)
            #expect(try await browser.signIn("admin", adminPassword).status == .seeOther)
            cookie = browser.cookie
            try await withLontar(sharedSQLiteFile: file, schema: schema) { second in
                let other = Browser(second)
                other.cookie = cookie
                let page = try await other.get("/audit")
                #expect(page.status == .ok)
            }
            if TestDatabase.isPostgres, let sql = first.db as? any SQLDatabase {
                try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            }
        }
        #expect(cookie != nil)
    }

    @Test("a session idle for more than 12 hours is no longer honoured")
    func idleSessionExpires() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let browser = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            clock.advance(11 * 3600)
            #expect(try await browser.get("/audit").status == .ok)
            clock.advance(11 * 3600)
            #expect(try await browser.get("/audit").status == .ok, "activity keeps the session alive")
            clock.advance(13 * 3600)
            let expired = try await browser.get("/audit")
            #expect(expired.status == .seeOther)
            #expect(expired.location?.hasPrefix("/masuk") == true)
        }
    }

    @Test("changing the password signs out the account's other sessions")
    func passwordChangeEndsOtherSessions() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let laptop = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let phone = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            clock.advance(60)
            let changed = try await laptop.post(
                "/akun/kata-sandi",
                form: ["current": adminPassword, "new": "Sandi-baru-2027", "confirm": "Sandi-baru-2027"])
            #expect(changed.status == .seeOther)
            #expect(try await laptop.get("/audit").status == .ok)
            #expect(try await phone.get("/audit").status == .seeOther)
        }
    }

    @Test("API tokens: issued for a password, stored hashed, refused once revoked")
    func apiTokens() async throws {
        try await withLontar { app in
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let stored = try await APIToken.query(on: app.db).all()
            #expect(stored.count == 1)
            #expect(stored.first?.tokenHash != token)
            let bearer = HTTPHeaders([("Authorization", "Bearer \(token)")])
            try await app.testing().test(.GET, "api/v1/agencies", headers: bearer) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.DELETE, "api/v1/auth/token", headers: bearer) { res in
                #expect(res.status == .noContent)
            }
            try await app.testing().test(.GET, "api/v1/agencies", headers: bearer) { res in
                #expect(res.status == .unauthorized)
                #expect(res.body.string.contains("\"code\":\"unauthenticated\""))
            }
        }
    }

    @Test("a new password, set by its owner or by an operator, voids the API tokens issued before it")
    func passwordChangeVoidsTokens() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            let staffBefore = try await Fixtures.apiToken(app, username: city.staff.nip)
            let adminBefore = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            clock.advance(60)
            let healthOperator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            let reset = try await healthOperator.post("/pegawai/\(city.staff.nip)/akun", form: ["resetPassword": "1"])
            #expect(reset.status == .ok)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let changed = try await admin.post(
                "/akun/kata-sandi",
                form: ["current": adminPassword, "new": "Sandi-baru-2027", "confirm": "Sandi-baru-2027"])
            #expect(changed.status == .seeOther)
            clock.advance(60)
            let adminAfter = try await Fixtures.apiToken(app, username: "admin", password: "Sandi-baru-2027")
            let expected: [(String, HTTPResponseStatus)] = [
                (staffBefore, .unauthorized), (adminBefore, .unauthorized), (adminAfter, .ok),
            ]
            for (token, status) in expected {
                let bearer = HTTPHeaders([("Authorization", "Bearer \(token)")])
                try await app.testing().test(.GET, "api/v1/agencies", headers: bearer) { res in
                    #expect(res.status == status)
                }
            }
        }
    }

    @Test("a wrong password for a token answers 401 with a machine code")
    func tokenWrongPassword() async throws {
        try await withLontar { app in
            try await app.testing().test(
                .POST, "api/v1/auth/token",
                beforeRequest: { req in try req.content.encode(["username": "admin", "password": "nope"]) },
                afterResponse: { res in
                    #expect(res.status == .unauthorized)
                    #expect(res.body.string.contains("invalid_credentials"))
                })
        }
    }

    @Test("an administrator creates a partner account that signs in with a temporary password")
    func partnerAccount() async throws {
        try await withLontar { app in
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let bad = try await admin.post(
                "/akun-pengguna", form: ["username": "123456789012345678", "displayName": "X", "roles[]": "partner"])
            #expect(bad.status == .unprocessableEntity)
            let page = try await admin.post(
                "/akun-pengguna",
                form: ["username": "undana.lppm", "displayName": "LPPM Universitas Nusa Cendana", "roles[]": "partner"])
            #expect(page.status == .ok)
            let password = try #require(Browser.temporaryPassword(in: page.body))
            let partner = Browser(app)
            #expect(try await partner.signIn("undana.lppm", password).location == "/akun/kata-sandi")
            let account = try #require(
                try await UserAccount.query(on: app.db).filter(\.$username == "undana.lppm").first())
            #expect(account.grantedRoles == [.partner])
            #expect(try await partner.get("/pegawai").status == .seeOther, "must change the password first")
            let off = try await admin.post("/akun-pengguna/undana.lppm/status", form: [:])
            #expect(off.status == .seeOther)
            #expect(try await partner.get("/akun/kata-sandi").status == .seeOther, "deactivation ends the session")
        }
    }

    @Test("security headers and cookie flags")
    func securityHeaders() async throws {
        try await withLontar { app in
            try await app.testing().test(.GET, "masuk") { res in
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
                let cookie = res.headers.first(name: .setCookie) ?? ""
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
            }
        }
    }
}
