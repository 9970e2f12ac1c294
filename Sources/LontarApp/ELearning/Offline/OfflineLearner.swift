import Crypto
import Foundation

/// The name under which a page's script keeps one person's offline records on a device. A
/// digest of the employee id rather than the id itself: pages need not carry the record's
/// key, and records of two people sharing a phone never mix.
enum OfflineLearner {
    static func key(for employeeID: UUID?) -> String {
        guard let employeeID else { return "" }
        let digest = SHA256.hash(data: Data(employeeID.uuidString.utf8))
        return digest.prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}
