import Foundation

/// An employee's own email and phone, as they may correct them on their profile. The same
/// rules as the employee import, so a value accepted here would also import.
public struct ContactDetails: Sendable, Equatable {
    public var email: String?
    public var phone: String?

    public enum Problem: Sendable, Equatable {
        case emailInvalid(String)
        case phoneInvalid(String)

        public var field: String {
            switch self {
            case .emailInvalid: "email"
            case .phoneInvalid: "telepon"
            }
        }

        public var message: LocalizableMessage {
            switch self {
            case .emailInvalid(let raw): LocalizableMessage("import.email_invalid", [raw])
            case .phoneInvalid(let raw): LocalizableMessage("import.phone_invalid", [raw])
            }
        }
    }

    /// Checks typed values: empty clears a field, an email is stored lower-cased, a phone
    /// without its spaces and dashes. Every problem is named.
    public static func check(email rawEmail: String, phone rawPhone: String) -> Result<ContactDetails, ProblemList> {
        var problems: [Problem] = []
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let phone = rawPhone.trimmingCharacters(in: .whitespacesAndNewlines)
        var details = ContactDetails()
        if !email.isEmpty {
            if email.count <= EmployeeRowReader.maxEmailLength, EmployeeRowReader.looksLikeEmail(email) {
                details.email = email
            } else {
                problems.append(.emailInvalid(rawEmail.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        if !phone.isEmpty {
            if phone.count <= EmployeeRowReader.maxTextLength, let normalised = EmployeeRowReader.normalisedPhone(phone)
            {
                details.phone = normalised
            } else {
                problems.append(.phoneInvalid(phone))
            }
        }
        return problems.isEmpty ? .success(details) : .failure(ProblemList(problems: problems))
    }

    public struct ProblemList: Error, Sendable, Equatable {
        public let problems: [Problem]
    }

    public init(email: String? = nil, phone: String? = nil) {
        self.email = email
        self.phone = phone
    }
}
