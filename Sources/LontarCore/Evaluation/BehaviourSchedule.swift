import Foundation

/// When the L3 (behaviour) survey goes to an alumnus and their supervisor: a set number of
/// months after completion, open for a window, with reminders until answered or closed.
public struct BehaviourSchedule: Sendable, Equatable, Codable {
    /// Months after completion (Indonesian practice: 3 to 6).
    public var delayMonths: Int = 3
    /// Days the survey stays open once sent.
    public var windowDays: Int = 30
    /// Days between reminders to someone who has not answered.
    public var reminderDays: Int = 7

    public init(delayMonths: Int = 3, windowDays: Int = 30, reminderDays: Int = 7) {
        self.delayMonths = delayMonths
        self.windowDays = windowDays
        self.reminderDays = reminderDays
    }

    public enum Problem: String, Sendable, Equatable {
        case delayOutOfRange, windowOutOfRange, reminderOutOfRange
    }

    /// Delay 1–24 months, window 7–180 days, reminders every 1 day up to the window.
    public func validate() -> [Problem] {
        var problems: [Problem] = []
        if !(1...24).contains(delayMonths) { problems.append(.delayOutOfRange) }
        if !(7...180).contains(windowDays) { problems.append(.windowOutOfRange) }
        if !(1...max(windowDays, 1)).contains(reminderDays) { problems.append(.reminderOutOfRange) }
        return problems
    }

    /// The day the survey opens: the completion day plus `delayMonths` calendar months in
    /// Kupang (a completion on 31 August opens on 30 November, the month's last day).
    public func opens(completedOn day: CivilDate) -> CivilDate {
        day.adding(.month, delayMonths)
    }

    /// The last day answers are taken.
    public func closes(completedOn day: CivilDate) -> CivilDate {
        opens(completedOn: day).adding(days: windowDays - 1)
    }

    public enum Action: Sendable, Equatable {
        /// Not yet time.
        case wait
        /// Send the survey now (first time).
        case send
        /// Remind (not answered, a reminder is due).
        case remind
        /// Nothing to do now (answered, reminded recently, or closed).
        case none
    }

    /// What to do today for one person. `sentOn` is nil until the survey was sent;
    /// `lastRemindedOn` is the last day a reminder (or the survey itself) went out.
    public func action(
        today: CivilDate, completedOn: CivilDate, sentOn: CivilDate?, lastRemindedOn: CivilDate?, answered: Bool
    ) -> Action {
        let opens = opens(completedOn: completedOn)
        if today < opens { return .wait }
        if answered || today > closes(completedOn: completedOn) { return .none }
        guard sentOn != nil else { return .send }
        let last = lastRemindedOn ?? sentOn!
        return today >= last.adding(days: reminderDays) ? .remind : .none
    }
}

extension CivilDate {
    /// Calendar arithmetic on days, free of time zones (a civil date has none).
    public func adding(days: Int) -> CivilDate { adding(.day, days) }

    /// Months later, on the same day or the month's last (31 March + 1 month = 30 April).
    public func adding(months: Int) -> CivilDate { adding(.month, months) }

    /// Outside years 1–9999 (a mistyped year moved a year on) the result stops at the edge
    /// instead of failing: a date that far off is refused by the checks that use it anyway.
    func adding(_ component: Calendar.Component, _ value: Int) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let edge = value < 0 ? CivilDate(year: 1, month: 1, day: 1)! : CivilDate(year: 9999, month: 12, day: 31)!
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            let moved = calendar.date(byAdding: component, value: value, to: start)
        else { return edge }
        let parts = calendar.dateComponents([.year, .month, .day], from: moved)
        guard let year = parts.year, let month = parts.month, let day = parts.day,
            let result = CivilDate(year: year, month: month, day: day)
        else { return edge }
        return result
    }
}
