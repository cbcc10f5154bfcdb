import DubenTestSupport
import Foundation
import Testing

/// `make install` and `make uninstall` (skipped when make is missing).
@Suite("make install")
struct MakeInstallTests {
    static let root = TestSupport.repoRoot

    /// One release build: `make install` into a new prefix, the installed duben finds its texts
    /// and its manual page renders, and `make uninstall` leaves no file behind.
    @Test(.timeLimit(.minutes(30))) func makeInstallThenUninstall() throws {
        guard try InstallTests.tool("make", ["--version"]) != nil else { return }
        let prefix = TestSupport.temporaryDirectory("duben-prefix")
        defer { TestSupport.remove(prefix) }
        // `swift test` holds the lock on .build; the release build gets a directory of its own.
        let flags = "SWIFT_BUILD_FLAGS=--scratch-path \(Self.root.appendingPathComponent(".build-install").path)"
        let install = try #require(try InstallTests.tool("make", ["install", "PREFIX=\(prefix.path)", flags], directory: Self.root))
        #expect(install.status == 0, "make install: \(install.output)")
        guard install.status == 0 else { return }

        let fm = FileManager.default
        for path in ["bin/duben", "share/duben/Texts/corpus-2020.txt", "share/man/man1/duben.1",
                     "share/bash-completion/completions/duben", "share/zsh/site-functions/_duben",
                     "share/fish/vendor_completions.d/duben.fish"] {
            #expect(fm.fileExists(atPath: prefix.appendingPathComponent(path).path), "not installed: \(path)")
        }
        let duben = prefix.appendingPathComponent("bin/duben").path
        let list = try #require(try InstallTests.tool(duben, ["list"], environment: ["DUBEN_TEXTS": nil, "COLUMNS": "200"]))
        #expect(list.status == 0, "installed duben list: \(list.output)")
        // The same documents as the built duben lists from the source tree's Texts/.
        let built = try DubenProcess.run(["list"], environment: ["DUBEN_TEXTS": nil, "COLUMNS": "200"])
        #expect(list.output == built.stdout && built.stdout.split(separator: "\n").count >= 3, "installed duben list: \(list.output)")
        let man = prefix.appendingPathComponent("share/man/man1/duben.1").path
        if let rendered = try InstallTests.tool("groff", ["-man", "-Tutf8", man]) {
            #expect(rendered.status == 0)
            // grotty's bold is "E\bE": keep what is printed last.
            var plain: [Character] = []
            for c in rendered.output {
                if c == "\u{8}" { _ = plain.popLast() } else { plain.append(c) }
            }
            for section in ["NAME", "SYNOPSIS", "KEYS", "ENVIRONMENT", "EXIT STATUS"] {
                #expect(String(plain).contains("\n\(section)\n"), "the installed page has no \(section)")
            }
        }

        let uninstall = try #require(try InstallTests.tool("make", ["uninstall", "PREFIX=\(prefix.path)"], directory: Self.root))
        #expect(uninstall.status == 0, "make uninstall: \(uninstall.output)")
        let left = try fm.subpathsOfDirectory(atPath: prefix.path)
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
