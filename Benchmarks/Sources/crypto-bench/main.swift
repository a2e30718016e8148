import Crypto
import Foundation
import SamhandCrypto

// Measures SamhandCrypto's per-field costs against the raw swift-crypto primitives in the
// same run and writes the table to the path given as the first argument.

let output = CommandLine.arguments.dropFirst().first ?? "ops/bench/results/crypto.md"
let iterations = 20_000
let valueSize = 200

let directory = FileManager.default.temporaryDirectory
  .appending(path: "samhand-crypto-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
defer { try? FileManager.default.removeItem(at: directory) }
let ring = try KeyRing.create(at: directory.appending(path: "keys"))

let value = Data((0..<valueSize).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
let context = SealContext(table: "note", column: "text", rowID: "note-000123", keyVersion: 1)
let dataKey = DataKey.generate()
let rawKey = SymmetricKey(size: .bits256)
let sealed = try dataKey.seal(value, context: context)
let rawSealed = try AES.GCM.seal(value, using: rawKey).combined ?? Data()
let wrapped = try ring.wrap(dataKey, recipientID: "rcp-000123")
// As long as the field AAD below: 5 length prefixes + "samhand.field.v1" + "note" + "text"
// + "note-000123" + an 8-byte version.
let aad = Data(repeating: 1, count: 63)
let rawSealedWithAAD =
  try AES.GCM.seal(value, using: rawKey, authenticating: aad).combined ?? Data()
let rawKeyBytes = rawKey.withUnsafeBytes { Data($0) }
let rawWrapped = try AES.GCM.seal(rawKeyBytes, using: rawKey).combined ?? Data()
let nationalID = "018180 12337"
let hmacKey = SymmetricKey(size: .bits256)
var sink: UInt8 = 0

let comparisons = [
  Comparison(
    samhand: try Measurement.run("DataKey.seal (field)", iterations: iterations, sink: &sink) {
      try dataKey.seal(value, context: context).last ?? 0
    },
    baseline: try Measurement.run("AES.GCM.seal", iterations: iterations, sink: &sink) {
      try AES.GCM.seal(value, using: rawKey).combined?.last ?? 0
    }),
  Comparison(
    samhand: try Measurement.run("DataKey.open (field)", iterations: iterations, sink: &sink) {
      try dataKey.open(sealed, context: context).last ?? 0
    },
    baseline: try Measurement.run("AES.GCM.open", iterations: iterations, sink: &sink) {
      try AES.GCM.open(AES.GCM.SealedBox(combined: rawSealed), using: rawKey).last ?? 0
    }),
  Comparison(
    samhand: try Measurement.run("DataKey.open (field)", iterations: iterations, sink: &sink) {
      try dataKey.open(sealed, context: context).last ?? 0
    },
    baseline: try Measurement.run("AES.GCM.open + 63 B AAD", iterations: iterations, sink: &sink) {
      try AES.GCM.open(
        AES.GCM.SealedBox(combined: rawSealedWithAAD), using: rawKey, authenticating: aad
      ).last ?? 0
    }),
  Comparison(
    samhand: try Measurement.run("KeyRing.unwrap (DEK)", iterations: iterations, sink: &sink) {
      UInt8(truncatingIfNeeded: try ring.unwrap(wrapped, recipientID: "rcp-000123").version)
    },
    baseline: try Measurement.run("AES.GCM.open 32 B", iterations: iterations, sink: &sink) {
      try AES.GCM.open(AES.GCM.SealedBox(combined: rawWrapped), using: rawKey).last ?? 0
    }),
  Comparison(
    samhand: Measurement.run("KeyRing.blindIndex", iterations: iterations, sink: &sink) {
      ring.blindIndex(nationalID: nationalID).last ?? 0
    },
    baseline: Measurement.run("HMAC<SHA256>", iterations: iterations, sink: &sink) {
      HMAC<SHA256>.authenticationCode(for: Data(nationalID.utf8), using: hmacKey)
        .withUnsafeBytes { $0.last ?? 0 }
    }),
]

let report = Report(comparisons: comparisons, valueSize: valueSize, iterations: iterations)
try report.markdown.write(toFile: output, atomically: true, encoding: String.Encoding.utf8)
print(report.markdown)
print("wrote \(output) (checksum \(sink))")
