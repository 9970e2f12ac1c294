/// Golongan (and for PNS its pangkat): I/a … IV/e for PNS, I … XVII for PPPK.
public struct Grade: Sendable, Hashable, Codable {
    public let kind: EmployeeKind
    /// "III/a" for PNS, "IX" for PPPK.
    public let code: String
    /// The pangkat, e.g. "Penata Muda"; PPPK grades have none.
    public let rankName: String?
    /// 1 for the lowest grade of the kind, rising by one per grade.
    public let level: Int

    public static let allPNS: [Grade] = {
        let ruangs: [(golongan: String, letters: String)] = [
            ("I", "abcd"), ("II", "abcd"), ("III", "abcd"), ("IV", "abcde"),
        ]
        let codes = ruangs.flatMap { group in group.letters.map { "\(group.golongan)/\($0)" } }
        return zip(codes, pnsRankNames).enumerated().map { index, pair in
            Grade(kind: .pns, code: pair.0, rankName: pair.1, level: index + 1)
        }
    }()

    public static let allPPPK: [Grade] = (1...17).map {
        Grade(kind: .pppk, code: RomanNumeral.string(for: $0), rankName: nil, level: $0)
    }

    public static func all(for kind: EmployeeKind) -> [Grade] {
        kind == .pns ? allPNS : allPPPK
    }

    /// "Penata Muda, III/a" for PNS, the code alone for PPPK.
    public var displayName: String {
        rankName.map { "\($0), \(code)" } ?? code
    }

    private static let pnsRankNames = [
        "Juru Muda", "Juru Muda Tingkat I", "Juru", "Juru Tingkat I",
        "Pengatur Muda", "Pengatur Muda Tingkat I", "Pengatur", "Pengatur Tingkat I",
        "Penata Muda", "Penata Muda Tingkat I", "Penata", "Penata Tingkat I",
        "Pembina", "Pembina Tingkat I", "Pembina Utama Muda", "Pembina Utama Madya", "Pembina Utama",
    ]
}

enum RomanNumeral {
    private static let symbols: [(value: Int, symbol: String)] = [
        (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    /// Roman numerals for 1…39, enough for golongan.
    static func string(for number: Int) -> String {
        var rest = number
        var result = ""
        for (value, symbol) in symbols {
            while rest >= value {
                result += symbol
                rest -= value
            }
        }
        return result
    }

    /// The value of a canonical numeral (case-insensitive) in 1…39, else nil.
    static func value(of text: String) -> Int? {
        let upper = text.uppercased()
        return (1...39).first { string(for: $0) == upper }
    }
}
