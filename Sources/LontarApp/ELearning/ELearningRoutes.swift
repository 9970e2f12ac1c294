import Vapor

/// The e-learning pillar's controllers, registered in one place.
func registerELearningRoutes(_ app: Application) throws {
}
