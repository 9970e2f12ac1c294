/// Nomor Induk Pegawai: the 18-digit number of a PNS, or the NI of a PPPK.
///
/// PNS (Perka BKN 22/2007): `YYYYMMDD` birth · `YYYYMM` TMT CPNS · gender · sequence.
/// PPPK: `YYYYMMDD` birth · `YYYY` first PPPK appointment · code 21–29 · gender · sequence.
public struct NIP: Sendable, Hashable {
    public let value: String
    public let kind: EmployeeKind
    public let birthDate: CivilDate
    public let appointmentYear: Int
    /// The TMT CPNS month; nil for PPPK, whose number carries only the year.
    public let appointmentMonth: Int?
    public let gender: Gender
    public let sequence: Int

    public static let length = 18
    /// UU ASN sets 18 as the minimum age for appointment.
    public static let workingAge = 18
    /// PP 49/2018 created PPPK; the first appointments were made in 2019.
    public static let firstPPPKYear = 2019

    /// Removes the spaces people type between the groups: "19850312 201001 1 002".
    public static func normalized(_ raw: String) -> String {
        raw.removingWhitespace
    }

    /// The number in the groups it is read in, for display.
    public var grouped: String {
        let digits = Array(value)
        let cuts = kind == .pns ? [8, 14, 15] : [8, 12, 14, 15]
        var groups: [String] = []
        var start = 0
        for cut in cuts + [digits.count] {
            groups.append(String(digits[start..<cut]))
            start = cut
        }
        return groups.joined(separator: " ")
    }

    public static func validate(_ raw: String, kind: EmployeeKind, today: CivilDate) -> Result<NIP, NIPError> {
        let value = normalized(raw)
        if let shapeError = shapeError(of: value) { return .failure(shapeError) }
        let digits = Array(value.utf8).map { Int($0 - UInt8(ascii: "0")) }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digits[$1] } }

        guard let birthDate = CivilDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)) else {
            return .failure(.invalidBirthDate(String(value.prefix(8))))
        }
        if birthDate > today { return .failure(.birthDateInFuture(birthDate)) }
        if birthDate.age(on: today) < workingAge { return .failure(.underage(birthDate)) }

        let appointmentYear = number(8..<12)
        let appointmentMonth: Int?
        switch kind {
        case .pns:
            let month = number(12..<14)
            if (21...29).contains(month) { return .failure(.looksLikePPPKNumber) }
            guard (1...12).contains(month) else { return .failure(.invalidAppointmentMonth(month)) }
            appointmentMonth = month
        case .pppk:
            appointmentMonth = nil
        }
        if let error = appointmentError(
            year: appointmentYear, month: appointmentMonth, birthDate: birthDate, today: today)
        {
            return .failure(error)
        }
        if kind == .pppk {
            let code = number(12..<14)
            if (1...12).contains(code) { return .failure(.looksLikePNSNumber) }
            guard (21...29).contains(code) else {
                return .failure(.invalidPPPKCode(String(value.dropFirst(12).prefix(2))))
            }
            if appointmentYear < firstPPPKYear { return .failure(.pppkYearBeforeFirstIntake(appointmentYear)) }
        }

        let gender: Gender
        switch digits[14] {
        case 1: gender = .male
        case 2: gender = .female
        default: return .failure(.invalidGenderDigit(String(digits[14])))
        }
        let sequence = number(15..<18)
        if sequence == 0 { return .failure(.zeroSequence) }

        return .success(
            NIP(
                value: value, kind: kind, birthDate: birthDate, appointmentYear: appointmentYear,
                appointmentMonth: appointmentMonth, gender: gender, sequence: sequence))
    }

    /// The checks that do not depend on the kind of employee: length and digits.
    static func shapeError(of normalizedValue: String) -> NIPError? {
        let count = normalizedValue.count
        if count != length { return .wrongLength(given: count) }
        if !normalizedValue.isASCIIDigits { return .notDigits }
        return nil
    }

    /// A PPPK number carries only the year, so its checks are made at year precision,
    /// and a PNS TMT at month precision: we refuse only what is impossible for the
    /// whole period, never a date the number cannot distinguish.
    private static func appointmentError(year: Int, month: Int?, birthDate: CivilDate, today: CivilDate) -> NIPError? {
        let label = month.map { "\(year)-\($0 < 10 ? "0" : "")\($0)" } ?? String(year)
        let workingAgeYear = birthDate.year + workingAge
        if let month {
            if (year, month) > (today.year, today.month) { return .appointmentInFuture(label) }
            if (year, month) < (workingAgeYear, birthDate.month) { return .appointmentBeforeWorkingAge(label) }
        } else {
            if year > today.year { return .appointmentInFuture(label) }
            if year < workingAgeYear { return .appointmentBeforeWorkingAge(label) }
        }
        return nil
    }
}

extension NIP: CustomStringConvertible {
    public var description: String { value }
}
