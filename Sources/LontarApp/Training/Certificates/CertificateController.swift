import Fluent
import Foundation
import LontarCore
import Vapor

extension Paths {
    /// The verification page's lookup form, for someone holding a paper certificate.
    static let verificationLookup = "/verifikasi"
}

/// Certificates: the printable page for the holder (and their OPD's operator, BKPPD), and
/// the public verification page that anyone may open without signing in.
struct CertificateController: RouteCollection {
    private static let codeSentinel = "VERIFYCODESENTINEL"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.one(Paths.certificate, "certificateID"), use: show)
        routes.get(TrainingRoutePattern.components(Paths.verificationLookup, []), use: lookup)
        routes.get(
            TrainingRoutePattern.components(
                Paths.verification(Self.codeSentinel), [(Self.codeSentinel, "code")]), use: verify)
    }

    /// Holder, their OPD's operator and BKPPD; to anyone else the certificate does not exist.
    func show(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("certificateID", as: UUID.self),
            let certificate = try await Certificate.find(id, on: req.db),
            let holder = try await Employee.find(certificate.$employee.id, on: req.db)
        else { throw AppError.notFound() }
        let isHolder = principal.employeeID == holder.id
        guard isHolder || principal.canManage(agencyID: holder.$agency.id) else { throw AppError.notFound() }
        if !isHolder { try await Audit.recordView(req, employee: holder) }
        // Official wording is Indonesian whatever the reader's language.
        func official(_ key: String, _ arguments: String...) -> String {
            req.application.catalogue.text(key, arguments, language: .id)
        }
        let form = DevelopmentForm.find(certificate.formCode)
        let dates = CertificateDates.range(certificate.startDate, certificate.endDate, language: .id)
        let issued = CivilDate.today(in: CityTime.zone, now: certificate.issuedAt)
        let page = CertificatePage(
            layout: try await Layout.make(
                req, title: req.t("attendance.certificate.title", certificate.programmeTitle)),
            government: official("attendance.certificate.government"), organiser: certificate.organiser,
            heading: official("attendance.certificate.heading"),
            number: official("attendance.certificate.number", certificate.number),
            givenTo: official("attendance.certificate.givenTo"), holderName: certificate.holderName,
            attended: official("attendance.certificate.attended"),
            programmeTitle: certificate.programmeTitle,
            formName: form.map { "\($0.name) (\($0.code))" } ?? certificate.formCode,
            facts: official(
                "attendance.certificate.facts", certificate.organiser, dates, JPFormat.jp(certificate.jp, language: .id)
            ),
            placeDate: official("attendance.certificate.placeDate", CityTime.longDate(issued, language: .id)),
            issuedBy: official("attendance.certificate.issuedBy"),
            verifyNote: official("attendance.certificate.verifyNote"),
            verificationURL: PublicAddress.absolute(req, Paths.verification(certificate.code)),
            codeLine: official("attendance.certificate.code", certificate.code))
        return try await req.renderPage("training/certificates/certificate", page)
    }

    /// `/verifikasi?kode=…` goes to the certificate's own address; without a code, the form.
    func lookup(req: Request) async throws -> Response {
        if let typed = req.query[String.self, at: "kode"], !Self.normalised(typed).isEmpty {
            return req.redirect(to: Paths.verification(Self.normalised(typed)))
        }
        return try await render(req, code: "", certificate: nil, searched: false)
    }

    func verify(req: Request) async throws -> Response {
        let code = Self.normalised(req.parameters.get("code") ?? "")
        let certificate =
            code.isEmpty ? nil : try await Certificate.query(on: req.db).filter(\.$code == code).first()
        return try await render(req, code: code, certificate: certificate, searched: true)
    }

    private func render(
        _ req: Request, code: String, certificate: Certificate?, searched: Bool
    ) async throws -> Response {
        let language = req.language
        var facts: [VerificationPage.Fact] = []
        if let certificate {
            facts = [
                .init(label: req.t("attendance.verification.holder"), value: certificate.holderName),
                .init(label: req.t("attendance.verification.programme"), value: certificate.programmeTitle),
                .init(
                    label: req.t("attendance.verification.dates"),
                    value: CertificateDates.range(certificate.startDate, certificate.endDate, language: language)),
                .init(
                    label: req.t("attendance.verification.jp"),
                    value: JPFormat.jp(certificate.jp, language: language) + " JP"),
                .init(label: req.t("attendance.verification.organiser"), value: certificate.organiser),
                .init(label: req.t("attendance.verification.number"), value: certificate.number),
            ]
        }
        let title =
            !searched
            ? req.t("attendance.verification.title")
            : certificate == nil ? req.t("attendance.verification.unknown") : req.t("attendance.verification.genuine")
        let page = VerificationPage(
            layout: try await Layout.make(req, title: title), searched: searched, genuine: certificate != nil,
            code: code, facts: facts, lookupAction: Paths.verificationLookup)
        let response = try await req.renderPage(
            "training/certificates/verification", page, status: searched && certificate == nil ? .notFound : .ok)
        // Search engines have no business indexing who holds which certificate.
        response.headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex")
        return response
    }

    /// Codes are printed in capitals without 0/O or 1/I; people type them in any case and
    /// sometimes with spaces or dashes.
    static func normalised(_ typed: String) -> String {
        let kept = typed.uppercased().unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        return String(String.UnicodeScalarView(kept.prefix(40)))
    }
}
