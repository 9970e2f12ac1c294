import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// What waits for this person personally, shown first on the home page: unread notices,
/// surveys to answer, and action plans still to write after a completed class.
enum EvaluationHomeTasks {
    /// Completed this recently and no plan yet: worth a reminder (later, the L3 follow-up asks).
    static let planReminderDays = 120

    static func tasks(req: Request, principal: Principal) async throws -> [HomePage.Task] {
        var tasks: [HomePage.Task] = []
        func add(_ href: String, _ key: String, _ arguments: [String]) {
            tasks.append(
                .init(
                    href: href, title: req.t("home.task.\(key)"),
                    detail: req.application.catalogue.text("home.task.\(key).detail", arguments, language: req.language)
                ))
        }
        let unread = try await InAppNotification.query(on: req.db).filter(\.$user.$id == principal.userID)
            .filter(\.$read == false).count()
        if unread > 0 { add(Paths.notifications, "notifications", [String(unread)]) }
        guard let me = principal.employeeID else { return tasks }
        let today = CityTime.today(req.clock)
        let surveys = try await SurveyInvitation.query(on: req.db).filter(\.$employee.$id == me)
            .filter(\.$answered == false).filter(\.$closesOn >= today.iso).with(\.$survey).all()
            .filter { SurveyStore.acceptsAnswers($0.survey, today: today) }.count
        if surveys > 0 { add(Paths.mySurveys, "surveys", [String(surveys)]) }
        let since = req.now.addingTimeInterval(-Double(planReminderDays) * 86_400)
        let plans = try await ActionPlanQueries.toWrite(me, completedSince: since, on: req.db)
        if let first = plans.first {
            add(
                plans.count == 1 ? Paths.actionPlan(first.enrolment_id) : Paths.myTraining, "plans",
                [first.programme_title, String(plans.count)])
        }
        return tasks
    }
}
