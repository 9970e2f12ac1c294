import Foundation
import Testing
@testable import LontarCore

/// The training domain's messages and their texts in `training.id.json` / `training.en.json`,
/// checked the way MessageCatalogueTests checks Core's: every key present in both
/// languages, nothing unused, and every message filling exactly its placeholders.
@Suite("Training message catalogue")
struct TrainingMessageCatalogueTests {
    static let strings = MessageCatalogueTests.packageRoot.appendingPathComponent("Sources/LontarApp/Resources/Strings")
    static let keys = Set(TrainingMessageKey.allCases.map(\.rawValue))

    static func catalogue(_ area: String, _ language: String) throws -> [String: String] {
        let url = strings.appendingPathComponent("\(area).\(language).json")
        return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
    }

    /// One message of every key, produced by the code that produces it in use.
    static let sampleMessages: [LocalizableMessage] = {
        var messages: [LocalizableMessage] = []
        func failure<T>(_ result: Result<T, LocalizableMessage>) -> LocalizableMessage? {
            if case .failure(let message) = result { return message }
            return nil
        }
        let bad = JPRuleSet(
            year: 1999, version: 0, seminarPerDayNational: -1, seminarPerDayInternational: -1,
            workshopPerDayNational: -1, workshopPerDayInternational: -1, internationalUpliftPercent: -1,
            pnsAnnualTarget: -1, pppkAnnualCeiling: -1)
        messages += bad.validate()
        let rules = JPRuleSet.standard(year: 2025)
        for kind in JPConversionKind.allCases {
            for international in [false, true] {
                let credit = JPCalculator.credit(
                    kind: kind, international: international, programmeJP: 7, days: 2, rules: rules)
                if case .success(let value) = credit { messages.append(value.explanation) }
            }
        }
        messages += [
            JPCalculator.credit(kind: .structured, international: false, programmeJP: .nan, days: 1, rules: rules),
            JPCalculator.credit(kind: .structured, international: false, programmeJP: -1, days: 1, rules: rules),
            JPCalculator.credit(kind: .seminar, international: false, programmeJP: 0, days: 0, rules: rules),
            JPCalculator.credit(kind: .seminar, international: false, programmeJP: 0, days: 1, rules: bad),
        ].compactMap(failure)
        let finished = [
            EnrolmentState(approval: .pending, seat: .none, cancelled: true),
            EnrolmentState(approval: .declined, seat: .none),
        ]
        let moves: [(EnrolmentEvent, EnrolmentState)] = [
            (.approve, finished[0]), (.approve, finished[1]),
            (.approve, EnrolmentState(approval: .approved, seat: .held)),
            (.seatGranted, EnrolmentState(approval: .approved, seat: .held)),
            (.seatReleased, EnrolmentState(approval: .approved, seat: .waitlisted)),
        ]
        messages += moves.compactMap { failure(EnrolmentMachine.apply($0.0, to: $0.1)) }
        let start = Date(timeIntervalSince1970: 1_741_741_200)
        let end = start.addingTimeInterval(3600)
        messages += [start.addingTimeInterval(-3600), end.addingTimeInterval(1), start].flatMap { date in
            ["12345", "000000"].compactMap {
                failure(CheckInCode.verify($0, secret: [1], at: date, sessionStart: start, sessionEnd: end))
            }
        }
        messages += CompletionRule(minimumAttendancePercent: 101).validate()
        messages += CompletionRule(requiresAssessment: true).validate()
        messages += CompletionRule(requiresAssessment: true, passingScore: 101).validate()
        let exam = CompletionRule(minimumAttendancePercent: 50, requiresAssessment: true, passingScore: 70)
        for (sessions, present, score) in [(0, 0, 80.0), (4, 1, Double?.none), (4, 4, 60), (4, 4, 120)]
            as [(Int, Int, Double?)]
        {
            let input = CompletionInput(
                sessions: sessions, marks: Array(repeating: .present, count: present), assessmentScore: score)
            messages += CompletionEvaluator.evaluate(input, rule: exam).reasons
        }
        return messages
    }()

    @Test("both languages hold exactly the training keys, with text and matching placeholders")
    func catalogueConsistent() throws {
        let indonesian = try Self.catalogue("training", "id")
        let english = try Self.catalogue("training", "en")
        #expect(
            Set(indonesian.keys) == Self.keys, "id: \(Set(indonesian.keys).symmetricDifference(Self.keys).sorted())")
        #expect(Set(english.keys) == Self.keys, "en: \(Set(english.keys).symmetricDifference(Self.keys).sorted())")
        for (key, text) in indonesian {
            #expect(!text.isEmpty && !(english[key] ?? "").isEmpty, "blank text for \(key)")
            #expect(
                MessageCatalogueTests.placeholders(in: text)
                    == MessageCatalogueTests.placeholders(in: english[key] ?? ""),
                "placeholders differ for \(key)")
        }
    }

    @Test("each sample message fills exactly the placeholders its text has")
    func argumentsMatchPlaceholders() throws {
        #expect(Set(Self.sampleMessages.map(\.key)) == Self.keys)
        for language in MessageCatalogueTests.languages {
            let catalogue = try Self.catalogue("training", language)
            for message in Self.sampleMessages {
                let text = try #require(catalogue[message.key], "\(message.key) missing in \(language)")
                #expect(
                    MessageCatalogueTests.placeholders(in: text) == Set(message.arguments.indices),
                    "\(message.key) in \(language)")
            }
        }
    }

    @Test("training keys clash with no other area's (the app merges all catalogues)")
    func noClash() throws {
        try CatalogueAreaChecks.expectNoClash(Self.keys, filePrefix: "training.", in: Self.strings)
    }

    @Test("training sources name messages only through TrainingMessageKey")
    func typedKeysOnly() throws {
        try CatalogueAreaChecks.expectTypedKeysOnly(sourceFolder: "Sources/LontarCore/Training", atLeast: 10)
    }
}
