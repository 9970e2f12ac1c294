import Fluent
import Foundation
import LontarCore
import Vapor

struct BankQuestionDTO: Content {
    let id: UUID
    let name: String
    let category: String
    /// `QuestionKind`: multichoice, truefalse, shortanswer, numerical, matching, essay, description.
    let type: String
}

/// One problem with an imported file: the GIFT line or the Moodle XML question number.
struct ImportIssueDTO: Content {
    let line: Int?
    let question: Int?
    let message: String
}

struct ImportResultDTO: Content {
    let imported: Int
    let errors: [ImportIssueDTO]
}

/// `/api/v1/courses/{courseID}/questions`: the bank for the course's authors, with the same
/// import and export services as the bank page.
struct QuestionBankAPI {
    func register(_ api: any RoutesBuilder) {
        let questions = api.grouped("courses", ":courseID", "questions")
        questions.get(use: list)
        questions.on(.POST, "import", body: .collect(maxSize: BankController.maxUpload), use: importFile)
        questions.get("export", use: export)
    }

    private func course(_ req: Request) async throws -> Course {
        let (course, _, _) = try await CourseAccess.requireAuthor(
            req, courseID: req.parameters.get("courseID", as: UUID.self))
        return course
    }

    /// The `format` query parameter; anything else is a 400 naming it.
    static func format(_ req: Request) throws -> QuestionFileFormat {
        guard let format = QuestionFileFormat(rawValue: req.query[String.self, at: "format"] ?? "") else {
            throw AppError(
                .badRequest, "invalid_parameter", LocalizableMessage("quizpage.export.formatUnknown"), field: "format")
        }
        return format
    }

    func list(req: Request) async throws -> ListEnvelope<BankQuestionDTO> {
        let courseID = try await course(req).requireID()
        let paging = PageRequest.from(req, defaultPer: 50)
        var query = BankQuestion.query(on: req.db).filter(\.$course.$id == courseID)
        if let category = req.query[String.self, at: "category"] { query = query.filter(\.$category == category) }
        if let type = req.query[String.self, at: "type"], !type.isEmpty { query = query.filter(\.$kind == type) }
        let total = try await query.count()
        let rows = try await query.sort(\.$category).sort(\.$position).range(paging.range).all()
        return ListEnvelope(
            items: try rows.map {
                BankQuestionDTO(id: try $0.requireID(), name: $0.name, category: $0.category, type: $0.kind)
            }, total: total, page: paging.page, per: paging.per)
    }

    func importFile(req: Request) async throws -> Response {
        let courseID = try await course(req).requireID()
        let format = try Self.format(req)
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        let response = Response()
        switch try await BankImport.run(bytes, format: format, courseID: courseID, now: req.now, on: req.db) {
        case .imported(let count):
            try response.content.encode(ImportResultDTO(imported: count, errors: []))
        case .refused(let issues):
            response.status = .unprocessableEntity
            try response.content.encode(
                ImportResultDTO(
                    imported: 0,
                    errors: issues.map {
                        ImportIssueDTO(
                            line: $0.question == nil ? $0.line : nil, question: $0.question, message: req.t($0.message))
                    }))
        }
        return response
    }

    func export(req: Request) async throws -> Response {
        let course = try await course(req)
        let category = req.query[String.self, at: "category"]
        return try await BankExport.response(
            courseID: course.requireID(), courseTitle: course.title, category: category, format: try Self.format(req),
            on: req.db)
    }
}
