import Vapor

extension Request {
    /// The offline download fetches every page of a course ahead of reading (`learn.js` sends
    /// `Purpose: prefetch`): a page that records "opened" should not record it for these, or
    /// saving a course would mark every lesson as read and move "continue".
    var isOfflinePrefetch: Bool {
        headers.first(name: "Purpose")?.lowercased() == "prefetch"
            || headers.first(name: "Sec-Purpose")?.lowercased().hasPrefix("prefetch") == true
    }
}
