import Fluent
import LontarCore
import Vapor

/// Applying, nominating, deciding and cancelling; the approval queue; one's own training.
struct EnrolmentController: RouteCollection {
    static let maxReasonLength = 500

    func boot(routes: any RoutesBuilder) throws {
        routes.post(CatalogueRouting.classPattern(Paths.classApply), use: apply)
        routes.post(CatalogueRouting.classPattern(Paths.classNominate), use: nominate)
        routes.post(CatalogueRouting.pattern(Paths.enrolmentApprove), use: approve)
        routes.post(CatalogueRouting.pattern(Paths.enrolmentDecline), use: decline)
        routes.post(CatalogueRouting.pattern(Paths.enrolmentCancel), use: cancel)
        routes.get(CatalogueRouting.pattern(Paths.approvals), use: approvals)
        routes.get(CatalogueRouting.pattern(Paths.myTraining), use: myTraining)
    }

    func apply(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (trainingClass, programme) = try await ClassAccess.find(req, id: CatalogueRouting.classID(req))
        guard programme.status == "published" else { throw AppError.notFound() }
        guard let employeeID = principal.employeeID, let employee = try await Employee.find(employeeID, on: req.db)
        else { throw AppError.forbidden() }
        let enrolment = try await EnrolmentService(request: req).enrol(employee, in: trainingClass, by: .applicant)
        let status = EnrolmentService.state(of: enrolment).status
        if status == .waitlisted {
            let rank = try await EnrolmentService.waitlistRank(of: enrolment, on: req.db) ?? 0
            Flash.set(req, req.t("catalogue.applied.waitlisted", String(rank)))
        } else {
            Flash.set(req, req.t("catalogue.applied.\(status.rawValue)"))
        }
        return req.redirect(to: Paths.trainingClass(try trainingClass.requireID()))
    }

    struct NominationForm: Content {
        var nips: String?
    }

    func nominate(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let (trainingClass, programme) = try await ClassAccess.find(req, id: CatalogueRouting.classID(req))
        guard try await NominationService.canNominate(programme, trainingClass, principal, on: req.db) else {
            throw AppError.forbidden()
        }
        let text = try req.content.decode(NominationForm.self).nips ?? ""
        let nips = NominationService.parse(text)
        var nomination = ClassDetail.Nomination(text: text)
        if nips.isEmpty || nips.count > NominationService.maxPerRequest {
            nomination.error = req.t("catalogue.nominate.count", String(NominationService.maxPerRequest))
            return try await ClassDetail.render(
                req, trainingClass, programme, principal, nomination: nomination, status: .unprocessableEntity)
        }
        nomination.results = try await NominationService(req: req).nominate(
            nips, into: trainingClass, by: principal)
        nomination.text = ""
        // Re-read: the seats and the participant list changed.
        let (fresh, _) = try await ClassAccess.find(req, id: trainingClass.requireID())
        return try await ClassDetail.render(req, fresh, programme, principal, nomination: nomination)
    }

    struct DecisionForm: Content {
        var reason: String?
        var back: String?
    }

    func approve(req: Request) async throws -> Response {
        let (enrolment, _) = try await decidable(req)
        _ = try await EnrolmentService(request: req).apply(.approve, to: enrolment)
        Flash.set(req, req.t("catalogue.decided.approved"))
        let form = try req.content.decode(DecisionForm.self)
        return req.redirect(to: CatalogueRouting.localPath(form.back, fallback: Paths.approvals))
    }

    func decline(req: Request) async throws -> Response {
        let (enrolment, principal) = try await decidable(req)
        let form = try req.content.decode(DecisionForm.self)
        let reason = TextInput.paragraphs(form.reason)
        if reason.isEmpty || reason.count > Self.maxReasonLength {
            let message =
                reason.isEmpty
                ? req.t("catalogue.decline.reasonRequired")
                : req.t("catalogue.decline.reasonTooLong", String(Self.maxReasonLength))
            return try await renderApprovals(
                req, principal, failed: (id: try enrolment.requireID(), message: message, reason: reason),
                status: .unprocessableEntity)
        }
        _ = try await EnrolmentService(request: req).apply(.decline, to: enrolment, reason: reason)
        Flash.set(req, req.t("catalogue.decided.declined"))
        return req.redirect(to: CatalogueRouting.localPath(form.back, fallback: Paths.approvals))
    }

