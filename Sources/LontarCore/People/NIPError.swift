/// Why a NIP was refused. Each case names one broken rule, in the order the rules
/// are checked.
public enum NIPError: Error, Equatable, Sendable {
    case wrongLength(given: Int)
    case notDigits
    case invalidBirthDate(String)
    case birthDateInFuture(CivilDate)
    case underage(CivilDate)
    case invalidAppointmentMonth(Int)
    /// A PNS appointment month of 21…29 is a PPPK contract code: a PPPK number
    /// entered as PNS.
    case looksLikePPPKNumber
    case appointmentInFuture(String)
    case appointmentBeforeWorkingAge(String)
    /// A PPPK code of 01…12 is a PNS appointment month: a PNS number entered as PPPK.
    case looksLikePNSNumber
    case invalidPPPKCode(String)
    case pppkYearBeforeFirstIntake(Int)
    case invalidGenderDigit(String)
    case zeroSequence

    public var message: LocalizableMessage {
        switch self {
        case .wrongLength(let given):
            LocalizableMessage("nip.wrong_length", [String(given)])
        case .notDigits:
            LocalizableMessage("nip.not_digits")
        case .invalidBirthDate(let digits):
            LocalizableMessage("nip.invalid_birth_date", [digits])
        case .birthDateInFuture(let date):
            LocalizableMessage("nip.birth_date_in_future", [date.iso])
        case .underage(let date):
            LocalizableMessage("nip.underage", [date.iso, String(NIP.workingAge)])
        case .invalidAppointmentMonth(let month):
            LocalizableMessage("nip.invalid_appointment_month", [month < 10 ? "0\(month)" : String(month)])
        case .looksLikePPPKNumber:
            LocalizableMessage("nip.looks_like_pppk")
        case .appointmentInFuture(let appointment):
            LocalizableMessage("nip.appointment_in_future", [appointment])
        case .appointmentBeforeWorkingAge(let appointment):
            LocalizableMessage("nip.appointment_before_working_age", [appointment, String(NIP.workingAge)])
        case .looksLikePNSNumber:
            LocalizableMessage("nip.looks_like_pns")
        case .invalidPPPKCode(let code):
            LocalizableMessage("nip.invalid_pppk_code", [code])
        case .pppkYearBeforeFirstIntake(let year):
            LocalizableMessage("nip.pppk_year_too_early", [String(year), String(NIP.firstPPPKYear)])
        case .invalidGenderDigit(let digit):
            LocalizableMessage("nip.invalid_gender_digit", [digit])
        case .zeroSequence:
            LocalizableMessage("nip.zero_sequence")
        }
    }
}
