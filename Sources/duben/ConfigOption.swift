import ArgumentParser
import DubenModel
import DubenStore
import DubenUI
import Foundation

/// `--config FILE`: the configuration file to read instead of `DUBEN_CONFIG` or
/// `$XDG_CONFIG_HOME/duben/config.toml` (Docs/CONFIG.md).
struct ConfigOption: ParsableArguments {
    @Option(help: ArgumentHelp("Read this configuration file (default: $DUBEN_CONFIG, else $XDG_CONFIG_HOME/duben/config.toml, else ~/.config/duben/config.toml).", valueName: "file"))
    var config: String?

    /// The file in force and whether it must exist (a file named must).
    var location: (path: String, mustExist: Bool) { Self.location(file: config) }

    /// The file in force for `--config FILE` given as `file` (nil: not given).
    static func location(file: String?) -> (path: String, mustExist: Bool) {
        if let file { return (file, true) }
        return ConfigFile.location(environment: ProcessEnvironment.current)
    }

    /// The configuration, read and checked; each problem is printed on standard error as one
    /// line naming the file and line (`duben: PATH:7: unknown key "widht" in [layout]`), and
    /// the settings with a problem keep their defaults.
    func load() -> (configuration: ReaderConfiguration, problems: [ConfigProblem]) {
        Self.load(file: config)
    }

    /// The same for `--config FILE` given as `file` (nil: not given).
    static func load(file: String?) -> (configuration: ReaderConfiguration, problems: [ConfigProblem]) {
        let (path, mustExist) = location(file: file)
        let (file, syntax) = ConfigFile.read(path: path, mustExist: mustExist)
        let (configuration, problems) = ReaderConfiguration.read(file)
        let all = syntax + problems
        for p in all { Terminal.report(p.description) }
        return (configuration, all)
    }
}
