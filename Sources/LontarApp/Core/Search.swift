import Fluent
import SQLKit

extension QueryBuilder {
    /// Case-insensitive "contains": PostgreSQL's LIKE is case-sensitive, SQLite's is not.
    @discardableResult
    func filter(
        _ field: KeyPath<Model, FieldProperty<Model, String>>, containsIgnoringCase text: String, on db: any Database
    ) -> Self {
        let isPostgres = (db as? any SQLDatabase)?.dialect.name == "postgresql"
        return filter(field, isPostgres ? .custom("ILIKE") : .custom("LIKE"), "%" + text + "%")
    }
}
