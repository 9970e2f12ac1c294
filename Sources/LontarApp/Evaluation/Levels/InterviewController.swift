import Fluent
import Foundation
import LontarCore
import Vapor

/// L3 interviews an evaluator records: the list and form per programme, one interview's
/// page with its attachments (PDF, JPEG, PNG or DOCX, recognised by content).
struct InterviewController: RouteCollection {
    /// Above the 10 MB attachment limit, for the multipart framing and the form's token.
    static let maxUpload: ByteCount = "11mb"
    static let maxAttachment = 10 * 1024 * 1024
    static let roles = ["alumnus", "supervisor", "other"]
    static let maxText = 8_000

    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.programmeInterviews), use: list)
        routes.post(CatalogueRouting.pattern(Paths.programmeInterviews), use: create)
        routes.get(TrainingRoutePattern.one(Paths.interview, "interviewID"), use: show)
        routes.on(
            .POST, TrainingRoutePattern.one(Paths.interview, "interviewID"), body: .collect(maxSize: Self.maxUpload),
            use: attach)
        routes.get(TrainingRoutePattern.one(Paths.interviewAttachment, "attachmentID"), use: download)
        routes.post(TrainingRoutePattern.one(Paths.interviewAttachmentRemove, "attachmentID"), use: remove)
    }

    struct Form: Content {
        var heldOn: String?
        var nip: String?
        var name: String?
        var role: String?
        var questions: String?
        var findings: String?
        var needs: String?
    }

    func list(req: Request) async throws -> Response {
        let (programme, _) = try await LevelsAccess.requireEvaluator(req)
        let values = InterviewsPage.Values(heldOn: CityTime.today(req.clock).iso, role: "alumnus")
        return try await render(req, programme, values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let (programme, principal) = try await LevelsAccess.requireEvaluator(req)
        let form = try req.content.decode(Form.self)
        func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let values = InterviewsPage.Values(
            heldOn: clean(form.heldOn), nip: clean(form.nip), name: clean(form.name), role: clean(form.role),
            questions: clean(form.questions), findings: clean(form.findings), needs: clean(form.needs))
        var errors = FormErrors()
        let today = CityTime.today(req.clock)
        if let day = CivilDate(iso: values.heldOn) {
            if today < day { errors.add("heldOn", req.t("evaluation.interview.error.future")) }
        } else {
            errors.add("heldOn", req.t("evaluation.interview.error.date"))
        }
        if !Self.roles.contains(values.role) { errors.add("role", req.t("evaluation.interview.error.role")) }
        var employee: Employee?
        if !values.nip.isEmpty {
            employee = try await Employee.query(on: req.db).filter(\.$nip == values.nip).first()
            if employee == nil { errors.add("nip", req.t("evaluation.interview.error.nip", values.nip)) }
        } else if values.name.isEmpty {
            errors.add("name", req.t("evaluation.interview.error.who"))
        }
        if values.name.count > 200 { errors.add("name", req.t("evaluation.interview.error.long")) }
        if values.questions.isEmpty { errors.add("questions", req.t("evaluation.interview.error.questions")) }
        if values.findings.isEmpty { errors.add("findings", req.t("evaluation.interview.error.findings")) }
        if [values.questions, values.findings, values.needs].contains(where: { $0.count > Self.maxText }) {
            errors.add("findings", req.t("evaluation.interview.error.long"))
        }
        guard errors.isEmpty else {
            return try await render(req, programme, values, errors: errors, status: .unprocessableEntity)
        }
        let interview = EvaluationInterview()
        interview.$programme.id = try programme.requireID()
        interview.$employee.id = try employee?.requireID()
        interview.intervieweeRole = values.role
        interview.intervieweeName = employee?.name ?? values.name
        interview.heldOn = values.heldOn
        interview.interviewerID = principal.userID
        interview.questions = values.questions
        interview.findings = values.findings
        interview.needs = values.needs
        interview.createdAt = req.now
        try await interview.create(on: req.db)
        Flash.set(req, req.t("evaluation.interview.saved"))
        return req.redirect(to: Paths.interview(try interview.requireID()))
    }

    /// The interview and its programme, for its programme's evaluators only.
    private func load(_ req: Request) async throws -> (EvaluationInterview, Programme) {
        let principal = try req.requirePrincipal()
        guard
            let interview = try await EvaluationInterview.find(
                try CatalogueRouting.id(req, parameter: "interviewID"), on: req.db),
            let programme = try await Programme.find(interview.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        guard TrainingAccess.canManage(programme, principal) else { throw AppError.forbidden() }
        return (interview, programme)
    }

    func show(req: Request) async throws -> Response {
        let (interview, programme) = try await load(req)
        return try await renderDetail(req, interview, programme, error: nil)
    }

    struct Upload: Content {
        var file: File?
    }

    func attach(req: Request) async throws -> Response {
        let (interview, programme) = try await load(req)
        let upload = try req.content.decode(Upload.self)
        let bytes = upload.file.map { Array(buffer: $0.data) } ?? []
        let kind: FileStore.Kind
        switch Self.check(bytes, limit: Self.maxAttachment) {
        case .failure(let message):
            return try await renderDetail(
                req, interview, programme, error: req.t(message), status: .unprocessableEntity)
        case .success(let found): kind = found
        }
        let sha256 = FileStore.checksum(bytes)
        try await FileStore.write(bytes, sha256: sha256, request: req)
        let attachment = InterviewAttachment()
        attachment.$interview.id = try interview.requireID()
        attachment.fileName = FileStore.displayName(upload.file?.filename ?? "", kind: kind)
        attachment.contentType = kind.contentType
        attachment.size = bytes.count
        attachment.sha256 = sha256
        try await attachment.create(on: req.db)
        Flash.set(req, req.t("evaluation.attachment.saved", attachment.fileName))
        return req.redirect(to: Paths.interview(try interview.requireID()))
    }

    /// Evidence files: PDF, pictures and Word documents; nothing that runs.
    static func check(_ bytes: [UInt8], limit: Int) -> Result<FileStore.Kind, LocalizableMessage> {
        FileStore.check(
            bytes, limit: limit, allowed: [.pdf, .jpeg, .png, .docx],
            messages: .init(
                required: "evaluation.attachment.required", tooLarge: "evaluation.attachment.tooLarge",
                type: "evaluation.attachment.type"))
    }

    /// An attachment with its interview, for its programme's evaluators only.
    private func loadAttachment(_ req: Request) async throws -> (InterviewAttachment, EvaluationInterview) {
        let principal = try req.requirePrincipal()
        guard
            let attachment = try await InterviewAttachment.find(
                try CatalogueRouting.id(req, parameter: "attachmentID"), on: req.db),
            let interview = try await EvaluationInterview.find(attachment.$interview.id, on: req.db),
            let programme = try await Programme.find(interview.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        guard TrainingAccess.canManage(programme, principal) else { throw AppError.forbidden() }
        return (attachment, interview)
    }

    func download(req: Request) async throws -> Response {
        let (attachment, _) = try await loadAttachment(req)
        return try await Self.stream(
            req, sha256: attachment.sha256, type: attachment.contentType, name: attachment.fileName)
    }

    /// Takes a wrongly attached file off the interview. The stored content stays: the same
    /// file may be evidence elsewhere, and the store keeps each content once.
    func remove(req: Request) async throws -> Response {
        let (attachment, interview) = try await loadAttachment(req)
        try await attachment.delete(on: req.db)
        Flash.set(req, req.t("evaluation.attachment.removed", attachment.fileName))
        return req.redirect(to: Paths.interview(try interview.requireID()))
    }

    /// Sends a stored file; pictures and PDFs open in the browser, documents download.
    static func stream(_ req: Request, sha256: String, type: String, name: String) async throws -> Response {
        let response = try await FileStore.response(req, sha256: sha256, contentType: type, name: name)
        // Evidence about people: never kept by a browser or a shared phone.
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    private func render(
        _ req: Request, _ programme: Programme, _ values: InterviewsPage.Values, errors: FormErrors,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let programmeID = try programme.requireID()
        let interviews = try await EvaluationInterview.query(on: req.db).filter(\.$programme.$id == programmeID)
            .sort(\.$heldOn, .descending).all()
        let language = req.language
        let rows = try interviews.map { interview in
            InterviewsPage.Row(
                href: Paths.interview(try interview.requireID()), name: interview.intervieweeName,
                role: req.t("evaluation.interview.role.\(interview.intervieweeRole)"),
                heldOn: LevelsFormat.day(interview.heldOn, language),
                findings: CatalogueController.excerpt(interview.findings, limit: 160))
        }
        let page = InterviewsPage(
            layout: try await Layout.make(req, title: req.t("evaluation.interviews.title")),
            programmeTitle: programme.title, programmeHref: Paths.programme(programmeID),
            action: Paths.programmeInterviews(programmeID), rows: rows,
            roles: Self.roles.map { .init(value: $0, label: req.t("evaluation.interview.role.\($0)")) },
            values: values, errors: errors.messages, invalid: errors.fields)
        return try await req.renderPage("evaluation/levels/interviews", page, status: status)
    }

    private func renderDetail(
        _ req: Request, _ interview: EvaluationInterview, _ programme: Programme, error: String?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let interviewID = try interview.requireID()
        let attachments = try await InterviewAttachment.query(on: req.db).filter(\.$interview.$id == interviewID)
            .sort(\.$fileName).all()
        let interviewer = try await UserAccount.find(interview.interviewerID, on: req.db)?.displayName ?? "—"
        let nip = try await interview.$employee.id.asyncFlatMap { try await Employee.find($0, on: req.db) }?.nip
        let page = InterviewPage(
            layout: try await Layout.make(req, title: req.t("evaluation.interview.title")),
            programmeTitle: programme.title, listHref: Paths.programmeInterviews(try programme.requireID()),
            name: interview.intervieweeName, nip: nip,
            role: req.t("evaluation.interview.role.\(interview.intervieweeRole)"),
            heldOn: LevelsFormat.day(interview.heldOn, req.language), interviewer: interviewer,
            questions: interview.questions, findings: interview.findings,
            needs: interview.needs.isEmpty ? nil : interview.needs, action: Paths.interview(interviewID),
            maxSize: FileStore.limitText(Self.maxAttachment),
            attachments: try attachments.map {
                .init(
                    href: Paths.interviewAttachment(try $0.requireID()), name: $0.fileName,
                    size: FileStore.size($0.size, language: req.language),
                    removeAction: Paths.interviewAttachmentRemove(try $0.requireID()))
            }, error: error)
        return try await req.renderPage("evaluation/levels/interview", page, status: status)
    }
}
