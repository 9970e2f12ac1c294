import Fluent
import Foundation
import LontarCore
import Vapor

struct SurveyDTO: Content {
    let id: UUID
    let programId: UUID
    let classId: UUID?
    let level: String
    let title: String
    let anonymous: Bool
    let status: String
    let closesOn: String?
    let definition: SurveyDefinitionDTO?
}

struct SurveyDefinitionDTO: Content {
    struct Item: Content {
        let key: String
        let kind: String
        let prompt: String
        let options: [String]
        let required: Bool
        let aspect: String
    }
    struct Section: Content {
        let title: String
        let items: [Item]
    }
    let sections: [Section]

    init(_ definition: SurveyDefinition) {
        sections = definition.sections.map { section in
            Section(
                title: section.title,
                items: section.items.map {
                    Item(
                        key: $0.key, kind: $0.kind.rawValue, prompt: $0.prompt, options: $0.options,
                        required: $0.required, aspect: $0.aspect)
                })
        }
    }
}

/// One answer as JSON: a number (scale point, or option index for a single choice), a list
/// of option indexes, a text, or `{facilitatorId: rating}`.
enum SurveyAnswerJSON: Codable, Sendable {
    case number(Int)
    case numbers([Int])
    case text(String)
    case ratings([String: Int])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .number(value)
        } else if let value = try? container.decode([Int].self) {
            self = .numbers(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else {
            self = .ratings(try container.decode([String: Int].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .numbers(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .ratings(let value): try container.encode(value)
        }
    }

    /// The Core answer for an item of `kind`; a shape that does not fit is left for `check` to refuse.
    func answer(for kind: SurveyItemKind) -> SurveyAnswer {
        switch (kind, self) {
        case (.single, .number(let value)): .choices([value])
        case (_, .number(let value)): .scale(value)
        case (_, .numbers(let values)): .choices(values)
        case (_, .text(let value)): .text(value)
        case (_, .ratings(let value)): .ratings(value)
        }
    }
}

struct SurveyResponseDTO: Content {
    struct Answer: Content {
        let item: String
        let scale: Int?
        let choice: Int?
        let facilitatorId: UUID?
        let text: String?
    }
    let id: UUID
    let classId: UUID?
    /// Only for named surveys; an anonymous response has no person and no day here.
    let respondentNip: String?
    let submittedOn: String?
    let answers: [Answer]
}

/// `/api/v1/surveys`: the same rules as the pages.
struct SurveyAPIController: RouteCollection {
    struct AnswerBody: Content {
        var answers: [String: SurveyAnswerJSON]
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "surveys")
        api.get(use: list)
        api.get(":\(SurveyAccess.parameter)", use: get)
        api.post(":\(SurveyAccess.parameter)", "responses", use: answer)
        api.get(":\(SurveyAccess.parameter)", "responses", use: responses)
    }

    func list(req: Request) async throws -> ListEnvelope<SurveyDTO> {
        let principal = try req.requirePrincipal()
        guard principal.isAdmin || principal.isOperator else { throw AppError.forbidden() }
        let paging = PageRequest.from(req)
        // The id breaks ties, so paging neither repeats nor skips surveys made in the same instant.
        let query = Survey.query(on: req.db).join(Programme.self, on: \Survey.$programme.$id == \Programme.$id)
            .sort(\.$createdAt, .descending).sort(\.$id)
        if let text = req.query[String.self, at: "programId"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else {
                throw AppError.invalid("programId", LocalizableMessage("survey.api.error.programId"))
            }
            query.filter(\.$programme.$id == id)
        }
        if !principal.isAdmin, let agency = principal.operatorAgencyID {
            query.filter(Programme.self, \.$organiserAgency.$id == agency)
        }
        let total = try await query.count()
        let surveys = try await query.range(paging.offset..<(paging.offset + paging.per)).all()
        return ListEnvelope(
            items: try surveys.map { try Self.dto($0, definition: nil) }, total: total, page: paging.page,
            per: paging.per)
    }

    /// The definition: for its managers, and for the people invited to answer it.
    func get(req: Request) async throws -> SurveyDTO {
        let principal = try req.requirePrincipal()
        let loaded = try await SurveyAccess.load(req)
        if !TrainingAccess.canManage(loaded.programme, principal) {
            guard let employeeID = principal.employeeID,
                try await SurveyInvitation.query(on: req.db).filter(\.$survey.$id == loaded.id)
                    .filter(\.$employee.$id == employeeID).first() != nil
            else { throw AppError.forbidden() }
        }
        return try Self.dto(loaded.survey, definition: loaded.definition)
    }

    func answer(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let loaded = try await SurveyAccess.load(req)
        let context = try await SurveyAnswering.context(loaded, principal: principal, request: req)
        let body = try req.content.decode(AnswerBody.self)
        let kinds = Dictionary(context.definition.items.map { ($0.key, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var answers: [String: SurveyAnswer] = [:]
        for (key, value) in body.answers { answers[key] = value.answer(for: kinds[key] ?? .text) }
        if let problem = context.definition.check(answers, facilitators: context.facilitatorKeys).first {
            let (key, _) = SurveyAnswering.message(problem, req)
            let message: LocalizableMessage =
                switch problem {
                case .missing: LocalizableMessage("survey.answer.error.missing")
                case .tooLong:
                    LocalizableMessage(
                        "survey.answer.error.tooLong", [String(SurveyDefinition.maximumTextLength)])
                case .unknownItem: LocalizableMessage("survey.answer.error.unknown", [key])
                default: LocalizableMessage("survey.answer.error.invalid")
                }
            throw AppError.invalid("answers.\(key)", message)
        }
        try await SurveyAnswering.store(loaded, context: context, answers: answers, request: req)
        return Response(status: .created)
    }

    /// Managers only. Anonymous surveys: no person, no day, and nothing under the threshold.
    func responses(req: Request) async throws -> ListEnvelope<SurveyResponseDTO> {
        let (loaded, _) = try await SurveyAccess.requireManager(req)
        let paging = PageRequest.from(req)
        let total = try await SurveyResponse.query(on: req.db).filter(\.$survey.$id == loaded.id).count()
        guard AnonymityRule.mayShow(responses: total, anonymous: loaded.survey.anonymous) else {
            return ListEnvelope(items: [], total: total, page: paging.page, per: paging.per)
        }
        let query = SurveyResponse.query(on: req.db).filter(\.$survey.$id == loaded.id).sort(\.$id)
        if !loaded.survey.anonymous { query.with(\.$respondent) }
        let page = try await query.range(paging.offset..<(paging.offset + paging.per)).all()
        let ids = page.compactMap(\.id)
        let rows = ids.isEmpty ? [] : try await SurveyAnswerRow.query(on: req.db).filter(\.$response.$id ~~ ids).all()
        let byResponse = Dictionary(grouping: rows, by: { $0.$response.id })
        let items = try page.map { response in
            let id = try response.requireID()
            return SurveyResponseDTO(
                // A class of an anonymous survey may hold a single answer: no class is named.
                id: id, classId: loaded.survey.anonymous ? nil : response.$trainingClass.id,
                respondentNip: loaded.survey.anonymous ? nil : response.respondent?.nip,
                submittedOn: loaded.survey.anonymous ? nil : response.submittedOn,
                answers: (byResponse[id] ?? []).map {
                    .init(
                        item: $0.itemKey, scale: $0.scale, choice: $0.choice, facilitatorId: $0.facilitatorID,
                        text: $0.text)
                })
        }
        return ListEnvelope(items: items, total: total, page: paging.page, per: paging.per)
    }

    static func dto(_ survey: Survey, definition: SurveyDefinition?) throws -> SurveyDTO {
        SurveyDTO(
            id: try survey.requireID(), programId: survey.$programme.id, classId: survey.$trainingClass.id,
            level: survey.level, title: survey.title, anonymous: survey.anonymous, status: survey.status,
            closesOn: survey.closesOn, definition: definition.map(SurveyDefinitionDTO.init))
    }
}
