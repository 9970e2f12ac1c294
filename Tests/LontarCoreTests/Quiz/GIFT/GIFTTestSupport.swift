import Testing
@testable import LontarCore

/// Shorthands for the GIFT tests: a file that must parse, and a file that must not.
enum GIFTTesting {
    static func questions(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Question] {
        switch GIFT.parse(text) {
        case .success(let questions): return questions
        case .failure(let failure):
            Issue.record("unexpected issues: \(failure.issues)", sourceLocation: sourceLocation)
            throw failure
        }
    }

    static func question(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Question {
        let all = try questions(text, sourceLocation: sourceLocation)
        return try #require(all.count == 1 ? all.first : nil, "expected one question, got \(all.count)")
    }

    static func issues(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [QuestionImportIssue] {
        switch GIFT.parse(text) {
        case .success(let questions):
            Issue.record("parsed although broken: \(questions)", sourceLocation: sourceLocation)
            return []
        case .failure(let failure): return failure.issues
        }
    }

    /// The issues as (line, key) pairs, what most tests compare.
    static func problems(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Problem] {
        issues(text, sourceLocation: sourceLocation).map { Problem(line: $0.line, key: $0.message.key) }
    }

    struct Problem: Equatable, CustomStringConvertible {
        let line: Int?
        let key: String
        init(line: Int?, key: String) {
            self.line = line
            self.key = key
        }
        init(_ line: Int, _ key: GIFTMessageKey) { self.init(line: line, key: key.rawValue) }
        var description: String { "\(line.map(String.init) ?? "-"): \(key)" }
    }
}
