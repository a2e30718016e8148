import Foundation
import SamhandCrypto
import SamhandTestSupport
import Testing

@Suite("A sealed field fails to open when anything about it changed")
struct SealingTamperTests {
  static let elsewhere = [
    SealContext(table: "note", column: "name", rowID: "rcp-0001", keyVersion: 1),
    SealContext(table: "recipient", column: "contact", rowID: "rcp-0001", keyVersion: 1),
    SealContext(table: "recipient", column: "name", rowID: "rcp-0002", keyVersion: 1),
    SealContext(table: "recipient", column: "name", rowID: "rcp-0001", keyVersion: 2),
  ]

  @Test(
    "a value moved to another table, column, row or key version does not open",
    arguments: elsewhere)
  func moved(to context: SealContext) throws {
    let key = DataKey.generate()
    let sealed = try key.seal("Kari Fiktiv", context: nameContext)
    #expect(throws: CryptoError.sealedFieldInvalid) { try key.open(sealed, context: context) }
  }

  @Test("the parts of the context are length-prefixed: shifting a boundary does not open")
  func boundaries() throws {
    let key = DataKey.generate()
    let sealed = try key.seal(
      "x", context: SealContext(table: "ab", column: "c", rowID: "d", keyVersion: 1))
    let shifted = [
      SealContext(table: "a", column: "bc", rowID: "d", keyVersion: 1),
      SealContext(table: "ab", column: "", rowID: "cd", keyVersion: 1),
      SealContext(table: "abc", column: "", rowID: "d", keyVersion: 1),
    ]
    for context in shifted {
      #expect(throws: CryptoError.sealedFieldInvalid) { try key.open(sealed, context: context) }
    }
  }

  @Test("a value sealed under another data key does not open")
  func otherKey() throws {
    let sealed = try DataKey.generate().seal("Kari Fiktiv", context: nameContext)
    #expect(throws: CryptoError.sealedFieldInvalid) {
      try DataKey.generate().open(sealed, context: nameContext)
    }
  }

  @Test("flipping any single bit of a sealed value makes it fail")
  func everyBitFlip() throws {
    let key = DataKey.generate()
    let sealed = try key.seal("Kari", context: nameContext)
    for bit in 0..<(sealed.count * 8) {
      var altered = sealed
      altered[bit / 8] ^= UInt8(1) << UInt8(bit % 8)
      #expect(throws: CryptoError.sealedFieldInvalid, "bit \(bit)") {
        try key.open(altered, context: nameContext)
      }
    }
  }

  @Test("every truncation, the empty value and an extended value fail without crashing")
  func truncated() throws {
    let key = DataKey.generate()
    let sealed = try key.seal("Kari", context: nameContext)
    for length in 0..<sealed.count {
      #expect(throws: CryptoError.sealedFieldInvalid, "length \(length)") {
        try key.open(sealed.prefix(length), context: nameContext)
      }
    }
    #expect(throws: CryptoError.sealedFieldInvalid) {
      try key.open(sealed + Data([0]), context: nameContext)
    }
  }

  @Test("random corruption of long values fails", arguments: [7, 0xBAD, 0xDEC0DE] as [UInt64])
  func randomCorruption(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let key = DataKey.generate()
    for _ in 0..<100 {
      let sealed = try key.seal(
        Data(random.bytes(Int.random(in: 1...2_000, using: &random))), context: nameContext)
      var altered = sealed
      let position = Int.random(in: 0..<sealed.count, using: &random)
      altered[position] ^= UInt8.random(in: 1 ... .max, using: &random)
      #expect(throws: CryptoError.sealedFieldInvalid, "seed \(seed), position \(position)") {
        try key.open(altered, context: nameContext)
      }
    }
  }
}
