/// Samples of the types with extra fields Lontar ignores (units, response settings).
extension MoodleXMLSamples {
    static let matching = """
          <question type="matching">
            <name>
              <text>Pasangkan singkatan</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>Pasangkan singkatan dengan kepanjangannya.</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>3.0000000</defaultgrade>
            <penalty>0.3333333</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <shuffleanswers>true</shuffleanswers>
            <correctfeedback format="html">
              <text>Jawaban Anda benar.</text>
            </correctfeedback>
            <subquestion format="html">
              <text><![CDATA[<p>BKPPD</p>]]></text>
              <answer>
                <text>Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah</text>
              </answer>
            </subquestion>
            <subquestion format="html">
              <text><![CDATA[<p>OPD</p>]]></text>
              <answer>
                <text>Organisasi Perangkat Daerah</text>
              </answer>
            </subquestion>
            <subquestion format="html">
              <text></text>
              <answer>
                <text>Ombudsman Provinsi Daerah</text>
              </answer>
            </subquestion>
            <subquestion format="html">
              <text></text>
              <answer>
                <text></text>
              </answer>
            </subquestion>
          </question>
        """

    static let essay = """
          <question type="essay">
            <name>
              <text>Refleksi pelayanan</text>
            </name>
            <questiontext format="html">
              <text><![CDATA[<p>Ceritakan satu perbaikan layanan di unit Anda.</p>]]></text>
            </questiontext>
            <generalfeedback format="html">
              <text></text>
            </generalfeedback>
            <defaultgrade>10.0000000</defaultgrade>
            <penalty>0.0000000</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
            <responseformat>editor</responseformat>
            <responserequired>1</responserequired>
            <responsefieldlines>15</responsefieldlines>
            <minwordlimit></minwordlimit>
            <maxwordlimit></maxwordlimit>
            <attachments>0</attachments>
            <attachmentsrequired>0</attachmentsrequired>
            <maxbytes>0</maxbytes>
            <filetypeslist></filetypeslist>
            <graderinfo format="html">
              <text></text>
            </graderinfo>
            <responsetemplate format="html">
              <text></text>
            </responsetemplate>
          </question>
        """

    static let description = """
          <question type="description">
            <name>
              <text>Pengantar</text>
            </name>
            <questiontext format="markdown">
              <text>**Bagian B** berisi studi kasus.</text>
            </questiontext>
            <generalfeedback format="markdown">
              <text></text>
            </generalfeedback>
            <defaultgrade>0.0000000</defaultgrade>
            <penalty>0.0000000</penalty>
            <hidden>0</hidden>
            <idnumber></idnumber>
          </question>
        """
}
