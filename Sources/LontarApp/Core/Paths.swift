import Foundation

/// Every address of the site in one list, used both to register routes and to build links,
/// so a link cannot point at a route that moved. Addresses are Indonesian, like the users.
enum Paths {
    static let home = "/"
    static let signIn = "/masuk"
    static let signOut = "/keluar"
    static let changePassword = "/akun/kata-sandi"
    static let language = "/akun/bahasa"
    static let myData = "/akun/data-saya"
    static let myDataDownload = "/akun/data-saya.json"
    static let profile = "/profil"
    static let ownContact = "/profil/kontak"

    static let agencies = "/opd"
    static let agencyNew = "/opd/baru"
    static func agency(_ id: UUID) -> String { "/opd/\(id.uuidString)" }
    static func agencyEdit(_ id: UUID) -> String { "/opd/\(id.uuidString)/ubah" }
    static func agencyDeactivate(_ id: UUID) -> String { "/opd/\(id.uuidString)/nonaktifkan" }
    static func agencyUnits(_ id: UUID) -> String { "/opd/\(id.uuidString)/unit" }
    static func agencyUnit(_ id: UUID, _ unitID: UUID) -> String { agencyUnits(id) + "/\(unitID.uuidString)" }
    static func agencyUnitStatus(_ id: UUID, _ unitID: UUID) -> String { agencyUnit(id, unitID) + "/status" }

    static let positions = "/jabatan"
    static let positionNew = "/jabatan/baru"
    static func position(_ id: UUID) -> String { "/jabatan/\(id.uuidString)" }
    static func positionEdit(_ id: UUID) -> String { "/jabatan/\(id.uuidString)/ubah" }
    static func positionDeactivate(_ id: UUID) -> String { "/jabatan/\(id.uuidString)/nonaktifkan" }

    static let employees = "/pegawai"
    static let employeeNew = "/pegawai/baru"
    static let employeeImport = "/pegawai/impor"
    static let employeeImportTemplate = "/pegawai/impor/template.csv"
    static let employeeExport = "/pegawai/ekspor.csv"
    static func employee(_ nip: String) -> String { "/pegawai/\(nip)" }
    static func employeeEdit(_ nip: String) -> String { "/pegawai/\(nip)/ubah" }
    static func employeeDeactivate(_ nip: String) -> String { "/pegawai/\(nip)/nonaktifkan" }
    static func employeeAccount(_ nip: String) -> String { "/pegawai/\(nip)/akun" }
    static func employeeReactivate(_ nip: String) -> String { "/pegawai/\(nip)/aktifkan" }

    static let audit = "/audit"
    static let accounts = "/akun-pengguna"
    static func accountPassword(_ username: String) -> String { "/akun-pengguna/\(username)/sandi" }
    static func accountStatus(_ username: String) -> String { "/akun-pengguna/\(username)/status" }

    static let healthz = "/healthz"
    static let readyz = "/readyz"

    static let apiToken = "/api/v1/auth/token"
}
