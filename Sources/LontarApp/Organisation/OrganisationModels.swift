import Fluent
import Foundation

/// An OPD (perangkat daerah), e.g. Dinas Kesehatan, identified by a short code.
final class Agency: Model, @unchecked Sendable {
    static let schema = "agencies"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, code: String, name: String, active: Bool = true) {
        self.id = id
        self.code = code
        self.name = name
        self.active = active
    }
}

/// A unit inside an OPD (bidang, seksi, UPT, puskesmas, school…); units nest.
final class OrgUnit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: Agency
    @OptionalParent(key: "parent_id") var parent: OrgUnit?
    @Field(key: "name") var name: String
    @Field(key: "active") var active: Bool

    init() {}

    init(id: UUID? = nil, agencyID: UUID, parentID: UUID? = nil, name: String, active: Bool = true) {
        self.id = id
        self.$agency.id = agencyID
        self.$parent.id = parentID
        self.name = name
        self.active = active
    }
}

/// A position (jabatan) in an OPD with its kind (JPT, administrator, pengawas, pelaksana,
/// fungsional); the kind decides which programmes target its holders.
final class Position: Model, @unchecked Sendable {
    static let schema = "positions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: String
    @Field(key: "active") var active: Bool

    init() {}

    init(id: UUID? = nil, agencyID: UUID, title: String, kind: String, active: Bool = true) {
        self.id = id
        self.$agency.id = agencyID
        self.title = title
        self.kind = kind
        self.active = active
    }
}
