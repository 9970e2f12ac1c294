import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Installable web app and offline package")
struct OfflineTests {
    static func get(_ app: Application, _ path: String, headers: HTTPHeaders = [:]) async throws -> Browser.Page {
        var page: Browser.Page?
        try await app.testing().test(.GET, path, headers: headers) { res in
            page = Browser.Page(status: res.status, body: res.body.string, headers: res.headers)
        }
        return try #require(page)
    }

    static func file(_ app: Application, _ course: Course, name: String, size: Int) async throws -> CourseFile {
        let file = CourseFile()
        file.$course.id = try course.requireID()
        file.fileName = name
        file.contentType = "application/pdf"
        file.size = size
        file.sha256 = String(repeating: "a", count: 64)
        file.uploadedBy = UUID()
        file.createdAt = app.clock.now()
        try await file.save(on: app.db)
        return file
    }

    @Test("the manifest makes the site installable: name, start, standalone, the palm green, an icon that exists")
    func manifest() async throws {
        try await withLontar { app in
            let page = try await Self.get(app, String(Paths.webManifest.dropFirst()))
            #expect(page.status == .ok)
            #expect(page.headers.first(name: .contentType)?.hasPrefix("application/manifest+json") == true)
            let manifest = try #require(
                try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
            #expect(manifest["short_name"] as? String == "Lontar")
            #expect(manifest["start_url"] as? String == "/")
            #expect(manifest["display"] as? String == "standalone")
            let css = try await Self.get(app, "static/lontar.css").body
            let theme = try #require(manifest["theme_color"] as? String)
            #expect(css.contains("--green:\(theme);"))
            let icons = try #require(manifest["icons"] as? [[String: Any]])
            let icon = try #require(icons.first?["src"] as? String)
            #expect(icons.first?["sizes"] as? String == "any")
            #expect(try await Self.get(app, String(icon.dropFirst())).status == .ok)
        }
    }

