import Foundation
import Testing
@testable import LontarCore

@Suite("CivilDate")
struct CivilDateTests {
    @Test("accepts real dates, including 29 February in leap years")
    func realDates() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2024, month: 12, day: 31) != nil)
    }

    @Test(
        "refuses impossible dates",
        arguments: [
            (2023, 2, 29), (1900, 2, 29), (2024, 4, 31), (2024, 13, 1), (2024, 0, 10), (2024, 1, 0), (0, 1, 1),
        ])
    func impossibleDates(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test("reads and writes ISO form")
    func isoRoundTrip() throws {
        let date = try #require(CivilDate(iso: "1985-03-07"))
        #expect(date == CivilDate(year: 1985, month: 3, day: 7))
        #expect(date.iso == "1985-03-07")
        #expect(CivilDate(year: 987, month: 1, day: 2)?.iso == "0987-01-02")
    }

    @Test(
        "refuses malformed ISO text",
        arguments: ["1985-3-07", "1985-03-07T00:00", "19850307", "1985-02-30", "abcd-ef-gh", "", "+985-03-07"])
    func malformedISO(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test("orders by year, month, day")
    func ordering() throws {
        let early = try #require(CivilDate(year: 2024, month: 1, day: 31))
        let late = try #require(CivilDate(year: 2024, month: 2, day: 1))
        #expect(early < late)
        #expect(!(late < early))
    }

    @Test("counts whole years of age")
    func age() throws {
        let birth = try #require(CivilDate(year: 1990, month: 6, day: 15))
        #expect(birth.age(on: CivilDate(year: 2024, month: 6, day: 14)!) == 33)
        #expect(birth.age(on: CivilDate(year: 2024, month: 6, day: 15)!) == 34)
    }

    @Test("a 29 February birthday comes on 1 March in common years")
    func leapDayBirthday() throws {
        let birth = try #require(CivilDate(year: 2004, month: 2, day: 29))
        #expect(birth.age(on: CivilDate(year: 2022, month: 2, day: 28)!) == 17)
        #expect(birth.age(on: CivilDate(year: 2022, month: 3, day: 1)!) == 18)
    }

    @Test("today depends on the time zone: 23:30 UTC is already the next day in WITA")
    func todayInTimeZone() throws {
        let instant = Date(timeIntervalSince1970: 1_704_065_400)  // 2023-12-31 23:30 UTC
        let utc = try #require(TimeZone(identifier: "UTC"))
        let wita = try #require(TimeZone(identifier: "Asia/Makassar"))
        #expect(CivilDate.today(in: utc, now: instant).iso == "2023-12-31")
        #expect(CivilDate.today(in: wita, now: instant).iso == "2024-01-01")
    }

    @Test("encodes as an ISO string and refuses impossible dates when decoding")
    func codable() throws {
        let date = try #require(CivilDate(year: 2024, month: 2, day: 29))
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == #"["2024-02-29"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: json) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
    }
}
