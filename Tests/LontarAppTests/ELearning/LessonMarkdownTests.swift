import Foundation
import Testing

@testable import LontarApp

@Suite("Lesson Markdown: rendered on the server, safe against script injection")
struct LessonMarkdownTests {
    static func html(_ markdown: String) -> String { LessonMarkdown.html(markdown) }

    /// The real tags in the output (text shown as `&lt;…` is not a tag).
    static func tags(_ html: String) -> [String] {
        html.matches(of: /<[a-zA-Z][^>]*>/).map { String($0.output) }
    }

    /// What an attacker wants: a script tag, an event handler, or a script or data address in
    /// any attribute. None may appear in a real tag of any output.
    static func expectInert(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for tag in tags(html) {
            let lower = tag.lowercased()
            #expect(!lower.hasPrefix("<script"), "\(tag)", sourceLocation: sourceLocation)
            #expect(!lower.hasPrefix("<iframe"), "\(tag)", sourceLocation: sourceLocation)
            // Attribute names only: quoted values may legitimately hold the word "onerror" as alt text.
            let names = lower.replacing(/"[^"]*"/, with: "\"\"")
            #expect(names.firstMatch(of: /\son[a-z]+\s*=/) == nil, "\(tag)", sourceLocation: sourceLocation)
            #expect(names.firstMatch(of: /\sstyle\s*=/) == nil, "\(tag)", sourceLocation: sourceLocation)
            #expect(
                lower.firstMatch(of: /(href|src)="\s*(javascript|data|vbscript):/) == nil, "\(tag)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("headings, emphasis (nested too), lists, tables, quotes and code render as HTML")
    func ordinaryMarkdown() {
        #expect(
            Self.html("# Judul\n\nTeks **tebal** dan *miring*.")
                == "<h1>Judul</h1><p>Teks <strong>tebal</strong> dan <em>miring</em>.</p>")
        #expect(Self.html("***keduanya***") == "<p><strong><em>keduanya</em></strong></p>")
        #expect(
            Self.html("**tebal dan *miring* di dalam**") == "<p><strong>tebal dan <em>miring</em> di dalam</strong></p>"
        )
        #expect(Self.html("- satu\n- dua") == "<ul><li>satu</li><li>dua</li></ul>")
        #expect(Self.html("1. a\n2. b") == "<ol><li>a</li><li>b</li></ol>")
        #expect(Self.html("> kutipan") == "<blockquote><p>kutipan</p></blockquote>")
        let table = Self.html("| Nilai | Arti |\n|:--|--:|\n| A | Akuntabel |")
        #expect(table.contains("<table><thead><tr><th align=\"left\">Nilai</th>"))
        #expect(table.contains("<td align=\"right\">Akuntabel</td>"))
        #expect(Self.html("") == "")
        #expect(Self.html("  \n\n ") == "")
    }

    @Test("raw HTML in the source is shown as text, never passed through")
    func rawHTMLEscaped() {
        let script = Self.html("<script>alert(1)</script>\n\nsetelah")
        #expect(script == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>setelah</p>")
        let image = Self.html("<img src=x onerror=alert(1)>")
        #expect(image == "<p>&lt;img src=x onerror=alert(1)&gt;</p>")
        let inline = Self.html("teks <b onmouseover=\"alert(1)\">tebal</b> biasa\n\nparagraf berikut")
        #expect(inline.contains("&lt;b onmouseover="))
        #expect(inline.contains("<p>paragraf berikut</p>"))
        let iframe = Self.html("<iframe src=\"https://example.com\"></iframe>")
        #expect(!iframe.contains("<iframe"))
        let svg = Self.html("<svg/onload=alert(1)>")
        #expect(!svg.contains("<svg"))
        for source in [script, image, inline, iframe, svg] { Self.expectInert(source) }
    }

