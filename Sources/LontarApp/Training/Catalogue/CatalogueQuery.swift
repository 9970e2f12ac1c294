import Fluent
import LontarCore
import SQLKit
import Vapor

/// The catalogue's filters, as read from the query string.
struct CatalogueFilter {
    var q = ""
    var kind = ""
    var competency = ""
    var form = ""
    /// "bkppd", "bpsdmd", "partner" or "opd:<CODE>".
    var organiser = ""
    /// "2026-11": programmes with a class whose first session starts in that month (WITA).
    var month = ""
    var status = ""

    static func from(_ req: Request) -> CatalogueFilter {
        func value(_ name: String) -> String { TextInput.trimmed(req.query[String.self, at: name]) }
        return CatalogueFilter(
            q: String(value("q").prefix(100)), kind: value("kind"), competency: String(value("competency").prefix(100)),
            form: value("form").uppercased(), organiser: value("organiser"), month: value("month"),
            status: value("status"))
    }

    var query: [String: String] {
        [
            "q": q, "kind": kind, "competency": competency, "form": form, "organiser": organiser, "month": month,
            "status": status,
        ]
    }
}

/// Who sees which programmes: everyone the published ones; BKPPD all; an operator also
/// the drafts and archived programmes their OPD organises.
enum CatalogueVisibility {
    case published
    case publishedOrOrganisedBy(UUID)
    case all

    static func of(_ principal: Principal) -> CatalogueVisibility {
        if principal.isAdmin { return .all }
        if principal.isOperator, let agency = principal.operatorAgencyID { return .publishedOrOrganisedBy(agency) }
        return .published
    }

    var seesUnpublished: Bool {
        if case .published = self { return false }
        return true
    }
}

