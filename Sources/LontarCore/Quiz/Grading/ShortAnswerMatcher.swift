import Foundation

/// Short-answer comparison with Moodle's `*` wildcard. Hand-written rather than built
/// as a regular expression from the author's text: answers such as "Rp.5.000 (lima
/// ribu)" are full of regex syntax, and escaping every case correctly is harder to get
/// right than matching a pattern whose only special character is `*`.
enum ShortAnswerMatcher {
    /// Surrounding whitespace removed and inner runs (including line breaks and the
    /// no-break spaces phones insert) made one space, so "Kota  Kupang " is "Kota
    /// Kupang"; lower-cased too unless the question is case-sensitive. Answers and
    /// responses both go through this, so they meet on equal terms.
    static func normalised(_ text: String, caseSensitive: Bool) -> String {
        let tidy = text.collapsingWhitespace
        return caseSensitive ? tidy : tidy.lowercased()
    }

    /// Whether the whole of `text` matches `pattern`, where `*` stands for any run of
    /// characters (empty too) and `\*` for a literal asterisk, as in Moodle.
    /// Characters compare by Unicode canonical equivalence, so a composed "é" typed on
    /// one phone matches a decomposed one in an imported answer.
    static func matches(_ text: String, pattern: String) -> Bool {
        let segments = segments(of: pattern)
        let characters = Array(text)
        guard segments.count > 1 else { return characters == segments[0] }
        // With wildcards the first segment is anchored at the start, the last at the end,
        // and the ones between are found leftmost in order. Taking the leftmost place is
        // always safe for a pattern whose only operator is `*`: it leaves the most room
        // for what follows. The cost is at worst text length × pattern length, never the
        // exponential blow-up of a backtracking regex on a hostile pattern.
        let prefix = segments[0]
        let suffix = segments[segments.count - 1]
        guard characters.count >= prefix.count + suffix.count,
            characters.starts(with: prefix),
            characters.suffix(suffix.count).elementsEqual(suffix)
        else { return false }
        var position = prefix.count
        let end = characters.count - suffix.count
        for segment in segments.dropFirst().dropLast() where !segment.isEmpty {
            guard let found = firstIndex(of: segment, in: characters, from: position, before: end) else {
                return false
            }
            position = found + segment.count
        }
        return true
    }

    /// The literal pieces between unescaped asterisks: "a*b" → ["a", "b"], "*a" → ["", "a"];
    /// one piece means the pattern has no wildcard.
    static func segments(of pattern: String) -> [[Character]] {
        var segments: [[Character]] = [[]]
        var characters = pattern.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if character == "\\" && pending == "*" {
                segments[segments.count - 1].append("*")
                pending = characters.next()
            } else if character == "*" {
                segments.append([])
            } else {
                segments[segments.count - 1].append(character)
            }
        }
        return segments
    }

    /// The first place `needle` occurs wholly inside `haystack[from..<before]`.
    private static func firstIndex(
        of needle: [Character], in haystack: [Character], from: Int, before: Int
    ) -> Int? {
        guard before - from >= needle.count else { return nil }
        for start in from...(before - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
