import Foundation
import Vapor

/// The evaluation pillar's addresses (see `Paths`). Routes under a prefix another pillar
/// already uses must reuse its parameter names (`/pelatihan/:id`, `/kelas/:id`).
extension Paths {
    // Surveys (builder, answering, results)
    static let surveys = "/survei"
    static func surveyNew(programme id: UUID) -> String { "/pelatihan/\(id.uuidString)/survei/baru" }
    static func survey(_ id: UUID) -> String { "/survei/\(id.uuidString)" }
    static func surveyEdit(_ id: UUID) -> String { "/survei/\(id.uuidString)/ubah" }
    static func surveyStatus(_ id: UUID) -> String { "/survei/\(id.uuidString)/status" }
    static func surveyAnswer(_ id: UUID) -> String { "/survei/\(id.uuidString)/isi" }
    /// The form for one invitation (a supervisor may be asked about several alumni).
    static func survey(_ id: UUID, invitation: UUID) -> String {
        "/survei/\(id.uuidString)?undangan=\(invitation.uuidString)"
    }
    static func surveyResults(_ id: UUID) -> String { "/survei/\(id.uuidString)/hasil" }
    static func surveyMissing(_ id: UUID) -> String { "/survei/\(id.uuidString)/belum-mengisi" }
    /// Invites a class's participants (all with a held seat) to the survey.
    static func surveyInvite(_ id: UUID) -> String { "/survei/\(id.uuidString)/undang" }
    /// The learner's open survey invitations.
    static let mySurveys = "/survei-saya"

    // Programme evaluation: settings, L2, L3 interviews, L4 indicators, the effectiveness page
    static func programmeEvaluation(_ id: UUID) -> String { "/pelatihan/\(id.uuidString)/evaluasi" }
    static func programmeEvaluationSettings(_ id: UUID) -> String { "/pelatihan/\(id.uuidString)/evaluasi/pengaturan" }
    static func programmeEvaluationCSV(_ id: UUID) -> String { "/pelatihan/\(id.uuidString)/evaluasi.csv" }
    static func programmeGain(_ id: UUID) -> String { "/pelatihan/\(id.uuidString)/evaluasi/l2" }
    static func programmeInterviews(_ id: UUID) -> String { "/pelatihan/\(id.uuidString)/evaluasi/wawancara" }
    static func interview(_ id: UUID) -> String { "/wawancara/\(id.uuidString)" }
    static func interviewAttachment(_ id: UUID) -> String { "/wawancara/lampiran/\(id.uuidString)" }
    static func interviewAttachmentRemove(_ id: UUID) -> String { "/wawancara/lampiran/\(id.uuidString)/hapus" }
    static func programmeIndicators(_ id: UUID) -> String { "/pelatihan/\(id.uuidString)/evaluasi/l4" }
    static func indicatorEvidence(_ id: UUID) -> String { "/indikator/\(id.uuidString)/bukti" }

    // BKPPD's views across programmes
    static let evaluationComparison = "/evaluasi"
    static let evaluationComparisonCSV = "/evaluasi/perbandingan.csv"
    static let evaluationNeeds = "/evaluasi/kebutuhan"
    static let evaluationNeedsCSV = "/evaluasi/kebutuhan.csv"
    /// A supervisor's view of their staff's L3 results.
    static let staffEvaluation = "/evaluasi/staf"
}

/// The programme page's way into its evaluation, for BKPPD and the organising OPD (the
/// same people every evaluation page lets in); facilitators reach their own feedback
/// from the survey list.
enum ProgrammeEvaluationLinks {
    static func all(_ id: UUID, _ req: Request) -> [CourseLink] {
        [
            (Paths.programmeEvaluation(id), "evaluation.programme.effectiveness"),
            (Paths.surveyNew(programme: id), "evaluation.programme.newSurvey"),
            (Paths.programmeGain(id), "evaluation.programme.gain"),
            (Paths.programmeInterviews(id), "evaluation.programme.interviews"),
            (Paths.programmeIndicators(id), "evaluation.programme.indicators"),
            (Paths.programmeEvaluationSettings(id), "evaluation.programme.settings"),
        ].map { CourseLink(href: $0.0, title: req.t($0.1), status: nil) }
    }
}
