import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

@Suite("Question bank page: import, export, delete, who may")
struct BankTests {
    static let moodleXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="category"><category><text>$course$/top/Kinerja</text></category></question>
          <question type="multichoice">
            <name><text>SKP</text></name>
            <questiontext format="html"><text><![CDATA[<p>SKP adalah singkatan dari &amp; untuk?</p>]]></text></questiontext>
            <single>true</single>
            <answer fraction="100"><text>Sasaran Kinerja Pegawai</text><feedback><text>Tepat.</text></feedback></answer>
            <answer fraction="0"><text>Surat Keputusan Pegawai</text></answer>
          </question>
          <question type="truefalse">
            <name><text>Apel</text></name>
            <questiontext format="moodle_auto_format"><text>Apel pagi wajib diikuti.</text></questiontext>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer>
          </question>
          <question type="essay">
            <name><text>Rencana</text></name>
            <questiontext format="plain_text"><text>Tulis rencana kerja Anda.</text></questiontext>
          </question>
        </quiz>
        """

    func importFile(
        _ browser: Browser, _ courseID: UUID, _ text: String, format: String, name: String = "soal.gift"
    ) async throws -> (status: HTTPResponseStatus, body: String) {
        try await browser.postForm(
            Paths.questionImport(courseID), fields: ["format": format], file: Array(text.utf8), filename: name,
            field: "file")
    }

    @Test("a GIFT file with every type imports through the page, listed by category with type and name")
    func importGIFTPage() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let author = try await world.author(app)
            let bom = "\u{FEFF}" + QuizWorld.everyType
            let result = try await importFile(author, world.courseID, bom, format: "gift")
            #expect(result.status == .seeOther)
            #expect(try await QuizWorld.questionCount(app, world.courseID) == 10)
            let page = try await author.get(Paths.questionBank(world.courseID))
            #expect(page.body.contains("10 soal diimpor."))
            #expect(page.body.contains("Nilai dasar"))
            #expect(page.body.contains("Menjodohkan"))
            #expect(page.body.contains("Keterangan"))
            let rows = try await BankQuestion.query(on: app.db).filter(\.$course.$id == world.courseID)
                .sort(\.$position).all()
            #expect(rows.map(\.position) == Array(1...10))
            #expect(rows.first?.category == "Etika")
            #expect(rows.last?.category == "Pelayanan")
            #expect(Set(rows.map(\.kind)) == Set(QuestionKind.allCases.map(\.rawValue)))
            // Filtering by category and type.
            let filtered = try await author.get(Paths.questionBank(world.courseID) + "?category=Etika&type=truefalse")
            #expect(filtered.body.contains("Kupang"))
            #expect(!filtered.body.contains("Singkatan"))
            // A second import goes after the first.
            _ = try await importFile(author, world.courseID, "::Tambahan:: Soal tambahan {T}", format: "gift")
            let last = try await BankQuestion.query(on: app.db).filter(\.$name == "Tambahan").first()
            #expect(last?.position == 11)
            #expect(last?.category == "")
        }
    }

    @Test("a Moodle XML file imports through the page; names come from titles, HTML is shown as text")
    func importMoodleXMLPage() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let author = try await world.author(app)
            let result = try await importFile(
                author, world.courseID, Self.moodleXML, format: "moodlexml", name: "a.xml")
            #expect(result.status == .seeOther)
            let rows = try await BankQuestion.query(on: app.db).sort(\.$position).all()
            #expect(rows.map(\.name) == ["SKP", "Apel", "Rencana"])
            #expect(rows.map(\.kind) == ["multichoice", "truefalse", "essay"])
            #expect(rows.allSatisfy { $0.category == "Kinerja" })
        }
    }

    @Test("a bad file imports nothing and lists every problem by line (GIFT) or question (XML)")
    func badFiles() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let author = try await world.author(app)
            let gift = """
                ::Baik:: Soal yang baik {T}

                ::Rusak:: Soal tanpa jawaban benar {~a ~b}

