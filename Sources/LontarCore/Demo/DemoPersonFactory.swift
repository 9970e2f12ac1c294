// Turns a post profile into a person: name, NIP, grade, titles, contact data.
// Keeps track of what is already used so NIPs, e-mails and phones stay unique.

struct DemoPersonFactory {
    /// Demo data is "as of" mid-2026.
    static let referenceYear = 2026
    static let emailDomain = "kupangkota.go.id"

    private var rng: DemoRandom
    private var nips: Set<String> = []
    private var emails: Set<String> = []
    private var phones: Set<String> = []
    private var names: Set<String> = []

    init(seed: UInt64) {
        rng = DemoRandom(seed: seed)
    }

    mutating func make(
        _ profile: DemoProfile, agency: String, unit: String?, supervisor: String?
    ) -> DemoEmployee {
        let isPPPK = profile.pppkGrade != nil && rng.chance(profile.pppkShare)
        let female = rng.chance(profile.femaleShare)
        var person = DemoNames.make(female: female, rng: &rng)
        for _ in 0..<10 where names.contains(person.name) {
            person = DemoNames.make(female: female, rng: &rng)
        }
        names.insert(person.name)

        let age = rng.int(profile.ages)
        let birthYear = Self.referenceYear - age
        let birthMonth = rng.int(1...12)
        let birthDay = rng.int(1...Self.daysIn(month: birthMonth, year: birthYear))
        let birth = Self.pad(birthYear, 4) + Self.pad(birthMonth, 2) + Self.pad(birthDay, 2)
        let genderDigit = female ? "2" : "1"

        let grade: String
        let middle: String
        if isPPPK, let pppkGrade = profile.pppkGrade {
            grade = pppkGrade
            let year = max(rng.pick([2019, 2021, 2022, 2022, 2023, 2023, 2024, 2024, 2025]), birthYear + 22)
            middle = Self.pad(min(year, 2025), 4) + "21"
        } else {
            let span = profile.ages.upperBound - profile.ages.lowerBound + 1
            let index = (age - profile.ages.lowerBound) * profile.pnsGrades.count / span
            grade = profile.pnsGrades[min(index, profile.pnsGrades.count - 1)]
            let tmtYear = min(birthYear + rng.int(22...30), Self.referenceYear - 1)
            middle = Self.pad(tmtYear, 4) + Self.pad(rng.pick([1, 1, 2, 3, 3, 4, 10, 12]), 2)
        }
        let nip = uniqueNIP(prefix: birth + middle + genderDigit)

        let titles = rng.pick(profile.titles)
        return DemoEmployee(
            nip: nip, kind: isPPPK ? "PPPK" : "PNS", name: person.name,
            frontTitle: titles.front, backTitle: titles.back, grade: grade,
            agencyCode: agency, unitName: unit, positionTitle: profile.title,
            supervisorNIP: supervisor, email: uniqueEmail(person.emailLocal), phone: uniquePhone()
        )
    }

    private mutating func uniqueNIP(prefix: String) -> String {
        var sequence = rng.int(1...5)
        while nips.contains(prefix + Self.pad(sequence, 3)) {
            sequence = sequence % 999 + 1
        }
        let nip = prefix + Self.pad(sequence, 3)
        nips.insert(nip)
        return nip
    }

    private mutating func uniqueEmail(_ local: String) -> String {
        var candidate = local
        var number = 2
        while emails.contains(candidate) {
            candidate = local + String(number)
            number += 1
        }
        emails.insert(candidate)
        return candidate + "@" + Self.emailDomain
    }

    private mutating func uniquePhone() -> String {
        let prefixes = ["0812", "0813", "0821", "0822", "0823", "0852", "0853", "0811"]
        var phone = rng.pick(prefixes) + rng.digits(8)
        while phones.contains(phone) {
            phone = rng.pick(prefixes) + rng.digits(8)
        }
        phones.insert(phone)
        return phone
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
