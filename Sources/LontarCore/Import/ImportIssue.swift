/// One problem found in an import file, pointing at the line (and column, when one
/// is to blame) so the user can fix the spreadsheet.
public struct ImportIssue: Sendable, Equatable, Codable {
    public let line: Int
    public let column: String?
    public let message: LocalizableMessage

    public init(line: Int, column: String?, message: LocalizableMessage) {
        self.line = line
        self.column = column
        self.message = message
    }
}
