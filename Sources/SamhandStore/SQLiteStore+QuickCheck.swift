import GRDB

extension SQLiteStore {
  /// SQLite's `PRAGMA quick_check` over the whole file: every b-tree page is read and its
  /// structure checked (not the indexes' agreement with their tables). `samhand serve` runs it
  /// before it listens, so that a damaged page is a clear refusal at start instead of an
  /// error on whichever request first meets it. It reads every page once: about a second per
  /// few hundred megabytes (`ops/reliability/README.md` has the measurement).
  ///
  /// Throws ``StoreError/damaged(path:problem:)`` with SQLite's first report, or
  /// ``StoreError/notADatabase(path:)`` when the damage stops the check itself.
  public func checkBeforeServing() throws {
    let problems = try translatingErrors(path: pool.path) {
      try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(1)") }
    }
    guard problems == ["ok"] else {
      // SQLite's report spans lines and opens with "*** in database main ***"; one line.
      let lines = (problems.first ?? "no answer").split(whereSeparator: \.isNewline)
      let problem = lines.filter { !$0.hasPrefix("***") }.joined(separator: "; ")
      throw StoreError.damaged(path: pool.path, problem: problem)
    }
  }
}
