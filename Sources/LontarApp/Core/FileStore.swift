import Crypto
import Fluent
import Foundation
import LontarCore
import Vapor

/// Uploaded files (course handouts, slides and videos; interview and indicator evidence):
/// recognised by their first bytes, not by their name, and kept under the data folder as
/// `files/<sha256>`, so the same content uploaded twice is stored once, and a browser may
/// cache it forever.
enum FileStore {
    enum Kind: String, CaseIterable {
        case pdf, doc, docx, ppt, pptx, mp4, webm, png, jpeg

        var contentType: String {
            switch self {
            case .pdf: "application/pdf"
            case .doc: "application/msword"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .ppt: "application/vnd.ms-powerpoint"
            case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            case .mp4: "video/mp4"
            case .webm: "video/webm"
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            }
        }

        init?(contentType: String) {
            guard let kind = Kind.allCases.first(where: { $0.contentType == contentType }) else { return nil }
            self = kind
        }

        /// What learners see beside the link: "PDF", "PPTX", "MP4"…
        var label: String { rawValue == "jpeg" ? "JPG" : rawValue.uppercased() }

        var isVideo: Bool { self == .mp4 || self == .webm }

        /// Shown in the browser (a PDF, a picture, a video); office files are saved instead.
        var opensInBrowser: Bool { [.pdf, .png, .jpeg, .mp4, .webm].contains(self) }
    }

    /// 50 MB: a 20-minute lecture video at phone quality, or a long slide deck with pictures.
    /// Longer videos belong on a video site, linked from a video lesson.
    static let maxBytes = 50 * 1024 * 1024

    /// The catalogue keys an upload check answers with: the file is missing, too large
    /// (with the limit as argument), or of a kind not accepted here.
    struct CheckMessages {
        let required: String
        let tooLarge: String
        let type: String

        static let course = CheckMessages(
            required: "course.file.required", tooLarge: "course.file.tooLarge", type: "course.file.type")
    }

    /// The upload's kind, or why it is refused. `allowed` narrows the kinds accepted (nil: all).
    static func check(
        _ bytes: [UInt8], limit: Int = maxBytes, allowed: Set<Kind>? = nil, messages: CheckMessages = .course
    ) -> Result<Kind, LocalizableMessage> {
        if bytes.isEmpty { return .failure(LocalizableMessage(messages.required)) }
        if bytes.count > limit { return .failure(LocalizableMessage(messages.tooLarge, [limitText(limit)])) }
        guard let kind = sniff(bytes), allowed?.contains(kind) ?? true else {
            return .failure(LocalizableMessage(messages.type))
        }
        return .success(kind)
    }

    /// The kind by content. Office files need a second look: a .docx is a ZIP holding
    /// `word/`, a .pptx one holding `ppt/`; a .doc or .ppt is an OLE2 container with a
    /// "WordDocument" or "PowerPoint Document" stream. Any other ZIP or OLE2 file (an .apk,
    /// an .msi, a spreadsheet) is refused.
    static func sniff(_ bytes: [UInt8]) -> Kind? {
        let head = Array(bytes.prefix(16))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8) { return .mp4 }
        if head.starts(with: [0x1A, 0x45, 0xDF, 0xA3]), contains(bytes.prefix(4096), Array("webm".utf8)) {
            return .webm
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if contains(bytes, Array("word/".utf8)) { return .docx }
            if contains(bytes, Array("ppt/".utf8)) { return .pptx }
            return nil
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            if contains(bytes, utf16("WordDocument")) { return .doc }
            if contains(bytes, utf16("PowerPoint Document")) { return .ppt }
            return nil
        }
        return nil
    }

    /// "50 MB", "64 KB": the limit as the refusal names it.
    static func limitText(_ limit: Int) -> String {
        limit >= 1_048_576 ? "\(limit / 1_048_576) MB" : "\(max(1, limit / 1024)) KB"
    }

    private static func utf16(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    private static func contains(_ haystack: some Collection<UInt8>, _ needle: [UInt8]) -> Bool {
        let bytes = Array(haystack)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, Array(bytes[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }

    static func checksum(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    static func directory(_ app: Application) -> String {
        app.settings.dataDirectory + "/files"
    }

    /// The stored content's path; nil for anything that is not a checksum (no `..` ever).
    static func path(of sha256: String, app: Application) -> String? {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return directory(app) + "/" + sha256
    }

    /// Writes the content under its checksum unless it is there already. Written to a
    /// temporary name first and renamed, so a reader never sees half a file.
    static func write(_ bytes: [UInt8], sha256: String, request: Request) async throws {
        guard let path = path(of: sha256, app: request.application) else { throw Abort(.internalServerError) }
        if FileManager.default.fileExists(atPath: path) { return }
        try FileManager.default.createDirectory(
            atPath: directory(request.application), withIntermediateDirectories: true)
        let temporary = path + ".part-" + UUID().uuidString
        try await request.fileio.writeFile(ByteBuffer(bytes: bytes), at: temporary)
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw Abort(.internalServerError)
        }
    }

    /// The name as typed on the sender's device, without folders, for lists and downloads.
    static func displayName(_ original: String, kind: Kind) -> String {
        let base = original.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = base.filter { !$0.isNewline && $0 != "\"" }.trimmingCharacters(in: .whitespaces)
        let trimmed = String(cleaned.prefix(150))
        return trimmed.isEmpty || trimmed.hasPrefix(".") ? "berkas-" + kind.rawValue : trimmed
    }

    /// The name made safe for a `Content-Disposition` header (ASCII letters, digits, `._- `).
    static func headerName(_ name: String) -> String {
        String(
            name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII
                    && (CharacterSet.alphanumerics.contains(scalar) || "._- ".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
    }

    /// "2,4 MB" / "2.4 MB", "350 KB".
    static func size(_ bytes: Int, language: Language) -> String {
        let text: String
        if bytes >= 1024 * 1024 {
            text = String(format: "%.1f MB", Double(bytes) / 1_048_576)
        } else {
            text = "\(max(1, (bytes + 1023) / 1024)) KB"
        }
        return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A stored file as a response: streamed (so ranges work for video), with its type, and
    /// shown in the browser when it can be (PDF, pictures, video), downloaded otherwise.
    /// Callers add the caching their content allows.
    static func response(_ req: Request, sha256: String, contentType: String, name: String) async throws -> Response {
        guard let path = path(of: sha256, app: req.application), FileManager.default.fileExists(atPath: path) else {
            throw AppError.notFound()
        }
        let response = try await req.fileio.asyncStreamFile(at: path)
        let parts = contentType.split(separator: "/").map(String.init)
        if parts.count == 2 { response.headers.contentType = HTTPMediaType(type: parts[0], subType: parts[1]) }
        let inline = Kind(contentType: contentType)?.opensInBrowser == true
        response.headers.contentDisposition = .init(inline ? .inline : .attachment, filename: headerName(name))
        return response
    }
}

extension Application {
    private struct CourseFileLimitKey: StorageKey { typealias Value = Int }

    /// The largest course file accepted (`FileStore.maxBytes`); a test lowers it
    /// rather than send 50 MB through a debug build's multipart parser.
    var courseFileLimit: Int {
        get { storage[CourseFileLimitKey.self] ?? FileStore.maxBytes }
        set { storage[CourseFileLimitKey.self] = newValue }
    }
}
