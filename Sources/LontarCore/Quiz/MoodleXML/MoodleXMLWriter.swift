/// Writes questions the way Moodle's own export does, so the file imports into Moodle as
/// well as back into Lontar. Fields Lontar's model lacks (penalty, shuffling, numbering,
/// essay response settings) are written with Moodle's usual defaults.
struct MoodleXMLWriter {
    private var lines: [String] = []

    static func write(_ questions: [Question]) -> String {
        var writer = MoodleXMLWriter()
        writer.lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#, "<quiz>"]
        // A category entry applies to every question after it, so one is written only where
        // the category changes; `$course$/top` alone brings a question back to the top.
        var current: String?
        for question in questions {
            let category = question.category?.isEmpty == false ? question.category : nil
            if category != current {
                writer.category(category)
                current = category
            }
            writer.question(question)
        }
        writer.lines.append("</quiz>")
        return writer.lines.joined(separator: "\n") + "\n"
    }

    private mutating func category(_ path: String?) {
        line(1, #"<question type="category">"#)
        line(2, "<category>")
        line(3, "<text>\(MoodleXMLEscaping.content("$course$/top" + (path.map { "/" + $0 } ?? "")))</text>")
        line(2, "</category>")
        line(1, "</question>")
    }

    private mutating func question(_ question: Question) {
        line(1, "<question type=\"\(question.body.kind.rawValue)\">")
        line(2, "<name>")
        line(3, "<text>\(MoodleXMLEscaping.content(question.title ?? ""))</text>")
        line(2, "</name>")
        text("questiontext", question.text, indent: 2)
        text("generalfeedback", question.generalFeedback ?? FormattedText("", format: question.text.format), indent: 2)
        line(2, "<defaultgrade>\(MoodleDecimal.format(question.defaultMark))</defaultgrade>")
        line(2, "<penalty>\(question.body.kind == .trueFalse ? "1" : "0.3333333")</penalty>")
        line(2, "<hidden>0</hidden>")
        body(question.body)
        line(1, "</question>")
    }

    private mutating func body(_ body: QuestionBody) {
        switch body {
        case .multipleChoice(let options, let single):
            line(2, "<single>\(single)</single>")
            line(2, "<shuffleanswers>true</shuffleanswers>")
            line(2, "<answernumbering>abc</answernumbering>")
            for option in options { answer(option) }
        case .trueFalse(let answer, let feedbackWhenTrue, let feedbackWhenFalse):
            for (value, feedback) in [(true, feedbackWhenTrue), (false, feedbackWhenFalse)] {
                let option = AnswerOption(
                    FormattedText("\(value)", format: .moodle), fraction: value == answer ? 1 : 0, feedback: feedback)
                self.answer(option)
            }
        case .shortAnswer(let answers, let caseSensitive):
            line(2, "<usecase>\(caseSensitive ? 1 : 0)</usecase>")
            for option in answers { answer(option) }
        case .numerical(let answers):
            for numeric in answers {
                line(2, "<answer fraction=\"\(percent(numeric.fraction))\" format=\"moodle_auto_format\">")
                line(3, "<text>\(MoodleDecimal.format(numeric.value))</text>")
                line(3, "<tolerance>\(MoodleDecimal.format(numeric.tolerance))</tolerance>")
                feedback(numeric.feedback)
                line(2, "</answer>")
            }
        case .matching(let pairs):
            line(2, "<shuffleanswers>true</shuffleanswers>")
            for pair in pairs {
                line(2, "<subquestion format=\"\(Self.formatName(pair.prompt.format))\">")
                line(3, "<text>\(MoodleXMLEscaping.content(pair.prompt.text))</text>")
                line(3, "<answer>")
                line(4, "<text>\(MoodleXMLEscaping.content(pair.answer))</text>")
                line(3, "</answer>")
                line(2, "</subquestion>")
            }
        case .essay:
            // Moodle's defaults for a new essay: a rich-text box of 15 lines, no attachments.
            line(2, "<responseformat>editor</responseformat>")
            line(2, "<responserequired>1</responserequired>")
            line(2, "<responsefieldlines>15</responsefieldlines>")
            line(2, "<attachments>0</attachments>")
            line(2, "<attachmentsrequired>0</attachmentsrequired>")
        case .description:
            break
        }
    }

    private mutating func answer(_ option: AnswerOption) {
        line(2, "<answer fraction=\"\(percent(option.fraction))\" format=\"\(Self.formatName(option.text.format))\">")
        line(3, "<text>\(MoodleXMLEscaping.content(option.text.text))</text>")
        feedback(option.feedback)
        line(2, "</answer>")
    }

    private mutating func feedback(_ feedback: FormattedText?) {
        guard let feedback else { return }
        text("feedback", feedback, indent: 3)
    }

    private mutating func text(_ element: String, _ text: FormattedText, indent: Int) {
        line(indent, "<\(element) format=\"\(Self.formatName(text.format))\">")
        line(indent + 1, "<text>\(MoodleXMLEscaping.content(text.text))</text>")
        line(indent, "</\(element)>")
    }

    /// Moodle stores fractions as percentages: 1 → `100`, 1/3 → `33.333333333333336`.
    private func percent(_ fraction: Double) -> String { MoodleDecimal.format(fraction, shift: 2) }

    static func formatName(_ format: TextFormat) -> String {
        switch format {
        case .html: "html"
        case .moodle: "moodle_auto_format"
        case .plain: "plain_text"
        case .markdown: "markdown"
        }
    }

    private mutating func line(_ indent: Int, _ text: String) {
        lines.append(String(repeating: "  ", count: indent) + text)
    }
}
