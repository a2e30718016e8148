import Crypto
import Foundation

/// A node of the audit log's Merkle tree: 32 bytes held inline, so that building and checking
/// trees of millions of leaves allocates nothing per node.
///
/// ```swift
/// let leaf = MerkleHash.leaf(entryBytes)               // SHA-256(0x00 ‖ entry)
/// let parent = MerkleHash.node(leaf, otherLeaf)        // SHA-256(0x01 ‖ left ‖ right)
/// ```
public struct MerkleHash: Sendable, Equatable, CustomStringConvertible {
  var value: ChainHash

  init(_ value: ChainHash) { self.value = value }

  /// Nil unless `data` holds exactly 32 bytes.
  public init?(_ data: Data) {
    guard let value = ChainHash(data) else { return nil }
    self.value = value
  }

  /// Nil unless `base64` is standard, padded base64 of exactly 32 bytes.
  public init?(base64: String) {
    guard let data = Data(base64Encoded: base64), data.base64EncodedString() == base64 else {
      return nil
    }
    self.init(data)
  }

  /// Nil unless `hex` is 64 hex digits.
  public init?(hex: String) {
    guard let data = Data(hexString: hex) else { return nil }
    self.init(data)
  }

  public var data: Data { value.data }
  public var base64: String { data.base64EncodedString() }
  public var hex: String { data.hexString }
  public var description: String { hex }

  /// The root of the empty tree: SHA-256 of no bytes.
  public static let empty = MerkleHash(ChainHash(SHA256.hash(data: Data())))

  /// RFC 6962 leaf hash: SHA-256(0x00 ‖ bytes).
  public static func leaf(_ bytes: UnsafeRawBufferPointer) -> MerkleHash {
    var hasher = SHA256()
    withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
    hasher.update(bufferPointer: bytes)
    return MerkleHash(ChainHash(hasher.finalize()))
  }

  /// RFC 6962 leaf hash of `bytes`.
  public static func leaf(_ bytes: some ContiguousBytes) -> MerkleHash {
    bytes.withUnsafeBytes { leaf($0) }
  }

  /// RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right), the 65 bytes laid out on
  /// the stack and hashed in one update (the verifier hashes one node per entry).
  public static func node(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
    withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { bytes in
      bytes.storeBytes(of: 1, toByteOffset: 0, as: UInt8.self)
      bytes.storeBytes(of: left.value, toByteOffset: 1, as: ChainHash.self)
      bytes.storeBytes(of: right.value, toByteOffset: 33, as: ChainHash.self)
      return hash(UnsafeRawBufferPointer(bytes))
    }
  }

  /// SHA-256 of `bytes`, prefix byte included by the caller.
  static func hash(_ bytes: UnsafeRawBufferPointer) -> MerkleHash {
    var hasher = SHA256()
    hasher.update(bufferPointer: bytes)
    return MerkleHash(ChainHash(hasher.finalize()))
  }

  /// The tree hash of complete subtrees given left to right, largest first: each is the left
  /// child of the hash of everything after it. Nil for none.
  static func foldFromRight(_ hashes: ArraySlice<MerkleHash>) -> MerkleHash? {
    guard let last = hashes.last else { return nil }
    return hashes.dropLast().reversed().reduce(last) { right, left in .node(left, right) }
  }
}
