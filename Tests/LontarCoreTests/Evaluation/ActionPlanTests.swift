import Foundation
import Testing

@testable import LontarCore

@Suite("Action plan (rencana aksi) checks")
struct ActionPlanTests {
    let start = CivilDate(year: 2026, month: 3, day: 10)!
    let end = CivilDate(year: 2026, month: 3, day: 12)!

    func problems(_ draft: ActionPlanDraft) -> [ActionPlanDraft.Problem] {
        switch draft.plan(classStart: start, classEnd: end) {
        case .success: []
        case .failure(let list): list.problems
        }
    }

    @Test("A goal and filled rows become a plan; empty and blank rows are skipped and text is trimmed")
    func valid() throws {
        let draft = ActionPlanDraft(
            goal: "  Izin usaha selesai dalam 3 hari  ",
            rows: [
                .init(activity: "Menyusun SOP", result: "SOP ditetapkan", due: "2026-04-30"),
                .init(activity: "  ", result: "", due: " "),
                .init(activity: "Melatih staf loket", result: "", due: "2027-03-12"),
            ])
        let plan = try draft.plan(classStart: start, classEnd: end).get()
        #expect(plan.goal == "Izin usaha selesai dalam 3 hari")
        #expect(plan.steps.map(\.activity) == ["Menyusun SOP", "Melatih staf loket"])
        #expect(plan.steps.map(\.due.iso) == ["2026-04-30", "2027-03-12"])
        #expect(plan.steps[1].result == "")
    }

    @Test("Nothing written names the goal and the missing steps")
    func empty() {
        #expect(problems(ActionPlanDraft(goal: " ", rows: [.init(), .init()])) == [.goalMissing, .noSteps])
    }

    @Test("Each row's problem names its row as the form numbers it")
    func rowProblems() {
        let draft = ActionPlanDraft(
            goal: "Tujuan",
            rows: [
                .init(activity: "", result: "Hasil", due: "2026-04-01"),
                .init(activity: "Langkah", result: "", due: ""),
                .init(activity: "Langkah", result: "", due: "30/04/2026"),
                .init(activity: "Langkah", result: "", due: "2026-03-09"),
                .init(activity: "Langkah", result: "", due: "2027-03-13"),
            ])
        #expect(
            problems(draft) == [
                .activityMissing(row: 1), .dueMissing(row: 2), .dueInvalid(row: 3), .dueBeforeClass(row: 4),
                .dueTooLate(row: 5),
            ])
    }

    @Test("The class's first day and twelve months after its last are both allowed")
    func boundaries() {
        let draft = ActionPlanDraft(
            goal: "Tujuan",
            rows: [
                .init(activity: "A", result: "", due: "2026-03-10"),
                .init(activity: "B", result: "", due: "2027-03-12"),
            ])
        #expect(problems(draft) == [])
    }

    @Test("Limits: six steps, an over-long goal and an over-long step are refused")
    func limits() {
        let row = ActionPlanDraft.Row(activity: "Langkah", result: "", due: "2026-05-01")
        #expect(problems(ActionPlanDraft(goal: "T", rows: Array(repeating: row, count: 6))) == [.tooManySteps])
        let longGoal = String(repeating: "a", count: ActionPlan.maximumGoalLength + 1)
        #expect(problems(ActionPlanDraft(goal: longGoal, rows: [row])) == [.goalTooLong])
        let longStep = ActionPlanDraft.Row(
            activity: "A", result: String(repeating: "b", count: ActionPlan.maximumStepTextLength + 1),
            due: "2026-05-01")
        #expect(problems(ActionPlanDraft(goal: "T", rows: [longStep])) == [.textTooLong(row: 1)])
    }

    @Test("A stored plan fills the form again, padded to five rows, and reads back as the same plan")
    func roundTrip() throws {
        let plan = ActionPlan(
            goal: "Tujuan", steps: [.init(activity: "A", result: "R", due: CivilDate(year: 2026, month: 5, day: 1)!)])
        let draft = ActionPlanDraft(plan)
        #expect(draft.rows.count == ActionPlan.maximumSteps)
        #expect(try draft.plan(classStart: start, classEnd: end).get() == plan)
        let json = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(ActionPlan.self, from: json) == plan)
    }

    @Test("a class dated in year 9999 (a typo) gives a plan check, not a crash")
    func farFuture() {
        let end = CivilDate(year: 9999, month: 6, day: 1)!
        #expect(end.adding(months: 12) == CivilDate(year: 9999, month: 12, day: 31))
        let draft = ActionPlanDraft(goal: "T", rows: [.init(activity: "A", result: "", due: "9999-07-01")])
        #expect((try? draft.plan(classStart: end, classEnd: end).get())?.steps.count == 1)
    }
}
