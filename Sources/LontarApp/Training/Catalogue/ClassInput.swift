import Fluent
import LontarCore
import Vapor

/// The class form as posted, all text so a wrong value comes back to the form.
struct ClassInput: Content {
    struct SessionInput: Content {
        var id: String?
        var date: String?
        var start: String?
        var end: String?
        var topic: String?
        var place: String?
        var onlineURL: String?

        var isBlank: Bool {
            [date, start, end, topic, place, onlineURL].allSatisfy { TextInput.trimmed($0).isEmpty }
        }
    }

    var name: String?
    var capacity: String?
    var registrationOpens: String?
    var registrationCloses: String?
    var cancelCutoffHours: String?
    var status: String?
    var place: String?
    var onlineURL: String?
    /// Usernames ticked among the accounts with the facilitator role.
    var facilitators: [String]?
    /// Any other account, by NIP or username, one per line.
    var otherFacilitators: String?
    /// Rows keyed "0", "1", …: a fixed number of rows so the form works without JavaScript.
    var sessions: [String: SessionInput]?

    var orderedSessions: [SessionInput] {
        (sessions ?? [:]).compactMap { key, row in Int(key).map { ($0, row) } }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// A class's values after every check passed.
struct ClassValues {
    struct Session {
        /// The stored session this row edits; nil for a new one.
        var id: UUID?
        var startsAt: Date
        var endsAt: Date
        var topic: String
        var place: String
        var onlineURL: String
    }
    var name = ""
    var capacity = 0
    var opens: Date?
    var closes: Date?
    var cutoffHours = 0
    var status = "planned"
    var place = ""
    var onlineURL = ""
    var facilitatorIDs: [UUID] = []
    var sessions: [Session] = []
}

/// Checks a posted class; every problem names its field (or its session row).
struct ClassValidator {
    static let maxCapacity = 10_000
    let req: Request
    /// Sessions the class has now: only their ids may be edited through the form.
    let existingSessionIDs: Set<UUID>

    func validate(_ input: ClassInput) async throws -> (ClassValues?, FormErrors, invalidRows: Set<Int>) {
        var errors = FormErrors()
        var values = ClassValues()
        values.name = TextInput.trimmed(input.name)
        if values.name.isEmpty { add(&errors, "name", req.t("catalogue.error.required")) }
        if values.name.count > 200 { add(&errors, "name", req.t("catalogue.error.tooLong", "200")) }
        let capacityText = TextInput.trimmed(input.capacity)
        if let capacity = Int(capacityText), (1...Self.maxCapacity).contains(capacity) {
            values.capacity = capacity
        } else {
            add(&errors, "capacity", req.t("catalogue.error.capacity", capacityText, String(Self.maxCapacity)))
        }
        let cutoffText = TextInput.trimmed(input.cancelCutoffHours)
        if let cutoff = Int(cutoffText.isEmpty ? "0" : cutoffText), (0...720).contains(cutoff) {
            values.cutoffHours = cutoff
        } else {
            add(&errors, "cancelCutoffHours", req.t("catalogue.error.cutoff", cutoffText))
        }
        values.status = TextInput.trimmed(input.status)
        if !TrainingLabels.classStatuses.contains(values.status) {
            add(&errors, "status", req.t("catalogue.error.choose"))
        }
        values.place = TextInput.trimmed(input.place)
        if values.place.count > 200 { add(&errors, "place", req.t("catalogue.error.tooLong", "200")) }
        values.onlineURL = TextInput.trimmed(input.onlineURL)
        if !values.onlineURL.isEmpty && !TextInput.isWebLink(values.onlineURL) {
            add(&errors, "onlineURL", req.t("catalogue.error.url"))
        }
        window(input, &values, &errors)
        let invalidRows = sessions(input, &values, &errors)
        values.facilitatorIDs = try await facilitators(input, &errors)
        return (errors.isEmpty ? values : nil, errors, invalidRows)
    }

    private func window(_ input: ClassInput, _ values: inout ClassValues, _ errors: inout FormErrors) {
        for (field, raw) in [
            ("registrationOpens", input.registrationOpens), ("registrationCloses", input.registrationCloses),
        ] {
            let text = TextInput.trimmed(raw)
            guard !text.isEmpty else { continue }
            guard let date = TrainingTime.parse(dateTime: text) else {
                add(&errors, field, req.t("catalogue.error.dateTime"))
                continue
            }
            if field == "registrationOpens" { values.opens = date } else { values.closes = date }
        }
        if let opens = values.opens, let closes = values.closes, closes <= opens {
            add(&errors, "registrationCloses", req.t("catalogue.error.window"))
        }
    }

    /// Reads the session rows; returns the numbers of the rows that are wrong.
    private func sessions(_ input: ClassInput, _ values: inout ClassValues, _ errors: inout FormErrors) -> Set<Int> {
        var invalid = Set<Int>()
        for (index, row) in input.orderedSessions.enumerated() where !row.isBlank {
            let number = String(index + 1)
            func fail(_ key: String, _ args: String...) {
                invalid.insert(index)
                errors.add("sessions", req.application.catalogue.text(key, [number] + args, language: req.language))
            }
            guard let day = CivilDate(iso: TextInput.trimmed(row.date)) else {
                fail("catalogue.error.sessionDate")
                continue
            }
            guard let start = TrainingTime.parse(date: day.iso, time: row.start ?? ""),
                let end = TrainingTime.parse(date: day.iso, time: row.end ?? "")
            else {
                fail("catalogue.error.sessionTime")
                continue
            }
            guard end > start else {
                fail(
                    "catalogue.error.sessionOrder", AttendanceFormat.clock(start, req.language),
                    AttendanceFormat.clock(end, req.language))
                continue
            }
            let link = TextInput.trimmed(row.onlineURL)
            if !link.isEmpty && !TextInput.isWebLink(link) {
                fail("catalogue.error.sessionURL")
                continue
            }
            let topic = TextInput.trimmed(row.topic)
            let place = TextInput.trimmed(row.place)
            if topic.count > 200 || place.count > 200 {
                fail("catalogue.error.sessionLong", "200")
                continue
            }
            let id = row.id.flatMap(UUID.init(uuidString:)).flatMap { existingSessionIDs.contains($0) ? $0 : nil }
            values.sessions.append(
                .init(id: id, startsAt: start, endsAt: end, topic: topic, place: place, onlineURL: link))
        }
        if values.sessions.isEmpty && invalid.isEmpty {
            add(&errors, "sessions", req.t("catalogue.error.noSessions"))
        }
        values.sessions.sort { $0.startsAt < $1.startsAt }
        return invalid
    }

    /// Ticked facilitator accounts plus any account named by NIP or username.
    private func facilitators(_ input: ClassInput, _ errors: inout FormErrors) async throws -> [UUID] {
        var ids: [UUID] = []
        let ticked = (input.facilitators ?? []).map { $0.lowercased() }
        if !ticked.isEmpty {
            ids += try await UserAccount.query(on: req.db).filter(\.$username ~~ ticked).filter(\.$active == true)
                .all().compactMap(\.id)
        }
        let names = TextInput.trimmed(input.otherFacilitators).split { $0.isNewline || $0 == "," || $0 == ";" }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for name in names.prefix(50) {
            if let account = try await Self.account(named: name, on: req.db) {
                ids.append(try account.requireID())
            } else {
                add(&errors, "otherFacilitators", req.t("catalogue.error.facilitator", name))
            }
        }
        var seen = Set<UUID>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// An active account by username, or the account of the employee with this NIP.
    static func account(named name: String, on db: any Database) async throws -> UserAccount? {
        let nip = NIP.normalized(name)
        if nip.count == 18, nip.allSatisfy(\.isASCIIDigit),
            let employee = try await Employee.query(on: db).filter(\.$nip == nip).filter(\.$active == true).first()
        {
            return try await UserAccount.query(on: db).filter(\.$employee.$id == employee.requireID())
                .filter(\.$active == true).first()
        }
        return try await UserAccount.query(on: db).filter(\.$username == name.lowercased()).filter(\.$active == true)
            .first()
    }

    private func add(_ errors: inout FormErrors, _ field: String, _ message: String) {
        errors.add(field, req.t("catalogue.error.field", req.t("catalogue.field.\(field)"), message))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
