// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dixit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dixit", targets: ["dixit"]),
        .library(name: "DixitKit", targets: ["DixitKit"]),
        .library(name: "DixitUI", targets: ["DixitUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // Model, loading, parsing and analysis. No terminal code.
        // GRDB holds the persistent analysis cache (Cache/), which CorpusLoader uses.
        .target(
            name: "DixitKit",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Resources/Lexicon")]
        ),
        // The TUI as pure state, update and render-to-grid. No ncurses.
        .target(name: "DixitUI", dependencies: ["DixitKit"]),
        // The system ncursesw library (see Sources/CNcursesw/shim.h).
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Command line and ncurses backend.
        .executableTarget(
            name: "dixit",
            dependencies: [
                "DixitKit", "DixitUI", "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over loading, parsing, analysis and export (Fuzz/run.sh);
        // built normally it replays saved inputs: `dixit-fuzz FILE...`.
        .executableTarget(
            name: "dixit-fuzz",
            dependencies: ["DixitKit", "DixitUI"],
            path: "Fuzz/DixitFuzz"
        ),
        // Time and memory on hostile inputs of growing size (release build).
        .executableTarget(
            name: "hostile-bench",
            dependencies: ["DixitKit"],
            path: "Benchmarks/HostileBench"
        ),
        // Quote-extraction throughput benchmark (release build): `swift run -c release quote-bench [PATH…]`.
        .executableTarget(name: "quote-bench", dependencies: ["DixitKit"], path: "Benchmarks/QuoteBench"),
        // Entity recognition throughput (release build): `entity-bench [PATH…]`.
        .executableTarget(name: "entity-bench", dependencies: ["DixitKit"], path: "Benchmarks/EntityBench"),
        // Synthetic corpora and speed/memory figures: `swift run -c release dixit-bench`.
        .executableTarget(
            name: "dixit-bench",
            dependencies: [
                "DixitKit", "DixitUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/DixitBench"
        ),
        .testTarget(
            name: "DixitKitTests",
            dependencies: ["DixitKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "DixitUITests", dependencies: ["DixitUI", "DixitKit"]),
        // Runs the built `dixit` binary: exit codes, stdin, messages.
        .testTarget(name: "DixitCLITests", dependencies: ["dixit", "DixitKit"]),
    ],
    swiftLanguageModes: [.v6]
)
