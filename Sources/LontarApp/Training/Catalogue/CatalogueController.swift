import Fluent
import LontarCore
import Vapor

/// The training catalogue and the programme pages; the class pages register alongside.
struct CatalogueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.catalogue), use: catalogue)
        routes.get(CatalogueRouting.pattern(Paths.programmeNew), use: newProgramme)
        routes.post(CatalogueRouting.pattern(Paths.programmeNew), use: createProgramme)
        routes.get(CatalogueRouting.pattern(Paths.programme), use: showProgramme)
        routes.get(CatalogueRouting.pattern(Paths.programmeEdit), use: editProgramme)
        routes.post(CatalogueRouting.pattern(Paths.programmeEdit), use: updateProgramme)
        try ClassController().boot(routes: routes)
    }

    func catalogue(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let filter = CatalogueFilter.from(req)
        let visibility = CatalogueVisibility.of(principal)
        let paging = PageRequest.from(req, defaultPer: 12, maxPer: 50)
        let (programmes, total) = try await CatalogueQuery.programmes(
            filter, visibility: visibility, paging: paging, on: req.db)
        let ids = programmes.compactMap(\.id)
        let classes = try await CatalogueQuery.classes(of: ids, upcomingAfter: req.now, on: req.db)
        let mine = try await CatalogueQuery.myEnrolments(principal.employeeID, in: classes.map(\.id), on: req.db)
        let agencies = try await Agency.query(on: req.db).sort(\.$code).all()
        let agencyNames = Dictionary(
            agencies.compactMap { a in a.id.map { ($0, a.name) } }, uniquingKeysWith: { a, _ in a })
        let byProgramme = Dictionary(grouping: classes, by: \.programme_id)
        let cards = programmes.map { programme in
            let id = programme.id ?? UUID()
            return CataloguePage.Card(
                href: Paths.programme(id), title: programme.title, summary: Self.excerpt(programme.description),
                form: TrainingLabels.form(programme.formCode, req), jp: TrainingLabels.jp(programme.jp, req),
                organiser: TrainingLabels.organiser(
                    programme, agencyName: programme.$organiserAgency.id.flatMap { agencyNames[$0] }, req),
                kind: req.t("catalogue.kind.\(programme.competencyKind)"),
                status: programme.status == "published" ? nil : req.t("catalogue.status.\(programme.status)"),
                statusTag: TrainingLabels.statusTag(programme.status),
                classes: (byProgramme[id] ?? []).map {
                    RegistrationState.summary(
                        $0, mine: mine[$0.id], isEmployee: principal.employeeID != nil, now: req.now, req)
                })
        }
        var organisers = ["bkppd", "bpsdmd", "partner"].map {
            Option(value: $0, label: req.t("catalogue.organiser.\($0)"), selected: filter.organiser == $0)
        }
        organisers += agencies.filter(\.active).map {
            Option(value: "opd:\($0.code)", label: $0.name, selected: filter.organiser == "opd:\($0.code)")
        }
        let page = CataloguePage(
            layout: try await Layout.make(req, title: req.t("catalogue.title")), action: Paths.catalogue,
            suggestions: TrainingLabels.standardCompetencies, q: filter.q, month: filter.month,
            competency: filter.competency,
            kinds: ProgrammeForm.options(TrainingLabels.competencyKinds, { "catalogue.kind.\($0)" }, filter.kind, req),
            forms: ProgrammeForm.formGroups(selected: filter.form, req), organisers: organisers,
            statuses: ProgrammeForm.options(
                TrainingLabels.programmeStatuses, { "catalogue.status.\($0)" }, filter.status, req),
            showStatus: visibility.seesUnpublished,
            filtersActive: [filter.kind, filter.competency, filter.form, filter.organiser, filter.month, filter.status]
                .contains { !$0.isEmpty },
            canCreate: principal.isAdmin || principal.isOperator,
            newHref: Paths.programmeNew, cards: cards,
            pager: Pager(paging: paging, total: total, path: Paths.catalogue, query: filter.query, request: req),
            notifications: try await NotificationCount.link(req))
        return try await req.renderPage("training/catalogue/list", page)
    }

    func newProgramme(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        return try await ProgrammeForm.render(
            req, principal: principal, action: Paths.programmeNew, cancelHref: Paths.catalogue, input: ProgrammeInput())
    }

    func createProgramme(req: Request) async throws -> Response {
        let principal = try req.require(.admin, .operator)
        return try await ProgrammeForm.save(
            req, principal: principal, existing: nil, action: Paths.programmeNew, cancelHref: Paths.catalogue)
    }

    func editProgramme(req: Request) async throws -> Response {
        let (programme, principal) = try await ProgrammeAccess.findManageable(req, id: CatalogueRouting.id(req))
        let id = try programme.requireID()
        let code = try await programme.$organiserAgency.id.asyncFlatMap { try await Agency.find($0, on: req.db) }?.code
        return try await ProgrammeForm.render(
            req, principal: principal, action: Paths.programmeEdit(id), cancelHref: Paths.programme(id),
            input: ProgrammeInput(programme, organiserAgencyCode: code))
    }

    func updateProgramme(req: Request) async throws -> Response {
        let (programme, principal) = try await ProgrammeAccess.findManageable(req, id: CatalogueRouting.id(req))
        let id = try programme.requireID()
        return try await ProgrammeForm.save(
            req, principal: principal, existing: programme, action: Paths.programmeEdit(id),
            cancelHref: Paths.programme(id))
    }

    func showProgramme(req: Request) async throws -> Response {
        let (programme, principal) = try await ProgrammeAccess.findViewable(req, id: CatalogueRouting.id(req))
        let id = try programme.requireID()
        let canManage = TrainingAccess.canManage(programme, principal)
        let classes = try await CatalogueQuery.classes(of: [id], upcomingAfter: nil, on: req.db)
        let mine = try await CatalogueQuery.myEnrolments(principal.employeeID, in: classes.map(\.id), on: req.db)
        let agencies = try await Agency.query(on: req.db).all()
        let organiserName = agencies.first { $0.id == programme.$organiserAgency.id }?.name
        let courses = try await Course.query(on: req.db).filter(\.$programme.$id == id).sort(\.$title).all()
            .filter { canManage || $0.status == CourseStatus.published.rawValue }
        let page = ProgrammePage(
            layout: try await Layout.make(req, title: programme.title), title: programme.title,
            status: req.t("catalogue.status.\(programme.status)"),
            statusTag: TrainingLabels.statusTag(programme.status),
            isPublished: programme.status == "published", description: programme.description,
            objectives: programme.objectives, prerequisites: programme.prerequisites,
            competencies: programme.competencies.split(separator: "\n").map(String.init),
            fields: ProgrammeFactSheet.fields(programme, organiser: organiserName, agencies: agencies, req),
            // An online course's class is reached through the course, never applied to as a class.
            classes: classes.filter {
                (canManage || $0.status != "cancelled") && $0.status != CourseEnrolments.onlineClassStatus
            }.map {
                RegistrationState.summary(
                    $0, mine: mine[$0.id], isEmployee: principal.employeeID != nil && programme.status == "published",
                    now: req.now, req)
            },
            editHref: canManage ? Paths.programmeEdit(id) : nil,
            newClassHref: canManage ? Paths.classNew(programme: id) : nil,
            catalogueHref: Paths.catalogue,
            courses: courses.map {
                CourseLink(
                    href: Paths.course($0.id!), title: $0.title,
                    status: $0.status == CourseStatus.published.rawValue ? nil : req.t("course.status.\($0.status)"))
            },
            newCourseHref: CourseAccess.canCreate(in: programme, principal) ? Paths.courseNew(programme: id) : nil,
            evaluationLinks: canManage ? ProgrammeEvaluationLinks.all(id, req) : [])
        return try await req.renderPage("training/catalogue/programme", page)
    }

    /// The first sentence or so of a description, for a card on a small screen.
    /// The text on one line, cut at a word boundary before `limit` characters, with "…".
    static func excerpt(_ text: String, limit: Int = 180) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) + "…"
    }
}

