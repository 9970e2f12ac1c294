import Fluent
import Foundation

/// A civil servant (PNS or PPPK). Birth date and gender are derived from the NIP and kept
/// so that lists and reports need not re-derive them.
final class Employee: Model, @unchecked Sendable {
    static let schema = "employees"

    @ID(key: .id) var id: UUID?
    @Field(key: "nip") var nip: String
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @OptionalField(key: "front_title") var frontTitle: String?
    @OptionalField(key: "back_title") var backTitle: String?
    @OptionalField(key: "grade") var grade: String?
    @Parent(key: "agency_id") var agency: Agency
    @OptionalParent(key: "unit_id") var unit: OrgUnit?
    @OptionalParent(key: "position_id") var position: Position?
    @OptionalParent(key: "supervisor_id") var supervisor: Employee?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "gender") var gender: String
    @Field(key: "active") var active: Bool
    /// Lower-cased name, titles and NIP: one portable LIKE search on SQLite and PostgreSQL.
    @Field(key: "search_text") var searchText: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
