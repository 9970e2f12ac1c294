import Fluent
import LontarCore
import Vapor

/// `lontar demo`: loads Kota Kupang's demo organisation and ~300 civil servants. Safe to run
/// again: everything is keyed (OPD code, NIP, username) and updated rather than duplicated.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "force", help: "Load even though the database holds data that is not demo data.")
        var force: Bool
    }

    var help: String {
        "Loads demo data for Kota Kupang (OPDs, units, positions, ~300 civil servants, operators, programmes, "
            + "e-learning courses)."
    }

    static let password = "kupang2026"

    func run(using context: CommandContext, signature: Signature) async throws {
        let summary = try await DemoLoader.load(into: context.application, force: signature.force)
        context.console.print(summary)
    }
}

enum DemoLoader {
    static func load(into app: Application, force: Bool = false) async throws -> String {
        let data = KupangDemoData.make()
        // The demo renames OPDs that share its codes and gives ~300 accounts one known
        // password: never let it loose on real data by accident.
        let demoNIPs = Set(data.employees.map(\.nip))
        let demoCodes = Set(data.agencies.map(\.code))
        let foreignPeople = try await Employee.query(on: app.db).all(\.$nip).filter { !demoNIPs.contains($0) }.count
        let foreignAgencies = try await Agency.query(on: app.db).all(\.$code).filter { !demoCodes.contains($0) }.count
        if !force, foreignPeople + foreignAgencies > 0 {
            throw DemoError.realData(people: foreignPeople, agencies: foreignAgencies)
        }
        let today = CityTime.today(app.clock)
        try await app.db.transaction { db in
            for demo in data.agencies {
                let agency =
                    try await Agency.query(on: db).filter(\.$code == demo.code).first()
                    ?? Agency(code: demo.code, name: demo.name)
                agency.name = demo.name
                agency.active = true
                try await agency.save(on: db)
                let agencyID = try agency.requireID()
                for unit in demo.units where unit.parentName == nil {
                    try await ensureUnit(unit.name, parent: nil, agencyID: agencyID, on: db)
                }
                for unit in demo.units {
                    guard let parentName = unit.parentName else { continue }
                    let parent = try await ensureUnit(parentName, parent: nil, agencyID: agencyID, on: db)
                    try await ensureUnit(unit.name, parent: parent.id, agencyID: agencyID, on: db)
                }
            }
            for demo in data.positions {
                guard let agency = try await Agency.query(on: db).filter(\.$code == demo.agencyCode).first(),
                    let agencyID = agency.id
                else { continue }
                if try await Position.query(on: db).filter(\.$agency.$id == agencyID).filter(\.$title == demo.title)
                    .first() == nil
                {
                    try await Position(agencyID: agencyID, title: demo.title, kind: demo.kind).save(on: db)
                }
            }
            let rows = try data.employees.enumerated().map { index, demo in
                let cells: [String: String] = [
                    "nip": demo.nip, "nama": demo.name, "gelar_depan": demo.frontTitle ?? "",
                    "gelar_belakang": demo.backTitle ?? "", "jenis_pegawai": demo.kind, "pangkat_golongan": demo.grade,
                    "kode_opd": demo.agencyCode, "unit_kerja": demo.unitName ?? "", "jabatan": demo.positionTitle,
                    "jenis_jabatan": data.positions.first {
                        $0.agencyCode == demo.agencyCode && $0.title == demo.positionTitle
                    }?.kind ?? "pelaksana",
                    "nip_atasan": demo.supervisorNIP ?? "", "email": demo.email, "telepon": demo.phone,
                ]
                let (row, issues) = EmployeeImport.validate(cells: cells, line: index + 2, today: today)
                guard let row else { throw DemoError.invalid(demo.nip, issues.map(\.message.key)) }
                return row
            }
            let system = Principal(
                userID: UUID(), username: "demo", displayName: "demo", employeeID: nil, employeeAgencyID: nil,
                roles: [.admin], operatorAgencyID: nil, mustChangePassword: false)
            let outcome = try await EmployeeWriter(principal: system, now: app.clock.now()).write(
                rows, on: db, dryRun: false)
            guard outcome.issues.isEmpty else {
                throw DemoError.invalid("import", outcome.issues.map { "\($0.line) \($0.message.key)" })
            }
            try await ensureAccounts(app, data: data, on: db)
            try await DemoTrainingLoader.load(into: app, on: db)
        }
        let elearning = try await DemoELearningLoader.load(into: app, learnerNIPs: data.employees.map(\.nip))
        let evaluation = try await DemoEvaluationLoader.load(into: app)
        let finished = try await DemoFinishedClassLoader.load(into: app).map { "\n" + $0 } ?? ""
        return """
            Demo data loaded: \(data.agencies.count) OPD, \(data.employees.count) civil servants.
            \(elearning)
            \(evaluation)\(finished)
            Every demo civil servant signs in with their NIP and the password \(DemoCommand.password).
            OPD operators: \(data.operators.map { "\($0.agencyCode) \($0.employeeNIP)" }.joined(separator: ", "))
            """
    }

