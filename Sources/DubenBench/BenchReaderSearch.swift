import DubenModel
import DubenTerminal
import DubenUI
import Foundation

/// The reader's search against grep on the same file (issue 13's targets): from Enter in the
/// `/` prompt to the match drawn, for a phrase that occurs only at the end of the file, and
/// key-to-frame while the library count runs on its thread.
enum BenchReaderSearch {
    static func run(_ path: String, phrase: String) {
        let corpus = BenchExtra.load(path)
        let label = "\(corpus.documents.count) document\(corpus.documents.count == 1 ? "" : "s")"
        // Enter to frame, five times, from the first document's start each time.
        var samples: [Double] = []
        var message = ""
        for _ in 0..<5 {
            var reader = Reader(corpus: corpus, columns: 100, rows: 30)
            _ = reader.handle(.char("/"))
            for c in phrase { _ = reader.handle(.char(c)) }
            let start = now()
            _ = reader.handle(.enter)
            _ = ReaderView.draw(reader)
            samples.append(now() - start)
            message = reader.message ?? ""
        }
        samples.sort()
        let grep = grepSeconds(["-F", "-c", phrase, path])
        print(String(format: "reader-search (%@): Enter to match on screen, median of 5 %.1f ms; grep -F -c %.1f ms; ratio %.1f× (%@)",
                     label, samples[2] * 1e3, grep * 1e3, samples[2] / grep, message))

        // The list of every match (&) for a word with very many matches.
        for word in ["发展", "的"] {
            var reader = Reader(corpus: corpus, columns: 100, rows: 30)
            _ = reader.handle(.char("&"))
            for c in word { _ = reader.handle(.char(c)) }
            let start = now()
            _ = reader.handle(.enter)
            _ = ReaderView.draw(reader)
            let opened = now() - start
            var count = 0
            if case .occurrences(let state) = reader.overlay { count = state.items.count }
            let keys: [Key] = [.char("j"), .char(" "), .char("j"), .char("b")]
            print(String(format: "reader-search (%@): & %@ lists %d matches in %.0f ms; ", label, word, count, opened * 1e3)
                  + BenchExtra.keyToFrame(&reader, keys, times: 200))
        }

        // Keys while the whole library is counted for a pattern with very many matches.
        var reader = Reader(corpus: corpus, columns: 80, rows: 24)
        let counter = MatchCounter()
        let pattern = try! SearchPattern("的")
        var keys = 0
        var times: [Double] = []
        let countStart = now()
        counter.start(pattern, generation: 1, in: corpus)
        var previous = ReaderView.draw(reader)
        var total: Int?
        while total == nil {
            let start = now()
            _ = reader.handle([Key.char("j"), .char("j"), .char(" "), .char("k"), .char("b")][keys % 5])
            let frame = ReaderView.draw(reader)
            _ = frame.changedRows(since: previous)
            previous = frame
            times.append(now() - start)
            keys += 1
            total = counter.take()?.total
            if total == nil { usleep(2000) }
        }
        let countSeconds = now() - countStart
        times.sort()
        print(String(format: "reader-search (%@): counting \"的\" (%d matches) took %.0f ms; %d keys meanwhile: key to frame median %.2f ms, p99 %.2f ms, max %.2f ms",
                     label, total!, countSeconds * 1e3, keys, times[times.count / 2] * 1e3, times[min(times.count - 1, times.count * 99 / 100)] * 1e3, times.last! * 1e3))
    }

    /// The median wall time of five runs of grep with `arguments`.
    static func grepSeconds(_ arguments: [String]) -> Double {
        var runs: [Double] = []
        for _ in 0..<5 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/grep")
            p.arguments = arguments
            p.standardOutput = FileHandle.nullDevice
            let start = now()
            try? p.run()
            p.waitUntilExit()
            runs.append(now() - start)
        }
        runs.sort()
        return runs[2]
    }
}
