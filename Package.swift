// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lontar",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lontar", targets: ["lontar"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
    ],
    targets: [
        // The domain: pure Swift, no Vapor, fast unit tests.
        .target(name: "LontarCore"),
        .target(
            name: "LontarApp",
            dependencies: [
                "LontarCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                // Lesson texts are Markdown, rendered on the server (see LessonMarkdown).
                .product(name: "Ink", package: "Ink"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "lontar", dependencies: ["LontarApp"]),
        .testTarget(name: "LontarCoreTests", dependencies: ["LontarCore"]),
        .testTarget(
            name: "LontarAppTests",
            dependencies: [
                "LontarApp",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
