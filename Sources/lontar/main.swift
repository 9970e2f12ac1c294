import LontarApp
import Vapor

var env = try Environment.detect()
// `lontar --port 9000` means `lontar serve --port 9000`: people type the flags without the verb.
if env.arguments.count > 1, env.arguments[1].hasPrefix("-"), env.arguments[1] != "--help" {
    env.arguments.insert("serve", at: 1)
}
try LoggingSystem.bootstrap(from: &env)
let app = try await Application.make(env)
do {
    try await configure(app, settings: .fromEnvironment())
    try await app.execute()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    throw error
}
try await app.asyncShutdown()