    @Test("links keep only http, https, mailto and relative addresses; others become their text")
    func linkSchemes() {
        #expect(Self.html("[x](javascript:alert(1))") == "<p>x</p>")
        #expect(Self.html("[x](JaVaScRiPt:alert(1))") == "<p>x</p>")
        #expect(Self.html("[x](java\tscript:alert(1))") == "<p>x</p>")
        #expect(Self.html("[x]( javascript:alert(1))") == "<p>x</p>")
        #expect(Self.html("[x](data:text/html;base64,PHNjcmlwdD4=)") == "<p>x</p>")
        #expect(Self.html("[x](vbscript:msgbox)") == "<p>x</p>")
        #expect(Self.html("[x](file:///etc/passwd)") == "<p>x</p>")
        #expect(Self.html("[r][1]\n\n[1]: javascript:alert(1)") == "<p>r</p>")
        #expect(
            Self.html("[situs](https://kupangkota.go.id/a_(b))")
                == "<p><a href=\"https://kupangkota.go.id/a_(b)\" rel=\"noopener noreferrer nofollow\">situs</a></p>")
        #expect(
            Self.html("[surat](mailto:bkppd@kupangkota.go.id)")
                == "<p><a href=\"mailto:bkppd@kupangkota.go.id\">surat</a></p>")
        #expect(Self.html("[modul](../berkas/1)") == "<p><a href=\"../berkas/1\">modul</a></p>")
        #expect(Self.html("[cari](?a=1&b=2)") == "<p><a href=\"?a=1&amp;b=2\">cari</a></p>")
        // An entity-encoded scheme is taken literally, so it stays a harmless relative address.
        let encoded = Self.html("[x](&#106;avascript:alert(1))")
        #expect(encoded.contains("href=\"&amp;#106;avascript:alert(1)\""))
        for source in ["[x](javascript:alert(1))", "[x](data:text/html,x)", "[x](java\nscript:alert(1))"] {
            let output = Self.html(source)
            #expect(!output.lowercased().contains("javascript:"))
            #expect(!output.lowercased().contains("data:"))
            Self.expectInert(output)
        }
    }

    @Test("attribute break-outs through addresses, alt texts and code languages come out inert")
    func attributeBreakouts() {
        let link = Self.html("[a](x\" onmouseover=\"alert(1))")
        #expect(link == "<p><a href=\"x\">a</a></p>")
        let image = Self.html("![a\" onerror=\"alert(1)](gambar.png)")
        #expect(image == "<img src=\"gambar.png\" alt=\"a\" loading=\"lazy\" decoding=\"async\">")
        let code = Self.html("```x\" onclick=\"alert(1)\nkode\n```")
        #expect(code == "<pre><code class=\"language-x\">kode\n</code></pre>")
        let entity = Self.html("&<script>alert(1)</script>;")
        #expect(!entity.contains("<script"))
        for output in [link, image, code, entity] { Self.expectInert(output) }
    }

    @Test("images are lazy, decoded asynchronously, and only from http, https or this site")
    func images() {
        #expect(
            Self.html("![Logo](https://kupangkota.go.id/logo.png)")
                == "<img src=\"https://kupangkota.go.id/logo.png\" alt=\"Logo\" loading=\"lazy\" decoding=\"async\">")
        #expect(Self.html("![Peta](/static/peta.png)").contains("src=\"/static/peta.png\""))
        #expect(Self.html("![gambar](data:image/png;base64,AAAA)") == "gambar")
        #expect(Self.html("![x](javascript:alert(1))") == "x")
        #expect(Self.html("![x](mailto:a@b.c)") == "x")
    }

    @Test("autolinks: web and e-mail addresses become links, script addresses stay text")
    func autolinks() {
        #expect(
            Self.html("<https://kupangkota.go.id>")
                == "<p><a href=\"https://kupangkota.go.id\" rel=\"noopener noreferrer nofollow\">https://kupangkota.go.id</a></p>"
        )
        #expect(
            Self.html("Tulis ke <bkppd@kupangkota.go.id>.")
                == "<p>Tulis ke <a href=\"mailto:bkppd@kupangkota.go.id\">bkppd@kupangkota.go.id</a>.</p>")
        let script = Self.html("<javascript:alert(1)>")
        #expect(script == "<p>&lt;javascript:alert(1)&gt;</p>")
        #expect(!script.contains("<a"))
        Self.expectInert(Self.html("<data:text/html,<script>alert(1)</script>>"))
    }

    @Test("HTML entities stay entities; a lone ampersand is escaped")
    func entities() {
        #expect(
            Self.html("&lt;script&gt; &amp; &copy; &#169; &#xA9; & sendiri")
                == "<p>&lt;script&gt; &amp; &copy; &#169; &#xA9; &amp; sendiri</p>")
        #expect(Self.html("A&B; C") == "<p>A&amp;B; C</p>" || Self.html("A&B; C") == "<p>A&B; C</p>")
    }

    @Test("code blocks and code spans keep their content escaped")
    func codeStaysEscaped() {
        #expect(
            Self.html("```html\n<script>alert(1)</script>\n```")
                == "<pre><code class=\"language-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>")
        #expect(Self.html("Tulis `<b>tebal</b>` saja") == "<p>Tulis <code>&lt;b&gt;tebal&lt;/b&gt;</code> saja</p>")
        #expect(Self.html("```\na & b < c\n```") == "<pre><code>a &amp; b &lt; c\n</code></pre>")
    }

    @Test("unbalanced emphasis cannot leak into the rest of the page")
    func balanced() {
        #expect(Self.html("**tebal tanpa tutup") == "<p>**tebal tanpa tutup</p>")
        let output = Self.html("*a **b* c**")
        #expect(output.components(separatedBy: "<strong>").count == output.components(separatedBy: "</strong>").count)
        #expect(output.components(separatedBy: "<em>").count == output.components(separatedBy: "</em>").count)
    }

    @Test("a leading rule is not read as metadata, and blank lines after it do not crash the renderer")
    func leadingRule() {
        #expect(Self.html("---\njudul: x\n---\n\nisi").contains("isi"))
        #expect(Self.html("---\njudul: x\n---\n\nisi").contains("judul"))
        #expect(Self.html("---\n   \n\n") == "<hr>")
    }

    @Test("the allow-list rewrites whatever HTML it is given")
    func allowList() {
        #expect(HTMLAllowlist.clean("<p onclick=\"x\">a</p>") == "<p>a</p>")
        #expect(HTMLAllowlist.clean("<strong>a") == "<strong>a</strong>")
        #expect(HTMLAllowlist.clean("a</em>b") == "ab")
        #expect(HTMLAllowlist.clean("<a href=\"javascript:x\">t</a>") == "t")
        #expect(HTMLAllowlist.clean("<a href=\"/x\"><a href=\"/y\">t</a></a>") == "<a href=\"/x\">t</a>")
        #expect(HTMLAllowlist.clean("<div>x</div>") == "&lt;div&gt;x&lt;/div&gt;")
        #expect(HTMLAllowlist.clean("<ol start=\"3\"><li>x</li></ol>") == "<ol start=\"3\"><li>x</li></ol>")
        #expect(HTMLAllowlist.clean("<ol start=\"3;x\"><li>x</li></ol>") == "<ol><li>x</li></ol>")
        #expect(HTMLAllowlist.safeURL(" \u{1}javascript:x", allowMailto: true) == nil)
        #expect(HTMLAllowlist.safeURL("https://a.b/c", allowMailto: false) == "https://a.b/c")
        #expect(HTMLAllowlist.safeURL("mailto:a@b.c", allowMailto: false) == nil)
    }

    @Test("random Markdown-like input never yields a live tag, attribute or address")
    func noiseStaysInert() {
        // A fixed pseudo-random sequence, so a failure can be reproduced.
        var state: UInt64 = 0x5EED_CAFE
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [
            "<script>", "</a>", "<a href=\"", "javascript:", "![", "](", "```", "**", "| a |", "\n- ", "\n1. ", "&#",
            "&lt;", "<https://x.y>", "\n> ", "---\n", "[1]: ", "[x][1]", "<img ", "onerror=", "data:", "\"", "'", "`",
            "*", "_", "~~", "\n", " ", "x", "(", ")", "[", "]", "<", ">", "&", ";", "\\", "\t",
        ]
        for _ in 0..<3000 {
            var source = ""
            for _ in 0..<next(30) { source += pieces[next(pieces.count)] }
            let output = Self.html(source)
            Self.expectInert(output)
            for tag in Self.tags(output) {
                let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
                #expect(
                    [
                        "p", "br", "hr", "strong", "em", "s", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2",
                        "h3", "h4", "h5", "h6", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
                    ].contains(name), "\(source.debugDescription) → \(output)")
            }
        }
    }
}
