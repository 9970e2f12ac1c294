extension Grade {
    /// Reads a grade as people type it: "III/a", "iii/A", "III a", "III-a",
    /// "Penata Muda, III/a", "Penata Muda (III/a)", "Gol. III/a", the pangkat alone
    /// ("Penata Muda"), or for PPPK "IX", "Golongan IX" or "9".
    public static func parse(_ raw: String, kind: EmployeeKind) -> Result<Grade, LocalizableMessage> {
        let text = raw.collapsingWhitespace
        guard !text.isEmpty else { return .failure(LocalizableMessage("grade.empty")) }
        let (namePart, codePart) = splitNameAndCode(text)

        let nameMatch = namePart.flatMap(pnsGrade(named:))
        guard let codeText = codePart else {
            // No code at all: a pangkat name alone still identifies a PNS grade.
            if let nameMatch { return kind == .pns ? .success(nameMatch) : .failure(crossKind(nameMatch)) }
            return .failure(LocalizableMessage("grade.unknown", [text]))
        }
        guard let grade = grade(fromCode: codeText) else {
            return .failure(LocalizableMessage("grade.unknown", [text]))
        }
        // "III" is a PPPK grade, but for a PNS it is far likelier a golongan typed
        // without its ruang letter.
        if kind == .pns, grade.kind == .pppk, grade.level <= 4 {
            return .failure(LocalizableMessage("grade.pns_needs_ruang", [grade.code]))
        }
        guard grade.kind == kind else { return .failure(crossKind(grade)) }
        if let nameMatch, nameMatch != grade {
            return .failure(LocalizableMessage("grade.rank_mismatch", [nameMatch.rankName ?? "", grade.code]))
        }
        return .success(grade)
    }

    private static func crossKind(_ grade: Grade) -> LocalizableMessage {
        grade.kind == .pns
            ? LocalizableMessage("grade.pns_grade_for_pppk", [grade.code])
            : LocalizableMessage("grade.pppk_grade_for_pns", [grade.code])
    }

    /// Splits "Penata Muda (III/a)" and "Penata Muda, III/a" into name and code; a
    /// text that is only a code or only a name comes back on one side.
    private static func splitNameAndCode(_ text: String) -> (name: String?, code: String?) {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let inside = String(text[text.index(after: open)..<close]).collapsingWhitespace
            return (String(text[..<open]).collapsingWhitespace, inside)
        }
        if let comma = text.lastIndex(of: ",") {
            let before = String(text[..<comma]).collapsingWhitespace
            let after = String(text[text.index(after: comma)...]).collapsingWhitespace
            return pnsGrade(named: after) != nil ? (after, before) : (before, after)
        }
        if pnsGrade(named: text) != nil { return (text, nil) }
        return (nil, text)
    }

    private static func grade(fromCode text: String) -> Grade? {
        let code = strippingGolonganWord(text)
        if let pns = pnsGrade(code: code) { return pns }
        if let number = pppkNumber(code), (1...17).contains(number) { return allPPPK[number - 1] }
        return nil
    }

    /// "III/a", "III a", "III-a", "IIIa", in any letter case.
    private static func pnsGrade(code: String) -> Grade? {
        let compact = code.filter { !$0.isWhitespace && $0 != "/" && $0 != "-" && $0 != "." }
        guard let ruang = compact.last, ruang.isLetter else { return nil }
        guard let golongan = RomanNumeral.value(of: String(compact.dropLast())) else { return nil }
        let wanted = "\(RomanNumeral.string(for: golongan))/\(ruang.lowercased())"
        return allPNS.first { $0.code == wanted }
    }

    private static func pppkNumber(_ code: String) -> Int? {
        let compact = strippingGolonganWord(code).removingWhitespace
        if compact.isASCIIDigits { return Int(compact) }
        return RomanNumeral.value(of: compact)
    }

    private static func strippingGolonganWord(_ text: String) -> String {
        let words = text.collapsingWhitespace.split(separator: " ")
        guard let first = words.first?.lowercased(), ["gol", "gol.", "golongan"].contains(first) else {
            return text.collapsingWhitespace
        }
        return words.dropFirst().joined(separator: " ")
    }

    /// Matches a pangkat name, accepting the abbreviation "Tk. I" for "Tingkat I".
    private static func pnsGrade(named name: String) -> Grade? {
        let wanted = canonicalRankName(name)
        guard !wanted.isEmpty else { return nil }
        return allPNS.first { canonicalRankName($0.rankName ?? "") == wanted }
    }

    private static func canonicalRankName(_ name: String) -> String {
        name.lowercased()
            .replacingAll(".", with: " ")
            .split(separator: " ")
            .map { $0 == "tk" ? "tingkat" : String($0) }
            .joined(separator: " ")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
