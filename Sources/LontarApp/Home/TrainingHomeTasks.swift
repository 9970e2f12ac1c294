import Fluent
import LontarCore
import Vapor

/// What the training pillar asks of this person today: decisions waiting, JP still missing.
enum TrainingHomeTasks {
    static func add(to tasks: inout [HomePage.Task], req: Request, principal: Principal) async throws {
        func add(_ href: String, _ key: String, _ arguments: [String] = []) {
            tasks.append(
                .init(
                    href: href, title: req.t("home.task.\(key)"),
                    detail: req.application.catalogue.text("home.task.\(key).detail", arguments, language: req.language)
                ))
        }
        for run in try await FacilitatedClasses.upcoming(principal.userID, now: req.now, on: req.db) {
            tasks.append(
                .init(
                    href: Paths.trainingClass(run.id), title: req.t("home.task.facilitating", run.title, run.name),
                    detail: req.t(
                        "home.task.facilitating.detail", TrainingTime.span(run.first_start, run.last_end, req))))
        }
        if let me = principal.employeeID {
            let waiting = try await Enrolment.query(on: req.db).filter(\.$approval == Approval.pending.rawValue)
                .filter(\.$cancelled == false).join(Employee.self, on: \Enrolment.$employee.$id == \Employee.$id)
                .filter(Employee.self, \.$supervisor.$id == me).count()
            if waiting > 0 { add(Paths.approvals, "approvals", [String(waiting)]) }
            let year = CityTime.today(req.clock).year
            let lines = try await LedgerQueries.entries(employeeID: me, year: year, on: req.db)
            let kind = try await Employee.find(me, on: req.db).flatMap { EmployeeKind(rawValue: $0.kind) } ?? .pns
            let rules = try await JPRulesStore.current(year: year, on: req.db)
            let progress = JPProgress.make(total: lines.reduce(0) { $0 + $1.jp }, kind: kind, rules: rules)
            add(
                Paths.learningHours, kind == .pppk ? "jpCeiling" : "jp",
                [
                    JPFormat.jp(progress.total, language: req.language),
                    JPFormat.jp(progress.target, language: req.language),
                ])
            add(Paths.catalogue, "catalogue")
        }
        if principal.isOperator || principal.isAdmin {
            let pending = try await ExternalLearning.query(on: req.db).filter(\.$status == "submitted").count()
            if pending > 0, principal.isAdmin { add(Paths.externalReview, "externalReview", [String(pending)]) }
            if principal.isOperator, let agency = principal.operatorAgencyID {
                let own = try await ExternalLearning.query(on: req.db).filter(\.$status == "submitted")
                    .join(Employee.self, on: \ExternalLearning.$employee.$id == \Employee.$id)
                    .filter(Employee.self, \.$agency.$id == agency).count()
                if own > 0 { add(Paths.externalReview, "externalReview", [String(own)]) }
                add(Paths.learningHoursAgency, "agencyJP")
            }
            if principal.isAdmin { add(Paths.learningHoursCity, "cityJP") }
        }
    }
}

/// The classes a facilitator runs that are under way or to come (or ended in the last week,
/// while attendance and completion may still be open), soonest first.
enum FacilitatedClasses {
    struct Row: Decodable {
        let id: UUID
        let name: String
        let title: String
        let first_start: Date?
        let last_end: Date?
    }

    static let shown = 3

    static func upcoming(_ userID: UUID, now: Date, on db: any Database) async throws -> [Row] {
        let since = now.addingTimeInterval(-7 * 86_400)
        return try await db.sql().raw(
            """
            SELECT c.id AS id, c.name AS name, g.title AS title, MIN(s.starts_at) AS first_start,
                   MAX(s.ends_at) AS last_end
            FROM class_facilitators f
            JOIN training_classes c ON c.id = f.class_id
            JOIN programmes g ON g.id = c.programme_id
            JOIN class_sessions s ON s.class_id = c.id
            WHERE f.user_id = \(bind: userID) AND c.status NOT IN ('cancelled', 'online')
            GROUP BY c.id, c.name, g.title
            HAVING MAX(s.ends_at) >= \(bind: since)
            ORDER BY MIN(s.starts_at)
            LIMIT \(literal: shown)
            """
        ).all(decoding: Row.self)
    }
}
