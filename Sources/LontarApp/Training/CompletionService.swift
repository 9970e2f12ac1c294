import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// Who completed a class, and the consequences of completion: the JP credit in the ledger
/// and the certificate, each written exactly once however often completion is confirmed.
struct CompletionService {
    /// Whether completion has been confirmed for a class, given its enrolments: once it has for
    /// anyone, a confirmed participant without it did not complete. The class page, its plan
    /// list and the L3 figures (which count completions) read participants the same way.
    static func confirmedInClass(_ enrolments: [Enrolment]) -> Bool { enrolments.contains(where: \.completed) }

    let request: Request

    struct Evaluation {
        let enrolment: Enrolment
        let employee: Employee
        let result: CompletionResult
    }

    static func rule(of programme: Programme) -> CompletionRule {
        CompletionRule(
            minimumAttendancePercent: programme.minAttendance, requiresAssessment: programme.requiresAssessment,
            passingScore: programme.passingScore, excusedCountsAsPresent: programme.excusedCounts)
    }

    func evaluate(_ trainingClass: TrainingClass, programme: Programme) async throws -> [Evaluation] {
        let classID = try trainingClass.requireID()
        let sessions = try await ClassSession.query(on: request.db).filter(\.$trainingClass.$id == classID).all()
        let enrolments = try await Enrolment.query(on: request.db).filter(\.$trainingClass.$id == classID)
            .filter(\.$approval == Approval.approved.rawValue).filter(\.$seat == SeatState.held.rawValue)
            .filter(\.$cancelled == false).with(\.$employee).all()
        let sessionIDs = sessions.compactMap(\.id)
        let marks = try await AttendanceRecord.query(on: request.db).filter(\.$session.$id ~~ sessionIDs).all()
        let byEnrolment = Dictionary(grouping: marks, by: { $0.$enrolment.id })
        let rule = Self.rule(of: programme)
        return enrolments.map { enrolment in
            let own = byEnrolment[enrolment.id ?? UUID()] ?? []
            let input = CompletionInput(
                sessions: sessions.count, marks: own.compactMap { AttendanceMark(rawValue: $0.mark) },
                assessmentScore: enrolment.assessmentScore)
            return Evaluation(
                enrolment: enrolment, employee: enrolment.employee,
                result: CompletionEvaluator.evaluate(input, rule: rule))
        }.sorted { $0.employee.name < $1.employee.name }
    }

    /// Confirms completion for the listed enrolments that meet the rule; returns how many
    /// were newly completed.
    func confirm(_ trainingClass: TrainingClass, programme: Programme, enrolmentIDs: Set<UUID>) async throws -> Int {
        let eligible = try await evaluate(trainingClass, programme: programme)
            .filter { $0.result.completed && enrolmentIDs.contains($0.enrolment.id ?? UUID()) }
        let sessions = try await ClassSession.query(on: request.db)
            .filter(\.$trainingClass.$id == trainingClass.requireID()).sort(\.$startsAt).all()
        guard let first = sessions.first, let last = sessions.last else { return 0 }
        // Not before the last session has opened: leave marked ahead (izin) may count as
        // attended, but a class cannot be completed before it has happened.
        guard request.now >= AttendanceTiming.opens(last) else {
            throw AppError.conflict(
                "class_not_over",
                LocalizableMessage(
                    "completion.error.tooEarly",
                    [
                        AttendanceFormat.day(last.startsAt, request.language),
                        AttendanceFormat.clock(AttendanceTiming.opens(last), request.language),
                    ]))
        }
        let start = CivilDate.today(in: CityTime.zone, now: first.startsAt)
        let end = CivilDate.today(in: CityTime.zone, now: last.endsAt)
        let days = Set(sessions.map { CivilDate.today(in: CityTime.zone, now: $0.startsAt) }).count
        let rules = try await JPRulesStore.current(year: end.year, on: request.db)
        let kind = DevelopmentForm.find(programme.formCode)?.conversionKind ?? .structured
        let credit: JPCredit
        switch JPCalculator.credit(
            kind: kind, international: programme.international, programmeJP: programme.jp, days: days, rules: rules)
        {
        case .success(let value): credit = value
        case .failure(let message): throw AppError.conflict("jp_rule", message)
        }
        let organiser = try await ProgrammeFacts.organiserName(programme, on: request.db)
        var newlyCompleted = 0
        for evaluation in eligible {
            let issued = try await complete(
                evaluation, programme: programme, credit: credit, start: start, end: end, organiser: organiser)
            if issued { newlyCompleted += 1 }
        }
        return newlyCompleted
    }

