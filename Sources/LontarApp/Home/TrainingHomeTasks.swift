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
