import Fluent
import Foundation
import LontarCore
import SQLKit
import Testing
import VaporTesting

@testable import LontarApp

/// Capacity is never exceeded, however many people press "apply" at once, and even when two
/// `lontar` processes serve the same database.
@Suite("Enrolment under concurrency")
struct EnrolmentConcurrencyTests {
    static let applicants = 24
    static let capacity = 8

    /// Employees with accounts and API tokens, in one OPD.
    static func applicants(_ app: Application, agency: Agency, count: Int) async throws -> [String] {
        var tokens: [String] = []
        for n in 0..<count {
            let employee = try await Fixtures.employee(app, 100 + n, agency: agency)
            try await Fixtures.account(app, for: employee)
            tokens.append(try await Fixtures.apiToken(app, username: employee.nip))
        }
        return tokens
    }

    static func apply(_ app: Application, classID: UUID, token: String) async throws -> HTTPResponseStatus {
        var status = HTTPResponseStatus.internalServerError
        try await app.testing().test(
            .POST, "api/v1/classes/\(classID.uuidString)/enrolments", headers: ["Authorization": "Bearer \(token)"]
        ) { res in status = res.status }
        return status
    }

    static func checkCapacity(_ app: Application, classID: UUID) async throws {
        let enrolments = try await Enrolment.query(on: app.db).filter(\.$trainingClass.$id == classID).all()
        let held = enrolments.filter { $0.seat == SeatState.held.rawValue }
        let waiting = enrolments.filter { $0.seat == SeatState.waitlisted.rawValue }
        #expect(enrolments.count == applicants)
        #expect(held.count == capacity)
        #expect(waiting.count == applicants - capacity)
        #expect(Set(waiting.compactMap(\.waitlistPosition)).count == waiting.count, "waitlist positions are unique")
        let stored = try #require(try await TrainingClass.find(classID, on: app.db))
        #expect(stored.seatsHeld == capacity)
    }

    @Test("many simultaneous applications fill exactly the capacity; the rest wait in order")
    func oneProcess() async throws {
        try await withLontar { app in
            let agency = try await Fixtures.agency(app, "DINKES")
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(
                app, programme: programme, capacity: Self.capacity)
            let classID = try trainingClass.requireID()
            let tokens = try await Self.applicants(app, agency: agency, count: Self.applicants)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for token in tokens { group.addTask { try await Self.apply(app, classID: classID, token: token) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created }, "\(statuses)")
            try await Self.checkCapacity(app, classID: classID)
        }
    }

    @Test("two processes on one database still never exceed the capacity")
    func twoProcesses() async throws {
        let file = NSTemporaryDirectory() + "lontar-race-\(UUID().uuidString).sqlite"
        let schema = "t_race_" + UUID().uuidString.prefix(8).lowercased()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withLontar(sharedSQLiteFile: file, schema: schema) { first in
            let agency = try await Fixtures.agency(first, "DINKES")
            let programme = try await TrainingFixtures.programme(first)
            let trainingClass = try await TrainingFixtures.trainingClass(
                first, programme: programme, capacity: Self.capacity)
            let classID = try trainingClass.requireID()
            let tokens = try await Self.applicants(first, agency: agency, count: Self.applicants)
            try await withLontar(sharedSQLiteFile: file, schema: schema) { second in
                let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                    for (index, token) in tokens.enumerated() {
                        let app = index.isMultiple(of: 2) ? first : second
                        group.addTask { try await Self.apply(app, classID: classID, token: token) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .created }, "\(statuses)")
            }
            try await Self.checkCapacity(first, classID: classID)
            if TestDatabase.isPostgres, let sql = first.db as? any SQLDatabase {
                try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            }
        }
    }

    @Test("a cancellation frees the seat for the first in line, and only once")
    func promotionOrder() async throws {
        try await withLontar { app in
            let agency = try await Fixtures.agency(app, "DINKES")
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme, capacity: 1)
            let classID = try trainingClass.requireID()
            let tokens = try await Self.applicants(app, agency: agency, count: 3)
            for token in tokens { #expect(try await Self.apply(app, classID: classID, token: token) == .created) }
            let first = try #require(
                try await Enrolment.query(on: app.db).filter(\.$seat == SeatState.held.rawValue).first())
            try await app.testing().test(
                .POST, "api/v1/enrolments/\(first.id!.uuidString)/cancel",
                headers: ["Authorization": "Bearer \(tokens[0])"]
            ) { res in #expect(res.status == .ok) }
            try await app.testing().test(
                .POST, "api/v1/enrolments/\(first.id!.uuidString)/cancel",
                headers: ["Authorization": "Bearer \(tokens[0])"]
            ) { res in #expect(res.status == .conflict, "cancelling twice is refused") }
            let all = try await Enrolment.query(on: app.db).with(\.$employee).sort(\.$createdAt).all()
            let held = all.filter { $0.seat == SeatState.held.rawValue }
            #expect(held.count == 1)
            #expect(held.first?.employee.nip == Fixtures.nip(101), "the first on the waiting list moves up")
            #expect(try await TrainingClass.find(classID, on: app.db)?.seatsHeld == 1)
        }
    }
}

@Suite("Deciding when the supervisor has left")
struct InactiveSupervisorTests {
    @Test("a request whose supervisor was deactivated goes to the OPD's operator instead")
    func operatorStepsIn() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme)
            let request = try await TrainingFixtures.enrolment(
                app, city.staff, in: trainingClass, approval: .pending, seat: .held)
            let healthOperator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            #expect(
                try await healthOperator.post(Paths.enrolmentApprove(request.id!), form: [:]).status == .forbidden,
                "while the supervisor is active, the operator does not decide")
            city.supervisor.active = false
            try await city.supervisor.save(on: app.db)
            #expect(try await healthOperator.get(Paths.approvals).body.contains(city.staff.name))
            #expect(try await healthOperator.post(Paths.enrolmentApprove(request.id!), form: [:]).status == .seeOther)
            #expect(try await Enrolment.find(request.id, on: app.db)?.approval == Approval.approved.rawValue)
        }
    }
}
