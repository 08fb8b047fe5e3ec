import Foundation
import Testing
@testable import DixitKit

/// Articles crafted to attack the terminal: escape sequences (CSI, OSC 52 clipboard
/// writes, OSC 8 links, title changes), BEL, C1 controls, bidi overrides. Sanitised,
/// each shows as visible, inert characters and no control scalar is left.
@Suite struct HostileInputTerminalTests {
    static let esc = "\u{1B}"

    /// Whether a terminal could take any scalar of `s` as a control.
    static func holdsControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { v in
            v.value < 0x20 || (0x7F...0x9F).contains(v.value) || (0x202A...0x202E).contains(v.value)
                || (0x2066...0x2069).contains(v.value) || v.value == 0x200E || v.value == 0x200F || v.value == 0x061C
        }
    }

    static let attacks: [(String, String, String)] = [
        // (what, article text, what must be shown)
        ("CSI clear screen and colour", "\(esc)[2J\(esc)[H\(esc)[31mrouge\(esc)[0m", "␛[2J␛[H␛[31mrouge␛[0m"),
        ("CSI cursor save, move, restore", "\(esc)7\(esc)[999;999H\(esc)8", "␛7␛[999;999H␛8"),
        ("OSC 52 clipboard write (BEL)", "\(esc)]52;c;cm0gLXJmIH4=\u{07}", "␛]52;c;cm0gLXJmIH4=␇"),
        ("OSC 52 clipboard write (ST)", "\(esc)]52;p;ZXZpbA==\(esc)\\", "␛]52;p;ZXZpbA==␛\\"),
        ("OSC 8 hyperlink", "\(esc)]8;;https://exemple.invalid/\(esc)\\cliquez\(esc)]8;;\(esc)\\", "␛]8;;https://exemple.invalid/␛\\cliquez␛]8;;␛\\"),
        ("OSC 0 window title", "\(esc)]0;piraté\u{07}", "␛]0;piraté␇"),
        ("OSC 2 window title", "\(esc)]2;titre\(esc)\\", "␛]2;titre␛\\"),
        ("DCS tmux passthrough", "\(esc)Ptmux;\(esc)\(esc)]52;c;eA==\u{07}\(esc)\\", "␛Ptmux;␛␛]52;c;eA==␇␛\\"),
        ("bell", "ding\u{07}\u{07}", "ding␇␇"),
        ("backspace and carriage return overwrite", "vrai\u{08}\u{08}\u{08}\u{08}faux\rXX", "vrai␈␈␈␈faux␍XX"),
        ("C1 CSI", "\u{9B}2J", "\u{FFFD}2J"),
        ("C1 OSC and ST", "\u{9D}0;titre\u{9C}", "\u{FFFD}0;titre\u{FFFD}"),
        ("C1 DCS", "\u{90}q\u{9C}", "\u{FFFD}q\u{FFFD}"),
        ("NEL", "a\u{85}b", "a\u{FFFD}b"),
        ("DEL", "a\u{7F}b", "a␡b"),
        ("NUL", "a\u{0}b", "a␀b"),
        ("bidi override", "Prix : \u{202E}0001\u{202C} €", "Prix : ⸮0001⸮ €"),
        ("bidi isolates and marks", "\u{2066}a\u{2067}b\u{2068}c\u{2069}\u{200E}\u{200F}\u{61C}", "⸮a⸮b⸮c⸮⸮⸮⸮"),
        ("line separators", "a\u{2028}b\u{2029}c", "a b c"),
        ("ZWJ and variation selectors", "👩\u{200D}💻\u{FE0F}", "👩💻"),
    ]

    @Test(arguments: 0..<attacks.count)
    func attackIsShownInert(_ index: Int) {
        let (what, text, shown) = Self.attacks[index]
        let clean = TerminalSanitizer.sanitize(text)
        #expect(clean == shown, "\(what)")
        #expect(!Self.holdsControl(clean), "\(what)")
        #expect(TerminalSanitizer.isSafe(clean), "\(what)")
        #expect(!TerminalSanitizer.isSafe(text), "\(what): the raw text is not safe")
        // Visible: every dropped or replaced scalar but ZWJ/VS leaves something on screen.
        #expect(DisplayWidth.of(clean) > 0, "\(what)")
    }

    @Test func everyScalarSanitisesToSafeText() {
        var unsafeAfter: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            if let r = TerminalSanitizer.replacement(for: s) {
                if Self.holdsControl(String(r)) || TerminalSanitizer.replacement(for: r) != r { unsafeAfter.append(v) }
            }
        }
        #expect(unsafeAfter.isEmpty, "\(unsafeAfter.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func lineFeedsKeptOnlyWhenAsked() {
        let text = "ligne 1\n\(Self.esc)]0;t\u{07}ligne 2\r\n"
        #expect(TerminalSanitizer.sanitizeKeepingLineFeeds(text) == "ligne 1\n␛]0;t␇ligne 2␍\n")
        #expect(TerminalSanitizer.sanitize(text) == "ligne 1␊␛]0;t␇ligne 2␍␊")
    }

    /// The way escapes really arrive: as bytes in a file, in UTF-8, Windows-1252 or UTF-16.
    @Test func escapesInArticleFilesStayInertThroughLoading() throws {
        let body = "« Citation \(Self.esc)]52;c;ZXZpbA==\u{07} », a dit \u{202E}Marie\u{9B}31m Curie.\(Self.esc)[2J"
        let utf8 = Array(("Titre \(Self.esc)]0;piraté\u{07}\n" + body + "\n").utf8)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in ("Titre\n" + body).utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let cp1252: [UInt8] = Array("Titre\n".utf8) + [0x1B, 0x5D, 0x30, 0x3B, 0xE9, 0x07, 0x9B, 0x1B, 0x5B, 0x32, 0x4A]
        for bytes in [utf8, utf16, cp1252] {
            let a = try analyseBytes(bytes).get()
            #expect(a.article.text.scalars.contains("\u{1B}"), "the model keeps the text as it is")
            for p in a.article.paragraphs {
                let clean = TerminalSanitizer.sanitize(a.article.text[p.span])
                #expect(!Self.holdsControl(clean))
                #expect(clean.contains("␛") == a.article.text[p.span].contains("\u{1B}"))
            }
            for q in a.quotes { #expect(!Self.holdsControl(TerminalSanitizer.sanitize(q.text))) }
        }
    }

    @Test func loadProblemsNamingHostileFilesCanBePrintedSafely() throws {
        let dir = ScratchDirectory()
        let name = "titre\(Self.esc)]0;piraté\u{07}.txt"
        let path = dir.write(name, [0x00, 0x01])
        let out = CorpusLoader().load([dir.path])
        let p = try #require(out.problems.first { $0.path == path })
        let printed = TerminalSanitizer.sanitize("dixit: error: \(p)")
        #expect(!Self.holdsControl(printed))
        #expect(printed.contains("titre␛]0;piraté␇.txt"))
    }

    @Test func exportJSONEscapesEveryControl() throws {
        var a = try analyseBytes(Array("Titre\(Self.esc)[2J\u{07}\u{9B}\u{85}\u{2028}\n".utf8)).get()
        a.article.path = "a\(Self.esc)b"
        let json = ExportFormat.documentJSON([a])
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw C0 control in the export")
        #expect(!json.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) }, "no raw DEL or C1 control in the export")
        // (U+0085 and U+2028 end the title line: they are not in it.)
        #expect(json.contains("\"title\": \"Titre\\u001b[2J\\u0007\\u009b\""))
        #expect(json.contains("\"path\": \"a\\u001bb\""))
        var w = JSONWriter()
        w.string("\u{85}\u{2028}\u{2029}\u{7F}\u{9F}\u{A0}")
        #expect(w.output == "\"\\u0085\\u2028\\u2029\\u007f\\u009f\u{A0}\"")
    }
}
