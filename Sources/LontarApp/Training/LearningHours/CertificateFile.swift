import Foundation
import LontarCore
import Vapor

/// Certificate files sent with external learning: recognised by their first bytes, not
/// by their name (a renamed .exe stays an .exe), kept under the data folder with a random
/// name so an upload can never choose where it lands.
enum CertificateFile {
    enum Kind: String, CaseIterable {
        case pdf = "application/pdf"
        case png = "image/png"
        case jpeg = "image/jpeg"

        var fileExtension: String {
            switch self {
            case .pdf: "pdf"
            case .png: "png"
            case .jpeg: "jpg"
            }
        }

        var signature: [UInt8] {
            switch self {
            case .pdf: Array("%PDF-".utf8)
            case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            case .jpeg: [0xFF, 0xD8, 0xFF]
            }
        }
    }

    /// 5 MB: a scanned A4 certificate at 200 dpi is well under 2 MB; phones send JPEGs of 1–4 MB.
    static let maxBytes = 5 * 1024 * 1024

    /// The upload's type, or why it is refused.
    static func check(_ bytes: some Collection<UInt8>) -> Result<Kind, LocalizableMessage> {
        if bytes.isEmpty { return .failure(LocalizableMessage("jp.external.fileRequired")) }
        if bytes.count > maxBytes { return .failure(LocalizableMessage("jp.external.fileTooLarge", ["5 MB"])) }
        let head = Array(bytes.prefix(8))
        for kind in Kind.allCases where head.starts(with: kind.signature) { return .success(kind) }
        return .failure(LocalizableMessage("jp.external.fileType"))
    }

    static func directory(_ app: Application) -> String {
        app.settings.dataDirectory + "/uploads/external"
    }

    /// Writes the bytes under a fresh random name and returns that name.
    static func store(_ data: ByteBuffer, kind: Kind, request: Request) async throws -> String {
        let directory = directory(request.application)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let name = [UInt8].random(count: 16).map { String(format: "%02x", $0) }.joined() + "." + kind.fileExtension
        try await request.fileio.writeFile(data, at: directory + "/" + name)
        return name
    }

    /// The stored file's full path; nil for anything that is not one of our own names.
    static func path(of name: String, app: Application) -> String? {
        let allowed = CharacterSet(charactersIn: "0123456789abcdefghijklmnopqrstuvwxyz.")
        guard !name.isEmpty, !name.hasPrefix("."), name.unicodeScalars.allSatisfy(allowed.contains) else {
            return nil
        }
        return directory(app) + "/" + name
    }

    static func remove(_ name: String, app: Application) {
        guard let path = path(of: name, app: app) else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The original name as typed on the sender's device, made safe to echo in a header.
    static func displayName(_ original: String, kind: Kind) -> String {
        let base = original.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let safe = String(
            base.unicodeScalars.map { scalar -> Character in
                CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "._- ".unicodeScalars.contains(scalar)
                    ? Character(scalar) : "_"
            }
        ).trimmingCharacters(in: .whitespaces)
        let trimmed = String(safe.prefix(100))
        return trimmed.isEmpty || trimmed.hasPrefix(".") ? "sertifikat." + kind.fileExtension : trimmed
    }
}
