import Foundation

/// Rewrites HTML made by the Markdown renderer so that only a fixed set of tags and
/// attributes survives, every attribute value is escaped, links and images point only at
/// safe addresses, and tags are balanced (an unclosed `<strong>` must not embolden the
/// rest of the page). Anything else is shown as text. It reads tags the way our own output
/// writes them, so whatever it misreads can only come out as harmless text or be dropped.
enum HTMLAllowlist {
    /// The tags Ink writes; each keeps only the attributes `Writer.handle` checks and writes.
    private static let allowed: Set<String> = [
        "p", "br", "hr", "strong", "em", "s", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4",
        "h5", "h6", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    ]
    private static let void: Set<String> = ["br", "hr", "img"]

    static func clean(_ html: String) -> String {
        var writer = Writer()
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let tag = Tag.read(bytes, at: index) {
                writer.handle(tag, raw: String(decoding: bytes[index..<tag.end], as: UTF8.self))
                index = tag.end
                continue
            }
            switch byte {
            case UInt8(ascii: "<"): writer.text("&lt;")
            case UInt8(ascii: ">"): writer.text("&gt;")
            case UInt8(ascii: "&"):
                let length = entityLength(bytes, at: index)
                if length > 0 {
                    writer.text(String(decoding: bytes[index..<index + length], as: UTF8.self))
                    index += length
                    continue
                }
                writer.text("&amp;")
            default: writer.byte(byte)
            }
            index += 1
        }
        return writer.finish()
    }

    /// Text for an HTML body or a double-quoted attribute.
    static func escapeText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The length of a well-formed character reference at `index` (`&amp;`, `&#39;`,
    /// `&#x1F600;`), or 0. Such references are harmless in text: the browser shows them.
    private static func entityLength(_ bytes: [UInt8], at index: Int) -> Int {
        var cursor = index + 1
        guard cursor < bytes.count else { return 0 }
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        let isHex = { (b: UInt8) in isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66) }
        let isAlnum = { (b: UInt8) in isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
        var accept: (UInt8) -> Bool = isAlnum
        var limit = 32
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            accept = isDigit
            limit = 7
            if cursor < bytes.count, bytes[cursor] | 0x20 == UInt8(ascii: "x") {
                cursor += 1
                accept = isHex
                limit = 6
            }
        } else if !(bytes[cursor] | 0x20 >= 0x61 && bytes[cursor] | 0x20 <= 0x7A) {
            return 0
        }
        let start = cursor
        while cursor < bytes.count, cursor - start < limit, accept(bytes[cursor]) { cursor += 1 }
        guard cursor > start, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") else { return 0 }
        return cursor + 1 - index
    }

    // MARK: - Addresses

    /// The address as it may be written into `href` or `src`, or nil when it is not one of
    /// http, https, mailto (links only) or relative. Browsers ignore tabs and line breaks
    /// inside an address and spaces around it (`java\tscript:` is `javascript:`), so the
    /// scheme is judged on what the browser would see. The value is used literally: it is
    /// escaped on output, so `&#106;avascript:` stays a harmless relative address.
    static func safeURL(_ raw: String, allowMailto: Bool) -> String? {
        let scalars = raw.unicodeScalars.filter { !["\t", "\n", "\r"].contains($0) }
        var url = String(String.UnicodeScalarView(scalars))
        url = url.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0}"..."\u{20}"))
        guard !url.isEmpty, !url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return nil
        }
        guard let stop = url.firstIndex(where: { ":/?#".contains($0) }), url[stop] == ":" else { return url }
        let scheme = url[..<stop].lowercased()
        let schemes: Set<String> = allowMailto ? ["http", "https", "mailto"] : ["http", "https"]
        return schemes.contains(scheme) ? url : nil
    }

    static func isExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//")
    }

    // MARK: - Reading tags

    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [String: String]
        /// Index just after the tag's `>`.
        var end: Int

        /// A tag starting at `start` (a `<`), or nil when what follows is not a tag.
        static func read(_ bytes: [UInt8], at start: Int) -> Tag? {
            var cursor = start + 1
            var closing = false
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") {
                closing = true
                cursor += 1
            }
            let nameStart = cursor
            while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart, bytes[nameStart] | 0x20 >= 0x61, bytes[nameStart] | 0x20 <= 0x7A else {
                return nil
            }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            var attributes: [String: String] = [:]
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: ">") {
                    return Tag(name: name, closing: closing, attributes: attributes, end: cursor + 1)
                }
                if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\"")
                    || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "=")
                {
                    cursor += 1
                    continue
                }
                let attributeStart = cursor
                while cursor < bytes.count, !isSpace(bytes[cursor]), !"/>=\"'".utf8.contains(bytes[cursor]) {
                    cursor += 1
                }
                let attribute = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
                var probe = cursor
                while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else {
                    if attributes[attribute] == nil { attributes[attribute] = "" }
                    continue
                }
                probe += 1
                while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                guard probe < bytes.count else { return nil }
                let value: String
                if bytes[probe] == UInt8(ascii: "\"") || bytes[probe] == UInt8(ascii: "'") {
                    let quote = bytes[probe]
                    guard let close = bytes[(probe + 1)...].firstIndex(of: quote) else { return nil }
                    value = String(decoding: bytes[(probe + 1)..<close], as: UTF8.self)
                    cursor = close + 1
                } else {
                    var stop = probe
                    while stop < bytes.count, !isSpace(bytes[stop]), bytes[stop] != UInt8(ascii: ">") { stop += 1 }
                    value = String(decoding: bytes[probe..<stop], as: UTF8.self)
                    cursor = stop
                }
                // The first of two equal attributes wins, as in browsers.
                if attributes[attribute] == nil { attributes[attribute] = value }
            }
            return nil
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }
    }

    // MARK: - Writing

    private struct Writer {
        var output: [UInt8] = []
        /// Tags written and not yet closed, innermost last.
        var open: [String] = []
        /// For each `<a>` met, whether it was written (false: its address was refused and
        /// only its text is shown), so its `</a>` is treated alike.
        var anchors: [Bool] = []

        mutating func text(_ string: String) { output += Array(string.utf8) }
        mutating func byte(_ byte: UInt8) { output.append(byte) }

        mutating func handle(_ tag: Tag, raw: String) {
            guard HTMLAllowlist.allowed.contains(tag.name) else {
                text(HTMLAllowlist.escapeText(raw))
                return
            }
            if tag.closing {
                close(tag.name)
                return
            }
            var attributes: [(String, String)] = []
            switch tag.name {
            case "a":
                // Links do not nest; a link whose address is refused keeps its text.
                guard !open.contains("a"), let href = tag.attributes["href"].flatMap({ safeURL($0, allowMailto: true) })
                else {
                    anchors.append(false)
                    return
                }
                anchors.append(true)
                attributes.append(("href", href))
                if isExternal(href) { attributes.append(("rel", "noopener noreferrer nofollow")) }
            case "img":
                let alt = plainText(tag.attributes["alt"] ?? "")
                guard let src = tag.attributes["src"].flatMap({ safeURL($0, allowMailto: false) }) else {
                    text(HTMLAllowlist.escapeText(alt))
                    return
                }
                attributes += [("src", src), ("alt", alt), ("loading", "lazy"), ("decoding", "async")]
            case "code":
                if let language = tag.attributes["class"], language.hasPrefix("language-"), language.count <= 40,
                    language.dropFirst(9).allSatisfy({
                        $0.isASCII && ($0.isLetter || $0.isNumber || "+-_".contains($0))
                    })
                {
                    attributes.append(("class", language))
                }
            case "ol":
                if let start = tag.attributes["start"], start.count <= 9, Int(start) != nil {
                    attributes.append(("start", start))
                }
            case "th", "td":
                if let align = tag.attributes["align"], ["left", "center", "right"].contains(align) {
                    attributes.append(("align", align))
                }
            default:
                break
            }
            text("<" + tag.name)
            for (name, value) in attributes {
                text(" \(name)=\"\(HTMLAllowlist.escapeText(value))\"")
            }
            text(">")
            if !HTMLAllowlist.void.contains(tag.name) { open.append(tag.name) }
        }

        mutating func close(_ name: String) {
            if name == "a" {
                guard let written = anchors.popLast(), written else { return }
            }
            guard !HTMLAllowlist.void.contains(name), let position = open.lastIndex(of: name) else { return }
            while open.count > position {
                let inner = open.removeLast()
                text("</\(inner)>")
            }
        }

        mutating func finish() -> String {
            while let name = open.popLast() { text("</\(name)>") }
            return String(decoding: output, as: UTF8.self)
        }

        /// An image's alt text as Ink writes it (HTML) turned back into plain text.
        private func plainText(_ html: String) -> String {
            var result = ""
            var inTag = false
            for character in html {
                if character == "<" {
                    inTag = true
                } else if character == ">" && inTag {
                    inTag = false
                } else if !inTag {
                    result.append(character)
                }
            }
            return
                result
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
