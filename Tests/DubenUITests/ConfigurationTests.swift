import DubenLayout
import DubenStore
import DubenUI
import Testing

/// What the configuration file sets, checked: the default file reads back as the defaults,
/// bad values and unknown keys are problems on their lines with the rest applied, and keys are
/// rebound per context with conflicts, unknown actions and bad key names refused.
@Suite("Configuration")
struct ConfigurationTests {
    static func read(_ text: String) -> (ReaderConfiguration, [String]) {
        let (file, syntax) = ConfigFile.parse(text, path: "c.toml")
        let (c, problems) = ReaderConfiguration.read(file)
        return (c, (syntax + problems).map(\.description))
    }

    @Test func theDefaultFileReadsBackAsTheDefaults() {
        let (c, problems) = Self.read(ReaderConfiguration.defaultFile)
        #expect(problems.isEmpty)
        #expect(c == ReaderConfiguration())
        #expect(c.keyMap == .standard)
        // Every action of every context is in it, with its keys.
        for (context, _) in KeyMap.standard.table {
            for action in KeyMap.standard.actions(in: context) {
                #expect(ReaderConfiguration.defaultFile.contains("\n\(action.configName) = ["), "\(context) \(action)")
            }
        }
    }

    @Test func everySettingIsRead() {
        let (c, problems) = Self.read("""
            [layout]
            width = 60
            ambiguous-width = 2
            indent = "none"
            [display]
            theme = "dark"
            status-line = "top"
            [citation]
            style = "gbt7714"
            [export]
            format = "csl-json"
            [clipboard]
            osc52 = true
            """)
        #expect(problems.isEmpty)
        #expect(c.width == 60 && c.ambiguousWidth == 2 && c.indent == .none)
        #expect(c.theme == .dark && c.statusLine == .top)
        #expect(c.citationStyle == .gbt7714)
        #expect(c.exportFormat == .cslJSON && c.osc52)
        let (t, _) = Self.read("[citation]\nstyle = \"gbt7714\"\ntemplate = \"{author}：{title}\"\n")
        #expect(t.citationStyle == .template("{author}：{title}"))
    }

