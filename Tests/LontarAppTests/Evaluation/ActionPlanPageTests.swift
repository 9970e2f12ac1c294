import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Action plans (rencana aksi): written at the end of a class, read at L3")
struct ActionPlanPageTests {
    struct World {
        let city: Fixtures.City
        let programme: Programme
        let trainingClass: TrainingClass
        let enrolment: Enrolment

        var path: String { Paths.actionPlan(enrolment.id!) }
    }

    /// The staff member's class began today (2026-11-18, 09.00 WITA).
    private func world(_ app: Application, daysFromNow: Int = 0) async throws -> World {
        let city = try await Fixtures.city(app)
        let programme = try await TrainingFixtures.programme(app, organiser: city.health)
        let trainingClass = try await TrainingFixtures.trainingClass(
            app, programme: programme, daysFromNow: daysFromNow)
        let enrolment = try await TrainingFixtures.enrolment(app, city.staff, in: trainingClass)
        return World(city: city, programme: programme, trainingClass: trainingClass, enrolment: enrolment)
    }

    private let goodPlan = [
        "goal": "Izin usaha mikro selesai dalam 3 hari kerja",
        "activity1": "Menyusun SOP loket izin", "result1": "SOP ditetapkan kepala dinas", "due1": "2027-01-15",
        "activity2": "Melatih petugas loket", "result2": "", "due2": "2027-02-28",
        "activity3": "", "result3": "", "due3": "",
    ]

    private func stored(_ app: Application) async throws -> [ActionPlanRecord] {
        try await ActionPlanRecord.query(on: app.db).all()
    }

    @Test("the participant writes a plan; it reaches my training, the class page, the supervisor and the class list")
    func writeAndRead() async throws {
        try await withLontar { app in
            let w = try await world(app)
            let staff = try await Fixtures.browser(app, as: w.city.staff.nip)
            let form = try await staff.get(w.path)
            #expect(form.status == .ok)
            #expect(form.body.contains("name=\"goal\""))
            #expect(form.body.contains("<details class=\"choices\"><summary>Langkah 4 dan 5"))
            #expect(try await staff.get(Paths.myTraining).body.contains(w.path))
            #expect(try await staff.get(Paths.trainingClass(w.trainingClass.id!)).body.contains(w.path))

            let saved = try await staff.post(w.path, form: goodPlan)
            #expect(saved.status == .seeOther)
            #expect(saved.location == w.path)
            let record = try #require(try await stored(app).first)
            let plan = try #require(record.decoded())
            #expect(plan.goal == "Izin usaha mikro selesai dalam 3 hari kerja")
            #expect(plan.steps.map(\.activity) == ["Menyusun SOP loket izin", "Melatih petugas loket"])
            #expect(plan.steps.map(\.due.iso) == ["2027-01-15", "2027-02-28"])
            #expect(record.writtenOn == "2026-11-18")
            #expect(record.$employee.id == w.city.staff.id)
            #expect(try await staff.get(w.path).body.contains("15 Januari 2027"))

            // The supervisor is told once, and reads it from the note and the staff page.
            let boss = try await Fixtures.browser(app, as: w.city.supervisor.nip)
            let bossAccount = try #require(
                try await UserAccount.query(on: app.db).filter(\.$employee.$id == w.city.supervisor.id!).first())
            let notes = try await InAppNotification.query(on: app.db).filter(\.$user.$id == bossAccount.id!)
                .filter(\.$messageKey == "plan.notify.written").all()
            #expect(notes.map(\.link) == [w.path])
            let read = try await boss.get(w.path)
            #expect(read.status == .ok)
            #expect(read.body.contains("Menyusun SOP loket izin"))
            #expect(!read.body.contains("name=\"goal\""))
            let staffPage = try await boss.get(Paths.staffEvaluation)
            #expect(staffPage.body.contains("Izin usaha mikro selesai dalam 3 hari kerja"))
            #expect(staffPage.body.contains(w.path))

            // Editing replaces the plan; still one row, and no second note.
            var changed = goodPlan
            changed["activity2"] = ""
            changed["due2"] = ""
            #expect(try await staff.post(w.path, form: changed).status == .seeOther)
            let again = try await stored(app)
            #expect(again.count == 1)
            #expect(again.first?.decoded()?.steps.count == 1)
            #expect(
                try await InAppNotification.query(on: app.db).filter(\.$messageKey == "plan.notify.written").count()
                    == 1)

            // The organiser's operator sees the class's plans.
            let organiser = try await Fixtures.browser(app, as: w.city.healthOperator.nip)
            let list = try await organiser.get(Paths.classActionPlans(w.trainingClass.id!))
            #expect(list.status == .ok)
            #expect(list.body.contains("1 dari 1 peserta telah menulis"))
            #expect(list.body.contains(w.path))

