import Fluent
import LontarCore
import Vapor

/// The class page: what, when and where; the viewer's own request; and for those who run
/// the class, the participants and the nomination form.
enum ClassDetail {
    struct Nomination {
        var text = ""
        var results: [ClassPage.NominationResult] = []
        var error: String?
    }

    static func render(
        _ req: Request, _ trainingClass: TrainingClass, _ programme: Programme, _ principal: Principal,
        nomination: Nomination = Nomination(), status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let id = try trainingClass.requireID()
        let now = req.now
        let sessions = try await ClassSession.query(on: req.db).filter(\.$trainingClass.$id == id).sort(\.$startsAt)
            .all()
        let firstStart = sessions.first?.startsAt
        let facilitators = try await ClassFacilitator.query(on: req.db).filter(\.$trainingClass.$id == id)
            .with(\.$user).all().map(\.user.displayName).sorted()
        let canManage = TrainingAccess.canManage(programme, principal)
        // Those who teach the class run it, and are not offered a seat in it.
        let teaches = try await TrainingAccess.isFacilitator(of: id, principal, on: req.db)
        let canRun = canManage || teaches
        let enrolments = try await Enrolment.query(on: req.db).filter(\.$trainingClass.$id == id).with(\.$employee)
            .all()
        let seatsLeft = max(0, trainingClass.capacity - trainingClass.seatsHeld)
        let registration = RegistrationState.describe(
            status: trainingClass.status, opens: trainingClass.registrationOpensAt,
            closes: trainingClass.registrationClosesAt, seatsLeft: seatsLeft, now: now, req)
        let ranks = waitlistRanks(enrolments)
        func cancelAllowed(_ enrolment: Enrolment) -> Bool {
            let status = EnrolmentService.state(of: enrolment).status
            guard status != .cancelled, status != .declined, !enrolment.completed, trainingClass.status != "finished"
            else { return false }
            return TrainingAccess.canCancel(
                enrolment, employee: enrolment.employee, programme: programme, firstSessionStart: firstStart,
                cutoffHours: trainingClass.cancelCutoffHours, principal, now: now)
        }
        let own = enrolments.first { $0.$employee.id == principal.employeeID && principal.employeeID != nil }
        let ownPlanWritten =
            try await own.asyncFlatMap { enrolment in
                try await ActionPlanRecord.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID()).first()
            } != nil
        let ownCertificate = try await own.asyncFlatMap { enrolment in
            enrolment.completed
                ? try await Certificate.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID()).first()
                : nil
        }
        let begun = firstStart.map { $0 <= now } ?? true
        var ownFollowedUp = false
        if let own, let ownID = own.id {
            ownFollowedUp = try await ActionPlanQueries.followedUp(own.$employee.id, on: req.db).contains(ownID)
        }
        let mine = try own.map { enrolment in
            let status = EnrolmentService.state(of: enrolment).status
            let allowed = cancelAllowed(enrolment)
            var cancelNote: String?
            if !allowed, !enrolment.completed, trainingClass.status != "finished",
                status == .pending || status == .confirmed || status == .waitlisted
            {
                cancelNote = req.t("catalogue.enrolment.cutoffPassed", String(trainingClass.cancelCutoffHours))
            }
            let plan = enrolment.id.flatMap { id in
                ActionPlanLink(
                    enrolmentID: id, written: ownPlanWritten, confirmed: status == .confirmed,
                    begun: begun || enrolment.completed, followedUp: ownFollowedUp, req)
            }
            return ClassPage.Mine(
                status: enrolment.completed
                    ? req.t("catalogue.enrolment.status.completed")
                    : req.t("catalogue.enrolment.status.\(status.rawValue)"),
                tag: enrolment.completed ? "" : TrainingLabels.statusTag(status.rawValue),
                detail: detail(enrolment, status, rank: ranks[enrolment.id ?? UUID()], req),
                cancelHref: allowed ? enrolment.id.map(Paths.enrolmentCancel) : nil, cancelNote: cancelNote,
                planHref: plan?.href, planLabel: plan?.label,
                certificateHref: try ownCertificate.map { Paths.certificate(try $0.requireID()) })
        }
        let canApply =
            principal.employeeID != nil && own == nil && !teaches && registration.canApply
            && programme.status == "published"
        var participants: [ClassPage.Participant]?
        if canRun {
            let completionConfirmed = CompletionService.confirmedInClass(enrolments)
            let agencies = try await Agency.query(on: req.db).all()
            let codes = Dictionary(
                agencies.compactMap { a in a.id.map { ($0, a.code) } }, uniquingKeysWith: { a, _ in a })
            participants = ordered(enrolments).map { enrolment in
                let status = EnrolmentService.state(of: enrolment).status
                // After the class, who completed is what the list is read for.
                var label = (
                    req.t("catalogue.enrolment.status.\(status.rawValue)"), TrainingLabels.statusTag(status.rawValue)
                )
                if enrolment.completed {
                    label = (req.t("catalogue.enrolment.status.completed"), "")
                } else if completionConfirmed, status == .confirmed {
                    label = (req.t("catalogue.enrolment.status.notCompleted"), "muted")
                }
                return ClassPage.Participant(
                    name: enrolment.employee.name, nip: canManage ? enrolment.employee.nip : nil,
                    agency: codes[enrolment.employee.$agency.id] ?? "—", status: label.0, tag: label.1,
                    rank: ranks[enrolment.id ?? UUID()],
                    cancelHref: cancelAllowed(enrolment) ? enrolment.id.map(Paths.enrolmentCancel) : nil)
            }
        }
        let canNominate = try await NominationService.canNominate(programme, trainingClass, principal, on: req.db)
        let page = ClassPage(
            layout: try await Layout.make(req, title: "\(programme.title) — \(trainingClass.name)"),
            programmeTitle: programme.title, programmeHref: Paths.programme(try programme.requireID()),
            name: trainingClass.name,
            status: trainingClass.status == "open" ? nil : req.t("catalogue.class.status.\(trainingClass.status)"),
            statusTag: TrainingLabels.statusTag(trainingClass.status), registration: registration.text,
            registrationTag: registration.tag, seatsLeft: seatsLeft,
            facts: facts(trainingClass, sessions: sessions, seatsLeft: seatsLeft, waitlisted: ranks.count, req),
            onlineURL: trainingClass.onlineURL.isEmpty ? nil : trainingClass.onlineURL,
            sessions: sessions.enumerated().map { index, session in
                ClassPage.SessionRow(
                    number: index + 1, when: TrainingTime.session(session.startsAt, session.endsAt, req),
                    topic: session.topic, place: session.place.isEmpty ? trainingClass.place : session.place,
                    onlineURL: session.onlineURL,
                    attendanceHref: canRun ? session.id.map { Paths.sessionAttendance(id, $0) } : nil)
            },
            facilitators: facilitators, mine: mine, applyHref: canApply ? Paths.classApply(id) : nil,
            applyNote: canApply && seatsLeft == 0 ? req.t("catalogue.enrolment.willWait") : nil,
            editHref: canManage ? Paths.classEdit(id) : nil, completionHref: canRun ? Paths.classCompletion(id) : nil,
            plansHref: canRun ? Paths.classActionPlans(id) : nil,
            calendarHref: TrainingLabels.isOver(trainingClass.status) ? nil : Paths.classCalendar(id),
            participants: participants,
            participantActions: participants?.contains { $0.cancelHref != nil } ?? false, waitlisted: ranks.count,
            nominateHref: canNominate ? Paths.classNominate(id) : nil, nominationText: nomination.text,
            nominationResults: nomination.results, nominationError: nomination.error, selfHref: Paths.trainingClass(id))
        return try await req.renderPage("training/catalogue/class", page, status: status)
    }

    /// 1 = next in line, counting only live requests on the waiting list.
    static func waitlistRanks(_ enrolments: [Enrolment]) -> [UUID: Int] {
        let waiting = enrolments.filter { $0.seat == SeatState.waitlisted.rawValue && !$0.cancelled }
            .sorted { ($0.waitlistPosition ?? .max) < ($1.waitlistPosition ?? .max) }
        return Dictionary(
            waiting.enumerated().compactMap { index, e in e.id.map { ($0, index + 1) } },
            uniquingKeysWith: { a, _ in a })
    }

    /// Seated people first (by name), then the waiting list in order, then ended requests.
    private static func ordered(_ enrolments: [Enrolment]) -> [Enrolment] {
        func group(_ e: Enrolment) -> Int {
            switch EnrolmentService.state(of: e).status {
            case .confirmed, .pending: 0
            case .waitlisted: 1
            case .declined, .cancelled: 2
            }
        }
        return enrolments.sorted {
            let (a, b) = (group($0), group($1))
            if a != b { return a < b }
            if a == 1 { return ($0.waitlistPosition ?? .max) < ($1.waitlistPosition ?? .max) }
            return $0.employee.name < $1.employee.name
        }
    }

    static func detail(_ enrolment: Enrolment, _ status: EnrolmentStatus, rank: Int?, _ req: Request) -> String? {
        switch status {
        case .pending: return req.t("catalogue.enrolment.pendingDetail")
        case .waitlisted:
            let approval =
                enrolment.approval == Approval.approved.rawValue
                ? " " + req.t("catalogue.enrolment.approvedWaiting") : ""
            return req.t("catalogue.enrolment.rank", String(rank ?? 0)) + approval
        case .declined: return req.t("catalogue.enrolment.reason", enrolment.declineReason ?? "—")
        case .confirmed: return enrolment.completed ? req.t("catalogue.enrolment.completed") : nil
        case .cancelled: return nil
        }
    }

    private static func facts(
        _ trainingClass: TrainingClass, sessions: [ClassSession], seatsLeft: Int, waitlisted: Int, _ req: Request
    ) -> [ClassPage.Fact] {
        func moment(_ date: Date) -> String { CityTime.moment(date, language: req.language) }
        var window = "—"
        switch (trainingClass.registrationOpensAt, trainingClass.registrationClosesAt) {
        case (let opens?, let closes?): window = "\(moment(opens)) – \(moment(closes))"
        case (let opens?, nil): window = req.t("catalogue.class.windowFrom", moment(opens))
        case (nil, let closes?): window = req.t("catalogue.class.windowUntil", moment(closes))
        case (nil, nil): break
        }
        let settled: [ClassPage.Fact] = [
            .init(
                label: req.t("catalogue.class.dates"),
                value: TrainingTime.span(sessions.first?.startsAt, sessions.last?.endsAt, req)),
            .init(
                label: req.t("catalogue.field.place"), value: trainingClass.place.isEmpty ? "—" : trainingClass.place),
        ]
        // A finished or cancelled class takes no one: seats left, the waiting list and the
        // registration window would only invite a question nobody can act on.
        if TrainingLabels.isOver(trainingClass.status) {
            return settled + [
                .init(
                    label: req.t("catalogue.class.seats"),
                    value: req.t(
                        "catalogue.class.seatsHeld", String(trainingClass.seatsHeld), String(trainingClass.capacity)))
            ]
        }
        return settled + [
            .init(
                label: req.t("catalogue.class.seats"),
                value: req.t("catalogue.class.seatsLeft", String(seatsLeft), String(trainingClass.capacity))),
            .init(label: req.t("catalogue.class.waitlist"), value: String(waitlisted)),
            .init(label: req.t("catalogue.class.window"), value: window),
            .init(
                label: req.t("catalogue.class.cutoffLabel"),
                value: req.t("catalogue.class.cutoff", String(trainingClass.cancelCutoffHours))),
        ]
    }
}
