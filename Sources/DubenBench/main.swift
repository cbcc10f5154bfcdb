import DubenModel
import DubenUI
import Foundation

// Benchmarks, run by scripts/bench in release mode. Each prints one line per figure.
// Timing targets live here, never in the test suite.

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident set size of this process, in bytes.
func peakRSS() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

/// glibc's malloc_trim (in <malloc.h>, which the Glibc module leaves out).
@_silgen_name("malloc_trim") func mallocTrim(_ pad: Int) -> Int32

/// Starts `indexer` and waits for its last snapshot: the whole library.
func indexedToTheEnd(_ indexer: LibraryIndexer) -> Corpus {
    indexer.start()
    var corpus = indexer.initial
    var done = !indexer.hasMore
    while !done {
        usleep(20_000)
        if let s = indexer.take() { corpus = s.corpus; done = s.done }
    }
    return corpus
}

let arguments = CommandLine.arguments.dropFirst()
// tmux-first-screen SOCKET COMMAND EXPECTED…: seconds to the first screen (scripts/bench open).
if arguments.first == "tmux-first-screen" {
    let rest = Array(arguments.dropFirst())
    guard rest.count >= 3 else {
        print("usage: DubenBench tmux-first-screen SOCKET COMMAND EXPECTED…")
        exit(2)
    }
    guard let seconds = TmuxTimings.measure(command: rest[1], expected: rest[2...].map { Array($0.utf8) }, socket: rest[0]) else {
        FileHandle.standardError.write(Data("tmux-first-screen: gave up waiting for \(rest[2...].joined(separator: " or "))\n".utf8))
        exit(1)
    }
    print(String(format: "%.4f", seconds))
    exit(0)
}
// tmux-overlay SOCKET COMMAND KEY TITLE [STAMP]: seconds from the start to the whole overlay KEY
// opens (its title row showing TITLE and not "indexing"), KEY sent at the first screen; with
// STAMP, a file the command wrote the wall clock into as it started the program (bash's
// $EPOCHREALTIME, then exec), also the seconds from the program's start.
if arguments.first == "tmux-overlay" {
    let rest = Array(arguments.dropFirst())
    guard rest.count == 4 || rest.count == 5 else {
        print("usage: DubenBench tmux-overlay SOCKET COMMAND KEY TITLE [STAMP]")
        exit(2)
    }
    guard let seconds = TmuxTimings.overlay(command: rest[1], firstScreen: [Array("line 1/".utf8), Array("line ~1/".utf8)],
                                                key: rest[2], title: rest[3], unless: "indexing", socket: rest[0]) else {
        FileHandle.standardError.write(Data("tmux-overlay: gave up waiting for \(rest[3])\n".utf8))
        exit(1)
    }
    var line = String(format: "%.4f", seconds.fromStart)
    if rest.count == 5 {
        guard let text = try? String(contentsOfFile: rest[4], encoding: .utf8),
              let started = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            FileHandle.standardError.write(Data("tmux-overlay: \(rest[4]): no start time written\n".utf8))
            exit(1)
        }
        line += String(format: " %.4f", seconds.wallClock - started)
    }
    print(line)
    exit(0)
}
guard let what = arguments.first, let path = arguments.dropFirst().first else {
    print("usage: DubenBench parse|wrap|screen|keys|icu|sizes|regex-engines FILE")
    exit(2)
}

