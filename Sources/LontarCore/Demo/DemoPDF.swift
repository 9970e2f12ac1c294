/// A one-page PDF written by hand, so the demo course has a real file lesson without
/// shipping a binary: a title and a few lines in Helvetica, with a correct cross-reference
/// table so that every viewer opens it without repairing it.
public enum DemoPDF {
    /// The summary sheet of the ethics course's file lesson.
    public static let codeOfEthics = make(
        title: "Ringkasan Kode Etik ASN",
        lines: [
            "BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten,",
            "Harmonis, Loyal, Adaptif, Kolaboratif (UU 20/2023).",
            "Tolak gratifikasi; bila tak dapat ditolak, laporkan ke UPG",
            "atau KPK paling lambat 30 hari kerja.",
            "Layani sesuai standar pelayanan dan maklumat (UU 25/2009).",
            "BKPPD Kota Kupang",
        ])

    /// Text must be ASCII (the standard Helvetica encoding); other characters become "?".
    public static func make(title: String, lines: [String]) -> [UInt8] {
        var content = "BT /F1 16 Tf 56 790 Td (\(escape(title))) Tj /F1 11 Tf"
        for line in lines { content += " 0 -20 Td (\(escape(line))) Tj" }
        content += " ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        // Every entry is exactly 20 bytes, the line break included, as the format demands.
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += pad(offset) + " 00000 n \n" }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(output.utf8)
    }

    private static func pad(_ offset: Int) -> String {
        let digits = String(offset)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// A PDF string literal: backslash and parentheses escaped, anything not ASCII replaced.
    private static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "(", ")": result += "\\" + String(scalar)
            case " "..."~": result.unicodeScalars.append(scalar)
            default: result += "?"
            }
        }
        return result
    }
}
