import Foundation
import Vapor

/// `page` (from 1) and `per` from the query string, clamped so nobody asks for a million rows.
struct PageRequest: Sendable {
    let page: Int
    let per: Int

    static func from(_ req: Request, defaultPer: Int = 25, maxPer: Int = 200) -> PageRequest {
        // Bounded above too: page × per must never overflow (a crafted page would trap).
        let page = min(max(1, req.query[Int.self, at: "page"] ?? 1), 1_000_000)
        let per = min(max(1, req.query[Int.self, at: "per"] ?? defaultPer), maxPer)
        return PageRequest(page: page, per: per)
    }

    var offset: Int { (page - 1) * per }
    var range: Range<Int> { offset..<(offset + per) }
}

/// The API's list envelope: `{"items": [...], "total": N, "page": P, "per": K}`.
struct ListEnvelope<Item: Content>: Content {
    let items: [Item]
    let total: Int
    let page: Int
    let per: Int
}

/// Links for a paged HTML list, keeping the current filters.
struct Pager: Encodable {
    let page: Int
    let pages: Int
    let total: Int
    let previous: String?
    let next: String?
    let summary: String

    init(paging: PageRequest, total: Int, path: String, query: [String: String], request: Request) {
        self.page = paging.page
        self.total = total
        pages = max(1, (total + paging.per - 1) / paging.per)
        func link(_ target: Int) -> String {
            var items = query.filter { !$0.value.isEmpty }.map { URLQueryItem(name: $0.key, value: $0.value) }
            items.append(URLQueryItem(name: "page", value: String(target)))
            var components = URLComponents()
            components.path = path
            components.queryItems = items.sorted { $0.name < $1.name }
            return components.string ?? path
        }
        previous = paging.page > 1 ? link(paging.page - 1) : nil
        next = paging.page < pages ? link(paging.page + 1) : nil
        summary = request.t("pager.summary", String(paging.page), String(pages), String(total))
    }
}
