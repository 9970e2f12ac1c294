import Foundation

/// The six-digit code a facilitator shows on screen so participants can check
/// themselves in. It is TOTP (RFC 6238, built on HOTP, RFC 4226) with HMAC-SHA256 and
/// a 60-second step: the code changes every minute, so a photo sent to a colleague who
/// stayed at the office stops working almost at once, and it is accepted only while
/// the session runs. Each class session has its own random secret.
///
/// Six digits with two codes valid at a time give a guesser 1 chance in 500,000 per
/// try; the app must still limit attempts per person.
public enum CheckInCode {
    public static let digits = 6
    public static let step: TimeInterval = 60

    /// A fresh random secret for a session (160 bits, as RFC 4226 recommends).
    public static func newSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The code shown at `date`.
    public static func code(secret: [UInt8], at date: Date) -> String {
        code(secret: secret, counter: counter(at: date))
    }

    /// Accepts the code of the current minute and of the previous one (people type
    /// slowly and the minute may turn while they do), from `graceBefore` ahead of the
    /// start (people check in as they arrive) until the session ends. Spaces and
    /// dashes are ignored, as people copy "123 456" the way it is shown.
    public static func verify(
        _ code: String, secret: [UInt8], at date: Date, sessionStart: Date, sessionEnd: Date,
        graceBefore: TimeInterval = 15 * 60
    ) -> Result<Void, LocalizableMessage> {
        let opens = sessionStart.addingTimeInterval(-max(0, graceBefore))
        if date < opens { return .failure(.training(.checkInNotStarted, [WITA.clockTime(opens)])) }
        if date > sessionEnd { return .failure(.training(.checkInEnded)) }
        let typed = code.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" }
        guard typed.count == digits, typed.allSatisfy({ ("0"..."9").contains($0) }) else {
            return .failure(.training(.checkInMalformed))
        }
        let entered = String(String.UnicodeScalarView(typed))
        let now = counter(at: date)
        let candidates = now == 0 ? [now] : [now, now - 1]
        // Compare every candidate in full so timing does not reveal how many digits matched.
        var matched = false
        for candidate in candidates where constantTimeEqual(entered, self.code(secret: secret, counter: candidate)) {
            matched = true
        }
        return matched ? .success(()) : .failure(.training(.checkInWrongCode))
    }

    /// The number of whole steps since the Unix epoch (RFC 6238 §4.2, T0 = 0).
    static func counter(at date: Date) -> UInt64 {
        UInt64(max(0, (date.timeIntervalSince1970 / step).rounded(.down)))
    }

    /// HOTP (RFC 4226 §5.3) over an 8-byte big-endian counter, with the dynamic
    /// truncation RFC 6238 applies to longer hashes: the offset comes from the last byte.
    static func code(secret: [UInt8], counter: UInt64) -> String {
        let message = (0..<8).reversed().map { UInt8(truncatingIfNeeded: counter >> (UInt64($0) * 8)) }
        let mac = HMAC.sha256(key: secret, message: message)
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            UInt32(mac[offset] & 0x7f) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8
            | UInt32(mac[offset + 3])
        return zeroPadded(Int(binary % 1_000_000), digits)
    }

    private static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
