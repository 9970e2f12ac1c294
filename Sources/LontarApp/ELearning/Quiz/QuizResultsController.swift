import Fluent
import Foundation
import LontarCore
import Vapor

extension Paths {
    /// The results' scores as a CSV download.
    static func quizResultsCSV(_ id: UUID) -> String { "/kuis/\(id.uuidString)/hasil.csv" }
}

/// Results for the course's authors: scores per learner, attempts to grade, item statistics.
struct QuizResultsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.one(Paths.quizResults, "quizID"), use: show)
        routes.get(TrainingRoutePattern.one(Paths.quizResultsCSV, "quizID"), use: csv)
    }

    func show(req: Request) async throws -> Response {
        let (quiz, course) = try await QuizFormController.requireAuthor(req)
        let quizID = try quiz.requireID()
        let results = try await QuizResults.load(quiz, req: req)
        let learners = results.learners.map { learner in
            ResultsPage.Learner(
                name: learner.name, nip: learner.nip, attempts: String(learner.attempts),
                best: QuizText.percent(learner.best), last: QuizText.percent(learner.last), passed: learner.passed,
                toGrade: learner.awaiting.map {
                    ResultsPage.Link(
                        label: req.t("quizpage.attempt.label", String($0.number)), href: Paths.attemptGrade($0.id!))
                })
        }
        let items = results.items.map { item in
            let summary = item.summary
            return ResultsPage.Item(
                name: item.name, type: req.t(item.kind.labelKey), attempts: String(summary.attempts),
                facility: summary.facility.map { QuizText.percent($0 * 100) } ?? "—",
                discrimination: summary.discrimination.map { Self.decimal($0) } ?? "—",
                flags: summary.flags.map { req.t("quizpage.flag." + $0.rawValue) }.sorted(),
                flagged: !summary.flags.isEmpty)
        }
        let page = ResultsPage(
            layout: try await Layout.make(req, title: req.t("quizpage.results.title", quiz.title)),
            quizHref: Paths.quiz(quizID), courseTitle: course.title, csvHref: Paths.quizResultsCSV(quizID),
            learners: learners, awaiting: learners.reduce(0) { $0 + $1.toGrade.count }, items: items,
            minimumForFlags: String(ItemStatistics.minimumAttemptsForFlags))
        return try await req.renderPage("elearning/quiz/results", page)
    }

    func csv(req: Request) async throws -> Response {
        let (quiz, _) = try await QuizFormController.requireAuthor(req)
        let results = try await QuizResults.load(quiz, req: req)
        let response = Response(status: .ok, body: .init(string: results.csv(req: req)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(
            .attachment, filename: BankExport.fileSlug(quiz.title) + "-" + req.t("quizpage.results.fileSuffix") + ".csv"
        )
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// "0,35": two decimals, the Indonesian decimal comma.
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return String(format: "%.2f", rounded).replacingOccurrences(of: ".", with: ",")
    }
}

struct ResultsPage: Encodable {
    struct Link: Encodable {
        let label: String
        let href: String
    }
    struct Learner: Encodable {
        let name: String
        let nip: String
        let attempts: String
        let best: String
        let last: String
        let passed: Bool
        let toGrade: [Link]
    }
    struct Item: Encodable {
        let name: String
        let type: String
        let attempts: String
        let facility: String
        let discrimination: String
        let flags: [String]
        let flagged: Bool
    }
    let layout: Layout
    let quizHref: String
    let courseTitle: String
    let csvHref: String
    let learners: [Learner]
    let awaiting: Int
    let items: [Item]
    let minimumForFlags: String
}
