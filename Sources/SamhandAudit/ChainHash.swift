import Crypto
import Foundation

/// A 32-byte chain hash held inline, so the verifier can keep, compare and re-hash previous
/// hashes without allocating a `Data` per entry.
struct ChainHash: Sendable, Equatable {
  private var word0: UInt64
  private var word1: UInt64
  private var word2: UInt64
  private var word3: UInt64

  static let zero = ChainHash(word0: 0, word1: 0, word2: 0, word3: 0)

  private init(word0: UInt64, word1: UInt64, word2: UInt64, word3: UInt64) {
    self.word0 = word0
    self.word1 = word1
    self.word2 = word2
    self.word3 = word3
  }

  /// Nil unless `bytes` holds exactly 32 bytes.
  init?(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count == 32 else { return nil }
    self.init(
      word0: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
      word1: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
      word2: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
      word3: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
  }

  /// Nil unless `data` holds exactly 32 bytes.
  init?(_ data: Data) {
    guard let hash = data.withUnsafeBytes({ ChainHash($0) }) else { return nil }
    self = hash
  }

  init(_ digest: SHA256.Digest) {
    self = digest.withUnsafeBytes { ChainHash($0) } ?? .zero
  }

  var data: Data { withUnsafeBytes(of: self) { Data($0) } }
}
