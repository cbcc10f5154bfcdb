import ArgumentParser
import DubenModel
import Foundation

/// `duben cache`: where the index cache is, what it holds, and emptying it.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or clear the index cache (each file's parse, kept for the next open).",
        discussion: """
            The reader keeps the parse of each file it indexed in $XDG_CACHE_HOME/duben/index \
            (default ~/.cache/duben/index), keyed by the file's path, size, modification time and \
            inode, the duben.toml beside it and duben's own build, with a checksum; an entry that \
            does not match in every part is ignored and made again. The directory holds at most \
            1 GiB: the entries used least recently go first. `duben cache` prints the directory, \
            the number of entries and their size; `duben cache clear` removes every entry.
            """,
        subcommands: [Info.self, Clear.self],
        defaultSubcommand: Info.self)

    /// The cache of this environment, or a failure naming what is missing.
    static func cache() throws -> IndexCache {
        guard let directory = IndexCache.defaultDirectory() else {
            throw CommandFailure("no cache directory: neither XDG_CACHE_HOME nor HOME is set")
        }
        return IndexCache(directory: directory)
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "info", abstract: "Print the cache's directory, entries and size.")

        func run() throws {
            let cache = try CacheCommand.cache()
            let (entries, bytes) = cache.usage()
            print("directory: \(cache.directory)")
            print("entries:   \(entries)")
            print(String(format: "size:      %.1f MB (limit %.0f MB)", Double(bytes) / 1e6, Double(cache.limit) / 1e6))
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Remove every entry of the cache.")

        func run() throws {
            let cache = try CacheCommand.cache()
            do {
                let removed = try cache.clear()
                print("removed \(removed) entr\(removed == 1 ? "y" : "ies") from \(cache.directory)")
            } catch {
                throw CommandFailure("\(cache.directory): cannot clear the cache: \(error.localizedDescription)")
            }
        }
    }
}
