// A deterministic demo dataset for Kota Kupang: agencies (OPD) with units,
// positions, about 300 PNS and PPPK employees with a supervisor hierarchy, and
// agency operators. Generated from a fixed seed, identical on every run.

/// Demo data for Kota Kupang. Call `make()`; the result is always the same.
public struct KupangDemoData: Sendable, Equatable {
    public let agencies: [DemoAgency]
    public let positions: [DemoPosition]
    public let employees: [DemoEmployee]
    public let operators: [DemoOperator]

    public init(
        agencies: [DemoAgency], positions: [DemoPosition], employees: [DemoEmployee], operators: [DemoOperator]
    ) {
        self.agencies = agencies
        self.positions = positions
        self.employees = employees
        self.operators = operators
    }

    /// The seed of the generator; changing it changes every person in the data.
    static let seed: UInt64 = 0x4B55_5041_4E47_2026

    /// Agencies that get an operator account, held by their first Analis Kepegawaian.
    static let operatorAgencies = ["BKPPD", "DISDIKBUD", "DINKES", "BKAD", "DISDUKCAPIL"]

    public static func make() -> KupangDemoData {
        let plans = DemoAgencyPlan.kupang
        var factory = DemoPersonFactory(seed: seed)
        var employees: [DemoEmployee] = []
        var positions: [DemoPosition] = []
        var positionKeys: Set<String> = []
        var sekdaNIP: String?

        func add(_ employee: DemoEmployee, kind: String) {
            employees.append(employee)
            let key = employee.agencyCode + "|" + employee.positionTitle
            if positionKeys.insert(key).inserted {
                positions.append(
                    DemoPosition(agencyCode: employee.agencyCode, title: employee.positionTitle, kind: kind))
            }
        }

        for plan in plans {
            let headProfile = plan.headProfile
            let head = factory.make(
                headProfile, agency: plan.code, unit: nil,
                supervisor: plan.head == .sekda ? nil : sekdaNIP)
            add(head, kind: headProfile.kind)
            if plan.head == .sekda { sekdaNIP = head.nip }

            var leaders: [String: String] = [:]  // unit name -> leader NIP (lookup only)
            for unit in plan.units {
                let leaderProfile = plan.leaderProfile(for: unit)
                let supervisor = unit.parent.flatMap { leaders[$0] } ?? head.nip
                let leader = factory.make(leaderProfile, agency: plan.code, unit: unit.name, supervisor: supervisor)
                add(leader, kind: leaderProfile.kind)
                leaders[unit.name] = leader.nip
                for slot in unit.staff {
                    let profile = slot.role.profile
                    for _ in 0..<slot.count {
                        let staff = factory.make(profile, agency: plan.code, unit: unit.name, supervisor: leader.nip)
                        add(staff, kind: profile.kind)
                    }
                }
            }
        }

        let agencies = plans.map { plan in
            DemoAgency(
                code: plan.code, name: plan.name,
                units: plan.units.map { DemoUnit(name: $0.name, parentName: $0.parent) })
        }
        let operators = operatorAgencies.compactMap { code -> DemoOperator? in
            guard
                let holder = employees.first(where: {
                    $0.agencyCode == code && $0.positionTitle == DemoStaffRole.analisKepegawaian.profile.title
                })
            else { return nil }
            return DemoOperator(agencyCode: code, employeeNIP: holder.nip)
        }
        return KupangDemoData(agencies: agencies, positions: positions, employees: employees, operators: operators)
    }
}
