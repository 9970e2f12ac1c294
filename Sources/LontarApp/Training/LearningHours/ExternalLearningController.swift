import Fluent
import LontarCore
import SQLKit
import Vapor

/// Learning done outside Lontar: the employee submits it with the certificate, the OPD's
/// operator (or BKPPD) verifies it, and only then does it credit JP.
struct ExternalLearningController: RouteCollection {
    /// Above the 5 MB file limit, for the form's other fields and the multipart framing.
    static let maxUpload: ByteCount = "6mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.externalLearning.pathComponents, use: form)
        routes.on(.POST, Paths.externalLearning.pathComponents, body: .collect(maxSize: Self.maxUpload), use: submit)
        routes.get(Paths.externalReview.pathComponents, use: review)
        routes.get(JPLinks.pattern { Paths.externalFile($0) }, use: file)
        routes.post(JPLinks.pattern { Paths.externalDecide($0) }, use: decide)
    }

    func form(req: Request) async throws -> Response {
        let employeeID = try employee(req)
        return try await render(req, employeeID: employeeID, input: .init(), invalid: .init(), errors: [])
    }

    func submit(req: Request) async throws -> Response {
        let employeeID = try employee(req)
        let input = try req.content.decode(ExternalLearningInput.self)
        switch ExternalLearningService.validate(input, today: CityTime.today(req.clock)) {
        case .failure(let problems):
            return try await render(
                req, employeeID: employeeID, input: .init(input),
                invalid: .init(fields: Set(problems.items.map(\.field))),
                errors: problems.items.map { req.t($0.message) },
                status: .unprocessableEntity)
        case .success(let draft):
            guard let data = input.certificate?.data else { throw AppError.notFound() }
            try await ExternalLearningService.submit(draft, data: data, employeeID: employeeID, request: req)
            Flash.set(req, req.t("jp.external.submitted", draft.title))
            return req.redirect(to: Paths.externalLearning)
        }
    }

    func review(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        return try await renderReview(req, principal: principal, failed: nil)
    }

    /// The certificate itself: for the person who sent it, their OPD's operator and BKPPD.
    /// Anyone else gets 404, so ids cannot be probed for other people's certificates.
    func file(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let record = try await findVisible(req, principal: principal)
        guard let kind = CertificateFile.Kind(rawValue: record.fileType),
            let path = CertificateFile.path(of: record.filePath, app: req.application),
            FileManager.default.fileExists(atPath: path)
        else { throw AppError.notFound() }
        let data = try await req.fileio.collectFile(at: path)
        let response = Response(status: .ok, body: .init(buffer: data))
        response.headers.contentType = HTTPMediaType(
            type: String(kind.rawValue.split(separator: "/")[0]),
            subType: String(kind.rawValue.split(separator: "/")[1]))
        response.headers.contentDisposition = .init(.inline, filename: record.fileName)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    struct Decision: Content {
        var decision: String?
        var reason: String?
    }

    func decide(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        let record = try await findVisible(req, principal: principal)
        // Nobody verifies their own certificate, operators and administrators included.
        guard principal.employeeID != record.$employee.id else { throw AppError.forbidden() }
        let form = try req.content.decode(Decision.self)
        switch form.decision {
        case "verify":
            try await ExternalLearningService.verify(record, by: principal, request: req)
            Flash.set(req, req.t("jp.review.verified", record.title))
        case "reject":
            let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty, reason.count <= 500 else {
                let message = req.t(reason.isEmpty ? "jp.review.reasonRequired" : "jp.review.reasonTooLong")
                return try await renderReview(
                    req, principal: principal, failed: (try record.requireID(), message, reason))
            }
            try await ExternalLearningService.reject(record, reason: reason, by: principal, request: req)
            Flash.set(req, req.t("jp.review.rejected", record.title))
        default:
            throw AppError.invalid("decision", LocalizableMessage("jp.review.decisionUnknown"))
        }
        return req.redirect(to: Paths.externalReview)
    }

    // MARK: - Helpers

    private func employee(_ req: Request) throws -> UUID {
        let principal = try req.requirePrincipal()
        guard let id = principal.employeeID else { throw AppError.forbidden() }
        return id
    }

    private func findVisible(_ req: Request, principal: Principal) async throws -> ExternalLearning {
        guard let id = req.parameters.get("id", as: UUID.self),
            let record = try await ExternalLearning.query(on: req.db).filter(\.$id == id).with(\.$employee).first()
        else { throw AppError.notFound() }
        let own = principal.employeeID == record.$employee.id
        guard own || principal.canManage(agencyID: record.employee.$agency.id) else { throw AppError.notFound() }
        return record
    }

    private func render(
        _ req: Request, employeeID: UUID, input: ExternalLearningPage.Input, invalid: ExternalLearningPage.Invalid,
        errors: [String], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let language = req.language
        let records = try await ExternalLearning.query(on: req.db).filter(\.$employee.$id == employeeID)
            .sort(\.$createdAt, .descending).range(..<200).all()
        let rows = try records.map { record in
            let status = ExternalLearningService.Status(rawValue: record.status) ?? .submitted
            return ExternalLearningPage.Row(
                title: record.title, organiser: record.organiser,
                form: JPText.formName(record.formCode, language: language),
                dates: JPText.dates(record.startDate, record.endDate, language: language),
                jp: JPFormat.jp(record.jp, language: language), certificate: record.certificateNumber,
                status: req.t("jp.status.\(status.rawValue)"), tone: status.rawValue, reason: record.reason,
                fileHref: Paths.externalFile(try record.requireID()), submitted: CityTime.format(record.createdAt))
        }
        let forms = DevelopmentForm.all.map { form in
            Option(
                value: form.code, label: form.code + " — " + (language == .id ? form.name : form.englishName),
                selected: form.code == input.form_code)
        }
        let page = ExternalLearningPage(
            layout: try await Layout.make(req, title: req.t("jp.external.title")), action: Paths.externalLearning,
            backHref: Paths.learningHours, input: input, invalid: invalid, forms: forms, errors: errors,
            today: CityTime.today(req.clock).iso, maxJP: JPFormat.jp(ExternalLearningService.maxJP), rows: rows)
        return try await req.renderPage("training/jp/external", page, status: status)
    }

    private func renderReview(
        _ req: Request, principal: Principal, failed: (id: UUID, message: String, reason: String)?
    ) async throws -> Response {
        let sql = try req.db.sql()
        var scope: SQLQueryString = "x.status = \(bind: ExternalLearningService.Status.submitted.rawValue)"
        var scopeLabel = req.t("jp.scope.city")
        if !principal.isAdmin {
            guard let own = principal.operatorAgencyID else { throw AppError.forbidden() }
            scope += " AND e.agency_id = \(bind: own)"
            scopeLabel = try await Agency.find(own, on: req.db)?.name ?? ""
        }
        if let me = principal.employeeID { scope += " AND x.employee_id <> \(bind: me)" }
        let from: SQLQueryString = """
            FROM external_learning x JOIN employees e ON e.id = x.employee_id JOIN agencies a ON a.id = e.agency_id
            WHERE \(scope)
            """
        struct Count: Decodable { let n: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS n " + from).first(decoding: Count.self)?.n ?? 0
        let paging = PageRequest.from(req)
        let pending = try await sql.raw(
            """
            SELECT x.id, x.title, x.organiser, x.form_code, x.start_date, x.end_date, x.jp, x.certificate_number,
                   x.file_name, x.created_at, e.nip, e.name, e.front_title, e.back_title, a.code AS agency_code
            \(from) ORDER BY x.created_at, x.id LIMIT \(literal: paging.per) OFFSET \(literal: paging.offset)
            """
        ).all(decoding: PendingSubmission.self)
        let language = req.language
        let rows = pending.map { item in
            let failedHere = failed?.id == item.id
            return ExternalReviewPage.Row(
                id: item.id.uuidString, decideHref: Paths.externalDecide(item.id),
                fileHref: Paths.externalFile(item.id), fileName: item.file_name,
                employee: EmployeeImport.displayName(front: item.front_title, name: item.name, back: item.back_title),
                nip: item.nip, agency: item.agency_code, title: item.title, organiser: item.organiser,
                form: JPText.formName(item.form_code, language: language),
                dates: JPText.dates(item.start_date, item.end_date, language: language),
                jp: JPFormat.jp(item.jp, language: language), certificate: item.certificate_number,
                submitted: CityTime.format(item.created_at), error: failedHere ? failed?.message : nil,
                reason: failedHere ? failed?.reason ?? "" : "")
        }
        let page = ExternalReviewPage(
            layout: try await Layout.make(req, title: req.t("jp.review.title")), scope: scopeLabel, rows: rows,
            pager: Pager(paging: paging, total: total, path: Paths.externalReview, query: [:], request: req))
        return try await req.renderPage(
            "training/jp/review", page, status: failed == nil ? .ok : .unprocessableEntity)
    }
}
