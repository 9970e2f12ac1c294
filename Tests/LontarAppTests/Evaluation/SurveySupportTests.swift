import Fluent
import Foundation
import LontarCore
import SQLKit
import Testing
import VaporTesting

@testable import LontarApp

/// A programme of DINKES with a class, its facilitator, and five confirmed participants
/// (the health operator manages it; the education operator does not).
struct SurveyWorld {
    let city: Fixtures.City
    let programme: Programme
    let trainingClass: TrainingClass
    let facilitator: UserAccount
    let participants: [Employee]
    let enrolments: [Enrolment]

    static let small = SurveyDefinition(sections: [
        SurveySection(
            title: "Umum",
            items: [
                SurveyItem(key: "puas", kind: .likert4, prompt: "Saya puas.", aspect: "keseluruhan"),
                SurveyItem(key: "skala5", kind: .likert5, prompt: "Materi jelas.", aspect: "materi"),
                SurveyItem(key: "satu", kind: .single, prompt: "Cara belajar", options: ["Kelas", "Daring"]),
                SurveyItem(
                    key: "banyak", kind: .multiple, prompt: "Yang membantu", options: ["Modul", "Diskusi", "Video"],
                    required: false),
                SurveyItem(key: "fasil", kind: .facilitatorRating, prompt: "Nilai fasilitator", aspect: "fasilitator"),
                SurveyItem(key: "saran", kind: .text, prompt: "Saran", required: false),
            ])
    ])

    static func make(_ app: Application, participants count: Int = 5) async throws -> SurveyWorld {
        let city = try await Fixtures.city(app)
        let programme = try await TrainingFixtures.programme(app, organiser: city.health)
        let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme)
        let facilitator = try await TrainingFixtures.facilitator(app, for: trainingClass)
        var people: [Employee] = [city.staff]
        for n in 0..<max(0, count - 1) {
            let person = try await Fixtures.employee(app, 20 + n, agency: city.health, name: "Peserta \(n + 1)")
            try await Fixtures.account(app, for: person)
            people.append(person)
        }
        var enrolments: [Enrolment] = []
        for person in people {
            enrolments.append(try await TrainingFixtures.enrolment(app, person, in: trainingClass))
        }
        return SurveyWorld(
            city: city, programme: programme, trainingClass: trainingClass, facilitator: facilitator,
            participants: people, enrolments: enrolments)
    }

    @discardableResult
    func survey(
        _ app: Application, anonymous: Bool = true, status: String = "open", forClass: Bool = false,
        level: SurveyLevel = .reaction, definition: SurveyDefinition = SurveyWorld.small, closesOn: String? = nil
    ) async throws -> Survey {
        let survey = Survey()
        survey.$programme.id = try programme.requireID()
        survey.$trainingClass.id = forClass ? try trainingClass.requireID() : nil
        survey.level = level.rawValue
        survey.title = "Survei Reaksi"
        survey.definition = try SurveyStore.encode(definition)
        survey.anonymous = anonymous
        survey.status = status
        survey.closesOn = closesOn
        survey.createdBy = UUID()
        survey.createdAt = app.clock.now()
        try await survey.save(on: app.db)
        return survey
    }

    /// Invites everyone through the manager's action.
    func inviteAll(_ app: Application, _ survey: Survey) async throws {
        let operatorBrowser = try await Fixtures.browser(app, as: city.healthOperator.nip)
        let page = try await operatorBrowser.post(
            Paths.surveyInvite(survey.id!), form: ["classID": trainingClass.id!.uuidString])
        #expect(page.status == .seeOther)
    }

    /// A complete valid answer form for `SurveyWorld.small`.
    func form(scale: Int = 4, text: String = "Lebih banyak praktik") -> [String: String] {
        [
            "i0": String(scale), "i1": "5", "i2": "1", "i3": "0",
            "r4.\(facilitator.id!.uuidString)": "4", "i5": text,
        ]
    }

    func browser(_ app: Application, _ person: Employee) async throws -> Browser {
        try await Fixtures.browser(app, as: person.nip)
    }
}

@Suite("Surveys: test support")
struct SurveySupportTests {
    @Test("the small definition is valid and the world invites five people")
    func world() async throws {
        try await withLontar { app in
            #expect(SurveyWorld.small.validate().isEmpty)
            let world = try await SurveyWorld.make(app)
            let survey = try await world.survey(app)
            try await world.inviteAll(app, survey)
            #expect(try await SurveyInvitation.query(on: app.db).count() == 5)
        }
    }
}
