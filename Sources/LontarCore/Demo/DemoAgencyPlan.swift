// The shape of an agency in the demo catalogue, and the profiles of its leaders.

/// The level of a unit decides the title, kind and grade of its leader.
enum DemoUnitLevel: Sendable {
    case sekretariat, bidang, bagian, seksi, subbagian, puskesmas, school, upt, kelurahan
}

/// How an agency is headed.
enum DemoHeadKind: Sendable {
    /// Kepala Dinas / Kepala Badan (JPT pratama).
    case kepala
    /// Sekretaris Daerah (JPT), the top of the supervisor hierarchy.
    case sekda
    /// Camat (administrator).
    case camat
}

struct DemoStaffSlot: Sendable {
    let role: DemoStaffRole
    let count: Int
}

struct DemoUnitPlan: Sendable {
    let name: String
    let parent: String?
    let level: DemoUnitLevel
    let staff: [DemoStaffSlot]
}

struct DemoAgencyPlan: Sendable {
    let code: String
    let name: String
    let head: DemoHeadKind
    /// Degrees of administrators and heads, e.g. "S.Sos., M.Si.".
    let masters: [DemoTitles]
    /// Degrees of pengawas, e.g. "S.Sos.".
    let bachelors: [DemoTitles]
    /// Units in parent-before-child order.
    let units: [DemoUnitPlan]

    /// The name without "Kecamatan " / "Kelurahan " prefixes, e.g. "Oebobo".
    static func place(_ name: String) -> String {
        for prefix in ["Kecamatan ", "Kelurahan "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }

    var headProfile: DemoProfile {
        let doctorate = masters.filter { $0.front == nil }.prefix(1).map { DemoTitles.both("Dr.", $0.back) }
        switch head {
        case .kepala:
            return DemoProfile(
                "Kepala " + name, "jpt", ["IV/c", "IV/d"], female: 0.35,
                titles: masters + doctorate, ages: 48...58)
        case .sekda:
            return DemoProfile(
                "Sekretaris Daerah", "jpt", ["IV/d", "IV/e"], female: 0.3,
                titles: doctorate + masters, ages: 52...58)
        case .camat:
            return DemoProfile(
                "Camat " + Self.place(name), "administrator", ["IV/a", "IV/b"], female: 0.35,
                titles: masters, ages: 42...56)
        }
    }

    func leaderProfile(for unit: DemoUnitPlan) -> DemoProfile {
        let title = "Kepala " + unit.name
        switch unit.level {
        case .sekretariat:
            let grades = head == .camat ? ["III/d", "IV/a"] : ["IV/a", "IV/b"]
            return DemoProfile(
                "Sekretaris " + name, "administrator", grades, female: 0.45,
                titles: masters, ages: 42...57)
        case .bidang, .bagian:
            return DemoProfile(
                title, "administrator", ["IV/a", "IV/b"], female: 0.45,
                titles: masters, ages: 44...57)
        case .seksi, .subbagian:
            return DemoProfile(
                title, "pengawas", ["III/c", "III/d"], female: 0.5,
                titles: bachelors + bachelors + masters, ages: 36...56)
        case .kelurahan:
            return DemoProfile(
                "Lurah " + Self.place(unit.name), "pengawas", ["III/c", "III/d"], female: 0.4,
                titles: bachelors, ages: 36...56)
        case .upt:
            return DemoProfile(
                title, "pengawas", ["III/c", "III/d"], female: 0.3,
                titles: bachelors, ages: 38...56)
        case .puskesmas:
            return DemoProfile(
                title, "pengawas", ["III/d", "IV/a"], female: 0.6,
                titles: [.both("dr.", nil), .back("S.K.M., M.Kes."), .back("S.Kep., Ns.")],
                ages: 38...56)
        case .school:
            return DemoProfile(
                title, "fungsional", ["IV/a", "IV/b"], female: 0.55,
                titles: [.back("S.Pd."), .back("S.Pd., M.Pd.")], ages: 45...58)
        }
    }
}

extension DemoUnitPlan {
    /// A small constructor that keeps the catalogue readable.
    static func unit(
        _ name: String, _ level: DemoUnitLevel, in parent: String? = nil, _ staff: [(DemoStaffRole, Int)] = []
    ) -> DemoUnitPlan {
        DemoUnitPlan(
            name: name, parent: parent, level: level,
            staff: staff.map { DemoStaffSlot(role: $0.0, count: $0.1) })
    }
}
