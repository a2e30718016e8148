import ArgumentParser
import Foundation
import SamhandService

/// Paging of the lists that grow with the municipality (caseload, overview, notices): one page
/// with `--limit`, the next from the position the previous page printed.
struct PageOptions: ParsableArguments {
  @Option(help: "At most this many items (one page).") var limit: Int?
  @Option(help: "Start after this position (the \"next\" of the previous page).")
  var after: String?

  var request: ListPageRequest {
    get throws {
      if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
      return ListPageRequest(after: after, limit: limit)
    }
  }

  /// Prints the position of the next page, if any, on standard error as "next: POSITION".
  func announceNext<Item>(_ page: ListPage<Item>) {
    if let next = page.next { FileHandle.standardError.write(Data("next: \(next)\n".utf8)) }
  }
}
