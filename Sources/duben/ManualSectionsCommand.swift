import ArgumentParser
import DubenUI

/// `duben manual-sections` (hidden): the sections of Docs/duben.1 that the argument parser
/// cannot write — KEYS (from `KeyBindings.table`, as the help screen), ENVIRONMENT, FILES,
/// EXIT STATUS and EXAMPLES — in mdoc, to follow the page swift-argument-parser's
/// generate-manual plugin writes (scripts/generate-docs joins them). The first line records a
/// hash of `duben --experimental-dump-help`, so a test can tell when the generated half is stale.
struct ManualSectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual-sections",
        abstract: "Print the KEYS, ENVIRONMENT, FILES, EXIT STATUS and EXAMPLES sections of duben.1 (mdoc).",
        shouldDisplay: false)

    func run() throws {
        print(ManualSections.text(), terminator: "")
    }
}

enum ManualSections {
    /// The line that opens the appended sections in Docs/duben.1.
    static let marker = ".\\\" Below: duben manual-sections"

    static func text() -> String {
        var out = marker + " (options: \(dumpHash()))\n"
        out += ".Sh KEYS\n"
        out += "In the reader (the default command); the help screen\n.Pq Ic h\nlists the same keys.\n"
        for (context, bindings) in KeyBindings.table where !bindings.isEmpty {
            out += ".Ss \(quoted(context.title))\n"
            out += ".Bl -tag -width Ds -compact\n"
            for b in bindings {
                out += ".It \(quoted(b.names.joined(separator: ", ")))\n"
                out += text(b.summary) + "\n"
            }
            out += ".El\n"
        }
        out += """
            .Sh ENVIRONMENT
            .Bl -tag -width XDG_DATA_HOME
            .It Ev DUBEN_BOOKMARKS
            The bookmark file, unless
            .Fl -bookmarks
            names one.
            .It Ev DUBEN_TEXTS
            The directory read when no path is given, instead of the bundled texts.
            .It Ev XDG_DATA_HOME
            Where the bookmark file and the reading positions are kept
            .Pq Pa $XDG_DATA_HOME/duben ;
            default
            .Pa ~/.local/share .
            .It Ev NO_COLOR
            When set and not empty, the reader uses the monochrome theme (bold, reverse,
            underline) whatever
            .Fl -theme
            or the configuration file says, and
            .Nm duben Cm search
            uses no colour.
            .It Ev DUBEN_CONFIG
            The configuration file, instead of the one in
            .Ev XDG_CONFIG_HOME ;
            it must exist.
            .Fl -config
            wins over it.
            .It Ev XDG_CONFIG_HOME
            Where the configuration file is looked for
            .Pq Pa $XDG_CONFIG_HOME/duben/config.toml ;
            default
            .Pa ~/.config .
            .It Ev XDG_CACHE_HOME
            Where the index cache is kept
            .Pq Pa $XDG_CACHE_HOME/duben/index ;
            default
            .Pa ~/.cache .
            .It Ev COLUMNS
            The width of the tables of
            .Cm list , quotes , bookmarks list
            and of the lines of
            .Cm toc
            and
            .Cm search ,
            instead of the terminal's.
            .El
            .Sh FILES
            .Bl -tag -width Ds
            .It Pa $XDG_CONFIG_HOME/duben/config.toml
            The configuration file
            .Po
            .Pa ~/.config/duben/config.toml
            when
            .Ev XDG_CONFIG_HOME
            is not set
            .Pc :
            text width, indentation, ambiguous width, theme, status line position, citation
            style or template, export format, OSC 52, and keys per context. Options given on the
            command line win over it; a bad value or unknown key is one line on standard error
            naming the file and line, and that setting keeps its default.
            .Nm duben Cm config Fl -print-default
            prints the defaults with comments,
            .Nm duben Cm config Fl -check
            checks a file.
            .It Pa $XDG_DATA_HOME/duben/bookmarks.json
            Bookmarks and notes
            .Po
            .Pa ~/.local/share/duben/bookmarks.json
            when
            .Ev XDG_DATA_HOME
            is not set;
            .Ev DUBEN_BOOKMARKS
            or
            .Fl -bookmarks
            choose another file
            .Pc .
            .It Pa state.json
            Reading positions, in the directory of the bookmark file.
            .It Pa $XDG_CACHE_HOME/duben/index
            The index cache
            .Po
            .Pa ~/.cache/duben/index
            when
            .Ev XDG_CACHE_HOME
            is not set
            .Pc :
            each file's parsed documents, used when the file, the duben.toml beside it and the
            duben build are unchanged; at most 1 GiB, the entries used least recently removed
            first.
            .Nm duben Cm cache clear
            empties it;
            .Fl -no-cache
            leaves it alone.
            .It Pa PREFIX/share/duben/Texts
            The bundled texts of an installed
            .Nm ,
            read when no path is given.
            .El
            .Sh EXIT STATUS
            .Bl -tag -width Ds -compact
            .It 0
            Success.
            .It 1
            .Nm duben Cm search :
            nothing matched;
            .Nm duben Cm config Fl -check :
            the file has problems.
            .It 2
            An error: a file that cannot be read, an invalid pattern; one line on standard error names it.
            .It 64
            An invalid option or argument.
            .It 128+N
            The reader ended by signal N.
            .El
            .Sh EXAMPLES
            Read the bundled texts:
            .Dl duben
            Read a file, or every *.txt file of a directory:
            .Dl duben speech.txt
            .Dl duben texts/
            List the documents, then the quotations of one day:
            .Dl duben list
            .Dl duben quotes --on 2020-03-27
            Search for a regular expression (ICU), and count the matches of a literal string:
            .Dl duben search -i 'covid-?19'
            .Dl duben search -F --count 'G20'
            Export the bookmarks as CSV:
            .Dl duben bookmarks export --format csv
            Start a configuration file, then check it:
            .Dl duben config --print-default > ~/.config/duben/config.toml
            .Dl duben config --check
            .Sh SEE ALSO
            .Xr less 1 ,
            and in the source tree
            .Pa Docs/KEYS.md ,
            .Pa Docs/CONFIG.md ,
            .Pa Docs/COMMANDS.md ,
            .Pa Docs/FORMAT.md ,
            .Pa Docs/BOOKMARKS.md .

            """
        return ascii(out)
    }

    /// Every character beyond ASCII as a groff escape (`\\[u4EBA]`), so that `groff -man`
    /// reads the page without `preconv` and without a warning.
    static func ascii(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return out
    }

    /// An argument in double quotes, with the characters mdoc would take for syntax escaped.
    static func quoted(_ s: String) -> String {
        "\"\\&" + escape(s).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }

    /// A text line: backslashes escaped, and a leading `.` or `'` kept from being a request.
    static func text(_ s: String) -> String {
        let e = escape(s)
        return e.hasPrefix(".") || e.hasPrefix("'") ? "\\&" + e : e
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\e")
    }

    /// FNV-1a (64 bits) of what `--experimental-dump-help` prints: every command, option and help text.
    static func dumpHash() -> String {
        var dump = ""
        do { _ = try Duben.parseAsRoot(["--experimental-dump-help"]) } catch { dump = Duben.fullMessage(for: error) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in dump.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return "fnv1a64 " + String(h, radix: 16)
    }
}
