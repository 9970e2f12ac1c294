import Foundation
import LontarCore
import Testing

@testable import LontarApp

@Suite("Dates as pages write them")
struct CityTimeTests {
    @Test(
        "a span of days names a shared month or year once",
        arguments: [
            ("2026-12-20", "2026-12-21", Language.id, "20–21 Desember 2026"),
            ("2026-11-30", "2026-12-02", .id, "30 November – 2 Desember 2026"),
            ("2026-12-30", "2027-01-02", .id, "30 Desember 2026 – 2 Januari 2027"),
            ("2026-12-20", "2026-12-20", .id, "20 Desember 2026"),
            ("2026-12-20", "2026-12-21", .en, "20–21 December 2026"),
            ("2026-11-30", "2026-12-02", .en, "30 November – 2 December 2026"),
        ])
    func dayRange(first: String, last: String, language: Language, expected: String) throws {
        let from = try #require(CivilDate(iso: first))
        let to = try #require(CivilDate(iso: last))
        #expect(CityTime.dayRange(from, to, language: language) == expected)
    }

    @Test("a moment in a sentence is written out in WITA, with the language's clock")
    func moment() {
        // 00:00 UTC is 08:00 in Kupang.
        let date = Date(timeIntervalSince1970: 1_797_465_600)  // 2026-12-17T00:00:00Z
        #expect(CityTime.moment(date, language: .id) == "17 Desember 2026, 08.00 WITA")
        #expect(CityTime.moment(date, language: .en) == "17 December 2026, 08:00 WITA")
    }
}
