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

let arguments = CommandLine.arguments.dropFirst()
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
    indexer.start()
    var corpus = indexer.initial
    var done = !indexer.hasMore
    while !done {
        usleep(50_000)
        if let s = indexer.take() { corpus = s.corpus; done = s.done }
    }
    let snapshot = (corpus: corpus, done: done)
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
    let t0 = now()
    let entry = cache.entry(for: path)!
    let t1 = now()
    var table: [String: MetadataFile] = [:]
    let source = try CorpusLoader().readSource(path, metadata: &table, plain: entry.key.plain ? entry.key.file : nil)
    let t2 = now()
    let docs = entry.bytes.withUnsafeBytes { IndexArchive.decode(UnsafeRawBufferPointer(rebasing: $0[entry.payload]), source: source.file) }!
    let t3 = now()
    var b = CorpusBuilder()
    _ = b.add(cached: docs, of: source)
    let t4 = now()
    print(String(format: "index-cache: entry %.1f ms, map %.1f ms, decode %.1f ms, add %.1f ms", (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, (t4 - t3) * 1e3))
case "reader-search":
    BenchReaderSearch.run(path, phrase: arguments.dropFirst(2).first ?? "终章标记")
case "regex-engines":
    try RegexEngines.run(path, pattern: arguments.dropFirst(2).first ?? "命运.*共同体")
default:
    BenchExtra.run(what, path)
}
