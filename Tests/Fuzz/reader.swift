import DubenLayout
import DubenModel
import DubenStore
import DubenTerminal
import DubenUI
import Foundation

// Key bytes and resizes → the reader, as the session drives it (`Reader.handle`, the effects
// performed in memory and given back through `Reader.apply`, `ReaderView.draw`), on the
// bundled corpus plus a few degenerate documents (a title alone, controls, a lone citation).
// No thread: the library's match count is counted here, so a run is reproducible.
// The input: UTF-8 characters are typed as the terminal reports them (`KeyDecoding`: Tab,
// Enter, Esc, Backspace, Ctrl-letters); 0xF8 c r is a resize to 1+c%250 columns and 1+r%80
// rows; 0xF9 k a named key (arrows, pages, F-keys, wheel); 0xFA k the k-th key of the key table
// (every bound key of every context); other invalid bytes are skipped.
// Invariants, after every key: no trap; the top of the page is a valid anchor (document,
// block, scalar offset inside the block, row inside the block's lines at the current size —
// unless the terminal is too small to draw, when the layout of the last usable size is kept);
// the screen has the
// terminal's size, every row adds up to the terminal's width, no cell is wider than it says or
// holds a control, a wide cell is followed by its continuation.

let fuzzCorpus: Corpus = {
    let root = ProcessInfo.processInfo.environment["DUBEN_FUZZ_ROOT"] ?? FileManager.default.currentDirectoryPath
    var builder = CorpusBuilder()
    guard let data = FileManager.default.contents(atPath: root + "/Texts/corpus-2020.txt"),
          let decoded = try? SourceDecoder.decode([UInt8](data)) else {
        fatalError("cannot read Texts/corpus-2020.txt under \(root) (set DUBEN_FUZZ_ROOT)")
    }
    builder.add(LoadedSource(file: SourceFile(path: root + "/Texts/corpus-2020.txt", bytes: decoded.bytes)))
    let extra = "标\n\n\n\n标题\n（2020年3月27日同美国总统特朗普通电话）\n\n\n\n标题\n\u{1B}]52;c;aGk=\u{07}\t\u{1}\u{7F}e\u{301}👨‍👩‍👧\u{202E}abc\n\n\n\n标题\n4月20日至23日，考察。\n21日上午，来到。\n"
    builder.add(LoadedSource(file: SourceFile(path: "/fuzz/extra.txt", bytes: Array(extra.utf8))))
    return builder.corpus
}()

let namedKeys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace,
                        .delete, .wheelUp, .wheelDown] + (1...12).map { .function($0) }
let tableKeys: [Key] = {
    var keys: [Key] = []
    for context in KeyContext.allCases { for binding in KeyBindings.bindings(context) { keys += binding.keys } }
    return keys
}()

/// The session's part in memory: bookmarks in a list, every other effect answered as done.
struct FuzzWorld: EffectPerforming {
    var bookmarks: [Bookmark] = []
    var lastID = 0

    mutating func perform(_ effect: Effect) -> EffectResult? {
        switch effect {
        case .redraw, .quit, .suspend, .reload: return nil
        case .bookmarks(.add(let draft)):
            lastID += 1
            let b = draft.stamped(id: "id-\(lastID)", now: "2026-12-01T00:00:00Z")
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
            return .reanchored(count: moved.count)
        case .export(let list, _, let path, _):
            return .exported(count: list.count, path: path)
        case .savePositions:
            return .positionsSaved
        case .countMatches(let pattern, let generation):
            var m = pattern.matcher()
            let total = fuzzCorpus.documents.reduce(0) { $0 + $1.countMatches(&m) }
            return .matchCount(total: total, generation: generation)
        case .saveSearchHistory:
            return .searchHistorySaved
        case .copy(_, let characters):
            return .copied(characters: characters, destination: "to memory")
        }
    }
}

func keys(from raw: [UInt8]) -> [Key] {
    var keys: [Key] = []
    var i = 0
    while i < raw.count && keys.count < 3000 {
        let b = raw[i]
        switch b {
        case 0xF8:
            guard i + 2 < raw.count else { return keys }
            keys.append(.resize(columns: 1 + Int(raw[i + 1]) % 250, rows: 1 + Int(raw[i + 2]) % 80))
            i += 3
        case 0xF9:
            guard i + 1 < raw.count else { return keys }
            keys.append(namedKeys[Int(raw[i + 1]) % namedKeys.count])
            i += 2
        case 0xFA:
            guard i + 1 < raw.count else { return keys }
            keys.append(tableKeys[Int(raw[i + 1]) % tableKeys.count])
            i += 2
        default:
            var it = raw[i...].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let s) = decoder.decode(&it) {
                if let k = KeyDecoding.key(character: s.value) { keys.append(k) }
                i += String(s).utf8.count
            } else {
                i += 1
            }
        }
    }
    return keys
}

