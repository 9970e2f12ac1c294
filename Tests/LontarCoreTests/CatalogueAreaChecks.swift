import Foundation
import Testing

/// Checks every area with typed message keys runs the same way: its keys clash with no
/// other catalogue file (the app merges them all) and its sources write no key as a literal.
enum CatalogueAreaChecks {
    static func expectNoClash(_ keys: Set<String>, filePrefix: String, in strings: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: strings, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "json" && !file.lastPathComponent.hasPrefix(filePrefix) {
            let other = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
            #expect(keys.isDisjoint(with: other.keys), "\(file.lastPathComponent)")
        }
    }

    static func expectTypedKeysOnly(sourceFolder relative: String, atLeast minimum: Int) throws {
        let folder = MessageCatalogueTests.packageRoot.appendingPathComponent(relative).resolvingSymlinksInPath()
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count >= minimum)
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("LocalizableMessage(\""), "\(file.lastPathComponent) writes a key as a literal")
        }
    }
}
