import Foundation
import Testing
@testable import LontarCore

/// The GIFT reader's messages and their texts in `gift.id.json` / `gift.en.json`, checked
/// the way MessageCatalogueTests checks Core's: every key present in both languages,
/// nothing unused, and every message filling exactly its placeholders.
@Suite("GIFT message catalogue")
struct GIFTMessageCatalogueTests {
    static let strings = MessageCatalogueTests.packageRoot.appendingPathComponent("Sources/LontarApp/Resources/Strings")
    static let keys = Set(GIFTMessageKey.allCases.map(\.rawValue))

    static func catalogue(_ language: String) throws -> [String: String] {
        let url = strings.appendingPathComponent("gift.\(language).json")
        return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
    }

    /// One message of every key, produced by the reader from a broken file.
    static let sampleMessages: [LocalizableMessage] = {
        let broken = [
            "A {", "A }", "A {T} {F}", "::A", "{T}", "[rtf]A {T}", "A {=a ~}", "A {~a}", "A {~a ~b}",
            "A {=a ~%101%b}", "A {=a ~%1,5%b}", "A {~%50%a ~b}", "A {#x}", "A {#1:-1}", "A {#2..1}", "A {#1 ~#x}",
            "A {=a b =c -> d}", "A {=a -> =c -> d}", "A {=a -> b}",
        ]
        return broken.flatMap { text -> [LocalizableMessage] in
            if case .failure(let failure) = GIFT.parse(text) { return failure.issues.map(\.message) }
            return []
        }
    }()

    @Test("both languages hold exactly the GIFT keys, with text and matching placeholders")
    func catalogueConsistent() throws {
        let indonesian = try Self.catalogue("id")
        let english = try Self.catalogue("en")
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
            let catalogue = try Self.catalogue(language)
            for message in Self.sampleMessages {
                let text = try #require(catalogue[message.key], "\(message.key) missing in \(language)")
                #expect(
                    MessageCatalogueTests.placeholders(in: text) == Set(message.arguments.indices),
                    "\(message.key) in \(language)")
            }
        }
    }

    @Test("GIFT keys clash with no other area's (the app merges all catalogues)")
    func noClash() throws {
        try CatalogueAreaChecks.expectNoClash(Self.keys, filePrefix: "gift.", in: Self.strings)
    }

    @Test("GIFT sources name messages only through GIFTMessageKey")
    func typedKeysOnly() throws {
        try CatalogueAreaChecks.expectTypedKeysOnly(sourceFolder: "Sources/LontarCore/Quiz/GIFT", atLeast: 5)
    }
}
