import Foundation
import Testing
@testable import LontarCore

extension QuizGrading {
    /// The grading and attempt messages and their texts in `quiz.id.json` / `quiz.en.json`,
    /// checked as TrainingMessageCatalogueTests checks the training ones.
    @Suite("Grading: quiz message catalogue")
    struct CatalogueTests {
        /// The package folder: the nearest folder above this file holding Package.swift.
        static let packageRoot: URL = {
            var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                folder.pathComponents.count > 1
            {
                folder = folder.deletingLastPathComponent()
            }
            return folder
        }()
        static let strings = packageRoot.appendingPathComponent("Sources/LontarApp/Resources/Strings")
        static let keys = Set(QuizMessageKey.allCases.map(\.rawValue))
        /// The key families this code owns; the quiz files may also hold other quiz areas' keys.
        static let prefixes = ["quiz.grading.", "quiz.attempt.", "quiz.settings."]

        static func catalogue(_ language: String) throws -> [String: String] {
            let url = strings.appendingPathComponent("quiz.\(language).json")
            return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
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

        /// One message of every key, produced by the code that produces it in use.
        static let sampleMessages: [LocalizableMessage] = {
            func failure<T>(_ result: Result<T, LocalizableMessage>) -> LocalizableMessage? {
                if case .failure(let message) = result { return message }
                return nil
            }
            let pi = question(.numerical(answers: [NumericalAnswer(value: 3.14)]))
            var messages = [QuestionGrader.grade(pi, .number("tiga")).message].compactMap { $0 }
            messages += QuizSettings(timeLimit: 5, maxAttempts: 0, passMark: 101).validate()
            let slots = [QuestionSlot(questionID: "q1", mark: 1)]
            let settings = QuizSettings(timeLimit: 600, maxAttempts: 1)
            let started = AttemptState(number: 1, startedAt: start, deadline: start + 600, slots: slots)
            let saved = try! AttemptMachine.saveAnswer(
                AnswerSubmission(id: "a1", questionID: "q1", response: .text("x")), to: started, now: start
            ).get().attempt
            let done = try! AttemptMachine.finish(saved, now: start + 60).get()
            let other = AnswerSubmission(id: "a2", questionID: "q1", response: .text("y"))
            messages += [
                failure(AttemptMachine.start(settings: settings, previous: [done], slots: slots, seed: 0, now: start)),
                failure(AttemptMachine.start(settings: settings, previous: [], slots: [], seed: 0, now: start)),
                failure(
                    AttemptMachine.start(
                        settings: settings, previous: [], slots: [QuestionSlot(questionID: "q", mark: .nan)], seed: 0,
                        now: start)),
                failure(AttemptMachine.saveAnswer(other, to: saved, now: start + 601)),
                failure(AttemptMachine.saveAnswer(other, to: done, now: start + 61)),
                failure(
                    AttemptMachine.saveAnswer(
                        AnswerSubmission(id: "a3", questionID: "q9", response: .text("y")), to: saved, now: start)),
                failure(
                    AttemptMachine.saveAnswer(
                        AnswerSubmission(id: "", questionID: "q1", response: .text("y")), to: saved, now: start)),
                failure(
                    AttemptMachine.saveAnswer(
                        AnswerSubmission(id: "a1", questionID: "q1", response: .text("y")), to: saved, now: start)),
                failure(AttemptMachine.gradeManually(saved, questionID: "q1", fraction: 1, now: start)),
                failure(AttemptMachine.gradeManually(done, questionID: "q1", fraction: -0.1, now: start + 61)),
            ].compactMap { $0 }
            return messages
        }()

        @Test("both languages hold the same keys, with text and matching placeholders; ours are all there")
        func catalogueConsistent() throws {
            let indonesian = try Self.catalogue("id")
            let english = try Self.catalogue("en")
            #expect(Set(indonesian.keys) == Set(english.keys))
            let ours = Set(indonesian.keys).filter { key in Self.prefixes.contains { key.hasPrefix($0) } }
            #expect(ours == Self.keys, "\(ours.symmetricDifference(Self.keys).sorted())")
            for (key, text) in indonesian {
                #expect(!text.isEmpty && !(english[key] ?? "").isEmpty, "blank text for \(key)")
                #expect(Self.placeholders(in: text) == Self.placeholders(in: english[key] ?? ""), "\(key)")
            }
        }

        @Test("each sample message fills exactly the placeholders its text has")
        func argumentsMatchPlaceholders() throws {
            #expect(Set(Self.sampleMessages.map(\.key)) == Self.keys)
            for language in ["id", "en"] {
                let catalogue = try Self.catalogue(language)
                for message in Self.sampleMessages {
                    let text = try #require(catalogue[message.key], "\(message.key) missing in \(language)")
                    #expect(
                        Self.placeholders(in: text) == Set(message.arguments.indices), "\(message.key) in \(language)")
                }
            }
        }

        @Test("quiz keys clash with no other area's (the app merges all catalogues)")
        func noClash() throws {
            try CatalogueAreaChecks.expectNoClash(Self.keys, filePrefix: "quiz.", in: Self.strings)
        }

        @Test("grading sources name messages only through QuizMessageKey")
        func typedKeysOnly() throws {
            try CatalogueAreaChecks.expectTypedKeysOnly(sourceFolder: "Sources/LontarCore/Quiz/Grading", atLeast: 8)
        }
    }
}
