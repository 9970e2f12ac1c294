import Fluent
import SQLKit
import Foundation
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Health, errors, OpenAPI, strings, demo")
struct PlatformTests {
    @Test("healthz and readyz answer 200 when the database answers")
    func health() async throws {
        try await withLontar { app in
            try await app.testing().test(.GET, "healthz") { res in #expect(res.status == .ok) }
            try await app.testing().test(.GET, "readyz") { res in #expect(res.status == .ok) }
            // Guards the CI's second pass: it must really run on PostgreSQL.
            let dialect = (app.db as? any SQLDatabase)?.dialect.name
            #expect(dialect == (TestDatabase.isPostgres ? "postgresql" : "sqlite"))
        }
    }

    @Test("unknown addresses: a page for browsers, JSON with a code for the API")
    func notFound() async throws {
        try await withLontar { app in
            let page = try await Fixtures.browser(app, as: "admin", password: adminPassword).get("/tidak-ada")
            #expect(page.status == .notFound)
            #expect(page.body.contains("<html"))
            try await app.testing().test(.GET, "api/v1/tidak-ada") { res in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("\"code\":\"not_found\""))
            }
        }
    }

    @Test("every /api/v1 route is in the OpenAPI document, and every documented operation exists")
    func openAPIMatchesRoutes() async throws {
        try await withLontar { app in
            var document: [String: Any] = [:]
            try await app.testing().test(.GET, "api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                document = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any] ?? [:]
            }
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            let documented = Set(
                paths.flatMap { path, operations in
                    operations.keys.filter { ["get", "post", "put", "patch", "delete"].contains($0) }
                        .map { "\($0.uppercased()) \(path)" }
                })
            let served = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { component -> String in
                            if case .parameter(let name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                    guard path.hasPrefix("/api/v1/"), path != "/api/v1/openapi.json" else { return nil }
                    return "\(route.method.rawValue) \(path)"
                })
            #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented).sorted())")
            #expect(
                documented.subtracting(served).isEmpty,
                "documented but not served: \(documented.subtracting(served).sorted())")
        }
    }

    @Test("the Indonesian and English catalogues have the same keys, and templates use only known keys")
    func catalogueComplete() async throws {
        let catalogue = try Catalogue.load(from: try resourceDirectory().appendingPathComponent("Strings"))
        let indonesian = catalogue.keys(for: .id)
        let english = catalogue.keys(for: .en)
        #expect(
            indonesian.subtracting(english).isEmpty, "missing in English: \(indonesian.subtracting(english).sorted())")
        #expect(
            english.subtracting(indonesian).isEmpty,
            "missing in Indonesian: \(english.subtracting(indonesian).sorted())")
        let views = try resourceDirectory().appendingPathComponent("Views")
        let enumerator = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)
        var used = Set<String>()
        while let file = enumerator?.nextObject() as? URL {
            guard file.pathExtension == "leaf" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /#t\("([A-Za-z0-9_.]+)"/) { used.insert(String(match.output.1)) }
        }
        #expect(!used.isEmpty)
        #expect(
            used.subtracting(indonesian).isEmpty, "unknown keys in templates: \(used.subtracting(indonesian).sorted())")
    }

    @Test("every catalogue key written in the app's Swift code exists in the catalogue")
    func swiftKeysExist() async throws {
        let catalogue = try Catalogue.load(from: try resourceDirectory().appendingPathComponent("Strings"))
        let known = catalogue.keys(for: .id)
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LontarApp")
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        var missing: [String] = []
        let fileSuffixes = [".csv", ".json", ".sqlite", ".leaf", ".swift", ".go.id", ".ics"]
        while let file = enumerator?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /"([a-z][a-zA-Z]*(?:\.[a-zA-Z_]+)+)"/) {
                let key = String(match.output.1)
                if fileSuffixes.contains(where: { key.hasSuffix($0) }) { continue }
                if !known.contains(key) { missing.append("\(file.lastPathComponent): \(key)") }
            }
        }
        #expect(missing.isEmpty, "keys missing from the catalogue: \(missing)")
    }

    @Test("pages speak English when the user chooses it")
    func languageSwitch() async throws {
        try await withLontar { app in
            let browser = try await Fixtures.browser(app, as: "admin", password: adminPassword)
            let indonesian = try await browser.get("/pegawai")
            #expect(indonesian.body.contains("lang=\"id\""))
            #expect(
                try await browser.post("/akun/bahasa", form: ["lang": "en", "back": "/pegawai"]).status == .seeOther)
            let english = try await browser.get("/pegawai")
            #expect(english.body.contains("lang=\"en\""))
            #expect(english.body != indonesian.body)
        }
    }

    @Test("the demo loads Kota Kupang's civil servants, and loading it twice duplicates nothing")
    func demoIsIdempotent() async throws {
        try await withLontar { app in
            _ = try await DemoLoader.load(into: app)
            let employees = try await Employee.query(on: app.db).count()
            let agencies = try await Agency.query(on: app.db).count()
            let accounts = try await UserAccount.query(on: app.db).count()
            #expect(employees >= 250)
            _ = try await DemoLoader.load(into: app)
            #expect(try await Employee.query(on: app.db).count() == employees)
            #expect(try await Agency.query(on: app.db).count() == agencies)
            #expect(try await UserAccount.query(on: app.db).count() == accounts)
            let operators = try await UserAccount.query(on: app.db).all().filter { $0.grantedRoles.contains(.operator) }
            #expect(operators.count >= 3)
            let pppk = try await Employee.query(on: app.db).filter(\.$kind == "PPPK").count()
            #expect(pppk > 0)
        }
    }
}
