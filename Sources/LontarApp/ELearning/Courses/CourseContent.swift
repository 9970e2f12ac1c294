import Fluent
import Foundation
import SQLKit
import Vapor

/// Writes to a course's content (details, sections, lessons, order). Each change runs in
/// one transaction together with the bump of `course.revision`, so a phone holding an
/// offline copy learns it is stale exactly when something it shows has changed.
enum CourseContent {
    enum Direction: String {
        case up, down
    }

    /// `UPDATE … SET revision = revision + 1`: two authors saving at once both count.
    static func bumpRevision(_ courseID: UUID, now: Date, on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.raw(
            "UPDATE courses SET revision = revision + 1, updated_at = \(bind: now) WHERE id = \(bind: courseID)"
        ).run()
    }

    /// Runs `change` and bumps the revision in the same transaction.
    static func change<T: Sendable>(
        _ courseID: UUID, now: Date, on db: any Database, _ change: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await db.retryingTransaction { db in
            let result = try await change(db)
            try await bumpRevision(courseID, now: now, on: db)
            return result
        }
    }

    static func addSection(_ courseID: UUID, title: String, now: Date, on db: any Database) async throws {
        try await change(courseID, now: now, on: db) { db in
            let last = try await CourseSection.query(on: db).filter(\.$course.$id == courseID).max(\.$position) ?? 0
            let section = CourseSection()
            section.$course.id = courseID
            section.title = title
            section.position = last + 1
            try await section.create(on: db)
        }
    }

    /// Moves a section one place; the order is then rewritten 1…n so that gaps and
    /// duplicates left by earlier edits disappear.
    static func move(
        section sectionID: UUID, courseID: UUID, _ direction: Direction, now: Date, on db: any Database
    )
        async throws
    {
        try await change(courseID, now: now, on: db) { db in
            var sections = try await CourseSection.query(on: db).filter(\.$course.$id == courseID)
                .sort(\.$position).sort(\.$id).all()
            guard let index = sections.firstIndex(where: { $0.id == sectionID }) else { return }
            let target = direction == .up ? index - 1 : index + 1
            guard sections.indices.contains(target) else { return }
            sections.swapAt(index, target)
            for (offset, section) in sections.enumerated() where section.position != offset + 1 {
                section.position = offset + 1
                try await section.save(on: db)
            }
        }
    }

    /// A new lesson goes to the end of its section.
    static func nextLessonPosition(in sectionID: UUID, on db: any Database) async throws -> Int {
        (try await Lesson.query(on: db).filter(\.$section.$id == sectionID).max(\.$position) ?? 0) + 1
    }

    /// Moves a lesson one place within its section.
    static func move(
        lesson lessonID: UUID, courseID: UUID, _ direction: Direction, now: Date, on db: any Database
    )
        async throws
    {
        try await change(courseID, now: now, on: db) { db in
            guard let lesson = try await Lesson.find(lessonID, on: db) else { return }
            var lessons = try await Lesson.query(on: db).filter(\.$section.$id == lesson.$section.id)
                .sort(\.$position).sort(\.$id).all()
            guard let index = lessons.firstIndex(where: { $0.id == lessonID }) else { return }
            let target = direction == .up ? index - 1 : index + 1
            guard lessons.indices.contains(target) else { return }
            lessons.swapAt(index, target)
            try await renumber(lessons, on: db)
        }
    }

    /// Moves a lesson to the end of another section of the same course.
    static func move(
        lesson lessonID: UUID, courseID: UUID, to sectionID: UUID, now: Date, on db: any Database
    )
        async throws
    {
        try await change(courseID, now: now, on: db) { db in
            guard let lesson = try await Lesson.find(lessonID, on: db), lesson.$section.id != sectionID else { return }
            let origin = lesson.$section.id
            lesson.$section.id = sectionID
            lesson.position = try await nextLessonPosition(in: sectionID, on: db)
            try await lesson.save(on: db)
            let remaining = try await Lesson.query(on: db).filter(\.$section.$id == origin).sort(\.$position)
                .sort(\.$id).all()
            try await renumber(remaining, on: db)
        }
    }

    private static func renumber(_ lessons: [Lesson], on db: any Database) async throws {
        for (offset, lesson) in lessons.enumerated() where lesson.position != offset + 1 {
            lesson.position = offset + 1
            try await lesson.save(on: db)
        }
    }
}
