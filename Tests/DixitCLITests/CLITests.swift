import Foundation
import Testing

@Suite struct CLITests {
    /// Parses an export document and returns its articles.
    func articles(_ json: String) throws -> [[String: Any]] {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(doc["version"] as? Int == 1)
        return try #require(doc["articles"] as? [[String: Any]])
    }

    @Test func exportOfSeedsIsTheContract() throws {
        let out = try CLIRunner.run(["export", "--format", "json", "seeds"])
        #expect(out.status == 0, "\(out.stderr)")
        let arts = try articles(out.stdout)
        #expect(arts.count == 2)
        let seed4 = try #require(arts.first { ($0["path"] as? String)?.hasSuffix("004_f57e383da64bcd99.txt") == true })
        #expect(seed4["title"] as? String == "Les alliés de l'OTAN se préparent à réarmer Kiev ; peur de nouvelles atrocités\"")
        #expect(seed4["date"] as? String == "2022-04-05T16:43")
        #expect(seed4["language"] as? String == "fr")
        #expect(seed4["quotes"] is [Any] && seed4["entities"] is [Any])
    }

    /// Every span in the export: text[start..<end] (code points) equals its `text`.
    @Test func everyExportedSpanMatchesTheFileText() throws {
        let out = try CLIRunner.run(["export", "seeds"])
        for art in try articles(out.stdout) {
            let path = try #require(art["path"] as? String)
            let text = Array(try String(contentsOf: CLIRunner.root.appendingPathComponent(path), encoding: .utf8).unicodeScalars)
            var items: [[String: Any]] = (art["entities"] as? [[String: Any]] ?? []) + (art["quotes"] as? [[String: Any]] ?? [])
            items += (art["quotes"] as? [[String: Any]] ?? []).compactMap { $0["speakerMention"] as? [String: Any] }
            for item in items {
                let s = try #require(item["start"] as? Int), e = try #require(item["end"] as? Int)
                #expect(0 <= s && s <= e && e <= text.count)
                var view = String.UnicodeScalarView(); view.append(contentsOf: text[s..<e])
                #expect(String(view) == item["text"] as? String, "\(path) \(s)..<\(e)")
            }
        }
    }

    @Test func jsonlIsOneArticlePerLine() throws {
        let out = try CLIRunner.run(["export", "--format", "jsonl", "seeds"])
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(obj?["path"] != nil)
        }
    }

    @Test func standardInputIsAnArticle() throws {
        let text = "Grève à Paris\n\n5 avril 2022\n\nLes syndicats ont appelé à manifester mardi.\n"
        let out = try CLIRunner.run(["export", "-"], stdin: Data(text.utf8))
        #expect(out.status == 0)
        let art = try #require(try articles(out.stdout).first)
        #expect(art["path"] as? String == "-")
        #expect(art["title"] as? String == "Grève à Paris")
        #expect(art["date"] as? String == "2022-04-05")
    }

    @Test func missingPathExitsOneAndTheRestIsStillPrinted() throws {
        let out = try CLIRunner.run(["export", "no/such/article.txt", "seeds"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("no/such/article.txt"))
        #expect(out.stderr.contains("no such file"))
        #expect(try articles(out.stdout).count == 2)
    }

    @Test func binaryFileIsRefusedByName() throws {
        let dir = try CLIRunner.tempDir()
        let bin = dir.appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]).write(to: bin)
        let good = dir.appendingPathComponent("good.txt")
        try Data("Titre\n\nCorps de l'article.\n".utf8).write(to: good)
        let out = try CLIRunner.run(["export", dir.path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("image.txt") && out.stderr.contains("binary"))
        #expect(try articles(out.stdout).count == 1)
    }

    @Test func usageErrorExitsTwo() throws {
        let out = try CLIRunner.run(["export", "--format", "xml", "seeds"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("xml"))
        let bogus = try CLIRunner.run(["--no-such-flag"])
        #expect(bogus.status == 2)
    }

    @Test func helpAndVersion() throws {
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0)
        for sub in ["export", "quotes", "entities"] { #expect(help.stdout.contains(sub)) }
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.first?.isNumber == true)
        for sub in ["export", "quotes", "entities"] {
            let h = try CLIRunner.run([sub, "--help"])
            #expect(h.status == 0 && h.stdout.contains("--format"))
        }
    }

    @Test func noPathOpensTheSeedsFromASubdirectory() throws {
        let out = try CLIRunner.run(["export"], cwd: CLIRunner.root.appendingPathComponent("Sources/DixitKit"))
        #expect(out.status == 0)
        #expect(try articles(out.stdout).count == 2)
    }

    @Test func quotesAndEntitiesFormats() throws {
        for cmd in ["quotes", "entities"] {
            let csv = try CLIRunner.run([cmd, "--format", "csv", "seeds"])
            #expect(csv.status == 0)
            let header = csv.stdout.split(separator: "\r\n").first.map(String.init)
            #expect(header == (cmd == "quotes" ? "file,speaker,kind,quote" : "entity,type,mentions,articles,forms"))
            let json = try CLIRunner.run([cmd, "--format", "json", "seeds"])
            #expect(json.status == 0)
            #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) is [Any])
        }
    }

    @Test func neverWritesToArticles() throws {
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("a.txt")
        let body = "Titre\r\n\r\n« Nous allons gagner », a déclaré M. Dupont.\r\n"
        try Data(body.utf8).write(to: file)
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        _ = try CLIRunner.run(["export", dir.path])
        _ = try CLIRunner.run(["quotes", dir.path])
        #expect(try Data(contentsOf: file) == Data(body.utf8))
        let after = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(before == after)
    }
}

@Suite struct CLIQueryTests {
    @Test func whereFiltersQuotesWithTheQueryLanguage() throws {
        let all = try CLIRunner.run(["quotes", "--format", "csv", "seeds"])
        let smith = try CLIRunner.run(["quotes", "--format", "csv", "--where", "speaker:smith", "seeds"])
        #expect(smith.status == 0)
        let rows = smith.stdout.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("Julianne Smith") })
        #expect(rows.count < all.stdout.split(separator: "\r\n").count - 1)
        // Exclusion and accent folding: every quote but Stoltenberg's.
        let notJens = try CLIRunner.run(["quotes", "--format", "csv", "-w", "-speaker:stoltenberg", "seeds"])
        #expect(!notJens.stdout.contains("Jens Stoltenberg"))
    }

    @Test func whereFiltersExportedArticlesAndEntities() throws {
        let out = try CLIRunner.run(["export", "--where", "date:2022-04", "seeds"])
        let doc = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let arts = doc?["articles"] as? [[String: Any]] ?? []
        #expect(arts.count == 1)
        #expect((arts.first?["path"] as? String)?.hasSuffix("004_f57e383da64bcd99.txt") == true)
        let people = try CLIRunner.run(["entities", "--format", "csv", "--where", "type:PER", "seeds"])
        let types = people.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(!types.isEmpty && types.allSatisfy { $0 == "PER" })
    }

    @Test func badQueryIsAUsageError() throws {
        let out = try CLIRunner.run(["quotes", "--where", "date:notadate", "seeds"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--where"))
    }
}
