import Fluent
import Vapor

/// On the first start with an empty database, creates the `admin` account so somebody can
/// sign in at all. A generated password is printed once and must be changed at sign-in.
enum AdminBootstrap {
    static func ensureAdministrator(_ app: Application) async throws {
        guard try await UserAccount.query(on: app.db).count() == 0 else { return }
        let provided = app.settings.adminPassword
        let password = provided ?? PasswordRules.generate()
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.any()).hash(password)
        let admin = UserAccount(
            username: "admin", displayName: "Administrator BKPPD", passwordHash: hash, roles: [.admin],
            mustChangePassword: provided == nil)
        try await admin.save(on: app.db)
        if provided == nil {
            let banner = """

                ================================================================
                 Lontar: first start. Open http://127.0.0.1:8080/masuk
                 Sign in as   admin   with password   \(password)
                 (shown only this once; you will be asked to change it)
                ================================================================

                """
            print(banner)
        } else {
            app.logger.notice("Created administrator account 'admin' with the password from LONTAR_ADMIN_PASSWORD")
        }
    }
}
