import Foundation

/// What a person may do. `admin`, `operator`, `facilitator` and `partner` are granted;
/// `employee` (has an employee record) and `supervisor` (has direct reports) are derived.
enum Role: String, Sendable, Codable, CaseIterable {
    case admin, `operator`, supervisor, facilitator, partner, employee

    static let grantable: [Role] = [.admin, .operator, .facilitator, .partner]

    static func encode(_ roles: Set<Role>) -> String {
        roles.filter { grantable.contains($0) }.map(\.rawValue).sorted().joined(separator: ",")
    }

    static func decode(_ text: String) -> Set<Role> {
        Set(text.split(separator: ",").compactMap { Role(rawValue: String($0)) })
    }
}

/// The signed-in person as authorisation sees them, built once per request.
struct Principal: Sendable {
    let userID: UUID
    let username: String
    let displayName: String
    let employeeID: UUID?
    let employeeAgencyID: UUID?
    let roles: Set<Role>
    let operatorAgencyID: UUID?
    let mustChangePassword: Bool
    var language: String = "id"
    var credentialsChangedAt = Date(timeIntervalSince1970: 0)

    var isAdmin: Bool { roles.contains(.admin) }
    var isOperator: Bool { roles.contains(.operator) && operatorAgencyID != nil }

    func has(_ role: Role) -> Bool { roles.contains(role) }

    /// Admins manage every OPD; an operator only their own.
    func canManage(agencyID: UUID?) -> Bool {
        if isAdmin { return true }
        guard let agencyID, isOperator else { return false }
        return operatorAgencyID == agencyID
    }

    /// Need-to-know: oneself, one's direct reports, one's OPD (operators), everyone (admins).
    func canView(employeeID: UUID, agencyID: UUID, supervisorID: UUID?) -> Bool {
        if employeeID == self.employeeID { return true }
        if let mine = self.employeeID, supervisorID == mine { return true }
        return canManage(agencyID: agencyID)
    }
}
