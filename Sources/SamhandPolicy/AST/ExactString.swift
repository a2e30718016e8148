/// String equality and hashing by Unicode scalars, as Cedar compares strings; Swift's `==`
/// treats canonically equivalent strings (`"é"` and `"e\u{301}"`) as equal, Cedar does not.
enum ExactString {
  static func equal(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.elementsEqual(rhs.utf8)
  }

  static func hash(_ string: String, into hasher: inout Hasher) {
    var copy = string
    copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(0xFF as UInt8)
  }

  static func less(_ lhs: String, _ rhs: String) -> Bool {
    lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
  }
}
