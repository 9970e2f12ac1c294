import Vapor

/// The evaluation pillar's controllers, registered in one place.
func registerEvaluationRoutes(_ app: Application) throws {
}
