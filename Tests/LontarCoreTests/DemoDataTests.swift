import LontarCore
import Testing

/// Checks of the Kota Kupang demo dataset. Self-contained on purpose: NIPs are
/// taken apart with local helpers, not with the domain's NIP validator.
@Suite("Kupang demo data")
struct DemoDataTests {
    let data = KupangDemoData.make()

    // MARK: - Local helpers

    /// The decimal number in `text[offset..<offset+length]`, or nil if not all digits.
    private func number(_ text: String, _ offset: Int, _ length: Int) -> Int? {
        let chars = Array(text)
        guard offset >= 0, offset + length <= chars.count else { return nil }
        var value = 0
        for char in chars[offset..<(offset + length)] {
            guard let digit = char.wholeNumberValue, char.isASCII else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private func isRealDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    private var pns: [DemoEmployee] { data.employees.filter { $0.kind == "PNS" } }
    private var pppk: [DemoEmployee] { data.employees.filter { $0.kind == "PPPK" } }

    // MARK: - Tests

    @Test func makeIsDeterministic() {
        #expect(KupangDemoData.make() == KupangDemoData.make())
    }

    @Test func sizeAndMix() {
        #expect((250...350).contains(data.employees.count))
        #expect(data.agencies.count >= 12)
        #expect(data.employees.allSatisfy { $0.kind == "PNS" || $0.kind == "PPPK" })
        let share = Double(pppk.count) / Double(data.employees.count)
        #expect(share >= 0.10 && share <= 0.30, "PPPK share \(share)")
    }

    @Test func nipsAreUniqueEighteenDigits() {
        let nips = data.employees.map(\.nip)
        #expect(Set(nips).count == nips.count)
        for nip in nips {
            #expect(nip.count == 18 && nip.allSatisfy { $0.isASCII && $0.isNumber }, "\(nip)")
        }
    }

    @Test func pnsNIPFields() {
        for employee in pns {
            let nip = employee.nip
            guard let year = number(nip, 0, 4), let month = number(nip, 4, 2), let day = number(nip, 6, 2),
                let tmtYear = number(nip, 8, 4), let tmtMonth = number(nip, 12, 2),
                let gender = number(nip, 14, 1), let sequence = number(nip, 15, 3)
            else {
                Issue.record("not numeric: \(nip)")
                continue
            }
            #expect(isRealDate(year: year, month: month, day: day), "birth date of \(nip)")
            #expect((1968...2004).contains(year), "age 22–58 in 2026: \(nip)")
            #expect((1...12).contains(tmtMonth), "TMT month of \(nip)")
            #expect(tmtYear * 12 + tmtMonth >= (year + 18) * 12 + month, "TMT before age 18: \(nip)")
            #expect(tmtYear * 12 + tmtMonth <= 2026 * 12 + 6, "TMT after 2026-06: \(nip)")
            #expect(gender == 1 || gender == 2, "gender digit of \(nip)")
            #expect(sequence != 0, "sequence of \(nip)")
        }
    }

    @Test func pppkNIPFields() {
        for employee in pppk {
            let nip = employee.nip
            guard let year = number(nip, 0, 4), let month = number(nip, 4, 2), let day = number(nip, 6, 2),
                let appointed = number(nip, 8, 4), let code = number(nip, 12, 2),
                let gender = number(nip, 14, 1), let sequence = number(nip, 15, 3)
            else {
                Issue.record("not numeric: \(nip)")
                continue
            }
            #expect(isRealDate(year: year, month: month, day: day), "birth date of \(nip)")
            #expect((2019...2025).contains(appointed), "appointment year of \(nip)")
            #expect(appointed >= year + 18, "appointed before age 18: \(nip)")
            #expect(code == 21, "PPPK code of \(nip)")
            #expect(gender == 1 || gender == 2, "gender digit of \(nip)")
            #expect(sequence != 0, "sequence of \(nip)")
        }
    }

    @Test func midwivesAreWomen() {
        let midwives = data.employees.filter { $0.positionTitle.hasPrefix("Bidan") }
        #expect(!midwives.isEmpty)
        for midwife in midwives {
            #expect(number(midwife.nip, 14, 1) == 2, "\(midwife.name)")
        }
    }

    @Test func gradesMatchKind() {
        let pppkGrades = Set([
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
            "XIII", "XIV", "XV", "XVI", "XVII",
        ])
        var pnsGrades = Set<String>()
        for (roman, letters) in [("I", "abcd"), ("II", "abcd"), ("III", "abcd"), ("IV", "abcde")] {
            for letter in letters { pnsGrades.insert(roman + "/" + String(letter)) }
        }
        for employee in data.employees {
            let valid = employee.kind == "PNS" ? pnsGrades : pppkGrades
            #expect(valid.contains(employee.grade), "\(employee.nip) \(employee.grade)")
        }
    }

    @Test func supervisorsExistWithoutCycles() {
        let byNIP = Dictionary(uniqueKeysWithValues: data.employees.map { ($0.nip, $0) })
        var roots = 0
        for employee in data.employees {
            guard let supervisor = employee.supervisorNIP else {
                roots += 1
                continue
            }
            #expect(supervisor != employee.nip, "self-supervision: \(employee.nip)")
            #expect(byNIP[supervisor] != nil, "unknown supervisor of \(employee.nip)")
            var seen: Set<String> = [employee.nip]
            var current = byNIP[supervisor]
            while let next = current {
                guard seen.insert(next.nip).inserted else {
                    Issue.record("cycle through \(employee.nip)")
                    break
                }
                current = next.supervisorNIP.flatMap { byNIP[$0] }
            }
        }
        #expect(roots == 1, "only the Sekretaris Daerah has no supervisor")
    }

    @Test func agenciesAndUnitsAreConsistent() {
        let codes = data.agencies.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { !$0.isEmpty && $0 == $0.uppercased() })
        for agency in data.agencies {
            let names = agency.units.map(\.name)
            #expect(Set(names).count == names.count, "duplicate unit in \(agency.code)")
            #expect((3...12).contains(agency.units.count), "\(agency.code) has \(agency.units.count) units")
            for unit in agency.units {
                if let parent = unit.parentName {
                    #expect(names.contains(parent) && parent != unit.name, "\(agency.code): \(unit.name)")
                }
            }
        }
        for employee in data.employees {
            let agency = data.agencies.first { $0.code == employee.agencyCode }
            #expect(agency != nil, "unknown agency of \(employee.nip)")
            if let unit = employee.unitName {
                #expect(agency?.units.contains { $0.name == unit } == true, "unknown unit \(unit)")
            }
        }
    }

    @Test func positionsExistForEveryEmployee() {
        let kinds: Set<String> = ["jpt", "administrator", "pengawas", "pelaksana", "fungsional"]
        let keys = data.positions.map { $0.agencyCode + "|" + $0.title }
        #expect(Set(keys).count == keys.count)
        #expect(data.positions.allSatisfy { kinds.contains($0.kind) })
        let known = Set(keys)
        for employee in data.employees {
            #expect(
                known.contains(employee.agencyCode + "|" + employee.positionTitle),
                "\(employee.agencyCode): \(employee.positionTitle)")
        }
    }

    @Test func emailsAndPhones() {
        let emails = data.employees.map(\.email)
        #expect(Set(emails).count == emails.count)
        for email in emails {
            #expect(email == email.lowercased() && email.hasSuffix("@kupangkota.go.id"), "\(email)")
        }
        for employee in data.employees {
            let phone = employee.phone
            #expect(phone.count == 12 && phone.hasPrefix("08") && phone.allSatisfy(\.isNumber), "\(phone)")
        }
    }

    @Test func operatorsBelongToTheirAgency() {
        #expect(data.operators.count >= 5)
        let operatorAgencies = Set(data.operators.map(\.agencyCode))
        #expect(operatorAgencies.isSuperset(of: ["BKPPD", "DINKES", "DISDIKBUD"]))
        for op in data.operators {
            let employee = data.employees.first { $0.nip == op.employeeNIP }
            #expect(employee?.agencyCode == op.agencyCode, "operator of \(op.agencyCode)")
        }
    }
}
