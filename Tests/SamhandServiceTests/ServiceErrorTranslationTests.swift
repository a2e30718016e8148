import SamhandService
import SamhandStore
import Testing

/// How the store's errors reach callers that never see the store (the HTTP API).
@Suite("Service error translation")
struct ServiceErrorTranslationTests {
  @Test("a full disk is storageFull: it says nothing was written and names no path")
  func fullDisk() throws {
    let error = try #require(
      ServiceError(translating: StoreError.storageFull(path: "/srv/samhand/samhand.db")))
    #expect(error == .storageFull)
    #expect(error.description.contains("nothing was written"))
    #expect(!error.description.contains("/srv/samhand"))
  }

  @Test("a damaged database is not the requester's to know about")
  func damaged() {
    #expect(ServiceError(translating: StoreError.damaged(path: "/x", problem: "page 7")) == nil)
  }
}
