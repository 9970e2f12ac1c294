import Foundation
import Testing

@testable import LontarCore

@Suite("Survey definitions, templates and answer checks")
struct SurveyDefinitionTests {
    @Test("every template is valid and the reaction survey covers the five aspects")
    func templates() {
        for template in SurveyTemplate.allCases { #expect(template.definition.validate().isEmpty) }
        let aspects = Set(SurveyTemplate.reaction.definition.items.map(\.aspect))
        #expect(aspects.isSuperset(of: ["materi", "fasilitator", "penyelenggaraan", "sarana", "keseluruhan"]))
        // Alumni and supervisors are asked the same measures, so their answers compare side by side.
        let alumni = Set(
            SurveyTemplate.behaviourAlumnus.definition.items.filter { $0.aspect == "penerapan" }.map(\.key))
        let supervisors = Set(
            SurveyTemplate.behaviourSupervisor.definition.items.filter { $0.aspect == "penerapan" }.map(\.key))
        #expect(!alumni.intersection(supervisors).isEmpty)
    }

    @Test("a definition with duplicate keys, a blank prompt or a one-option choice is refused")
    func invalidDefinition() {
        let bad = SurveyDefinition(sections: [
            SurveySection(
                title: "A",
                items: [
                    SurveyItem(key: "x", kind: .likert4, prompt: "Satu"),
                    SurveyItem(key: "x", kind: .text, prompt: "  "),
                    SurveyItem(key: "y", kind: .single, prompt: "Pilih", options: ["Ya"]),
                ])
        ])
        #expect(bad.validate() == [.duplicateKey("x"), .emptyPrompt("x"), .tooFewOptions("y")])
        #expect(SurveyDefinition(sections: []).validate() == [.noItems])
    }

    let survey = SurveyDefinition(sections: [
        SurveySection(
            title: "S",
            items: [
                SurveyItem(key: "l4", kind: .likert4, prompt: "a"),
                SurveyItem(key: "l5", kind: .likert5, prompt: "b", required: false),
                SurveyItem(key: "one", kind: .single, prompt: "c", options: ["A", "B"]),
                SurveyItem(key: "many", kind: .multiple, prompt: "d", options: ["A", "B", "C"], required: false),
                SurveyItem(key: "fac", kind: .facilitatorRating, prompt: "e"),
                SurveyItem(key: "free", kind: .text, prompt: "f", required: false),
            ])
    ])

    @Test("complete, well-formed answers pass")
    func goodAnswers() {
        let answers: [String: SurveyAnswer] = [
            "l4": .scale(4), "l5": .scale(5), "one": .choices([1]), "many": .choices([0, 2]),
            "fac": .ratings(["f1": 5, "f2": 3]), "free": .text("Bagus"),
        ]
        #expect(survey.check(answers, facilitators: ["f1", "f2"]).isEmpty)
    }

    @Test("missing required items, out-of-range points, wrong shapes and unknown keys are each named")
    func badAnswers() {
        let answers: [String: SurveyAnswer] = [
            "l4": .scale(5), "one": .choices([0, 1]), "many": .choices([3]), "fac": .ratings(["f9": 4]),
            "free": .scale(2), "extra": .text("?"),
        ]
        #expect(
            survey.check(answers, facilitators: ["f1"]) == [
                .unknownItem("extra"), .outOfRange("l4"), .outOfRange("one"), .outOfRange("many"),
                .outOfRange("fac"), .wrongShape("free"),
            ])
        #expect(
            survey.check(["l4": .scale(2), "one": .choices([])], facilitators: ["f1"]) == [
                .missing("one"), .missing("fac"),
            ])
    }

    @Test("a facilitator rating is not required of a course without facilitators; long text is refused")
    func edges() {
        #expect(survey.check(["l4": .scale(1), "one": .choices([0])], facilitators: []).isEmpty)
        let long = String(repeating: "a", count: SurveyDefinition.maximumTextLength + 1)
        #expect(survey.check(["l4": .scale(1), "one": .choices([0]), "free": .text(long)]) == [.tooLong("free")])
    }

    @Test("definitions and answers survive JSON as stored")
    func codable() throws {
        let data = try JSONEncoder().encode(SurveyTemplate.reaction.definition)
        #expect(try JSONDecoder().decode(SurveyDefinition.self, from: data) == SurveyTemplate.reaction.definition)
        let answer = SurveyAnswer.ratings(["f1": 4])
        #expect(try JSONDecoder().decode(SurveyAnswer.self, from: JSONEncoder().encode(answer)) == answer)
    }
}