    @Test(
        "the service worker is served from the root as JavaScript, never cached stale, and precaches only what exists")
    func serviceWorker() async throws {
        try await withLontar { app in
            let worker = try await Self.get(app, String(Paths.serviceWorker.dropFirst()))
            #expect(worker.status == .ok)
            #expect(worker.headers.first(name: .contentType)?.hasPrefix("text/javascript") == true)
            #expect(worker.headers.first(name: .cacheControl) == "no-cache")
            #expect(worker.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            let list = try #require(worker.body.firstMatch(of: /var PRECACHE = \[([^\]]*)\]/)).output.1
            let urls = list.matches(of: /"([^"]+)"/).map { String($0.output.1) }
            #expect(urls.count >= 5)
            #expect(urls.contains("/static/learn.js"))
            for url in urls + ["/luring"] {
                #expect(try await Self.get(app, String(url.dropFirst())).status == .ok, "\(url)")
            }
            // learn.js fills the caches the worker reads: their names must agree.
            let script = try await Self.get(app, "static/learn.js").body
            let version = /var VERSION = "([^"]+)"/
            #expect(
                try #require(worker.body.firstMatch(of: version)).output.1 == script.firstMatch(of: version)?.output.1)
        }
    }

    @Test("every page links the manifest and the script, has the status area, and gives the script every text it uses")
    func layoutCarriesTheTexts() async throws {
        try await withLontar { app in
            let city = try await Fixtures.city(app)
            let browser = try await Fixtures.browser(app, as: city.staff.nip)
            let page = try await browser.get("/")
            #expect(page.body.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"))
            #expect(page.body.contains("<script src=\"/static/learn.js\" defer></script>"))
            #expect(page.body.contains("id=\"net-status\""))
            #expect(page.body.contains("data-learner=\"\(OfflineLearner.key(for: city.staff.id))\""))
            #expect(page.body.contains("data-t-offline=\"Anda sedang luring\""))
            let script = try await Self.get(app, "static/learn.js").body
            let used = Set(script.matches(of: /\bt\("([a-z-]+)"/).map { String($0.output.1) })
            #expect(used.count >= 15)
            for name in used {
                let attribute = try #require(
                    page.body.firstMatch(of: try Regex("data-t-\(name)=\"([^\"]*)\"")), "\(name)")
                #expect(!(attribute.output[1].substring ?? "").isEmpty, "\(name)")
            }
            // No text is written into the script itself: the only words are catalogue look-ups.
            for word in ["Anda", "Semua", "tersimpan", "You are"] { #expect(!script.contains(word), "\(word)") }
        }
    }

    @Test("the offline page is there for anyone, with the list the script fills")
    func offlinePage() async throws {
        try await withLontar { app in
            let page = try await Self.get(app, String(Paths.offlinePage.dropFirst()))
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"offline-courses\""))
            #expect(page.body.contains("Anda sedang luring"))
        }
    }

    @Test("the package lists the course's published pages and files with sizes, only to enrolled learners")
    func package() async throws {
        try await withLontar { app in
            let story = try await SyncStory.make(app, secondRequiresPrevious: true)
            let pdf = try await Self.file(app, story.course, name: "modul.pdf", size: 123_456)
            let secret = try await Self.file(app, story.course, name: "draf.pdf", size: 999)
            let section = try await ELearningFixtures.section(app, story.course, title: "Lanjutan", position: 2)
            try await ELearningFixtures.lesson(app, section, title: "Modul", position: 1, kind: .file, file: pdf)
            let hidden = try await ELearningFixtures.lesson(
                app, section, title: "Belum terbit", position: 2, kind: .file, published: false, file: secret)
            try await ELearningFixtures.lesson(app, section, title: "Kuis", position: 3, kind: .quiz, quiz: story.quiz)
            let path = String(Paths.courseOffline(try story.course.requireID()).dropFirst())

            let learner = try await Fixtures.browser(app, as: story.city.staff.nip)
            let answer = try await learner.get(path)
            #expect(answer.status == .ok)
            let package = try JSONDecoder().decode(OfflinePackage.self, from: Data(answer.body.utf8))
            let urls = package.pages.map(\.url)
            #expect(urls.first == Paths.course(try story.course.requireID()))
            #expect(urls.contains(Paths.lesson(try story.first.requireID())))
            #expect(urls.contains(Paths.quiz(try story.quiz.requireID())))
            #expect(!urls.contains(Paths.lesson(try hidden.requireID())))
            let second = Paths.lesson(try story.second.requireID())
            #expect(package.pages.first { $0.url == second }?.locked == true)
            #expect(
                package.files == [
                    OfflinePackage.File(
                        url: Paths.courseFile(try pdf.requireID()), name: "modul.pdf", type: "application/pdf",
                        size: 123_456)
                ])
            #expect(package.filesBytes == 123_456)
            #expect(package.revision == story.course.revision)
            #expect(answer.headers.first(name: .cacheControl) == "no-store")

            let stranger = try await Fixtures.browser(app, as: story.city.teacher.nip)
            #expect(try await stranger.get(path).status == .forbidden)
            let author = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            #expect(try await author.get(path).status == .forbidden)
            let anonymous = try await Browser(app).get(path)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.body.isEmpty || !anonymous.body.contains("modul.pdf"))

            story.course.status = CourseStatus.draft.rawValue
            try await story.course.save(on: app.db)
            #expect(try await learner.get(path).status == .notFound)
        }
    }

    @Test("a prefetch from the offline download says so, so pages can leave progress alone")
    func prefetchHeader() async throws {
        try await withLontar { app in
            let plain = Request(application: app, on: app.eventLoopGroup.next())
            #expect(!plain.isOfflinePrefetch)
            let prefetch = Request(
                application: app, headers: ["Purpose": "prefetch"], on: app.eventLoopGroup.next())
            #expect(prefetch.isOfflinePrefetch)
        }
    }
}
