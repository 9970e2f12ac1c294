import Foundation
import Testing
@testable import LontarCore

/// The Moodle XML reader's messages and their texts in `moodlexml.id.json` /
/// `moodlexml.en.json`: every key present in both languages, nothing unused, and every
/// message the reader really produces filling exactly its text's placeholders.
@Suite("Moodle XML message catalogue")
struct MoodleXMLMessageCatalogueTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let strings = packageRoot.appendingPathComponent("Sources/LontarApp/Resources/Strings")
    static let keys = Set(MoodleXMLMessageKey.allCases.map(\.rawValue))

    static func catalogue(_ language: String) throws -> [String: String] {
        let url = strings.appendingPathComponent("moodlexml.\(language).json")
        return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
    }

    static func placeholders(in text: String) -> Set<Int> {
        Set(text.matches(of: /\{(\d+)\}/).compactMap { Int($0.output.1) })
    }

    /// One message of every key, produced by parsing files that break every rule.
    static let sampleMessages: [LocalizableMessage] = {
        let files = [
            "", "<quiz>\n<a></b></quiz>", "<quiz>", "<quiz>&nbsp;</quiz>", "<quiz>\u{1}</quiz>", "<quiz x=1/>",
            "<kuis/>",
        ]
        let body = [
            #"<question><questiontext><text>a</text></questiontext></question>"#,
            #"<question type="cloze"/>"#,
            #"<question type="essay"><defaultgrade>x</defaultgrade><file name="a.png"/></question>"#,
            #"<question type="essay"><questiontext format="wiki"><text>a</text></questiontext></question>"#,
            #"<question type="multichoice"><questiontext><text>a</text></questiontext><answer fraction="x"><text>a</text></answer><answer fraction="200"><text>b</text></answer><answer fraction="100"/></question>"#,
            #"<question type="multichoice"><questiontext><text>a</text></questiontext></question>"#,
            #"<question type="numerical"><questiontext><text>a</text></questiontext><answer fraction="100"><text>x</text></answer><answer><text>*</text></answer></question>"#,
            #"<question type="truefalse"><questiontext><text>a</text></questiontext></question>"#,
            #"<question type="matching"><questiontext><text>a</text></questiontext><subquestion><text>a</text></subquestion></question>"#,
        ].joined()
        let inputs = files + ["<quiz>\(body)</quiz>"]
        return inputs.flatMap { input -> [LocalizableMessage] in
            guard case .failure(let failure) = MoodleXML.parse(Array(input.utf8)) else { return [] }
            return failure.issues.map(\.message)
        }
    }()

    @Test("both languages hold exactly the Moodle XML keys, with text and matching placeholders")
    func catalogueConsistent() throws {
        let indonesian = try Self.catalogue("id")
        let english = try Self.catalogue("en")
        #expect(
            Set(indonesian.keys) == Self.keys, "id: \(Set(indonesian.keys).symmetricDifference(Self.keys).sorted())")
        #expect(Set(english.keys) == Self.keys, "en: \(Set(english.keys).symmetricDifference(Self.keys).sorted())")
        for (key, text) in indonesian {
            #expect(!text.isEmpty && !(english[key] ?? "").isEmpty, "blank text for \(key)")
            #expect(
                Self.placeholders(in: text) == Self.placeholders(in: english[key] ?? ""),
                "placeholders differ for \(key)")
        }
    }

    @Test("each message the reader produces fills exactly the placeholders its text has")
    func argumentsMatchPlaceholders() throws {
        let sampled = Set(Self.sampleMessages.map(\.key))
        #expect(sampled == Self.keys, "never produced: \(Self.keys.subtracting(sampled).sorted())")
        for language in ["id", "en"] {
            let catalogue = try Self.catalogue(language)
            for message in Self.sampleMessages {
                let text = try #require(catalogue[message.key], "\(message.key) missing in \(language)")
                #expect(Self.placeholders(in: text) == Set(message.arguments.indices), "\(message.key) in \(language)")
            }
        }
    }

    @Test("Moodle XML keys clash with no other area's (the app merges all catalogues)")
    func noClash() throws {
        try CatalogueAreaChecks.expectNoClash(Self.keys, filePrefix: "moodlexml.", in: Self.strings)
    }

    @Test("the reader names messages only through MoodleXMLMessageKey")
    func typedKeysOnly() throws {
        try CatalogueAreaChecks.expectTypedKeysOnly(sourceFolder: "Sources/LontarCore/Quiz/MoodleXML", atLeast: 5)
    }
}
