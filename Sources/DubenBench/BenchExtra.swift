import DubenLayout
import DubenModel

/// Layout benchmarks: the whole corpus at width 80, and one screen.
enum BenchExtra {
    static func run(_ what: String, _ path: String) {
        guard let corpus = try? CorpusLoader().load(paths: [path]) else { print("cannot load \(path)"); return }
        switch what {
        case "wrap":
            let options = LayoutOptions(width: 80)
            let start = now()
            var lines = 0
            var bytes = 0
            for doc in corpus.documents {
                let layout = DocumentLayout(document: doc, options: options)
                for b in doc.blocks.indices {
                    lines += layout.lines(ofBlock: b).count
                    bytes += doc.blocks[b].range.count
                }
            }
            let seconds = now() - start
            let mb = Double(bytes) / 1_000_000
            print(String(format: "wrap: %.1f MB of block text at width 80 in %.2f s = %.0f MB/s (%d lines)", mb, seconds, mb / seconds, lines))
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
        default:
            print("unknown benchmark \(what)")
        }
    }
}
