import Testing
@testable import LontarCore

/// Broken files: every kind of mistake is refused with its line and reason, all of them
/// at once, and never with some questions imported.
@Suite("GIFT issues")
struct GIFTIssueTests {
    typealias Problem = GIFTTesting.Problem

    @Test("braces: unclosed, closed without opening, a second block, nested")
    func braces() {
        #expect(GIFTTesting.problems("Soal {=a ~b") == [Problem(1, .braceUnclosed)])
        #expect(GIFTTesting.problems("Soal\n{=a\n~b") == [Problem(2, .braceUnclosed)])
        #expect(GIFTTesting.problems("Soal =a ~b}") == [Problem(1, .braceUnopened)])
        #expect(GIFTTesting.problems("Soal {T}\n{F}") == [Problem(2, .braceExtra)])
        #expect(GIFTTesting.problems("Soal {=a {~b}}") == [Problem(1, .braceExtra)])
        #expect(GIFTTesting.problems("Soal {T} lalu }") == [Problem(1, .braceUnopened)])
    }

    @Test("a title without its closing `::`")
    func title() {
        #expect(GIFTTesting.problems("::Judul tanpa penutup Soal {T}") == [Problem(1, .titleUnclosed)])
    }

    @Test("an empty question text, with or without a title")
    func emptyText() {
        #expect(GIFTTesting.problems("{=a ~b}") == [Problem(1, .textEmpty)])
        #expect(GIFTTesting.problems("::Judul saja::") == [Problem(1, .textEmpty)])
        #expect(GIFTTesting.problems("\n\n::Judul::[html] {T}") == [Problem(3, .textEmpty)])
    }

    @Test("an unknown text format, named in the message, on the line where it is written")
    func unknownFormat() {
        let issues = GIFTTesting.issues("[htm]Soal {T}")
        #expect(issues == [QuestionImportIssue(line: 1, message: .gift(.formatUnknown, ["htm"]))])
        #expect(GIFTTesting.problems("Soal {\n=[plain]a\n~[rtf]b\n}") == [Problem(3, .formatUnknown)])
        #expect(GIFTTesting.problems("Soal {T#[kaku]salah}") == [Problem(1, .formatUnknown)])
    }

    @Test("answers: empty, too few, none right")
    func answers() {
        #expect(GIFTTesting.problems("Soal {\n=a\n~\n}") == [Problem(3, .answerEmpty)])
        #expect(GIFTTesting.problems("Soal {=a ~#umpan balik saja}") == [Problem(1, .answerEmpty)])
        #expect(GIFTTesting.issues("Soal {~a}").map(\.message) == [.gift(.answerTooFew, ["2", "1"])])
        #expect(GIFTTesting.problems("Soal\ndua baris {~a ~b ~c}") == [Problem(1, .answerNoRight)])
        #expect(GIFTTesting.problems("Soal {~%-50%a ~b}") == [Problem(1, .answerNoRight)])
        #expect(GIFTTesting.problems("Soal {=%50%a ~b}") == [Problem(1, .answerNoRight)])
        #expect(GIFTTesting.problems("Isian {=%50%Kupang}") == [Problem(1, .answerNoRight)])
        #expect(GIFTTesting.problems("Isian {=}") == [Problem(1, .answerEmpty)])
    }

    @Test("weights: out of range, not a number, not adding up to 100%")
    func weights() {
        #expect(GIFTTesting.issues("Soal {=a ~%150%b}").map(\.message) == [.gift(.weightOutOfRange, ["150"])])
        #expect(GIFTTesting.problems("Soal {\n=a\n~%-101%b\n}") == [Problem(3, .weightOutOfRange)])
        #expect(GIFTTesting.issues("Soal {=a ~%1,5%b}").map(\.message) == [.gift(.weightInvalid, ["1,5"])])
        #expect(GIFTTesting.issues("Soal {~%50%a ~%40%b ~c}").map(\.message) == [.gift(.weightSum, ["90"])])
        #expect(GIFTTesting.issues("Soal {~%100%a ~%100%b}").map(\.message) == [.gift(.weightSum, ["200"])])
    }

    @Test("numerical: not a number, negative tolerance, reversed range, none at all, catch-all")
    func numerical() {
        #expect(GIFTTesting.issues("Pi? {#3,14}").map(\.message) == [.gift(.numberInvalid, ["3,14"])])
        #expect(GIFTTesting.problems("Pi? {#\n=3.14:0.01\n=%50%tiga\n}") == [Problem(3, .numberInvalid)])
        #expect(GIFTTesting.problems("Pi? {#3.14:}") == [Problem(1, .numberInvalid)])
        #expect(GIFTTesting.problems("Pi? {#nan}") == [Problem(1, .numberInvalid)])
        #expect(GIFTTesting.issues("Pi? {#3.14:-0.1}").map(\.message) == [.gift(.toleranceNegative, ["-0.1"])])
        #expect(GIFTTesting.issues("Antara? {#5..1}").map(\.message) == [.gift(.rangeReversed, ["5", "1"])])
        #expect(GIFTTesting.problems("Angka? {#}") == [Problem(1, .answerTooFew)])
        #expect(GIFTTesting.problems("Angka? {#\n=5\n~#Salah}") == [Problem(3, .numericalCatchAll)])
        #expect(GIFTTesting.problems("Angka? {#=%50%5 =%20%6}") == [Problem(1, .answerNoRight)])
    }

    @Test("matching: a pair without `->`, a prompt without an answer, too few pairs")
    func matching() {
        #expect(
            GIFTTesting.issues("Pasangkan {\n=a -> b\n=c d\n=e -> f\n}")
                == [QuestionImportIssue(line: 3, message: .gift(.matchingNoArrow, ["c d"]))])
        #expect(
            GIFTTesting.issues("Pasangkan {=a -> b =c -> =e -> f}").map(\.message) == [
                .gift(.matchingAnswerEmpty, ["c"])
            ])
        #expect(GIFTTesting.issues("Pasangkan {=a -> b}").map(\.message) == [.gift(.matchingTooFew, ["1"])])
        #expect(GIFTTesting.issues("Pasangkan {=a -> b = -> c}").map(\.message) == [.gift(.matchingTooFew, ["1"])])
    }

    @Test("every issue of a file is reported, in order, and no question is returned")
    func collectsAll() {
        let file = """
            // Bank rusak
            $CATEGORY: Latsar

            ::Q1:: Soal yang benar {T}

            ::Q2:: Kurung tak tertutup {=a ~b

            ::Q3:: Dua masalah {
            =a
            ~%200%b
            ~[xyz]c
            }

            ::Q4:: Tanpa jawaban benar {~a ~b}

            ::Q5:: Benar juga {F}

            ::Q6:: Angka {#abc}
            """
        #expect(
            GIFTTesting.problems(file) == [
                Problem(6, .braceUnclosed), Problem(10, .weightOutOfRange), Problem(11, .formatUnknown),
                Problem(14, .answerNoRight), Problem(18, .numberInvalid),
            ])
        guard case .failure = GIFT.parse(file) else {
            Issue.record("a broken file must not import")
            return
        }
    }

    @Test("a blank line inside a block splits it, and both halves are reported")
    func blankLineInsideBlock() {
        #expect(
            GIFTTesting.problems("Soal {\n=a\n\n~b\n}") == [Problem(1, .braceUnclosed), Problem(5, .braceUnopened)])
    }
}
