import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// The training issue's "done when", end to end: BKPPD publishes a leadership workshop, an
/// employee applies, the supervisor approves, the class fills and the next applicant waits,
/// the facilitator takes attendance, completion credits JP, the certificate verifies publicly,
/// and the OPD's dashboard and the SIASN export show it.
@Suite("A leadership workshop from catalogue to certificate")
struct WorkshopStoryTests {
    @Test("the whole story")
    func story() async throws {
        let clock = TestClock()
        try await withLontar(clock: clock) { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(
                app, title: "Lokakarya Kepemimpinan", formCode: "KL07", jp: 10, minAttendance: 100)
            let workshop = try await TrainingFixtures.trainingClass(app, programme: programme, capacity: 2, sessions: 2)
            let classID = try workshop.requireID()
            let facilitator = try await TrainingFixtures.facilitator(app, for: workshop)

            // The staff member applies from their phone; their supervisor approves.
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await staff.post(Paths.classApply(classID), form: [:]).status == .seeOther)
            let request = try #require(
                try await Enrolment.query(on: app.db).filter(\.$employee.$id == city.staff.id!).first())
            #expect(request.approval == Approval.pending.rawValue)
            let supervisor = try await Fixtures.browser(app, as: city.supervisor.nip)
            #expect(try await supervisor.get(Paths.approvals).body.contains(city.staff.name))
            #expect(try await supervisor.post(Paths.enrolmentApprove(request.id!), form: [:]).status == .seeOther)

            // Two more apply: one takes the last seat, the other waits first in line.
            #expect(
                try await Fixtures.browser(app, as: city.teacher.nip).post(Paths.classApply(classID), form: [:])
                    .status == .seeOther)
            let late = try await Fixtures.browser(app, as: city.healthOperator.nip)
            #expect(try await late.post(Paths.classApply(classID), form: [:]).status == .seeOther)
            let waiting = try #require(
                try await Enrolment.query(on: app.db).filter(\.$employee.$id == city.healthOperator.id!).first())
            #expect(waiting.seat == SeatState.waitlisted.rawValue)
            #expect(try await TrainingClass.find(classID, on: app.db)?.seatsHeld == 2)

            // Two weeks early the API takes no "present" for the first day.
            let sessions = try await TrainingFixtures.sessions(app, of: workshop)
            let early = try await Fixtures.apiToken(app, username: facilitator.username)
            try await app.testing().test(
                .PUT, "api/v1/classes/\(classID.uuidString)/sessions/\(sessions[0].id!.uuidString)/attendance",
                headers: ["Authorization": "Bearer \(early)"],
                beforeRequest: { req in
                    try req.content.encode(
                        AttendanceAPI.MarksBody(marks: [.init(enrolmentId: request.id!, mark: "present")]))
                },
                afterResponse: { res in
                    #expect(res.status == .conflict)
                    #expect(res.body.string.contains("marks.0.mark"))
                })
            #expect(try await AttendanceRecord.query(on: app.db).count() == 0)

            // The workshop days come; the facilitator marks the staff member present twice.
            clock.advance(15 * 86_400)
            let token = try await Fixtures.apiToken(app, username: facilitator.username)
            for session in sessions {
                try await app.testing().test(
                    .PUT, "api/v1/classes/\(classID.uuidString)/sessions/\(session.id!.uuidString)/attendance",
                    headers: ["Authorization": "Bearer \(token)"],
                    beforeRequest: { req in
                        try req.content.encode(
                            AttendanceAPI.MarksBody(marks: [.init(enrolmentId: request.id!, mark: "present")]))
                    },
                    afterResponse: { res in #expect(res.status == .ok) })
            }
            let runner = Browser(app)
            #expect(try await runner.signIn(facilitator.username, Fixtures.password).status == .seeOther)
            let confirmed = try await runner.post(Paths.classCompletion(classID), form: ["action": "all"])
            #expect(confirmed.status == .seeOther)

            // Two workshop days at 5 JP each: the ledger, the bar, the certificate.
            let credit = try #require(
                try await LedgerEntry.query(on: app.db).filter(\.$employee.$id == city.staff.id!).first())
            #expect(credit.jp == 10)
            #expect(try await LedgerEntry.query(on: app.db).count() == 1, "only the one who attended completes")
            // Two weeks passed: everyone signs in again (sessions end after 12 idle hours).
            let staffLater = try await Fixtures.browser(app, as: city.staff.nip)
            let myJP = try await staffLater.get(Paths.learningHours)
            #expect(myJP.body.contains("Lokakarya Kepemimpinan"))
            let certificate = try #require(try await Certificate.query(on: app.db).first())
            let verification = try await Browser(app).get(Paths.verification(certificate.code))
            #expect(verification.status == .ok)
            #expect(verification.body.contains("Staf Kesehatan"))
            #expect(!verification.body.contains(city.staff.nip), "the public page shows no NIP")

            // The OPD's operator sees it on the dashboard and in the SIASN export.
            let healthOperator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            let dashboard = try await healthOperator.get(Paths.learningHoursAgency)
            #expect(dashboard.status == .ok)
            let export = try await healthOperator.get(
                Paths.siasnExport + "?year=\(CivilDate(iso: credit.endDate)!.year)")
            #expect(export.status == .ok)
            #expect(export.body.contains(city.staff.nip))
            #expect(export.body.contains("Lokakarya Kepemimpinan"))
        }
    }
}
