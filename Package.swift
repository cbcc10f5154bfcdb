// swift-tools-version:6.0
import Foundation
import PackageDescription

/// A directory whose `libstdc++.so` is a linker script taking `libstdc++.a`: given to the
/// release link of `duben`, it links the C++ runtime in (scripts/link/libstdc++.so).
let staticCxx = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("scripts/link").path

/// ICU: shared libraries in a debug build; in a release build, libicu-dev's static archives
/// (libicui18n.a, libicuuc.a, libicudata.a), in the order they depend on each other, then
/// the C++ runtime they need (already there when `duben` links it in: see `staticCxx`). Loading
/// the shared ICU libraries and binding their symbols took about a millisecond of every start
/// (Docs/DECISIONS.md). Both C targets give the whole list, so that the order in which
/// SwiftPM puts their flags does not matter.
let icu: [LinkerSetting] = [
    .linkedLibrary("icui18n", .when(configuration: .debug)),
    .linkedLibrary("icuuc", .when(configuration: .debug)),
    .unsafeFlags(["-Xlinker", "--push-state", "-Xlinker", "-Bstatic",
                  "-Xlinker", "-licui18n", "-Xlinker", "-licuuc", "-Xlinker", "-licudata",
                  "-Xlinker", "-lstdc++", "-Xlinker", "--pop-state"], .when(configuration: .release)),
]

/// Our modules, in a release build, reach the metadata of a concrete generic type (`Set<UInt8>`,
/// `[String: String]`, a `Codable` type's containers) through its accessor, not by a mangled
/// name: from a name, the runtime checks each generic requirement (`String: Hashable`) by
/// scanning all of the binary's ~6,000 protocol conformances, about 250,000 instructions a
/// new type. That was a quarter of the instructions from `exec` to the first frame
/// (Docs/DECISIONS.md). Costs a little code size.
let metadataFlags: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

let package = Package(
    name: "duben",
    products: [
        .executable(name: "duben", targets: ["duben"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // C shims: ICU line breaking and the C library's wcwidth, behind plain C types.
        .target(
            name: "CDubenText",
            linkerSettings: icu
        ),

        // ICU regular expressions over UTF-8, behind plain C (the search's regex engine).
        .target(
            name: "CDubenSearch",
            linkerSettings: icu
        ),

        // Read-only file mappings with a SIGBUS guard, behind plain C.
        .target(name: "CDubenFile"),

        // Text → model: decoding, documents, blocks, quotations, citations, dates, search.
        .target(
            name: "DubenModel",
            dependencies: ["CDubenSearch", "CDubenFile", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: metadataFlags
        ),

        // Model → lines: display width, Chinese line breaking, wrapping, sanitising.
        .target(
            name: "DubenLayout",
            dependencies: ["DubenModel", "CDubenText"],
            swiftSettings: metadataFlags
        ),

        // Bookmarks, reading positions, exporters, the configuration file (TOML).
        .target(
            name: "DubenStore",
            dependencies: ["DubenModel", .product(name: "CSV", package: "CSV.swift"), .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: metadataFlags
        ),

        // Reader state, keys and views, drawing into an in-memory screen buffer.
        .target(
            name: "DubenUI",
            dependencies: ["DubenModel", "DubenLayout", "DubenStore"],
            swiftSettings: metadataFlags
        ),

        // The thin ncursesw backend: a C shim with plain C types, and the Swift side.
        .target(
            name: "CNCursesW",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(
            name: "DubenTerminal",
            dependencies: ["CNCursesW", "DubenUI", "DubenLayout", "DubenStore"],
            swiftSettings: metadataFlags
        ),

        // The command-line executable. A release build is linked at a fixed address (not as a
        // position-independent executable): the ~80,000 relocations a PIE needs at every start
        // cost 0.8 ms and 190 page faults before the first screen (Docs/DECISIONS.md).
        .executableTarget(
            name: "duben",
            dependencies: [
                "DubenModel", "DubenLayout", "DubenStore", "DubenUI", "DubenTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: metadataFlags,
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie", "-L", staticCxx], .when(configuration: .release))]
        ),

        // Benchmarks (run by scripts/bench in release mode; not part of `swift test`).
        .executableTarget(
            name: "DubenBench",
            dependencies: ["DubenModel", "DubenLayout", "DubenUI", "DubenTerminal"]
        ),

        // Tests.
        // Shared by the test targets: the repository root, the bundled corpus, a seeded RNG.
        .target(
            name: "DubenTestSupport",
            dependencies: ["DubenModel"],
            path: "Tests/DubenTestSupport"
        ),
        .testTarget(
            name: "DubenModelTests",
            dependencies: ["DubenModel", "DubenTestSupport"],
            exclude: ["RealWorld"]
        ),
        .testTarget(
            name: "DubenStoreTests",
            dependencies: ["DubenStore", "DubenModel", "duben", "DubenTestSupport", .product(name: "CSV", package: "CSV.swift"), .product(name: "Ink", package: "Ink")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DubenUITests",
            dependencies: ["DubenUI", "DubenLayout", "DubenModel", "DubenStore", "DubenTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "DubenTerminalTests",
            dependencies: ["DubenTerminal", "DubenUI", "DubenStore", "DubenModel", "CNCursesW", "DubenTestSupport"]
        ),
        .testTarget(
            name: "DubenEndToEndTests",
            dependencies: ["duben", "DubenModel", "DubenTestSupport"]
        ),
        .testTarget(
            name: "DubenLayoutTests",
            dependencies: ["DubenLayout", "DubenModel", "duben", "DubenTestSupport"],
            exclude: ["Golden"]
        ),
    ]
)
