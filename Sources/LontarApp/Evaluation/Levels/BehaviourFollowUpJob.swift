import Foundation
import LontarCore
import NIOCore
import Vapor

/// Runs the L3 follow-up once a day inside the server. Several instances may serve one
/// database: each hour every instance tries to claim the day in `counters`, and only the
/// first claim of a day runs it. Tests (the `.testing` environment) move the clock by hand
/// and call `BehaviourFollowUp.run` themselves, so no timer runs there.
struct BehaviourFollowUpJob: LifecycleHandler {
    final class Box: @unchecked Sendable {
        var task: RepeatedTask?
    }

    let box = Box()

    static func install(_ app: Application) {
        app.asyncCommands.use(BehaviourFollowUpCommand(), as: "evaluasi-l3")
        guard app.environment != .testing else { return }
        app.lifecycle.use(BehaviourFollowUpJob())
    }

    func didBoot(_ app: Application) throws {
        box.task = app.eventLoopGroup.next().scheduleRepeatedTask(initialDelay: .minutes(2), delay: .hours(1)) {
            _ in
            Task { await Self.runIfUnclaimed(app) }
        }
    }

    func shutdown(_ app: Application) {
        box.task?.cancel()
    }

    /// The day's claim is a counter named after the day: the first to advance it to 1 runs.
    static func claim(_ today: CivilDate, on app: Application) async throws -> Bool {
        try await Counter.next("evaluasi-l3:" + today.iso, on: app.db) == 1
    }

    static func runIfUnclaimed(_ app: Application) async {
        let today = CityTime.today(app.clock)
        do {
            guard try await claim(today, on: app) else { return }
            let outcome = try await BehaviourFollowUp.run(on: app, today: today)
            app.logger.info("L3 follow-up \(today.iso): \(outcome)")
        } catch {
            // The next day's run catches up: what is due follows from the stored invitations.
            app.logger.error("L3 follow-up \(today.iso) failed: \(error)")
        }
    }
}

/// `lontar evaluasi-l3`: the same follow-up, for a cron job where the server runs no timer.
struct BehaviourFollowUpCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(
            name: "force", help: "Run even though the day was already claimed (by a server's timer or an earlier run).")
        var force: Bool
    }

    var help: String { "Sends due L3 (behaviour) surveys and reminders to alumni and their supervisors." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let today = CityTime.today(app.clock)
        // Claims the day like the timer, so a cron job beside a server's timer sends nothing twice.
        guard try await BehaviourFollowUpJob.claim(today, on: app) || signature.force else {
            context.console.print("L3 \(today.iso): already run today")
            return
        }
        let outcome = try await BehaviourFollowUp.run(on: app, today: today)
        context.console.print("L3 \(today.iso): \(outcome)")
    }
}
