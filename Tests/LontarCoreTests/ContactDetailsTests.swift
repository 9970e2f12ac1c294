import Testing

@testable import LontarCore

@Suite("Contact details")
struct ContactDetailsTests {
    @Test("good values are tidied; empty clears")
    func tidied() throws {
        let details = try ContactDetails.check(email: " Ana@Kupang.Go.Id ", phone: "(0380) 821-234").get()
        #expect(details == ContactDetails(email: "ana@kupang.go.id", phone: "0380821234"))
        #expect(try ContactDetails.check(email: "", phone: " ").get() == ContactDetails())
    }

    @Test("every bad value is named with its field")
    func named() {
        guard case .failure(let list) = ContactDetails.check(email: "ana@", phone: "123") else {
            Issue.record("bad values passed")
            return
        }
        #expect(list.problems == [.emailInvalid("ana@"), .phoneInvalid("123")])
        #expect(list.problems.map(\.field) == ["email", "telepon"])
        #expect(list.problems[0].message.key == "import.email_invalid")
    }
}
