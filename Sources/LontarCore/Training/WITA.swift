import Foundation

/// Kota Kupang's wall clock: WITA, Asia/Makassar, UTC+8. Times are stored in UTC and
/// shown in WITA (DESIGN.md §2). The zone has had no daylight saving and no offset
/// change since 1945, so the fixed offset is the fallback should a system lack tzdata.
enum WITA {
    static let identifier = "Asia/Makassar"
    static let name = "WITA"
    static let timeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 8 * 3600)!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// "08:45", the wall-clock time in Kupang.
    static func clockTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return zeroPadded(parts.hour ?? 0, 2) + ":" + zeroPadded(parts.minute ?? 0, 2)
    }
}
