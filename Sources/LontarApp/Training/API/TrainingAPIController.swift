import Vapor

/// The training pillar's JSON API under `/api/v1` (described in the OpenAPI document).
struct TrainingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        ProgramAPI().register(api)
        ClassAPI().register(api)
        EnrolmentAPI().register(api)
        AttendanceAPI().register(api)
        LearningHoursAPI().register(api)
        // The same handlers as the pages: principal, scope and output do not depend on the door.
        api.get("classes", ":classID", "calendar.ics", use: CalendarController().classFeed)
        api.get("exports", "siasn.csv", use: SIASNExportController().export)
    }
}
