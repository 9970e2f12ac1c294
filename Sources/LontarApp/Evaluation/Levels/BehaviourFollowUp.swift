import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// L3: months after someone completes a programme, asks them and (separately) their
/// supervisor how far the learning is applied, and reminds both until they answer or the
/// window closes. Everything it decides follows from the stored invitations and the day, so
/// running it twice on one day changes nothing.
enum BehaviourFollowUp {
    struct Outcome: Equatable, CustomStringConvertible {
        var sent = 0
        var reminded = 0
        var description: String { "sent \(sent), reminded \(reminded)" }
    }

    /// Who creates the surveys the follow-up makes (no person does).
    static let systemUser = UUID(uuidString: "00000000-0000-0000-0000-00000000013e")!

    private struct Completion: Decodable {
        let enrolment_id: UUID
        let employee_id: UUID
        let employee_name: String
        let supervisor_id: UUID?
        let programme_id: UUID
        let programme_title: String
        let completed_at: Date
    }

    private struct Existing: Decodable {
        let id: UUID
        let enrolment_id: UUID
        let level: String
        let sent_on: String
        let last_reminded_on: String?
        let answered: Bool
        let status: String
    }

    static func run(on app: Application, today: CivilDate) async throws -> Outcome {
        try await run(db: app.db, catalogue: app.catalogue, today: today, now: app.clock.now())
    }

    static func run(db: any Database, catalogue: Catalogue, today: CivilDate, now: Date) async throws -> Outcome {
        let sql = try db.sql()
        // Nothing older than the longest delay plus the longest window can still be due.
        let oldest = Date(timeIntervalSince1970: Self.noon(today).timeIntervalSince1970 - 800 * 86_400)
        let completions = try await sql.raw(
            """
            SELECT e.id AS enrolment_id, e.employee_id, p.name AS employee_name, p.supervisor_id,
              c.programme_id, g.title AS programme_title, e.completed_at
            FROM enrolments e
            JOIN training_classes c ON c.id = e.class_id
            JOIN programmes g ON g.id = c.programme_id
            JOIN employees p ON p.id = e.employee_id
            WHERE e.completed = \(bind: true) AND e.completed_at IS NOT NULL AND e.completed_at >= \(bind: oldest)
            """
        ).all(decoding: Completion.self)
        guard !completions.isEmpty else { return Outcome() }
        let programmeIDs = Array(Set(completions.map(\.programme_id)))
        let schedules = Dictionary(
            try await ProgrammeEvaluation.query(on: db).filter(\.$programme.$id ~~ programmeIDs).all().map {
                (
                    $0.$programme.id,
                    BehaviourSchedule(
                        delayMonths: $0.behaviourDelayMonths, windowDays: $0.behaviourWindowDays,
                        reminderDays: $0.behaviourReminderDays)
                )
            }, uniquingKeysWith: { first, _ in first })
        let enrolmentIDs = completions.map(\.enrolment_id)
        var existing: [String: Existing] = [:]
        for chunk in stride(from: 0, to: enrolmentIDs.count, by: 500) {
            let ids = Array(enrolmentIDs[chunk..<min(chunk + 500, enrolmentIDs.count)])
            let rows = try await sql.raw(
                """
                SELECT i.id, i.enrolment_id, s.level, i.sent_on, i.last_reminded_on, i.answered, s.status
                FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id
                WHERE i.enrolment_id IN (\(binds: ids)) AND s.level IN (\(binds: SurveyLevel.behaviourLevels))
                """
            ).all(decoding: Existing.self)
            for row in rows { existing["\(row.enrolment_id)/\(row.level)"] = row }
        }
        let supervisorIDs = Array(Set(completions.compactMap(\.supervisor_id)))
        let activeSupervisors =
            supervisorIDs.isEmpty
            ? Set<UUID>()
            : Set(
                try await Employee.query(on: db).filter(\.$id ~~ supervisorIDs).filter(\.$active == true).all()
                    .compactMap(\.id))
        var surveys: [String: UUID?] = [:]
        var outcome = Outcome()
        for completion in completions {
            let schedule = schedules[completion.programme_id] ?? BehaviourSchedule()
            let completedOn = CivilDate.today(in: CityTime.zone, now: completion.completed_at)
            var targets: [(SurveyLevel, UUID)] = [(.behaviourAlumnus, completion.employee_id)]
            if let supervisor = completion.supervisor_id, activeSupervisors.contains(supervisor) {
                targets.append((.behaviourSupervisor, supervisor))
            }
            for (level, invitee) in targets {
                let stored = existing["\(completion.enrolment_id)/\(level.rawValue)"]
                // An evaluator closed the survey: no more reminders for it.
                if let stored, stored.status != "open" { continue }
                let action = schedule.action(
                    today: today, completedOn: completedOn, sentOn: stored.flatMap { CivilDate(iso: $0.sent_on) },
                    lastRemindedOn: stored?.last_reminded_on.flatMap(CivilDate.init(iso:)),
                    answered: stored?.answered ?? false)
                switch action {
                case .send:
                    let key = "\(completion.programme_id)/\(level.rawValue)"
                    if surveys[key] == nil {
                        surveys[key] = try await openSurvey(
                            programmeID: completion.programme_id, title: completion.programme_title, level: level,
                            catalogue: catalogue, now: now, on: db)
                    }
                    guard let surveyID = surveys[key] ?? nil else { continue }
                    try await db.transaction { db in
                        let invitation = SurveyInvitation()
                        invitation.$survey.id = surveyID
                        invitation.$employee.id = invitee
                        invitation.$about.id = level == .behaviourSupervisor ? completion.employee_id : nil
                        invitation.enrolmentID = completion.enrolment_id
                        invitation.sentOn = today.iso
                        invitation.closesOn = schedule.closes(completedOn: completedOn).iso
                        invitation.answered = false
                        try await invitation.create(on: db)
                        try await notify(
                            invitee, level: level, reminder: false, completion: completion,
                            link: Paths.survey(surveyID, invitation: try invitation.requireID()), now: now, on: db)
                    }
                    outcome.sent += 1
                case .remind:
                    guard let stored else { continue }
                    let surveyID = try await SurveyInvitation.find(stored.id, on: db)?.$survey.id
                    try await db.transaction { db in
                        try await SurveyInvitation.query(on: db).filter(\.$id == stored.id)
                            .set(\.$lastRemindedOn, to: today.iso).update()
                        if let surveyID {
                            try await notify(
                                invitee, level: level, reminder: true, completion: completion,
                                link: Paths.survey(surveyID, invitation: stored.id), now: now, on: db)
                        }
                    }
                    outcome.reminded += 1
                case .wait, .none: continue
                }
            }
        }
        return outcome
    }

