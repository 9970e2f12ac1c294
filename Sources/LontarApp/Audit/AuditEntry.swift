import Fluent
import Foundation

/// One audited event: a change by an administrator or operator (old → new), or an
/// administrator opening another person's record (UU 27/2022 asks that to be traceable).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: String?
    @Field(key: "summary") var summary: String
    /// JSON array of {field, old, new}.
    @Field(key: "changes") var changes: String

    init() {}
}