/// The facts of a programme in the reader's language.
enum ProgrammeFactSheet {
    static func fields(
        _ programme: Programme, organiser: String?, agencies: [Agency], _ req: Request
    )
        -> [ProgrammePage.Field]
    {
        typealias Field = ProgrammePage.Field
        let jp = req.t(
            programme.international ? "catalogue.programme.jpInternational" : "catalogue.programme.jpNational",
            TrainingLabels.jp(programme.jp, req))
        let kinds = ProgrammeInput.list(programme.audiencePositionKinds).compactMap { PositionKind(rawValue: $0) }
            .map { req.t($0.nameMessage) }
        let codes = Set(ProgrammeInput.list(programme.audienceAgencies))
        let opds = agencies.filter { codes.contains($0.code) }.map(\.name).sorted()
        var rule = req.t("catalogue.programme.ruleAttendance", String(programme.minAttendance))
        if programme.requiresAssessment, let score = programme.passingScore {
            rule += " " + req.t("catalogue.programme.ruleAssessment", TextInput.decimal(score))
        }
        if programme.excusedCounts { rule += " " + req.t("catalogue.programme.ruleExcused") }
        return [
            Field(label: req.t("catalogue.field.formCode"), value: TrainingLabels.form(programme.formCode, req)),
            Field(label: req.t("catalogue.field.path"), value: req.t("catalogue.path.\(programme.path)")),
            Field(label: req.t("catalogue.field.jp"), value: jp),
            Field(
                label: req.t("catalogue.field.competencyKind"),
                value: req.t("catalogue.kind.\(programme.competencyKind)")),
            Field(
                label: req.t("catalogue.field.organiser"),
                value: TrainingLabels.organiser(programme, agencyName: organiser, req)),
            Field(
                label: req.t("catalogue.field.audiencePositionKinds"),
                value: kinds.isEmpty ? req.t("catalogue.audience.all") : kinds.joined(separator: ", ")),
            Field(
                label: req.t("catalogue.field.audienceAgencies"),
                value: opds.isEmpty ? req.t("catalogue.audience.allAgencies") : opds.joined(separator: ", ")),
            Field(label: req.t("catalogue.field.completion"), value: rule),
        ]
    }
}
