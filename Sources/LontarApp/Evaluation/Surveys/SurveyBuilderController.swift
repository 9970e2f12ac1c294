import Fluent
import Foundation
import LontarCore
import Vapor

/// Building surveys: create (from a template or blank), edit sections and items, open and
/// close, invite a class. For BKPPD and the operators of the organising OPD.
struct SurveyBuilderController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.surveyNew(programme:)), use: newForm)
        routes.post(CatalogueRouting.pattern(Paths.surveyNew(programme:)), use: create)
        let edit = TrainingRoutePattern.one(Paths.surveyEdit, SurveyAccess.parameter)
        routes.get(edit, use: editForm)
        routes.on(.POST, edit, body: .collect(maxSize: "512kb"), use: save)
        routes.post(TrainingRoutePattern.one(Paths.surveyStatus, SurveyAccess.parameter), use: changeStatus)
        routes.post(TrainingRoutePattern.one(Paths.surveyInvite, SurveyAccess.parameter), use: inviteClass)
    }

    private func managedProgramme(_ req: Request) async throws -> Programme {
        let principal = try req.requirePrincipal()
        guard let programme = try await Programme.find(try CatalogueRouting.id(req), on: req.db) else {
            throw AppError.notFound()
        }
        guard TrainingAccess.canManage(programme, principal) else { throw AppError.forbidden() }
        return programme
    }

    func newForm(req: Request) async throws -> Response {
        let programme = try await managedProgramme(req)
        return try await renderNew(req, programme, fields: FormFields(pairs: []), errors: [])
    }

    func create(req: Request) async throws -> Response {
        let programme = try await managedProgramme(req)
        let principal = try req.requirePrincipal()
        let fields = FormFields.from(req)
        let title = (fields["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let closesOn = (fields["closesOn"] ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String] = []
        if title.isEmpty { errors.append(req.t("survey.builder.error.title")) }
        if title.count > 200 { errors.append(req.t("survey.builder.error.titleLong")) }
        let level = SurveyLevel(rawValue: fields["level"] ?? "")
        if level == nil { errors.append(req.t("survey.builder.error.level")) }
        let templateText = fields["template"] ?? ""
        let template = SurveyTemplate(rawValue: templateText)
        if template == nil && templateText != "blank" { errors.append(req.t("survey.builder.error.template")) }
        var classID: UUID?
        if let text = fields["classID"], !text.isEmpty {
            guard let id = UUID(uuidString: text), let found = try await TrainingClass.find(id, on: req.db),
                found.$programme.id == programme.id
            else {
                errors.append(req.t("survey.builder.error.class"))
                return try await renderNew(req, programme, fields: fields, errors: errors)
            }
            classID = id
        }
        if !closesOn.isEmpty && CivilDate(iso: closesOn) == nil {
            errors.append(req.t("survey.builder.error.closesOn"))
        }
        // L3 surveys are read beside the action plan and by the alumnus's supervisor, and which
        // questions someone gets depends on their plan: anonymity would promise what it cannot keep.
        if let level, fields["anonymous"] != nil, level.isBehaviour {
            errors.append(req.t("survey.builder.error.anonymousL3"))
        }
        guard errors.isEmpty, let level else {
            return try await renderNew(req, programme, fields: fields, errors: errors)
        }
        let definition =
            template?.definition
            ?? SurveyDefinition(sections: [SurveySection(title: req.t("survey.builder.defaultSection"), items: [])])
        let survey = Survey()
        survey.$programme.id = try programme.requireID()
        survey.$trainingClass.id = classID
        survey.level = level.rawValue
        survey.title = title
        survey.definition = try SurveyStore.encode(definition)
        survey.anonymous = fields["anonymous"] != nil
        survey.status = "draft"
        survey.closesOn = closesOn.isEmpty ? nil : closesOn
        survey.createdBy = principal.userID
        survey.createdAt = req.now
        try await survey.save(on: req.db)
        Flash.set(req, req.t("survey.builder.created"))
        return req.redirect(to: Paths.surveyEdit(try survey.requireID()))
    }

    func editForm(req: Request) async throws -> Response {
        let (loaded, _) = try await SurveyAccess.requireManager(req)
        let form = SurveyEditorForm(
            title: loaded.survey.title, anonymous: loaded.survey.anonymous, closesOn: loaded.survey.closesOn ?? "",
            definition: loaded.definition)
        return try await renderEdit(req, loaded, form: form, errors: [], itemErrors: [:], sections: [], unsaved: false)
    }

    func save(req: Request) async throws -> Response {
        let (loaded, _) = try await SurveyAccess.requireManager(req)
        // Stored answers refer to the items as they are: once anyone answered, nothing changes.
        if try await SurveyStore.hasResponses(loaded.id, on: req.db) {
            throw AppError.conflict("survey_answered", LocalizableMessage("survey.builder.error.locked"))
        }
        var form = SurveyEditorForm(FormFields.from(req))
        if form.apply(newSectionTitle: req.t("survey.builder.defaultSection")) {
            return try await renderEdit(
                req, loaded, form: form, errors: [], itemErrors: [:], sections: [], unsaved: true)
        }
        let problems = form.problems(req)
        var general = problems.general
        if form.anonymous, SurveyLevel(rawValue: loaded.survey.level)?.isBehaviour == true {
            general.append(req.t("survey.builder.error.anonymousL3"))
        }
        guard general.isEmpty && problems.items.isEmpty && problems.sections.isEmpty else {
            return try await renderEdit(
                req, loaded, form: form, errors: general, itemErrors: problems.items,
                sections: problems.sections, unsaved: true, status: .unprocessableEntity)
        }
        let survey = loaded.survey
        survey.title = form.title
        survey.anonymous = form.anonymous
        survey.closesOn = form.closesOn.isEmpty ? nil : form.closesOn
        survey.definition = try SurveyStore.encode(form.definition)
        try await survey.save(on: req.db)
        Flash.set(req, req.t("survey.builder.saved"))
        return req.redirect(to: Paths.surveyEdit(loaded.id))
    }

    func changeStatus(req: Request) async throws -> Response {
        let (loaded, _) = try await SurveyAccess.requireManager(req)
        let fields = FormFields.from(req)
        guard let status = fields["status"], ["draft", "open", "closed"].contains(status) else {
            throw AppError.invalid("status", LocalizableMessage("survey.builder.error.status"))
        }
        if status == "open" && !loaded.definition.validate().isEmpty {
            throw AppError.conflict("survey_invalid", LocalizableMessage("survey.builder.error.openInvalid"))
        }
        if status == "draft", try await SurveyStore.hasResponses(loaded.id, on: req.db) {
            throw AppError.conflict("survey_answered", LocalizableMessage("survey.builder.error.locked"))
        }
        loaded.survey.status = status
        try await loaded.survey.save(on: req.db)
        Flash.set(req, req.t("survey.builder.statusChanged", SurveyStore.statusLabel(status, req)))
        return req.redirect(to: Paths.surveyEdit(loaded.id))
    }

    func inviteClass(req: Request) async throws -> Response {
        let (loaded, _) = try await SurveyAccess.requireManager(req)
        guard loaded.survey.status == "open" else {
            throw AppError.conflict("survey_not_open", LocalizableMessage("survey.builder.error.inviteNotOpen"))
        }
        let text = FormFields.from(req)["classID"] ?? ""
        guard let classID = UUID(uuidString: text) ?? loaded.classID,
            let trainingClass = try await TrainingClass.find(classID, on: req.db),
            trainingClass.$programme.id == loaded.programme.id,
            loaded.classID == nil || loaded.classID == classID
        else { throw AppError.invalid("classID", LocalizableMessage("survey.builder.error.class")) }
        let count = try await SurveyInviter.inviteClass(loaded, classID: classID, request: req)
        Flash.set(req, req.t("survey.builder.invited", String(count), trainingClass.name))
        return req.redirect(to: Paths.surveyEdit(loaded.id))
    }

    private func renderNew(
        _ req: Request, _ programme: Programme, fields: FormFields, errors: [String]
    ) async throws
        -> Response
    {
        let classes = try await TrainingClass.query(on: req.db).filter(\.$programme.$id == programme.requireID())
            .sort(\.$name).all()
        let level = fields["level"] ?? SurveyLevel.reaction.rawValue
        let template = fields["template"] ?? SurveyTemplate.reaction.rawValue
        let page = SurveyNewPage(
            layout: try await Layout.make(req, title: req.t("survey.builder.newTitle")),
            programmeTitle: programme.title,
            action: Paths.surveyNew(programme: try programme.requireID()), title: fields["title"] ?? "",
            levels: SurveyLevel.allCases.map {
                .init(
                    value: $0.rawValue, label: SurveyStore.levelLabel($0.rawValue, req), selected: $0.rawValue == level)
            },
            templates: [
                .init(value: "blank", label: req.t("survey.template.blank"), selected: template == "blank"),
                .init(
                    value: SurveyTemplate.reaction.rawValue, label: req.t("survey.template.reaction"),
                    selected: template == SurveyTemplate.reaction.rawValue),
                .init(
                    value: SurveyTemplate.behaviourAlumnus.rawValue, label: req.t("survey.template.behaviourAlumnus"),
                    selected: template == SurveyTemplate.behaviourAlumnus.rawValue),
                .init(
                    value: SurveyTemplate.behaviourSupervisor.rawValue,
                    label: req.t("survey.template.behaviourSupervisor"),
                    selected: template == SurveyTemplate.behaviourSupervisor.rawValue),
            ],
            classes: try classes.map {
                .init(
                    value: try $0.requireID().uuidString, label: $0.name,
                    selected: fields["classID"] == $0.id?.uuidString)
            },
            anonymous: fields.pairs.isEmpty || fields["anonymous"] != nil, closesOn: fields["closesOn"] ?? "",
            errors: errors)
        return try await req.renderPage(
            "evaluation/surveys/new", page, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func renderEdit(
        _ req: Request, _ loaded: LoadedSurvey, form: SurveyEditorForm, errors: [String], itemErrors: [String: String],
        sections: Set<Int>, unsaved: Bool, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let locked = try await SurveyStore.hasResponses(loaded.id, on: req.db)
        var classes: [SurveyEditPage.Option] = []
        var scope = req.t("survey.scope.programme")
        var smallClassWarning: String?
        if let classID = loaded.classID, let trainingClass = try await TrainingClass.find(classID, on: req.db) {
            scope = req.t("survey.scope.class", trainingClass.name)
            classes = [.init(value: classID.uuidString, label: trainingClass.name, selected: true)]
            // Results of an anonymous survey stay hidden below 5 answers: say so while it can be changed.
            let seats = try await Enrolment.query(on: req.db).filter(\.$trainingClass.$id == classID)
                .filter(\.$approval == Approval.approved.rawValue).filter(\.$cancelled == false).count()
            if form.anonymous, seats < AnonymityRule.minimumResponses {
                smallClassWarning = req.t(
                    "survey.builder.smallClass", String(seats), String(AnonymityRule.minimumResponses))
            }
        } else {
            classes = try await TrainingClass.query(on: req.db).filter(\.$programme.$id == loaded.programme.requireID())
                .sort(\.$name).all().compactMap { c in
                    c.id.map { .init(value: $0.uuidString, label: c.name, selected: false) }
                }
        }
        let rate = try await SurveyRates.rate(loaded, classIDs: nil, on: req.db)
        let page = SurveyEditPage(
            layout: try await Layout.make(req, title: req.t("survey.builder.editTitle")),
            programmeTitle: loaded.programme.title, scope: scope,
            level: SurveyStore.levelLabel(loaded.survey.level, req), status: loaded.survey.status,
            statusLabel: SurveyStore.statusLabel(loaded.survey.status, req), locked: locked,
            action: Paths.surveyEdit(loaded.id), statusAction: Paths.surveyStatus(loaded.id),
            resultsHref: Paths.surveyResults(loaded.id), inviteAction: Paths.surveyInvite(loaded.id), classes: classes,
            rate: SurveyResultsText.rate(rate, req), title: form.title, anonymous: form.anonymous,
            closesOn: form.closesOn,
            sections: SurveyEditPage.sections(form, itemErrors: itemErrors, invalidSections: sections, req: req),
            errors: errors, unsaved: unsaved, validForOpening: loaded.definition.validate().isEmpty,
            smallClassWarning: smallClassWarning)
        return try await req.renderPage("evaluation/surveys/edit", page, status: status)
    }
}

struct SurveyNewPage: Encodable {
    let layout: Layout
    let programmeTitle: String
    let action: String
    let title: String
    let levels: [SurveyEditPage.Option]
    let templates: [SurveyEditPage.Option]
    let classes: [SurveyEditPage.Option]
    let anonymous: Bool
    let closesOn: String
    let errors: [String]
}
