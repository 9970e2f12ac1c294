import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Learning hours: external learning, JP rules, SIASN export")
struct ExternalLearningTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)

    static func fields(title: String = "Webinar Literasi Digital", jp: String = "7,5") -> [String: String] {
        [
            "title": title, "organiser": "BPSDMD Provinsi NTT", "form_code": "NKL04", "start_date": "2026-10-01",
            "end_date": "2026-10-02", "jp": jp, "certificate_number": "BPSDMD/2026/0042",
        ]
    }

    /// Runs `test` on a fresh app and removes the certificates it stored afterwards.
    static func withUploads(_ test: (Application) async throws -> Void) async throws {
        try await withLontar { app in
            defer { try? FileManager.default.removeItem(atPath: app.settings.dataDirectory) }
            try await test(app)
        }
    }

    static func uploads(_ app: Application) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: CertificateFile.directory(app))) ?? []
    }

    /// The staff member submits a valid certificate; returns the stored submission.
    static func submitted(
        _ app: Application, by staff: Employee, title: String = "Webinar Literasi Digital"
    )
        async throws -> ExternalLearning
    {
        let browser = try await Fixtures.browser(app, as: staff.nip)
        _ = try await browser.get(Paths.externalLearning)
        let answer = try await browser.postForm(
            Paths.externalLearning, fields: fields(title: title), file: pdf, filename: "sertifikat.pdf",
            field: "certificate")
        #expect(answer.status == .seeOther)
        return try #require(try await ExternalLearning.query(on: app.db).filter(\.$title == title).first())
    }

    @Test("a fake PDF is refused by its content and nothing is stored")
    func fakePDFRefused() async throws {
        try await Self.withUploads { app in
            let city = try await Fixtures.city(app)
            let browser = try await Fixtures.browser(app, as: city.staff.nip)
            _ = try await browser.get(Paths.externalLearning)
            let fake = Array("MZ\u{90}\u{0}this is a program, not a certificate".utf8)
            let answer = try await browser.postForm(
                Paths.externalLearning, fields: Self.fields(), file: fake, filename: "sertifikat.pdf",
                field: "certificate")
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.contains("harus berupa PDF, JPG, atau PNG"))
            #expect(answer.body.contains("value=\"Webinar Literasi Digital\""))
            #expect(try await ExternalLearning.query(on: app.db).count() == 0)
            #expect(Self.uploads(app).isEmpty)

            let future = try await browser.postForm(
                Paths.externalLearning,
                fields: Self.fields().merging(["end_date": "2026-12-01", "jp": "0"]) { $1 }, file: Self.pdf,
                filename: "s.pdf", field: "certificate")
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.contains("belum selesai"))
            #expect(future.body.contains("lebih dari 0"))
            #expect(Self.uploads(app).isEmpty)
        }
    }

    @Test("a phone photo of a few hundred kB is accepted and kept as a JPEG")
    func largePhotoAccepted() async throws {
        try await Self.withUploads { app in
            let city = try await Fixtures.city(app)
            let browser = try await Fixtures.browser(app, as: city.staff.nip)
            _ = try await browser.get(Paths.externalLearning)
            let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1] + [UInt8](repeating: 0x5A, count: 300_000)
            let answer = try await browser.postForm(
                Paths.externalLearning, fields: Self.fields(), file: photo, filename: "IMG_2026.png",
                field: "certificate")
            #expect(answer.status == .seeOther)
            let stored = try await ExternalLearning.query(on: app.db).first()
            #expect(stored?.fileType == "image/jpeg")
            #expect(stored?.fileName == "IMG_2026.png")
            #expect(Self.uploads(app).first?.hasSuffix(".jpg") == true)
        }
    }

    @Test("a verified submission credits JP once, however often it is verified")
    func verifyCreditsOnce() async throws {
        try await Self.withUploads { app in
            let city = try await Fixtures.city(app)
            let record = try await Self.submitted(app, by: city.staff)
            let id = try record.requireID()
            #expect(record.status == "submitted")
            #expect(record.jp == 7.5)
            #expect(Self.uploads(app).count == 1)
            #expect(CertificateFile.path(of: "../lontar.sqlite", app: app) == nil)

            let health = try await Fixtures.browser(app, as: city.healthOperator.nip)
            let review = try await health.get(Paths.externalReview)
            #expect(review.body.contains("Webinar Literasi Digital"))
            let file = try await health.get(Paths.externalFile(id))
            #expect(file.status == .ok)
            #expect(file.headers.contentType == .pdf)
            #expect(file.headers.first(name: .contentDisposition)?.hasPrefix("inline") == true)
            let education = try await Fixtures.browser(app, as: city.educationOperator.nip)
            #expect(try await education.get(Paths.externalFile(id)).status == .notFound)
            #expect(try await education.get(Paths.externalReview).body.contains("Webinar") == false)
            let teacher = try await Fixtures.browser(app, as: city.teacher.nip)
            #expect(try await teacher.get(Paths.externalFile(id)).status == .notFound)
            #expect(try await Fixtures.browser(app, as: city.staff.nip).get(Paths.externalFile(id)).status == .ok)
            #expect(try await teacher.post(Paths.externalDecide(id), form: ["decision": "verify"]).status == .forbidden)
            #expect(
                try await education.post(Paths.externalDecide(id), form: ["decision": "verify"]).status == .notFound)

            let first = try await health.post(Paths.externalDecide(id), form: ["decision": "verify"])
            #expect(first.status == .seeOther)
            let again = try await health.post(Paths.externalDecide(id), form: ["decision": "verify"])
            #expect(again.status == .conflict)
            let entries = try await LedgerEntry.query(on: app.db).filter(\.$sourceID == id).all()
            #expect(entries.count == 1)
            #expect(entries.first?.jp == 7.5)
            #expect(entries.first?.source == "external")
            #expect(entries.first?.year == 2026)
            #expect(try await ExternalLearning.find(id, on: app.db)?.status == "verified")
            let notes = try await InAppNotification.query(on: app.db).filter(
                \.$messageKey == "notify.external.verified"
            )
            .count()
            #expect(notes == 1)
            let mine = try await Fixtures.browser(app, as: city.staff.nip).get(Paths.learningHours)
            #expect(mine.body.contains("7,5 dari 20 JP"))
        }
    }

    @Test("rejecting needs a reason, which the employee then sees")
    func rejectNeedsReason() async throws {
        try await Self.withUploads { app in
            let city = try await Fixtures.city(app)
            let record = try await Self.submitted(app, by: city.staff)
            let id = try record.requireID()
            let health = try await Fixtures.browser(app, as: city.healthOperator.nip)
            _ = try await health.get(Paths.externalReview)
            let blank = try await health.post(Paths.externalDecide(id), form: ["decision": "reject", "reason": "  "])
            #expect(blank.status == .unprocessableEntity)
            #expect(blank.body.contains("Tuliskan alasan penolakan"))
            #expect(try await ExternalLearning.find(id, on: app.db)?.status == "submitted")

            let reason = "Sertifikat tidak terbaca"
            let rejected = try await health.post(
                Paths.externalDecide(id), form: ["decision": "reject", "reason": reason])
            #expect(rejected.status == .seeOther)
            let stored = try await ExternalLearning.find(id, on: app.db)
            #expect(stored?.status == "rejected")
            #expect(stored?.reason == reason)
            #expect(try await LedgerEntry.query(on: app.db).count() == 0)
            let list = try await Fixtures.browser(app, as: city.staff.nip).get(Paths.externalLearning)
            #expect(list.body.contains("Ditolak"))
            #expect(list.body.contains(reason))
        }
    }

    @Test("saving rules creates version 2; invalid numbers are refused; only BKPPD may edit")
    func rulesVersioned() async throws {
        try await Self.withUploads { app in
            let city = try await Fixtures.city(app)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let form = try await admin.get(Paths.jpRules + "?year=2026")
            #expect(form.status == .ok)
            #expect(form.body.contains("value=\"20\""))
            var numbers = [
                "year": "2026", "seminarPerDayNational": "4", "seminarPerDayInternational": "6",
                "workshopPerDayNational": "5", "workshopPerDayInternational": "7,5",
                "internationalUpliftPercent": "20", "pnsAnnualTarget": "20", "pppkAnnualCeiling": "24",
            ]
            let saved = try await admin.post(Paths.jpRules, form: numbers)
            #expect(saved.status == .seeOther)
            let rules = try await JPRulesStore.current(year: 2026, on: app.db)
            #expect(rules.version == 2)
            #expect(rules.workshopPerDayInternational == 7.5)

            numbers["pnsAnnualTarget"] = "5000"
            let tooMany = try await admin.post(Paths.jpRules, form: numbers)
            #expect(tooMany.status == .unprocessableEntity)
            #expect(tooMany.body.contains("antara 0 dan 1000"))
            numbers["pnsAnnualTarget"] = "dua puluh"
            #expect(try await admin.post(Paths.jpRules, form: numbers).status == .unprocessableEntity)
            #expect(try await JPRulesStore.versions(year: 2026, on: app.db).count == 1)

            let operatorBrowser = try await Fixtures.browser(app, as: city.healthOperator.nip)
            #expect(try await operatorBrowser.get(Paths.jpRules).status == .forbidden)
            numbers["pnsAnnualTarget"] = "20"
            #expect(try await operatorBrowser.post(Paths.jpRules, form: numbers).status == .forbidden)
        }
    }

    @Test("the SIASN CSV has the header and a row per entry; an employee exports only their own")
    func siasnExport() async throws {
        try await Self.withUploads { app in
            let city = try await Fixtures.city(app)
            try await LedgerFixtures.credit(app, city.staff, 12, title: "Pelayanan Prima", certificate: "A/1")
            try await LedgerFixtures.credit(app, city.staff, 7.5, title: "Seminar Gizi", formCode: "KL06")
            try await LedgerFixtures.credit(app, city.teacher, 20, title: "Guru Penggerak")
            try await LedgerFixtures.credit(app, city.teacher, 3, year: 2025, title: "Tahun lalu")

            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let all = try await admin.get(Paths.siasnExport + "?year=2026")
            #expect(all.status == .ok)
            #expect(all.headers.first(name: .contentDisposition)?.contains("siasn-2026.csv") == true)
            let lines = all.body.split(separator: "\r\n")
            #expect(lines.count == 4)
            #expect(lines.first?.hasSuffix(SIASNExport.header.joined(separator: ";")) == true)
            #expect(all.body.contains(city.staff.nip + ";Staf Kesehatan;Seminar/Konferensi/Sarasehan;Seminar Gizi;7.5"))
            #expect(!all.body.contains("Tahun lalu"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "export").count() == 1)
            // Streamed in pieces of one line, the file is the same as written at once.
            let pieces = Pieces()
            try await SIASNRecords.csv(.city, year: 2026, on: app.db, chunk: 1) { pieces.add($0) }
            #expect(pieces.joined == all.body)
            #expect(pieces.joined == SIASNExport.csv(try await SIASNRecords.load(.city, year: 2026, on: app.db)))
            let empty = Pieces()
            try await SIASNRecords.csv(.city, year: 2030, on: app.db, chunk: 1) { empty.add($0) }
            #expect(empty.joined == SIASNExport.csv([]))

            let health = try await Fixtures.browser(app, as: city.healthOperator.nip)
            let agency = try await health.get(Paths.siasnExport + "?year=2026")
            #expect(agency.body.contains("Pelayanan Prima"))
            #expect(!agency.body.contains("Guru Penggerak"))
            #expect(try await health.get(Paths.siasnExport + "?year=2026&agency=DISDIKBUD").status == .forbidden)

            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            let mine = try await staff.get(Paths.siasnExport + "?year=2026&mine=1")
            #expect(mine.status == .ok)
            #expect(mine.body.split(separator: "\r\n").count == 3)
            #expect(!mine.body.contains("Guru Penggerak"))
            #expect(try await staff.get(Paths.siasnExport + "?year=2026").status == .forbidden)
            #expect(try await staff.get(Paths.siasnExport + "?year=2026&agency=DISDIKBUD").status == .forbidden)
        }
    }
}

/// Collects streamed pieces of text.
final class Pieces: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func add(_ text: String) { lock.withLock { parts.append(text) } }
    var joined: String { lock.withLock { parts.joined() } }
}
