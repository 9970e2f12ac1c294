import Fluent
import LontarCore
import Vapor

/// The create/edit form. Its fields carry the import's column names, so the form, the
/// API and the CSV import all go through `EmployeeImport.validate`.
enum EmployeeForms {
    struct FormInput: Content {
        var nip: String
        var nama: String
        var gelar_depan: String?
        var gelar_belakang: String?
        var jenis_pegawai: String
        var pangkat_golongan: String?
        var kode_opd: String
        var unit_kerja: String?
        var jabatan: String?
        var jenis_jabatan: String?
        var nip_atasan: String?
        var email: String?
        var telepon: String?

        var cells: [String: String] {
            [
                "nip": nip, "nama": nama, "gelar_depan": gelar_depan ?? "", "gelar_belakang": gelar_belakang ?? "",
                "jenis_pegawai": jenis_pegawai, "pangkat_golongan": pangkat_golongan ?? "", "kode_opd": kode_opd,
                "unit_kerja": unit_kerja ?? "", "jabatan": jabatan ?? "", "jenis_jabatan": jenis_jabatan ?? "",
                "nip_atasan": nip_atasan ?? "", "email": email ?? "", "telepon": telepon ?? "",
            ]
        }

        var page: EmployeeFormPage.Input {
            EmployeeFormPage.Input(
                nip: nip, nama: nama, gelar_depan: gelar_depan ?? "", gelar_belakang: gelar_belakang ?? "",
                jenis_pegawai: jenis_pegawai, pangkat_golongan: pangkat_golongan ?? "", kode_opd: kode_opd,
                unit_kerja: unit_kerja ?? "", jabatan: jabatan ?? "", jenis_jabatan: jenis_jabatan ?? "",
                nip_atasan: nip_atasan ?? "", email: email ?? "", telepon: telepon ?? "")
        }
    }

    static func input(from employee: Employee, on db: any Database) async throws -> EmployeeFormPage.Input {
        let agency = try await Agency.find(employee.$agency.id, on: db)
        let unit = try await employee.$unit.id.asyncFlatMap { try await OrgUnit.find($0, on: db) }
        let position = try await employee.$position.id.asyncFlatMap { try await Position.find($0, on: db) }
        let supervisor = try await employee.$supervisor.id.asyncFlatMap { try await Employee.find($0, on: db) }
        return EmployeeFormPage.Input(
            nip: employee.nip, nama: employee.name, gelar_depan: employee.frontTitle ?? "",
            gelar_belakang: employee.backTitle ?? "", jenis_pegawai: employee.kind,
            pangkat_golongan: employee.grade ?? "", kode_opd: agency?.code ?? "", unit_kerja: unit?.name ?? "",
            jabatan: position?.title ?? "", jenis_jabatan: position?.kind ?? "", nip_atasan: supervisor?.nip ?? "",
            email: employee.email ?? "", telepon: employee.phone ?? "")
    }

    static func agencyOptions(_ req: Request, principal: Principal, selected: String?) async throws -> [Option] {
        let query = Agency.query(on: req.db).filter(\.$active == true).sort(\.$code)
        if !principal.isAdmin {
            guard let own = principal.operatorAgencyID else { return [] }
            query.filter(\.$id == own)
        }
        return try await query.all().map {
            Option(value: $0.code, label: "\($0.code) — \($0.name)", selected: $0.code == selected?.uppercased())
        }
    }

    static func render(
        _ req: Request, principal: Principal, action: String, isNew: Bool, input: EmployeeFormPage.Input,
        errors: [String]
    ) async throws -> Response {
        let agencies = try await agencyOptions(req, principal: principal, selected: input.kode_opd)
        let agency = try await Agency.query(on: req.db).filter(\.$code == input.kode_opd.uppercased()).first()
        var units: [String] = []
        var positions: [String] = []
        if let agencyID = agency?.id {
            // Retired units are not offered; one still named in the form stays (it is kept as is).
            units = try await OrgUnit.query(on: req.db).filter(\.$agency.$id == agencyID).sort(\.$name).all()
                .filter { $0.active || $0.name == input.unit_kerja }.map(\.name)
            positions = try await Position.query(on: req.db).filter(\.$agency.$id == agencyID).sort(\.$title).all()
                .map(\.title)
        }
        let kind = EmployeeKind(rawValue: input.jenis_pegawai.uppercased()) ?? .pns
        let page = EmployeeFormPage(
            layout: try await Layout.make(req, title: req.t(isNew ? "employee.new.title" : "employee.edit.title")),
            action: action, isNew: isNew, input: input, agencies: agencies,
            kinds: EmployeeKind.allCases.map {
                Option(
                    value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == input.jenis_pegawai.uppercased())
            },
            positionKinds: PositionKind.allCases.map {
                Option(
                    value: $0.rawValue, label: req.t("position.kind.\($0.rawValue)"),
                    selected: $0.rawValue == input.jenis_jabatan.lowercased())
            },
            grades: Grade.all(for: kind).map(\.code), units: units, positions: positions, errors: errors)
        return try await req.renderPage(
            "people/employee-form", page, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
