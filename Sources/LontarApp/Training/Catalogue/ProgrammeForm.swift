import Fluent
import LontarCore
import Vapor

/// Builds the programme form page and saves what it posts.
enum ProgrammeForm {
    static func activeAgencies(on db: any Database) async throws -> [String: Agency] {
        let all = try await Agency.query(on: db).filter(\.$active == true).sort(\.$code).all()
        return Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Creates or updates; a bad value re-renders the form (422) and nothing is written.
    static func save(
        _ req: Request, principal: Principal, existing: Programme?, action: String, cancelHref: String
    ) async throws -> Response {
        let input = try req.content.decode(ProgrammeInput.self)
        let agencies = try await activeAgencies(on: req.db)
        let validator = ProgrammeValidator(req: req, principal: principal, agencies: agencies)
        let (values, errors) = validator.validate(input)
        guard let values else {
            return try await render(
                req, principal: principal, action: action, cancelHref: cancelHref, input: input, errors: errors,
                status: .unprocessableEntity)
        }
        let programme = existing ?? Programme()
        values.write(to: programme)
        try await programme.save(on: req.db)
        Flash.set(req, req.t(existing == nil ? "catalogue.programme.created" : "saved"))
        return req.redirect(to: Paths.programme(try programme.requireID()))
    }

    static func render(
        _ req: Request, principal: Principal, action: String, cancelHref: String, input: ProgrammeInput,
        errors: FormErrors = FormErrors(), status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let agencies = try await activeAgencies(on: req.db).values.sorted { $0.code < $1.code }
        let chosenKinds = Set(input.audiencePositionKinds ?? [])
        let chosenAgencies = Set((input.audienceAgencies ?? []).map { $0.uppercased() })
        var fixedOrganiser: String?
        if !principal.isAdmin {
            let own = agencies.first { $0.id == principal.operatorAgencyID }
            fixedOrganiser = own.map { "\($0.name) (\($0.code))" } ?? "—"
        }
        let competencies = (input.competencies ?? []).filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        let title = req.t(action == Paths.programmeNew ? "catalogue.programme.new" : "catalogue.programme.edit")
        let page = ProgrammeFormPage(
            layout: try await Layout.make(req, title: title), action: action, cancelHref: cancelHref, input: input,
            competencyRows: competencies + Array(repeating: "", count: max(3, 6 - competencies.count)),
            suggestions: TrainingLabels.standardCompetencies,
            paths: options(DevelopmentPath.allCases.map(\.rawValue), { "catalogue.path.\($0)" }, input.path, req),
            forms: formGroups(selected: input.formCode, req),
            kinds: options(TrainingLabels.competencyKinds, { "catalogue.kind.\($0)" }, input.competencyKind, req),
            organiserKinds: options(
                TrainingLabels.organiserKinds, { "catalogue.organiser.\($0)" }, input.organiserKind, req),
            agencies: agencies.map {
                Option(value: $0.code, label: "\($0.code) — \($0.name)", selected: $0.code == input.organiserAgency)
            },
            fixedOrganiser: fixedOrganiser,
            audienceKinds: PositionKind.allCases.map {
                Check(
                    id: "ak-\($0.rawValue)", value: $0.rawValue, label: req.t($0.nameMessage),
                    checked: chosenKinds.contains($0.rawValue))
            },
            audienceAgencies: agencies.map {
                Check(id: "aa-\($0.code)", value: $0.code, label: $0.name, checked: chosenAgencies.contains($0.code))
            },
            statuses: options(TrainingLabels.programmeStatuses, { "catalogue.status.\($0)" }, input.status, req),
            international: input.international == "1", requiresAssessment: input.requiresAssessment == "1",
            excusedCounts: input.excusedCounts == "1", errors: errors.messages, invalid: errors.fields)
        return try await req.renderPage("training/catalogue/programme-form", page, status: status)
    }

    /// Choices labelled from the catalogue; `key` names each value's entry.
    static func options(_ values: [String], _ key: (String) -> String, _ selected: String?, _ req: Request) -> [Option]
    {
        values.map { Option(value: $0, label: req.t(key($0)), selected: $0 == selected) }
    }

    /// The official forms in two groups, classroom and non-classroom, as the regulation lists them.
    static func formGroups(selected: String?, _ req: Request) -> [OptionGroup] {
        DeliveryMode.allCases.map { mode in
            OptionGroup(
                label: req.t("catalogue.mode.\(mode.rawValue)"),
                options: DevelopmentForm.all.filter { $0.mode == mode }.map {
                    Option(value: $0.code, label: TrainingLabels.form($0.code, req), selected: $0.code == selected)
                })
        }
    }
}

/// Finding a programme named in a path, with the need-to-know check applied.
enum ProgrammeAccess {
    /// Published programmes are for everyone signed in; others only for their managers (404
    /// otherwise, as a draft is not yet public).
    static func findViewable(_ req: Request, id: UUID) async throws -> (Programme, Principal) {
        let principal = try req.requirePrincipal()
        guard let programme = try await Programme.find(id, on: req.db) else { throw AppError.notFound() }
        guard programme.status == "published" || TrainingAccess.canManage(programme, principal) else {
            throw AppError.notFound()
        }
        return (programme, principal)
    }

    static func findManageable(_ req: Request, id: UUID) async throws -> (Programme, Principal) {
        let principal = try req.require(.admin, .operator)
        guard let programme = try await Programme.find(id, on: req.db) else { throw AppError.notFound() }
        guard TrainingAccess.canManage(programme, principal) else { throw AppError.forbidden() }
        return (programme, principal)
    }
}
