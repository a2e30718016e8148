import SamhandCore
import Testing

@Suite("Protected values")
struct ProtectedTests {
  @Test("erasure is kept through map and shown with the marker")
  func erasure() {
    let erased = Protected<String>.erased
    #expect(erased.map { $0.count } == .erased)
    #expect(erased.value == nil)
    #expect(erased.description == Protected<String>.erasedMarker)
    #expect(Protected.value("Ola").map { $0.count } == .value(3))
  }
}
