import Foundation
import Testing
@testable import LontarCore

@Suite("iCalendar writer (RFC 5545)")
struct ICalendarTests {
    static let start = Date(timeIntervalSince1970: 1_741_741_200)  // 2025-03-12 01:00 UTC = 09:00 WITA
    static let stamp = Date(timeIntervalSince1970: 1_740_796_200)  // 2025-03-01 02:30 UTC

    static func event(_ change: (inout CalendarEvent) -> Void = { _ in }) -> CalendarEvent {
        var event = CalendarEvent(
            uid: "sesi-42@lontar.kupangkota.go.id", start: start, end: start.addingTimeInterval(9_000),
            summary: "Pelatihan Kepemimpinan Angkatan I")
        change(&event)
        return event
    }

    /// A test-only reader: checks the physical lines, unfolds them and checks that
    /// components nest. Returns the content lines.
    static func parse(_ document: String) throws -> [String] {
        #expect(document.hasSuffix("\r\n"))
        var physical = document.components(separatedBy: "\r\n")
        let afterLastBreak = physical.removeLast()
        #expect(afterLastBreak == "")
        var lines: [String] = []
        for line in physical {
            #expect(!line.contains("\n") && !line.contains("\r"), "bare line break in \(line)")
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)")
            // Scalars, not Characters: a fold may put a combining mark right after the space.
            if line.unicodeScalars.first == " " {
                guard let previous = lines.popLast() else {
                    Issue.record("continuation without a line")
                    continue
                }
                lines.append(previous + String(line.unicodeScalars.dropFirst()))
            } else {
                lines.append(line)
            }
        }
        var open: [String] = []
        for line in lines {
            if line.hasPrefix("BEGIN:") { open.append(String(line.dropFirst(6))) }
            if line.hasPrefix("END:") {
                let closed = open.popLast()
                #expect(closed == String(line.dropFirst(4)), "unbalanced \(line)")
            }
            #expect(line.contains(":"), "no value in \(line)")
        }
        #expect(open.isEmpty)
        return lines
    }

    static func value(_ name: String, in lines: [String]) -> [String] {
        lines.filter { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }.map {
            String($0[$0.index(after: $0.firstIndex(of: ":")!)...])
        }
    }

    static func unescaped(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    @Test("the calendar header, the WITA time zone and one event")
    func structure() throws {
        let lines = try Self.parse(ICalendar.document(name: "Kelas saya", events: [Self.event()], stamp: Self.stamp))
        #expect(
            Array(lines.prefix(7)) == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lontar//Kota Kupang//ID", "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH", "X-WR-CALNAME:Kelas saya", "X-WR-TIMEZONE:Asia/Makassar",
            ])
        #expect(lines.contains("TZID:Asia/Makassar"))
        let zone = lines.drop { $0 != "BEGIN:STANDARD" }.prefix { $0 != "END:STANDARD" }
        #expect(
            Set(zone) == [
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:WITA",
            ])
        #expect(lines.last == "END:VCALENDAR")
        #expect(Self.value("UID", in: lines) == ["sesi-42@lontar.kupangkota.go.id"])
        #expect(Self.value("SEQUENCE", in: lines) == ["0"])
        #expect(Self.value("STATUS", in: lines) == ["CONFIRMED"])
        #expect(Self.value("DESCRIPTION", in: lines).isEmpty && Self.value("LOCATION", in: lines).isEmpty)
        #expect(Self.value("URL", in: lines).isEmpty && Self.value("LAST-MODIFIED", in: lines).isEmpty)
    }

    @Test("a 09:00 WITA session is written as 09:00 with TZID; stamps are UTC")
    func times() throws {
        let event = Self.event { $0.lastModified = Self.stamp.addingTimeInterval(61) }
        let lines = try Self.parse(ICalendar.document(name: "x", events: [event], stamp: Self.stamp))
        #expect(lines.contains("DTSTART;TZID=Asia/Makassar:20250312T090000"))
        #expect(lines.contains("DTEND;TZID=Asia/Makassar:20250312T113000"))
        #expect(lines.contains("DTSTAMP:20250301T023000Z"))
        #expect(lines.contains("LAST-MODIFIED:20250301T023101Z"))
    }

    @Test("an evening in UTC is the next morning in Kupang")
    func crossesMidnight() {
        let newYearsEve = Date(timeIntervalSince1970: 1_735_687_800)  // 2024-12-31 23:30 UTC
        #expect(ICalendar.local(newYearsEve) == "20250101T073000")
        #expect(ICalendar.utc(newYearsEve) == "20241231T233000Z")
    }

    @Test("optional fields, sequence and a cancelled event")
    func cancelled() throws {
        let event = Self.event {
            $0.cancelled = true
            $0.sequence = 2
            $0.description = "Dibatalkan"
            $0.location = "Aula BKPPD"
            $0.url = "https://lontar.kupangkota.go.id/kelas/42"
        }
        let lines = try Self.parse(
            ICalendar.document(name: "x", events: [event, Self.event { $0.uid = "b" }], stamp: Self.stamp))
        #expect(Self.value("STATUS", in: lines) == ["CANCELLED", "CONFIRMED"])
        #expect(Self.value("SEQUENCE", in: lines) == ["2", "0"])
        #expect(Self.value("LOCATION", in: lines) == ["Aula BKPPD"])
        #expect(Self.value("URL", in: lines) == ["https://lontar.kupangkota.go.id/kelas/42"])
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
    }

    @Test("TEXT values escape backslash, semicolon, comma and line breaks, and drop control characters")
    func escaping() throws {
        let summary = "Rapat; evaluasi, tahap 1\\2\r\nbaris dua\nbaris tiga\rempat\u{7}\ttab"
        #expect(ICalendar.escaped(summary) == "Rapat\\; evaluasi\\, tahap 1\\\\2\\nbaris dua\\nbaris tiga\\nempat\ttab")
        let lines = try Self.parse(
            ICalendar.document(name: "a,b", events: [Self.event { $0.summary = summary }], stamp: Self.stamp))
        #expect(lines.contains("X-WR-CALNAME:a\\,b"))
        #expect(
            Self.value("SUMMARY", in: lines).map(Self.unescaped) == [
                "Rapat; evaluasi, tahap 1\\2\nbaris dua\nbaris tiga\nempat\ttab"
            ])
    }

    @Test("a URL cannot inject properties")
    func urlInjection() throws {
        let event = Self.event { $0.url = "https://x.test/a\r\nSTATUS:CANCELLED\nX:1" }
        let lines = try Self.parse(ICalendar.document(name: "x", events: [event], stamp: Self.stamp))
        #expect(Self.value("STATUS", in: lines) == ["CONFIRMED"])
        #expect(Self.value("URL", in: lines) == ["https://x.test/aSTATUS:CANCELLEDX:1"])
    }

    @Test("long Indonesian text with multi-byte characters folds within 75 octets and unfolds intact")
    func folding() throws {
        let sentence = "Peserta—para ASN Kota Kupang—mempelajari “Pelayanan Publik” × 3 sesi, café ☕︎ 📚; "
        let description = String(repeating: sentence, count: 12)
        let event = Self.event { $0.description = description }
        let document = ICalendar.document(name: "x", events: [event], stamp: Self.stamp)
        let lines = try Self.parse(document)
        #expect(document.components(separatedBy: "\r\n ").count > 10)
        #expect(Self.value("DESCRIPTION", in: lines).map(Self.unescaped) == [description])
    }

    @Test("a fold falls before a multi-byte character, never inside it")
    func foldBoundary() {
        // 74 octets, then a 2-octet "é": a byte-based fold would cut it in half.
        let line = "SUMMARY:" + String(repeating: "a", count: 66) + "é" + String(repeating: "b", count: 80)
        let physical = ICalendar.folded(line).components(separatedBy: "\r\n")
        #expect(physical[0] == "SUMMARY:" + String(repeating: "a", count: 66))
        #expect(physical[1].hasPrefix(" é"))
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical[1].utf8.count == 75)
        #expect(
            physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.unicodeScalars.dropFirst()) }
                .joined() == line)
        #expect(ICalendar.folded("SHORT:x") == "SHORT:x")
        #expect(ICalendar.folded(String(repeating: "c", count: 75)) == String(repeating: "c", count: 75))
    }

    @Test("an event that ends before it starts gets no duration rather than breaking the feed")
    func endBeforeStart() throws {
        let event = Self.event { $0.end = Self.start.addingTimeInterval(-3600) }
        let lines = try Self.parse(ICalendar.document(name: "x", events: [event], stamp: Self.stamp))
        #expect(lines.contains("DTEND;TZID=Asia/Makassar:20250312T090000"))
    }

    @Test("a calendar without events is still a valid document")
    func empty() throws {
        let lines = try Self.parse(ICalendar.document(name: "Kosong", events: [], stamp: Self.stamp))
        #expect(!lines.contains("BEGIN:VEVENT"))
        #expect(lines.contains("BEGIN:VTIMEZONE"))
    }
}
