// swift-tools-version:6.1
import PackageDescription

// A package of its own so the main package and its CI never build the benchmark toolchain.
let package = Package(
    name: "grundpakke-check-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The parent package, named explicitly: a path dependency's identity is otherwise the
        // checkout folder's name, which differs between machines.
        .package(name: "grundpakke-check", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ExpressionBenchmarks",
            dependencies: [
                .product(name: "RuleDSL", package: "grundpakke-check"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ExpressionBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        .executableTarget(
            name: "AuditBenchmarks",
            dependencies: [
                .product(name: "RuleDSL", package: "grundpakke-check"),
                .product(name: "GrundpakkeRules", package: "grundpakke-check"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AuditBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
