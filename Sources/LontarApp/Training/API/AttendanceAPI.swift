import Fluent
import LontarCore
import Vapor

/// `/api/v1/classes/{classID}/sessions/{sessionID}/attendance`: the facilitator's roll.
struct AttendanceAPI {
    struct Item: Content {
        let enrolmentId: UUID
        let nip: String
        let name: String
        let mark: String?
    }

    struct Roll: Content {
        let sessionId: UUID
        let items: [Item]
    }

    struct MarksBody: Content {
        struct Entry: Content {
            var enrolmentId: UUID
            var mark: String
        }
        var marks: [Entry]
    }

    func register(_ api: any RoutesBuilder) {
        api.get("classes", ":classID", "sessions", ":sessionID", "attendance", use: get)
        api.put("classes", ":classID", "sessions", ":sessionID", "attendance", use: put)
    }

    func get(req: Request) async throws -> Roll {
        let runnable = try await RunnableClass.load(req)
        let session = try await runnable.session(req)
        return try await roll(runnable, session: session, on: req.db)
    }

    /// All marks or none: an unknown participant or mark refuses the whole request.
    func put(req: Request) async throws -> Roll {
        let runnable = try await RunnableClass.load(req)
        let session = try await runnable.session(req)
        let body = try req.content.decode(MarksBody.self)
        let participants = Set(try await runnable.participants(on: req.db).compactMap(\.id))
        var marks: [AttendanceWriter.Mark] = []
        for (index, entry) in body.marks.enumerated() {
            guard participants.contains(entry.enrolmentId) else {
                throw AppError.invalid("marks.\(index).enrolmentId", .init("attendanceAPI.notParticipant"))
            }
            guard let mark = AttendanceMark(rawValue: entry.mark) else {
                throw AppError.invalid("marks.\(index).mark", .init("attendanceAPI.badMark", [entry.mark]))
            }
            marks.append(.init(enrolmentID: entry.enrolmentId, mark: mark))
        }
        let now = req.now
        // Storing a mark already stored changes nothing, so only new or changed marks are timed.
        let stored = Dictionary(
            try await AttendanceRecord.query(on: req.db).filter(\.$session.$id == session.requireID()).all().map {
                ($0.$enrolment.id, $0.mark)
            }, uniquingKeysWith: { a, _ in a })
        if let index = marks.firstIndex(where: {
            stored[$0.enrolmentID] != $0.mark.rawValue && AttendanceTiming.tooEarly($0.mark, session, now: now)
        }) {
            throw AppError.conflict(
                "session_not_started", AttendanceTiming.refusal(session, req.language), field: "marks.\(index).mark")
        }
        let sessionID = try session.requireID()
        let userID = runnable.principal.userID
        let checked = marks
        try await req.db.retryingTransaction { db in
            try await AttendanceWriter.upsert(
                checked, session: sessionID, via: "facilitator", by: userID, at: now, on: db)
        }
        return try await roll(runnable, session: session, on: req.db)
    }

    private func roll(_ runnable: RunnableClass, session: ClassSession, on db: any Database) async throws -> Roll {
        let sessionID = try session.requireID()
        let participants = try await runnable.participants(on: db)
        let records = try await AttendanceRecord.query(on: db).filter(\.$session.$id == sessionID).all()
        let markOf = Dictionary(records.map { ($0.$enrolment.id, $0.mark) }, uniquingKeysWith: { a, _ in a })
        return Roll(
            sessionId: sessionID,
            items: participants.compactMap { enrolment in
                enrolment.id.map {
                    Item(enrolmentId: $0, nip: enrolment.employee.nip, name: enrolment.employee.name, mark: markOf[$0])
                }
            })
    }
}

/// `GET /api/v1/employees/{nip}/learning-hours?year=`: one person's ledger, for themselves,
/// their supervisor, their OPD's operator and BKPPD.
struct LearningHoursAPI {
    struct Entry: Content {
        let title: String
        let formCode: String
        let jp: Double
        let startDate: String
        let endDate: String
        let source: String
        let organiser: String
        let certificateNumber: String
        let ruleYear: Int
        let ruleVersion: Int
    }

    struct Body: Content {
        let year: Int
        let total: Double
        let target: Double
        let entries: [Entry]
    }

    func register(_ api: any RoutesBuilder) {
        api.get("employees", ":nip", "learning-hours", use: get)
    }

    func get(req: Request) async throws -> Body {
        let employee = try await EmployeeAccess.findViewable(req, nip: req.parameters.get("nip"))
        let year = req.query[Int.self, at: "year"] ?? CityTime.today(req.clock).year
        guard (2000...2100).contains(year) else { throw AppError.invalid("year", .init("learningHoursAPI.year")) }
        let lines = try await LedgerQueries.entries(employeeID: employee.requireID(), year: year, on: req.db)
        let rules = try await JPRulesStore.current(year: year, on: req.db)
        let kind = EmployeeKind(rawValue: employee.kind) ?? .pns
        let total = JPProgress.make(total: lines.reduce(0) { $0 + $1.jp }, kind: kind, rules: rules).total
        return Body(
            year: year, total: total, target: JPCalculator.target(for: kind, rules: rules),
            entries: lines.map {
                Entry(
                    title: $0.title, formCode: $0.form_code, jp: $0.jp, startDate: $0.start_date, endDate: $0.end_date,
                    source: $0.source, organiser: $0.organiser, certificateNumber: $0.certificate_number,
                    ruleYear: $0.rule_year, ruleVersion: $0.rule_version)
            })
    }
}
