import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Cancelling a class")
struct ClassCancellationTests {
    @Test("cancelling a class cancels its requests, frees its seats, promotes nobody and tells everyone")
    func cascade() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme, capacity: 1)
            try await TrainingFixtures.enrolment(app, city.staff, in: trainingClass)
            try await TrainingFixtures.enrolment(
                app, city.teacher, in: trainingClass, approval: .pending, seat: .waitlisted)
            let sessions = try await TrainingFixtures.sessions(app, of: trainingClass)
            let token = try await Fixtures.apiToken(app, username: "admin", password: adminPassword)
            let body = ClassAPI.Body(
                programId: programme.id!, capacity: 1,
                sessions: sessions.map {
                    SessionDTO(
                        id: $0.id, startsAt: $0.startsAt, endsAt: $0.endsAt, topic: $0.topic, place: nil, onlineUrl: nil
                    )
                },
                status: "cancelled")
            try await app.testing().test(
                .PUT, "api/v1/classes/\(trainingClass.id!.uuidString)", headers: ["Authorization": "Bearer \(token)"],
                beforeRequest: { req in try req.content.encode(body) },
                afterResponse: { res in #expect(res.status == .ok) })
            let enrolments = try await Enrolment.query(on: app.db).all()
            #expect(enrolments.count == 2)
            #expect(enrolments.allSatisfy { $0.cancelled && $0.seat == SeatState.none.rawValue })
            #expect(try await TrainingClass.find(trainingClass.id, on: app.db)?.seatsHeld == 0)
            let notes = try await InAppNotification.query(on: app.db).filter(
                \.$messageKey == "notify.enrolment.cancelled"
            )
            .count()
            #expect(notes == 2)
        }
    }
}
