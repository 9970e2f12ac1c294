import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("L3 interviews with attachments")
struct InterviewLevelTests {
    private func setUp(_ app: Application) async throws -> (Fixtures.City, UUID) {
        let city = try await Fixtures.city(app)
        let programme = try await TrainingFixtures.programme(app, organiser: city.health)
        return (city, try programme.requireID())
    }

    @Test("an evaluator records an interview by NIP, attaches a PDF, and reads it back")
    func record() async throws {
        try await withLontar { app in
            let (city, id) = try await setUp(app)
            let evaluator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            #expect(try await evaluator.get(Paths.programmeInterviews(id)).status == .ok)
            let saved = try await evaluator.post(
                Paths.programmeInterviews(id),
                form: [
                    "heldOn": "2026-11-10", "nip": city.staff.nip, "role": "alumnus",
                    "questions": "Apa yang sudah diterapkan?", "findings": "SOP baru dipakai di loket.",
                    "needs": "Pelatihan lanjutan pelayanan prima",
                ])
            #expect(saved.status == .seeOther)
            let interview = try #require(try await EvaluationInterview.query(on: app.db).first())
            #expect(interview.$employee.id == city.staff.id)
            #expect(interview.intervieweeName == "Staf Kesehatan")
            let detail = try #require(saved.location)
            #expect(detail == Paths.interview(try interview.requireID()))

            let upload = try await evaluator.multipart(detail, fields: [:], file: LevelFixtures.pdf)
            #expect(upload.status == .seeOther)
            let attachment = try #require(try await InterviewAttachment.query(on: app.db).first())
            #expect(attachment.contentType == "application/pdf")
            let page = try await evaluator.get(detail)
            #expect(page.body.contains("SOP baru dipakai di loket."))
            #expect(page.body.contains("bukti.pdf"))
            let file = try await evaluator.get(Paths.interviewAttachment(try attachment.requireID()))
            #expect(file.status == .ok)
            #expect(file.body.hasPrefix("%PDF-"))

            let refused = try await evaluator.multipart(detail, fields: [:], file: LevelFixtures.exe, fileName: "x.pdf")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("hanya PDF, JPG, PNG atau DOCX"))
            #expect(try await InterviewAttachment.query(on: app.db).count() == 1)

            // A wrong file is taken off again; the interview stays.
            let removed = try await evaluator.post(
                Paths.interviewAttachmentRemove(try attachment.requireID()), form: [:])
            #expect(removed.status == .seeOther)
            #expect(removed.location == detail)
            #expect(try await InterviewAttachment.query(on: app.db).count() == 0)
            #expect(try await EvaluationInterview.query(on: app.db).count() == 1)
            #expect(try await evaluator.get(detail).body.contains("bukti.pdf dihapus"))
        }
    }

    @Test("bad input names the problem and writes nothing")
    func badInput() async throws {
        try await withLontar { app in
            let (_, id) = try await setUp(app)
            let admin = try await LevelFixtures.admin(app)
            let base = ["role": "other", "name": "Ketua RT", "questions": "Q", "findings": "F"]
            var future = base
            future["heldOn"] = "2030-01-01"
            let a = try await admin.post(Paths.programmeInterviews(id), form: future)
            #expect(a.status == .unprocessableEntity)
            #expect(a.body.contains("tidak boleh di masa depan"))
            var unknown = base
            unknown["heldOn"] = "2026-11-01"
            unknown["nip"] = "199001012020011999"
            let b = try await admin.post(Paths.programmeInterviews(id), form: unknown)
            #expect(b.status == .unprocessableEntity)
            #expect(b.body.contains("Tidak ada pegawai dengan NIP 199001012020011999"))
            let c = try await admin.post(
                Paths.programmeInterviews(id),
                form: ["heldOn": "2026-11-01", "role": "boss", "questions": "", "findings": ""])
            #expect(c.status == .unprocessableEntity)
            #expect(c.body.contains("Isi NIP atau nama narasumber"))
            #expect(c.body.contains("Temuan wajib diisi"))
            #expect(try await EvaluationInterview.query(on: app.db).count() == 0)
        }
    }

    @Test("employees and another OPD's operator are refused on every interview route")
    func authorisation() async throws {
        try await withLontar { app in
            let (city, id) = try await setUp(app)
            let interview = EvaluationInterview()
            interview.$programme.id = id
            interview.intervieweeRole = "other"
            interview.intervieweeName = "Ketua RT"
            interview.heldOn = "2026-11-01"
            interview.interviewerID = UUID()
            interview.questions = "Q"
            interview.findings = "F"
            interview.needs = ""
            interview.createdAt = Date()
            try await interview.save(on: app.db)
            let attachment = InterviewAttachment()
            attachment.$interview.id = try interview.requireID()
            attachment.fileName = "a.pdf"
            attachment.contentType = "application/pdf"
            attachment.size = 10
            attachment.sha256 = String(repeating: "a", count: 64)
            try await attachment.save(on: app.db)
            for identifier in [city.educationOperator.nip, city.staff.nip, city.supervisor.nip] {
                let browser = try await Fixtures.browser(app, as: identifier)
                #expect(try await browser.get(Paths.programmeInterviews(id)).status == .forbidden)
                let post = try await browser.post(
                    Paths.programmeInterviews(id),
                    form: ["heldOn": "2026-11-01", "name": "X", "role": "other", "questions": "Q", "findings": "F"])
                #expect(post.status == .forbidden)
                #expect(try await browser.get(Paths.interview(try interview.requireID())).status == .forbidden)
                let upload = try await browser.multipart(
                    Paths.interview(try interview.requireID()), fields: [:], file: LevelFixtures.pdf)
                #expect(upload.status == .forbidden)
                #expect(
                    try await browser.get(Paths.interviewAttachment(try attachment.requireID())).status == .forbidden)
                #expect(
                    try await browser.post(Paths.interviewAttachmentRemove(try attachment.requireID()), form: [:])
                        .status == .forbidden)
            }
            #expect(try await EvaluationInterview.query(on: app.db).count() == 1)
            #expect(try await InterviewAttachment.query(on: app.db).count() == 1)
        }
    }
}
