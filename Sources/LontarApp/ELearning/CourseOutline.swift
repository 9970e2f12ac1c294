import Fluent
import Foundation
import LontarCore
import Vapor

/// A course's sections and lessons in order, and one learner's progress through them.
struct CourseOutline {
    struct Section {
        let section: CourseSection
        let lessons: [Lesson]
    }

    let sections: [Section]

    /// Lessons in course order (section by section).
    var lessons: [Lesson] { sections.flatMap(\.lessons) }

    /// Two queries whatever the size of the course. `publishedOnly` is the learner's view.
    static func load(_ courseID: UUID, publishedOnly: Bool, on db: any Database) async throws -> CourseOutline {
        let sections = try await CourseSection.query(on: db).filter(\.$course.$id == courseID)
            .sort(\.$position).all()
        var query = Lesson.query(on: db).filter(\.$course.$id == courseID)
        if publishedOnly { query = query.filter(\.$published == true) }
        let lessons = try await query.sort(\.$position).all()
        let bySection = Dictionary(grouping: lessons, by: { $0.$section.id })
        return CourseOutline(
            sections: sections.map { Section(section: $0, lessons: bySection[$0.id!] ?? []) })
    }

    /// The learner's progress through the published lessons.
    func progress(of enrolmentID: UUID?, on db: any Database) async throws -> CourseProgress {
        var done: Set<String> = []
        var lastSeen: [String: Date] = [:]
        if let enrolmentID {
            let rows = try await LessonProgress.query(on: db).filter(\.$enrolment.$id == enrolmentID).all()
            for row in rows {
                let key = row.$lesson.id.uuidString
                lastSeen[key] = row.lastSeenAt
                if row.completedAt != nil { done.insert(key) }
            }
        }
        let outline = lessons.filter(\.published).map {
            OutlineLesson(id: $0.id!.uuidString, required: $0.required, requiresPrevious: $0.requiresPrevious)
        }
        return CourseProgress.evaluate(lessons: outline, done: done, lastSeen: lastSeen)
    }
}

/// Recording a learner's progress, and completing the course when the rule holds.
enum CourseProgressWriter {
    /// The learner opened a lesson: remembered for "continue" on any device.
    static func opened(_ lessonID: UUID, enrolment: Enrolment, at now: Date, on db: any Database) async throws {
        try await firstWriterWins {
            try await db.retryingTransaction { db in
                if let row = try await row(lessonID, enrolment: enrolment, on: db) {
                    if row.lastSeenAt < now {
                        row.lastSeenAt = now
                        try await row.save(on: db)
                    }
                    return
                }
                try await newRow(lessonID, enrolment: enrolment, at: now, completed: false).create(on: db)
            }
        }
    }

    /// Marks a lesson done. Marking it again (a resend, a second tab) changes nothing; the
    /// time kept is when it was first done. Returns whether anything changed.
    @discardableResult
    static func done(_ lessonID: UUID, enrolment: Enrolment, at now: Date, on db: any Database) async throws -> Bool {
        try await firstWriterWins {
            try await db.retryingTransaction { db in
                if let row = try await row(lessonID, enrolment: enrolment, on: db) {
                    guard row.completedAt == nil else { return false }
                    row.completedAt = now
                    row.lastSeenAt = max(row.lastSeenAt, now)
                    try await row.save(on: db)
                    return true
                }
                try await newRow(lessonID, enrolment: enrolment, at: now, completed: true).create(on: db)
                return true
            }
        }
    }

    /// Two first visits at once (two tabs, a phone's resend) both find no row; PostgreSQL
    /// lets one insert and refuses the other on the unique (enrolment, lesson) index. The
    /// refused one runs again and now finds the row.
    private static func firstWriterWins<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return try await work()
        }
    }

    private static func row(
        _ lessonID: UUID, enrolment: Enrolment, on db: any Database
    ) async throws
        -> LessonProgress?
    {
        try await LessonProgress.query(on: db).filter(\.$enrolment.$id == enrolment.requireID())
            .filter(\.$lesson.$id == lessonID).first()
    }

    private static func newRow(
        _ lessonID: UUID, enrolment: Enrolment, at now: Date, completed: Bool
    ) throws
        -> LessonProgress
    {
        let row = LessonProgress()
        row.$enrolment.id = try enrolment.requireID()
        row.$lesson.id = lessonID
        row.$employee.id = enrolment.$employee.id
        row.openedAt = now
        row.lastSeenAt = now
        row.completedAt = completed ? now : nil
        return row
    }
}

/// Completes an online course when its rule holds: JP credit and certificate, once.
enum CourseCompletion {
    /// Checks the rule for one learner and records completion if it now holds. Safe to call
    /// after every lesson done and every quiz passed, from any number of requests at once:
    /// `CompletionRecorder` claims the enrolment with one conditional UPDATE.
    @discardableResult
    static func checkAndComplete(_ enrolment: Enrolment, course: Course, request: Request) async throws -> Bool {
        guard !enrolment.completed else { return false }
        let outline = try await CourseOutline.load(course.requireID(), publishedOnly: true, on: request.db)
        let progress = try await outline.progress(of: enrolment.requireID(), on: request.db)
        guard progress.complete else { return false }
        guard let programme = try await Programme.find(course.$programme.id, on: request.db),
            let employee = try await Employee.find(enrolment.$employee.id, on: request.db)
        else { throw AppError.notFound() }
        let startedAt =
            try await LessonProgress.query(on: request.db).filter(\.$enrolment.$id == enrolment.requireID())
            .sort(\.$openedAt).first()?.openedAt ?? request.now
        let start = CivilDate.today(in: CityTime.zone, now: startedAt)
        let end = CivilDate.today(in: CityTime.zone, now: request.now)
        let rules = try await JPRulesStore.current(year: end.year, on: request.db)
        let kind = DevelopmentForm.find(programme.formCode)?.conversionKind ?? .structured
        let credit: JPCredit
        switch JPCalculator.credit(
            kind: kind, international: programme.international, programmeJP: programme.jp, days: 1, rules: rules)
        {
        case .success(let value): credit = value
        case .failure(let message): throw AppError.conflict("jp_rule", message)
        }
        let organiser = try await ProgrammeFacts.organiserName(programme, on: request.db)
        return try await CompletionRecorder.record(
            enrolmentID: enrolment.requireID(), employee: employee, programme: programme, credit: credit,
            start: start, end: end, organiser: organiser, source: "course", request: request)
    }
}
