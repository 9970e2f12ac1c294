import Fluent
import LontarCore
import Vapor

/// A course's files: the authors' list and upload, and the download for authors and learners.
struct CourseFileController: RouteCollection {
    /// Above the 50 MB file limit, for the multipart framing and the form's token.
    static let maxUpload: ByteCount = "51mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(CourseRouting.pattern(Paths.courseFiles, CourseRouting.course), use: list)
        routes.on(
            .POST, CourseRouting.pattern(Paths.courseFiles, CourseRouting.course),
            body: .collect(maxSize: Self.maxUpload), use: upload)
        routes.get(CourseRouting.pattern(Paths.courseFile, CourseRouting.file), use: download)
    }

    func list(req: Request) async throws -> Response {
        let (course, _, _) = try await CourseAccess.requireAuthor(req, courseID: CourseRouting.courseID(req))
        return try await render(req, course, error: nil)
    }

    struct Upload: Content {
        var file: File?
    }

    func upload(req: Request) async throws -> Response {
        let (course, _, principal) = try await CourseAccess.requireAuthor(req, courseID: CourseRouting.courseID(req))
        let courseID = try course.requireID()
        let upload = try req.content.decode(Upload.self)
        let bytes = upload.file.map { Array(buffer: $0.data) } ?? []
        let kind: FileStore.Kind
        switch FileStore.check(bytes, limit: req.application.courseFileLimit) {
        case .failure(let message):
            return try await render(req, course, error: req.t(message), status: .unprocessableEntity)
        case .success(let found): kind = found
        }
        let sha256 = FileStore.checksum(bytes)
        let name = FileStore.displayName(upload.file?.filename ?? "", kind: kind)
        if let existing = try await CourseFile.query(on: req.db).filter(\.$course.$id == courseID)
            .filter(\.$sha256 == sha256).first()
        {
            Flash.set(req, req.t("course.file.duplicate", existing.fileName))
            return req.redirect(to: Paths.courseFiles(courseID))
        }
        try await FileStore.write(bytes, sha256: sha256, request: req)
        let file = CourseFile()
        file.$course.id = courseID
        file.fileName = name
        file.contentType = kind.contentType
        file.size = bytes.count
        file.sha256 = sha256
        file.uploadedBy = principal.userID
        file.createdAt = req.now
        try await file.create(on: req.db)
        Flash.set(req, req.t("course.file.uploaded", name))
        return req.redirect(to: Paths.courseFiles(courseID))
    }

    /// The course's authors, and learners enrolled in the published course when a published
    /// lesson uses the file; to anyone else it does not exist. The content never changes
    /// under its checksum, so browsers (and the offline copy) keep it for a year.
    func download(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let file = try await CourseFile.find(try CourseRouting.id(req, CourseRouting.file), on: req.db),
            let course = try await Course.find(file.$course.id, on: req.db),
            let programme = try await Programme.find(course.$programme.id, on: req.db)
        else { throw AppError.notFound() }
        guard try await mayDownload(file, course: course, programme: programme, principal, on: req.db) else {
            throw AppError.notFound()
        }
        let etag = "\"\(file.sha256)\""
        if Self.matches(req.headers.first(name: .ifNoneMatch), etag: etag) {
            let response = Response(status: .notModified)
            Self.cacheHeaders(response, etag: etag)
            return response
        }
        let response = try await FileStore.response(
            req, sha256: file.sha256, contentType: file.contentType, name: file.fileName)
        Self.cacheHeaders(response, etag: etag)
        return response
    }

    private static func cacheHeaders(_ response: Response, etag: String) {
        response.headers.replaceOrAdd(name: .eTag, value: etag)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=31536000, immutable")
    }

    /// `If-None-Match` may list several tags, weak ones too, or `*`.
    static func matches(_ header: String?, etag: String) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { item in
            let tag = item.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    private func mayDownload(
        _ file: CourseFile, course: Course, programme: Programme, _ principal: Principal, on db: any Database
    ) async throws -> Bool {
        if try await CourseAccess.canAuthor(course, programme: programme, principal, on: db) { return true }
        guard CourseStatus.opensToEnrolled(course.status),
            try await CourseEnrolments.current(course, employeeID: principal.employeeID, on: db) != nil
        else { return false }
        return try await Lesson.query(on: db).filter(\.$file.$id == file.requireID()).filter(\.$published == true)
            .first() != nil
    }

    private func render(
        _ req: Request, _ course: Course, error: String?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let courseID = try course.requireID()
        let files = try await CourseFile.query(on: req.db).filter(\.$course.$id == courseID).sort(
            \.$createdAt, .descending
        )
        .all()
        let lessons = try await Lesson.query(on: req.db).filter(\.$course.$id == courseID).filter(\.$file.$id != nil)
            .all()
        let usedBy = Dictionary(grouping: lessons.filter { $0.$file.id != nil }, by: { $0.$file.id! })
        let rows = files.map { file in
            CourseFilesPage.Row(
                name: file.fileName, href: Paths.courseFile(file.id!),
                type: FileStore.Kind(contentType: file.contentType)?.label ?? "",
                size: FileStore.size(file.size, language: req.language),
                uploaded: CityTime.format(file.createdAt),
                usedBy: (usedBy[file.id!] ?? []).map(\.title))
        }
        let page = CourseFilesPage(
            layout: try await Layout.make(req, title: req.t("course.files.title", course.title)),
            editHref: Paths.courseEdit(courseID), action: Paths.courseFiles(courseID),
            maxSize: FileStore.limitText(req.application.courseFileLimit), rows: rows,
            error: error)
        return try await req.renderPage("elearning/courses/files", page, status: status)
    }
}
