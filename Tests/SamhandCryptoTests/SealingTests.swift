import Foundation
import SamhandCrypto
import SamhandTestSupport
import Testing

@Suite("Sealing a field")
struct SealingTests {
  static let plaintexts = [
    "", "Kari Fiktiv", "Ærlig øl på Ålesund 🧭 — ñ", String(repeating: "x", count: 65_536),
  ]

  @Test("a sealed text opens to the same text", arguments: plaintexts)
  func roundTrip(_ text: String) throws {
    let key = DataKey.generate()
    let sealed = try key.seal(text, context: nameContext)
    #expect(try key.openString(sealed, context: nameContext) == text)
  }

  @Test("a sealed value is nonce, ciphertext and tag: 28 bytes longer than its plaintext")
  func layout() throws {
    let sealed = try DataKey.generate().seal(Data(count: 200), context: nameContext)
    #expect(sealed.count == 200 + 12 + 16)
  }

  @Test("sealing the same text twice gives different bytes (fresh nonce)")
  func freshNonce() throws {
    let key = DataKey.generate()
    let first = try key.seal("Kari Fiktiv", context: nameContext)
    let second = try key.seal("Kari Fiktiv", context: nameContext)
    #expect(first != second)
    #expect(first.prefix(12) != second.prefix(12))
  }

  @Test("the plaintext does not appear in the sealed bytes")
  func noPlaintextInOutput() throws {
    let text = Data(String(repeating: "Fiktiv ", count: 20).utf8)
    let sealed = try DataKey.generate().seal(text, context: nameContext)
    #expect(sealed.firstRange(of: Data("Fiktiv".utf8)) == nil)
  }

  @Test("bytes that are not UTF-8 do not open as a string")
  func invalidUTF8() throws {
    let key = DataKey.generate()
    let sealed = try key.seal(Data([0x4B, 0xFF, 0xFE]), context: nameContext)
    #expect(try key.open(sealed, context: nameContext) == Data([0x4B, 0xFF, 0xFE]))
    #expect(throws: CryptoError.sealedFieldInvalid) {
      try key.openString(sealed, context: nameContext)
    }
  }

  @Test("a value inside a larger buffer (a Data slice) opens")
  func openSlice() throws {
    let key = DataKey.generate()
    let sealed = try key.seal("Kari Fiktiv", context: nameContext)
    let buffer = Data([1, 2, 3]) + sealed + Data([4])
    let slice = buffer[3..<(3 + sealed.count)]
    #expect(try key.openString(slice, context: nameContext) == "Kari Fiktiv")
  }

  @Test("random values of random lengths round-trip", arguments: [1, 0x5EED, 0xC0FFEE] as [UInt64])
  func randomRoundTrip(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let key = DataKey.generate()
    for _ in 0..<200 {
      let plaintext = Data(random.bytes(Int.random(in: 0...300, using: &random)))
      let context = SealContext(
        table: "t\(random.next() % 7)", column: "c\(random.next() % 7)",
        rowID: "\(random.next())", keyVersion: Int.random(in: 1...3, using: &random))
      let sealed = try key.seal(plaintext, context: context)
      #expect(try key.open(sealed, context: context) == plaintext, "seed \(seed)")
    }
  }
}
