import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Surveys: the builder")
struct SurveyBuilderTests {
    @Test("a survey made from the reaction template copies its sections and items; a blank one has an empty section")
    func templateCopy() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app)
            let op = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            // The survey list leads to the builder for the operator's own programmes.
            let list = try await op.get(Paths.surveys)
            #expect(list.body.contains("<option value=\"\(world.programme.id!.uuidString)\">"))
            let chosen = try await op.get(Paths.surveys + "?pelatihan=\(world.programme.id!.uuidString)")
            #expect(chosen.location == Paths.surveyNew(programme: world.programme.id!))
            let other = try await Fixtures.browser(app, as: world.city.educationOperator.nip)
            #expect(!(try await other.get(Paths.surveys).body.contains(world.programme.id!.uuidString)))
            let newPage = try await op.get(Paths.surveyNew(programme: world.programme.id!))
            #expect(newPage.status == .ok)
            #expect(newPage.body.contains("Templat survei reaksi (L1)"))
            let made = try await op.post(
                Paths.surveyNew(programme: world.programme.id!),
                form: [
                    "title": "Reaksi Angkatan I", "level": "reaction", "template": "reaction",
                    "classID": world.trainingClass.id!.uuidString, "anonymous": "1",
                ])
            #expect(made.status == .seeOther)
            let survey = try #require(try await Survey.query(on: app.db).first())
            #expect(made.location == Paths.surveyEdit(survey.id!))
            #expect(SurveyStore.decode(survey.definition) == SurveyTemplate.reaction.definition)
            #expect(survey.anonymous && survey.status == "draft" && survey.$trainingClass.id == world.trainingClass.id)
            let edit = try await op.get(Paths.surveyEdit(survey.id!))
            #expect(edit.body.contains("Materi sesuai dengan kebutuhan tugas saya."))
            #expect(edit.body.contains("name=\"q1.0.kind\""))

            let blank = try await op.post(
                Paths.surveyNew(programme: world.programme.id!),
                form: ["title": "Survei Kosong", "level": "other", "template": "blank"])
            #expect(blank.status == .seeOther)
            let empty = try #require(try await Survey.query(on: app.db).filter(\.$title == "Survei Kosong").first())
            #expect(SurveyStore.decode(empty.definition).sections.count == 1)
            #expect(SurveyStore.decode(empty.definition).items.isEmpty)

            let bad = try await op.post(
                Paths.surveyNew(programme: world.programme.id!),
                form: ["title": "", "level": "lain", "template": "x", "closesOn": "besok"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Judul survei wajib diisi."))
            #expect(bad.body.contains("Pilih tingkat evaluasi."))
            #expect(bad.body.contains("Tanggal tutup harus berupa tanggal"))
            #expect(try await Survey.query(on: app.db).count() == 2)
        }
    }

    @Test("editing: add a section and items, move, remove; saving validates per item")
    func editing() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(
                app, status: "draft", definition: SurveyDefinition(sections: [SurveySection(title: "A", items: [])]))
            let op = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            let path = Paths.surveyEdit(survey.id!)
            var form: [String: String] = ["title": "Survei Baru", "s0.title": "A", "action": "add-item.0"]
            let added = try await op.post(path, form: form)
            #expect(added.status == .ok)
            #expect(added.body.contains("name=\"q0.0.key\" value=\"butir.1\""))
            #expect(added.body.contains("Perubahan belum disimpan"))
            // Two items, the second a single choice with one option: both problems are named by item.
            form = [
                "title": "Survei Baru", "s0.title": "A",
                "q0.0.key": "butir.1", "q0.0.kind": "likert4", "q0.0.prompt": "", "q0.0.required": "1",
                "q0.1.key": "butir.2", "q0.1.kind": "single", "q0.1.prompt": "Pilih", "q0.1.options": "Satu",
                "action": "save",
            ]
            let invalid = try await op.post(path, form: form)
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.contains("Tuliskan pertanyaannya."))
            #expect(invalid.body.contains("paling sedikit dua pilihan"))
            #expect(SurveyStore.decode(try await Survey.find(survey.id!, on: app.db)!.definition).items.isEmpty)
            // Move the second up, then save a valid definition.
            form["action"] = "up-item.0.1"
            let moved = try await op.post(path, form: form)
            let firstKey = moved.body.range(of: "name=\"q0.0.key\" value=\"butir.2\"")
            #expect(firstKey != nil)
            form = [
                "title": "Survei Baru", "s0.title": "Bagian A", "s1.title": "Bagian B",
                "q0.0.key": "butir.2", "q0.0.kind": "single", "q0.0.prompt": "Pilih", "q0.0.options": "Satu\nDua\n\n",
                "q0.0.required": "1", "q1.0.key": "butir.1", "q1.0.kind": "likert5", "q1.0.prompt": "Setuju?",
                "q1.0.aspect": "materi", "action": "save",
            ]
            let saved = try await op.post(path, form: form)
            #expect(saved.status == .seeOther)
            let stored = SurveyStore.decode(try await Survey.find(survey.id!, on: app.db)!.definition)
            #expect(stored.sections.map(\.title) == ["Bagian A", "Bagian B"])
            #expect(stored.items.map(\.key) == ["butir.2", "butir.1"])
            #expect(stored.items[0].options == ["Satu", "Dua"])
            #expect(stored.items[1].required == false && stored.items[1].aspect == "materi")
            // Remove the second section.
            form["action"] = "remove-section.1"
            let removed = try await op.post(path, form: form)
            #expect(!removed.body.contains("Bagian B"))
            // Open, then close.
            #expect(try await op.post(Paths.surveyStatus(survey.id!), form: ["status": "open"]).status == .seeOther)
            #expect(try await Survey.find(survey.id!, on: app.db)?.status == "open")
            #expect(
                try await op.post(Paths.surveyStatus(survey.id!), form: ["status": "x"]).status == .unprocessableEntity)
        }
    }

    @Test("once anyone answered, the definition cannot change")
    func lockedAfterAnswers() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(app)
            try await world.inviteAll(app, survey)
            let staff = try await world.browser(app, world.city.staff)
            _ = try await staff.post(Paths.surveyAnswer(survey.id!), form: world.form())
            let op = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            let page = try await op.get(Paths.surveyEdit(survey.id!))
            #expect(page.body.contains("isinya terkunci"))
            let refused = try await op.post(
                Paths.surveyEdit(survey.id!), form: ["title": "Diubah", "s0.title": "X", "action": "save"])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("tidak dapat diubah lagi"))
            let stored = try #require(try await Survey.find(survey.id!, on: app.db))
            #expect(stored.title == "Survei Reaksi")
            #expect(SurveyStore.decode(stored.definition) == SurveyWorld.small)
        }
    }

    @Test("employees, another OPD's operator and facilitators cannot build; BKPPD can")
    func authorisation() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(app, anonymous: false)
            let id = survey.id!
            let routes: [(HTTPMethod, String, [String: String])] = [
                (.GET, Paths.surveyNew(programme: world.programme.id!), [:]),
                (
                    .POST, Paths.surveyNew(programme: world.programme.id!),
                    ["title": "X", "level": "other", "template": "blank"]
                ),
                (.GET, Paths.surveyEdit(id), [:]),
                (.POST, Paths.surveyEdit(id), ["title": "Diambil", "action": "save"]),
                (.POST, Paths.surveyStatus(id), ["status": "closed"]),
                (.POST, Paths.surveyInvite(id), ["classID": world.trainingClass.id!.uuidString]),
                (.GET, Paths.surveyMissing(id), [:]),
            ]
            for who in [world.city.staff.nip, world.city.educationOperator.nip, "fasilitator"] {
                let browser = try await Fixtures.browser(app, as: who)
                for (method, path, form) in routes {
                    let page = method == .GET ? try await browser.get(path) : try await browser.post(path, form: form)
                    #expect(page.status == .forbidden, "\(who) \(method) \(path)")
                }
            }
            // Employees cannot see results or the list.
            let staff = try await world.browser(app, world.city.staff)
            #expect(try await staff.get(Paths.surveyResults(id)).status == .forbidden)
            #expect(try await staff.get(Paths.surveys).status == .forbidden)
            let other = try await Fixtures.browser(app, as: world.city.educationOperator.nip)
            #expect(try await other.get(Paths.surveyResults(id)).status == .forbidden)
            #expect(!(try await other.get(Paths.surveys).body.contains(Paths.surveyResults(id))))
            #expect(try await Survey.find(id, on: app.db)?.status == "open")
            #expect(try await Survey.query(on: app.db).count() == 1)
            #expect(try await SurveyInvitation.query(on: app.db).count() == 0)
            let admin = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            #expect(try await admin.get(Paths.surveyEdit(id)).status == .ok)
            #expect(try await admin.get(Paths.surveys).body.contains(Paths.surveyResults(id)))
            let anonymous = try await Browser(app).get(Paths.surveyEdit(id))
            #expect(anonymous.status == .seeOther)
        }
    }

    @Test("an anonymous survey of a class under 5 participants warns that its results would never show")
    func smallClassWarning() async throws {
        try await withLontar { app in
            let small = try await SurveyWorld.make(app, participants: 4)
            let anonymous = try await small.survey(app, anonymous: true, forClass: true)
            let named = try await small.survey(app, anonymous: false, forClass: true)
            let programmeWide = try await small.survey(app, anonymous: true)
            let manager = try await Fixtures.browser(app, as: small.city.healthOperator.nip)
            #expect(try await manager.get(Paths.surveyEdit(anonymous.id!)).body.contains("hanya punya 4 peserta"))
            #expect(!(try await manager.get(Paths.surveyEdit(named.id!)).body.contains("hanya punya")))
            #expect(!(try await manager.get(Paths.surveyEdit(programmeWide.id!)).body.contains("hanya punya")))
            // A fifth participant: the results can show, no warning.
            let fifth = try await Fixtures.employee(app, 60, agency: small.city.health, name: "Peserta Lima")
            try await TrainingFixtures.enrolment(app, fifth, in: small.trainingClass)
            #expect(!(try await manager.get(Paths.surveyEdit(anonymous.id!)).body.contains("hanya punya")))
        }
    }

    @Test("L3 surveys cannot be made anonymous, at creation or later")
    func l3IsNamed() async throws {
        try await withLontar { app in
            let world = try await SurveyWorld.make(app, participants: 1)
            let manager = try await Fixtures.browser(app, as: world.city.healthOperator.nip)
            let refused = try await manager.post(
                Paths.surveyNew(programme: world.programme.id!),
                form: [
                    "title": "Pascapelatihan", "level": "behaviourAlumnus", "template": "behaviourAlumnus",
                    "anonymous": "1",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("tidak dapat anonim"))
            #expect(try await Survey.query(on: app.db).count() == 0)
            let named = try await world.survey(app, anonymous: false, status: "draft", level: .behaviourSupervisor)
            let fields = [
                "title": "Pascapelatihan", "s0.title": "A", "q0.0.key": "butir.1", "q0.0.kind": "likert4",
                "q0.0.prompt": "Diterapkan", "q0.0.required": "1", "anonymous": "1", "action": "save",
            ]
            let saved = try await manager.post(Paths.surveyEdit(named.id!), form: fields)
            #expect(saved.status == .unprocessableEntity)
            #expect(saved.body.contains("tidak dapat anonim"))
            #expect(try await Survey.find(named.id!, on: app.db)?.anonymous == false)
        }
    }
}
