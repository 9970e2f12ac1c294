import Fluent
import Foundation
import LontarCore
import SQLKit
import Vapor

/// The question bank page: list, import, export and delete, for the course's authors only.
struct BankController: RouteCollection {
    /// A bank of several hundred questions with feedback is well under a megabyte; Moodle
    /// XML with long HTML texts is the larger of the two.
    static let maxUpload: ByteCount = "5mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingRoutePattern.one(Paths.questionBank, "courseID"), use: bank)
        routes.on(
            .POST, TrainingRoutePattern.one(Paths.questionImport, "courseID"),
            body: .collect(maxSize: Self.maxUpload), use: importFile)
        routes.get(TrainingRoutePattern.one(Paths.questionExport, "courseID"), use: export)
        routes.post(
            TrainingRoutePattern.two(Paths.questionDelete, "courseID", "questionID"), use: delete)
    }

    func bank(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(
            req, courseID: req.parameters.get("courseID", as: UUID.self))
        return try await render(req, course: course, issues: [], format: nil)
    }

    struct ImportForm: Content {
        var format: String?
        var file: File?
    }

    func importFile(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(
            req, courseID: req.parameters.get("courseID", as: UUID.self))
        let form = try req.content.decode(ImportForm.self)
        guard let format = QuestionFileFormat(rawValue: form.format ?? "") else {
            let issue = QuestionImportIssue(message: LocalizableMessage("quizpage.import.formatUnknown"))
            return try await render(req, course: course, issues: [issue], format: nil, status: .unprocessableEntity)
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            let issue = QuestionImportIssue(message: LocalizableMessage("quizpage.import.noFile"))
            return try await render(req, course: course, issues: [issue], format: format, status: .unprocessableEntity)
        }
        let bytes = Array(file.data.readableBytesView)
        switch try await BankImport.run(bytes, format: format, courseID: course.requireID(), now: req.now, on: req.db) {
        case .refused(let issues):
            return try await render(req, course: course, issues: issues, format: format, status: .unprocessableEntity)
        case .imported(let count):
            Flash.set(req, req.t("quizpage.import.done", String(count)))
            return req.redirect(to: Paths.questionBank(try course.requireID()))
        }
    }

    func export(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(
            req, courseID: req.parameters.get("courseID", as: UUID.self))
        guard let format = QuestionFileFormat(rawValue: req.query[String.self, at: "format"] ?? "") else {
            throw AppError(
                .badRequest, "invalid_parameter", LocalizableMessage("quizpage.export.formatUnknown"), field: "format")
        }
        let category = req.query[String.self, at: "category"]
        return try await BankExport.response(
            courseID: course.requireID(), courseTitle: course.title, category: category, format: format, on: req.db)
    }

    /// Deleting a question that an attempt uses is refused: the attempt would lose its
    /// grade for that question (Core counts a missing question as 0 but keeps its marks)
    /// and its review would lose the question text. Unused questions go at once.
    func delete(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(
            req, courseID: req.parameters.get("courseID", as: UUID.self))
        let courseID = try course.requireID()
        guard let questionID = req.parameters.get("questionID", as: UUID.self),
            let question = try await BankQuestion.find(questionID, on: req.db), question.$course.id == courseID
        else { throw AppError.notFound() }
        let uses = try await Self.attemptsUsing(questionID, courseID: courseID, on: req.db)
        guard uses == 0 else {
            throw AppError.conflict(
                "question_in_use", LocalizableMessage("quizpage.bank.inUse", [question.name, String(uses)]))
        }
        try await question.delete(on: req.db)
        Flash.set(req, req.t("quizpage.bank.deleted", question.name))
        return req.redirect(to: Paths.questionBank(courseID))
    }

    /// How many attempts at the course's quizzes hold the question. An attempt stores its
    /// questions' ids in its state, so a text search over that course's attempts finds them.
    static func attemptsUsing(_ questionID: UUID, courseID: UUID, on db: any Database) async throws -> Int {
        let sql = try db.sql()
        struct Count: Decodable { let n: Int }
        return try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id
            WHERE q.course_id = \(bind: courseID) AND a.state LIKE \(bind: "%\"" + questionID.uuidString + "\"%")
            """
        ).first(decoding: Count.self)?.n ?? 0
    }

    private func render(
        _ req: Request, course: Course, issues: [QuestionImportIssue], format: QuestionFileFormat?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let courseID = try course.requireID()
        let category = req.query[String.self, at: "category"].flatMap { $0.isEmpty ? nil : $0 }
        let kind = req.query[String.self, at: "type"].flatMap(QuestionKind.init(rawValue:))
        let paging = PageRequest.from(req, defaultPer: 50)
        var query = BankQuestion.query(on: req.db).filter(\.$course.$id == courseID)
        if let category { query = query.filter(\.$category == category) }
        if let kind { query = query.filter(\.$kind == kind.rawValue) }
        let total = try await query.count()
        let rows = try await query.sort(\.$category).sort(\.$position).range(paging.range).all()
        let categories = try await Self.categories(courseID: courseID, on: req.db)
        let quizzes = try await Quiz.query(on: req.db).filter(\.$course.$id == courseID).sort(\.$title).all()
        var filterQuery: [String: String] = [:]
        if let category { filterQuery["category"] = category }
        if let kind { filterQuery["type"] = kind.rawValue }
        let downloads = QuestionFileFormat.allCases.map { format in
            var items = [URLQueryItem(name: "format", value: format.rawValue)]
            if let category { items.append(URLQueryItem(name: "category", value: category)) }
            var components = URLComponents()
            components.path = Paths.questionExport(courseID)
            components.queryItems = items
            return BankPage.Download(
                label: req.t("quizpage.export." + format.rawValue), href: components.string ?? components.path)
        }
        let page = BankPage(
            layout: try await Layout.make(req, title: req.t("quizpage.bank.title")), courseTitle: course.title,
            courseHref: Paths.course(courseID), bankHref: Paths.questionBank(courseID),
            importAction: Paths.questionImport(courseID),
            formats: QuestionFileFormat.allCases.map {
                Option(value: $0.rawValue, label: req.t("quizpage.format." + $0.rawValue), selected: $0 == format)
            },
            issues: issues.map { BankPage.Issue(place: $0.place(req), message: req.t($0.message)) },
            // "" (no category) would read as "all categories" in the filter, so it is not offered.
            categories: categories.filter { !$0.isEmpty }.map { name in
                Option(value: name, label: name, selected: name == category)
            },
            types: QuestionKind.allCases.map {
                Option(value: $0.rawValue, label: req.t($0.labelKey), selected: $0 == kind)
            },
            rows: try rows.map { row in
                BankPage.Row(
                    name: row.name, category: row.category,
                    type: req.t((QuestionKind(rawValue: row.kind) ?? .description).labelKey),
                    deleteAction: Paths.questionDelete(courseID, try row.requireID()))
            },
            total: total,
            pager: Pager(
                paging: paging, total: total, path: Paths.questionBank(courseID), query: filterQuery, request: req),
            downloads: downloads,
            quizzes: try quizzes.map { quiz in
                let id = try quiz.requireID()
                return BankPage.QuizRow(
                    title: quiz.title, href: Paths.quiz(id), editHref: Paths.quizEdit(id),
                    resultsHref: Paths.quizResults(id))
            },
            newQuizHref: Paths.quizNew(courseID))
        return try await req.renderPage("elearning/quiz/bank", page, status: status)
    }

    /// The bank's categories, each once, in order.
    static func categories(courseID: UUID, on db: any Database) async throws -> [String] {
        let sql = try db.sql()
        struct Row: Decodable { let category: String }
        return try await sql.raw(
            """
            SELECT DISTINCT category FROM question_bank WHERE course_id = \(bind: courseID) ORDER BY category
            """
        ).all(decoding: Row.self).map(\.category)
    }
}
