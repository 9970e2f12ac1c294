/// The two kinds of ASN (civil servant): PNS (permanent) and PPPK (contract).
public enum EmployeeKind: String, Sendable, Codable, CaseIterable {
    case pns = "PNS"
    case pppk = "PPPK"

    /// Reads the kind as people write it. "CPNS" (a PNS candidate) carries a PNS
    /// number, and "P3K" is the everyday spelling of PPPK.
    public static func parse(_ raw: String) -> Result<EmployeeKind, LocalizableMessage> {
        switch raw.removingWhitespace.uppercased() {
        case "PNS", "CPNS": .success(.pns)
        case "PPPK", "P3K": .success(.pppk)
        default: .failure(LocalizableMessage("employee_kind.unknown", [raw.collapsingWhitespace]))
        }
    }
}

public enum Gender: String, Sendable, Codable {
    case male
    case female
}
