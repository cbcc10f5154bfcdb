import DubenModel
import DubenUI
import Foundation

/// Runs the reader on a terminal until `q`, a signal or a hang-up: draw → key → `handle` →
/// perform the effects → feed the results back. Reading positions are saved on every way out
/// (`Reader.closingEffects`). Failed effects are shown on the status line as they happen and
/// returned, so that the caller can log them once the terminal is restored.
public enum ReaderSession {
    /// How a session ended.
    public struct Outcome: Sendable {
        /// 0 after `q`, 128 + the signal number after a signal (129 after a hang-up).
        public var status: Int32
        /// The notices of every effect that failed, in order.
        public var failures: [Notice]
    }

    /// - Parameter notices: problems found before the reader started (shown first, and
    ///   returned with the failures).
    /// - Parameter indexer: the library's indexer, started (if it is not yet) once the first
    ///   frame is drawn.
    /// - Parameter startKeys: keys handled before the first frame, as if typed (`+N` is a
    ///   count and `G`, `+/PATTERN` a search).
    /// - Parameter releaseMemory: called once when no key comes within the wait after work
    ///   (keys handled, indexing done, a library read again, a match count taken): gives what
    ///   that work freed back to the system (`FreeMemory`, which does so only when malloc
    ///   holds more than 1 MB free); and at once after a key that took `slowKey` seconds or
    ///   more (a search of a large library), since the next may come before any idle moment.
    public static func run(_ reader: inout Reader, terminal: some TerminalBackend, performer: inout some EffectPerforming,
                           notices: [Notice] = [], indexer first: LibraryIndexer? = nil,
                           reload: (() throws -> LibraryIndexer)? = nil, startKeys: [Key] = [],
                           releaseMemory: () -> Void = { FreeMemory.release() }, slowKey: Double = 0.1) -> Outcome {
        var indexer = first
        var failures = notices
        var full = true
        // Work was done (keys, a thread's results taken) since memory was last released.
        var releaseWhenIdle = false
        let counter = MatchCounter()
        defer {
            counter.cancel()
            indexer?.cancel()
        }
        if let latest = notices.last { reader.report(latest) }
        // When to look again whether files changed on disk (each is said once: the reader keeps
        // those said, `changedFiles`, until `R`).
        var faultsSeen = SourceBytes.mappingFaults
        var nextLook = Date().addingTimeInterval(1)

        /// Performs effects in order; returns whether one of them was `.quit`.
        func perform(_ effects: [Effect]) -> Bool {
            for effect in effects {
                switch effect {
                case .quit: return true
                case .redraw: full = true
                case .suspend:
                    terminal.suspend()
                    full = true
                case .countMatches(let pattern, let generation):
                    counter.start(pattern, generation: generation, in: reader.corpus)
                case .reload:
                    guard let reload else { continue }
                    do {
                        let fresh = try reload()
                        indexer?.cancel()
                        indexer = fresh.hasMore ? fresh : nil
                        if fresh.hasMore { fresh.start() }
                        releaseWhenIdle = true
                        if perform(reader.reload(corpus: fresh.initial, progress: fresh.hasMore ? 0 : nil)) { return true }
                    } catch {
                        let notice = Notice.error("\(error); the library was not read again")
                        failures.append(notice)
                        reader.report(notice)
                    }
                default:
                    guard let result = performer.perform(effect) else { continue }
                    if case .failed(let notice) = result { failures.append(notice) }
                    reader.apply(result)
                }
            }
            return false
        }

        _ = perform(reader.start())
        if !startKeys.isEmpty {
            // Keys from the command line (`+N`, `+/PATTERN`), on a reader of the terminal's size.
            let size = terminal.size
            reader.resize(columns: size.columns, rows: size.rows)
            for key in startKeys where perform(reader.handle(key)) { return Outcome(status: 0, failures: failures) }
        }
        while true {
            let signal = terminal.takeSignal()
            if signal != 0 {
                _ = perform(reader.closingEffects)
                return Outcome(status: 128 + signal, failures: failures)
            }
            if terminal.takeSuspendRequest() {
                terminal.suspend()
                full = true
            }
            if terminal.takeContinued() { full = true }
            if let count = counter.take() {
                reader.apply(.matchCount(total: count.total, generation: count.generation))
                releaseWhenIdle = true
            }
            if Date() >= nextLook {
                // Once a second: has the file of the document being read changed on disk?
                nextLook = Date().addingTimeInterval(1)
                // After a mapped file was cut short under the reader (the SIGBUS guard put zero
                // pages in its place), every file of the library is looked at, not only this one.
                let faults = SourceBytes.mappingFaults
                let sources = faults != faultsSeen ? reader.corpus.files : [reader.document.source]
                faultsSeen = faults
                for source in sources {
                    guard let was = source.identity, !reader.changedFiles.contains(source.path) else { continue }
                    let now = FileIdentity.of(path: source.path)
                    if now != was {
                        reader.fileChanged(source.path, gone: now == nil)
                    }
                }
            }
            if let snapshot = indexer?.take() {
                _ = perform(reader.update(corpus: snapshot.corpus, progress: snapshot.done ? nil : snapshot.progress))
                if snapshot.done { releaseWhenIdle = true }
            }
            let size = terminal.size
            if size.columns != reader.columns || size.rows != reader.rows {
                reader.resize(columns: size.columns, rows: size.rows)
                full = true
            }
            terminal.draw(ReaderView.draw(reader), cursor: ReaderView.cursor(reader), full: full)
            full = false
            // First screen first: the library is read on a thread only once the first frame
            // is out, so that the thread does not take a core from the drawing, nor from the
            // terminal (or ssh) that shows it.
            indexer?.start()
            // While a count runs, look for its result every 50 ms; a snapshot of the indexer
            // wakes the loop at once (the whole library from the cache is shown as it comes).
            guard let key = terminal.readKey(timeout: counter.isRunning || reader.indexing != nil ? 50 : 250,
                                             wake: indexer?.wakeDescriptor ?? -1) else {
                if terminal.hungUp {
                    _ = perform(reader.closingEffects)
                    return Outcome(status: 128 + 1, failures: failures)
                }
                // While the library is indexed or counted too: on a large library a count
                // takes seconds and `R` starts indexing over again, so there may be no idle
                // moment without either (the soak's library run never had one).
                if releaseWhenIdle {
                    releaseWhenIdle = false
                    releaseMemory()
                }
                continue
            }
            let started = DispatchTime.now().uptimeNanoseconds
            if perform(reader.handle(key)) { return Outcome(status: 0, failures: failures) }
            if Double(DispatchTime.now().uptimeNanoseconds - started) >= slowKey * 1e9 {
                releaseWhenIdle = false
                releaseMemory()
            } else {
                releaseWhenIdle = true
            }
        }
    }
}
