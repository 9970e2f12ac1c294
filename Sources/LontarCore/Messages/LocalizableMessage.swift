/// A user-facing message as a catalogue key plus its arguments.
///
/// Core never holds display text: the app looks `key` up in its string catalogue
/// (`core.id.json`, `core.en.json`) and fills `{0}`, `{1}`, … with `arguments`.
public struct LocalizableMessage: Sendable, Equatable, Hashable, Codable {
    public let key: String
    public let arguments: [String]

    public init(_ key: String, _ arguments: [String] = []) {
        self.key = key
        self.arguments = arguments
    }
}

/// A message is also the error of parsers that can fail in only one way per input
/// (`Result<Grade, LocalizableMessage>`), where an error enum would add nothing.
extension LocalizableMessage: Error {}

extension LocalizableMessage: CustomStringConvertible {
    public var description: String {
        arguments.isEmpty ? key : "\(key)(\(arguments.joined(separator: ", ")))"
    }
}
