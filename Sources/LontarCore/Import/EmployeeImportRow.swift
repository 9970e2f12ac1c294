/// A civil servant read from an import file, with every field already checked and
/// cleaned. Whether the OPD, the supervisor and the NIP exist is for the app to check.
public struct EmployeeImportRow: Sendable, Equatable {
    public let line: Int
    public let nip: NIP
    public let name: String
    public let frontTitle: String?
    public let backTitle: String?
    public let kind: EmployeeKind
    public let grade: Grade?
    /// Upper-cased OPD code.
    public let agencyCode: String
    public let unitName: String?
    public let positionTitle: String?
    public let positionKind: PositionKind?
    /// Normalised to 18 digits.
    public let supervisorNIP: String?
    /// Lower-cased.
    public let email: String?
    /// Digits with an optional leading `+`.
    public let phone: String?

    /// The name as written on certificates: "Dr. Maria Ndun, S.Kom., M.M.".
    public var displayName: String {
        EmployeeImport.displayName(front: frontTitle, name: name, back: backTitle)
    }
}
