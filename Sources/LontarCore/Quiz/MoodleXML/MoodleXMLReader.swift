import Foundation

/// Reads the `<quiz>` tree into questions, collecting every issue before deciding: a file
/// with any issue imports nothing, so the author can fix them all in one pass.
struct MoodleXMLReader {
    /// The types Lontar's model holds; anything else (`multianswer`/cloze, `calculated`,
    /// `ddwtos`, `random`, …) is refused rather than imported as something it is not.
    static let supportedTypes: Set<String> = [
        "multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay", "description",
    ]

    private(set) var questions: [Question] = []
    private(set) var issues: [QuestionImportIssue] = []

    static func read(_ data: [UInt8]) -> Result<[Question], MoodleXML.ImportFailure> {
        let root: XMLNode
        switch XMLTreeReader.read(data) {
        case .success(let node): root = node
        case .failure(let issue): return .failure(.init([issue]))
        }
        guard root.name == "quiz" else {
            let issue = QuestionImportIssue(line: root.line, message: .moodleXML(.fileNotQuiz, [root.name]))
            return .failure(.init([issue]))
        }
        var reader = MoodleXMLReader()
        reader.read(root)
        return reader.issues.isEmpty ? .success(reader.questions) : .failure(.init(reader.issues))
    }

    /// Questions are numbered 1, 2, … in file order, not counting `type="category"` entries:
    /// that is the count an author sees in Moodle's question bank and the `imported` number
    /// the API answers with, so "question 3" means the third real question.
    private mutating func read(_ quiz: XMLNode) {
        var category: String?
        var number = 0
        for element in quiz.all("question") {
            if element.attributes["type"] == "category" {
                category = Self.categoryPath(element.first("category")?.first("text")?.innerText ?? "")
                continue
            }
            number += 1
            var reader = QuestionReader(node: element)
            if let question = reader.read(category: category), reader.messages.isEmpty {
                questions.append(question)
            }
            issues += reader.messages.map { QuestionImportIssue(question: number, message: $0) }
        }
    }

    /// `$course$/top/Bab 1/Etika` → `Bab 1/Etika`. Moodle prefixes the context (`$course$`,
    /// `$system$`, `$module$`, `$coursecategory$`) and, since 3.5, the `top` category every
    /// context has; older exports lack `top`. Exactly one of each is removed, so a category
    /// really named "top" survives the round trip. Moodle's `//` (a `/` inside a name) is
    /// kept as written, as GIFT's `$CATEGORY:` uses the same convention.
    static func categoryPath(_ raw: String) -> String? {
        QuestionCategory.path(Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}

/// One `<question>` element: reads the parts common to every type and hands the rest to
/// the type's reader (MoodleXMLReader+Bodies), gathering messages rather than stopping.
struct QuestionReader {
    let node: XMLNode
    private(set) var messages: [LocalizableMessage] = []
    /// What a `<text>` without `format` is written in. Moodle's own default is
    /// moodle_auto_format for the question text; for answers and feedback we follow the
    /// question text, so a hand-written file need not repeat `format="html"` everywhere.
    private(set) var defaultFormat = TextFormat.moodle

    init(node: XMLNode) { self.node = node }

    mutating func read(category: String?) -> Question? {
        guard let type = node.attributes["type"], !type.isEmpty else {
            report(.typeMissing)
            return nil
        }
        guard MoodleXMLReader.supportedTypes.contains(type) else {
            report(.typeUnsupported, type)
            return nil
        }
        // Images and attachments travel base64-encoded in `<file>`; Lontar stores none of
        // them, and a question whose picture silently vanished would be half-imported.
        if let file = node.descendants("file").first {
            report(.filesUnsupported, file.attributes["name"] ?? "")
        }
        let questionText = node.first("questiontext")
        defaultFormat = format(of: questionText, default: .moodle)
        let text = questionText?.first("text").map { FormattedText(trimmed($0.innerText), format: defaultFormat) }
            .flatMap { $0.text.isEmpty ? nil : $0 }
        if text == nil { report(.textMissing) }
        let title = node.first("name")?.first("text").map { trimmed($0.innerText) }
        let generalFeedback = formatted(node.first("generalfeedback"))
        let mark = defaultMark(type: type)
        guard let body = body(type: type), let text else { return nil }
        return Question(
            title: title?.isEmpty == false ? title : nil, text: text, body: body, category: category,
            generalFeedback: generalFeedback, defaultMark: mark)
    }

    private mutating func defaultMark(type: String) -> Double {
        // Moodle gives descriptions no marks and everything else one when the grade is absent.
        let fallback: Double = type == "description" ? 0 : 1
        guard let element = node.first("defaultgrade") else { return fallback }
        let raw = trimmed(element.innerText)
        guard let value = MoodleDecimal.parse(raw), value >= 0 else {
            report(.valueInvalid, "defaultgrade", raw)
            return fallback
        }
        return value
    }

    private mutating func body(type: String) -> QuestionBody? {
        switch type {
        case "multichoice": multipleChoice()
        case "truefalse": trueFalse()
        case "shortanswer": shortAnswer()
        case "numerical": numerical()
        case "matching": matching()
        case "essay": .essay
        default: .description
        }
    }

    // MARK: Shared pieces

    mutating func report(_ key: MoodleXMLMessageKey, _ arguments: String...) {
        messages.append(.moodleXML(key, arguments))
    }

    func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The `<text>` of an element that has one, with the element's format; nil when absent or
    /// blank. Moodle trims texts on import too, and exports empty feedback as `<text></text>`,
    /// which means "no feedback" rather than an empty one.
    mutating func formatted(_ element: XMLNode?) -> FormattedText? {
        guard let element, let text = element.first("text").map({ trimmed($0.innerText) }), !text.isEmpty else {
            return nil
        }
        return FormattedText(text, format: format(of: element, default: defaultFormat))
    }

    mutating func format(of element: XMLNode?, default fallback: TextFormat) -> TextFormat {
        guard let raw = element?.attributes["format"] else { return fallback }
        switch raw {
        case "html": return .html
        case "moodle_auto_format": return .moodle
        case "plain_text": return .plain
        case "markdown": return .markdown
        default:
            // Refused rather than guessed: text read in the wrong format shows raw markup.
            report(.formatUnknown, raw)
            return fallback
        }
    }

    /// `true`/`false` or `1`/`0`, both of which Moodle has written over the years.
    mutating func flag(_ name: String, default fallback: Bool) -> Bool {
        guard let element = node.first(name) else { return fallback }
        let raw = trimmed(element.innerText)
        switch raw.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            report(.valueInvalid, name, raw)
            return fallback
        }
    }

    /// An answer's `fraction` attribute, a percentage in the file (`100`, `33.33333`, `-50`),
    /// as -1…1. Absent means 0, as in Moodle.
    mutating func fraction(_ answer: XMLNode) -> Double {
        guard let raw = answer.attributes["fraction"] else { return 0 }
        guard let value = MoodleDecimal.parse(raw, shift: -2) else {
            report(.fractionInvalid, raw)
            return 0
        }
        guard (-1...1).contains(value) else {
            report(.fractionOutOfRange, raw)
            return 0
        }
        return value
    }
}