switch what {
case "parse":
    // Five runs (the machine's speed varies from run to run): the median and the range. The
    // file is read once first, so that the runs time parsing rather than the disk.
    _ = FileManager.default.contents(atPath: path)
    var rates: [Double] = []
    var bytes = 0
    var summary = ""
    for _ in 0..<5 {
        let start = now()
        let corpus = try CorpusLoader().load(paths: [path])
        let seconds = now() - start
        bytes = corpus.files.reduce(0) { $0 + $1.bytes.count }
        rates.append(Double(bytes) / 1_000_000 / seconds)
        summary = "\(corpus.documents.count) documents, \(corpus.documents.reduce(0) { $0 + $1.blocks.count }) blocks, "
            + "\(corpus.documents.reduce(0) { $0 + $1.quotations.count }) quotations"
    }
    let inOrder = rates.map { String(format: "%.0f", $0) }.joined(separator: " ")
    rates.sort()
    print("parse: runs in order \(inOrder) MB/s")
    print(String(format: "parse: %.1f MB, median of 5 runs %.0f MB/s (range %.0f–%.0f); %@", Double(bytes) / 1_000_000,
                 rates[2], rates[0], rates[4], summary))
    print(String(format: "parse: peak RSS %.1f MB = %.2f × corpus", Double(peakRSS()) / 1_000_000, Double(peakRSS()) / Double(bytes)))
case "sizes":
    print("Block", MemoryLayout<Block>.stride, "Quotation", MemoryLayout<Quotation>.stride, "Citation", MemoryLayout<Citation>.stride,
          "TOCEntry", MemoryLayout<TOCEntry>.stride, "DatedPassage", MemoryLayout<DatedPassage>.stride, "Document", MemoryLayout<Document>.stride,
          "DateSpan", MemoryLayout<DateSpan>.stride)
    let before = peakRSS()
    let corpus = try CorpusLoader().load(paths: [path])
    var cap = (blocks: 0, quotations: 0, toc: 0, passages: 0)
    var cnt = (blocks: 0, quotations: 0, toc: 0, passages: 0)
    for d in corpus.documents {
        cap.blocks += d.blocks.capacity; cnt.blocks += d.blocks.count
        cap.quotations += d.quotations.capacity; cnt.quotations += d.quotations.count
        cap.toc += d.toc.capacity; cnt.toc += d.toc.count
        cap.passages += d.datedPassages.capacity; cnt.passages += d.datedPassages.count
    }
    print("counts", cnt, "capacities", cap, "peak before", before / 1_000_000, "after", peakRSS() / 1_000_000)
case "rss-read":
    let src = try CorpusLoader().read(path)
    print("read only: peak RSS \(peakRSS() / 1_000_000) MB for \(src.bytes.count / 1_000_000) MB")
case "rss-split":
    let src = try CorpusLoader().read(path)
    let docs = DocumentSplitter.split(src.bytes)
    print("read+split: peak RSS \(peakRSS() / 1_000_000) MB, \(docs.count) docs")
case "open-phases":
    // Where the time to the first screen goes: reading and decoding the first file, its
    // first document, the reader, the first frame.
    for _ in 0..<3 {
        let t0 = now()
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let listed = try CorpusLoader().files(paths: [path])
        let raw = try CorpusLoader().read(listed[0])
        let t1 = now()
        let indexer = try LibraryIndexer(paths: [path])
        let t2 = now()
        let reader = Reader(corpus: indexer.initial, columns: 100, rows: 30)
        let t3 = now()
        _ = ReaderView.draw(reader)
        let t4 = now()
        print(String(format: "open-phases: list %d files, read+decode the first %.0f ms (%d MB); indexer init (read, decode, first document) %.0f ms; reader %.1f ms; first frame %.1f ms",
                     listed.count, (t1 - t0) * 1e3, raw.bytes.count / 1_000_000, (t2 - t1) * 1e3, (t3 - t2) * 1e3, (t4 - t3) * 1e3))
    }
case "index-memory":
    // Anonymous memory after a full background index, as the reader does it (RssAnon).
    func status(_ key: String) -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? "") ?? 0
        }
        return 0
    }
    let t0 = now()
    let indexer = try LibraryIndexer(paths: [path])
    let snapshot = (corpus: indexedToTheEnd(indexer), done: true)
    let t1 = now()
    let bytes = snapshot.corpus.files.reduce(0) { $0 + $1.bytes.count }
    print(String(format: "index-memory: %d documents, %.0f MB in %.2f s; RssAnon %d MB, RssFile %d MB, VmHWM %d MB",
                 snapshot.corpus.documents.count, Double(bytes) / 1e6, t1 - t0, status("RssAnon") / 1000, status("RssFile") / 1000,
                 status("VmHWM") / 1000))
    _ = mallocTrim(0)
    print(String(format: "index-memory: trimmed RssAnon %d MB", status("RssAnon") / 1000))
    let c1 = Chronology(snapshot.corpus)
    print(String(format: "index-memory: + quotations by date (%d items) RssAnon %d MB", c1.items.count, status("RssAnon") / 1000))
    let c2 = Chronology(snapshot.corpus, includePassages: true)
    print(String(format: "index-memory: + dated items (%d) RssAnon %d MB", c2.items.count, status("RssAnon") / 1000))
    withExtendedLifetime((c1, c2)) {}
    var reader = Reader(corpus: indexer.initial, columns: 100, rows: 30)
    _ = reader.update(corpus: snapshot.corpus, progress: nil)
    _ = ReaderView.draw(reader)
    print(String(format: "index-memory: with a reader RssAnon %d MB", status("RssAnon") / 1000))
    _ = mallocTrim(0)
    print(String(format: "index-memory: after malloc_trim RssAnon %d MB", status("RssAnon") / 1000))
    withExtendedLifetime(snapshot) {}
    withExtendedLifetime(reader) {}
