import Foundation
import LontarCore
import Vapor

extension Paths {
    static let notificationsRead = "/notifikasi/dibaca"
}

/// Registers routes from the same `Paths` functions that build links: the marker UUID
/// stands for the parameter, so a link and its route cannot drift apart.
enum CatalogueRouting {
    /// The parameter every `/kelas/…` route uses: the router refuses two names at one position.
    static let classParameter = "classID"

    static func pattern(_ path: String) -> [PathComponent] { path.pathComponents }

    static func pattern(_ make: (UUID) -> String, parameter: String = "id") -> [PathComponent] {
        TrainingRoutePattern.one(make, parameter)
    }

    /// The class routes' `:classID`.
    static func classPattern(_ make: (UUID) -> String) -> [PathComponent] {
        pattern(make, parameter: classParameter)
    }

    /// The path's id parameter, or 404 when it is not a UUID.
    static func id(_ req: Request, parameter: String = "id") throws -> UUID {
        guard let id = req.parameters.get(parameter).flatMap(UUID.init(uuidString:)) else {
            throw AppError.notFound()
        }
        return id
    }

    static func classID(_ req: Request) throws -> UUID { try id(req, parameter: classParameter) }

    /// A redirect target from a form, accepted only when it stays on this site.
    static func localPath(_ raw: String?, fallback: String) -> String {
        let safe = AuthController.safeNext(raw)
        return safe == Paths.home && raw != Paths.home ? fallback : safe
    }
}

/// What a form found wrong: messages for the summary, and which fields to mark.
struct FormErrors {
    private(set) var messages: [String] = []
    private(set) var fields: [String: Bool] = [:]

    var isEmpty: Bool { messages.isEmpty }

    mutating func add(_ field: String, _ text: String) {
        messages.append(text)
        fields[field] = true
    }
}

/// Labels shared by the catalogue, programme and class pages.
enum TrainingLabels {
    static let programmeStatuses = ["draft", "published", "archived"]
    static let classStatuses = ["planned", "open", "running", "finished", "cancelled"]

    /// A finished or cancelled class: it takes no one and changes no seat any more.
    static func isOver(_ classStatus: String) -> Bool { classStatus == "finished" || classStatus == "cancelled" }
    static let competencyKinds = ["teknis", "manajerial", "sosial_kultural"]
    static let organiserKinds = ["bkppd", "opd", "bpsdmd", "partner"]
    /// PermenPANRB 38/2017: the managerial competencies and the socio-cultural one.
    static let standardCompetencies = [
        "Integritas", "Kerja Sama", "Komunikasi", "Orientasi pada Hasil", "Pelayanan Publik",
        "Pengembangan Diri dan Orang Lain", "Mengelola Perubahan", "Pengambilan Keputusan", "Perekat Bangsa",
    ]

    static func form(_ code: String, _ req: Request) -> String {
        guard let form = DevelopmentForm.find(code) else { return code.isEmpty ? "—" : code }
        return "\(form.code) — " + (req.language == .en ? form.englishName : form.name)
    }

    static func organiser(_ programme: Programme, agencyName: String?, _ req: Request) -> String {
        switch programme.organiserKind {
        case "opd": return agencyName ?? programme.organiserName
        case "bkppd": return req.t("catalogue.organiser.bkppd.name")
        default:
            return programme.organiserName.isEmpty
                ? req.t("catalogue.organiser.\(programme.organiserKind)") : programme.organiserName
        }
    }

    /// JP as people read it: "7,5" in Indonesian, "7.5" in English.
    static func jp(_ value: Double, _ req: Request) -> String {
        let text = TextInput.decimal(value)
        return req.language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func statusTag(_ status: String) -> String {
        switch status {
        case "published", "open", "confirmed", "running": ""
        case "cancelled", "declined": "danger"
        default: "muted"
        }
    }
}

/// Times as Kupang reads them: WITA, whatever the server's zone.
enum TrainingTime {
    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CityTime.zone
        return calendar
    }

    /// "09:00" in WITA, for form fields and the API; pages show `AttendanceFormat.clock`.
    static func clock(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    static func day(_ date: Date, _ req: Request) -> String {
        CityTime.longDate(CivilDate.today(in: CityTime.zone, now: date), language: req.language)
    }

    /// "30 November 2026, 09.00–12.00 WITA" (in English "09:00–12:00").
    static func session(_ start: Date, _ end: Date, _ req: Request) -> String {
        req.t(
            "catalogue.time.session", day(start, req), AttendanceFormat.clock(start, req.language),
            AttendanceFormat.clock(end, req.language))
    }

    /// "30 November – 2 Desember 2026" style: the first and last day of a class.
    static func span(_ first: Date?, _ last: Date?, _ req: Request) -> String {
        guard let first else { return req.t("catalogue.class.noSessions") }
        let start = CivilDate.today(in: CityTime.zone, now: first)
        let end = last.map { CivilDate.today(in: CityTime.zone, now: $0) } ?? start
        return CityTime.dayRange(start, end, language: req.language)
    }

    /// "2026-11-30" and "09:00" for form fields, in WITA.
    static func dateField(_ date: Date) -> String { CivilDate.today(in: CityTime.zone, now: date).iso }

    static func dateTimeField(_ date: Date?) -> String {
        guard let date else { return "" }
        return dateField(date) + "T" + clock(date)
    }

    /// A WITA wall-clock date and time from form fields; nil when either does not parse.
    static func parse(date: String, time: String) -> Date? {
        guard let civil = CivilDate(iso: date.trimmingCharacters(in: .whitespaces)) else { return nil }
        let parts = time.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return calendar.date(
            from: DateComponents(year: civil.year, month: civil.month, day: civil.day, hour: hour, minute: minute))
    }

    /// A `datetime-local` value ("2026-11-30T09:00") read as WITA.
    static func parse(dateTime: String) -> Date? {
        let parts = dateTime.trimmingCharacters(in: .whitespaces).split(separator: "T")
        guard parts.count == 2 else { return nil }
        return parse(date: String(parts[0]), time: String(parts[1]))
    }

    /// The first and next month's first instant in WITA for "2026-11".
    static func month(_ text: String) -> (start: Date, end: Date)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (2000...2100).contains(year),
            (1...12).contains(month),
            let start = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
            let end = calendar.date(byAdding: .month, value: 1, to: start)
        else { return nil }
        return (start, end)
    }
}

enum TextInput {
    static func trimmed(_ text: String?) -> String {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Line endings as one "\n", trailing spaces gone: long texts as people typed them.
    static func paragraphs(_ text: String?) -> String {
        trimmed(text).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Only http and https links: a `javascript:` link in a class page would run in the reader's session.
    static func isWebLink(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }

    /// "24", "7,5" or "7.5" as a number; people in Indonesia write a decimal comma.
    static func number(_ text: String) -> Double? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    static func decimal(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }
}
