import Testing
@testable import LontarCore

@Suite("NIP")
struct NIPTests {
    static let today = CivilDate(year: 2025, month: 6, day: 15)!

    private func validate(_ raw: String, _ kind: EmployeeKind) -> Result<NIP, NIPError> {
        NIP.validate(raw, kind: kind, today: Self.today)
    }

    private func error(_ raw: String, _ kind: EmployeeKind) -> NIPError? {
        if case .failure(let error) = validate(raw, kind) { return error }
        return nil
    }

    @Test("a valid PNS number yields its parts")
    func validPNS() throws {
        let nip = try validate("198503122010011002", .pns).get()
        #expect(nip.value == "198503122010011002")
        #expect(nip.kind == .pns)
        #expect(nip.birthDate == CivilDate(year: 1985, month: 3, day: 12))
        #expect(nip.appointmentYear == 2010)
        #expect(nip.appointmentMonth == 1)
        #expect(nip.gender == .male)
        #expect(nip.sequence == 2)
        #expect(nip.grouped == "19850312 201001 1 002")
    }

    @Test("a valid PPPK number yields its parts, with no appointment month")
    func validPPPK() throws {
        let nip = try validate("199009132022212014", .pppk).get()
        #expect(nip.kind == .pppk)
        #expect(nip.birthDate == CivilDate(year: 1990, month: 9, day: 13))
        #expect(nip.appointmentYear == 2022)
        #expect(nip.appointmentMonth == nil)
        #expect(nip.gender == .female)
        #expect(nip.sequence == 14)
        #expect(nip.grouped == "19900913 2022 21 2 014")
    }

    @Test("spaces typed between the groups are ignored")
    func spacesIgnored() throws {
        #expect(NIP.normalized(" 19850312 201001 1 002\t") == "198503122010011002")
        let nip = try validate("  19850312 201001 1 002 ", .pns).get()
        #expect(nip.value == "198503122010011002")
    }

    @Test("29 February is a birth date only in leap years")
    func leapDayBirthDate() {
        #expect(
            (try? validate("198402292010011002", .pns).get())?.birthDate == CivilDate(year: 1984, month: 2, day: 29))
        #expect(error("198302292010011002", .pns) == .invalidBirthDate("19830229"))
    }

    @Test("turning 18 today is old enough; one day short is not")
    func workingAgeBoundary() {
        #expect((try? validate("200706152025061002", .pns).get()) != nil)
        #expect(error("200706162025061002", .pns) == .underage(CivilDate(year: 2007, month: 6, day: 16)!))
    }

    @Test(
        "each broken rule gives its own error",
        arguments: [
            ("19850312201001100", EmployeeKind.pns, NIPError.wrongLength(given: 17)),
            ("1985031220100110021", .pns, .wrongLength(given: 19)),
            ("", .pppk, .wrongLength(given: 0)),
            ("19850312201001100A", .pns, .notDigits),
            ("198503122010-11002", .pns, .notDigits),
            ("198502302010011002", .pns, .invalidBirthDate("19850230")),
            ("198513012010011002", .pppk, .invalidBirthDate("19851301")),
            ("203001012010011002", .pns, .birthDateInFuture(CivilDate(year: 2030, month: 1, day: 1)!)),
            ("201001012024011002", .pns, .underage(CivilDate(year: 2010, month: 1, day: 1)!)),
            ("198503122010131002", .pns, .invalidAppointmentMonth(13)),
            ("198503122010001002", .pns, .invalidAppointmentMonth(0)),
            ("198503122025071002", .pns, .appointmentInFuture("2025-07")),
            ("199009132026212014", .pppk, .appointmentInFuture("2026")),
            ("198503122002011002", .pns, .appointmentBeforeWorkingAge("2002-01")),
            ("199009132007212014", .pppk, .appointmentBeforeWorkingAge("2007")),
            ("199009132022302014", .pppk, .invalidPPPKCode("30")),
            ("199009132022002014", .pppk, .invalidPPPKCode("00")),
            ("199009132018212014", .pppk, .pppkYearBeforeFirstIntake(2018)),
            ("198503122010013002", .pns, .invalidGenderDigit("3")),
            ("199009132022210014", .pppk, .invalidGenderDigit("0")),
            ("198503122010011000", .pns, .zeroSequence),
            ("199009132022212000", .pppk, .zeroSequence),
        ])
    func brokenRule(raw: String, kind: EmployeeKind, expected: NIPError) {
        #expect(error(raw, kind) == expected)
    }

    @Test("a PNS number entered as PPPK is recognised as such")
    func pnsEnteredAsPPPK() {
        #expect(error("198503122010011002", .pppk) == .looksLikePNSNumber)
        #expect(NIPError.looksLikePNSNumber.message.key == "nip.looks_like_pns")
    }

    @Test("a PPPK number entered as PNS is recognised as such")
    func pppkEnteredAsPNS() {
        #expect(error("199009132022212014", .pns) == .looksLikePPPKNumber)
    }

    @Test("the first broken rule in order is the one reported")
    func firstRuleWins() {
        // Impossible birth date, month 13, gender 3 and sequence 000 at once.
        #expect(error("198502302010133000", .pns) == .invalidBirthDate("19850230"))
        // Appointment before working age is checked before the PPPK intake year.
        #expect(error("199009132000212014", .pppk) == .appointmentBeforeWorkingAge("2000"))
        // Gender digit is checked before the sequence.
        #expect(error("198503122010019000", .pns) == .invalidGenderDigit("9"))
    }

    @Test("errors carry catalogue keys and the facts to show")
    func messages() {
        #expect(NIPError.wrongLength(given: 17).message == LocalizableMessage("nip.wrong_length", ["17"]))
        #expect(
            NIPError.invalidAppointmentMonth(0).message == LocalizableMessage("nip.invalid_appointment_month", ["00"]))
        #expect(
            NIPError.pppkYearBeforeFirstIntake(2018).message
                == LocalizableMessage("nip.pppk_year_too_early", ["2018", "2019"]))
        #expect(
            NIPError.underage(CivilDate(year: 2010, month: 1, day: 1)!).message
                == LocalizableMessage("nip.underage", ["2010-01-01", "18"]))
    }
}
