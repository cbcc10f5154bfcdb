import DubenModel
import DubenStore
import DubenTestSupport
import DubenUI
import Foundation
import Testing

enum UITestSupport {
    static var repoRoot: URL { TestSupport.repoRoot }
    static var bundled: Corpus { TestSupport.bundled }
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func reader(_ columns: Int, _ rows: Int) -> Reader {
        Reader(corpus: bundled, columns: columns, rows: rows)
    }

    /// Sends keys; typing a string sends its characters.
    static func type(_ reader: inout Reader, _ keys: [Key]) {
        for k in keys { _ = reader.handle(k) }
    }

    static func chars(_ s: String) -> [Key] { s.map { Key.char($0) } }

    /// The screen as golden text: the rows, then the style codes of each row.
    static func snapshot(_ screen: ScreenBuffer) -> String {
        let text = screen.lines.map { "|" + $0 }.joined(separator: "\n")
        let styles = screen.styleLines.map { "|" + $0 }.joined(separator: "\n")
        return "\(screen.width)x\(screen.height)\n\(text)\n--- styles (M match, R reverse, A accent, B bold, U underline, D dim) ---\n\(styles)\n"
    }

    /// Compares with a golden screen in `Golden/` (see `Golden.assert`).
    static func assertGolden(_ name: String, _ screen: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.assert(snapshot(screen), matches: name + ".txt", in: goldenDirectory, sourceLocation: sourceLocation)
    }
}

extension UITestSupport {
    /// Sends keys and plays the session's part for the effects they produce, in `world`.
    static func run(_ reader: inout Reader, _ world: inout MemoryWorld, _ keys: [Key]) {
        for k in keys {
            for effect in reader.handle(k) {
                if let result = world.perform(effect) { reader.apply(result) }
            }
        }
    }
}

/// The outside world in memory: a bookmark list, exports and saved positions, with ids
/// counted from 1 and a fixed clock. `failure`, when set, makes every effect fail with it.
struct MemoryWorld {
    var bookmarks: [Bookmark] = []
    var exports: [String: (format: ExportFormat, bookmarks: [Bookmark])] = [:]
    var positions: [String: ReadingPosition] = [:]
    /// The corpus the reader reads (for counting matches).
    var corpus: Corpus = UITestSupport.bundled
    var searchHistory: [String] = []
    /// What `y` copied, newest last.
    var clipboard: [String] = []
    var failure: Notice?
    private var lastID = 0

    mutating func perform(_ effect: Effect) -> EffectResult? {
        if case .redraw = effect { return nil }
        if case .quit = effect { return nil }
        if let failure { return .failed(failure) }
        switch effect {
        case .redraw, .quit, .suspend, .reload: return nil
        case .bookmarks(.add(let draft)):
            lastID += 1
            let b = draft.stamped(id: "id-\(lastID)", now: "2026-11-30T00:00:00Z")
            bookmarks.append(b)
            return .bookmarkAdded(b)
        case .bookmarks(.remove(let b)):
            bookmarks.removeAll { $0.id == b.id }
            return .bookmarkRemoved(b)
        case .bookmarks(.restore(let b)):
            bookmarks.append(b)
            return .bookmarkRestored(b)
        case .bookmarks(.setNote(let id, let note)):
            guard let i = bookmarks.firstIndex(where: { $0.id == id }) else { return .failed(.error("no bookmark \(id)")) }
            bookmarks[i].note = note
            return .noteSet(bookmarks[i])
        case .bookmarks(.reanchor(let moved)):
            for m in moved { if let i = bookmarks.firstIndex(where: { $0.id == m.id }) { bookmarks[i] = m } }
            return .reanchored(count: moved.count)
        case .export(let list, let format, let path, _):
            guard exports[path] == nil else { return .failed(.error("\(path) exists; not overwritten")) }
            exports[path] = (format, list)
            return .exported(count: list.count, path: path)
        case .savePositions(let p, _, _):
            positions.merge(p) { _, new in new }
            return .positionsSaved
        case .countMatches(let pattern, let generation):
            var m = pattern.matcher()
            let total = corpus.documents.reduce(0) { $0 + $1.countMatches(&m) }
            return .matchCount(total: total, generation: generation)
        case .saveSearchHistory(let history):
            searchHistory = history
            return .searchHistorySaved
        case .copy(let text, let characters):
            clipboard.append(text)
            return .copied(characters: characters, destination: "to memory")
        }
    }
}
