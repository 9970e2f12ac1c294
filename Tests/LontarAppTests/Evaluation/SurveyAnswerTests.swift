import Fluent
import Foundation
import LontarCore
import SQLKit
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Surveys: answering once, only when invited, anonymously when asked")
struct SurveyAnswerTests {
    @Test("every item kind is shown and stored: Likert words, options, facilitator by name, text")
    func answersEveryKind() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(app, anonymous: false)
            try await world.inviteAll(app, survey)
            let staff = try await world.browser(app, world.city.staff)
            let form = try await staff.get(Paths.survey(survey.id!))
            #expect(form.status == .ok)
            for words in [
                "Sangat tidak setuju", "Tidak setuju", "Setuju", "Sangat setuju", "Netral", "Daring", "Video",
            ] {
                #expect(form.body.contains(words), "\(words)")
            }
            #expect(form.body.contains("fasilitator"))  // the facilitator's display name
            #expect(form.body.contains("name=\"r4.\(world.facilitator.id!.uuidString)\""))
            var answers = world.form()
            answers["i3"] = "2"
            let sent = try await staff.post(Paths.surveyAnswer(survey.id!), form: answers)
            #expect(sent.status == .seeOther)
            #expect(sent.location == Paths.mySurveys)
            let response = try #require(try await SurveyResponse.query(on: app.db).first())
            #expect(response.$respondent.id == world.city.staff.id)
            #expect(response.$trainingClass.id == world.trainingClass.id)
            let rows = try await SurveyAnswerRow.query(on: app.db).all()
            let byKey = Dictionary(grouping: rows, by: \.itemKey)
            #expect(byKey["puas"]?.first?.scale == 4 && byKey["puas"]?.first?.points == 4)
            #expect(byKey["skala5"]?.first?.scale == 5 && byKey["skala5"]?.first?.points == 5)
            #expect(byKey["satu"]?.first?.choice == 1)
            #expect(byKey["banyak"]?.first?.choice == 2)
            #expect(byKey["fasil"]?.first?.facilitatorID == world.facilitator.id)
            #expect(byKey["fasil"]?.first?.scale == 4)
            #expect(byKey["saran"]?.first?.text == "Lebih banyak praktik")
            #expect(byKey["puas"]?.first?.aspect == "keseluruhan")
            let invitation = try #require(
                try await SurveyInvitation.query(on: app.db).filter(\.$employee.$id == world.city.staff.id!).first())
            #expect(invitation.answered)
        }
    }

    @Test("a missing required answer and an out-of-range point are named per item; the form keeps the rest")
    func requiredMissing() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(app)
            try await world.inviteAll(app, survey)
            let staff = try await world.browser(app, world.city.staff)
            var answers = world.form(text: "Teks yang disimpan")
            answers["i0"] = nil
            answers["i2"] = "7"
            let page = try await staff.post(Paths.surveyAnswer(survey.id!), form: answers)
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Ada 2 jawaban yang perlu diperbaiki"))
            #expect(page.body.contains("Pertanyaan ini wajib dijawab."))
            #expect(page.body.contains("Pilihan ini tidak sah."))
            #expect(page.body.contains("Teks yang disimpan"))
            #expect(page.body.contains("id=\"i1-5\" name=\"i1\" value=\"5\" checked"))
            #expect(try await SurveyResponse.query(on: app.db).count() == 0)
            #expect(try await SurveyAnswerRow.query(on: app.db).count() == 0)
            #expect(try await SurveyInvitation.query(on: app.db).filter(\.$answered == true).count() == 0)
        }
    }

    @Test("a second submit is refused and two at once store one response")
    func answersOnce() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(app)
            try await world.inviteAll(app, survey)
            let staff = try await world.browser(app, world.city.staff)
            let form = world.form()
            let tab = staff.secondTab()
            async let first = staff.post(Paths.surveyAnswer(survey.id!), form: form)
            async let second = tab.post(Paths.surveyAnswer(survey.id!), form: form)
            let pages = try await [first, second]
            #expect(pages.allSatisfy { $0.status == .seeOther })
            #expect(try await SurveyResponse.query(on: app.db).count() == 1)
            #expect(try await SurveyAnswerRow.query(on: app.db).filter(\.$itemKey == "puas").count() == 1)
            let again = try await staff.post(Paths.surveyAnswer(survey.id!), form: form)
            #expect(again.status == .seeOther)
            #expect(try await SurveyResponse.query(on: app.db).count() == 1)
            let mine = try await staff.get(Paths.mySurveys)
            #expect(mine.body.contains("sudah menjawab survei ini"))
            #expect(!mine.body.contains(Paths.survey(survey.id!)))
        }
    }

    @Test("the uninvited are refused; a closed or past-closing survey takes no answers")
    func uninvitedAndClosed() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(app, closesOn: CityTime.today(clock).adding(days: 2).iso)
            try await world.inviteAll(app, survey)
            let teacher = try await Fixtures.browser(app, as: world.city.teacher.nip)
            #expect(try await teacher.get(Paths.survey(survey.id!)).status == .forbidden)
            #expect(try await teacher.post(Paths.surveyAnswer(survey.id!), form: world.form()).status == .forbidden)
            // The closing day has passed.
            clock.advance(3 * 86_400)
            let staff = try await world.browser(app, world.city.staff)
            let late = try await staff.post(Paths.surveyAnswer(survey.id!), form: world.form())
            #expect(late.status == .seeOther)
            #expect(try await SurveyResponse.query(on: app.db).count() == 0)
            #expect(
                try await staff.get(Paths.mySurveys).body.contains(
                    "Waktu pengisian survei ini sudah berakhir pada 20 November 2026."))
            // Closed by its manager.
            survey.closesOn = nil
            survey.status = "closed"
            try await survey.save(on: app.db)
            let closed = try await world.browser(app, world.participants[1])
            // Opening it leads back to "my surveys", which says why.
            let opened = try await closed.get(Paths.survey(survey.id!))
            #expect(opened.status == .seeOther)
            #expect(opened.location == Paths.mySurveys)
            // The answer address asked for by GET (a reload after errors) leads to the form,
            // which here says it is closed; a visitor is sent to sign in.
            let reload = try await closed.get(Paths.surveyAnswer(survey.id!))
            #expect(reload.status == .seeOther)
            #expect(reload.location == Paths.survey(survey.id!))
            #expect(
                try await Browser(app).get(Paths.surveyAnswer(survey.id!)).location?.hasPrefix(Paths.signIn) == true)
            // With the invitation named (as the form's address names it), back to that invitation.
            let named = UUID()
            let reloadNamed = try await closed.get(Paths.surveyAnswer(survey.id!) + "?undangan=\(named.uuidString)")
            #expect(reloadNamed.location == Paths.survey(survey.id!, invitation: named))
            // Said as a warning, not in the green of something done.
            #expect(
                try await closed.get(Paths.mySurveys).body.contains(
                    "<p class=\"notice\" role=\"status\">Survei ini sudah ditutup"))
            _ = try await closed.post(Paths.surveyAnswer(survey.id!), form: world.form())
            #expect(try await SurveyResponse.query(on: app.db).count() == 0)
            #expect(try await SurveyInvitation.query(on: app.db).filter(\.$answered == true).count() == 0)
        }
    }

    @Test("an expired invitation does not block a newer open one, and the link answers the invitation it names")
    func expiredAndChosenInvitations() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 2)
            let survey = try await world.survey(app, anonymous: false, level: .behaviourSupervisor)
            let supervisor = world.city.supervisor
            let today = CityTime.today(app.clock)
            // Asked about the first alumnus months ago (window closed, never answered), then about
            // both alumni of a later class now.
            func invite(_ alumnus: Employee, sent: CivilDate, closes: CivilDate) async throws -> SurveyInvitation {
                try await EvaluationFixtures.invitation(
                    app, survey, supervisor, sentOn: sent.iso, closesOn: closes.iso, about: alumnus)
            }
            let expired = try await invite(
                world.participants[0], sent: today.adding(days: -120), closes: today.adding(days: -90))
            _ = try await invite(world.participants[0], sent: today.adding(days: -2), closes: today.adding(days: 28))
            let second = try await invite(
                world.participants[1], sent: today.adding(days: -1), closes: today.adding(days: 29))
            let form = world.form().filter { !$0.key.hasPrefix("r4.") }
            let boss = try await world.browser(app, supervisor)
            let mine = try await boss.get(Paths.mySurveys)
            #expect(mine.body.contains("?undangan=\(second.id!.uuidString)"))
            #expect(!mine.body.contains(expired.id!.uuidString))
            // An old link to the expired invitation says it closed, and opens no form about anyone else.
            let old = try await boss.get(Paths.survey(survey.id!, invitation: expired.id!))
            #expect(old.status == .seeOther)
            #expect(old.location == Paths.mySurveys)
            var stale = form
            stale["undangan"] = expired.id!.uuidString
            _ = try await boss.post(Paths.surveyAnswer(survey.id!), form: stale)
            #expect(try await SurveyResponse.query(on: app.db).count() == 0)

            // The link about the second alumnus opens the form about them, and answers that one.
            let page = try await boss.get(Paths.survey(survey.id!) + "?undangan=\(second.id!.uuidString)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Tentang: \(world.participants[1].name)"))
            var chosen = form
            chosen["undangan"] = second.id!.uuidString
            #expect(try await boss.post(Paths.surveyAnswer(survey.id!), form: chosen).status == .seeOther)
            let first = try #require(try await SurveyResponse.query(on: app.db).first())
            #expect(first.$about.id == world.participants[1].id)

            // Without a choice the oldest open one comes next: the first alumnus, not the expired copy.
            let next = try await boss.get(Paths.survey(survey.id!))
            #expect(next.status == .ok)
            #expect(next.body.contains("Tentang: \(world.participants[0].name)"))
            #expect(try await boss.post(Paths.surveyAnswer(survey.id!), form: form).status == .seeOther)
            #expect(try await SurveyResponse.query(on: app.db).count() == 2)
            #expect(try await SurveyInvitation.find(expired.id!, on: app.db)?.answered == false)
            // Nothing open is left: the form leads back to the list.
            #expect(try await boss.get(Paths.survey(survey.id!)).location == Paths.mySurveys)
        }
    }

    @Test("a supervisor asked about two alumni answers once for each; a duplicated invitation allows one answer")
    func perAlumnusAndDuplicates() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 2)
            let survey = try await world.survey(app, anonymous: false, level: .behaviourSupervisor)
            let supervisor = world.city.supervisor
            for alumnus in world.participants {
                try await EvaluationFixtures.invitation(
                    app, survey, supervisor, sentOn: CityTime.today(app.clock).iso,
                    closesOn: CityTime.today(app.clock).adding(days: 30).iso, about: alumnus)
            }
            // Not asked through a class: there are no facilitators to rate.
            let form = world.form().filter { !$0.key.hasPrefix("r4.") }
            let boss = try await world.browser(app, supervisor)
            let mine = try await boss.get(Paths.mySurveys)
            #expect(mine.body.contains("Tentang: \(world.participants[0].name)"))
            #expect(mine.body.contains("Tentang: \(world.participants[1].name)"))
            for _ in 0..<2 {
                #expect(try await boss.get(Paths.survey(survey.id!)).body.contains("Tentang: "))
                #expect(try await boss.post(Paths.surveyAnswer(survey.id!), form: form).status == .seeOther)
            }
            _ = try await boss.post(Paths.surveyAnswer(survey.id!), form: form)
            let responses = try await SurveyResponse.query(on: app.db).all()
            #expect(responses.count == 2)
            #expect(Set(responses.compactMap { $0.$about.id }) == Set(world.participants.compactMap(\.id)))
            #expect(responses.allSatisfy { $0.$respondent.id == supervisor.id })

            // The same person invited twice to one survey (two invites at once) answers once.
            let other = try await world.survey(app)
            for _ in 0..<2 {
                try await EvaluationFixtures.invitation(
                    app, other, world.city.staff, sentOn: CityTime.today(app.clock).iso,
                    closesOn: CityTime.today(app.clock).adding(days: 30).iso)
            }
            let staff = try await world.browser(app, world.city.staff)
            for _ in 0..<2 { _ = try await staff.post(Paths.surveyAnswer(other.id!), form: form) }
            #expect(try await SurveyResponse.query(on: app.db).filter(\.$survey.$id == other.id!).count() == 1)
        }
    }

    @Test("anonymous: no column of the response or its answers names the person; the invitation points at nothing")
    func anonymityAtTheDatabase() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(app, anonymous: true)
            try await world.inviteAll(app, survey)
            let staff = world.city.staff
            let account = try #require(
                try await UserAccount.query(on: app.db).filter(\.$employee.$id == staff.id!).first())
            let browser = try await world.browser(app, staff)
            let sent = try await browser.post(Paths.surveyAnswer(survey.id!), form: world.form())
            #expect(sent.status == .seeOther)
            let sql = try #require(app.db as? any SQLDatabase)
            let needles = [
                staff.id!.uuidString.lowercased(), account.id!.uuidString.lowercased(), staff.nip, staff.name,
                staff.id!.uuidString.replacingOccurrences(of: "-", with: "").lowercased(),
                account.id!.uuidString.replacingOccurrences(of: "-", with: "").lowercased(),
            ]
            var scanned = 0
            for table in ["survey_responses", "survey_answers"] {
                let rows = try await sql.raw("SELECT * FROM \(ident: table)").all()
                #expect(!rows.isEmpty)
                for row in rows {
                    for column in row.allColumns {
                        let text = Self.text(row, column).lowercased()
                        scanned += 1
                        for needle in needles { #expect(!text.contains(needle.lowercased()), "\(table).\(column)") }
                    }
                }
            }
            #expect(scanned > 20)
            let response = try #require(try await SurveyResponse.query(on: app.db).first())
            #expect(response.$respondent.id == nil && response.$about.id == nil)
            #expect(response.submittedOn.count == 10)
            // The invitation says only "answered": no response id, no time finer than the day.
            let invitation = try #require(
                try await SurveyInvitation.query(on: app.db).filter(\.$employee.$id == staff.id!).first())
            #expect(invitation.answered)
            let invitationRow = try #require(
                try await sql.raw("SELECT * FROM survey_invitations WHERE employee_id = \(bind: staff.id!)").first())
            let responseID = response.id!.uuidString.lowercased()
            for column in invitationRow.allColumns {
                let text = Self.text(invitationRow, column).lowercased()
                #expect(!text.contains(responseID), "\(column)")
                #expect(!text.contains(responseID.replacingOccurrences(of: "-", with: "")), "\(column)")
            }
            // Nothing but these columns, and its days are days: no time finer than the day.
            #expect(
                Set(invitationRow.allColumns) == [
                    "id", "survey_id", "employee_id", "about_employee_id", "enrolment_id", "sent_on",
                    "last_reminded_on", "closes_on", "answered",
                ])
            for column in ["sent_on", "closes_on"] {
                #expect(try invitationRow.decode(column: column, as: String.self).count == 10, "\(column)")
            }
        }
    }

    /// Any column as text, every way it can be read (strings, UUIDs as text or 16 bytes,
    /// numbers, dates), so a person's id cannot hide in a blob.
    static func text(_ row: any SQLRow, _ column: String) -> String {
        if (try? row.decodeNil(column: column)) == true { return "" }
        var readings: [String] = []
        if let value = try? row.decode(column: column, as: String.self) { readings.append(value) }
        if let value = try? row.decode(column: column, as: UUID.self) { readings.append(value.uuidString) }
        if let value = try? row.decode(column: column, as: Int.self) { readings.append(String(value)) }
        if let value = try? row.decode(column: column, as: Double.self) { readings.append("\(value)") }
        if let value = try? row.decode(column: column, as: Date.self) { readings.append("\(value)") }
        if let value = try? row.decode(column: column, as: Data.self) {
            readings.append(value.map { String(format: "%02x", $0) }.joined())
        }
        #expect(!readings.isEmpty, "column \(column) could not be read")
        return readings.joined(separator: " ")
    }
}
