import DubenTestSupport
import Foundation
import Testing

/// The configuration file through the binary: `duben config`, problems on standard error with
/// file and line while the command still runs, options winning over the file, and the reader
/// in tmux with a file that moves the status line, rebinds a key and sets the theme.
@Suite("Configuration file", .serialized)
struct ConfigEndToEndTests {
    static func write(_ text: String, in dir: URL, _ name: String = "config.toml") throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func theDefaultFileChecksClean() throws {
        let dir = TestSupport.temporaryDirectory("duben-config")
        defer { TestSupport.remove(dir) }
        let printed = try DubenProcess.run(["config", "--print-default"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("[keys.reader]\nline-down = [\"j\", \"Down\", \"Enter\", \"Ctrl-N\"]"))
        let path = try Self.write(printed.stdout, in: dir)
        let checked = try DubenProcess.run(["config", "--check", path])
        #expect(checked.status == 0)
        #expect(checked.stdout == "\(path): no problems\n")
        #expect(checked.stderr.isEmpty)
        // Found through XDG_CONFIG_HOME, or named by DUBEN_CONFIG.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("xdg/duben"), withIntermediateDirectories: true)
        _ = try Self.write("[layout]\nwidth = 40\n", in: dir, "xdg/duben/config.toml")
        let xdg = try DubenProcess.run(["config", "--path"], environment: ["XDG_CONFIG_HOME": dir.path + "/xdg"])
        #expect(xdg.stdout == "\(dir.path)/xdg/duben/config.toml\n")
        let named = try DubenProcess.run(["config", "--path"], environment: ["DUBEN_CONFIG": path])
        #expect(named.stdout == "\(path)\n")
    }

    @Test func configWantsOneOfItsFlags() throws {
        #expect(try DubenProcess.run(["config"]).status == 64)
        #expect(try DubenProcess.run(["config", "--check", "--print-default"]).status == 64)
        #expect(try DubenProcess.run(["config", "--path", "x.toml"]).status == 64)
    }

    @Test func checkNamesFileAndLineAndFails() throws {
        let dir = TestSupport.temporaryDirectory("duben-config")
        defer { TestSupport.remove(dir) }
        let bad = try Self.write("[layout]\nwidht = 60\n\n[keys.reader]\nquit = \"Ctrl-Shift-Q\"\n", in: dir)
        let r = try DubenProcess.run(["config", "--check", bad])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "duben: \(bad):2: unknown key \"widht\" in [layout]; keys there: width, ambiguous-width, indent")
        #expect(lines.contains { $0.hasPrefix("duben: \(bad):5: quit: \"Ctrl-Shift-Q\" is not a key name") })
        let syntax = try Self.write("[layout\nwidth = 3\n", in: dir, "syntax.toml")
        let s = try DubenProcess.run(["config", "--check", syntax])
        #expect(s.status == 1)
        #expect(s.stderr.split(separator: "\n").count == 1)
        #expect(s.stderr.hasPrefix("duben: \(syntax):1: not valid TOML: "))
        let missing = try DubenProcess.run(["config", "--check", dir.path + "/none.toml"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "duben: \(dir.path)/none.toml: no such file\n")
    }

    @Test func aBadFileIsReportedAndTheCommandRunsWithTheRestOfIt() throws {
        let dir = TestSupport.temporaryDirectory("duben-config")
        defer { TestSupport.remove(dir) }
        let path = try Self.write("[layout]\nwidth = 30\ncolour = \"red\"\n", in: dir)
        let file = TestSupport.textsPath + "/corpus-2020.txt"
        for command in [["render"], []] {
            let r = try DubenProcess.run(command + ["--config", path, file])
            #expect(r.status == 0)
            #expect(r.stderr == "duben: \(path):3: unknown key \"colour\" in [layout]; keys there: width, ambiguous-width, indent\n")
            let widest = r.stdout.split(separator: "\n").map { line in line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }.max() ?? 0
            #expect(widest <= 30 && widest > 20, "\(command): width \(widest)")
        }
        // The command line wins.
        let wide = try DubenProcess.run(["render", "--config", path, "--width", "60", file])
        let widest = wide.stdout.split(separator: "\n").map { line in line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }.max() ?? 0
        #expect(widest > 30 && widest <= 60)
        // A file named by DUBEN_CONFIG that is not there: one line, the defaults, status 0.
        let gone = try DubenProcess.run(["render", file], environment: ["DUBEN_CONFIG": dir.path + "/gone.toml"])
        #expect(gone.status == 0)
        #expect(gone.stderr == "duben: \(dir.path)/gone.toml: no such file\n")
    }

    @Test func citeAndExportTakeTheStyleAndFormatFromTheFile() throws {
        let dir = TestSupport.temporaryDirectory("duben-config")
        defer { TestSupport.remove(dir) }
        let path = try Self.write("[citation]\nstyle = \"gbt7714\"\n[export]\nformat = \"csv\"\n", in: dir)
        let cite = ["cite", "--config", path, "--doc", "2", "--block", "17"]
        let gbt = try DubenProcess.run(cite)
        #expect(gbt.stdout.hasSuffix("\n习近平. 同美国总统特朗普通电话[A]//团结合作是国际社会战胜疫情最有力武器. 2020-03-27.\n"))
        let source = try DubenProcess.run(cite + ["--style", "source"])
        #expect(source.stdout.hasSuffix("\n习近平（2020年3月27日同美国总统特朗普通电话）\n"))
        let marks = dir.appendingPathComponent("b.json").path
        #expect(try DubenProcess.run(["bookmarks", "add", "--bookmarks", marks, "--doc", "2", "--block", "17"]).status == 0)
        let csv = try DubenProcess.run(["bookmarks", "export", "--bookmarks", marks, "--config", path])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("document,title,author,"))
        #expect(csv.stdout.contains("习近平. 同美国总统特朗普通电话[A]"))
        let markdown = try DubenProcess.run(["bookmarks", "export", "--bookmarks", marks, "--config", path, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Bookmarks"))
    }

    @Test func theReaderTakesStatusLineKeysAndThemeFromTheFile() throws {
        let dir = TestSupport.temporaryDirectory("duben-config")
        defer { TestSupport.remove(dir) }
        let path = try Self.write("""
            [display]
            status-line = "top"
            theme = "light"
            [keys.reader]
            page-down = ["x", "PgDn"]
            [layout]
            widht = 1
            """, in: dir)
        let pane = try TmuxPane("unset NO_COLOR; TERM=xterm-256color \(TmuxPane.binary) --no-resume --config \(path) \(TmuxPane.texts)")
        // The problem is said on the status line, which is under the title (and in full on
        // standard error).
        var s = try pane.waitFor(text: "config.toml:7: unknow")
        #expect(s[1].contains("config.toml:7: unknow"))
        try pane.send("j")
        s = try pane.waitFor(text: "line 2/")
        #expect(s[1].contains("line 2/"))
        try pane.send("x")
        s = try pane.waitFor(text: "line 23/")
        #expect(s[1].contains("line 23/"))
        // Light at 256 colours: the bars on grey 252.
        #expect(try pane.styledScreen()[1].contains("48;5;252"))
    }

    /// The file in `$XDG_CONFIG_HOME/duben/` (here the pane's HOME/.config) is read without
    /// --config; its problem on the status line names it from `~`.
    @Test func theFileInXDGConfigHomeIsRead() throws {
        let pane = try TmuxPane("sh")
        try pane.waitFor(text: "$")
        let dir = pane.home.appendingPathComponent(".config/duben")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        _ = try Self.write("[display]\nstatus-line = \"top\"\nthemes = 1\n", in: dir)
        try pane.send("\(TmuxPane.binary) --no-resume \(TmuxPane.texts)", literal: true)
        try pane.send("Enter")
        let s = try pane.waitFor(text: "~/.config/duben/config.toml:3: unknown key")
        #expect(s[1].hasPrefix(" ~/.config/duben/config.toml:3: unknown key \"themes\" in [display]"))
    }

    @Test func theThemeAndStatusLineOptionsWinOverTheFile() throws {
        let dir = TestSupport.temporaryDirectory("duben-config")
        defer { TestSupport.remove(dir) }
        let path = try Self.write("[display]\ntheme = \"light\"\nstatus-line = \"top\"\n", in: dir)
        let pane = try TmuxPane("unset NO_COLOR; TERM=xterm-256color \(TmuxPane.binary) --no-resume --config \(path) --theme dark --status-line bottom \(TmuxPane.texts)")
        let s = try pane.waitFor(text: "line 1/")
        #expect(s[23].contains("line 1/"))
        let styled = try pane.styledScreen()
        #expect(styled[23].contains("48;5;238"), "\(styled[23])")
        #expect(!styled.joined().contains("48;5;252"))
    }
}
