import Fluent
import LontarCore
import Vapor

/// The programme form as posted. Every field is text so that a wrong value comes back to
/// the form with its name instead of failing to decode.
struct ProgrammeInput: Content {
    var title: String?
    var description: String?
    var objectives: String?
    var path: String?
    var formCode: String?
    var competencyKind: String?
    var competencies: [String]?
    var jp: String?
    var international: String?
    var organiserKind: String?
    var organiserAgency: String?
    var organiserName: String?
    var audiencePositionKinds: [String]?
    var audienceAgencies: [String]?
    var prerequisites: String?
    var minAttendance: String?
    var requiresAssessment: String?
    var passingScore: String?
    var excusedCounts: String?
    var status: String?

    /// The form filled from a stored programme.
    init(_ programme: Programme, organiserAgencyCode: String?) {
        title = programme.title
        description = programme.description
        objectives = programme.objectives
        path = programme.path
        formCode = programme.formCode
        competencyKind = programme.competencyKind
        competencies = programme.competencies.split(separator: "\n").map(String.init)
        jp = TextInput.decimal(programme.jp)
        international = programme.international ? "1" : nil
        organiserKind = programme.organiserKind
        organiserAgency = organiserAgencyCode
        organiserName = programme.organiserName
        audiencePositionKinds = Self.list(programme.audiencePositionKinds)
        audienceAgencies = Self.list(programme.audienceAgencies)
        prerequisites = programme.prerequisites
        minAttendance = String(programme.minAttendance)
        requiresAssessment = programme.requiresAssessment ? "1" : nil
        passingScore = programme.passingScore.map(TextInput.decimal)
        excusedCounts = programme.excusedCounts ? "1" : nil
        status = programme.status
    }

    /// A new programme's defaults: the usual 80 % attendance, saved as a draft.
    init() {
        path = "pelatihan"
        formCode = "KL03"
        competencyKind = "teknis"
        jp = "0"
        organiserKind = "bkppd"
        minAttendance = "80"
        status = "draft"
    }

