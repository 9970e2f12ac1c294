import Foundation
import LontarCore

/// The time source, swapped in tests so that rules that depend on "now" can be checked.
public protocol LontarClock: Sendable {
    func now() -> Date
}

public struct SystemClock: LontarClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// Kota Kupang keeps WITA (UTC+8): stored times are UTC, shown times are WITA.
public enum CityTime {
    public static let zone = TimeZone(identifier: "Asia/Makassar")!

    static func today(_ clock: any LontarClock) -> CivilDate {
        CivilDate.today(in: zone, now: clock.now())
    }

    /// "30 Juli 1997" / "30 July 1997": how dates are written on Indonesian documents.
    static func longDate(_ date: CivilDate, language: Language) -> String {
        written(date, pattern: "d MMMM yyyy", language: language)
    }

    /// "20–21 Desember 2026", "30 November – 2 Desember 2026", "30 Desember 2026 – 2 Januari
    /// 2027": a span of days, naming a month or year once when both ends share it.
    static func dayRange(_ first: CivilDate, _ last: CivilDate, language: Language) -> String {
        guard first != last else { return longDate(first, language: language) }
        let end = longDate(last, language: language)
        if first.year != last.year { return "\(longDate(first, language: language)) – \(end)" }
        if first.month != last.month { return "\(written(first, pattern: "d MMMM", language: language)) – \(end)" }
        return "\(first.day)–\(end)"
    }

    private static func written(_ date: CivilDate, pattern: String, language: Language) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .id ? "id_ID" : "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        var components = DateComponents()
        (components.year, components.month, components.day) = (date.year, date.month, date.day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let value = calendar.date(from: components) else { return date.iso }
        return formatter.string(from: value)
    }

    /// "17 Desember 2026, 08.00 WITA" / "17 December 2026, 08:00 WITA": a moment as a sentence
    /// says it (tables keep the compact `format`).
    static func moment(_ date: Date, language: Language) -> String {
        "\(longDate(CivilDate.today(in: zone, now: date), language: language)), \(clock(date, language: language)) WITA"
    }

    /// "09.00" in Indonesian (the dot is the Indonesian time separator), "09:00" in English, in WITA.
    static func clock(_ date: Date, language: Language) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = language == .id ? "HH.mm" : "HH:mm"
        return formatter.string(from: date)
    }

    static func format(_ date: Date, withTime: Bool = true) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = withTime ? "dd-MM-yyyy HH:mm 'WITA'" : "dd-MM-yyyy"
        return formatter.string(from: date)
    }
}