case "index-cache":
    // A whole index without the cache (it is written), then with it warm, then from the
    // warm cache with the chronology the timeline needs.
    let directory = NSTemporaryDirectory() + "duben-bench-cache-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let cache = IndexCache(directory: directory)
    for run in ["cold (writes the cache)", "warm", "warm"] {
        let t0 = now()
        let indexer = try LibraryIndexer(paths: [path], cache: cache)
        indexer.start()
        var last: LibraryIndexer.Snapshot? = nil
        while last?.done != true {
            usleep(1000)
            if let s = indexer.take() { last = s }
        }
        let t1 = now()
        let chronology = Chronology(last!.corpus, includePassages: true)
        let t2 = now()
        print(String(format: "index-cache: %@: %d documents (%d files from the cache, %d parsed) in %.0f ms; chronology (%d items) %.0f ms",
                     run, last!.corpus.documents.count, last!.cachedFiles, last!.parsedFiles, (t1 - t0) * 1e3, chronology.items.count, (t2 - t1) * 1e3))
    }
    print("index-cache: \(cache.usage().bytes / 1_000_000) MB of cache for \(path)")
    // In the process, as the reader opens with a warm cache: from opening the library to the
    // whole library list (L) or the whole timeline (T) drawn, median of 5.
    for key in ["L", "T"] {
        var times: [Double] = []
        var header = ""
        for _ in 0..<5 {
            let t0 = now()
            let indexer = try LibraryIndexer(paths: [path], cache: cache)
            var reader = Reader(corpus: indexer.initial, columns: 100, rows: 30)
            indexer.start()
            var done = !indexer.hasMore
            while !done {
                if let s = indexer.take() {
                    _ = reader.update(corpus: s.corpus, progress: s.done ? nil : s.progress)
                    done = s.done
                } else {
                    usleep(200)
                }
            }
            _ = reader.handle(.char(Character(key)))
            header = ReaderView.draw(reader).lines[0]
            times.append(now() - t0)
        }
        times.sort()
        print(String(format: "index-cache: warm, opening to the whole %@ drawn: %.1f ms (median of 5; %@)", key, times[2] * 1e3,
                     header.trimmingCharacters(in: .whitespaces)))
    }
    let t0 = now()
    let entry = cache.entry(for: path)!
    let t1 = now()
    var table: [String: MetadataFile] = [:]
    let source = try CorpusLoader().readSource(path, metadata: &table, plain: entry.key.plain ? entry.key.file : nil)
    let t2 = now()
    let archived = ArchivedDocuments(entry: entry.bytes, payload: entry.payload, checked: entry.checked,
                                     source: source.file, metadata: source.metadata)!
    let t3 = now()
    var b = CorpusBuilder()
    _ = b.add(archived: archived, of: source)
    let t4 = now()
    let chronology = Chronology(b.corpus, includePassages: true)
    let t5 = now()
    for d in b.documents { withExtendedLifetime(d) {} }
    let t6 = now()
    print(String(format: "index-cache: entry %.1f ms, map %.1f ms, table %.1f ms, add %.1f ms, chronology (%d items) %.1f ms; then every document decoded %.0f ms",
                 (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, (t4 - t3) * 1e3, chronology.items.count, (t5 - t4) * 1e3, (t6 - t5) * 1e3))
case "indexing-keys":
    // Key to frame while the library is indexed in the background, as the session does it:
    // every 5 ms a key, the newest snapshot taken in (Reader.update), a frame drawn and
    // diffed. Then the whole index's rate.
    let t0 = now()
    let indexer = try LibraryIndexer(paths: [path])
    var reader = Reader(corpus: indexer.initial, columns: 100, rows: 30)
    _ = reader.update(corpus: indexer.initial, progress: 0)
    indexer.start()
    var previous = ReaderView.draw(reader)
    var samples: [Double] = []
    var updates: [Double] = []
    let keys: [Key] = [.char("j"), .char("j"), .char(" "), .char("k"), .char("b"), .char("d"), .char("u"), .char("]"), .char("[")]
    var done = !indexer.hasMore
    var i = 0
    while !done {
        let start = now()
        if let snapshot = indexer.take() {
            _ = reader.update(corpus: snapshot.corpus, progress: snapshot.done ? nil : snapshot.progress)
            done = snapshot.done
            updates.append(now() - start)
        }
        _ = reader.handle(keys[i % keys.count])
        i += 1
        let frame = ReaderView.draw(reader)
        _ = frame.changedRows(since: previous)
        previous = frame
        samples.append(now() - start)
        usleep(5000)
    }
    let seconds = now() - t0
    let bytes = reader.corpus.files.reduce(0) { $0 + $1.bytes.count }
    samples.sort()
    print(String(format: "indexing-keys: %d documents, %.0f MB indexed in %.2f s (%.0f MB/s) while %d keys were handled: key to frame median %.2f ms, p99 %.2f ms, max %.2f ms (%d snapshots taken, the slowest %.1f ms)",
                 reader.corpus.documents.count, Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / seconds, samples.count,
                 samples[samples.count / 2] * 1e3, samples[samples.count * 99 / 100] * 1e3, samples.last! * 1e3, updates.count,
                 (updates.max() ?? 0) * 1e3))
case "big-document":
    // On a library whose last document is huge (a 1 GB single document): G to its end, then
    // resizes, after indexing, each with its frame.
    let corpus = indexedToTheEnd(try LibraryIndexer(paths: [path]))
    var reader = Reader(corpus: corpus, columns: 100, rows: 30)
    reader.jump(toDocument: corpus.documents.count - 1)
    let doc = corpus.documents[corpus.documents.count - 1]
    func timed(_ body: (inout Reader) -> Void) -> Double {
        let start = now()
        body(&reader)
        _ = ReaderView.draw(reader)
        return (now() - start) * 1e3
    }
    let g = timed { _ = $0.handle(.char("G")) }
    let g2 = timed { _ = $0.handle(.char("g")); _ = $0.handle(.char("G")) }
    let resize = [(80, 24), (120, 40), (60, 20), (100, 30)].map { size in timed { $0.resize(columns: size.0, rows: size.1) } }
    let resizeEnd = timed { $0.resize(columns: 90, rows: 30); _ = $0.handle(.char("G")) }
    print(String(format: "big-document: %@ (%d blocks, %.0f MB): G %.1f ms (again %.1f ms); resize %@ ms; resize then G %.1f ms",
                 doc.title, doc.blocks.count, Double(doc.range.count) / 1e6, g, g2,
                 resize.map { String(format: "%.1f", $0) }.joined(separator: ", "), resizeEnd))
case "reader-search":
    BenchReaderSearch.run(path, phrase: arguments.dropFirst(2).first ?? "终章标记")
case "regex-engines":
    try RegexEngines.run(path, pattern: arguments.dropFirst(2).first ?? "命运.*共同体")
default:
    BenchExtra.run(what, path)
}
