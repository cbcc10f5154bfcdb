import CDubenSearch
import Dispatch
import Foundation

extension LibrarySearch {
    /// What counting files found: the number of matches, and the warnings of the files that
    /// had to be decoded (invalid bytes replaced).
    public struct FileCount: Sendable {
        public var matches: Int
        public var warnings: [String]
    }

    /// Counts the matches in the files `paths` stand for (directories: their `*.txt` files, as
    /// `CorpusLoader` expands them), parsing nothing — the fast path of `duben search --count`.
    ///
    /// A file is mapped rather than read, and cut at line starts into one piece per processor;
    /// each piece is checked (well-formed UTF-8, no CR) and searched on a thread of its own.
    /// A file that is not plain UTF-8 with LF line ends (a byte-order mark, UTF-16, GB18030,
    /// invalid bytes, CR) or standard input is read and decoded by `CorpusLoader.read`, so
    /// the count is always that of the decoded text, as every other command sees it.
    /// With an encoding forced (`loader.encoding`) every file is read through the loader.
    /// - Throws: `LoadError` (the file named) or `EngineFailure`.
    public func count(paths: [String], loader: CorpusLoader = CorpusLoader()) throws -> FileCount {
        var result = FileCount(matches: 0, warnings: [])
        let files = try loader.files(paths: paths)
        var skipped: [String] = []
        for file in files {
            do {
                if file != "-", loader.encoding == nil, let n = try countMapped(file) {
                    result.matches += n
                    continue
                }
                let source = try loader.read(file)
                if source.replacements > 0 {
                    result.warnings.append("\(file): \(source.replacements) invalid byte sequence\(source.replacements == 1 ? "" : "s") replaced by U+FFFD")
                }
                let counted = source.bytes.withUnsafeBufferPointer { countInPieces($0, checking: false) }
                guard let checked = counted, let n = checked else { throw EngineFailure(path: source.path) }
                result.matches += n
            } catch let error as LoadError where files.count > 1 && error.isSkippable {
                // Among several files a bad one is skipped, as every command skips it.
                skipped.append("\(error.description); skipped")
            }
        }
        if skipped.count == files.count { throw LoadError.allSkipped(reasons: skipped) }
        result.warnings = skipped + result.warnings
        return result
    }

    /// The count of a mapped file, or nil when it must be decoded first.
    func countMapped(_ path: String) throws -> Int? {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw LoadError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw LoadError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        guard size > 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        if size > SourceFile.maximumSize { throw LoadError.tooLarge(path: path) }
        // Mapped through the SIGBUS guard: a file cut short meanwhile reads as NULs, not a crash.
        guard let mapped = SourceBytes.mapping(fd: fd, length: size) else { return nil }
        let counted: Int?? = try mapped.withUnsafeBufferPointer { (p) throws(LoadError) -> Int?? in
            // A byte-order mark (UTF-8 or UTF-16): decoded.
            if p[0] == 0xEF || p[0] == 0xFF || p[0] == 0xFE { return .none }
            if memchr(p.baseAddress!, 0, min(size, 8192)) != nil { throw .binary(path: path) }
            if !p.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) { throw .empty(path: path) }
            return countInPieces(p, checking: true)
        }
        guard let n = counted else { return nil }
        guard let n else { throw EngineFailure(path: path) }
        return n
    }

    /// Counts in one piece per processor (one for a small text), cut at line starts. With
    /// `checking`, each piece is first checked to be well-formed UTF-8 without CR: nil when
    /// one is not. The inner nil: the regex engine gave up.
    func countInPieces(_ p: UnsafeBufferPointer<UInt8>, checking: Bool) -> Int?? {
        let pieces = LibrarySearch.pieces(p, count: p.count < 1 << 22 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
        let results = PieceResults(pieces.count)
        let text = UncheckedBuffer(buffer: p)
        let pattern = self.pattern
        let work: @Sendable (Int) -> Void = { k in
            let piece = UnsafeBufferPointer(rebasing: text.buffer[pieces[k]])
            if checking {
                guard LibrarySearch.isWellFormed(piece),
                      piece.isEmpty || memchr(piece.baseAddress!, 0x0D, piece.count) == nil else {
                    results.set(k, .undecoded)
                    return
                }
            }
            var matcher = pattern.matcher()
            var n = 0
            let ok = matcher.forEachMatch(in: piece) { _ in n += 1; return true }
            results.set(k, ok ? .counted(n) : .failed)
        }
        if pieces.count == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: pieces.count, execute: work) }
        var total = 0
        for r in results.values {
            switch r {
            case .counted(let n): total += n
            case .undecoded: return nil
            case .failed: return .some(nil)
            }
        }
        return total
    }

    /// Whether `p` is well-formed UTF-8: the vectorised check of `CDubenSearch` where the
    /// processor has one, else `SourceDecoder`'s (the two agree: `SearchCountTests`).
    static func isWellFormed(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        switch duben_utf8_valid(p.baseAddress, Int64(p.count)) {
        case 1: return true
        case 0: return false
        default: return SourceDecoder.scanValidPrefix(p) == p.count
        }
    }

    /// `count` ranges of about equal size covering `p`, each starting at a line start.
    static func pieces(_ p: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
        guard count > 1, let base = p.baseAddress else { return [0..<p.count] }
        var cuts = [0]
        for k in 1..<count {
            let target = max(p.count * k / count, cuts.last!)
            guard target < p.count, let hit = memchr(base + target, 0x0A, p.count - target) else { break }
            let cut = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
            if cut > cuts.last! && cut < p.count { cuts.append(cut) }
        }
        cuts.append(p.count)
        return (0..<(cuts.count - 1)).map { cuts[$0]..<cuts[$0 + 1] }
    }
}

/// A text's memory, handed to the threads that read it (read-only while they run).
private struct UncheckedBuffer: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// One slot per piece, each written by one thread only; read after they all finished.
private final class PieceResults: @unchecked Sendable {
    enum Result { case counted(Int), undecoded, failed }
    private(set) var values: [Result]
    private let lock = NSLock()

    init(_ count: Int) { values = Array(repeating: .counted(0), count: count) }

    func set(_ k: Int, _ r: Result) {
        lock.lock()
        values[k] = r
        lock.unlock()
    }
}
