import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// Applying, approving, declining, cancelling and nominating through the pages.
@Suite("Enrolment pages")
struct EnrolmentPagesTests {
    static func status(_ app: Application, _ enrolment: Enrolment?) async throws -> EnrolmentStatus? {
        guard let id = enrolment?.id, let stored = try await Enrolment.find(id, on: app.db) else { return nil }
        return EnrolmentService.state(of: stored).status
    }

    static func enrolment(_ app: Application, of employee: Employee) async throws -> Enrolment? {
        try await Enrolment.query(on: app.db).filter(\.$employee.$id == employee.requireID()).first()
    }

    /// The message keys an employee was sent, sorted (the test clock does not move between them).
    static func notes(_ app: Application, for employee: Employee) async throws -> [String] {
        guard
            let account = try await UserAccount.query(on: app.db).filter(\.$employee.$id == employee.requireID())
                .first()
        else { return [] }
        return try await InAppNotification.query(on: app.db).filter(\.$user.$id == account.requireID())
            .all().map(\.messageKey).sorted()
    }

    @Test("an employee applies (pending), their supervisor approves (confirmed), both are notified")
    func applyAndApprove() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme)
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            let applied = try await staff.post(Paths.classApply(try trainingClass.requireID()), form: [:])
            #expect(applied.status == .seeOther)
            let enrolment = try await Self.enrolment(app, of: city.staff)
            #expect(try await Self.status(app, enrolment) == .pending)
            #expect(try await TrainingClass.find(trainingClass.requireID(), on: app.db)?.seatsHeld == 1)
            #expect(try await Self.notes(app, for: city.supervisor) == ["notify.approval.requested"])
            #expect(
                try await staff.get(Paths.trainingClass(trainingClass.requireID())).body.contains(
                    "Menunggu persetujuan"))

            let supervisor = try await Fixtures.browser(app, as: city.supervisor.nip)
            let queue = try await supervisor.get(Paths.approvals)
            #expect(queue.body.contains("Staf Kesehatan"))
            let id = try #require(enrolment?.id)
            #expect(try await supervisor.post(Paths.enrolmentApprove(id), form: [:]).status == .seeOther)
            #expect(try await Self.status(app, enrolment) == .confirmed)
            #expect(
                try await Self.notes(app, for: city.staff) == [
                    "notify.enrolment.confirmed", "notify.enrolment.pending",
                ])
            #expect(!(try await supervisor.get(Paths.approvals).body.contains("Staf Kesehatan")))

            let mine = try await staff.get(Paths.myTraining)
            #expect(mine.body.contains("Terkonfirmasi"))
            #expect(mine.body.contains("Notifikasi (2 baru)"))
            let inbox = try await staff.get(Paths.notifications)
            #expect(inbox.body.contains("sudah pasti"))
            // One page: its count, and no greyed-out buttons that lead nowhere.
            #expect(inbox.body.contains("Halaman 1 dari 1 · 2 data"))
            #expect(!inbox.body.contains("<span class=\"off\""))
            #expect(try await staff.post(Paths.notificationsRead, form: [:]).status == .seeOther)
            // Only the supervisor's note is still unread.
            #expect(try await InAppNotification.query(on: app.db).filter(\.$read == false).count() == 1)
            // With nothing unread the home page has no card for them; the menu still leads there.
            let home = try await staff.get(Paths.home).body
            #expect(!home.contains("Notifikasi baru"))
            #expect(home.contains("href=\"\(Paths.notifications)\""))
        }
    }

    @Test("a full class wait-lists with a rank; a cancellation promotes the first in line")
    func waitingList() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme, capacity: 1)
            let classID = try trainingClass.requireID()
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            let teacher = try await Fixtures.browser(app, as: city.teacher.nip)
            let supervisor = try await Fixtures.browser(app, as: city.supervisor.nip)
            try await staff.post(Paths.classApply(classID), form: [:])
            try await teacher.post(Paths.classApply(classID), form: [:])
            try await supervisor.post(Paths.classApply(classID), form: [:])
            #expect(try await teacher.get(Paths.trainingClass(classID)).body.contains("Urutan ke-1 di daftar tunggu"))
            #expect(try await supervisor.get(Paths.myTraining).body.contains("Urutan ke-2 di daftar tunggu"))
            let first = try await Self.enrolment(app, of: city.staff)

            let cancelled = try await staff.post(Paths.enrolmentCancel(try #require(first?.id)), form: [:])
            #expect(cancelled.status == .seeOther)
            #expect(try await Self.status(app, first) == .cancelled)
            let promoted = try await Self.enrolment(app, of: city.teacher)
            #expect(try await Self.status(app, promoted) == .pending)  // the seat is held; approval still due
            #expect(
                try await Self.notes(app, for: city.teacher) == [
                    "notify.enrolment.pending", "notify.enrolment.waitlisted",
                ])
            #expect(try await supervisor.get(Paths.myTraining).body.contains("Urutan ke-1 di daftar tunggu"))
            #expect(try await TrainingClass.find(classID, on: app.db)?.seatsHeld == 1)
        }
    }

    @Test("declining needs a reason (422, unchanged); with one the seat is freed and the reason sent")
    func declineNeedsReason() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme)
            let enrolment = try await TrainingFixtures.enrolment(app, city.staff, in: trainingClass, approval: .pending)
            let id = try enrolment.requireID()
            let supervisor = try await Fixtures.browser(app, as: city.supervisor.nip)
            let missing = try await supervisor.post(Paths.enrolmentDecline(id), form: ["reason": "  "])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("Tuliskan alasan penolakan"))
            let long = try await supervisor.post(
                Paths.enrolmentDecline(id), form: ["reason": String(repeating: "a", count: 501)])
            #expect(long.status == .unprocessableEntity)
            #expect(try await Self.status(app, enrolment) == .pending)

            let declined = try await supervisor.post(
                Paths.enrolmentDecline(id), form: ["reason": "Beban kerja akhir tahun"])
            #expect(declined.status == .seeOther)
            #expect(try await Self.status(app, enrolment) == .declined)
            #expect(try await Enrolment.find(id, on: app.db)?.declineReason == "Beban kerja akhir tahun")
            #expect(try await TrainingClass.find(trainingClass.requireID(), on: app.db)?.seatsHeld == 0)
            #expect(try await Self.notes(app, for: city.staff) == ["notify.enrolment.declined"])
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await staff.get(Paths.myTraining).body.contains("Alasan: Beban kerja akhir tahun"))
            // A decided request cannot be decided again: 409 with the state machine's words.
            let again = try await supervisor.post(Paths.enrolmentApprove(id), form: [:])
            #expect(again.status == .conflict)
            #expect(again.body.contains("Pendaftaran ini sudah ditolak."))
        }
    }

    @Test("only the employee's own supervisor decides: another supervisor or the operator gets 403")
    func onlyOwnSupervisorDecides() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let otherBoss = try await Fixtures.employee(app, 20, agency: city.education, name: "Kepala Sekolah")
            try await Fixtures.employee(app, 21, agency: city.education, supervisor: otherBoss, name: "Guru Baru")
            try await Fixtures.account(app, for: otherBoss)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme)
            let enrolment = try await TrainingFixtures.enrolment(app, city.staff, in: trainingClass, approval: .pending)
            let id = try enrolment.requireID()
            for who in [otherBoss.nip, city.healthOperator.nip, city.staff.nip] {
                let browser = try await Fixtures.browser(app, as: who)
                #expect(try await browser.post(Paths.enrolmentApprove(id), form: [:]).status == .forbidden, "\(who)")
                #expect(try await browser.post(Paths.enrolmentDecline(id), form: ["reason": "x"]).status == .forbidden)
            }
            #expect(try await Self.status(app, enrolment) == .pending)
            let otherQueue = try await Fixtures.browser(app, as: otherBoss.nip).get(Paths.approvals)
            #expect(!otherQueue.body.contains("Staf Kesehatan"))
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await staff.get(Paths.approvals).status == .forbidden)
            // The teacher has no supervisor: their OPD's operator decides, not the other OPD's.
            let teacherRequest = try await TrainingFixtures.enrolment(
                app, city.teacher, in: trainingClass, approval: .pending)
            let healthOperator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            #expect(
                try await healthOperator.post(Paths.enrolmentApprove(teacherRequest.requireID()), form: [:]).status
                    == .forbidden)
            let educationOperator = try await Fixtures.browser(app, as: city.educationOperator.nip)
            #expect(try await educationOperator.get(Paths.approvals).body.contains("Guru Matematika"))
            #expect(
                try await educationOperator.post(Paths.enrolmentApprove(teacherRequest.requireID()), form: [:]).status
                    == .seeOther)
            #expect(try await Self.status(app, teacherRequest) == .confirmed)
        }
    }

    @Test("after the cut-off the employee cannot cancel, their OPD's operator can")
    func cutOff() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            // Sessions start tomorrow; the cut-off is 48 hours before the first one.
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme, daysFromNow: 1)
            let enrolment = try await TrainingFixtures.enrolment(app, city.staff, in: trainingClass)
            let id = try enrolment.requireID()
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await staff.post(Paths.enrolmentCancel(id), form: [:]).status == .forbidden)
            #expect(try await staff.get(Paths.trainingClass(trainingClass.requireID())).body.contains("sudah lewat"))
            let educationOperator = try await Fixtures.browser(app, as: city.educationOperator.nip)
            #expect(try await educationOperator.post(Paths.enrolmentCancel(id), form: [:]).status == .forbidden)
            #expect(try await Self.status(app, enrolment) == .confirmed)
            let healthOperator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            #expect(try await healthOperator.post(Paths.enrolmentCancel(id), form: [:]).status == .seeOther)
            #expect(try await Self.status(app, enrolment) == .cancelled)
        }
    }

    @Test("nominating many NIPs reports each outcome; only one's own staff are placed")
    func nominateMany() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme, capacity: 2)
            let classID = try trainingClass.requireID()
            let healthOperator = try await Fixtures.browser(app, as: city.healthOperator.nip)
            let grouped = "19850312 201001 1 001"  // the operator's own NIP, typed in its groups
            let text =
                "\(city.staff.nip), \(city.supervisor.nip)\n\(city.teacher.nip) 199001012015011099\n\(grouped)\n\(city.staff.nip)"
            let page = try await healthOperator.post(Paths.classNominate(classID), form: ["nips": text])
            #expect(page.status == .ok)
            #expect(page.body.contains("Dinominasikan, kursi terkonfirmasi"))
            #expect(page.body.contains("Dinominasikan, daftar tunggu urutan ke-1"))
            #expect(page.body.contains("Bukan pegawai yang Anda kelola"))
            #expect(page.body.contains("NIP tidak dikenal atau pegawai tidak aktif"))
            #expect(try await Self.status(app, try await Self.enrolment(app, of: city.staff)) == .confirmed)
            #expect(try await Self.status(app, try await Self.enrolment(app, of: city.supervisor)) == .confirmed)
            #expect(try await Self.status(app, try await Self.enrolment(app, of: city.healthOperator)) == .waitlisted)
            #expect(try await Self.enrolment(app, of: city.teacher) == nil)
            #expect(try await Enrolment.query(on: app.db).count() == 3)
            let again = try await healthOperator.post(Paths.classNominate(classID), form: ["nips": city.staff.nip])
            #expect(again.body.contains("Sudah terdaftar di kelas ini"))
            #expect(
                try await healthOperator.post(Paths.classNominate(classID), form: ["nips": " "]).status
                    == .unprocessableEntity)
        }
    }

    @Test("another OPD's operator cannot nominate into a programme meant for one OPD; employees never")
    func nominationAuthorisation() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let programme = try await TrainingFixtures.programme(app, organiser: city.health)
            programme.audienceAgencies = "DINKES"
            try await programme.save(on: app.db)
            let trainingClass = try await TrainingFixtures.trainingClass(app, programme: programme)
            let path = Paths.classNominate(try trainingClass.requireID())
            let educationOperator = try await Fixtures.browser(app, as: city.educationOperator.nip)
            #expect(try await educationOperator.post(path, form: ["nips": city.teacher.nip]).status == .forbidden)
            #expect(try await educationOperator.get(Paths.classEdit(trainingClass.requireID())).status == .forbidden)
            let staff = try await Fixtures.browser(app, as: city.staff.nip)
            #expect(try await staff.post(path, form: ["nips": city.staff.nip]).status == .forbidden)
            #expect(try await Enrolment.query(on: app.db).count() == 0)
            // A programme open to every OPD: the education operator places their own teacher.
            programme.audienceAgencies = ""
            try await programme.save(on: app.db)
            let placed = try await educationOperator.post(path, form: ["nips": city.teacher.nip])
            #expect(placed.body.contains("Dinominasikan, kursi terkonfirmasi"))
        }
    }
}