    static func list(_ stored: String) -> [String] {
        stored.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A programme's values after every check passed.
struct ProgrammeValues {
    var title = ""
    var description = ""
    var objectives = ""
    var path = "pelatihan"
    var formCode = ""
    var competencyKind = ""
    var competencies: [String] = []
    var jp: Double = 0
    var international = false
    var organiserKind = ""
    var organiserAgencyID: UUID?
    var organiserName = ""
    var audiencePositionKinds: [String] = []
    var audienceAgencies: [String] = []
    var prerequisites = ""
    var rule = CompletionRule()
    var status = "draft"

    func write(to programme: Programme) {
        programme.title = title
        programme.description = description
        programme.objectives = objectives
        programme.path = path
        programme.formCode = formCode
        programme.competencyKind = competencyKind
        programme.competencies = competencies.joined(separator: "\n")
        programme.jp = jp
        programme.international = international
        programme.organiserKind = organiserKind
        programme.$organiserAgency.id = organiserAgencyID
        programme.organiserName = organiserName
        programme.audiencePositionKinds = audiencePositionKinds.joined(separator: ",")
        programme.audienceAgencies = audienceAgencies.joined(separator: ",")
        programme.prerequisites = prerequisites
        programme.minAttendance = rule.minimumAttendancePercent
        programme.requiresAssessment = rule.requiresAssessment
        programme.passingScore = rule.passingScore
        programme.excusedCounts = rule.excusedCountsAsPresent
        programme.status = status
    }
}

/// Checks a posted programme; every problem names its field.
struct ProgrammeValidator {
    let req: Request
    let principal: Principal
    /// Active OPDs by code, for the organiser and the audience.
    let agencies: [String: Agency]

    func validate(_ input: ProgrammeInput) -> (ProgrammeValues?, FormErrors) {
        var errors = FormErrors()
        var values = ProgrammeValues()
        values.title = text(input.title, "title", max: 200, required: true, &errors)
        values.description = text(input.description, "description", max: 5000, required: true, &errors)
        values.objectives = text(input.objectives, "objectives", max: 5000, required: false, &errors)
        values.prerequisites = text(input.prerequisites, "prerequisites", max: 2000, required: false, &errors)
        values.path = choice(input.path, "path", DevelopmentPath.allCases.map(\.rawValue), &errors)
        values.competencyKind = choice(input.competencyKind, "competencyKind", TrainingLabels.competencyKinds, &errors)
        values.status = choice(input.status, "status", TrainingLabels.programmeStatuses, &errors)
        let code = TextInput.trimmed(input.formCode)
        if let form = DevelopmentForm.find(code) {
            values.formCode = form.code
        } else if code.isEmpty && values.path == DevelopmentPath.pendidikan.rawValue {
            values.formCode = ""  // degree study has no KL/NKL form
        } else {
            add(&errors, "formCode", req.t("catalogue.error.formCode", code))
        }
        values.competencies = cleanList(input.competencies ?? [])
        if values.competencies.contains(where: { $0.count > 100 }) {
            add(&errors, "competencies", req.t("catalogue.error.tooLong", "100"))
        }
        let jpText = TextInput.trimmed(input.jp)
        if let jp = TextInput.number(jpText) {
            if (0...1000).contains(jp) {
                values.jp = jp
            } else {
                add(&errors, "jp", req.t("catalogue.error.jpRange", jpText))
            }
        } else {
            add(&errors, "jp", req.t("catalogue.error.number", jpText))
        }
        values.international = input.international == "1"
        organiser(input, &values, &errors)
        values.audiencePositionKinds = cleanList(input.audiencePositionKinds ?? []).filter {
            PositionKind(rawValue: $0) != nil
        }
        values.audienceAgencies = cleanList(input.audienceAgencies ?? []).map { $0.uppercased() }.filter {
            agencies[$0] != nil
        }
        completionRule(input, &values, &errors)
        return (errors.isEmpty ? values : nil, errors)
    }

    private func organiser(_ input: ProgrammeInput, _ values: inout ProgrammeValues, _ errors: inout FormErrors) {
        values.organiserName = text(input.organiserName, "organiserName", max: 200, required: false, &errors)
        if !principal.isAdmin {
            // An operator's programmes are organised by their own OPD.
            let own = agencies.values.first { $0.id == principal.operatorAgencyID }
            values.organiserKind = own?.code == "BKPPD" ? "bkppd" : "opd"
            values.organiserAgencyID = principal.operatorAgencyID
            values.organiserName = ""
            return
        }
        values.organiserKind = choice(input.organiserKind, "organiserKind", TrainingLabels.organiserKinds, &errors)
        switch values.organiserKind {
        case "opd":
            let code = TextInput.trimmed(input.organiserAgency).uppercased()
            if let agency = agencies[code] {
                values.organiserAgencyID = agency.id
            } else {
                add(&errors, "organiserAgency", req.t("catalogue.error.agency"))
            }
            values.organiserName = ""
        case "bkppd":
            // BKPPD's own operators manage what BKPPD organises.
            values.organiserAgencyID = agencies["BKPPD"]?.id
            values.organiserName = ""
        case "bpsdmd", "partner":
            if values.organiserName.isEmpty {
                add(&errors, "organiserName", req.t("catalogue.error.required"))
            }
        default: break
        }
    }

    private func completionRule(_ input: ProgrammeInput, _ values: inout ProgrammeValues, _ errors: inout FormErrors) {
        let percentText = TextInput.trimmed(input.minAttendance)
        guard let percent = Int(percentText) else {
            add(&errors, "minAttendance", req.t("catalogue.error.whole", percentText))
            return
        }
        let scoreText = TextInput.trimmed(input.passingScore)
        var score: Double?
        if !scoreText.isEmpty {
            guard let parsed = TextInput.number(scoreText) else {
                add(&errors, "passingScore", req.t("catalogue.error.number", scoreText))
                return
            }
            score = parsed
        }
        let rule = CompletionRule(
            minimumAttendancePercent: percent, requiresAssessment: input.requiresAssessment == "1",
            passingScore: score, excusedCountsAsPresent: input.excusedCounts == "1")
        for problem in rule.validate() {
            let field = problem.key.contains("percent") ? "minAttendance" : "passingScore"
            errors.add(field, req.t(problem))
        }
        values.rule = rule
    }

    private func add(_ errors: inout FormErrors, _ field: String, _ message: String) {
        errors.add(field, req.t("catalogue.error.field", req.t("catalogue.field.\(field)"), message))
    }

    private func text(
        _ raw: String?, _ field: String, max: Int, required: Bool, _ errors: inout FormErrors
    ) -> String {
        let value = TextInput.paragraphs(raw)
        if required && value.isEmpty { add(&errors, field, req.t("catalogue.error.required")) }
        if value.count > max { add(&errors, field, req.t("catalogue.error.tooLong", String(max))) }
        return value
    }

    private func choice(_ raw: String?, _ field: String, _ allowed: [String], _ errors: inout FormErrors) -> String {
        let value = TextInput.trimmed(raw)
        if !allowed.contains(value) { add(&errors, field, req.t("catalogue.error.choose")) }
        return value
    }

    /// Trimmed, without blanks or repeats, in the order given.
    private func cleanList(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty && seen.insert($0.lowercased()).inserted
        }
    }
}
