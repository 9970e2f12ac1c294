import Fluent
import LontarCore
import Vapor

enum EmployeeDetail {
    static func render(
        _ req: Request, principal: Principal, employee: Employee, temporaryPassword: String?
    )
        async throws -> Response
    {
        let db = req.db
        let id = try employee.requireID()
        let agency = try await Agency.find(employee.$agency.id, on: db)
        let unit = try await employee.$unit.id.asyncFlatMap { try await OrgUnit.find($0, on: db) }
        let position = try await employee.$position.id.asyncFlatMap { try await Position.find($0, on: db) }
        let supervisor = try await employee.$supervisor.id.asyncFlatMap { try await Employee.find($0, on: db) }
        let reports = try await Employee.query(on: db).filter(\.$supervisor.$id == id).filter(\.$active == true)
            .sort(\.$name).with(\.$position).all()
        let account = try await AccountService.account(for: employee, on: db)
        let canManage = principal.canManage(agencyID: employee.$agency.id)
        let gender = employee.gender == Gender.female.rawValue ? req.t("gender.female") : req.t("gender.male")
        let birth =
            CivilDate(iso: employee.birthDate).map { CityTime.longDate($0, language: req.language) }
            ?? employee.birthDate
        var fields: [EmployeeDetailPage.Field] = [
            .init(label: req.t("column.nip"), value: employee.nip),
            .init(label: req.t("column.jenis_pegawai"), value: employee.kind),
            .init(label: req.t("employee.birthDate"), value: birth),
            .init(label: req.t("employee.gender"), value: gender),
            .init(label: req.t("column.pangkat_golongan"), value: gradeLabel(employee)),
            .init(label: req.t("column.kode_opd"), value: agency.map { "\($0.name) (\($0.code))" } ?? "—"),
            .init(label: req.t("column.unit_kerja"), value: unit?.name ?? "—"),
            .init(
                label: req.t("column.jabatan"),
                value: position.map { "\($0.title) — " + req.t("position.kind.\($0.kind)") } ?? "—"),
            .init(label: req.t("column.email"), value: employee.email ?? "—"),
            .init(label: req.t("column.telepon"), value: employee.phone ?? "—"),
        ]
        if canManage {
            fields.append(.init(label: req.t("account.status"), value: accountStatus(req, account)))
        }
        let granted = account?.grantedRoles ?? []
        let page = EmployeeDetailPage(
            layout: try await Layout.make(req, title: employee.name),
            nip: employee.nip,
            name: EmployeeImport.displayName(front: employee.frontTitle, name: employee.name, back: employee.backTitle),
            active: employee.active, fields: fields,
            supervisorHref: supervisor.flatMap { boss in
                guard let bossID = boss.id,
                    principal.canView(employeeID: bossID, agencyID: boss.$agency.id, supervisorID: boss.$supervisor.id)
                else { return nil }
                return Paths.employee(boss.nip)
            },
            supervisorName: supervisor?.name,
            reports: reports.filter { report in
                // A supervisor looking at a report does not see that report's own team.
                report.id.map {
                    principal.canView(employeeID: $0, agencyID: report.$agency.id, supervisorID: report.$supervisor.id)
                } ?? false
            }.map { .init(href: Paths.employee($0.nip), name: $0.name, position: $0.position?.title) },
            editHref: canManage ? Paths.employeeEdit(employee.nip) : nil,
            deactivateHref: canManage && employee.active ? Paths.employeeDeactivate(employee.nip) : nil,
            reactivateHref: canManage && !employee.active ? Paths.employeeReactivate(employee.nip) : nil,
            accountHref: canManage ? Paths.employeeAccount(employee.nip) : nil,
            hasAccount: account?.passwordHash != nil,
            accountRoles: Role.grantable.map {
                Option(value: $0.rawValue, label: req.t("role.\($0.rawValue)"), selected: granted.contains($0))
            },
            canGrantRoles: principal.isAdmin, temporaryPassword: temporaryPassword,
            isOwnProfile: principal.employeeID == id)
        return try await req.renderPage("people/employee-detail", page)
    }

    private static func gradeLabel(_ employee: Employee) -> String {
        guard let code = employee.grade else { return "—" }
        guard let kind = EmployeeKind(rawValue: employee.kind),
            let grade = Grade.all(for: kind).first(where: { $0.code == code }), let rank = grade.rankName
        else { return code }
        return "\(rank) (\(code))"
    }

    private static func accountStatus(_ req: Request, _ account: UserAccount?) -> String {
        guard let account, account.passwordHash != nil else { return req.t("account.none") }
        if account.mustChangePassword { return req.t("account.temporary") }
        return req.t("account.active")
    }
}
