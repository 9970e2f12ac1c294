import Foundation

/// Every catalogue key the training domain uses (texts in `training.id.json` and
/// `training.en.json`). Typed rather than written as string literals so a misspelt key
/// cannot compile and the catalogue test can list them all; the `training.` prefix
/// keeps them apart from other areas, as the app merges all catalogue files into one.
enum TrainingMessageKey: String, Sendable, CaseIterable {
    // JP rule sets (JPRuleSet.validate)
    case rulesYear = "training.jp_rules.year_out_of_range"
    case rulesVersion = "training.jp_rules.version_invalid"
    case rulesUplift = "training.jp_rules.uplift_out_of_range"
    case rulesSeminarNational = "training.jp_rules.seminar_national_out_of_range"
    case rulesSeminarInternational = "training.jp_rules.seminar_international_out_of_range"
    case rulesWorkshopNational = "training.jp_rules.workshop_national_out_of_range"
    case rulesWorkshopInternational = "training.jp_rules.workshop_international_out_of_range"
    case rulesPNSTarget = "training.jp_rules.pns_target_out_of_range"
    case rulesPPPKCeiling = "training.jp_rules.pppk_ceiling_out_of_range"
    // JP credits (JPCalculator)
    case jpNotANumber = "training.jp.not_a_number"
    case jpNegative = "training.jp.negative"
    case jpDaysRequired = "training.jp.days_required"
    case jpRulesInvalid = "training.jp.rules_invalid"
    case explainSeminarNational = "training.jp.explain.seminar_national"
    case explainSeminarInternational = "training.jp.explain.seminar_international"
    case explainWorkshopNational = "training.jp.explain.workshop_national"
    case explainWorkshopInternational = "training.jp.explain.workshop_international"
    case explainStructuredNational = "training.jp.explain.structured_national"
    case explainStructuredInternational = "training.jp.explain.structured_international"
    // Enrolment transitions (EnrolmentMachine)
    case enrolmentCancelled = "training.enrolment.cancelled"
    case enrolmentDeclined = "training.enrolment.declined"
    case enrolmentAlreadyApproved = "training.enrolment.already_approved"
    case enrolmentSeatAlreadyHeld = "training.enrolment.seat_already_held"
    case enrolmentNoSeatHeld = "training.enrolment.no_seat_held"
    // Self check-in (CheckInCode)
    case checkInMalformed = "training.checkin.malformed"
    case checkInNotStarted = "training.checkin.not_started"
    case checkInEnded = "training.checkin.ended"
    case checkInWrongCode = "training.checkin.wrong_code"
    // Completion (CompletionRule, CompletionEvaluator)
    case completionPercentRange = "training.completion.percent_out_of_range"
    case completionPassingScoreMissing = "training.completion.passing_score_missing"
    case completionPassingScoreRange = "training.completion.passing_score_out_of_range"
    case completionNoSessions = "training.completion.no_sessions"
    case completionAttendanceShort = "training.completion.attendance_short"
    case completionAssessmentMissing = "training.completion.assessment_missing"
    case completionAssessmentBelow = "training.completion.assessment_below_passing"
    case completionScoreInvalid = "training.completion.score_invalid"
}

extension LocalizableMessage {
    static func training(_ key: TrainingMessageKey, _ arguments: [String] = []) -> LocalizableMessage {
        LocalizableMessage(key.rawValue, arguments)
    }
}
