import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// L2: each participant's pre-test (their first finished attempt at the pre quiz) and
/// post-test (their best finished attempt at the post quiz), and the normalised gain per
/// class and for the programme. The database gives the scores; Core does the arithmetic.
struct LearningGainReport {
    struct Participant {
        let employeeID: UUID
        let name: String
        let nip: String
        let classID: UUID
        let className: String
        let pre: Double?
        let post: Double?
        var pair: TestPair? {
            guard let pre, let post else { return nil }
            return TestPair(participant: employeeID.uuidString, pre: pre, post: post)
        }
    }

    struct ClassFigures {
        let classID: UUID
        let name: String
        let gain: ClassGain
    }

    let participants: [Participant]
    let classes: [ClassFigures]
    let programme: ClassGain

    static func load(
        programmeID: UUID, pre: UUID?, post: UUID?, on db: any Database
    ) async throws
        -> LearningGainReport
    {
        let sql = try db.sql()
        struct Enrolled: Decodable {
            let employee_id: UUID
            let name: String
            let nip: String
            let class_id: UUID
            let class_name: String
        }
        let enrolled = try await sql.raw(
            """
            SELECT e.employee_id, p.name, p.nip, c.id AS class_id, c.name AS class_name FROM enrolments e
            JOIN training_classes c ON c.id = e.class_id
            JOIN employees p ON p.id = e.employee_id
            WHERE c.programme_id = \(bind: programmeID) AND e.approval = 'approved' AND e.cancelled = \(bind: false)
            ORDER BY c.name, p.name
            """
        ).all(decoding: Enrolled.self)
        struct Attempt: Decodable {
            let quiz_id: UUID
            let employee_id: UUID
            let number: Int
            let percent: Double
        }
        let quizIDs = [pre, post].compactMap { $0 }
        // One query for both tests' finished, scored attempts; an attempt awaiting essay
        // grading has no percent yet and does not count.
        let attempts =
            quizIDs.isEmpty
            ? []
            : try await sql.raw(
                """
                SELECT quiz_id, employee_id, number, percent FROM quiz_attempts
                WHERE quiz_id IN (\(binds: quizIDs)) AND finished_at IS NOT NULL AND percent IS NOT NULL
                ORDER BY number
                """
            ).all(decoding: Attempt.self)
        var preScores: [UUID: Double] = [:]
        var postScores: [UUID: Double] = [:]
        for attempt in attempts {
            if attempt.quiz_id == pre, preScores[attempt.employee_id] == nil {
                preScores[attempt.employee_id] = attempt.percent
            }
            if attempt.quiz_id == post {
                postScores[attempt.employee_id] = max(postScores[attempt.employee_id] ?? 0, attempt.percent)
            }
        }
        var seen = Set<UUID>()
        let participants = enrolled.compactMap { row -> Participant? in
            // Someone enrolled in two classes of one programme is counted once, in the first.
            guard seen.insert(row.employee_id).inserted else { return nil }
            return Participant(
                employeeID: row.employee_id, name: row.name, nip: row.nip, classID: row.class_id,
                className: row.class_name, pre: preScores[row.employee_id], post: postScores[row.employee_id])
        }
        var classOrder: [UUID] = []
        var classNames: [UUID: String] = [:]
        for participant in participants where classNames[participant.classID] == nil {
            classOrder.append(participant.classID)
            classNames[participant.classID] = participant.className
        }
        let classes = classOrder.map { id in
            ClassFigures(
                classID: id, name: classNames[id] ?? "",
                gain: ClassGain.of(participants.filter { $0.classID == id }.compactMap(\.pair)))
        }
        return LearningGainReport(
            participants: participants, classes: classes, programme: ClassGain.of(participants.compactMap(\.pair)))
    }
}

struct LearningGainController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CatalogueRouting.pattern(Paths.programmeGain), use: show)
    }

    func show(req: Request) async throws -> Response {
        let (programme, _) = try await LevelsAccess.requireEvaluator(req)
        let programmeID = try programme.requireID()
        let (_, pre, post) = try await EvaluationSettingsController.load(programmeID, on: req.db)
        let report = try await LearningGainReport.load(programmeID: programmeID, pre: pre, post: post, on: req.db)
        let language = req.language
        func summary(_ name: String, _ gain: ClassGain) -> GainPage.Summary {
            GainPage.Summary(
                name: name, pairs: String(gain.pairs), meanPre: LevelsFormat.number(gain.meanPre, language),
                meanPost: LevelsFormat.number(gain.meanPost, language),
                normalisedGain: LevelsFormat.number(gain.normalisedGain, digits: 2, language),
                band: gain.band.map { req.t("evaluation.gain.band.\($0.rawValue)") } ?? "—",
                fell: String(gain.fell.count))
        }
        let rows = report.participants.map { participant in
            let pair = participant.pair
            return GainPage.Row(
                name: participant.name, nip: participant.nip, className: participant.className,
                pre: LevelsFormat.number(participant.pre, language),
                post: LevelsFormat.number(participant.post, language),
                gain: LevelsFormat.signed(pair?.gain, language),
                normalisedGain: LevelsFormat.number(pair?.normalisedGain, digits: 2, language),
                fell: pair?.fell ?? false)
        }
        let page = GainPage(
            layout: try await Layout.make(req, title: req.t("evaluation.gain.title")),
            programmeTitle: programme.title, programmeHref: Paths.programme(programmeID),
            settingsHref: Paths.programmeEvaluationSettings(programmeID),
            configured: pre != nil && post != nil,
            programme: summary(req.t("evaluation.gain.wholeProgramme"), report.programme),
            classes: report.classes.map { summary($0.name, $0.gain) }, rows: rows,
            fellCount: report.programme.fell.count)
        return try await req.renderPage("evaluation/levels/gain", page)
    }
}
