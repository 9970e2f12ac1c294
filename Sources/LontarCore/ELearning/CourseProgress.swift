import Foundation

/// A published lesson as the progress rules see it, in the course's order.
public struct OutlineLesson: Sendable, Equatable {
    public var id: String
    public var required: Bool
    /// Opens only once the lesson before it (in course order) is done.
    public var requiresPrevious: Bool

    public init(id: String, required: Bool, requiresPrevious: Bool = false) {
        self.id = id
        self.required = required
        self.requiresPrevious = requiresPrevious
    }
}

public enum LessonState: String, Sendable, Equatable, CaseIterable {
    case locked, notStarted, opened, done
}

/// Where a learner stands in a course: what counts, what is done, what comes next.
public struct CourseProgress: Sendable, Equatable {
    /// The state of each lesson, by id.
    public let states: [String: LessonState]
    public let requiredDone: Int
    public let requiredTotal: Int
    /// 0…100, whole numbers, of the lessons that count.
    public let percent: Int
    /// Every lesson that counts is done: the completion rule holds.
    public let complete: Bool
    /// The first lesson (in order) not yet done and open to the learner.
    public let next: String?
    /// Where "continue" goes: the lesson last opened if it is not done, else `next`.
    public let resume: String?

    /// `done` are the lessons finished (a quiz lesson is done when a quiz attempt passed);
    /// `lastSeen` when each was last opened. When an author marks no lesson as required,
    /// every lesson counts, so a course can never be complete before anything is done.
    public static func evaluate(
        lessons: [OutlineLesson], done: Set<String>, lastSeen: [String: Date]
    ) -> CourseProgress {
        let anyRequired = lessons.contains(where: \.required)
        let counted = lessons.filter { anyRequired ? $0.required : true }
        var states: [String: LessonState] = [:]
        var previousDone = true
        for lesson in lessons {
            let state: LessonState
            if done.contains(lesson.id) {
                state = .done
            } else if lesson.requiresPrevious && !previousDone {
                state = .locked
            } else {
                state = lastSeen[lesson.id] == nil ? .notStarted : .opened
            }
            states[lesson.id] = state
            previousDone = state == .done
        }
        let requiredDone = counted.filter { done.contains($0.id) }.count
        let percent = counted.isEmpty ? 0 : requiredDone * 100 / counted.count
        let complete = !counted.isEmpty && requiredDone == counted.count
        let next = lessons.first { states[$0.id] == .opened || states[$0.id] == .notStarted }?.id
        let latestOpen = lessons.filter { states[$0.id] == .opened }
            .max { (lastSeen[$0.id] ?? .distantPast) < (lastSeen[$1.id] ?? .distantPast) }?.id
        return CourseProgress(
            states: states, requiredDone: requiredDone, requiredTotal: counted.count, percent: percent,
            complete: complete, next: next, resume: latestOpen ?? next)
    }
}
