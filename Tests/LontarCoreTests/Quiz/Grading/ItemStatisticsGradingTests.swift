import Foundation
import Testing
@testable import LontarCore

extension QuizGrading {
    @Suite("Grading: item statistics")
    struct ItemStatisticsTests {
        @Test("facility is the mean fraction")
        func facility() {
            #expect(ItemStatistics.facility([1, 1, 0, 0.5]) == 0.625)
            #expect(ItemStatistics.facility([]) == nil)
            #expect(ItemStatistics.facility([1, .nan]) == nil)
        }

        /// Four learners; the item is right for the two strongest.
        ///   item  = 1, 1, 0, 0        totals = 4, 3, 2, 0     rest = total − item = 3, 2, 2, 0
        ///   means: item 0.5, rest 7/4 = 1.75
        ///   item deviations  +.5, +.5, −.5, −.5
        ///   rest deviations  +1.25, +.25, +.25, −1.75
        ///   Σ products = .625 + .125 − .125 + .875 = 1.5
        ///   Σ item² = 4 × .25 = 1;  Σ rest² = 1.5625 + .0625 + .0625 + 3.0625 = 4.75
        ///   r = 1.5 / √(1 × 4.75) = 1.5 / 2.179449… = 0.688247…
        @Test("discrimination correlates the item with the rest of the attempt (hand-checked)")
        func discrimination() throws {
            let r = try #require(ItemStatistics.discrimination(itemScores: [1, 1, 0, 0], totalScores: [4, 3, 2, 0]))
            #expect(abs(r - 1.5 / 4.75.squareRoot()) < 1e-12)
            #expect(abs(r - 0.688247) < 1e-6)
        }

        /// item = 0, 0, 1, 1; totals 3, 2, 2, 1 → rest 3, 2, 1, 0 (mean 1.5).
        /// Σ products = (−.5)(1.5) + (−.5)(.5) + (.5)(−.5) + (.5)(−1.5) = −2; Σ rest² = 5.
        /// r = −2 / √5 = −0.894427…: the strong learners miss it, so the key is suspect.
        @Test("an item the strong miss discriminates negatively (hand-checked)")
        func negative() throws {
            let r = try #require(ItemStatistics.discrimination(itemScores: [0, 0, 1, 1], totalScores: [3, 2, 2, 1]))
            #expect(abs(r + 2 / 5.0.squareRoot()) < 1e-12)
        }

        @Test("no discrimination without variation, with fewer than two, or with mismatched lists")
        func undefined() {
            #expect(ItemStatistics.discrimination(itemScores: [1, 1, 1], totalScores: [3, 2, 1]) == nil)
            // Rest constant: totals 2, 1, 1 minus items 1, 0, 0 are all 1.
            #expect(ItemStatistics.discrimination(itemScores: [1, 0, 0], totalScores: [2, 1, 1]) == nil)
            #expect(ItemStatistics.discrimination(itemScores: [1], totalScores: [1]) == nil)
            #expect(ItemStatistics.discrimination(itemScores: [1, 0], totalScores: [1]) == nil)
            // Equal decimals whose mean is off by rounding still count as no variation.
            #expect(ItemStatistics.discrimination(itemScores: [0.1, 0.1, 0.1], totalScores: [1.1, 2.1, 3.1]) == nil)
        }

        // Ten learners, strongest first (totals 5, 4, 4, 4, 3, 3, 3, 3, 2, 2). Figures from
        // the same formula as above; the flags are the point.
        static let columns: [String: [Double]] = [
            "q1": [1, 1, 1, 1, 1, 1, 0, 0, 0, 0],  // ordinary: facility 0.6, r 0.255
            "q2": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],  // everyone right
            "q3": [0, 0, 0, 0, 0, 0, 1, 1, 1, 1],  // only the weaker right: r −0.879
            "q4": [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],  // only the strongest: facility 0.1
            "q5": [1, 1, 1, 1, 1, 0, 1, 0, 0, 0],
            "q6": [1, 1, 1, 1, 0, 1, 0, 1, 0, 0],
        ]
        static let attempts: [[String: Double]] = (0..<10).map { row in Self.columns.mapValues { $0[row] } }

        @Test("the summary gives each question's figures and flags the bad ones")
        func summary() throws {
            let summary = ItemStatistics.summarise(attempts: Self.attempts)
            #expect(summary.map(\.questionID) == ["q1", "q2", "q3", "q4", "q5", "q6"])
            let byID = Dictionary(uniqueKeysWithValues: summary.map { ($0.questionID, $0) })
            let q1 = try #require(byID["q1"])
            #expect(q1.attempts == 10)
            #expect(q1.facility == 0.6)
            #expect(abs((q1.discrimination ?? 0) - 0.255030685) < 1e-9)
            #expect(abs((q1.standardDeviation ?? 0) - (2.4 / 9).squareRoot()) < 1e-12)  // Σ dev² = 10 × 0.24
            #expect(q1.flags.isEmpty)
            #expect(byID["q2"]?.flags == [.veryEasy])
            #expect(byID["q2"]?.discrimination == nil)
            #expect(byID["q3"]?.flags == [.negativeDiscrimination])
            #expect(abs((byID["q3"]?.discrimination ?? 0) + 0.879304010) < 1e-9)
            #expect(byID["q4"]?.flags == [.veryHard])
        }

        @Test("questions drawn into some attempts only are judged on those; marks weigh the total")
        func drawnAndWeighted() throws {
            var attempts = Self.attempts
            for row in [1, 3, 5, 7, 9] { attempts[row]["q1"] = nil }
            let q1 = try #require(ItemStatistics.summarise(attempts: attempts, marks: ["q5": 3]).first)
            #expect(q1.attempts == 5)
            let rows = [0, 2, 4, 6, 8]
            let totals = rows.map { row in attempts[row].reduce(0) { $0 + $1.value * ($1.key == "q5" ? 3 : 1) } }
            let expected = ItemStatistics.discrimination(
                itemScores: rows.map { Self.columns["q1"]![$0] }, totalScores: totals)
            #expect(q1.discrimination == expected)
            #expect(q1.flags.isEmpty)  // five attempts are too few to accuse a question
        }

        @Test(
            "flag thresholds",
            arguments: [
                (0.95, 0.5, Set<ItemFlag>([.veryEasy])), (0.9, 0.5, []), (0.2, 0.5, []), (0.15, 0.5, [.veryHard]),
                (0.5, -0.01, [.negativeDiscrimination]), (0.5, 0, [.weakDiscrimination]),
                (0.5, 0.19, [.weakDiscrimination]), (0.5, 0.2, []),
            ] as [(Double, Double, Set<ItemFlag>)])
        func thresholds(facility: Double, discrimination: Double, flags: Set<ItemFlag>) {
            #expect(ItemStatistics.flags(attempts: 10, facility: facility, discrimination: discrimination) == flags)
            #expect(ItemStatistics.flags(attempts: 9, facility: facility, discrimination: discrimination).isEmpty)
        }
    }
}
