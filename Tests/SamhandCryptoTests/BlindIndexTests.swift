import Foundation
import SamhandCrypto
import Testing

@Suite("Blind index of a national id")
struct BlindIndexTests {
  @Test("the index is 16 bytes and the same for the same id and key")
  func deterministic() throws {
    try withKeyRing { ring, directory in
      let index = ring.blindIndex(nationalID: SyntheticNationalID.first)
      #expect(index.count == 16)
      #expect(ring.blindIndex(nationalID: SyntheticNationalID.first) == index)
      let reloaded = try KeyRing.load(from: directory.keys)
      #expect(reloaded.blindIndex(nationalID: SyntheticNationalID.first) == index)
    }
  }

  @Test(
    "spaces, dots and dashes typed into an id do not change its index",
    arguments: ["018180 12337", "018180-12337", "01.81.80 12337", " 01818012337 "])
  func normalisation(_ typed: String) throws {
    try withKeyRing { ring, _ in
      #expect(ring.blindIndex(nationalID: typed) == ring.blindIndex(nationalID: "01818012337"))
    }
  }

  @Test("different ids have different indexes")
  func distinct() throws {
    try withKeyRing { ring, _ in
      let ids = [SyntheticNationalID.first, SyntheticNationalID.second, SyntheticNationalID.third]
      #expect(Set(ids.map { ring.blindIndex(nationalID: $0) }).count == ids.count)
    }
  }

  @Test("another installation's key gives another index for the same id")
  func keyed() throws {
    try withKeyRing { ring, _ in
      try withKeyRing { other, _ in
        let id = SyntheticNationalID.first
        #expect(ring.blindIndex(nationalID: id) != other.blindIndex(nationalID: id))
      }
    }
  }

  @Test("the index does not contain the id")
  func noPlaintext() throws {
    try withKeyRing { ring, _ in
      let index = ring.blindIndex(nationalID: SyntheticNationalID.first)
      #expect(index.firstRange(of: Data("018180".utf8)) == nil)
    }
  }
}
