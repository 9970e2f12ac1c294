import Foundation

/// Recurring words in open answers and interview notes, so BKPPD sees themes across
/// hundreds of comments at a glance. Deliberately simple: lower-case words of three or
/// more letters, Indonesian (and a few English) function words dropped, counted once per text
/// so one long comment cannot make a theme alone.
public enum NeedsThemes {
    public struct Theme: Sendable, Equatable {
        public let word: String
        /// In how many texts the word occurs.
        public let texts: Int

        public init(word: String, texts: Int) {
            self.word = word
            self.texts = texts
        }
    }

    /// Words that carry no theme: conjunctions, prepositions, pronouns, auxiliaries, and the
    /// words every comment about training uses.
    public static let stopWords: Set<String> = [
        "ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa", "atas", "atau", "bagi", "bahwa", "banyak",
        "baru", "belum", "benar", "beberapa", "begitu", "berikut", "bisa", "boleh", "bukan", "cukup", "dalam",
        "dan", "dapat", "dari", "daripada", "dengan", "di", "dia", "hal", "hanya", "harus", "hingga", "ini", "itu",
        "jadi", "jika", "juga", "kali", "kami", "kamu", "karena", "ke", "kepada", "ketika", "kita", "lagi", "lain",
        "lebih", "maka", "masih", "mereka", "misalnya", "mungkin", "namun", "oleh", "pada", "para", "perlu",
        "saat", "saja", "sangat", "saya", "sebagai", "sebuah", "secara", "sedang", "sehingga", "sejak", "semua",
        "seperti", "serta", "sudah", "supaya", "tapi", "tentang", "terhadap", "tersebut", "tetapi", "tidak",
        "untuk", "yaitu", "yang", "bagaimana", "sebaiknya", "ditambahkan", "diperbaiki", "pelatihan", "peserta",
        "kegiatan", "agak", "kurang", "nya", "pun", "lah", "kah", "sekali", "setiap", "tiap",
        "the", "and", "for", "with", "more", "that", "this", "training",
    ]

    /// Lower-case words of at least three letters, stop words removed, in order.
    public static func tokens(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !$0.isLetter })
            .map(String.init)
            .filter { $0.count >= 3 && !stopWords.contains($0) }
    }

    /// The `limit` words found in the most texts, ties in alphabetical order; words found in
    /// only one text are not a theme and are left out.
    public static func top(_ texts: [String], limit: Int = 15) -> [Theme] {
        var counts: [String: Int] = [:]
        for text in texts {
            for word in Set(tokens(text)) { counts[word, default: 0] += 1 }
        }
        return counts.filter { $0.value >= 2 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(max(limit, 0))
            .map { Theme(word: $0.key, texts: $0.value) }
    }
}

/// An L4 result indicator's movement from baseline to result.
public struct IndicatorChange: Sendable, Equatable {
    public let baseline: Double
    public let result: Double
    public let higherIsBetter: Bool

    public init(baseline: Double, result: Double, higherIsBetter: Bool) {
        self.baseline = baseline
        self.result = result
        self.higherIsBetter = higherIsBetter
    }

    /// Result minus baseline, in the indicator's unit.
    public var change: Double { result - baseline }

    /// The change as a percent of the baseline; nil when the baseline is 0.
    public var percent: Double? { baseline == 0 ? nil : change / abs(baseline) * 100 }

    /// Whether the indicator moved the right way (a shorter waiting time, a higher score).
    public var improved: Bool { higherIsBetter ? change > 0 : change < 0 }
}
