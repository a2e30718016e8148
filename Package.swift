// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Samhand",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "samhand", targets: ["samhand"]),
    .library(name: "SamhandCore", targets: ["SamhandCore"]),
    .library(name: "SamhandCrypto", targets: ["SamhandCrypto"]),
    .library(name: "SamhandAudit", targets: ["SamhandAudit"]),
    .library(name: "SamhandPolicy", targets: ["SamhandPolicy"]),
    .library(name: "SamhandStore", targets: ["SamhandStore"]),
    .library(name: "SamhandService", targets: ["SamhandService"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
  ],
  targets: [
    .target(name: "SamhandCore"),
    .target(
      name: "SamhandCrypto",
      dependencies: [.product(name: "Crypto", package: "swift-crypto")]
    ),
    .target(
      name: "SamhandAudit",
      dependencies: [.product(name: "Crypto", package: "swift-crypto")]
    ),
    .target(name: "SamhandPolicy"),
    .target(
      name: "SamhandStore",
      dependencies: [
        "SamhandCore", "SamhandCrypto", "SamhandAudit",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      plugins: ["EmbedFiles"]
    ),
    .executableTarget(
      name: "samhand",
      dependencies: [
        "SamhandCore", "SamhandAudit", "SamhandPolicy", "SamhandService", "SamhandHTTP",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    .target(
      name: "SamhandService",
      dependencies: [
        "SamhandCore", "SamhandCrypto", "SamhandAudit", "SamhandPolicy", "SamhandStore",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "CoreMetrics", package: "swift-metrics"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      plugins: ["EmbedFiles"]
    ),
    .target(
      name: "SamhandHTTP",
      dependencies: [
        "SamhandCore", "SamhandService",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "CoreMetrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      exclude: ["OpenAPI", "Desk/Templates"],
      plugins: ["EmbedFiles"]
    ),
    .executableTarget(name: "FileEmbedder"),
    .plugin(
      name: "EmbedFiles",
      capability: .buildTool(),
      dependencies: ["FileEmbedder"]
    ),
    .target(
      name: "SamhandTestSupport",
      dependencies: ["SamhandCore", "SamhandService", "SamhandStore"],
      path: "Tests/SamhandTestSupport"),
    .executableTarget(
      name: "samhand-crash-probe",
      dependencies: ["SamhandStore", "SamhandAudit"],
      path: "Tests/CrashProbe"
    ),
    .testTarget(name: "SamhandCoreTests", dependencies: ["SamhandCore", "SamhandTestSupport"]),
    .testTarget(
      name: "SamhandCryptoTests",
      dependencies: [
        "SamhandCrypto", "SamhandTestSupport", .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .testTarget(
      name: "SamhandAuditTests",
      dependencies: [
        "SamhandAudit", "SamhandTestSupport", .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .testTarget(
      name: "SamhandPolicyTests",
      dependencies: ["SamhandPolicy", "SamhandTestSupport"],
      exclude: ["Reference/cedar_reference.py"]
    ),
    .testTarget(
      name: "SamhandStoreTests",
      dependencies: [
        "SamhandStore", "SamhandCore", "SamhandCrypto", "SamhandAudit", "SamhandTestSupport",
        "samhand-crash-probe",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .testTarget(
      name: "SamhandServiceTests",
      dependencies: [
        "SamhandService", "SamhandCore", "SamhandAudit", "SamhandPolicy", "SamhandStore",
        "SamhandTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    .testTarget(
      name: "SamhandHTTPTests",
      dependencies: [
        "SamhandHTTP", "SamhandService", "SamhandCore", "SamhandStore", "SamhandAudit",
        "SamhandTestSupport", "samhand",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "Prometheus", package: "swift-prometheus"),
      ]
    ),
    .testTarget(
      name: "SamhandCLITests",
      dependencies: [
        "samhand", "SamhandStore", "SamhandAudit", "SamhandTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "ScenarioTests",
      dependencies: [
        "samhand", "SamhandTestSupport", "SamhandHTTP", "SamhandService", "SamhandCore",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
  ]
)
