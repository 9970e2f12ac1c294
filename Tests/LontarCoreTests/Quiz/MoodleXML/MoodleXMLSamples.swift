/// Hand-written files shaped like real Moodle 4.x exports: comments before each question,
/// CDATA around HTML, percentages as fractions, `1.0000000`-style grades, the fields
/// Lontar ignores (penalty, hidden, idnumber, combined feedback, numbering) left in.
enum MoodleXMLSamples {
    static func quiz(_ body: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
            \(body)
            </quiz>
            """.utf8)
    }

    static let category = """
        <!-- question: 0  -->
          <question type="category">
            <category>
              <text>$course$/top/Bab 1 Etika ASN/Nilai Dasar</text>
            </category>
            <info format="moodle_auto_format">
              <text>Soal tentang nilai dasar BerAKHLAK.</text>
            </info>
            <idnumber></idnumber>
          </question>
        """

    static let multichoice = """
        <!-- question: 101  -->
          <question type="multichoice">
            <name>
              <text>Nilai dasar ASN</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>Apa kepanjangan huruf <b>A</b> pertama dalam <i>BerAKHLAK</i>?</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text><![CDATA[<p>BerAKHLAK: Berorientasi pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif.</p>]]></text>
            </generalfeedback>
            <defaultgrade>2.0000000</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <single>true</single>
            <shuffleanswers>true</shuffleanswers>
            <answernumbering>abc</answernumbering>
            <showstandardinstruction>0</showstandardinstruction>
            <correctfeedback format="html">
              <text>Jawaban Anda benar.</text>
            </correctfeedback>
            <partiallycorrectfeedback format="html">
              <text>Jawaban Anda sebagian benar.</text>
            </partiallycorrectfeedback>
            <incorrectfeedback format="html">
              <text>Jawaban Anda salah.</text>
            </incorrectfeedback>
            <shownumcorrect/>
            <answer fraction="100" format="html">
              <text><![CDATA[<p>Akuntabel</p>]]></text>
              <feedback format="html">
                <text><![CDATA[<p>Tepat &amp; lengkap.</p>]]></text>
              </feedback>
            </answer>
            <answer fraction="0" format="html">
              <text><![CDATA[<p>Amanah</p>]]></text>
              <feedback format="html">
                <text></text>
              </feedback>
            </answer>
            <answer fraction="-33.33333" format="html">
              <text>Adil &amp; Makmur</text>
              <feedback format="html">
                <text>Bukan &lt;nilai dasar&gt;.</text>
              </feedback>
            </answer>
          </question>
        """

    static let multichoiceMultiple = """
          <question type="multichoice">
            <name>
              <text>Kanal pengaduan</text>
            </name>
            <questiontext format="moodle_auto_format">
              <text>Pilih semua kanal pengaduan resmi Pemkot Kupang.</text>
            </questiontext>
            <generalfeedback format="moodle_auto_format">
              <text></text>
            </generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>0</hidden>
            <single>false</single>
            <shuffleanswers>1</shuffleanswers>
            <answernumbering>ABCD</answernumbering>
            <answer fraction="50" format="plain_text">
              <text>SP4N-LAPOR!</text>
            </answer>
            <answer fraction="50" format="plain_text">
              <text>Call center 112</text>
            </answer>
            <answer fraction="-100" format="plain_text">
              <text>Grup WhatsApp pribadi</text>
            </answer>
          </question>
        """

    static let trueFalse = """
        <!-- question: 102  -->
          <question type="truefalse">
            <name>
              <text>Ibu kota NTT</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>Kupang adalah ibu kota Provinsi Nusa Tenggara Timur.</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <penalty>1.0000000</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <answer fraction="100" format="moodle_auto_format">
              <text>true</text>
              <feedback format="html">
                <text><![CDATA[<p>Benar, sejak 1958.</p>]]></text>
              </feedback>
            </answer>
            <answer fraction="0" format="moodle_auto_format">
              <text>false</text>
              <feedback format="html">
                <text>Coba lagi.</text>
              </feedback>
            </answer>
          </question>
        """

    static let shortAnswer = """
          <question type="shortanswer">
            <name>
              <text>Singkatan SKP</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>Kepanjangan SKP adalah Sasaran Kinerja ...</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <usecase>0</usecase>
            <answer fraction="100" format="moodle_auto_format">
              <text>Pegawai</text>
              <feedback format="html">
                <text></text>
              </feedback>
            </answer>
            <answer fraction="50" format="moodle_auto_format">
              <text>Peg*</text>
              <feedback format="html">
                <text>Hampir; tulis lengkap.</text>
              </feedback>
            </answer>
          </question>
        """

    static let numerical = """
          <question type="numerical">
            <name>
              <text>JP minimal</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>Berapa JP pengembangan kompetensi minimal per tahun bagi PNS?</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>1.0000000</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <answer fraction="100" format="moodle_auto_format">
              <text>20</text>
              <feedback format="html">
                <text>Benar.</text>
              </feedback>
              <tolerance>0</tolerance>
            </answer>
            <answer fraction="33.33333" format="moodle_auto_format">
              <text>24</text>
              <feedback format="html">
                <text></text>
              </feedback>
              <tolerance>4</tolerance>
            </answer>
            <answer fraction="10" format="moodle_auto_format">
              <text>-1.5e1</text>
              <tolerance>0.25</tolerance>
            </answer>
            <units>
              <unit>
                <multiplier>1</multiplier>
                <unit_name>JP</unit_name>
              </unit>
            </units>
            <unitgradingtype>0</unitgradingtype>
            <unitpenalty>0.1000000</unitpenalty>
            <showunits>3</showunits>
            <unitsleft>0</unitsleft>
          </question>
        """
}