    @Test func badValuesAndUnknownKeysAreProblemsOnTheirLinesAndTheRestApplies() {
        let (c, problems) = Self.read("""
            [layout]
            widht = 60
            width = 5
            indent = "none"

            [display]
            theme = "neon"
            status-line = "top"
            colour = 3
            [citation]
            template = "{autor}"
            [clipboard]
            osc52 = "yes"
            [fonts]
            size = 3
            """)
        #expect(problems == [
            "c.toml:2: unknown key \"widht\" in [layout]; keys there: width, ambiguous-width, indent",
            "c.toml:3: layout.width: expected a number of cells from 8 to 1000, or \"auto\"; got 5",
            "c.toml:7: display.theme: unknown theme \"neon\"; themes: default, light, dark, monochrome",
            "c.toml:9: unknown key \"colour\" in [display]; keys there: theme, status-line",
            problems.first { $0.hasPrefix("c.toml:11: citation.template: ") } ?? "c.toml:11: (missing)",
            "c.toml:13: clipboard.osc52: expected true or false; got \"yes\"",
            "c.toml:14: unknown table [fonts]; tables: citation, clipboard, display, export, layout, keys.CONTEXT",
        ])
        #expect(problems[4].contains("autor"))
        #expect(c.width == nil && c.theme == .default && c.citationTemplate == nil && !c.osc52)
        #expect(c.indent == .none && c.statusLine == .top)
    }

    @Test func keysAreReboundPerContext() {
        let (c, problems) = Self.read("""
            [keys.reader]
            line-down = ["k", "Down"]
            line-up = ["j", "Up"]
            quit = ["q", "Ctrl-Q"]
            [keys.list]
            close = []
            select-next = "J"
            """)
        #expect(problems.isEmpty, "\(problems)")
        let keys = c.keyMap
        #expect(keys.action(for: .char("k")) == .lineDown)
        #expect(keys.action(for: .char("j")) == .lineUp)
        #expect(keys.action(for: .ctrl("q")) == .quit)
        #expect(keys.action(for: .enter) == nil, "line-down got exactly the keys given")
        #expect(keys.action(for: .ctrl("n")) == nil)
        // Esc no longer closes a list (close has no keys), J moves down.
        #expect(keys.action(for: .char("J"), in: .list) == .selectNext)
        #expect(keys.action(for: .escape, in: .list) == nil)
        // Ctrl-J is Enter, as terminals send it: a conflict with choose, named as Enter.
        let (_, enter) = Self.read("[keys.list]\nselect-next = \"Ctrl-J\"\n")
        #expect(enter.first == "c.toml:2: key \"Enter\" is bound to both select-next and choose (its shipped keys) in [keys.list]; give one of them other keys")
        // Other contexts keep their keys; the selection's j still extends (its own rows).
        #expect(keys.action(for: .char("j"), in: .selection) == .extendSentence)
        #expect(keys.bindings(.reader).first { $0.action == .lineDown }?.names == ["k", "Down"])
        // The wheel row is not rebound.
        #expect(keys.action(for: .wheelUp) == .lineUp && keys.action(for: .wheelDown) == .lineDown)
    }

    @Test func aConflictNamesTheLineAndTheKeyAndKeepsThatContextsKeys() {
        let (c, problems) = Self.read("""
            [keys.timeline]
            close = "Q"

            [keys.reader]
            page-down = ["Space", "j"]
            """)
        #expect(problems == [
            "c.toml:5: key \"j\" is bound to both line-down (its shipped keys) and page-down in [keys.reader]; give one of them other keys",
            "c.toml:5: [keys.reader]: not applied, its shipped keys are kept",
        ])
        #expect(c.keyMap.bindings(.reader) == KeyMap.standard.bindings(.reader))
        #expect(c.keyMap.action(for: .char("Q"), in: .timeline) == .close)
        // Two of the file's own bindings on one key: the later line is named.
        let (_, two) = Self.read("[keys.list]\nselect-first = \"x\"\nselect-last = \"x\"\n")
        #expect(two.first == "c.toml:3: key \"x\" is bound to both select-first and select-last in [keys.list]; give one of them other keys")
    }

    @Test func unknownActionsContextsAndKeyNamesAreRefused() {
        let (c, problems) = Self.read("""
            [keys.reader]
            line-dwn = "x"
            line-up = "Ctrl-Shift-K"
            page-up = "5"
            accept = "a"
            [keys.nowhere]
            quit = "q"
            [keys.prompt]
            accept = "Ctrl-Y"
            """)
        #expect(problems.count == 6, "\(problems)")
        #expect(problems[0].hasPrefix("c.toml:2: unknown action \"line-dwn\" in [keys.reader]; actions there: line-down, line-up,"))
        #expect(problems[1].hasPrefix("c.toml:3: line-up: \"Ctrl-Shift-K\" is not a key name"))
        #expect(problems[2] == "c.toml:4: page-up: \"5\" cannot be bound in [keys.reader]: digits are counts (20G, 5j)")
        #expect(problems[3].hasPrefix("c.toml:5: unknown action \"accept\" in [keys.reader]"))
        #expect(problems[4] == "c.toml:5: [keys.reader]: not applied, its shipped keys are kept")
        #expect(problems[5].hasPrefix("c.toml:6: unknown key context [keys.nowhere]; contexts: reader, after-colon,"))
        #expect(c.keyMap.bindings(.reader) == KeyMap.standard.bindings(.reader))
        #expect(c.keyMap.action(for: .ctrl("y"), in: .prompt) == .accept)
    }

    @Test func everyShippedKeyHasANameThatReadsBack() {
        for (context, bindings) in KeyMap.standard.table {
            for b in bindings {
                for key in b.keys {
                    guard let name = KeyName.name(of: key) else {
                        Issue.record("\(context): \(key) has no name")
                        continue
                    }
                    #expect(KeyName.key(named: name) == key, "\(name)")
                }
            }
            #expect(KeyMap.standard.conflicts(in: context).isEmpty, "\(context)")
        }
        #expect(KeyName.key(named: "ctrl-x") == .ctrl("x"))
        #expect(KeyName.key(named: "pgdn") == .pageDown)
        #expect(KeyName.key(named: "F12") == .function(12))
        #expect(KeyName.key(named: "F25") == nil)
        #expect(KeyName.key(named: "书") == .char("书"))
        #expect(KeyName.key(named: "jk") == nil)
        #expect(KeyName.key(named: "^") == .char("^") && KeyName.key(named: "^w") == .ctrl("w"))
        #expect(KeyName.key(named: "-") == .char("-") && KeyName.key(named: "C-a") == .ctrl("a"))
        #expect(KeyName.key(named: "") == nil)
    }

    @Test func exportProposesTheConfiguredFormat() {
        let (c, _) = Self.read("[export]\nformat = \"csv\"\n")
        var r = Reader(corpus: UITestSupport.bundled, columns: 80, rows: 24, bookmarks: BookmarkState([], availability: .writable))
        r.exportFormat = c.exportFormat
        _ = r.handle(.char("E"))
        #expect(r.prompt?.editor.text == "csv duben-bookmarks.csv")
        guard case .export(_, let format, let path, _)? = r.handle(.enter).first else {
            Issue.record("no export effect")
            return
        }
        #expect(format == .csv && path == "duben-bookmarks.csv")
    }

    @Test func theReaderUsesTheKeysInForceAndTheHelpShowsThem() {
        let (c, _) = Self.read("[keys.reader]\nline-down = \"x\"\nhelp = [\"?\", \"F1\"]\nsearch-backward = \"H\"\n")
        var r = UITestSupport.reader(80, 24)
        r.keyMap = c.keyMap
        let before = r.linePosition.line
        _ = r.handle(.char("x"))
        #expect(r.linePosition.line == before + 1)
        _ = r.handle(.char("j"))
        #expect(r.linePosition.line == before + 1, "j is unbound")
        _ = r.handle(.char("?"))
        let help = ReaderView.draw(r).lines.joined(separator: "\n")
        #expect(help.contains("Help · keys"))
        #expect(help.contains("x"))
        #expect(!help.contains("j, ↓, Enter, Ctrl-N"))
    }
}
