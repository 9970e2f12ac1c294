import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// What an employee types about learning done outside Lontar (multipart form).
struct ExternalLearningInput: Content {
    var title: String?
    var organiser: String?
    var form_code: String?
    var start_date: String?
    var end_date: String?
    var jp: String?
    var certificate_number: String?
    var certificate: File?
}

/// A submission that passed every check, ready to be stored.
struct ExternalLearningDraft {
    let title: String
    let organiser: String
    let formCode: String
    let start: CivilDate
    let end: CivilDate
    let jp: Double
    let certificateNumber: String
    let kind: CertificateFile.Kind
    let fileName: String
}

enum ExternalLearningService {
    /// The ceiling of one activity: 200 JP is about five weeks of full-time training,
    /// more than any single certificate outside a degree (which is not pelatihan).
    static let maxJP = 200.0

    enum Status: String {
        case submitted, verified, rejected
    }

    /// Every problem with the input, each with the field it belongs to; a draft only when
    /// there is none.
    /// Everything wrong with a submission, each message with the field it is about.
    struct Problems: Error {
        let items: [(field: String, message: LocalizableMessage)]
    }

    static func validate(_ input: ExternalLearningInput, today: CivilDate) -> Result<ExternalLearningDraft, Problems> {
        var problems: [(field: String, message: LocalizableMessage)] = []
        func text(_ value: String?, field: String, required: String, max: Int) -> String {
            let value = (value ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if value.isEmpty { problems.append((field, LocalizableMessage(required))) }
            if value.count > max {
                problems.append((field, LocalizableMessage("jp.external.tooLong", [String(max), String(value.count)])))
            }
            return value
        }
        let title = text(input.title, field: "title", required: "jp.external.titleRequired", max: 200)
        let organiser = text(input.organiser, field: "organiser", required: "jp.external.organiserRequired", max: 200)
        let number = text(
            input.certificate_number, field: "certificate_number", required: "jp.external.numberRequired", max: 100)
        let form = DevelopmentForm.find(input.form_code ?? "")
        if form == nil { problems.append(("form_code", LocalizableMessage("jp.external.formUnknown"))) }
        let start = CivilDate(iso: (input.start_date ?? "").trimmingCharacters(in: .whitespaces))
        let end = CivilDate(iso: (input.end_date ?? "").trimmingCharacters(in: .whitespaces))
        if start == nil { problems.append(("start_date", LocalizableMessage("jp.external.startInvalid"))) }
        if end == nil { problems.append(("end_date", LocalizableMessage("jp.external.endInvalid"))) }
        if let start, let end, end < start {
            problems.append(("end_date", LocalizableMessage("jp.external.endBeforeStart")))
        }
        if let end, today < end {
            problems.append(("end_date", LocalizableMessage("jp.external.future", [today.iso])))
        }
        if let end, end.year < 2000 {
            problems.append(("end_date", LocalizableMessage("jp.external.endInvalid")))
        }
        // People type "7,5" (the Indonesian decimal comma) as often as "7.5".
        let typed = (input.jp ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let jp = Double(typed).map { ($0 * 10).rounded() / 10 }
        if jp == nil || !(jp!.isFinite) || jp! <= 0 || jp! > maxJP {
            problems.append(("jp", LocalizableMessage("jp.external.jpInvalid", [JPFormat.jp(maxJP)])))
        }
        var kind: CertificateFile.Kind?
        if let file = input.certificate, file.data.readableBytes > 0 {
            switch CertificateFile.check(file.data.readableBytesView) {
            case .success(let found): kind = found
            case .failure(let message): problems.append(("certificate", message))
            }
        } else {
            problems.append(("certificate", LocalizableMessage("jp.external.fileRequired")))
        }
        guard problems.isEmpty, let form, let start, let end, let jp, let kind, let file = input.certificate else {
            return .failure(Problems(items: problems))
        }
        return .success(
            ExternalLearningDraft(
                title: title, organiser: organiser, formCode: form.code, start: start, end: end, jp: jp,
                certificateNumber: number, kind: kind,
                fileName: CertificateFile.displayName(file.filename, kind: kind)))
    }

    /// Stores the file, then the record; a failed insert takes the file away again.
    static func submit(
        _ draft: ExternalLearningDraft, data: ByteBuffer, employeeID: UUID, request req: Request
    ) async throws {
        let stored = try await CertificateFile.store(data, kind: draft.kind, request: req)
        let record = ExternalLearning()
        record.$employee.id = employeeID
        record.title = draft.title
        record.organiser = draft.organiser
        record.formCode = draft.formCode
        record.startDate = draft.start.iso
        record.endDate = draft.end.iso
        record.jp = draft.jp
        record.certificateNumber = draft.certificateNumber
        record.fileName = draft.fileName
        record.fileType = draft.kind.rawValue
        record.filePath = stored
        record.status = Status.submitted.rawValue
        record.createdAt = req.now
        do {
            try await record.save(on: req.db)
        } catch {
            CertificateFile.remove(stored, app: req.application)
            throw error
        }
    }

    private struct Claimed: Decodable { let id: UUID }

    /// The ledger line of a verified submission, under the rules in force for its year.
    static func credit(_ record: ExternalLearning, year: Int, now: Date, on db: any Database) async throws {
        let rules = try await JPRulesStore.current(year: year, on: db)
        let entry = LedgerEntry()
        entry.$employee.id = record.$employee.id
        entry.year = year
        entry.jp = record.jp
        entry.source = "external"
        entry.sourceID = try record.requireID()
        entry.title = record.title
        entry.formCode = record.formCode
        entry.startDate = record.startDate
        entry.endDate = record.endDate
        entry.organiser = record.organiser
        entry.certificateNumber = record.certificateNumber
        entry.ruleYear = rules.year
        entry.ruleVersion = rules.version
        entry.createdAt = now
        try await entry.save(on: db)
    }

    /// Verifies a pending submission and credits it, in one transaction. Only one
    /// transaction can move it out of "submitted", so a second click (or a second
    /// operator at the same moment) credits nothing more.
    static func verify(_ record: ExternalLearning, by principal: Principal, request req: Request) async throws {
        let id = try record.requireID()
        let employeeID = record.$employee.id
        let end = CivilDate(iso: record.endDate) ?? CityTime.today(req.clock)
        let account = try await Notifications(request: req).account(ofEmployee: employeeID)
        let now = req.now
        try await req.db.retryingTransaction { db in
            try await claim(id, status: .verified, reason: nil, by: principal.userID, on: db)
            try await credit(record, year: end.year, now: now, on: db)
            if let account {
                try await Notifications(request: req).send(
                    to: account, "notify.external.verified", [record.title, JPFormat.jp(record.jp)],
                    link: Paths.learningHours, on: db)
            }
        }
    }

    static func reject(
        _ record: ExternalLearning, reason: String, by principal: Principal, request req: Request
    ) async throws {
        let id = try record.requireID()
        let account = try await Notifications(request: req).account(ofEmployee: record.$employee.id)
        try await req.db.retryingTransaction { db in
            try await claim(id, status: .rejected, reason: reason, by: principal.userID, on: db)
            if let account {
                try await Notifications(request: req).send(
                    to: account, "notify.external.rejected", [record.title, reason], link: Paths.externalLearning,
                    on: db)
            }
        }
    }

    private static func claim(
        _ id: UUID, status: Status, reason: String?, by userID: UUID, on db: any Database
    ) async throws {
        let sql = try db.sql()
        let claimed = try await sql.raw(
            """
            UPDATE external_learning SET status = \(bind: status.rawValue), reason = \(bind: reason),
                   decided_by = \(bind: userID)
            WHERE id = \(bind: id) AND status = \(bind: Status.submitted.rawValue) RETURNING id
            """
        ).first(decoding: Claimed.self)
        guard claimed != nil else {
            throw AppError.conflict("already_decided", LocalizableMessage("jp.external.alreadyDecided"))
        }
    }
}