    @discardableResult
    private static func ensureUnit(
        _ name: String, parent: UUID?, agencyID: UUID, on db: any Database
    ) async throws -> OrgUnit {
        if let unit = try await OrgUnit.query(on: db).filter(\.$agency.$id == agencyID).filter(\.$name == name).first()
        {
            if parent != nil, unit.$parent.id != parent {
                unit.$parent.id = parent
                try await unit.save(on: db)
            }
            return unit
        }
        let unit = OrgUnit(agencyID: agencyID, parentID: parent, name: name)
        try await unit.save(on: db)
        return unit
    }

    /// One bcrypt hash for every demo account: hashing 300 passwords would take minutes.
    private static func ensureAccounts(_ app: Application, data: KupangDemoData, on db: any Database) async throws {
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.any()).hash(
            DemoCommand.password)
        let operators = Dictionary(
            data.operators.map { ($0.employeeNIP, $0.agencyCode) }, uniquingKeysWith: { a, _ in a })
        let employees = try await Employee.query(on: db).filter(\.$nip ~~ data.employees.map(\.nip)).all()
        let agencies = try await Agency.query(on: db).all()
        let accounts = try await UserAccount.query(on: db).filter(\.$employee.$id ~~ employees.compactMap(\.id)).all()
        let accountByEmployee = Dictionary(
            accounts.compactMap { a in a.$employee.id.map { ($0, a) } }, uniquingKeysWith: { a, _ in a })
        for employee in employees {
            guard let id = employee.id else { continue }
            let account =
                accountByEmployee[id]
                ?? UserAccount(
                    username: employee.nip, displayName: employee.name, employeeID: id, passwordHash: hash, roles: [])
            account.displayName = EmployeeImport.displayName(
                front: employee.frontTitle, name: employee.name, back: employee.backTitle)
            if account.passwordHash == nil { account.passwordHash = hash }
            if let code = operators[employee.nip], let agency = agencies.first(where: { $0.code == code }) {
                account.roles = Role.encode(account.grantedRoles.union([.operator]))
                account.$operatorAgency.id = agency.id
            }
            try await account.save(on: db)
        }
    }

    enum DemoError: Error, CustomStringConvertible {
        case invalid(String, [String])
        case realData(people: Int, agencies: Int)
        var description: String {
            switch self {
            case .realData(let people, let agencies):
                "this database holds \(people) civil servants and \(agencies) OPDs that are not demo data; "
                    + "the demo would share one password among ~300 accounts. Use an empty database, "
                    + "or `lontar demo --force` if you really mean it."
            case .invalid(let what, let problems): "demo data invalid at \(what): \(problems.joined(separator: ", "))"
            }
        }
    }
}
