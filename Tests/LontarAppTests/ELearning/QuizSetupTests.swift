import Fluent
import Foundation
import LontarCore
import Testing
import VaporTesting

@testable import LontarApp

/// A course organised by the health office with two enrolled learners (staff of health and
/// a teacher), its operator as author, and the other office's operator as an outsider.
struct QuizWorld {
    let city: Fixtures.City
    let programme: Programme
    let course: Course
    var courseID: UUID { course.id! }

    static func make(_ app: Application, enrol: Bool = true) async throws -> QuizWorld {
        let city = try await Fixtures.city(app)
        let (programme, course) = try await ELearningFixtures.course(app, organiser: city.health)
        if enrol {
            for learner in [city.staff, city.teacher] {
                try await CourseEnrolments.enrol(
                    employeeID: learner.requireID(), in: course, assignedBy: nil, now: app.clock.now(), on: app.db)
            }
        }
        return QuizWorld(city: city, programme: programme, course: course)
    }

    func author(_ app: Application) async throws -> Browser {
        try await Fixtures.browser(app, as: city.healthOperator.nip)
    }

    func learner(_ app: Application) async throws -> Browser {
        try await Fixtures.browser(app, as: city.staff.nip)
    }

    /// A GIFT file with every question type and feature the bank keeps.
    static let everyType = """
        // Bank soal uji: satu soal untuk setiap jenis.
        $CATEGORY: $course$/top/Etika

        ::Nilai dasar:: Nilai dasar ASN disingkat {=BerAKHLAK#Tepat. ~Panca Prasetya#Itu janji KORPRI. ~Sapta Marga}

        ::Kupang:: Kupang adalah ibu kota Provinsi NTT. {T#Benar.#Jawabannya benar.####Kupang memang ibu kota NTT.}

        ::Nilai BerAKHLAK:: Manakah yang termasuk nilai BerAKHLAK? {
          ~%50%Akuntabel
          ~%50%Loyal
          ~%-100%Korup
        }

        $CATEGORY: $course$/top/Pelayanan

        ::Singkatan:: Singkatan aparatur sipil negara adalah {=ASN =A*N}

        ::JP:: Berapa JP minimal per tahun bagi PNS? {#20:0}

        ::Rentang:: Satu JP sama dengan berapa menit? {#40..50}

        ::Pasangan:: Jodohkan undang-undang dengan isinya. {
          =UU 20/2023 -> ASN
          =UU 25/2009 -> Pelayanan publik
          =PP 94/2021 -> Disiplin PNS
        }

        ::Uraian:: Jelaskan arti pelayanan prima menurut Anda. {}

        ::Catatan:: Bagian berikut tentang gratifikasi.

        ::Gratifikasi:: Gratifikasi wajib dilaporkan dalam {=30} hari kerja.
        """

    static func questionCount(_ app: Application, _ courseID: UUID) async throws -> Int {
        try await BankQuestion.query(on: app.db).filter(\.$course.$id == courseID).count()
    }
}

@Suite("Quiz attempt form: the no-JavaScript fields read as the offline script's responses")
struct QuizSetupTests {
    static let questions: [String: Question] = {
        let parsed = try! GIFT.parse(
            """
            ::A:: Pilih satu {=Ya ~Tidak}

            ::B:: Pilih beberapa {~%50%a ~%50%b ~%-100%c}

            ::C:: Benar? {T}

            ::D:: Kota {=Kupang}

            ::E:: Angka {#3.5}

            ::F:: Jodohkan {=a -> 1 =b -> 2 = -> 3}

            ::G:: Uraikan {}

            ::H:: Keterangan saja.
            """
        ).get()
        return Dictionary(uniqueKeysWithValues: zip(["a", "b", "c", "d", "e", "f", "g", "h"], parsed))
    }()

    @Test("each shape's inputs become the same QuestionResponse JSON the sync endpoint receives")
    func formReadsEveryShape() throws {
        let body =
            "_csrf=x&shown=a&q.a=1&shown=b&q.b=0&q.b=1&shown=c&q.c=false&shown=d&q.d=kupang+kota&shown=e&q.e=3%2C5"
            + "&shown=f&q.f.0=1&q.f.1=&shown=g&q.g=Pelayanan%0Aprima&shown=h&action=finish"
        let responses = AttemptForm.responses(FormFields(urlEncoded: body), questions: Self.questions)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json(_ id: String) throws -> String {
            String(decoding: try encoder.encode(try #require(responses[id])), as: UTF8.self)
        }
        #expect(try json("a") == #"{"choices":[1]}"#)
        #expect(try json("b") == #"{"choices":[0,1]}"#)
        #expect(try json("c") == #"{"boolean":false}"#)
        #expect(try json("d") == #"{"text":"kupang kota"}"#)
        #expect(try json("e") == #"{"number":"3,5"}"#)
        #expect(try json("f") == #"{"matches":{"0":"1"}}"#)
        #expect(try json("g") == #"{"essay":"Pelayanan\nprima"}"#)
        #expect(responses["h"] == nil)
    }

    @Test("unticked check boxes clear a choice; a question not in the form keeps its answer")
    func absentAndCleared() throws {
        let fields = FormFields(urlEncoded: "shown=b&shown=a&q.x=1")
        let responses = AttemptForm.responses(fields, questions: Self.questions)
        #expect(responses["b"] == .choices([]))
        #expect(responses["a"] == nil)  // radio buttons cannot be cleared
        #expect(responses["d"] == nil)
        // Out-of-range indexes are not choices.
        #expect(
            AttemptForm.responses(FormFields(urlEncoded: "q.a=7&q.a=abc"), questions: Self.questions)["a"] == nil)
    }

    @Test("only changed, non-blank answers become submissions, each with its own server-made id")
    func submissionsOnlyForChanges() throws {
        let state = AttemptState(
            number: 1, startedAt: Date(), deadline: nil,
            slots: ["a", "c", "d"].map { QuestionSlot(questionID: $0, mark: 1) },
            answers: [
                "a": SavedAnswer(
                    submission: AnswerSubmission(id: "old", questionID: "a", response: .choices([1])), savedAt: Date())
            ])
        var counter = 0
        let submissions = AttemptForm.submissions(
            ["a": .choices([1]), "c": .boolean(true), "d": .text(" ")], state: state,
            makeID: {
                counter += 1
                return "id-\(counter)"
            })
        #expect(submissions == [AnswerSubmission(id: "id-1", questionID: "c", response: .boolean(true))])
    }
}
