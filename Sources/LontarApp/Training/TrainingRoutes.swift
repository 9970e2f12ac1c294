import Vapor

/// The training pillar's controllers, registered in one place.
func registerTrainingRoutes(_ app: Application) throws {
    try app.register(collection: CatalogueController())
    try app.register(collection: EnrolmentController())
    try app.register(collection: NotificationController())
    try app.register(collection: AttendanceController())
    try app.register(collection: CompletionController())
    try app.register(collection: CertificateController())
    try app.register(collection: CalendarController())
    try app.register(collection: LearningHoursController())
    try app.register(collection: ExternalLearningController())
    try app.register(collection: JPRulesController())
    try app.register(collection: SIASNExportController())
    try app.register(collection: TrainingAPIController())
}
