import ArgumentParser
import DubenStore
import DubenUI
import Foundation

/// `duben config`: the configuration file's default text, its place, and a check of it.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default configuration file, check one, or say where it is.",
        discussion: """
            The configuration file ($XDG_CONFIG_HOME/duben/config.toml, else \
            ~/.config/duben/config.toml; DUBEN_CONFIG or --config name another) sets the text \
            width, indentation, ambiguous width, theme, status line position, citation style or \
            template, the export format E proposes, OSC 52, and keys per context (Docs/CONFIG.md). \
            Options on the command line win over it. A bad value or unknown key is one line on \
            standard error naming the file and line, and that setting keeps its default. \
            --print-default prints every setting at its default with comments (duben config \
            --print-default > ~/.config/duben/config.toml is a start); --check reads the file \
            (or FILE) and prints its problems, exit status 1 when there are any; --path prints \
            where the file is looked for.
            """)

    @Flag(help: "Print the default configuration file, with comments.") var printDefault = false
    @Flag(help: "Check the configuration file (or FILE): exit status 1 when it has problems.") var check = false
    @Flag(help: "Print the path of the configuration file in force.") var path = false
    @Argument(help: ArgumentHelp("The file --check reads (default: the one in force).", valueName: "file")) var file: String?
    @OptionGroup var configOption: ConfigOption

    func validate() throws {
        if [printDefault, check, path].filter({ $0 }).count != 1 {
            throw ValidationError("give one of --print-default, --check or --path")
        }
        if file != nil && !check { throw ValidationError("a FILE goes with --check") }
    }

    func run() throws {
        if printDefault {
            FileHandle.standardOutput.write(Data(ReaderConfiguration.defaultFile.utf8))
            return
        }
        var option = configOption
        if let file { option.config = file }
        let (where_, mustExist) = option.location
        if path {
            print(where_ + (FileManager.default.fileExists(atPath: where_) ? "" : " (absent: the defaults apply)"))
            return
        }
        let (_, problems) = option.load()
        if !problems.isEmpty { throw ExitCode(1) }
        print("\(where_): \(FileManager.default.fileExists(atPath: where_) || mustExist ? "no problems" : "absent: the defaults apply")")
    }
}
