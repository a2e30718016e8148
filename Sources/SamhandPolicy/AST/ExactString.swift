/// String equality and ordering by Unicode scalars, as Cedar compares strings; Swift's `==`
/// treats canonically equivalent strings (`"é"` and `"e\u{301}"`) as equal, Cedar does not.
/// Hashing may use Swift's string hash: byte-equal strings always hash alike.
enum ExactString {
  static func equal(_ lhs: String, _ rhs: String) -> Bool {
    let count = lhs.utf8.count
    guard count == rhs.utf8.count else { return false }
    let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
      rhs.utf8.withContiguousStorageIfAvailable { right in
        left.elementsEqual(right)
      }
    }
    return (fast ?? nil) ?? lhs.utf8.elementsEqual(rhs.utf8)
  }

  static func less(_ lhs: String, _ rhs: String) -> Bool {
    lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
  }
}
