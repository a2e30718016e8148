import Crypto
import Foundation
import Testing

@testable import SamhandCrypto

/// The stored formats are a promise to every database already written: these tests pin them
/// to the documented bytes, independently of the code that produces them.
@Suite("Stored formats stay as documented")
struct FormatTests {
  @Test("a field's AAD is the length-prefixed domain, table, column, row id and key version")
  func fieldAssociatedData() {
    let context = SealContext(table: "t", column: "c", rowID: "r", keyVersion: 2)
    let expected =
      hex("00000010") + Data("samhand.field.v1".utf8) + hex("00000001") + Data("t".utf8)
      + hex("00000001") + Data("c".utf8) + hex("00000001") + Data("r".utf8)
      + hex("00000008 0000000000000002")
    #expect(context.associatedData == expected)
  }

  @Test("a wrapped key's AAD is the length-prefixed domain, recipient, KEK and DEK versions")
  func wrappedKeyAssociatedData() {
    let expected =
      hex("0000000e") + Data("samhand.dek.v1".utf8) + hex("00000003") + Data("r-1".utf8)
      + hex("00000008 0000000000000001") + hex("00000008 0000000000000004")
    #expect(
      WrappedDataKey.associatedData(recipientID: "r-1", kekVersion: 1, dataKeyVersion: 4)
        == expected)
  }

  @Test("a value sealed by plain AES-GCM in the documented layout opens with DataKey")
  func knownLayoutOpens() throws {
    let raw = SymmetricKey(data: Data((0..<32).map { UInt8($0) }))
    let nonce = try AES.GCM.Nonce(data: Data(repeating: 0xA5, count: 12))
    let aad = try #require(nameContext.associatedData)
    let box = try AES.GCM.seal(
      Data("Kari Fiktiv".utf8), using: raw, nonce: nonce, authenticating: aad)
    let sealed = Data(nonce) + box.ciphertext + box.tag
    let key = DataKey(key: raw, version: 1)
    #expect(try key.openString(sealed, context: nameContext) == "Kari Fiktiv")
  }

  private func hex(_ text: String) -> Data {
    let digits = Array(text.filter(\.isHexDigit))
    return Data(
      stride(from: 0, to: digits.count, by: 2).compactMap {
        UInt8(String(digits[$0...($0 + 1)]), radix: 16)
      })
  }
}
