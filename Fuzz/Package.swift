// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets, a package of their own so the main package never builds with sanitizers.
// Build and run through scripts/fuzz.sh; see docs/robustness.md.
let package = Package(
    name: "grundpakke-check-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named explicitly: a path dependency's identity is otherwise the checkout folder's name.
        .package(name: "grundpakke-check", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzYAML",
            dependencies: ["FuzzSupport", .product(name: "RuleDSL", package: "grundpakke-check")]
        ),
        .executableTarget(
            name: "FuzzJSON",
            dependencies: [
                "FuzzSupport",
                .product(name: "RuleDSL", package: "grundpakke-check"),
                .product(name: "GrundpakkeRules", package: "grundpakke-check"),
            ]
        ),
        .executableTarget(
            name: "FuzzExpression",
            dependencies: [
                "FuzzSupport",
                .product(name: "RuleDSL", package: "grundpakke-check"),
                .product(name: "GrundpakkeRules", package: "grundpakke-check"),
            ]
        ),
        .executableTarget(
            name: "FuzzRule",
            dependencies: [
                "FuzzSupport",
                .product(name: "RuleDSL", package: "grundpakke-check"),
                .product(name: "GrundpakkeRules", package: "grundpakke-check"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
