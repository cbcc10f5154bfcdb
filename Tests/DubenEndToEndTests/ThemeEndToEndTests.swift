import DubenTestSupport
import Foundation
import Testing

/// Themes on real terminal types, read back from tmux with `capture-pane -e`: the colours a
/// theme asks for reach the terminal (8 or 256), and NO_COLOR leaves only attributes.
@Suite("Themes in tmux", .serialized)
struct ThemeEndToEndTests {
    /// The reader at the first match of 疫情 in the quotation collection, with `environment`
    /// (e.g. "TERM=xterm NO_COLOR=1") and `options`; the styled rows once the page is up.
    /// NO_COLOR is unset first: the test runner may have set it for its own children.
    static func styledPage(_ environment: String, _ options: String) throws -> [String] {
        let pane = try TmuxPane("unset NO_COLOR; \(environment) \(TmuxPane.binary) --no-resume \(options) '+/病毒没有国界' \(TmuxPane.texts)")
        try pane.waitFor(text: "match 1/")
        return try pane.styledScreen()
    }

    /// Every SGR parameter list of the rows (`ESC [ 1;38;5;252 m` → [1, 38, 5, 252]).
    static func sgr(_ rows: [String]) -> [[Int]] {
        var found: [[Int]] = []
        for row in rows {
            for part in row.components(separatedBy: "\u{1B}[").dropFirst() {
                guard let m = part.firstIndex(of: "m") else { continue }
                let params = part[..<m]
                guard params.allSatisfy({ $0.isNumber || $0 == ";" }) else { continue }
                found.append(params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
            }
        }
        return found
    }

    /// Whether a parameter list sets a colour (30–37, 40–47, 90–107, or 38/48 extended).
    static func setsColour(_ p: [Int]) -> Bool {
        p.contains { (30...37).contains($0) || (40...47).contains($0) || (90...107).contains($0) || $0 == 38 || $0 == 48 }
    }

    @Test(arguments: ["xterm", "xterm-256color", "screen", "tmux-256color", "linux"])
    func theDefaultThemeOnEachTerminal(term: String) throws {
        let rows = try Self.styledPage("TERM=\(term)", "")
        let codes = Self.sgr(rows)
        // The match on yellow (43), the accent (citations, margin) in cyan (36).
        #expect(codes.contains { $0.contains(43) }, "\(term): no match highlight in \(codes)")
        #expect(codes.contains { $0.contains(36) }, "\(term): no accent in \(codes)")
    }

    @Test func darkAt256Colours() throws {
        let codes = Self.sgr(try Self.styledPage("TERM=xterm-256color", "--theme dark"))
        #expect(codes.contains { $0.starts(with: [48, 5, 214]) || $0.contains(214) }, "no 256-colour match in \(codes)")
        #expect(codes.contains { $0.contains(238) }, "no 256-colour bar in \(codes)")
    }

    @Test func lightAt8Colours() throws {
        let codes = Self.sgr(try Self.styledPage("TERM=xterm", "--theme light"))
        #expect(codes.contains { $0.contains(47) }, "no light-grey bar in \(codes)")
        #expect(codes.contains { $0.contains(34) }, "no blue accent in \(codes)")
        #expect(!codes.contains { $0.contains(38) || $0.contains(48) }, "256-colour codes on an 8-colour terminal: \(codes)")
    }

    @Test func noColorLeavesAttributesOnly() throws {
        let codes = Self.sgr(try Self.styledPage("TERM=xterm-256color NO_COLOR=1", "--theme dark"))
        #expect(!codes.contains(where: Self.setsColour), "colours with NO_COLOR: \(codes)")
        // The match: reverse (7) and underline (4); the title bold (1).
        #expect(codes.contains { $0.contains(7) }, "no reverse in \(codes)")
        #expect(codes.contains { $0.contains(4) }, "no underline in \(codes)")
        #expect(codes.contains { $0.contains(1) }, "no bold in \(codes)")
    }
}
