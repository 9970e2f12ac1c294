/// Moodle's question XML format (`<quiz><question type="…">…`), for moving question banks
/// between Lontar and the Moodle/Totara sites partner universities run.
///
/// Supported: multichoice, truefalse, shortanswer, numerical, matching, essay, description
/// and the `category` entries that file the questions after them. Anything else is refused
/// with an issue, never half-imported. Issues name the question by its number — the count
/// of `<question>` elements in the file, 1-based, category entries not counted — or, for
/// XML that cannot be parsed, the parser's line.
public enum MoodleXML {
    /// The questions of a Moodle XML file, or every issue found in it (and then no questions).
    ///
    /// Texts are trimmed and an empty feedback, title or category means none, as in Moodle;
    /// answer numbering, shuffling, penalties and combined feedback are not read.
    public static func parse(_ data: [UInt8]) -> Result<[Question], ImportFailure> {
        MoodleXMLReader.read(data)
    }

    /// A UTF-8 Moodle XML file that Moodle imports and that `parse` reads back to the same
    /// questions — given texts without surrounding whitespace or characters XML forbids
    /// (control characters, which are dropped), and no empty feedback or category.
    public static func write(_ questions: [Question]) -> String {
        MoodleXMLWriter.write(questions)
    }

    public typealias ImportFailure = QuestionImportFailure
}
