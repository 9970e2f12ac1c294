import Fluent
import LontarCore
import Vapor

/// Everything Lontar holds about the signed-in person (UU 27/2022: the right to see and
/// take one's own data), as a page and as a JSON download.
struct PersonalData: Content {
    struct Account: Content {
        let username: String
        let displayName: String
        let roles: [String]
        let language: String
        let createdAt: Date?
    }
    struct Token: Content {
        let createdAt: Date?
        let expiresAt: Date
        let revoked: Bool
    }
    struct Event: Content {
        let at: Date
        let actor: String
        let action: String
        let changes: [FieldChange]
    }
    let exportedAt: Date
    let account: Account
    let employee: EmployeeSummary?
    let birthDate: String?
    let gender: String?
    let apiTokens: [Token]
    let recordHistory: [Event]
}

struct PersonalDataPage: Encodable {
    let layout: Layout
    let json: String
    let downloadHref: String
}

struct PersonalDataController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("akun", "data-saya", use: page)
        routes.get("akun", "data-saya.json", use: download)
    }

    static func collect(_ req: Request) async throws -> PersonalData {
        let principal = try req.requirePrincipal()
        guard let account = try await UserAccount.find(principal.userID, on: req.db) else { throw AppError.notFound() }
        var summary: EmployeeSummary?
        var employee: Employee?
        if let id = principal.employeeID, let found = try await Employee.find(id, on: req.db) {
            employee = found
            summary = try await EmployeeQueries.list(
                EmployeeFilter(q: found.nip, includeInactive: true), scope: .all, page: nil, on: req.db
            ).rows.first { $0.nip == found.nip }
        }
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == principal.userID).all()
        var history: [PersonalData.Event] = []
        if let nip = employee?.nip {
            let decoder = JSONDecoder()
            history = try await AuditEntry.query(on: req.db).filter(\.$entity == "employee").filter(\.$entityID == nip)
                .sort(\.$at, .descending).all().map {
                    .init(
                        at: $0.at, actor: $0.actorName, action: $0.action,
                        changes: (try? decoder.decode([FieldChange].self, from: Data($0.changes.utf8))) ?? [])
                }
        }
        return PersonalData(
            exportedAt: req.now,
            account: .init(
                username: account.username, displayName: account.displayName,
                roles: principal.roles.map(\.rawValue).sorted(), language: account.language,
                createdAt: account.createdAt),
            employee: summary, birthDate: employee?.birthDate, gender: employee?.gender,
            apiTokens: tokens.map {
                .init(createdAt: $0.createdAt, expiresAt: $0.expiresAt, revoked: $0.revokedAt != nil)
            },
            recordHistory: history)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    func page(req: Request) async throws -> Response {
        let data = try await Self.collect(req)
        let json = String(decoding: try Self.encoder().encode(data), as: UTF8.self)
        let page = PersonalDataPage(
            layout: try await Layout.make(req, title: req.t("myData.title")), json: json,
            downloadHref: Paths.myDataDownload)
        return try await req.renderPage("people/my-data", page)
    }

    func download(req: Request) async throws -> Response {
        let data = try await Self.collect(req)
        let response = Response(status: .ok, body: .init(data: try Self.encoder().encode(data)))
        response.headers.contentType = .json
        response.headers.contentDisposition = .init(.attachment, filename: "data-saya-lontar.json")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
