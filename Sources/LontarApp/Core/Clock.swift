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
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .id ? "id_ID" : "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        var components = DateComponents()
        (components.year, components.month, components.day) = (date.year, date.month, date.day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let value = calendar.date(from: components) else { return date.iso }
        return formatter.string(from: value)
    }

    static func format(_ date: Date, withTime: Bool = true) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = withTime ? "dd-MM-yyyy HH:mm 'WITA'" : "dd-MM-yyyy"
        return formatter.string(from: date)
    }
}
