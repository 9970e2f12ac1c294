import Foundation
import LontarCore

/// The printable certificate. Its wording is always Indonesian (an official document);
/// only the tools around it follow the reader's language.
struct CertificatePage: Encodable {
    let layout: Layout
    let government: String
    let organiser: String
    let heading: String
    let number: String
    let givenTo: String
    let holderName: String
    let attended: String
    let programmeTitle: String
    let formName: String
    let facts: String
    let placeDate: String
    let issuedBy: String
    let verifyNote: String
    let verificationURL: String
    let codeLine: String
}

/// The public answer to "is this certificate genuine?": the facts printed on it and
/// nothing more (no NIP, no birth date).
struct VerificationPage: Encodable {
    struct Fact: Encodable {
        let label: String
        let value: String
    }
    let layout: Layout
    /// A code was looked up (false on the empty lookup form).
    let searched: Bool
    let genuine: Bool
    let code: String
    let facts: [Fact]
    let lookupAction: String
}

/// Dates as Indonesian documents write them: "2–3 Desember 2026", "30 November – 2 Desember
/// 2026", or one date when the class took one day.
enum CertificateDates {
    static func range(_ startISO: String, _ endISO: String, language: Language) -> String {
        guard let start = CivilDate(iso: startISO), let end = CivilDate(iso: endISO) else {
            return startISO == endISO ? startISO : "\(startISO) – \(endISO)"
        }
        let last = CityTime.longDate(end, language: language)
        if start == end { return last }
        let first = CityTime.longDate(start, language: language)
        // A word joiner keeps "27–30" on one line.
        if start.year == end.year && start.month == end.month { return "\(start.day)–\u{2060}\(last)" }
        if start.year == end.year, let year = first.split(separator: " ").last {
            return String(first.dropLast(year.count + 1)) + " – " + last
        }
        return "\(first) – \(last)"
    }
}
