import Foundation
import Vapor

/// An `application/x-www-form-urlencoded` body as the list of (name, value) pairs a
/// browser sent, in order and with repeats. The quiz forms need both: check boxes send one
/// pair per ticked box under the same name, and field names carry question ids.
struct FormFields: Sendable {
    let pairs: [(name: String, value: String)]

    init(pairs: [(name: String, value: String)]) { self.pairs = pairs }

    init(urlEncoded body: String) {
        pairs = body.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The request's form body; empty when there is none.
    static func from(_ req: Request) -> FormFields {
        FormFields(urlEncoded: req.body.string ?? "")
    }

    /// The first value sent under `name`.
    subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value sent under `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }
}