enum CatalogueQuery {
    static func programmes(
        _ filter: CatalogueFilter, visibility: CatalogueVisibility, paging: PageRequest, on db: any Database
    ) async throws -> (items: [Programme], total: Int) {
        let query = Programme.query(on: db)
        switch visibility {
        case .published:
            query.filter(\.$status == "published")
        case .publishedOrOrganisedBy(let agency):
            query.group(.or) { $0.filter(\.$status == "published").filter(\.$organiserAgency.$id == agency) }
        case .all:
            break
        }
        if visibility.seesUnpublished, TrainingLabels.programmeStatuses.contains(filter.status) {
            query.filter(\.$status == filter.status)
        }
        if !filter.q.isEmpty {
            query.group(.or) {
                $0.filter(\.$title, containsIgnoringCase: filter.q, on: db)
                    .filter(\.$description, containsIgnoringCase: filter.q, on: db)
            }
        }
        if TrainingLabels.competencyKinds.contains(filter.kind) { query.filter(\.$competencyKind == filter.kind) }
        if !filter.competency.isEmpty { query.filter(\.$competencies, containsIgnoringCase: filter.competency, on: db) }
        if DevelopmentForm.find(filter.form) != nil { query.filter(\.$formCode == filter.form) }
        if filter.organiser.hasPrefix("opd:") {
            let code = String(filter.organiser.dropFirst(4))
            let agency = try await Agency.query(on: db).filter(\.$code == code).first()
            query.filter(\.$organiserKind == "opd").filter(\.$organiserAgency.$id == (agency?.id ?? UUID()))
        } else if TrainingLabels.organiserKinds.contains(filter.organiser) {
            query.filter(\.$organiserKind == filter.organiser)
        }
        if let month = TrainingTime.month(filter.month) {
            query.filter(\.$id ~~ (try await programmesStarting(in: month, on: db)))
        }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$title).sort(\.$id).range(paging.range).all()
        return (items, total)
    }

    private struct ProgrammeID: Decodable { let programme_id: UUID }

    /// Programmes with a class (not cancelled) whose first session starts within `month`.
    static func programmesStarting(in month: (start: Date, end: Date), on db: any Database) async throws -> [UUID] {
        let sql = try db.sql()
        return try await sql.raw(
            """
            SELECT c.programme_id AS programme_id FROM training_classes c
            JOIN class_sessions s ON s.class_id = c.id
            WHERE c.status <> \(bind: "cancelled")
            GROUP BY c.id, c.programme_id
            HAVING MIN(s.starts_at) >= \(bind: month.start) AND MIN(s.starts_at) < \(bind: month.end)
            """
        ).all(decoding: ProgrammeID.self).map(\.programme_id)
    }

    /// A class with its first and last session, read in one grouped query.
    struct ClassRow: Decodable {
        let id: UUID
        let programme_id: UUID
        let name: String
        let capacity: Int
        let seats_held: Int
        let status: String
        let registration_opens_at: Date?
        let registration_closes_at: Date?
        let first_start: Date?
        let last_end: Date?

        var seatsLeft: Int { max(0, capacity - seats_held) }
    }

    /// The classes of several programmes at once. `upcomingAfter` keeps only classes that
    /// are planned, open or running and have not ended; nil lists every class.
    static func classes(
        of programmeIDs: [UUID], upcomingAfter now: Date?, on db: any Database
    ) async throws
        -> [ClassRow]
    {
        guard !programmeIDs.isEmpty else { return [] }
        let sql = try db.sql()
        var query: SQLQueryString = """
            SELECT c.id AS id, c.programme_id AS programme_id, c.name AS name, c.capacity AS capacity,
            c.seats_held AS seats_held, c.status AS status, c.registration_opens_at AS registration_opens_at,
            c.registration_closes_at AS registration_closes_at, MIN(s.starts_at) AS first_start,
            MAX(s.ends_at) AS last_end
            FROM training_classes c LEFT JOIN class_sessions s ON s.class_id = c.id
            WHERE c.programme_id IN (\(binds: programmeIDs))
            """
        if now != nil { query += " AND c.status IN (\(binds: ["planned", "open", "running"]))" }
        query += """
             GROUP BY c.id, c.programme_id, c.name, c.capacity, c.seats_held, c.status,
            c.registration_opens_at, c.registration_closes_at
            """
        if let now { query += " HAVING MAX(s.ends_at) IS NULL OR MAX(s.ends_at) >= \(bind: now)" }
        let rows = try await sql.raw(query).all(decoding: ClassRow.self)
        return rows.sorted { ($0.first_start ?? .distantFuture, $0.name) < ($1.first_start ?? .distantFuture, $1.name) }
    }

    /// The signed-in employee's enrolments in these classes, by class.
    static func myEnrolments(
        _ employeeID: UUID?, in classIDs: [UUID], on db: any Database
    ) async throws
        -> [UUID: Enrolment]
    {
        guard let employeeID, !classIDs.isEmpty else { return [:] }
        let rows = try await Enrolment.query(on: db).filter(\.$employee.$id == employeeID)
            .filter(\.$trainingClass.$id ~~ classIDs).all()
        return Dictionary(rows.map { ($0.$trainingClass.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Where registration for a class stands, for the tag next to it.
enum RegistrationState {
    static func describe(
        status: String, opens: Date?, closes: Date?, seatsLeft: Int, now: Date, _ req: Request
    ) -> (text: String, tag: String, canApply: Bool) {
        switch status {
        case "open":
            if let opens, now < opens {
                return (req.t("catalogue.reg.notYet", CityTime.moment(opens, language: req.language)), "muted", false)
            }
            if let closes, now > closes { return (req.t("catalogue.reg.closed"), "muted", false) }
            if seatsLeft == 0 { return (req.t("catalogue.reg.full"), "danger", true) }
            if let closes {
                return (req.t("catalogue.reg.openUntil", CityTime.moment(closes, language: req.language)), "", true)
            }
            return (req.t("catalogue.reg.open"), "", true)
        case "cancelled": return (req.t("catalogue.class.status.cancelled"), "danger", false)
        default: return (req.t("catalogue.class.status.\(status)"), "muted", false)
        }
    }

    /// The summary line of a class, with the viewer's own status when they have one.
    static func summary(
        _ row: CatalogueQuery.ClassRow, mine: Enrolment?, isEmployee: Bool, now: Date, _ req: Request
    ) -> ClassSummary {
        let state = describe(
            status: row.status, opens: row.registration_opens_at, closes: row.registration_closes_at,
            seatsLeft: row.seatsLeft, now: now, req)
        let myStatus = mine.map { EnrolmentService.state(of: $0).status.rawValue }
        return ClassSummary(
            href: Paths.trainingClass(row.id), name: row.name,
            dates: TrainingTime.span(row.first_start, row.last_end, req), seatsLeft: row.seatsLeft,
            capacity: row.capacity,
            // Over or cancelled, a class takes no one: how full it was is what is left to say.
            seatsText: TrainingLabels.isOver(row.status)
                ? req.t("catalogue.class.seatsHeld", String(row.capacity - row.seatsLeft), String(row.capacity))
                : req.t("catalogue.class.seatsLeft", String(row.seatsLeft), String(row.capacity)),
            registration: state.text, registrationTag: state.tag,
            mine: myStatus.map { req.t("catalogue.enrolment.status.\($0)") },
            mineTag: myStatus.map(TrainingLabels.statusTag) ?? "",
            applyHref: isEmployee && mine == nil && state.canApply ? Paths.classApply(row.id) : nil)
    }
}