    /// The programme's open L3 survey of this level; made from the template when the
    /// programme has none yet. When an evaluator has only draft or closed ones (editing the
    /// questions, or stopped L3 for this programme), nothing is sent: nil.
    private static func openSurvey(
        programmeID: UUID, title: String, level: SurveyLevel, catalogue: Catalogue, now: Date, on db: any Database
    ) async throws -> UUID? {
        let all = try await Survey.query(on: db).filter(\.$programme.$id == programmeID)
            .filter(\.$level == level.rawValue).sort(\.$createdAt).all()
        if let open = all.first(where: { $0.status == "open" }) { return try open.requireID() }
        guard all.isEmpty else { return nil }
        let template: SurveyTemplate = level == .behaviourAlumnus ? .behaviourAlumnus : .behaviourSupervisor
        let survey = Survey()
        survey.$programme.id = programmeID
        survey.$trainingClass.id = nil
        survey.level = level.rawValue
        survey.title = catalogue.text("evaluation.l3.surveyTitle.\(level.rawValue)", [title], language: .id)
        survey.definition = String(decoding: try JSONEncoder().encode(template.definition), as: UTF8.self)
        survey.anonymous = false
        survey.status = "open"
        survey.createdBy = systemUser
        survey.createdAt = now
        try await survey.create(on: db)
        return try survey.requireID()
    }

    private static func notify(
        _ employeeID: UUID, level: SurveyLevel, reminder: Bool, completion: Completion, link: String,
        now: Date, on db: any Database
    ) async throws {
        guard let account = try await UserAccount.query(on: db).filter(\.$employee.$id == employeeID).first(),
            let userID = account.id
        else { return }
        let note = InAppNotification()
        note.$user.id = userID
        let kind = level == .behaviourAlumnus ? "alumnus" : "supervisor"
        note.messageKey = "evaluation.notify.l3.\(kind)" + (reminder ? ".reminder" : "")
        let arguments =
            level == .behaviourAlumnus
            ? [completion.programme_title] : [completion.employee_name, completion.programme_title]
        note.arguments = String(decoding: try JSONEncoder().encode(arguments), as: UTF8.self)
        // The invitation's own form: an older notice never opens a form about someone else.
        note.link = link
        note.read = false
        note.createdAt = now
        try await note.save(on: db)
    }

    private static func noon(_ day: CivilDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CityTime.zone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) ?? Date()
    }
}
