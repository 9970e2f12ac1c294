import Fluent
import Foundation
import LontarCore
import Vapor

/// L4: result indicators per programme, a measure before and after (days to issue a permit,
/// complaints per month) with its evidence, recorded by the responsible OPD or BKPPD.
struct IndicatorController: RouteCollection {
    static let maxUpload: ByteCount = "11mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.programmeIndicators), use: list)
        routes.on(
            .POST, CatalogueRouting.pattern(Paths.programmeIndicators), body: .collect(maxSize: Self.maxUpload),
            use: create)
        routes.get(TrainingRoutePattern.one(Paths.indicatorEvidence, "indicatorID"), use: evidence)
    }

    struct Form: Content {
        var agency: String?
        var year: String?
        var name: String?
        var unit: String?
        var baseline: String?
        var result: String?
        var higherIsBetter: String?
        var evidence: String?
        var file: File?
    }

    /// The programme and the OPDs this person records for; refused when there are none.
    private func access(_ req: Request) async throws -> (Programme, Principal, Set<UUID>) {
        let principal = try req.requirePrincipal()
        let programme = try await LevelsAccess.programme(req)
        let agencies = try await LevelsAccess.indicatorAgencies(programme, principal, on: req.db)
        guard !agencies.isEmpty || TrainingAccess.canManage(programme, principal) else { throw AppError.forbidden() }
        return (programme, principal, agencies)
    }

    func list(req: Request) async throws -> Response {
        let (programme, _, agencies) = try await access(req)
        let year = CityTime.today(req.clock).year
        let values = IndicatorsPage.Values(
            agency: agencies.count == 1 ? agencies.first!.uuidString : "", year: String(year), higherIsBetter: true)
        return try await render(req, programme, agencies, values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let (programme, principal, agencies) = try await access(req)
        let form = try req.content.decode(Form.self)
        func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let values = IndicatorsPage.Values(
            agency: clean(form.agency), year: clean(form.year), name: clean(form.name), unit: clean(form.unit),
            baseline: clean(form.baseline), result: clean(form.result), higherIsBetter: form.higherIsBetter != nil,
            evidence: clean(form.evidence))
        var errors = FormErrors()
        let agencyID = UUID(uuidString: values.agency)
        if agencyID.map({ !agencies.contains($0) }) ?? true {
            errors.add("agency", req.t("evaluation.indicator.error.agency"))
        }
        let year = Int(values.year)
        if !(year.map { (2000...2100).contains($0) } ?? false) {
            errors.add("year", req.t("evaluation.indicator.error.year"))
        }
        if values.name.isEmpty || values.name.count > 200 {
            errors.add("name", req.t("evaluation.indicator.error.name"))
        }
        if values.unit.isEmpty || values.unit.count > 60 {
            errors.add("unit", req.t("evaluation.indicator.error.unit"))
        }
        let baseline = LevelsFormat.parse(values.baseline)
        if baseline == nil { errors.add("baseline", req.t("evaluation.indicator.error.baseline")) }
        let result = LevelsFormat.parse(values.result)
        if result == nil { errors.add("result", req.t("evaluation.indicator.error.result")) }
        if values.evidence.isEmpty || values.evidence.count > 4_000 {
            errors.add("evidence", req.t("evaluation.indicator.error.evidence"))
        }
        let bytes = form.file.map { Array(buffer: $0.data) } ?? []
        var kind: FileStore.Kind?
        if !bytes.isEmpty {
            switch InterviewController.check(bytes, limit: InterviewController.maxAttachment) {
            case .failure(let message): errors.add("file", req.t(message))
            case .success(let found): kind = found
            }
        }
        guard errors.isEmpty, let agencyID, let year, let baseline, let result else {
            return try await render(req, programme, agencies, values, errors: errors, status: .unprocessableEntity)
        }
        let indicator = ResultIndicator()
        indicator.$programme.id = try programme.requireID()
        indicator.$agency.id = agencyID
        indicator.year = year
        indicator.name = values.name
        indicator.unit = values.unit
        indicator.baseline = baseline
        indicator.result = result
        indicator.higherIsBetter = values.higherIsBetter
        indicator.evidence = values.evidence
        if let kind {
            let sha256 = FileStore.checksum(bytes)
            try await FileStore.write(bytes, sha256: sha256, request: req)
            indicator.evidenceFileSHA256 = sha256
            indicator.evidenceFileName = FileStore.displayName(form.file?.filename ?? "", kind: kind)
        }
        indicator.recordedBy = principal.userID
        indicator.createdAt = req.now
        try await indicator.create(on: req.db)
        Flash.set(req, req.t("evaluation.indicator.saved", values.name))
        return req.redirect(to: Paths.programmeIndicators(try programme.requireID()))
    }

    /// The evidence file: for whoever may see the programme's indicators.
    func evidence(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard
            let indicator = try await ResultIndicator.find(
                try CatalogueRouting.id(req, parameter: "indicatorID"), on: req.db),
            let programme = try await Programme.find(indicator.$programme.id, on: req.db),
            let sha256 = indicator.evidenceFileSHA256
        else { throw AppError.notFound() }
        let agencies = try await LevelsAccess.indicatorAgencies(programme, principal, on: req.db)
        guard TrainingAccess.canManage(programme, principal) || !agencies.isEmpty else { throw AppError.forbidden() }
        // The row keeps no type: the stored content was checked on upload and is sniffed again.
        let stored = FileStore.path(of: sha256, app: req.application).flatMap(
            FileManager.default.contents(atPath:))
        let type = stored.flatMap { FileStore.sniff(Array($0)) }?.contentType ?? "application/octet-stream"
        return try await InterviewController.stream(
            req, sha256: sha256, type: type, name: indicator.evidenceFileName ?? "bukti")
    }

    /// Better or worse: a measure that should fall (days to a permit) improved when it fell.
    static func improved(_ indicator: ResultIndicator) -> Bool? {
        if indicator.result == indicator.baseline { return nil }
        return indicator.higherIsBetter ? indicator.result > indicator.baseline : indicator.result < indicator.baseline
    }

    private func render(
        _ req: Request, _ programme: Programme, _ agencies: Set<UUID>, _ values: IndicatorsPage.Values,
        errors: FormErrors, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let programmeID = try programme.requireID()
        let indicators = try await ResultIndicator.query(on: req.db).filter(\.$programme.$id == programmeID)
            .sort(\.$year, .descending).sort(\.$name).all()
        let agencyIDs = Array(agencies.union(indicators.map(\.$agency.id)))
        let names = Dictionary(
            try await Agency.query(on: req.db).filter(\.$id ~~ agencyIDs).all().compactMap { agency in
                agency.id.map { ($0, agency.name) }
            }, uniquingKeysWith: { first, _ in first })
        let language = req.language
        let rows = try indicators.map { indicator in
            let improved = Self.improved(indicator)
            return IndicatorsPage.Row(
                name: indicator.name, agency: names[indicator.$agency.id] ?? "—", year: String(indicator.year),
                baseline: LevelsFormat.number(indicator.baseline, digits: 2, language) + " " + indicator.unit,
                result: LevelsFormat.number(indicator.result, digits: 2, language) + " " + indicator.unit,
                change: LevelsFormat.signed(indicator.result - indicator.baseline, digits: 2, language),
                verdict: req.t(
                    improved == nil
                        ? "evaluation.indicator.unchanged"
                        : (improved! ? "evaluation.indicator.improved" : "evaluation.indicator.worse")),
                improved: improved == true, worse: improved == false, evidence: indicator.evidence,
                evidenceHref: indicator.evidenceFileSHA256 == nil
                    ? nil : Paths.indicatorEvidence(try indicator.requireID()),
                evidenceName: indicator.evidenceFileName)
        }
        let page = IndicatorsPage(
            layout: try await Layout.make(req, title: req.t("evaluation.indicators.title")),
            programmeTitle: programme.title, programmeHref: Paths.programme(programmeID),
            action: Paths.programmeIndicators(programmeID), rows: rows, canRecord: !agencies.isEmpty,
            agencies: agencies.map { IndicatorsPage.Option(value: $0.uuidString, label: names[$0] ?? "—") }
                .sorted { $0.label < $1.label },
            maxSize: FileStore.limitText(InterviewController.maxAttachment), values: values,
            errors: errors.messages, invalid: errors.fields)
        return try await req.renderPage("evaluation/levels/indicators", page, status: status)
    }
}
