import Foundation
import LontarCore
import Vapor

public enum Language: String, Sendable, Codable, CaseIterable {
    case id, en

    static let fallback = Language.id

    /// Picks the first supported language from an Accept-Language header; Indonesian
    /// otherwise, because most of our users never set one deliberately.
    static func negotiate(acceptLanguage: String?) -> Language {
        guard let header = acceptLanguage else { return .fallback }
        for part in header.split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let primary = tag.split(separator: "-").first.map { String($0).lowercased() } ?? ""
            if let language = Language(rawValue: primary) { return language }
            if primary == "in" { return .id }
        }
        return .fallback
    }
}

/// The string catalogue: every piece of UI text, Indonesian first, English second.
/// Files are `Strings/<area>.<language>.json`, flat maps of key to text with `{0}`-style
/// placeholders; each feature keeps its own file so catalogues stay small and local.
public struct Catalogue: Sendable {
    private let texts: [Language: [String: String]]

    init(texts: [Language: [String: String]]) { self.texts = texts }

    static func load(from directory: URL) throws -> Catalogue {
        var texts: [Language: [String: String]] = [:]
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "json" {
            let parts = file.deletingPathExtension().lastPathComponent.split(separator: ".")
            guard parts.count == 2, let language = Language(rawValue: String(parts[1])) else { continue }
            let map = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
            texts[language, default: [:]].merge(map) { _, new in new }
        }
        return Catalogue(texts: texts)
    }

    func keys(for language: Language) -> Set<String> { Set(texts[language, default: [:]].keys) }

    func text(_ key: String, _ arguments: [String] = [], language: Language) -> String {
        let template = texts[language]?[key] ?? texts[.fallback]?[key] ?? key
        guard !arguments.isEmpty else { return template }
        var result = template
        for (index, argument) in arguments.enumerated() {
            result = result.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return result
    }

    func text(_ message: LocalizableMessage, language: Language) -> String {
        text(message.key, message.arguments, language: language)
    }
}

extension Application {
    private struct CatalogueKey: StorageKey { typealias Value = Catalogue }

    var catalogue: Catalogue {
        get { storage[CatalogueKey.self] ?? Catalogue(texts: [:]) }
        set { storage[CatalogueKey.self] = newValue }
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    /// The signed-in user's choice, else a `lang` cookie, else the browser's header.
    var language: Language {
        get {
            if let chosen = storage[LanguageKey.self] { return chosen }
            if let cookie = cookies["lang"]?.string, let language = Language(rawValue: cookie) { return language }
            return Language.negotiate(acceptLanguage: headers.first(name: .acceptLanguage))
        }
        set { storage[LanguageKey.self] = newValue }
    }

    func t(_ key: String, _ arguments: String...) -> String {
        application.catalogue.text(key, arguments, language: language)
    }

    func t(_ message: LocalizableMessage) -> String {
        application.catalogue.text(message, language: language)
    }
}
