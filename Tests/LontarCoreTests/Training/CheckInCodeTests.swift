import Foundation
import Testing
@testable import LontarCore

@Suite("SHA-256 and HMAC-SHA256")
struct SHA256Tests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(
        "FIPS 180-2 vectors and the padding edges",
        arguments: [
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (String(repeating: "a", count: 63), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        ])
    func digest(message: String, expected: String) {
        #expect(Self.hex(SHA256.hash(Self.bytes(message))) == expected)
    }

    @Test("one million times 'a' (FIPS 180-2 appendix B.3)")
    func millionA() {
        let digest = SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))
        #expect(Self.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(
        "RFC 4231 test cases 1, 2, 6 and 7",
        arguments: [
            (
                [UInt8](repeating: 0x0b, count: 20), "Hi There",
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
            ),
            (
                bytes("Jefe"), "what do ya want for nothing?",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First",
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131),
                "This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.",
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
            ),
        ])
    func hmac(key: [UInt8], message: String, expected: String) {
        #expect(Self.hex(HMAC.sha256(key: key, message: Self.bytes(message))) == expected)
    }
}

@Suite("Self check-in codes")
struct CheckInCodeTests {
    /// The RFC 6238 SHA-256 seed.
    static let rfcSecret = Array("12345678901234567890123456789012".utf8)
    static let secret: [UInt8] = Array(0..<20)
    static let start = Date(timeIntervalSince1970: 1_741_741_200)  // 2025-03-12 09:00 WITA
    static let end = start.addingTimeInterval(2 * 3600)

    static func verify(_ code: String, at date: Date, secret: [UInt8] = secret) -> Result<Void, LocalizableMessage> {
        CheckInCode.verify(code, secret: secret, at: date, sessionStart: start, sessionEnd: end)
    }

    static func key(_ result: Result<Void, LocalizableMessage>) -> String? {
        if case .failure(let message) = result { return message.key }
        return nil
    }

    @Test(
        "RFC 6238 SHA-256 vectors, last six digits, at the same step counter (60 s steps here)",
        arguments: [
            (UInt64(1), "119246"), (37_037_036, "084774"), (41_152_263, "819424"), (66_666_666, "698825"),
            (666_666_666, "737706"),
        ])
    func rfcVectors(counter: UInt64, code: String) {
        let date = Date(timeIntervalSince1970: Double(counter) * 60 + 59)
        #expect(CheckInCode.code(secret: Self.rfcSecret, at: date) == code)
    }

    @Test("the code has six digits, holds for a minute and then changes")
    func changesEveryMinute() {
        let minute = Self.start
        let code = CheckInCode.code(secret: Self.secret, at: minute)
        #expect(code.count == 6 && code.allSatisfy(\.isASCII) && code.allSatisfy(\.isNumber))
        #expect(CheckInCode.code(secret: Self.secret, at: minute.addingTimeInterval(59.9)) == code)
        let nextHour = (1...60).map {
            CheckInCode.code(secret: Self.secret, at: minute.addingTimeInterval(Double($0) * 60))
        }
        #expect(nextHour[0] != code)
        #expect(Set(nextHour).count >= 55)
        #expect(CheckInCode.code(secret: Self.secret.reversed(), at: minute) != code)
    }

    @Test("the current and the previous minute's codes are accepted, spaces and dashes ignored")
    func accepts() {
        let now = Self.start.addingTimeInterval(30 * 60 + 5)
        let current = CheckInCode.code(secret: Self.secret, at: now)
        let previous = CheckInCode.code(secret: Self.secret, at: now.addingTimeInterval(-60))
        #expect(Self.key(Self.verify(current, at: now)) == nil)
        #expect(Self.key(Self.verify(previous, at: now)) == nil)
        let spaced = String(current.prefix(3)) + " " + String(current.suffix(3))
        #expect(Self.key(Self.verify(" \(spaced) ", at: now)) == nil)
        #expect(Self.key(Self.verify(String(current.prefix(3)) + "-" + String(current.suffix(3)), at: now)) == nil)
    }

    @Test("old, future, wrong-secret and mistyped codes are refused")
    func refuses() {
        let now = Self.start.addingTimeInterval(30 * 60 + 5)
        let current = CheckInCode.code(secret: Self.secret, at: now)
        let twoMinutesAgo = CheckInCode.code(secret: Self.secret, at: now.addingTimeInterval(-120))
        let nextMinute = CheckInCode.code(secret: Self.secret, at: now.addingTimeInterval(60))
        let wrong = "training.checkin.wrong_code"
        #expect(Self.key(Self.verify(twoMinutesAgo, at: now)) == wrong)
        #expect(Self.key(Self.verify(nextMinute, at: now)) == wrong)
        #expect(Self.key(Self.verify(current, at: now, secret: [1, 2, 3])) == wrong)
        let changedDigit = String((Int(String(current.first!))! + 1) % 10) + current.dropFirst()
        #expect(Self.key(Self.verify(changedDigit, at: now)) == wrong)
        for typo in ["", "12345", "1234567", "12345a", "１２３４５６", "12.345"] {
            #expect(Self.key(Self.verify(typo, at: now)) == "training.checkin.malformed", "\(typo)")
        }
    }

    @Test("check-in opens 15 minutes before the start and closes at the end")
    func window() {
        let opens = Self.start.addingTimeInterval(-15 * 60)
        func check(_ date: Date) -> Result<Void, LocalizableMessage> {
            Self.verify(CheckInCode.code(secret: Self.secret, at: date), at: date)
        }
        #expect(Self.key(check(opens)) == nil)
        #expect(Self.key(check(Self.end)) == nil)
        guard case .failure(let early) = check(opens.addingTimeInterval(-1)) else {
            Issue.record("accepted before the window opened")
            return
        }
        #expect(early == LocalizableMessage("training.checkin.not_started", ["08:45"]))
        #expect(Self.key(check(Self.end.addingTimeInterval(1))) == "training.checkin.ended")
        #expect(Self.key(check(Self.start.addingTimeInterval(-86_400))) == "training.checkin.not_started")
        // A shorter grace moves the opening time.
        let late = CheckInCode.verify(
            "000000", secret: Self.secret, at: opens, sessionStart: Self.start, sessionEnd: Self.end, graceBefore: 60)
        #expect(late.failureMessage == LocalizableMessage("training.checkin.not_started", ["08:59"]))
    }

    @Test("fresh secrets are 160 bits and differ")
    func secrets() {
        let first = CheckInCode.newSecret()
        #expect(first.count == 20)
        #expect(first != CheckInCode.newSecret())
    }
}

extension Result where Success == Void, Failure == LocalizableMessage {
    fileprivate var failureMessage: LocalizableMessage? {
        if case .failure(let message) = self { return message }
        return nil
    }
}
