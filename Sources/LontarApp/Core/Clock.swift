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

    static func format(_ date: Date, withTime: Bool = true) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = withTime ? "dd-MM-yyyy HH:mm 'WITA'" : "dd-MM-yyyy"
        return formatter.string(from: date)
    }
}