            // Once completion is confirmed, the count is of those who completed (as in the L3
            // figures); a participant who did not complete is listed last, marked.
            let other = try await TrainingFixtures.enrolment(app, w.city.teacher, in: w.trainingClass)
            w.enrolment.completed = true
            try await w.enrolment.save(on: app.db)
            let confirmed = try await organiser.get(Paths.classActionPlans(w.trainingClass.id!)).body
            #expect(confirmed.contains("1 dari 1 peserta yang menyelesaikan pelatihan telah menulis"))
            let staffRow = try #require(confirmed.range(of: Paths.actionPlan(w.enrolment.id!)))
            let otherRow = try #require(confirmed.range(of: Paths.actionPlan(other.id!)))
            #expect(staffRow.lowerBound < otherRow.lowerBound)
            #expect(confirmed.contains("Tidak menyelesaikan"))
        }
    }

    @Test("bad input names every problem by step and writes nothing")
    func badInput() async throws {
        try await withLontar { app in
            let w = try await world(app)
            let staff = try await Fixtures.browser(app, as: w.city.staff.nip)
            let page = try await staff.post(
                w.path,
                form: [
                    "goal": "  ", "activity1": "", "result1": "Hasil tanpa kegiatan", "due1": "2027-01-01",
                    "activity2": "Langkah", "due2": "01/02/2027", "activity3": "Langkah", "due3": "2026-11-17",
                    "activity4": "Langkah", "due4": "2027-11-20", "activity5": "Langkah", "due5": "",
                ])
            #expect(page.status == .unprocessableEntity)
            for message in [
                "Tuliskan perubahan yang ingin dicapai di tempat kerja.", "Langkah 1: tuliskan kegiatannya.",
                "Langkah 2: tanggal target tidak dikenali",
                "Langkah 3: tanggal target tidak boleh sebelum kelas dimulai (18 November 2026).",
                "Langkah 4: tanggal target paling lambat 19 November 2027", "Langkah 5: isi tanggal target.",
            ] {
                #expect(page.body.contains(message), "\(message)")
            }
            // What was typed comes back for correcting, steps 4 and 5 unfolded since they are wrong.
            #expect(page.body.contains("<details class=\"choices\" open><summary>Langkah 4 dan 5"))
            #expect(page.body.contains("Hasil tanpa kegiatan"))
            #expect(try await stored(app).isEmpty)

            let nothing = try await staff.post(w.path, form: ["goal": "Tujuan"])
            #expect(nothing.status == .unprocessableEntity)
            #expect(nothing.body.contains("Tuliskan sekurang-kurangnya satu langkah."))
            #expect(try await stored(app).isEmpty)
        }
    }

    @Test("only the participant writes; the supervisor and the class's runners read; others are refused")
    func authorisation() async throws {
        try await withLontar { app in
            let w = try await world(app)
            let facilitator = try await TrainingFixtures.facilitator(app, for: w.trainingClass)
            let staff = try await Fixtures.browser(app, as: w.city.staff.nip)
            #expect(try await staff.post(w.path, form: goodPlan).status == .seeOther)

            for outsider in [w.city.teacher.nip, w.city.educationOperator.nip] {
                let browser = try await Fixtures.browser(app, as: outsider)
                #expect(try await browser.get(w.path).status == .forbidden)
                #expect(try await browser.post(w.path, form: goodPlan).status == .forbidden)
                #expect(try await browser.get(Paths.classActionPlans(w.trainingClass.id!)).status == .forbidden)
            }
            for reader in [w.city.supervisor.nip, w.city.healthOperator.nip, facilitator.username] {
                let browser = try await Fixtures.browser(app, as: reader)
                #expect(try await browser.get(w.path).status == .ok)
                var forged = goodPlan
                forged["goal"] = "Diubah orang lain"
                #expect(try await browser.post(w.path, form: forged).status == .forbidden)
            }
            let facilitatorBrowser = try await Fixtures.browser(app, as: facilitator.username)
            #expect(try await facilitatorBrowser.get(Paths.classActionPlans(w.trainingClass.id!)).status == .ok)
            // The staff member runs no class: the list is not theirs.
            #expect(try await staff.get(Paths.classActionPlans(w.trainingClass.id!)).status == .forbidden)
            #expect(try await stored(app).first?.decoded()?.goal == goodPlan["goal"])
            #expect(try await Browser(app).get(w.path).status != .ok)
            #expect(try await staff.get(Paths.actionPlan(UUID())).status == .notFound)
        }
    }

    @Test("not before the class begins, not for a declined request, and frozen once the L3 survey asks about it")
    func whenWritable() async throws {
        try await withLontar { app in
            let later = try await world(app, daysFromNow: 14)
            let staff = try await Fixtures.browser(app, as: later.city.staff.nip)
            let early = try await staff.get(later.path)
            #expect(early.body.contains("mulai hari pertama kelas, 2 Desember 2026"))
            #expect(!early.body.contains("name=\"goal\""))
            #expect(!(try await staff.get(Paths.myTraining).body.contains(later.path)))
            #expect(try await staff.post(later.path, form: goodPlan).status == .conflict)
            #expect(try await stored(app).isEmpty)

            let declined = try await TrainingFixtures.enrolment(
                app, later.city.teacher, in: later.trainingClass, approval: .declined, seat: .none)
            let teacher = try await Fixtures.browser(app, as: later.city.teacher.nip)
            #expect(try await teacher.post(Paths.actionPlan(declined.id!), form: goodPlan).status == .conflict)

            // A class that has begun: written, then the L3 follow-up asks and the plan stands.
            let started = try await TrainingFixtures.trainingClass(
                app, programme: later.programme, daysFromNow: 0, name: "Angkatan II")
            let enrolment = try await TrainingFixtures.enrolment(app, later.city.staff, in: started)
            let path = Paths.actionPlan(enrolment.id!)
            #expect(try await staff.post(path, form: goodPlan).status == .seeOther)
            let survey = try await EvaluationFixtures.survey(app, later.programme, level: .behaviourAlumnus)
            let invitation = try await EvaluationFixtures.invitation(
                app, survey, later.city.staff, sentOn: "2026-11-18", enrolment: enrolment)
            var changed = goodPlan
            changed["goal"] = "Ditulis ulang setelah ditanya"
            #expect(try await staff.post(path, form: changed).status == .conflict)
            #expect(try await stored(app).first?.decoded()?.goal == goodPlan["goal"])
            let frozen = try await staff.get(path)
            #expect(frozen.body.contains("tidak dapat diubah lagi"))
            #expect(!frozen.body.contains("name=\"goal\""))
            // The L3 form shows the plan to answer against.
            let answer = try await staff.get(Paths.survey(survey.id!) + "?undangan=\(invitation.id!.uuidString)")
            #expect(answer.status == .ok)
            #expect(
                answer.body.contains(
                    "action=\"\(Paths.surveyAnswer(survey.id!))?undangan=\(invitation.id!.uuidString)\""))
            #expect(answer.body.contains("Menyusun SOP loket izin"))

            // Asked about an enrolment with no plan: none is offered any more, and the page says why.
            let third = try await TrainingFixtures.trainingClass(
                app, programme: later.programme, daysFromNow: 0, name: "Angkatan III")
            let unplanned = try await TrainingFixtures.enrolment(app, later.city.staff, in: third)
            #expect(try await staff.get(Paths.myTraining).body.contains(Paths.actionPlan(unplanned.id!)))
            // Only the supervisor is asked (the alumni survey was closed): that freezes it too.
            let supervisorSurvey = try await EvaluationFixtures.survey(
                app, later.programme, level: .behaviourSupervisor)
            try await EvaluationFixtures.invitation(
                app, supervisorSurvey, later.city.supervisor, sentOn: "2026-11-18", about: later.city.staff,
                enrolment: unplanned)
            #expect(!(try await staff.get(Paths.myTraining).body.contains(Paths.actionPlan(unplanned.id!))))
            #expect(
                !(try await staff.get(Paths.trainingClass(third.id!)).body.contains(Paths.actionPlan(unplanned.id!))))
            #expect(try await staff.get(Paths.actionPlan(unplanned.id!)).body.contains("tidak lagi dapat ditulis"))
        }
    }

    @Test("a completed class reminds the participant to write a plan, unless one is written")
    func reminderAfterCompletion() async throws {
        try await withLontar { app in
            let w = try await world(app)
            let other = try await TrainingFixtures.enrolment(app, w.city.teacher, in: w.trainingClass)
            let teacher = try await Fixtures.browser(app, as: w.city.teacher.nip)
            #expect(try await teacher.post(Paths.actionPlan(other.id!), form: goodPlan).status == .seeOther)
            let request = Request(application: app, on: app.eventLoopGroup.any())
            let credit = JPCredit(jp: 24, ruleYear: 2026, ruleVersion: 1, explanation: LocalizableMessage("x"))
            let today = CityTime.today(app.clock)
            for (enrolment, person) in [(w.enrolment, w.city.staff), (other, w.city.teacher)] {
                _ = try await CompletionRecorder.record(
                    enrolmentID: enrolment.id!, employee: person, programme: w.programme, credit: credit,
                    start: today, end: today, organiser: "BKPPD", source: "class", request: request)
            }
            let reminders = try await InAppNotification.query(on: app.db).filter(\.$messageKey == "plan.notify.write")
                .all()
            #expect(reminders.map(\.link) == [w.path])

            // L3's figures count the plans among the year's completions, on the page and in the API.
            let report = try await ReportQueries.report(
                ReportScope(year: 2026, programme: w.programme.id!), on: app.db)
            #expect(report.behaviour.completed == 2)
            #expect(report.behaviour.plansWritten == 1)
            #expect(EvaluationReportAPI.body(report, full: true).l3?.actionPlansWritten == 1)
            let nextYear = try await ReportQueries.report(
                ReportScope(year: 2027, programme: w.programme.id!), on: app.db)
            #expect(nextYear.behaviour.completed == 0)
            let organiser = try await Fixtures.browser(app, as: w.city.healthOperator.nip)
            let page = try await organiser.get(Paths.programmeEvaluation(w.programme.id!) + "?year=2026")
            #expect(page.status == .ok)
            #expect(page.body.contains("1 dari 2 (50"))
            let csv = try await organiser.get(Paths.programmeEvaluationCSV(w.programme.id!) + "?year=2026")
            #expect(csv.body.contains("Rencana aksi ditulis (% dari peserta yang selesai),50.00,2"))
        }
    }

    @Test("the L3 form asks how the plan went only when a plan was written for the enrolment followed up")
    func planQuestionOnlyWithPlan() async throws {
        try await withLontar { app in
            let w = try await world(app)
            let other = try await TrainingFixtures.enrolment(app, w.city.teacher, in: w.trainingClass)
            let teacher = try await Fixtures.browser(app, as: w.city.teacher.nip)
            #expect(try await teacher.post(Paths.actionPlan(other.id!), form: goodPlan).status == .seeOther)
            let survey = try await EvaluationFixtures.survey(app, w.programme, level: .behaviourAlumnus)
            survey.definition = try SurveyStore.encode(SurveyTemplate.behaviourAlumnus.definition)
            try await survey.save(on: app.db)
            for (person, enrolment) in [(w.city.staff, w.enrolment), (w.city.teacher, other)] {
                try await EvaluationFixtures.invitation(app, survey, person, sentOn: "2026-11-18", enrolment: enrolment)
            }
            let question = "Bagaimana rencana aksi Anda berjalan?"
            let staff = try await Fixtures.browser(app, as: w.city.staff.nip)
            let without = try await staff.get(Paths.survey(survey.id!))
            #expect(without.status == .ok)
            #expect(!without.body.contains(question))
            #expect(!without.body.contains("<legend>Rencana aksi</legend>"), "no section left empty or mislabelled")
            #expect(without.body.contains("<legend>Hambatan dan kebutuhan</legend>"))
            #expect(
                try await staff.post(Paths.surveyAnswer(survey.id!), form: ["i0": "3", "i1": "3", "i2": "2"]).status
                    == .seeOther)
            let rows = try await SurveyAnswerRow.query(on: app.db).all()
            #expect(rows.count == 3)
            #expect(!rows.contains { $0.aspect == SurveyAnswering.actionPlanAspect })

            let with = try await teacher.get(Paths.survey(survey.id!))
            #expect(with.body.contains(question))
            #expect(with.body.contains("<legend>Rencana aksi</legend>"))
            // The plan stands in that section, right above the question about it.
            let section = try #require(with.body.range(of: "<legend>Rencana aksi</legend>"))
            let planBlock = try #require(with.body.range(of: "Menyusun SOP loket izin"))
            let asked = try #require(with.body.range(of: question))
            #expect(section.upperBound < planBlock.lowerBound && planBlock.upperBound < asked.lowerBound)
            #expect(with.body.contains("Menyusun SOP loket izin"))
            let missing = try await teacher.post(
                Paths.surveyAnswer(survey.id!), form: ["i0": "3", "i1": "3", "i2": "2"])
            #expect(missing.status == .unprocessableEntity)
            #expect(
                try await teacher.post(
                    Paths.surveyAnswer(survey.id!), form: ["i0": "3", "i1": "3", "i2": "2", "i4": "1"]
                ).status == .seeOther)
            #expect(
                try await SurveyAnswerRow.query(on: app.db).filter(\.$aspect == SurveyAnswering.actionPlanAspect)
                    .all().map(\.choice) == [1])
        }
    }

    @Test("a finished class without completion says so in my training; a completed one says completed")
    func finishedWithoutCompletion() async throws {
        try await withLontar { app in
            let w = try await world(app)
            w.trainingClass.status = "finished"
            try await w.trainingClass.save(on: app.db)
            let staff = try await Fixtures.browser(app, as: w.city.staff.nip)
            #expect(try await staff.get(Paths.myTraining).body.contains("Tidak memenuhi syarat penyelesaian"))
            w.enrolment.completed = true
            w.enrolment.completedAt = app.clock.now()
            try await w.enrolment.save(on: app.db)
            let after = try await staff.get(Paths.myTraining).body
            #expect(after.contains("Telah menyelesaikan pelatihan."))
            #expect(!after.contains("Tidak memenuhi syarat penyelesaian"))
        }
    }
}
