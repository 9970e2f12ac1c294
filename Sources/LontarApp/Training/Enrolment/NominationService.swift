import Fluent
import LontarCore
import Vapor

/// OPD operators and BKPPD put people into a class, one or many NIPs at once; each NIP
/// gets its own outcome so a list with one mistake still places everyone else.
struct NominationService {
    static let maxPerRequest = 200
    let req: Request

    /// BKPPD always; the programme's managers; any OPD's operator for a published programme
    /// meant for their OPD (they then nominate only their own staff).
    static func canNominate(
        _ programme: Programme, _ trainingClass: TrainingClass, _ principal: Principal, on db: any Database
    ) async throws -> Bool {
        guard !TrainingLabels.isOver(trainingClass.status) else { return false }
        if principal.isAdmin || TrainingAccess.canManage(programme, principal) { return true }
        guard principal.isOperator, programme.status == "published", let own = principal.operatorAgencyID else {
            return false
        }
        let audience = ProgrammeInput.list(programme.audienceAgencies)
        guard !audience.isEmpty else { return true }
        guard let code = try await Agency.find(own, on: db)?.code else { return false }
        return audience.contains(code)
    }

    /// NIPs one per line or separated by commas, semicolons or spaces. A NIP typed in its
    /// groups ("19850312 201001 1 002") on its own line stays one NIP.
    static func parse(_ text: String) -> [String] {
        var nips: [String] = []
        for chunk in text.split(whereSeparator: { $0.isNewline || $0 == "," || $0 == ";" }) {
            let tokens = chunk.split(whereSeparator: \.isWhitespace).map(String.init)
            let joined = tokens.joined()
            if tokens.count > 1, joined.count == NIP.length, joined.allSatisfy({ ("0"..."9").contains($0) }) {
                nips.append(joined)
            } else {
                nips += tokens
            }
        }
        var seen = Set<String>()
        return nips.filter { seen.insert($0).inserted }
    }

    func nominate(
        _ nips: [String], into trainingClass: TrainingClass, by principal: Principal
    ) async throws
        -> [ClassPage.NominationResult]
    {
        let classID = try trainingClass.requireID()
        let employees = try await Employee.query(on: req.db).filter(\.$nip ~~ nips).filter(\.$active == true).all()
        let byNIP = Dictionary(employees.map { ($0.nip, $0) }, uniquingKeysWith: { a, _ in a })
        let enrolled = Set(
            try await Enrolment.query(on: req.db).filter(\.$trainingClass.$id == classID).all().map(\.$employee.id))
        let service = EnrolmentService(request: req)
        var results: [ClassPage.NominationResult] = []
        for nip in nips {
            func result(_ key: String, _ tag: String, _ args: String...) {
                results.append(
                    .init(
                        nip: nip, name: byNIP[nip]?.name,
                        outcome: req.application.catalogue.text(key, args, language: req.language), tag: tag))
            }
            guard let employee = byNIP[nip], let employeeID = employee.id else {
                result("catalogue.nominate.unknown", "danger")
                continue
            }
            guard principal.canManage(agencyID: employee.$agency.id) else {
                result("catalogue.nominate.notYours", "danger")
                continue
            }
            guard !enrolled.contains(employeeID) else {
                result("catalogue.nominate.already", "muted")
                continue
            }
            do {
                let enrolment = try await service.enrol(employee, in: trainingClass, by: .nominator(principal.userID))
                if enrolment.seat == SeatState.waitlisted.rawValue {
                    let rank = try await EnrolmentService.waitlistRank(of: enrolment, on: req.db) ?? 0
                    result("catalogue.nominate.waitlisted", "muted", String(rank))
                } else {
                    result("catalogue.nominate.confirmed", "")
                }
            } catch let error as AppError where error.code == "already_enrolled" {
                result("catalogue.nominate.already", "muted")
            } catch let error as AppError where error.status == .conflict {
                results.append(.init(nip: nip, name: employee.name, outcome: req.t(error.message), tag: "danger"))
            }
        }
        return results
    }
}
