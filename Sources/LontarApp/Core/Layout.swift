import Vapor

/// What every page shares: title, language, the signed-in person, the menu, the CSRF token.
struct Layout: Encodable {
    struct NavItem: Encodable {
        let href: String
        let label: String
        let current: Bool
    }

    let title: String
    let lang: String
    let otherLang: String
    let userName: String?
    /// The first few menu items, always in view; the rest (`more`) fold under "Lainnya", so
    /// the menu stays one line on a phone whatever roles someone holds.
    let nav: [NavItem]
    let more: [NavItem]
    let moreCurrent: Bool
    let csrf: String
    let flash: Flash.Message?
    let path: String
    /// Whose offline records this page's script keeps (`OfflineLearner`; empty for accounts
    /// without an employee record), so records made on a shared phone are never sent under
    /// someone else.
    let learner: String

    /// `anonymousForm`: the page posts a form before anyone signs in (the sign-in page), so it
    /// needs a session for the CSRF token; other anonymous pages (a certificate check) do not.
    static func make(_ request: Request, title: String, anonymousForm: Bool = false) async throws -> Layout {
        let principal = request.principal
        let items = navigation(for: principal, request: request)
        let more = Array(items.dropFirst(primaryItems))
        return Layout(
            title: title,
            lang: request.language.rawValue,
            otherLang: request.language == .id ? "en" : "id",
            userName: principal?.displayName,
            nav: Array(items.prefix(primaryItems)), more: more, moreCurrent: more.contains(where: \.current),
            csrf: request.hasSession || principal != nil || anonymousForm ? CSRFMiddleware.token(for: request) : "",
            flash: request.hasSession ? Flash.take(request) : nil,
            // Where the language switch returns: a re-rendered POST has no page at its address.
            path: request.method == .GET ? request.url.path + (request.url.query.map { "?" + $0 } ?? "") : Paths.home,
            learner: OfflineLearner.key(for: principal?.employeeID)
        )
    }

    /// Three fit a 360-pixel phone in Indonesian beside "Lainnya".
    static let primaryItems = 3

    private static func navigation(for principal: Principal?, request: Request) -> [NavItem] {
        guard let principal else { return [] }
        var items: [(String, String)] = [(Paths.home, "nav.home"), (Paths.catalogue, "nav.catalogue")]
        // Learners take courses; BKPPD, operators, facilitators and partners write them.
        if principal.employeeID != nil || principal.isAdmin || principal.isOperator || principal.has(.facilitator)
            || principal.has(.partner)
        {
            items.append((Paths.courses, "course.nav"))
        }
        if principal.employeeID != nil {
            items.append((Paths.myTraining, "nav.myTraining"))
            items.append((Paths.learningHours, "nav.learningHours"))
            items.append((Paths.mySurveys, "survey.nav.mine"))
        }
        if principal.isAdmin || principal.isOperator || principal.has(.facilitator) {
            items.append((Paths.surveys, "survey.nav.list"))
        }
        if principal.isAdmin { items.append((Paths.evaluationComparison, "evalreport.nav.comparison")) }
        if principal.has(.supervisor) { items.append((Paths.staffEvaluation, "evaluation.nav.staff")) }
        if principal.has(.supervisor) || principal.isOperator || principal.isAdmin {
            items.append((Paths.approvals, "nav.approvals"))
        }
        if principal.isAdmin || principal.isOperator || principal.has(.supervisor) {
            items.append((Paths.employees, "nav.employees"))
        }
        if principal.isAdmin {
            items.append((Paths.learningHoursCity, "nav.cityJP"))
        } else if principal.isOperator {
            items.append((Paths.learningHoursAgency, "nav.agencyJP"))
        }
        if principal.isAdmin || principal.isOperator {
            items.append((Paths.agencies, "nav.agencies"))
            items.append((Paths.positions, "nav.positions"))
        }
        if principal.isAdmin {
            items.append((Paths.accounts, "nav.accounts"))
            items.append((Paths.audit, "nav.audit"))
        }
        // Read notices stay reachable: the home page only points at unread ones.
        items.append((Paths.notifications, "catalogue.notifications.title"))
        if principal.employeeID != nil { items.append((Paths.profile, "nav.profile")) }
        let path = request.url.path
        return items.map { href, key in
            NavItem(
                href: href, label: request.t(key),
                current: href == "/" ? path == "/" : (path == href || path.hasPrefix(href + "/")))
        }
    }
}

/// A one-time message shown on the next page (after a redirect), kept in the session.
enum Flash {
    struct Message: Encodable {
        let text: String
        /// What was asked was not done (closed, already answered…): shown as a warning, not as
        /// the green of something that went well.
        let warning: Bool
    }

    static func set(_ request: Request, _ text: String) {
        request.session.data["flash"] = text
        request.session.data["flash_warning"] = nil
    }

    static func warn(_ request: Request, _ text: String) {
        request.session.data["flash"] = text
        request.session.data["flash_warning"] = "1"
    }

    static func take(_ request: Request) -> Message? {
        guard let text = request.session.data["flash"] else { return nil }
        let warning = request.session.data["flash_warning"] != nil
        request.session.data["flash"] = nil
        request.session.data["flash_warning"] = nil
        return Message(text: text, warning: warning)
    }
}

extension Request {
    /// Renders a page model with its template; pages never see Fluent models.
    func renderPage(
        _ template: String, _ page: some Encodable, status: HTTPResponseStatus = .ok
    ) async throws
        -> Response
    {
        let view = try await self.view.render(template, page)
        let response = try await view.encodeResponse(status: status, for: self)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
