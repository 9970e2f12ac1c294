import Foundation
import Testing

@testable import LontarCore

@Suite("Course progress: what counts, what is locked, where to continue")
struct CourseProgressTests {
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    func lessons(_ spec: [(String, Bool, Bool)]) -> [OutlineLesson] {
        spec.map { OutlineLesson(id: $0.0, required: $0.1, requiresPrevious: $0.2) }
    }

    @Test("only required lessons count when any is required; the course completes when they are all done")
    func requiredLessonsDecide() {
        let outline = lessons([("a", true, false), ("b", false, false), ("c", true, false)])
        let partway = CourseProgress.evaluate(lessons: outline, done: ["a", "b"], lastSeen: [:])
        #expect(partway.requiredTotal == 2)
        #expect(partway.requiredDone == 1)
        #expect(partway.percent == 50)
        #expect(!partway.complete)
        let finished = CourseProgress.evaluate(lessons: outline, done: ["a", "c"], lastSeen: [:])
        #expect(finished.complete)
        #expect(finished.percent == 100)
        // The optional lesson is still offered as the next step.
        #expect(finished.next == "b")
    }

    @Test("with no lesson marked required every lesson counts, so nothing completes before work is done")
    func noRequiredMeansAll() {
        let outline = lessons([("a", false, false), ("b", false, false), ("c", false, false)])
        let none = CourseProgress.evaluate(lessons: outline, done: [], lastSeen: [:])
        #expect(!none.complete)
        #expect(none.requiredTotal == 3)
        let two = CourseProgress.evaluate(lessons: outline, done: ["a", "c"], lastSeen: [:])
        #expect(two.percent == 66)
        #expect(!two.complete)
    }

    @Test("an empty course is never complete")
    func emptyCourse() {
        let progress = CourseProgress.evaluate(lessons: [], done: [], lastSeen: [:])
        #expect(!progress.complete)
        #expect(progress.percent == 0)
        #expect(progress.next == nil)
        #expect(progress.resume == nil)
    }

    @Test("a lesson that requires the previous one is locked until that one is done")
    func locking() {
        let outline = lessons([("a", true, false), ("b", true, true), ("c", true, true)])
        let start = CourseProgress.evaluate(lessons: outline, done: [], lastSeen: [:])
        #expect(start.states == ["a": .notStarted, "b": .locked, "c": .locked])
        #expect(start.next == "a")
        let afterA = CourseProgress.evaluate(lessons: outline, done: ["a"], lastSeen: ["a": t0])
        #expect(afterA.states == ["a": .done, "b": .notStarted, "c": .locked])
        #expect(afterA.next == "b")
        // Done out of order (an offline phone sent "c" before "b"): c stays done, b is open.
        let odd = CourseProgress.evaluate(lessons: outline, done: ["a", "c"], lastSeen: [:])
        #expect(odd.states["c"] == .done)
        #expect(odd.states["b"] == .notStarted)
    }

    @Test("continue goes to the lesson last opened and not done, else to the next step")
    func resume() {
        let outline = lessons([("a", true, false), ("b", true, false), ("c", true, false)])
        let seen = CourseProgress.evaluate(
            lessons: outline, done: ["a"],
            lastSeen: ["a": t0.addingTimeInterval(500), "b": t0, "c": t0.addingTimeInterval(100)])
        #expect(seen.states["b"] == .opened)
        #expect(seen.resume == "c")
        #expect(seen.next == "b")
        let nothingOpen = CourseProgress.evaluate(lessons: outline, done: ["a"], lastSeen: ["a": t0])
        #expect(nothingOpen.resume == "b")
    }
}
