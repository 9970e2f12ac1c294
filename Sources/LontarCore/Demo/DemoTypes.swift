// Public value types of the Kota Kupang demo dataset (see KupangDemoData.make()).
// They deliberately use plain Strings so that the demo data does not depend on
// the domain types (NIP, Grade, PositionKind); importers validate them.

/// A perangkat daerah (OPD) of Kota Kupang with its organisational units.
public struct DemoAgency: Sendable, Equatable {
    /// Short uppercase code, e.g. "BKPPD".
    public let code: String
    public let name: String
    /// Units in parent-before-child order.
    public let units: [DemoUnit]

    public init(code: String, name: String, units: [DemoUnit]) {
        self.code = code
        self.name = name
        self.units = units
    }
}

/// An organisational unit inside an agency; `parentName` names another unit of
/// the same agency (nil for a unit directly under the head of the agency).
public struct DemoUnit: Sendable, Equatable {
    public let name: String
    public let parentName: String?

    public init(name: String, parentName: String?) {
        self.name = name
        self.parentName = parentName
    }
}

/// A position (jabatan) in an agency. `kind` is one of "jpt", "administrator",
/// "pengawas", "pelaksana", "fungsional".
public struct DemoPosition: Sendable, Equatable {
    public let agencyCode: String
    public let title: String
    public let kind: String

    public init(agencyCode: String, title: String, kind: String) {
        self.agencyCode = agencyCode
        self.title = title
        self.kind = kind
    }
}

/// A civil servant: `kind` is "PNS" or "PPPK"; `grade` is a golongan ruang such as
/// "III/a" for PNS and a roman golongan such as "IX" for PPPK.
public struct DemoEmployee: Sendable, Equatable {
    public let nip: String
    public let kind: String
    public let name: String
    public let frontTitle: String?
    public let backTitle: String?
    public let grade: String
    public let agencyCode: String
    public let unitName: String?
    public let positionTitle: String
    public let supervisorNIP: String?
    public let email: String
    public let phone: String

    public init(
        nip: String, kind: String, name: String, frontTitle: String?, backTitle: String?,
        grade: String, agencyCode: String, unitName: String?, positionTitle: String,
        supervisorNIP: String?, email: String, phone: String
    ) {
        self.nip = nip
        self.kind = kind
        self.name = name
        self.frontTitle = frontTitle
        self.backTitle = backTitle
        self.grade = grade
        self.agencyCode = agencyCode
        self.unitName = unitName
        self.positionTitle = positionTitle
        self.supervisorNIP = supervisorNIP
        self.email = email
        self.phone = phone
    }

    /// The name as written in letters: "dr. Maria Bire, M.Kes.".
    public var fullNameWithTitles: String {
        var text = name
        if let frontTitle { text = frontTitle + " " + text }
        if let backTitle { text += ", " + backTitle }
        return text
    }
}

/// An agency operator account (operator OPD), held by an employee of that agency.
public struct DemoOperator: Sendable, Equatable {
    public let agencyCode: String
    public let employeeNIP: String

    public init(agencyCode: String, employeeNIP: String) {
        self.agencyCode = agencyCode
        self.employeeNIP = employeeNIP
    }
}
