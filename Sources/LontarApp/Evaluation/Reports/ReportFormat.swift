import Foundation
import LontarCore
import Vapor

/// Numbers and labels as the reports print them.
enum ReportFormat {
    /// One decimal, with the language's decimal mark ("72,5" / "72.5"); "—" for no figure.
    static func number(_ value: Double?, digits: Int = 1, language: Language) -> String {
        guard let value, value.isFinite else { return "—" }
        let text = String(format: "%.\(digits)f", value)
        return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func percent(_ value: Double?, language: Language) -> String {
        value == nil ? "—" : number(value, language: language) + "%"
    }

    static func gain(_ value: Double?, language: Language) -> String { number(value, digits: 2, language: language) }

    /// Aspects the templates use have names in the catalogue; anything else shows as stored.
    /// The templates' aspects: L1's five, and L3's measures.
    static let knownAspects: Set<String> = [
        "materi", "fasilitator", "penyelenggaraan", "sarana", "keseluruhan", "penerapan", "dukungan", "rencanaAksi",
        "hambatan", "kebutuhan", "contoh",
    ]

    static func aspect(_ aspect: String, _ req: Request) -> String {
        knownAspects.contains(aspect) ? req.t("evalreport.aspect." + aspect) : aspect
    }

    static func verdict(_ verdict: Verdict, _ req: Request) -> String {
        req.t("evalreport.verdict." + verdict.rawValue)
    }

    static func reason(_ reason: RedesignReason, _ req: Request) -> String {
        req.t("evalreport.reason." + reason.rawValue)
    }

    /// A tag class per verdict, so keep/improve/redesign read at a glance.
    static func tone(_ verdict: Verdict) -> String {
        switch verdict {
        case .keep: "keep"
        case .improve: "improve"
        case .redesign: "redesign"
        case .insufficientData: "insufficient"
        }
    }

    static func clamp(_ value: Double?) -> Int { Int(min(100, max(0, value ?? 0)).rounded()) }
}

/// CSV text: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are
/// prefixed with an apostrophe (answers are free text).
enum ReportCSV {
    static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first),
            Double(value.replacingOccurrences(of: ",", with: ".")) == nil
        {
            value = "'" + value
        }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func response(_ text: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: "\u{FEFF}" + text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
