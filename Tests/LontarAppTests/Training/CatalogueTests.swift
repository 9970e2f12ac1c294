import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// The catalogue, programme pages and class pages: filters, validation, authorisation.
@Suite("Training catalogue, programmes and classes")
struct CatalogueTests {
    /// Four programmes: two published (one per organiser, classes in different months),
    /// and a draft of each OPD.
    struct Catalogue {
        let city: Fixtures.City
        let excel: Programme
        let leadership: Programme
        let healthDraft: Programme
        let educationDraft: Programme
    }

    static func catalogue(_ app: Application) async throws -> Catalogue {
        let city = try await Fixtures.city(app)
        let excel = try await TrainingFixtures.programme(
            app, title: "Excel untuk Perencanaan", formCode: "KL03", organiser: city.health)
        excel.competencyKind = "teknis"
        excel.competencies = "Analisis Data"
        try await excel.save(on: app.db)
        let leadership = try await TrainingFixtures.programme(app, title: "Kepemimpinan Pelayanan", formCode: "KL02")
        let healthDraft = try await TrainingFixtures.programme(
            app, title: "Draf Kesehatan", organiser: city.health, status: "draft")
        let educationDraft = try await TrainingFixtures.programme(
            app, title: "Draf Pendidikan", organiser: city.education, status: "draft")
        // The clock stands at 18 November 2026: 20 days on is December, 5 days on November.
        try await TrainingFixtures.trainingClass(app, programme: excel, capacity: 25, daysFromNow: 20)
        try await TrainingFixtures.trainingClass(app, programme: leadership, daysFromNow: 5)
        return Catalogue(
            city: city, excel: excel, leadership: leadership, healthDraft: healthDraft, educationDraft: educationDraft)
    }

    static func titles(in body: String, of catalogue: Catalogue) -> Set<String> {
        Set(
            [catalogue.excel, catalogue.leadership, catalogue.healthDraft, catalogue.educationDraft].map(\.title)
                .filter { body.contains($0) })
    }

    @Test("employees see published programmes; search and every filter narrow the list")
    func filters() async throws {
        try await withLontar { app in
            let data = try await Self.catalogue(app)
            let staff = try await Fixtures.browser(app, as: data.city.staff.nip)
            func shown(_ query: String) async throws -> Set<String> {
                let page = try await staff.get(Paths.catalogue + query)
                #expect(page.status == .ok)
                return Self.titles(in: page.body, of: data)
            }
            let all = try await staff.get(Paths.catalogue)
            #expect(Self.titles(in: all.body, of: data) == [data.excel.title, data.leadership.title])
            #expect(all.body.contains("25 dari 25 kursi tersisa"))
            #expect(all.body.contains("KL03 — Pelatihan Teknis"))
            #expect(try await shown("?q=perencanaan") == [data.excel.title])
            #expect(try await shown("?q=PELAYANAN") == [data.leadership.title])
            #expect(try await shown("?kind=teknis") == [data.excel.title])
            #expect(try await shown("?competency=komunikasi") == [data.leadership.title])
            #expect(try await shown("?form=KL02") == [data.leadership.title])
            #expect(try await shown("?organiser=bkppd") == [data.leadership.title])
            #expect(try await shown("?organiser=opd:DINKES") == [data.excel.title])
            #expect(try await shown("?month=2026-12") == [data.excel.title])
            #expect(try await shown("?month=2026-11") == [data.leadership.title])
            #expect(try await shown("?month=2027-01").isEmpty)
            // A status filter does not reveal drafts to an employee.
            #expect(try await shown("?status=draft") == [data.excel.title, data.leadership.title])
        }
    }

