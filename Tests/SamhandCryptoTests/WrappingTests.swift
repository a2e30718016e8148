import Foundation
import SamhandCrypto
import Testing

@Suite("Wrapping a recipient's data key")
struct WrappingTests {
  @Test("an unwrapped key opens what the original sealed, and keeps its version")
  func roundTrip() throws {
    try withKeyRing { ring, _ in
      let dataKey = DataKey.generate(version: 3)
      let wrapped = try ring.wrap(dataKey, recipientID: "rcp-0001")
      #expect(wrapped.kekVersion == 1)
      #expect(wrapped.dataKeyVersion == 3)
      let sealed = try dataKey.seal("Kari Fiktiv", context: nameContext)
      // Twice: the second time from the ring's memory of unwrapped keys.
      for _ in 0..<2 {
        let unwrapped = try ring.unwrap(wrapped, recipientID: "rcp-0001")
        #expect(unwrapped.version == 3)
        #expect(try unwrapped.openString(sealed, context: nameContext) == "Kari Fiktiv")
      }
    }
  }

  /// One way a stored wrapped key can end up in the wrong place or under the wrong label.
  enum Alteration: String, CaseIterable, Sendable {
    case otherRecipient, otherDataKeyVersion, otherKEKVersion, otherInstallation
  }

  @Test(
    "a wrapped key moved or relabelled in any one respect does not unwrap",
    arguments: Alteration.allCases)
  func altered(_ alteration: Alteration) throws {
    try withKeyRing { ring, directory in
      try withKeyRing { otherRing, _ in
        let rotated = try ring.rotated(in: directory.keys)
        let wrapped = try rotated.wrap(DataKey.generate(version: 1), recipientID: "rcp-0001")
        var recipientID = "rcp-0001"
        var candidate = wrapped
        switch alteration {
        case .otherRecipient:
          recipientID = "rcp-0002"
        case .otherDataKeyVersion:
          candidate = WrappedDataKey(
            kekVersion: 2, dataKeyVersion: 2, ciphertext: wrapped.ciphertext)
        case .otherKEKVersion:
          candidate = WrappedDataKey(
            kekVersion: 1, dataKeyVersion: 1, ciphertext: wrapped.ciphertext)
        case .otherInstallation:
          candidate = try otherRing.wrap(DataKey.generate(), recipientID: recipientID)
        }
        // The genuine key unwrapped first, so the ring remembers it: no alteration may meet it.
        _ = try rotated.unwrap(wrapped, recipientID: "rcp-0001")
        #expect(throws: CryptoError.wrappedKeyInvalid(recipientID: recipientID)) {
          try rotated.unwrap(candidate, recipientID: recipientID)
        }
      }
    }
  }

  @Test("any flipped bit, truncation or empty ciphertext of a wrapped key fails")
  func tampered() throws {
    try withKeyRing { ring, _ in
      let wrapped = try ring.wrap(DataKey.generate(), recipientID: "rcp-0001")
      let invalid = CryptoError.wrappedKeyInvalid(recipientID: "rcp-0001")
      _ = try ring.unwrap(wrapped, recipientID: "rcp-0001")
      var variants = (0..<wrapped.ciphertext.count).map { wrapped.ciphertext.prefix($0) }
      for bit in 0..<(wrapped.ciphertext.count * 8) {
        var altered = wrapped.ciphertext
        altered[bit / 8] ^= UInt8(1) << UInt8(bit % 8)
        variants.append(altered)
      }
      for ciphertext in variants {
        let altered = WrappedDataKey(kekVersion: 1, dataKeyVersion: 1, ciphertext: ciphertext)
        #expect(throws: invalid) { try ring.unwrap(altered, recipientID: "rcp-0001") }
      }
    }
  }

  @Test("a key wrapped under a KEK version that is not loaded reports that version")
  func unknownVersion() throws {
    try withKeyRing { ring, _ in
      let wrapped = try ring.wrap(DataKey.generate(), recipientID: "rcp-0001")
      let future = WrappedDataKey(
        kekVersion: 9, dataKeyVersion: wrapped.dataKeyVersion, ciphertext: wrapped.ciphertext)
      #expect(throws: CryptoError.unknownKeyVersion(9)) {
        try ring.unwrap(future, recipientID: "rcp-0001")
      }
    }
  }
}
