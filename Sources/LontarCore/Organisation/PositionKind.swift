/// The kinds of jabatan under UU ASN: JPT, administrator, pengawas, pelaksana and
/// fungsional.
public enum PositionKind: String, CaseIterable, Sendable, Codable {
    case jpt
    case administrator
    case pengawas
    case pelaksana
    case fungsional

    /// The catalogue entry holding the kind's display name.
    public var nameMessage: LocalizableMessage {
        switch self {
        case .jpt: LocalizableMessage("position_kind.jpt")
        case .administrator: LocalizableMessage("position_kind.administrator")
        case .pengawas: LocalizableMessage("position_kind.pengawas")
        case .pelaksana: LocalizableMessage("position_kind.pelaksana")
        case .fungsional: LocalizableMessage("position_kind.fungsional")
        }
    }

    /// Reads the kind from what people type: the code, the full name, or a whole
    /// position title starting with its kind ("Jabatan Fungsional Guru Ahli Muda",
    /// "JPT Pratama"). The pre-2014 names are still in HR spreadsheets, so they are
    /// mapped too: eselon II → JPT, III → administrator, IV → pengawas, and JFU
    /// ("jabatan fungsional umum") → pelaksana, JFT ("… tertentu") → fungsional.
    public static func parse(_ raw: String) -> Result<PositionKind, LocalizableMessage> {
        var words = raw.lowercased()
            .split { $0.isWhitespace || $0 == "." || $0 == "," || $0 == "-" || $0 == "(" || $0 == ")" }
            .map(String.init)
        if words.first == "jabatan" { words.removeFirst() }
        guard let first = words.first else {
            return .failure(LocalizableMessage("position_kind.unknown", [raw.collapsingWhitespace]))
        }
        let second = words.dropFirst().first
        switch (first, second) {
        case ("jpt", _), ("pimpinan", "tinggi"): return .success(.jpt)
        case ("administrator", _): return .success(.administrator)
        case ("pengawas", _): return .success(.pengawas)
        case ("pelaksana", _), ("jfu", _), ("fungsional", "umum"): return .success(.pelaksana)
        case ("fungsional", _), ("jf", _), ("jft", _): return .success(.fungsional)
        case ("eselon", "i"), ("eselon", "ii"): return .success(.jpt)
        case ("eselon", "iii"): return .success(.administrator)
        case ("eselon", "iv"): return .success(.pengawas)
        default: return .failure(LocalizableMessage("position_kind.unknown", [raw.collapsingWhitespace]))
        }
    }
}
