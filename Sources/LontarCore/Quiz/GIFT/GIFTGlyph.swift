/// One character of a question as the reader sees it: the scalar, whether it was written
/// with a backslash (then it is text and never syntax), and the file line it came from, so
/// that an issue found deep inside an answer block can still name its line.
///
/// The reader works on unicode scalars rather than `Character`s because a combining mark
/// written after `~` would fuse with it into one `Character` and hide the marker.
struct GIFTGlyph: Sendable, Equatable {
    let scalar: Unicode.Scalar
    let escaped: Bool
    let line: Int

    /// True when this is `scalar` written as syntax (not escaped).
    func isMark(_ mark: Unicode.Scalar) -> Bool { !escaped && scalar == mark }

    /// Moodle trims with PHP's `trim`, which removes ASCII blanks only; a no-break space at
    /// the start of a text is kept. An escaped `\n` is trimmed too, as Moodle unescapes
    /// before trimming.
    var isBlank: Bool { GIFTGlyph.blanks.contains(scalar) }

    static let blanks: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\0"]

    /// The characters `\` makes literal. `\n` is handled apart: it stands for a line break.
    static let escapable: Set<Unicode.Scalar> = ["\\", "~", "=", "#", "{", "}", ":"]

    /// The glyphs of a question's lines (already trimmed), joined by line breaks as Moodle
    /// joins them: a question text may span several lines.
    static func read(_ lines: [(number: Int, text: Substring)]) -> [GIFTGlyph] {
        var glyphs: [GIFTGlyph] = []
        for line in lines {
            if let previous = glyphs.last {
                glyphs.append(GIFTGlyph(scalar: "\n", escaped: false, line: previous.line))
            }
            var scalars = line.text.unicodeScalars.makeIterator()
            var pending = scalars.next()
            while let scalar = pending {
                pending = scalars.next()
                guard scalar == "\\", let next = pending else {
                    glyphs.append(GIFTGlyph(scalar: scalar, escaped: false, line: line.number))
                    continue
                }
                if next == "n" {
                    glyphs.append(GIFTGlyph(scalar: "\n", escaped: true, line: line.number))
                    pending = scalars.next()
                } else if escapable.contains(next) {
                    glyphs.append(GIFTGlyph(scalar: next, escaped: true, line: line.number))
                    pending = scalars.next()
                } else {
                    // An unknown escape keeps its backslash, as in Moodle: `C:\Windows` stays.
                    glyphs.append(GIFTGlyph(scalar: scalar, escaped: false, line: line.number))
                }
            }
        }
        return glyphs
    }
}

typealias GIFTGlyphs = ArraySlice<GIFTGlyph>

extension ArraySlice where Element == GIFTGlyph {
    var plainText: String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: map(\.scalar))
        return String(text)
    }

    var trimmed: GIFTGlyphs {
        guard let first = firstIndex(where: { !$0.isBlank }), let last = lastIndex(where: { !$0.isBlank }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }

    func firstMark(_ mark: Unicode.Scalar) -> Int? { firstIndex { $0.isMark(mark) } }

    /// Where `marks` (e.g. `::` or `->`) first starts as syntax, from `start` on.
    func firstRun(_ marks: [Unicode.Scalar], from start: Int? = nil) -> Int? {
        var index = start ?? startIndex
        while index + marks.count <= endIndex {
            if marks.indices.allSatisfy({ self[index + $0].isMark(marks[$0]) }) { return index }
            index += 1
        }
        return nil
    }

    /// Where `marks` last starts, as PHP's `strrpos` finds `####` in Moodle's reader.
    func lastRun(_ marks: [Unicode.Scalar]) -> Int? {
        var index = endIndex - marks.count
        while index >= startIndex {
            if marks.indices.allSatisfy({ self[index + $0].isMark(marks[$0]) }) { return index }
            index -= 1
        }
        return nil
    }

    /// Cuts the slice at every mark in `marks`: the part before the first mark (marker nil)
    /// and one part per mark, which the mark starts. GIFT answers are cut this way (`~`, `=`).
    func cut(at marks: Set<Unicode.Scalar>) -> [GIFTSegment] {
        var segments = [GIFTSegment(marker: nil, line: first?.line ?? 0, body: self[startIndex..<startIndex])]
        for index in indices {
            let glyph = self[index]
            if !glyph.escaped && marks.contains(glyph.scalar) {
                segments.append(GIFTSegment(marker: glyph.scalar, line: glyph.line, body: self[index + 1..<index + 1]))
            } else {
                let last = segments.count - 1
                let body = segments[last].body
                segments[last].body = self[body.startIndex...index]
            }
        }
        return segments
    }

    /// The text before the first `#` and, when there is one, the text after it: an
    /// answer and its feedback.
    var splitFeedback: (answer: GIFTGlyphs, feedback: GIFTGlyphs?) {
        guard let hash = firstMark("#") else { return (self, nil) }
        return (self[..<hash], self[(hash + 1)...])
    }
}

/// One answer of a block: the mark that started it (`~`, `=`, or nil for text before the
/// first mark), the line of that mark, and what follows up to the next mark.
struct GIFTSegment: Sendable {
    let marker: Unicode.Scalar?
    let markerLine: Int
    var body: GIFTGlyphs

    init(marker: Unicode.Scalar?, line: Int, body: GIFTGlyphs) {
        self.marker = marker
        self.markerLine = line
        self.body = body
    }

    /// The line an issue with this answer names: its mark's, or for unmarked text its own.
    var line: Int { marker == nil ? (body.trimmed.first?.line ?? markerLine) : markerLine }
}
