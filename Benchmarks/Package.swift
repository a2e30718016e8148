// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that the test build never compiles them and they
// always build in release mode: `swift run -c release --package-path Benchmarks NAME-bench`.
// Each bench measures against a baseline in the same run and writes its results under
// ops/bench/results/.
let package = Package(
  name: "SamhandBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "Samhand", path: ".."),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
  ],
  targets: [
    .executableTarget(
      name: "crypto-bench",
      dependencies: [
        .product(name: "SamhandCrypto", package: "Samhand"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "audit-bench",
      dependencies: [
        .product(name: "SamhandAudit", package: "Samhand"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "audit-tree-bench",
      dependencies: [
        .product(name: "SamhandService", package: "Samhand"),
        .product(name: "SamhandStore", package: "Samhand"),
        .product(name: "SamhandAudit", package: "Samhand"),
        .product(name: "SamhandCrypto", package: "Samhand"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "store-bench",
      dependencies: [
        .product(name: "SamhandStore", package: "Samhand"),
        .product(name: "SamhandAudit", package: "Samhand"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "BenchSeed",
      dependencies: [.product(name: "SamhandCore", package: "Samhand")]
    ),
    .executableTarget(
      name: "agenda-bench",
      dependencies: [
        "BenchSeed",
        .product(name: "SamhandStore", package: "Samhand"),
        .product(name: "SamhandCore", package: "Samhand"),
      ]
    ),
    .executableTarget(
      name: "lists-seed",
      dependencies: [
        "BenchSeed",
        .product(name: "SamhandStore", package: "Samhand"),
        .product(name: "SamhandCore", package: "Samhand"),
      ]
    ),
    .executableTarget(
      name: "reports-bench",
      dependencies: [
        "BenchSeed",
        .product(name: "SamhandStore", package: "Samhand"),
        .product(name: "SamhandCore", package: "Samhand"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .executableTarget(
      name: "policy-bench",
      dependencies: [.product(name: "SamhandPolicy", package: "Samhand")]
    ),
  ]
)
