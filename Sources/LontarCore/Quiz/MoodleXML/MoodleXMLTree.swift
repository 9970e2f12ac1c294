import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small element tree built from Foundation's SAX `XMLParser`, because LontarCore takes
/// no XML dependency and Linux's Foundation has no DOM (`XMLDocument`) worth relying on.
/// Moodle question files are a few megabytes at most, so holding the tree is cheap.
struct XMLNode {
    enum Piece {
        case text(String)
        case child(Int)
    }

    var name: String
    var attributes: [String: String]
    var line: Int
    var children: [XMLNode] = []
    /// Text (CDATA included) and child elements in document order, kept so that HTML written
    /// inline without CDATA can be rebuilt instead of silently losing its tags.
    var content: [Piece] = []

    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Every descendant called `name`, at any depth.
    func descendants(_ name: String) -> [XMLNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    /// The element's content as text. Child elements only appear when someone wrote HTML
    /// without CDATA; they are serialised back (and the text between them re-escaped) so
    /// the author's markup survives the way Moodle's own export would have carried it.
    var innerText: String {
        guard !children.isEmpty else {
            return content.map { if case .text(let text) = $0 { text } else { "" } }.joined()
        }
        return content.map { piece in
            switch piece {
            case .text(let text): MoodleXMLEscaping.escape(text)
            case .child(let index): children[index].outerXML
            }
        }.joined()
    }

    private var outerXML: String {
        let attributeText = attributes.sorted { $0.key < $1.key }
            .map { " \($0.key)=\"\(MoodleXMLEscaping.escape($0.value))\"" }.joined()
        let inner = innerText
        return inner.isEmpty ? "<\(name)\(attributeText)/>" : "<\(name)\(attributeText)>\(inner)</\(name)>"
    }
}

enum XMLTreeReader {
    /// The root element, or the single issue that stops reading: malformed XML is reported
    /// at the parser's line, since nothing after the first error can be trusted.
    static func read(_ data: [UInt8]) -> Result<XMLNode, QuestionImportIssue> {
        // libxml2 calls a blank file "ended early" and a CSV "empty"; decide emptiness here.
        let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
        if data.allSatisfy(blank.contains) { return .failure(QuestionImportIssue(message: .moodleXML(.fileEmpty))) }
        let parser = XMLParser(data: Data(data))
        let builder = TreeBuilder()
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        _ = parser.parse()
        // `parse()` can return true after an error (seen on Linux for a missing end tag),
        // so the delegate's record of the first error is what counts.
        if let error = builder.firstError {
            return .failure(QuestionImportIssue(line: error.line, message: .moodleXML(reason(code: error.code))))
        }
        guard let root = builder.root else { return .failure(QuestionImportIssue(message: .moodleXML(.fileEmpty))) }
        return .success(root)
    }

    /// libxml2's error numbers (which `XMLParser` passes through on Linux and macOS) for the
    /// mistakes people make when editing an export by hand; anything else is "malformed".
    private static func reason(code: Int) -> MoodleXMLMessageKey {
        switch code {
        case 5: .fileUnexpectedEnd  // XML_ERR_DOCUMENT_END
        case 9: .fileInvalidCharacter  // XML_ERR_INVALID_CHAR (also bytes that are not UTF-8)
        case 23, 26, 68: .fileUnescapedMarkup  // bare `&`, `&nbsp;`, bare `<`
        case 76: .fileTagMismatch  // XML_ERR_TAG_NAME_MISMATCH
        default: .fileMalformed
        }
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    var firstError: (code: Int, line: Int)?
    private var stack: [XMLNode] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(XMLNode(name: elementName, attributes: attributes, line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let node = stack.popLast() else { return }
        guard !stack.isEmpty else {
            root = node
            return
        }
        stack[stack.count - 1].content.append(.child(stack[stack.count - 1].children.count))
        stack[stack.count - 1].children.append(node)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { appendText(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        appendText(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if firstError == nil { firstError = ((parseError as NSError).code, max(parser.lineNumber, 1)) }
    }

    private func appendText(_ text: String) {
        guard !stack.isEmpty else { return }
        let top = stack.count - 1
        // The parser hands text over in pieces (around entities, CDATA); joining them keeps
        // `content` short and `innerText` simple.
        if case .text(let previous)? = stack[top].content.last {
            stack[top].content[stack[top].content.count - 1] = .text(previous + text)
        } else {
            stack[top].content.append(.text(text))
        }
    }
}
