import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// A class that the signed-in person runs (programme manager or facilitator), loaded once
/// per request with its programme; anyone else gets 403.
struct RunnableClass {
    let trainingClass: TrainingClass
    let programme: Programme
    let principal: Principal
    let classID: UUID

    var title: String { "\(programme.title) — \(trainingClass.name)" }

    static func load(_ req: Request) async throws -> RunnableClass {
        let principal = try req.requirePrincipal()
        guard let classID = req.parameters.get("classID", as: UUID.self),
            let trainingClass = try await TrainingClass.query(on: req.db).filter(\.$id == classID)
                .with(\.$programme).first()
        else { throw AppError.notFound() }
        let programme = trainingClass.programme
        guard try await TrainingAccess.canRunClass(trainingClass, programme: programme, principal, on: req.db) else {
            throw AppError.forbidden()
        }
        return RunnableClass(trainingClass: trainingClass, programme: programme, principal: principal, classID: classID)
    }

    func session(_ req: Request) async throws -> ClassSession {
        guard let id = req.parameters.get("sessionID", as: UUID.self),
            let session = try await ClassSession.find(id, on: req.db), session.$trainingClass.id == classID
        else { throw AppError.notFound() }
        return session
    }

    func sessions(on db: any Database) async throws -> [ClassSession] {
        try await ClassSession.query(on: db).filter(\.$trainingClass.$id == classID).sort(\.$startsAt).all()
    }

    /// Confirmed participants (approved, holding a seat, not cancelled), by name.
    func participants(on db: any Database) async throws -> [Enrolment] {
        try await Enrolment.query(on: db).filter(\.$trainingClass.$id == classID)
            .filter(\.$approval == Approval.approved.rawValue).filter(\.$seat == SeatState.held.rawValue)
            .filter(\.$cancelled == false).with(\.$employee).all()
            .sorted { $0.employee.name.localizedCaseInsensitiveCompare($1.employee.name) == .orderedAscending }
    }

    /// OPD codes by agency, for telling namesakes apart on the roll.
    static func agencyCodes(of enrolments: [Enrolment], on db: any Database) async throws -> [UUID: String] {
        let ids = Array(Set(enrolments.map { $0.employee.$agency.id }))
        guard !ids.isEmpty else { return [:] }
        let agencies = try await Agency.query(on: db).filter(\.$id ~~ ids).all()
        return Dictionary(uniqueKeysWithValues: agencies.compactMap { agency in agency.id.map { ($0, agency.code) } })
    }
}

/// When a mark may be written: before a session opens (as self check-in does, 15 minutes
/// ahead) only leave (izin) can be known; being there, or not, cannot. Page and API alike.
enum AttendanceTiming {
    static func opens(_ session: ClassSession) -> Date { session.startsAt.addingTimeInterval(-CheckIn.graceBefore) }

    static func tooEarly(_ mark: AttendanceMark, _ session: ClassSession, now: Date) -> Bool {
        mark != .excused && now < opens(session)
    }

    /// "Attendance can be taken from <day> at <time> WITA", for the refusal.
    static func refusal(_ session: ClassSession, _ language: Language) -> LocalizableMessage {
        LocalizableMessage(
            "attendance.error.notStarted",
            [AttendanceFormat.day(session.startsAt, language), AttendanceFormat.clock(opens(session), language)])
    }
}

/// Writes attendance marks with one portable upsert (`ON CONFLICT … DO UPDATE`, in both
/// SQLite and PostgreSQL), so a facilitator's save and a participant's self check-in that
/// race each other both land instead of one failing on the unique (session, enrolment) key.
enum AttendanceWriter {
    struct Mark {
        let enrolmentID: UUID
        let mark: AttendanceMark
    }

    static func upsert(
        _ marks: [Mark], session sessionID: UUID, via: String, by userID: UUID?, at now: Date, on db: any Database
    ) async throws {
        guard !marks.isEmpty else { return }
        let sql = try db.sql()
        let insert = sql.insert(into: AttendanceRecord.schema)
            .columns("id", "session_id", "enrolment_id", "mark", "via", "marked_by", "marked_at")
        for mark in marks {
            insert.values(
                SQLBind(UUID()), SQLBind(sessionID), SQLBind(mark.enrolmentID), SQLBind(mark.mark.rawValue),
                SQLBind(via), SQLBind(userID), SQLBind(now))
        }
        try await insert.onConflict(with: ["session_id", "enrolment_id"]) { update in
            update.set(excludedValueOf: "mark").set(excludedValueOf: "via").set(excludedValueOf: "marked_by")
                .set(excludedValueOf: "marked_at")
        }.run()
    }
}

/// Dates and numbers as people in Kupang read them: WITA, Indonesian or English.
enum AttendanceFormat {
    private static func formatter(_ pattern: String, _ language: Language) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .id ? "id_ID" : "en_GB")
        formatter.timeZone = CityTime.zone
        formatter.dateFormat = pattern
        return formatter
    }

    static func clock(_ date: Date, _ language: Language) -> String { CityTime.clock(date, language: language) }

    static func clockSeconds(_ date: Date, _ language: Language) -> String {
        formatter(language == .id ? "HH.mm.ss" : "HH:mm:ss", language).string(from: date)
    }

    /// "Rabu, 2 Desember 2026".
    static func day(_ date: Date, _ language: Language) -> String {
        formatter(language == .id ? "EEEE, d MMMM yyyy" : "EEEE d MMMM yyyy", language).string(from: date)
    }

    /// "Rabu, 2 Desember 2026, 09.00–12.00 WITA".
    static func session(_ start: Date, _ end: Date, _ language: Language) -> String {
        "\(day(start, language)), \(clock(start, language))–\(clock(end, language)) WITA"
    }

    /// One decimal, rounded down so a shortfall never reads as the threshold (79.9, not 80).
    static func percent(_ value: Double, _ language: Language) -> String {
        let tenths = (value * 10 + 1e-9).rounded(.down) / 10
        if tenths == tenths.rounded() { return "\(Int(tenths))%" }
        let text = String(format: "%.1f", tenths)
        return (language == .id ? text.replacingOccurrences(of: ".", with: ",") : text) + "%"
    }

    /// "85", "85,5" / "85.5" for scores; people type either separator.
    static func score(_ value: Double?, _ language: Language) -> String {
        guard let value else { return "" }
        return JPFormat.jp(value, language: language)
    }

    static func parseScore(_ text: String) -> Double? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }
}

/// Absolute addresses for things that leave the site: a certificate's printed verification
/// URL, a calendar subscription. Built from the request's host because Lontar has no
/// configured public address; behind a trusted proxy the forwarded scheme is used.
enum PublicAddress {
    static func absolute(_ req: Request, _ path: String) -> String {
        if let base = req.application.settings.publicURL { return base + path }
        let host = req.headers.first(name: .host) ?? "localhost"
        var scheme = req.application.settings.secureCookies ? "https" : "http"
        if req.application.settings.trustForwardedFor, let forwarded = req.headers.first(name: "X-Forwarded-Proto") {
            scheme = forwarded.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? scheme
        }
        return "\(scheme)://\(host)\(path)"
    }
}
