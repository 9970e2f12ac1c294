import Foundation
import Testing
@testable import LontarCore

/// Core only names messages; these tests make sure the app's catalogue can say them.
@Suite("Message catalogue")
struct MessageCatalogueTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let languages = ["id", "en"]

    static func catalogue(_ language: String) throws -> [String: String] {
        let url = packageRoot.appendingPathComponent("Sources/LontarApp/Resources/Strings/core.\(language).json")
        return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
    }

    /// Every key written as `LocalizableMessage("…"` anywhere in Core's sources.
    static func keysUsedInSources() throws -> Set<String> {
        let sources = packageRoot.appendingPathComponent("Sources/LontarCore")
        let pattern = try NSRegularExpression(pattern: #"LocalizableMessage\(\s*"([^"]+)""#)
        var keys: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                keys.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return keys
    }

    static func placeholders(in text: String) -> Set<Int> {
        var result: Set<Int> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if let index = Int(rest[rest.index(after: open)..<close]) { result.insert(index) }
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// One message of every shape Core produces, with real arguments.
    static let sampleMessages: [LocalizableMessage] = {
        let date = CivilDate(year: 2030, month: 1, day: 1)!
        let nipErrors: [NIPError] = [
            .wrongLength(given: 5), .notDigits, .invalidBirthDate("19850230"), .birthDateInFuture(date),
            .underage(date), .invalidAppointmentMonth(13), .looksLikePPPKNumber, .appointmentInFuture("2030"),
            .appointmentBeforeWorkingAge("2000"), .looksLikePNSNumber, .invalidPPPKCode("30"),
            .pppkYearBeforeFirstIntake(2018), .invalidGenderDigit("3"), .zeroSequence,
        ]
        let csvErrors = [
            CSVParseError.Kind.emptyFile, .invalidUTF8, .unterminatedQuote, .strayQuote, .textAfterClosingQuote,
        ]
        .map { CSVParseError(kind: $0, line: 4).message }
        let gradeErrors = [
            ("", EmployeeKind.pns), ("X", .pns), ("III", .pns), ("III/a", .pppk), ("Penata, III/a", .pns), ("?", .pppk),
        ]
        .compactMap { raw, kind -> LocalizableMessage? in
            if case .failure(let message) = Grade.parse(raw, kind: kind) { return message }
            return nil
        }
        var messages = nipErrors.map(\.message) + csvErrors + gradeErrors + PositionKind.allCases.map(\.nameMessage)
        if case .failure(let message) = PositionKind.parse("?") { messages.append(message) }
        if case .failure(let message) = EmployeeKind.parse("?") { messages.append(message) }
        return messages + sampleImportIssues.map(\.message)
    }()

    /// Two files that between them break every import rule.
    static let sampleImportIssues: [ImportIssue] = {
        let today = CivilDate(year: 2025, month: 6, day: 15)!
        let badHeader = "nip;nip;alamat\n"
        let badRows = """
            nip;nama;jenis_pegawai;kode_opd;jabatan;nip_atasan;email;telepon;
            198503122010011002;\(String(repeating: "a", count: 201));PNS;;Analis;198503122010011002;x;1;v
            198503122010011002;Ana;PNS;D;;123;;;
            1;2
            """
        return EmployeeImport.parse(badHeader, today: today).issues + EmployeeImport.parse(badRows, today: today).issues
    }()

    @Test("every key used in Core's sources exists in both languages")
    func everyKeyTranslated() throws {
        let used = try Self.keysUsedInSources()
        #expect(used.count > 30)
        for language in Self.languages {
            let missing = used.subtracting(try Self.catalogue(language).keys)
            #expect(missing.isEmpty, "missing in core.\(language).json: \(missing.sorted())")
        }
    }

    @Test("both languages hold the same keys, none unused, none blank")
    func catalogueConsistent() throws {
        let indonesian = try Self.catalogue("id")
        let english = try Self.catalogue("en")
        #expect(Set(indonesian.keys) == Set(english.keys))
        #expect(Set(indonesian.keys) == (try Self.keysUsedInSources()))
        for (key, text) in indonesian {
            #expect(!text.isEmpty && !(english[key] ?? "").isEmpty, "blank text for \(key)")
            #expect(
                Self.placeholders(in: text) == Self.placeholders(in: english[key] ?? ""),
                "placeholders differ for \(key)")
        }
    }

    @Test("each sample message fills exactly the placeholders its text has")
    func argumentsMatchPlaceholders() throws {
        let sampled = Set(Self.sampleMessages.map(\.key))
        #expect(sampled == (try Self.keysUsedInSources()))
        for language in Self.languages {
            let catalogue = try Self.catalogue(language)
            for message in Self.sampleMessages {
                let text = try #require(catalogue[message.key], "\(message.key) missing in \(language)")
                #expect(Self.placeholders(in: text) == Set(message.arguments.indices), "\(message.key) in \(language)")
            }
        }
    }
}