    /// The request named in the path, when the signed-in person may decide on it (403 otherwise).
    private func decidable(_ req: Request) async throws -> (Enrolment, Principal) {
        let principal = try req.requirePrincipal()
        guard let enrolment = try await Enrolment.find(CatalogueRouting.id(req), on: req.db),
            let employee = try await Employee.find(enrolment.$employee.id, on: req.db)
        else { throw AppError.notFound() }
        guard try await TrainingAccess.canDecide(enrolment, employee: employee, principal, on: req.db) else {
            throw AppError.forbidden()
        }
        return (enrolment, principal)
    }

    func cancel(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let enrolment = try await Enrolment.find(CatalogueRouting.id(req), on: req.db),
            let employee = try await Employee.find(enrolment.$employee.id, on: req.db)
        else { throw AppError.notFound() }
        let (trainingClass, programme) = try await ClassAccess.find(req, id: enrolment.$trainingClass.id)
        let firstStart = try await ClassSession.query(on: req.db)
            .filter(\.$trainingClass.$id == trainingClass.requireID()).sort(\.$startsAt).first()?.startsAt
        guard
            TrainingAccess.canCancel(
                enrolment, employee: employee, programme: programme, firstSessionStart: firstStart,
                cutoffHours: trainingClass.cancelCutoffHours, principal, now: req.now)
        else { throw AppError.forbidden() }
        _ = try await EnrolmentService(request: req).apply(.cancel, to: enrolment)
        Flash.set(req, req.t("catalogue.decided.cancelled"))
        let form = try req.content.decode(DecisionForm.self)
        return req.redirect(to: CatalogueRouting.localPath(form.back, fallback: Paths.myTraining))
    }

    func approvals(req: Request) async throws -> Response {
        let principal = try req.require(.supervisor, .operator, .admin)
        return try await renderApprovals(req, principal, failed: nil)
    }

    private func renderApprovals(
        _ req: Request, _ principal: Principal, failed: (id: UUID, message: String, reason: String)?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let paging = PageRequest.from(req, defaultPer: 30, maxPer: 100)
        let (rows, total) = try await EnrolmentQueries.pending(for: principal, paging: paging, on: req.db)
        let page = ApprovalsPage(
            layout: try await Layout.make(req, title: req.t("catalogue.approvals.title")),
            rows: rows.map { row in
                let state = row.seat == SeatState.waitlisted.rawValue ? "waitlisted" : "pending"
                let isFailed = failed?.id == row.id
                return ApprovalsPage.Row(
                    id: row.id.uuidString, name: row.employee_name, nip: row.nip, agency: row.agency_code,
                    programme: row.programme_title, className: row.class_name,
                    classHref: Paths.trainingClass(row.class_id),
                    dates: TrainingTime.span(row.first_start, row.last_end, req),
                    requested: row.created_at.map { CityTime.format($0) } ?? "—",
                    status: req.t("catalogue.enrolment.status.\(state)"), statusTag: TrainingLabels.statusTag(state),
                    // A finished class takes no one now; the request can still be declined.
                    nominated: row.nominated_by != nil,
                    approveHref: row.class_status == "finished" ? nil : Paths.enrolmentApprove(row.id),
                    declineHref: Paths.enrolmentDecline(row.id), error: isFailed ? failed?.message : nil,
                    reason: isFailed ? failed?.reason ?? "" : "")
            },
            pager: Pager(paging: paging, total: total, path: Paths.approvals, query: [:], request: req),
            back: Paths.approvals)
        return try await req.renderPage("training/enrolment/approvals", page, status: status)
    }