func checkTop(_ reader: Reader, after key: Key) {
    let documents = reader.corpus.documents
    require(documents.indices.contains(reader.documentIndex), "document \(reader.documentIndex) of \(documents.count) after \(key)")
    let doc = documents[reader.documentIndex]
    let top = reader.top
    guard !doc.blocks.isEmpty else {
        require(top.block == 0 && reader.topOffset == 0, "top \(top) in a document without blocks after \(key)")
        return
    }
    require(doc.blocks.indices.contains(top.block), "top block \(top.block) of \(doc.blocks.count) after \(key)")
    let scalars = doc.text(of: top.block).unicodeScalars.count
    require(reader.topOffset >= 0 && reader.topOffset <= scalars, "top offset \(reader.topOffset) of \(scalars) after \(key)")
    // Too small a terminal keeps the layout of the last size it could draw at (the row refers
    // to that one; the anchor, block and offset, is re-laid out when the terminal grows).
    if !reader.isTooSmall {
        let layout = DocumentLayout(document: doc, options: LayoutOptions(width: reader.textWidth, ambiguousWidth: reader.ambiguousWidth,
                                                                          indent: reader.indent))
        let rows = layout.lines(ofBlock: top.block).count
        require(top.row >= 0 && top.row <= rows, "top row \(top.row) of block \(top.block) with \(rows) lines after \(key)")
    }
    let anchor = TextAnchor(document: doc.id, block: top.block, offset: reader.topOffset)
    let byte = doc.byteOffset(of: anchor)
    require(doc.blocks[top.block].range.contains(byte) || byte == doc.blocks[top.block].range.upperBound,
            "top anchor \(anchor) is byte \(byte), outside its block \(doc.blocks[top.block].range)")
}

func checkScreen(_ screen: ScreenBuffer, _ reader: Reader, after key: Key) {
    require(screen.width == reader.columns && screen.height == reader.rows,
            "screen \(screen.width)x\(screen.height) on a \(reader.columns)x\(reader.rows) terminal after \(key)")
    let measure = DisplayWidth()
    for y in 0..<screen.height {
        var cells = 0
        var x = 0
        while x < screen.width {
            let cell = screen[x, y]
            require(!cell.isContinuation, "row \(y) column \(x): a continuation without its wide cell after \(key)")
            let w = Int(cell.width)
            // Printable ASCII in one cell is the bulk of a screen: nothing to measure.
            let utf8 = cell.text.utf8
            if !(w == 1 && utf8.count == 1 && (0x20...0x7E).contains(utf8.first!)) {
                for v in cell.text.unicodeScalars { require(!isControl(v.value), "row \(y) column \(x) holds U+\(String(v.value, radix: 16)) after \(key)") }
                require(measure.width(of: cell.text) <= w, "row \(y) column \(x): \(cell.text.debugDescription) wider than its \(w) cells after \(key)")
            }
            for k in 1..<max(1, w) {
                require(x + k < screen.width && screen[x + k, y].isContinuation, "row \(y): wide cell at \(x) not followed by its continuation after \(key)")
            }
            cells += max(1, w)
            x += max(1, w)
        }
        require(cells == screen.width, "row \(y) takes \(cells) cells on a \(screen.width)-column terminal after \(key)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = inputBytes(data, size)
    guard let first = raw.first else { return 0 }
    // Byte 0: the starting size and layout (ambiguous width, indentation, a fixed text width).
    let columns = [80, 40, 20, 120, 9, 250, 30, 60][Int(first) & 7]
    let rows = [24, 12, 6, 50, 4, 80, 3, 16][Int(first >> 3) & 7]
    var reader = Reader(corpus: fuzzCorpus, columns: columns, rows: rows, width: first & 0x40 != 0 ? 9 : nil,
                        ambiguousWidth: first & 0x80 != 0 ? 2 : 1, indent: first & 0x40 != 0 ? .none : .keep,
                        bookmarks: BookmarkState(availability: .writable))
    var world = FuzzWorld()
    for effect in reader.start() { if let r = world.perform(effect) { reader.apply(r) } }
    for key in keys(from: Array(raw.dropFirst())) {
        var quit = false
        for effect in reader.handle(key) {
            if case .quit = effect { quit = true }
            if let r = world.perform(effect) { reader.apply(r) }
        }
        checkTop(reader, after: key)
        checkScreen(ReaderView.draw(reader), reader, after: key)
        if quit { break }
    }
    return 0
}
