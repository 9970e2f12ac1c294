import Foundation

struct EmployeeListPage: Encodable {
    struct Row: Encodable {
        let href: String
        let nip: String
        let name: String
        let position: String?
        let unit: String?
        let agency: String
        let kind: String
        let active: Bool
    }
    let layout: Layout
    let q: String
    let agency: String
    let includeInactive: Bool
    let agencies: [Option]
    let rows: [Row]
    let pager: Pager
    let canManage: Bool
    let exportHref: String
}

struct EmployeeDetailPage: Encodable {
    struct Field: Encodable {
        let label: String
        let value: String
    }
    struct Report: Encodable {
        let href: String
        let name: String
        let position: String?
    }
    let layout: Layout
    let nip: String
    let name: String
    let active: Bool
    let fields: [Field]
    let supervisorHref: String?
    let supervisorName: String?
    let reports: [Report]
    let editHref: String?
    let deactivateHref: String?
    let reactivateHref: String?
    let accountHref: String?
    let hasAccount: Bool
    let accountRoles: [Option]
    let canGrantRoles: Bool
    let temporaryPassword: String?
    let isOwnProfile: Bool
}

struct EmployeeFormPage: Encodable {
    struct Input: Encodable {
        var nip = ""
        var nama = ""
        var gelar_depan = ""
        var gelar_belakang = ""
        var jenis_pegawai = "PNS"
        var pangkat_golongan = ""
        var kode_opd = ""
        var unit_kerja = ""
        var jabatan = ""
        var jenis_jabatan = ""
        var nip_atasan = ""
        var email = ""
        var telepon = ""
    }
    let layout: Layout
    let action: String
    let isNew: Bool
    let input: Input
    let agencies: [Option]
    let kinds: [Option]
    let positionKinds: [Option]
    let grades: [String]
    let units: [String]
    let positions: [String]
    let errors: [String]
}
