import Foundation
import DubenLayout
import DubenModel
import DubenUI

/// Layout benchmarks: the whole corpus at width 80, and one screen.
enum BenchExtra {
    static func run(_ what: String, _ path: String) {
        let corpus = load(path)
        switch what {
        case "wrap":
            // Three runs, each from a cold layout: the median and the range.
            var rates: [Double] = []
            var lines = 0
            var bytes = 0
            for _ in 0..<3 {
                let options = LayoutOptions(width: 80)
                let start = now()
                lines = 0
                bytes = 0
                for doc in corpus.documents {
                    let layout = DocumentLayout(document: doc, options: options)
                    for b in doc.blocks.indices {
                        lines += layout.lines(ofBlock: b).count
                        bytes += doc.blocks[b].range.count
                    }
                }
                rates.append(Double(bytes) / 1_000_000 / (now() - start))
            }
            rates.sort()
            print(String(format: "wrap: %.1f MB of block text at width 80, median of 3 runs %.0f MB/s (range %.0f–%.0f); %d lines",
                         Double(bytes) / 1_000_000, rates[1], rates[0], rates[2], lines))
        case "layout-rss":
            // Memory of the whole corpus laid out at width 80 and kept (what a reader that has
            // shown every block of every document holds).
            // Through a LayoutCache, as the reader keeps them.
            let before = peakRSS()
            let cache = LayoutCache(options: LayoutOptions(width: 80))
            var layouts: [DocumentLayout] = []
            var lines = 0
            for d in corpus.documents.indices {
                let layout = cache.layout(d, of: corpus)
                for b in layout.document.blocks.indices { lines += layout.lines(ofBlock: b).count }
                layouts.append(layout)
            }
            let bytes = corpus.files.reduce(0) { $0 + $1.bytes.count }
            print(String(format: "layout-rss: %d lines kept; peak RSS %.0f MB after loading, %.0f MB after layout (+%.2f × corpus)",
                         lines, Double(before) / 1e6, Double(peakRSS()) / 1e6, Double(peakRSS() - before) / Double(bytes)))
            withExtendedLifetime(layouts) {}
        case "icu":
            // ICU's break iterator alone over every block: the floor under "wrap".
            let start = now()
            var total = 0
            var bytes = 0
            for doc in corpus.documents {
                doc.source.bytes.withUnsafeBufferPointer { p in
                    for b in doc.blocks {
                        total += LineBreaker.opportunities(UnsafeBufferPointer(rebasing: p[b.range])).count
                        bytes += b.range.count
                    }
                }
            }
            let seconds = now() - start
            print(String(format: "icu: %d break opportunities in %.1f MB in %.2f s = %.0f MB/s", total, Double(bytes) / 1_000_000,
                         seconds, Double(bytes) / 1_000_000 / seconds))
        case "screen":
            // One 80×24 screen from a cold layout, at the start, middle and end of the corpus.
            var samples: [Double] = []
            let docs = [0, corpus.documents.count / 2, corpus.documents.count - 2]
            for _ in 0..<300 {
                for d in docs {
                    let doc = corpus.documents[d]
                    let start = now()
                    let layout = DocumentLayout(document: doc, options: LayoutOptions(width: 76))
                    var count = 0
                    var b = doc.blocks.count / 2
                    while count < 22 && b < doc.blocks.count { count += layout.lines(ofBlock: b).count + 1; b += 1 }
                    samples.append(now() - start)
                }
            }
            samples.sort()
            print(String(format: "screen: wrap one 76-column screen from cold: median %.0f µs, p99 %.0f µs",
                         samples[samples.count / 2] * 1e6, samples[samples.count * 99 / 100] * 1e6))
        case "keys":
            // Key to frame: state update + layout + drawing the buffer + the row diff, at the
            // start, middle and end of the corpus, 80×24.
            var reader = Reader(corpus: corpus, columns: 80, rows: 24)
            let places: [(String, Int, Bool)] = [("start", 0, false), ("middle", corpus.documents.count / 2, false),
                                                 ("end", corpus.documents.count - 1, true)]
            for (name, doc, atEnd) in places {
                reader.jump(toDocument: doc)
                if atEnd { _ = reader.handle(.char("G")) } else if name == "middle" { for c in "50%" { _ = reader.handle(.char(c)) } }
                let keys: [Key] = [.char("j"), .char("j"), .char(" "), .char("k"), .char("b"), .char("d"), .char("u"), .char("j")]
                print("keys (\(name)): " + keyToFrame(&reader, keys, times: 2000))
            }
        case "timeline":
            // Key to frame in the timeline overlay (T), without and with a filter.
            var reader = Reader(corpus: corpus, columns: 80, rows: 24)
            _ = reader.handle(.char("T"))
            for filter in ["", "疫情"] {
                if !filter.isEmpty {
                    _ = reader.handle(.char("/"))
                    for c in filter { _ = reader.handle(.char(c)) }
                    let start = now()
                    _ = reader.handle(.enter)
                    _ = ReaderView.draw(reader)
                    print(String(format: "timeline: applying the filter \"%@\" (matching every dated item) %.0f ms", filter, (now() - start) * 1e3))
                }
                let keys: [Key] = [.char("j"), .char("j"), .char("J"), .char("k"), .char("K"), .char("j")]
                print("timeline (filter \"\(filter)\"): " + keyToFrame(&reader, keys, times: 60))
            }
        case "search":
            // A search that runs through the whole corpus: a word found only at the end, and
            // one found nowhere.
            var reader = Reader(corpus: corpus, columns: 80, rows: 24)
            for pattern in ["丁薛祥", "没有这个词"] {
                reader.jump(toDocument: 0)
                _ = reader.handle(.char("/"))
                for c in pattern { _ = reader.handle(.char(c)) }
                let start = now()
                _ = reader.handle(.enter)
                _ = ReaderView.draw(reader)
                print(String(format: "search \"%@\": %.0f ms (%@)", pattern, (now() - start) * 1e3, reader.message ?? ""))
            }
        default:
            print("unknown benchmark \(what)")
        }
    }

    /// The corpus of `path`, or the error printed and exit status 2.
    static func load(_ path: String) -> Corpus {
        do {
            return try CorpusLoader().load(paths: [path])
        } catch {
            print("bench: \(error)")
            exit(2)
        }
    }

    /// Key to frame: the state update, drawing the buffer and the row diff, for `times` keys
    /// cycling through `keys`. Returns the median, p99 and maximum.
    static func keyToFrame(_ reader: inout Reader, _ keys: [Key], times: Int) -> String {
        var previous = ReaderView.draw(reader)
        var samples: [Double] = []
        for i in 0..<times {
            let start = now()
            _ = reader.handle(keys[i % keys.count])
            let frame = ReaderView.draw(reader)
            _ = frame.changedRows(since: previous)
            samples.append(now() - start)
            previous = frame
        }
        samples.sort()
        return String(format: "key to frame median %.2f ms, p99 %.2f ms, max %.2f ms",
                      samples[samples.count / 2] * 1e3, samples[samples.count * 99 / 100] * 1e3, samples.last! * 1e3)
    }
}