                ::Kurung:: Kurung tidak ditutup {=a ~b
                """
            let bad = try await importFile(author, world.courseID, gift, format: "gift")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Berkas tidak diimpor: 2 kesalahan"))
            #expect(bad.body.contains("Baris 3"))
            #expect(bad.body.contains("Baris 5"))
            #expect(try await QuizWorld.questionCount(app, world.courseID) == 0)

            let xml = Self.moodleXML.replacingOccurrences(of: "type=\"essay\"", with: "type=\"multianswer\"")
            let badXML = try await importFile(author, world.courseID, xml, format: "moodlexml")
            #expect(badXML.status == .unprocessableEntity)
            #expect(badXML.body.contains("Soal 3"))
            #expect(badXML.body.contains("multianswer"))
            #expect(try await QuizWorld.questionCount(app, world.courseID) == 0)

            let latin1: [UInt8] = Array("::Café:: Kopi {T}".utf8).map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 }
            let notUTF8 = try await author.postForm(
                Paths.questionImport(world.courseID), fields: ["format": "gift"], file: latin1, filename: "x.gift",
                field: "file")
            #expect(notUTF8.status == .unprocessableEntity)
            #expect(notUTF8.body.contains("UTF-8"))
            let noFormat = try await importFile(author, world.courseID, "::A:: a {T}", format: "docx")
            #expect(noFormat.status == .unprocessableEntity)
            let empty = try await importFile(author, world.courseID, "// hanya komentar\n", format: "gift")
            #expect(empty.body.contains("Berkas tidak berisi soal."))
            #expect(try await QuizWorld.questionCount(app, world.courseID) == 0)
        }
    }

    @Test("export then import into another course gives identical questions, in both formats")
    func roundTrip() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let author = try await world.author(app)
            _ = try await importFile(author, world.courseID, QuizWorld.everyType, format: "gift")
            _ = try await importFile(author, world.courseID, Self.moodleXML, format: "moodlexml")
            let (_, other) = try await ELearningFixtures.course(app, title: "Salinan", organiser: world.city.health)
            let otherID = try other.requireID()
            for format in ["gift", "moodlexml"] {
                let exported = try await author.get(Paths.questionExport(world.courseID) + "?format=\(format)")
                #expect(exported.status == .ok)
                #expect(exported.headers.first(name: .contentDisposition)?.contains("attachment") == true)
                #expect(
                    exported.headers.contentType?.subType == (format == "gift" ? "plain" : "xml"))
                try await BankQuestion.query(on: app.db).filter(\.$course.$id == otherID).delete()
                let back = try await importFile(author, otherID, exported.body, format: format)
                #expect(back.status == .seeOther)
                let original = try await BankExport.questions(courseID: world.courseID, category: nil, on: app.db)
                let copy = try await BankExport.questions(courseID: otherID, category: nil, on: app.db)
                #expect(copy == original, "\(format)")
                let names = { (id: UUID) in
                    try await BankQuestion.query(on: app.db).filter(\.$course.$id == id).sort(\.$category)
                        .sort(\.$position).all().map { [$0.name, $0.category, $0.kind] }
                }
                #expect(try await names(otherID) == names(world.courseID))
                let again = try await author.get(Paths.questionExport(otherID) + "?format=\(format)")
                #expect(again.body == exported.body)
            }
            // One category alone.
            let etika = try await author.get(Paths.questionExport(world.courseID) + "?format=gift&category=Etika")
            #expect(etika.body.contains("Nilai dasar"))
            #expect(!etika.body.contains("Singkatan"))
            #expect(try await author.get(Paths.questionExport(world.courseID) + "?format=pdf").status == .badRequest)
        }
    }

    @Test("a question used by an attempt cannot be deleted; an unused one can")
    func deleteKeepsAttemptsGradeable() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let rows = try await ELearningFixtures.bank(
                app, world.course, ELearningFixtures.gift("::A:: a {T}\n\n::B:: b {F}\n\n::C:: c {T}"))
            let quiz = try await ELearningFixtures.quiz(app, world.course)
            let author = try await world.author(app)
            let learner = try await world.learner(app)
            _ = try await learner.post(Paths.quizStart(quiz.requireID()), form: [:])
            let used = try await author.post(Paths.questionDelete(world.courseID, rows[0].requireID()), form: [:])
            #expect(used.status == .conflict)
            #expect(used.body.contains("1 percobaan"))
            #expect(try await QuizWorld.questionCount(app, world.courseID) == 3)
            let (_, other) = try await ELearningFixtures.course(app, title: "Lain", organiser: world.city.health)
            let extra = try await ELearningFixtures.bank(app, other, ELearningFixtures.gift("::D:: d {T}"))
            // A question of another course is not reachable through this course's address.
            let foreign = try await author.post(Paths.questionDelete(world.courseID, extra[0].requireID()), form: [:])
            #expect(foreign.status == .notFound)
            let unused = try await author.post(Paths.questionDelete(other.requireID(), extra[0].requireID()), form: [:])
            #expect(unused.status == .seeOther)
            #expect(try await BankQuestion.find(extra[0].requireID(), on: app.db) == nil)
        }
    }

    @Test("learners and other offices' operators cannot see, import, export or delete")
    func authorisation() async throws {
        try await withLontar { app in
            let world = try await QuizWorld.make(app)
            let rows = try await ELearningFixtures.bank(app, world.course, ELearningFixtures.gift("::A:: a {T}"))
            let learner = try await world.learner(app)
            let outsider = try await Fixtures.browser(app, as: world.city.educationOperator.nip)
            for browser in [learner, outsider] {
                #expect(try await browser.get(Paths.questionBank(world.courseID)).status == .forbidden)
                #expect(
                    try await browser.get(Paths.questionExport(world.courseID) + "?format=gift").status == .forbidden)
                let upload = try await importFile(browser, world.courseID, "::B:: b {T}", format: "gift")
                #expect(upload.status == .forbidden)
                let delete = try await browser.post(
                    Paths.questionDelete(world.courseID, rows[0].requireID()), form: [:])
                #expect(delete.status == .forbidden)
            }
            #expect(try await QuizWorld.questionCount(app, world.courseID) == 1)
            // Signed out: sent to sign in.
            let anonymous = Browser(app)
            #expect(try await anonymous.get(Paths.questionBank(world.courseID)).status == .seeOther)
        }
    }
}