    func myTraining(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let employeeID = principal.employeeID else { throw AppError.forbidden() }
        let now = req.now
        let rows = try await EnrolmentQueries.mine(employeeID, on: req.db)
        // Operators of one's own OPD may cancel at any time, so an operator may cancel their own too.
        let mayAlwaysCancel = principal.canManage(agencyID: principal.employeeAgencyID)
        let planned = Set(
            try await ActionPlanRecord.query(on: req.db).filter(\.$employee.$id == employeeID).all().map {
                $0.$enrolment.id
            })
        let followedUp = try await ActionPlanQueries.followedUp(employeeID, on: req.db)
        func row(_ item: EnrolmentQueries.MineRow) -> MyTrainingPage.Row {
            let status = item.state.status
            let live = [.pending, .confirmed, .waitlisted].contains(status) && !item.completed
            let inTime =
                item.first_start.map {
                    CancellationPolicy.employeeMayCancel(
                        now: now, firstSessionStart: $0, cutoffHours: item.cancel_cutoff_hours)
                } ?? true
            var detail: String?
            switch status {
            case .pending: detail = req.t("catalogue.enrolment.pendingDetail")
            case .waitlisted: detail = req.t("catalogue.enrolment.rank", String(item.ahead + 1))
            case .declined: detail = req.t("catalogue.enrolment.reason", item.decline_reason ?? "—")
            case .confirmed:
                // A finished class without completion: the rule (attendance, assessment) was not met.
                if item.completed {
                    detail = req.t("catalogue.enrolment.completed")
                } else if item.class_status == "finished" {
                    detail = req.t("catalogue.enrolment.notCompleted")
                }
            case .cancelled: detail = nil
            }
            // A plan is written from the class's first day (a course has none: any time).
            let begun = item.completed || (item.first_start.map { $0 <= now } ?? true)
            let plan = ActionPlanLink(
                enrolmentID: item.id, written: planned.contains(item.id), confirmed: status == .confirmed,
                begun: begun, followedUp: followedUp.contains(item.id), req)
            return MyTrainingPage.Row(
                programme: item.programme_title, className: item.class_name,
                classHref: Paths.trainingClass(item.class_id),
                dates: TrainingTime.span(item.first_start, item.last_end, req), jp: TrainingLabels.jp(item.jp, req),
                status: req.t("catalogue.enrolment.status.\(status.rawValue)"),
                statusTag: TrainingLabels.statusTag(status.rawValue), detail: detail,
                classStatus: TrainingLabels.isOver(item.class_status)
                    ? req.t("catalogue.class.status.\(item.class_status)") : nil,
                certificateHref: item.certificate_id.map(Paths.certificate),
                cancelHref: live && item.class_status != "finished" && (inTime || mayAlwaysCancel)
                    ? Paths.enrolmentCancel(item.id) : nil,
                planHref: plan?.href, planLabel: plan?.label)
        }
        // Still to come (or under way) first, soonest first; then what is over, latest first.
        let isPast: (EnrolmentQueries.MineRow) -> Bool = { item in
            item.completed || [.cancelled, .declined].contains(item.state.status)
                || (item.last_end.map { $0 < now } ?? false)
        }
        let current = rows.filter { !isPast($0) }.sorted {
            ($0.first_start ?? .distantFuture) < ($1.first_start ?? .distantFuture)
        }
        let past = rows.filter(isPast).sorted { ($0.first_start ?? .distantPast) > ($1.first_start ?? .distantPast) }
        let page = MyTrainingPage(
            layout: try await Layout.make(req, title: req.t("catalogue.mine.title")), current: current.map(row),
            past: past.map(row), calendarHref: Paths.calendarRenew, catalogueHref: Paths.catalogue,
            notifications: try await NotificationCount.link(req), back: Paths.myTraining)
        return try await req.renderPage("training/enrolment/my-training", page)
    }
}
