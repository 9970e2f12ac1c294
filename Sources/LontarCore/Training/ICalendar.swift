import Foundation

/// One session as a calendar event.
public struct CalendarEvent: Sendable, Equatable {
    /// Globally unique and stable across feeds and edits (e.g. "sesi-42@lontar.kupangkota.go.id"),
    /// so a phone updates the event instead of adding a copy.
    public var uid: String
    public var start: Date
    public var end: Date
    public var summary: String
    public var description: String?
    public var location: String?
    public var url: String?
    /// A cancelled session stays in the feed with STATUS:CANCELLED, so subscribed
    /// calendars remove or strike it instead of keeping a stale entry.
    public var cancelled: Bool
    /// Raised by the caller on every significant change (RFC 5545 §3.8.7.4).
    public var sequence: Int
    public var lastModified: Date?

    public init(
        uid: String, start: Date, end: Date, summary: String, description: String? = nil, location: String? = nil,
        url: String? = nil, cancelled: Bool = false, sequence: Int = 0, lastModified: Date? = nil
    ) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.cancelled = cancelled
        self.sequence = sequence
        self.lastModified = lastModified
    }
}

/// Writes iCalendar (RFC 5545) feeds that phone calendars subscribe to. Times are
/// written as local WITA times with a TZID, so a session at 09:00 in Kupang shows at
/// 09:00 for people in Kupang whatever their phone's settings; stamps are in UTC.
public enum ICalendar {
    public static let productID = "-//Lontar//Kota Kupang//ID"

    public static func document(name: String, events: [CalendarEvent], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escaped(name))", "X-WR-TIMEZONE:\(WITA.identifier)",
        ]
        lines += timeZoneLines
        for event in events { lines += eventLines(event, stamp: stamp) }
        lines.append("END:VCALENDAR")
        return lines.map(folded).map { $0 + "\r\n" }.joined()
    }

    /// Asia/Makassar has been UTC+8 without daylight saving since 1945, so one
    /// STANDARD component describes every date a class can have.
    static let timeZoneLines = [
        "BEGIN:VTIMEZONE", "TZID:\(WITA.identifier)", "BEGIN:STANDARD", "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:\(WITA.name)", "END:STANDARD", "END:VTIMEZONE",
    ]

    static func eventLines(_ event: CalendarEvent, stamp: Date) -> [String] {
        // DTEND must not precede DTSTART (§3.6.1); one bad session must not make a
        // calendar app reject the whole feed, so it is written with no duration.
        let end = max(event.start, event.end)
        var lines = [
            "BEGIN:VEVENT", "UID:\(escaped(event.uid))", "DTSTAMP:\(utc(stamp))",
            "DTSTART;TZID=\(WITA.identifier):\(local(event.start))", "DTEND;TZID=\(WITA.identifier):\(local(end))",
            "SUMMARY:\(escaped(event.summary))",
        ]
        if let description = event.description { lines.append("DESCRIPTION:\(escaped(description))") }
        if let location = event.location { lines.append("LOCATION:\(escaped(location))") }
        // URI values are not TEXT and take no escaping (§3.3.13); line breaks are
        // dropped so a URL can never inject properties.
        if let url = event.url { lines.append("URL:\(url.filter { !$0.isNewline })") }
        if let lastModified = event.lastModified { lines.append("LAST-MODIFIED:\(utc(lastModified))") }
        lines += ["SEQUENCE:\(max(0, event.sequence))", "STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")"]
        lines.append("END:VEVENT")
        return lines
    }

    /// TEXT escaping (§3.3.11): backslash, `;`, `,` and every kind of line break.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r": result += "\\n"
            // Other control characters are not allowed in TEXT at all; tab is.
            case "\u{0}"..."\u{8}", "\u{A}"..."\u{1F}", "\u{7F}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Folds a content line so no physical line exceeds 75 octets (§3.1); continuation
    /// lines start with a space, which counts toward their 75. Breaks fall only between
    /// Unicode scalars, so a multi-byte UTF-8 character is never split.
    static func folded(_ line: String) -> String {
        let limit = 75
        var result = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > limit {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += width
        }
        return result
    }

    /// "20250312T010000Z".
    static func utc(_ date: Date) -> String { stampText(date, calendar: WITA.utcCalendar) + "Z" }

    /// "20250312T090000", the wall-clock time in Kupang, written with TZID=Asia/Makassar.
    static func local(_ date: Date) -> String { stampText(date, calendar: WITA.calendar) }

    private static func stampText(_ date: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let datePart = zeroPadded(parts.year ?? 0, 4) + zeroPadded(parts.month ?? 0, 2) + zeroPadded(parts.day ?? 0, 2)
        let timePart =
            zeroPadded(parts.hour ?? 0, 2) + zeroPadded(parts.minute ?? 0, 2) + zeroPadded(parts.second ?? 0, 2)
        return datePart + "T" + timePart
    }
}
