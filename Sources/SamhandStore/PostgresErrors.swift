import PostgresNIO

/// Maps postgres-nio's errors to `StoreError`, so no PostgresNIO type crosses the module
/// boundary and no bound value reaches a message: only the server's primary message is kept
/// (never its detail, which can quote a row), and not even that for invalid data (SQLSTATE
/// class 22), whose message quotes the offending value.
enum PostgresErrors {
  static func translating<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as PSQLError {
      throw storeError(error)
    }
  }

  static func storeError(_ error: PSQLError) -> StoreError {
    guard let info = error.serverInfo else {
      return .database("PostgreSQL connection: \(error.code)")
    }
    let state = info[.sqlState] ?? "?"
    if state == "53100" { return .storageFull(path: "the PostgreSQL data directory") }
    if state.hasPrefix("22") { return .database("invalid data (SQLSTATE \(state))") }
    return .database("\(info[.message] ?? "PostgreSQL error") (SQLSTATE \(state))")
  }

  /// An error met while connecting: the server cannot be reached, or refused the login.
  static func cannotOpen(_ url: PostgresURL, _ error: any Error) -> StoreError {
    guard let error = error as? PSQLError else {
      return .cannotOpen(path: url.redacted, reason: "\(error)")
    }
    if let message = error.serverInfo?[.message] {
      return .cannotOpen(path: url.redacted, reason: message)
    }
    let underlying = error.underlying.map { "\($0)" } ?? "\(error.code)"
    return .cannotOpen(path: url.redacted, reason: "cannot connect (\(underlying))")
  }
}
