import Foundation
import Testing

@testable import LontarCore

@Suite("Needs themes and L4 indicator change")
struct NeedsThemesTests {
    @Test("Tokens: lower case, letters only, short and stop words dropped")
    func tokens() {
        #expect(
            NeedsThemes.tokens("Perlu pelatihan Excel yang lebih lanjut, dan praktik langsung!")
                == ["excel", "lanjut", "praktik", "langsung"])
        #expect(NeedsThemes.tokens("di ke IT 42") == [])
    }

    @Test("Themes count texts, not repeats, and drop words seen only once")
    func top() {
        let texts = [
            "Excel excel excel untuk laporan",
            "Butuh pelatihan Excel lanjutan",
            "Waktu praktik kurang; praktik langsung",
            "Lebih banyak praktik dan laporan",
            "Sarana ruang kelas",
        ]
        let themes = NeedsThemes.top(texts)
        // excel 2 texts, laporan 2, praktik 2 (twice in one text counts once); ties alphabetical.
        let expected: [NeedsThemes.Theme] = [
            .init(word: "excel", texts: 2), .init(word: "laporan", texts: 2), .init(word: "praktik", texts: 2),
        ]
        #expect(themes == expected)
        #expect(NeedsThemes.top(texts, limit: 1) == [.init(word: "excel", texts: 2)])
        #expect(NeedsThemes.top([]) == [])
    }

    @Test("Indicator change: difference, percent of baseline, direction")
    func change() throws {
        // Permit days 14 → 9: change −5, −35.7 %, improved because lower is better.
        let days = IndicatorChange(baseline: 14, result: 9, higherIsBetter: false)
        #expect(days.change == -5)
        #expect(abs(try #require(days.percent) + 35.714285) < 1e-4)
        #expect(days.improved)
        let score = IndicatorChange(baseline: 70, result: 70, higherIsBetter: true)
        #expect(!score.improved)
        #expect(IndicatorChange(baseline: 0, result: 3, higherIsBetter: true).percent == nil)
    }
}
