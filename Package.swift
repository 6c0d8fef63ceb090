// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "grundpakke-check",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "grundpakke-check", targets: ["grundpakke-check"]),
        .library(name: "RuleDSL", targets: ["RuleDSL"]),
        .library(name: "GrundpakkeRules", targets: ["GrundpakkeRules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev, Homebrew: libyaml); never vendored.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The generic engine: documents, expressions, rules. Knows nothing about shelters.
        .target(name: "RuleDSL", dependencies: ["CYAML"]),
        // The domain: the Grundpakke input model, Danish calendar, audit and reports.
        .target(name: "GrundpakkeRules", dependencies: ["RuleDSL"]),
        .executableTarget(
            name: "grundpakke-check",
            dependencies: [
                "RuleDSL", "GrundpakkeRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RuleTests",
            dependencies: [
                "RuleDSL", "GrundpakkeRules",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
