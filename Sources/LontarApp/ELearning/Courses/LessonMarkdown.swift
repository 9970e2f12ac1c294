import Foundation
import Ink

/// Lesson texts (and any other author-written Markdown) as HTML, rendered on the server.
///
/// Authors are facilitators and partners from outside the city's staff, so their text is
/// untrusted: whatever they type must not run script in a learner's session. Three layers:
/// 1. before parsing, every `<` outside code becomes `&lt;` (raw HTML is shown as text, and
///    Ink's HTML reader, which can swallow the rest of a document looking for a closing
///    tag, never starts); `<https://…>`, `<mailto:…>` and `<name@host>` autolinks become
///    ordinary Markdown links first;
/// 2. Ink's `.html` modifier escapes whatever Ink still takes for HTML;
/// 3. `HTMLAllowlist` re-reads Ink's output and writes it anew with only known tags and
///    attributes, checked addresses and escaped values. Ink copies addresses, image alt
///    texts and code-block languages into attributes unescaped, so this last pass, not Ink,
///    is what the safety rests on.
enum LessonMarkdown {
    static func html(_ markdown: String) -> String {
        let source = neutraliseTags(markdown).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty else { return "" }
        let parser = MarkdownParser(modifiers: [
            Modifier(target: .html) { input in HTMLAllowlist.escapeText(String(input.markdown)) }
        ])
        // Ink reads a leading `---` block as metadata: it would swallow an author's text up
        // to the next rule, and it traps (reads past the end) when only blank lines follow.
        // An empty metadata block in front means Ink never looks for another.
        return HTMLAllowlist.clean(parser.html(from: "---\n---\n" + source))
    }

    /// Escapes `<` outside fenced code blocks and inline code spans, turning autolinks into
    /// `[address](address)` first. Code is left alone: Ink escapes it itself, and an author
    /// explaining HTML wants `<p>` shown in a code block, not `&lt;p&gt;`.
    static func neutraliseTags(_ markdown: String) -> String {
        let text = markdown.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines: [String] = []
        var openFence: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let ticks = line.drop(while: { $0 == " " || $0 == "\t" }).prefix(while: { $0 == "`" }).count
            if let fence = openFence {
                // Ink closes a fence on a line that starts with the same number of backticks.
                if line.prefix(while: { $0 == "`" }).count == fence { openFence = nil }
                lines.append(String(line))
            } else if ticks >= 3 {
                openFence = ticks
                lines.append(String(line))
            } else {
                lines.append(neutraliseLine(line))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func neutraliseLine(_ line: Substring) -> String {
        var result = ""
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "`", let close = line[line.index(after: index)...].firstIndex(of: "`") {
                // An inline code span, as Ink reads one: up to the next backtick on the line.
                result += line[index...close]
                index = line.index(after: close)
                continue
            }
            if character == "<" {
                if let (link, end) = autolink(in: line[index...]) {
                    result += link
                    index = end
                } else {
                    result += "&lt;"
                    index = line.index(after: index)
                }
                continue
            }
            result.append(character)
            index = line.index(after: index)
        }
        return result
    }

    /// Characters an autolink may hold: none that Markdown would read as structure.
    private static let autolinkCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'+,;=%")

    /// `<https://…>`, `<http://…>`, `<mailto:…>` or `<someone@example.go.id>` at the start of
    /// `text`, as a Markdown link and the index after the closing `>`.
    private static func autolink(in text: Substring) -> (String, Substring.Index)? {
        guard let close = text.firstIndex(of: ">") else { return nil }
        let inner = text[text.index(after: text.startIndex)..<close]
        guard !inner.isEmpty, inner.unicodeScalars.allSatisfy(autolinkCharacters.contains) else { return nil }
        let lower = inner.lowercased()
        let end = text.index(after: close)
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") {
            return ("[\(inner)](\(inner))", end)
        }
        let parts = inner.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !inner.contains(":"), !inner.contains("/") {
            return ("[\(inner)](mailto:\(inner))", end)
        }
        return nil
    }
}