    private func complete(
        _ evaluation: Evaluation, programme: Programme, credit: JPCredit, start: CivilDate, end: CivilDate,
        organiser: String
    ) async throws -> Bool {
        try await CompletionRecorder.record(
            enrolmentID: evaluation.enrolment.requireID(), employee: evaluation.employee, programme: programme,
            credit: credit, start: start, end: end, organiser: organiser, source: "class", request: request)
    }
}

/// Writes what completion means, for a class and for an online course alike: the
/// enrolment's completed flag, the certificate and the JP credit, in one transaction and
/// exactly once, then tells the learner.
enum CompletionRecorder {
    private struct Claimed: Decodable { let id: UUID }

    /// True when this call completed the enrolment; false when it was already complete.
    static func record(
        enrolmentID: UUID, employee: Employee, programme: Programme, credit: JPCredit, start: CivilDate,
        end: CivilDate, organiser: String, source: String, request: Request
    ) async throws -> Bool {
        let now = request.now
        let issued = try await request.db.retryingTransaction { db -> Certificate? in
            let sql = try db.sql()
            // Only one transaction can flip the flag; a concurrent or repeated confirmation finds
            // nothing to claim and writes nothing.
            let claimed = try await sql.raw(
                """
                UPDATE enrolments SET completed = \(bind: true), completed_at = \(bind: now)
                WHERE id = \(bind: enrolmentID) AND completed = \(bind: false) RETURNING id
                """
            ).first(decoding: Claimed.self)
            guard claimed != nil else { return nil }
            let number = try await Counter.next("certificate-\(end.year)", on: db)
            let certificate = Certificate()
            certificate.number = String(format: "BKPPD-KPG/%d/%06d", end.year, number)
            certificate.code = CertificateCode.make()
            certificate.$enrolment.id = enrolmentID
            certificate.$employee.id = try employee.requireID()
            certificate.holderName = EmployeeImport.displayName(
                front: employee.frontTitle, name: employee.name, back: employee.backTitle)
            certificate.programmeTitle = programme.title
            certificate.formCode = programme.formCode
            certificate.jp = credit.jp
            certificate.startDate = start.iso
            certificate.endDate = end.iso
            certificate.organiser = organiser
            certificate.issuedAt = now
            try await certificate.save(on: db)
            let entry = LedgerEntry()
            entry.$employee.id = try employee.requireID()
            entry.year = end.year
            entry.jp = credit.jp
            entry.source = source
            entry.sourceID = enrolmentID
            entry.title = programme.title
            entry.formCode = programme.formCode
            entry.startDate = start.iso
            entry.endDate = end.iso
            entry.organiser = organiser
            entry.certificateNumber = certificate.number
            entry.ruleYear = credit.ruleYear
            entry.ruleVersion = credit.ruleVersion
            entry.createdAt = now
            try await entry.save(on: db)
            return certificate
        }
        guard let issued else { return false }
        if let userID = try await Notifications(request: request).account(ofEmployee: try employee.requireID()) {
            try await Notifications(request: request).send(
                to: userID, "notify.completed", [programme.title, JPFormat.jp(credit.jp)],
                link: Paths.certificate(try issued.requireID()))
        }
        // L1: the reaction survey, outside the completion's transaction.
        await SurveyInviter.afterCompletion(
            enrolmentID: enrolmentID, employeeID: try employee.requireID(), programme: programme, request: request)
        await ActionPlanNotices.afterCompletion(
            enrolmentID: enrolmentID, employeeID: try employee.requireID(), programme: programme, request: request)
        return true
    }
}

/// Unguessable, readable verification codes (no 0/O, 1/I) for certificate URLs.
enum CertificateCode {
    static func make() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<12).map { _ in alphabet.randomElement()! })
    }
}

enum JPFormat {
    /// "20" or "7,5" in Indonesian; JP are shown without needless decimals.
    static func jp(_ value: Double, language: Language = .id) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        let text = String(format: "%.1f", rounded)
        return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

enum ProgrammeFacts {
    static func organiserName(_ programme: Programme, on db: any Database) async throws -> String {
        if !programme.organiserName.isEmpty { return programme.organiserName }
        if let agencyID = programme.$organiserAgency.id, let agency = try await Agency.find(agencyID, on: db) {
            return agency.name
        }
        return "BKPPD Kota Kupang"
    }
}
