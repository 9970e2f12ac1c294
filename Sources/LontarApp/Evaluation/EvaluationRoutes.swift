import Vapor

/// The evaluation pillar's controllers, registered in one place.
func registerEvaluationRoutes(_ app: Application) throws {
    try app.register(collection: EvaluationSettingsController())
    try app.register(collection: LearningGainController())
    try app.register(collection: StaffEvaluationController())
    try app.register(collection: InterviewController())
    try app.register(collection: IndicatorController())
    try app.register(collection: EffectivenessController())
    try app.register(collection: ComparisonController())
    try app.register(collection: NeedsController())
    try app.register(collection: EvaluationReportAPI())
    try app.register(collection: SurveyBuilderController())
    try app.register(collection: SurveyAnswerController())
    try app.register(collection: SurveyResultsController())
    try app.register(collection: SurveyAPIController())
    try app.register(collection: ActionPlanController())
    try app.register(collection: ActionPlanAPIController())
}
