import Fluent
import Foundation
import LontarCore
import NIOHTTP1
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Courses: files")
struct CourseFileTests {
    static func stored(_ app: Application) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: FileStore.directory(app))) ?? []).sorted()
    }

    static func zip(holding entry: String) -> [UInt8] {
        [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0] + Array("\u{0}\u{0}[Content_Types].xml\(entry)document.xml".utf8)
    }

    static func ole2(stream: String) -> [UInt8] {
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64)
            + stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test("each accepted kind is recognised by its content, whatever the file is called")
    func sniffing() {
        #expect(FileStore.sniff(CourseWorld.pdf) == .pdf)
        #expect(FileStore.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(FileStore.sniff([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]) == .jpeg)
        #expect(FileStore.sniff([0, 0, 0, 0x18] + Array("ftypmp42isom".utf8)) == .mp4)
        #expect(FileStore.sniff([0x1A, 0x45, 0xDF, 0xA3, 0x42, 0x82, 0x84] + Array("webm".utf8)) == .webm)
        #expect(FileStore.sniff([0x1A, 0x45, 0xDF, 0xA3, 0x42, 0x82, 0x88] + Array("matroska".utf8)) == nil)
        #expect(FileStore.sniff(Self.zip(holding: "word/")) == .docx)
        #expect(FileStore.sniff(Self.zip(holding: "ppt/")) == .pptx)
        #expect(FileStore.sniff(Self.zip(holding: "classes.dex")) == nil)
        #expect(FileStore.sniff(Self.ole2(stream: "WordDocument")) == .doc)
        #expect(FileStore.sniff(Self.ole2(stream: "PowerPoint Document")) == .ppt)
        #expect(FileStore.sniff(Self.ole2(stream: "Workbook")) == nil)
        #expect(FileStore.sniff(Array("MZ\u{90}\u{0}program".utf8)) == nil)
        #expect(FileStore.sniff(Array("<html><script>".utf8)) == nil)
    }

    @Test("a file of the wrong kind is refused by its content, and nothing is stored")
    func wrongKindRefused() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            let before = Self.stored(app)
            for (bytes, name) in [
                (Array("MZ\u{90}\u{0}this is a program".utf8), "modul.pdf"), (Self.zip(holding: "x.apk"), "slide.pptx"),
                (Array("<svg onload=alert(1)>".utf8), "gambar.png"), ([UInt8](), "kosong.pdf"),
            ] {
                let answer = try await author.postForm(
                    Paths.courseFiles(world.courseID), fields: [:], file: bytes, filename: name, field: "file")
                #expect(answer.status == .unprocessableEntity, "\(name)")
                #expect(answer.body.contains(bytes.isEmpty ? "Pilih berkas" : "Jenis berkas tidak diterima"))
            }
            #expect(Self.stored(app) == before)
            #expect(try await CourseFile.query(on: app.db).count() == 1)
        }
    }

    @Test("a file over the limit (50 MB) is refused with the limit named, and nothing is stored")
    func tooLarge() async throws {
        let fifty = Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x20, count: FileStore.maxBytes - 9)
        #expect(FileStore.maxBytes == 50 * 1024 * 1024)
        #expect(try FileStore.check(fifty).get() == .pdf)
        guard case .failure(let message) = FileStore.check(fifty + [0x20]) else {
            Issue.record("a file one byte over 50 MB was accepted")
            return
        }
        #expect(message.key == "course.file.tooLarge" && message.arguments == ["50 MB"])
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            // The same check through the page, with the limit lowered so the test sends kilobytes.
            app.courseFileLimit = 64 * 1024
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            let big = Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x20, count: 64 * 1024)
            let answer = try await author.postForm(
                Paths.courseFiles(world.courseID), fields: [:], file: big, filename: "besar.pdf", field: "file")
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.contains("paling besar 64 KB"))
            #expect(try await CourseFile.query(on: app.db).count() == 1)
            #expect(Self.stored(app).count == 1)
            // The form may carry the largest file plus its framing past the CSRF check.
            #expect(CSRFMiddleware.uploadLimit(for: Paths.courseFiles(world.courseID)) == 51 * 1024 * 1024)
            #expect(CSRFMiddleware.uploadLimit(for: Paths.courseFiles(world.courseID) + "/x") == nil)
        }
    }

    @Test("an upload is stored under its SHA-256; the same content twice is stored once")
    func storedOnce() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            let slides = Self.zip(holding: "ppt/") + Array(repeating: 7, count: 5000)
            let first = try await author.postForm(
                Paths.courseFiles(world.courseID), fields: [:], file: slides, filename: "C:\\Materi\\Sesi 1.pptx",
                field: "file")
            #expect(first.status == .seeOther)
            let row = try #require(try await CourseFile.query(on: app.db).filter(\.$fileName == "Sesi 1.pptx").first())
            let sha = FileStore.checksum(slides)
            #expect(row.sha256 == sha && sha.count == 64)
            #expect(FileStore.path(of: "../lontar.sqlite", app: app) == nil)
            #expect(FileStore.path(of: sha, app: app) == FileStore.directory(app) + "/" + sha)
            #expect(row.size == slides.count)
            #expect(row.contentType == FileStore.Kind.pptx.contentType)
            #expect(FileManager.default.contents(atPath: FileStore.directory(app) + "/" + sha) == Data(slides))

            let again = try await author.postForm(
                Paths.courseFiles(world.courseID), fields: [:], file: slides, filename: "salinan.pptx", field: "file")
            #expect(again.status == .seeOther)
            #expect(try await CourseFile.query(on: app.db).filter(\.$sha256 == sha).count() == 1)
            let list = try await author.get(Paths.courseFiles(world.courseID))
            #expect(list.body.contains("sudah ada di kursus sebagai"))
            #expect(list.body.contains("Sesi 1.pptx"))

            // Another course may use the same slides: a second row, still one stored copy.
            let manager = try await CourseWorld.browser(app, "admin")
            let (_, other) = try await ELearningFixtures.course(app, title: "Kursus Kedua")
            let second = try await manager.postForm(
                Paths.courseFiles(other.id!), fields: [:], file: slides, filename: "slide.pptx", field: "file")
            #expect(second.status == .seeOther)
            #expect(try await CourseFile.query(on: app.db).filter(\.$sha256 == sha).count() == 2)
            #expect(Self.stored(app).filter { $0 == sha }.count == 1)
            #expect(Self.stored(app).count == 2)
        }
    }

    @Test("a download carries its type, name, checksum ETag and a year's cache, and answers 304 when unchanged")
    func downloadHeaders() async throws {
        try await withCourses { app in
            let world = try await CourseWorld.make(app)
            let staff = try await CourseWorld.browser(app, world.city.staff.nip)
            let path = Paths.courseFile(world.file.id!)
            let page = try await staff.get(path)
            #expect(page.status == .ok)
            #expect(page.body == String(decoding: CourseWorld.pdf, as: UTF8.self))
            #expect(page.headers.contentType == .pdf)
            let disposition = page.headers.first(name: .contentDisposition) ?? ""
            #expect(disposition.hasPrefix("inline") && disposition.contains("Modul Etika.pdf"))
            let etag = "\"\(world.file.sha256)\""
            #expect(page.headers.first(name: .eTag) == etag)
            #expect(page.headers.first(name: .cacheControl) == "private, max-age=31536000, immutable")

            let unchanged = try await staff.get(path, headers: ["If-None-Match": etag])
            #expect(unchanged.status == .notModified)
            #expect(unchanged.body.isEmpty)
            #expect(unchanged.headers.first(name: .eTag) == etag)
            let listed = try await staff.get(path, headers: ["If-None-Match": "\"abc\", W/\(etag)"])
            #expect(listed.status == .notModified)
            let stale = try await staff.get(path, headers: ["If-None-Match": "\"abc\""])
            #expect(stale.status == .ok)
            let range = try await staff.get(path, headers: ["Range": "bytes=0-4"])
            #expect(range.status == .partialContent && range.body == "%PDF-")

            let docx = try await CourseWorld.storedFile(
                app, world.course, bytes: Self.zip(holding: "word/"), name: "Panduan.docx")
            let author = try await CourseWorld.browser(app, "fasil-penulis")
            let office = try await author.get(Paths.courseFile(docx.id!))
            #expect(office.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(office.headers.first(name: .contentType) == FileStore.Kind.docx.contentType)
        }
    }
}
