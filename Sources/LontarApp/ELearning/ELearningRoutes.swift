import Vapor

/// The e-learning pillar's controllers, registered in one place.
func registerELearningRoutes(_ app: Application) throws {
    try app.register(collection: SyncController())
    try app.register(collection: WebAppController())
    try app.register(collection: CourseAPIController())
    try app.register(collection: BankController())
    try app.register(collection: QuizFormController())
    try app.register(collection: QuizController())
    try app.register(collection: AttemptController())
    try app.register(collection: QuizResultsController())
    try app.register(collection: GradeController())
    try app.register(collection: QuizAPIController())
    try app.register(collection: CourseController())
    try app.register(collection: CourseEditController())
    try app.register(collection: LessonController())
    try app.register(collection: CourseFileController())
    try app.register(collection: CourseLearnersController())
}