    @Test("managers also see unpublished programmes: BKPPD all, an operator only their OPD's")
    func managersSeeDrafts() async throws {
        try await withLontar { app in
            let data = try await Self.catalogue(app)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let drafts = try await admin.get(Paths.catalogue + "?status=draft")
            #expect(Self.titles(in: drafts.body, of: data) == [data.healthDraft.title, data.educationDraft.title])
            let healthOperator = try await Fixtures.browser(app, as: data.city.healthOperator.nip)
            let own = try await healthOperator.get(Paths.catalogue)
            #expect(
                Self.titles(in: own.body, of: data) == [
                    data.excel.title, data.leadership.title, data.healthDraft.title,
                ])
            // A draft's page is not public: 404 for an employee, open to its managers.
            let staff = try await Fixtures.browser(app, as: data.city.staff.nip)
            #expect(try await staff.get(Paths.programme(data.healthDraft.requireID())).status == .notFound)
            #expect(try await healthOperator.get(Paths.programme(data.healthDraft.requireID())).status == .ok)
            let educationOperator = try await Fixtures.browser(app, as: data.city.educationOperator.nip)
            #expect(try await educationOperator.get(Paths.programme(data.healthDraft.requireID())).status == .notFound)
        }
    }

    static func programmeForm(title: String = "Komunikasi Publik", jp: String = "24") -> [String: String] {
        [
            "title": title, "description": "Menulis siaran pers dan menjawab media.", "objectives": "Peserta mampu…",
            "path": "pelatihan", "formCode": "KL07", "competencyKind": "manajerial", "competencies[0]": "Komunikasi",
            "competencies[1]": "Pelayanan Publik", "jp": jp, "organiserKind": "bkppd", "organiserAgency": "",
            "organiserName": "", "audiencePositionKinds[0]": "pengawas", "audienceAgencies[0]": "DINKES",
            "prerequisites": "", "minAttendance": "80", "passingScore": "", "status": "published",
        ]
    }

    @Test("a valid programme is saved with every field; an operator's is organised by their OPD")
    func createProgramme() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            var form = Self.programmeForm()
            form["jp"] = "7,5"
            form["international"] = "1"
            let saved = try await admin.post(Paths.programmeNew, form: form)
            #expect(saved.status == .seeOther)
            let programme = try #require(try await Programme.query(on: app.db).first())
            #expect(programme.title == "Komunikasi Publik")
            #expect(programme.formCode == "KL07")
            #expect(programme.jp == 7.5)
            #expect(programme.international)
            #expect(programme.competencies == "Komunikasi\nPelayanan Publik")
            #expect(programme.audiencePositionKinds == "pengawas")
            #expect(programme.audienceAgencies == "DINKES")
            #expect(programme.organiserKind == "bkppd")
            #expect(saved.location == Paths.programme(try programme.requireID()))
            let page = try await admin.get(Paths.programme(try programme.requireID()))
            #expect(page.body.contains("7,5 JP (program internasional)"))

            let healthOperator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            var theirs = Self.programmeForm(title: "Gizi Balita")
            theirs["organiserKind"] = "partner"
            theirs["organiserName"] = "Universitas Nusa Cendana"
            #expect(try await healthOperator.post(Paths.programmeNew, form: theirs).status == .seeOther)
            let own = try #require(try await Programme.query(on: app.db).filter(\.$title == "Gizi Balita").first())
            #expect(own.organiserKind == "opd")
            #expect(own.$organiserAgency.id == city.health.id)
        }
    }

    @Test("bad programme input names the field, answers 422 and writes nothing")
    func programmeValidation() async throws {
        try await withLontar { app in
            _ = try await Fixtures.city(app)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let negative = try await admin.post(Paths.programmeNew, form: Self.programmeForm(jp: "-5"))
            #expect(negative.status == .unprocessableEntity)
            #expect(negative.body.contains("Jam pelajaran (JP): harus antara 0 dan 1000 (tertulis -5)."))
            var broken = Self.programmeForm(title: "")
            broken["formCode"] = "KL99"
            broken["requiresAssessment"] = "1"
            broken["organiserKind"] = "opd"
            let many = try await admin.post(Paths.programmeNew, form: broken)
            #expect(many.status == .unprocessableEntity)
            #expect(many.body.contains("Judul program: wajib diisi."))
            #expect(many.body.contains("kode “KL99” tidak dikenal"))
            #expect(many.body.contains("OPD penyelenggara: pilih OPD penyelenggara."))
            #expect(many.body.contains("Program dengan ujian akhir memerlukan nilai batas lulus."))
            #expect(try await Programme.query(on: app.db).count() == 0)
        }
    }

    @Test("only the programme's managers edit it or add classes; others get 403, employees too")
    func programmeAuthorisation() async throws {
        try await withLontar { app in
            let data = try await Self.catalogue(app)
            let id = try data.excel.requireID()
            let educationOperator = try await Fixtures.browser(app, as: data.city.educationOperator.nip)
            #expect(try await educationOperator.get(Paths.programmeEdit(id)).status == .forbidden)
            let update = try await educationOperator.post(Paths.programmeEdit(id), form: Self.programmeForm(title: "X"))
            #expect(update.status == .forbidden)
            #expect(try await educationOperator.get(Paths.classNew(programme: id)).status == .forbidden)
            #expect(try await Programme.find(id, on: app.db)?.title == "Excel untuk Perencanaan")
            let staff = try await Fixtures.browser(app, as: data.city.staff.nip)
            #expect(try await staff.get(Paths.programmeNew).status == .forbidden)
            #expect(try await staff.post(Paths.programmeNew, form: Self.programmeForm()).status == .forbidden)
            let healthOperator = try await Fixtures.browser(app, as: data.city.healthOperator.nip)
            #expect(try await healthOperator.get(Paths.programmeEdit(id)).status == .ok)
            #expect(
                try await healthOperator.post(Paths.programmeEdit(id), form: Self.programmeForm()).status == .seeOther)
            #expect(try await Programme.find(id, on: app.db)?.title == "Komunikasi Publik")
        }
    }

    @Test("anonymous visitors are sent to sign in")
    func anonymous() async throws {
        try await withLontar { app in
            let data = try await Self.catalogue(app)
            let classID = try #require(try await TrainingClass.query(on: app.db).first()?.id)
            let visitor = Browser(app)
            for path in [
                Paths.catalogue, Paths.programme(try data.leadership.requireID()), Paths.trainingClass(classID),
                Paths.myTraining, Paths.approvals, Paths.notifications,
            ] {
                let page = try await visitor.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location?.hasPrefix(Paths.signIn) == true, "\(path)")
            }
            let apply = try await visitor.post(Paths.classApply(classID), form: [:])
            #expect(apply.location?.hasPrefix(Paths.signIn) == true)
            #expect(try await Enrolment.query(on: app.db).count() == 0)
        }
    }

    @Test("a finished class says so once and counts the seats taken, not those left or the waiting list")
    func finishedClassPage() async throws {
        try await withLontar { app in
            let data = try await Self.catalogue(app)
            let finished = try await TrainingFixtures.trainingClass(
                app, programme: data.leadership, capacity: 20, daysFromNow: -30, status: "finished", name: "Angkatan 0")
            var completed: [Enrolment] = []
            for person in [data.city.staff, data.city.teacher] {
                let enrolment = try await TrainingFixtures.enrolment(app, person, in: finished)
                enrolment.completed = true
                try await enrolment.save(on: app.db)
                completed.append(enrolment)
            }
            let certificate = Certificate()
            certificate.number = "001/BKPPD/2026"
            certificate.code = "ABCDEFGHJKLM"
            certificate.$enrolment.id = try completed[0].requireID()
            certificate.$employee.id = try data.city.staff.requireID()
            certificate.holderName = data.city.staff.name
            certificate.programmeTitle = data.leadership.title
            certificate.formCode = "KL02"
            certificate.jp = 24
            certificate.startDate = "2026-10-19"
            certificate.endDate = "2026-10-20"
            certificate.organiser = "BKPPD"
            certificate.issuedAt = app.clock.now()
            try await certificate.save(on: app.db)
            let absent = try await TrainingFixtures.enrolment(app, data.city.supervisor, in: finished)
            let staff = try await Fixtures.browser(app, as: data.city.staff.nip)
            let page = try await staff.get(Paths.trainingClass(finished.requireID())).body
            #expect(page.components(separatedBy: ">Selesai</span>").count == 2, "one status tag")
            #expect(page.contains("3 dari 20 kursi terisi"))
            #expect(!page.contains("kursi tersisa"))
            #expect(!page.contains("Daftar tunggu"))
            #expect(
                page.contains(Paths.certificate(try certificate.requireID())), "the alumna's way to her certificate")
            #expect(!page.contains(Paths.classCalendar(try finished.requireID())), "nothing left for a calendar")

            // Who completed is what the list says now; nobody cancels a finished class's seat.
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let list = try await admin.get(Paths.trainingClass(finished.requireID())).body
            #expect(list.components(separatedBy: ">Telah menyelesaikan</span>").count == 3)
            #expect(list.contains(">Tidak menyelesaikan</span>"))
            #expect(!list.contains(Paths.enrolmentCancel(try absent.requireID())))
            #expect(!list.contains(">Tindakan</th>"), "no column of dashes")
            // The programme's list of classes says the same.
            let programmePage = try await staff.get(Paths.programme(try data.leadership.requireID())).body
            #expect(programmePage.contains("3 dari 20 kursi terisi"))
            let refused = try await admin.post(Paths.enrolmentCancel(try absent.requireID()), form: ["back": "/"])
            #expect(refused.status == .conflict)
            #expect(try await Enrolment.find(absent.requireID(), on: app.db)?.cancelled == false)
            let absentPage = try await Fixtures.browser(app, as: data.city.supervisor.nip)
                .get(Paths.trainingClass(finished.requireID())).body
            #expect(!absentPage.contains("Batas pembatalan"))

            // A request still pending may be declined, but its seat goes to no one on the list.
            let pending = try await TrainingFixtures.enrolment(
                app, data.city.healthOperator, in: finished, approval: .pending)
            let waiting = try await TrainingFixtures.enrolment(
                app, data.city.educationOperator, in: finished, seat: .waitlisted)
            let queue = try await admin.get(Paths.approvals).body
            #expect(queue.contains(Paths.enrolmentDecline(try pending.requireID())))
            #expect(!queue.contains(Paths.enrolmentApprove(try pending.requireID())), "approving would only fail")
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            try await app.testing().test(
                .POST, "api/v1/enrolments/\(pending.id!)/decline",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"reason":"Kelas sudah selesai"}"#)
            ) { res in #expect(res.status == .ok) }
            try await app.testing().test(
                .POST, "api/v1/enrolments/\(waiting.id!)/approve", headers: ["Authorization": "Bearer \(token)"]
            ) { res in #expect(res.status == .conflict) }
            #expect(try await Enrolment.find(waiting.requireID(), on: app.db)?.seat == SeatState.waitlisted.rawValue)
            // An open class still shows its seats left and registration.
            let open = try #require(
                try await TrainingClass.query(on: app.db).filter(\.$programme.$id == data.leadership.requireID())
                    .filter(\.$status == "open").first())
            let openPage = try await staff.get(Paths.trainingClass(open.requireID())).body
            #expect(openPage.contains("30 dari 30 kursi tersisa"))
            // There a manager can still cancel a seat, so the action column is there.
            let seat = try await TrainingFixtures.enrolment(app, data.city.teacher, in: open)
            let managed = try await admin.get(Paths.trainingClass(open.requireID())).body
            #expect(managed.contains(">Tindakan</th>"))
            #expect(managed.contains(Paths.enrolmentCancel(try seat.requireID())))
        }
    }

    @Test("a civil servant who facilitates a class is not offered a seat in it; a colleague is")
    func facilitatorNotOfferedSeat() async throws {
        try await withLontar { app in
            let data = try await Self.catalogue(app)
            let open = try #require(
                try await TrainingClass.query(on: app.db).filter(\.$programme.$id == data.leadership.requireID())
                    .first())
            let teacherAccount = try #require(
                try await UserAccount.query(on: app.db).filter(\.$employee.$id == data.city.teacher.requireID())
                    .first())
            let link = ClassFacilitator()
            link.$trainingClass.id = try open.requireID()
            link.$user.id = try teacherAccount.requireID()
            try await link.save(on: app.db)
            let apply = Paths.classApply(try open.requireID())
            let teacher = try await Fixtures.browser(app, as: data.city.teacher.nip)
            #expect(!(try await teacher.get(Paths.trainingClass(open.requireID())).body.contains(apply)))
            // Nor taken by posting anyway.
            let posted = try await teacher.post(apply, form: [:])
            #expect(posted.status == .conflict)
            #expect(posted.body.contains("Anda fasilitator kelas ini"))
            #expect(
                try await Enrolment.query(on: app.db).filter(\.$employee.$id == data.city.teacher.requireID()).count()
                    == 0)
            let colleague = try await Fixtures.browser(app, as: data.city.staff.nip)
            #expect(try await colleague.get(Paths.trainingClass(open.requireID())).body.contains(apply))
        }
    }

    @Test("an excerpt is one line, cut between words with an ellipsis; short text is left whole")
    func excerpt() {
        #expect(CatalogueController.excerpt("Singkat\nsaja") == "Singkat saja")
        let long = "Pegawai memimpin rapat koordinasi pelayanan setiap minggu, dan menyusun ulang alur layanan"
        #expect(
            CatalogueController.excerpt(long, limit: 60) == "Pegawai memimpin rapat koordinasi pelayanan setiap minggu…"
        )
        #expect(CatalogueController.excerpt(long, limit: 20) == "Pegawai memimpin…")
    }
}
