import Foundation

/// Where a PostgreSQL database is, parsed from the `database` setting:
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE` over TCP, or
/// `postgres:///DATABASE?host=/run/postgresql` over the Unix socket in that directory (as
/// libpq spells it). The password never appears in `redacted`, which errors and logs use.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
  public enum Endpoint: Sendable, Equatable {
    case tcp(host: String, port: Int)
    /// The socket file's path (`DIR/.s.PGSQL.PORT`).
    case socket(path: String)
  }

  public let endpoint: Endpoint
  public let user: String
  public let password: String?
  public let database: String

  /// The URL as given, less its password.
  public let redacted: String

  public var description: String { redacted }

  /// Whether `text` names a PostgreSQL database rather than an SQLite file.
  public static func isPostgres(_ text: String) -> Bool {
    text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  /// Parses `text`; nil when it is not a `postgres://` or `postgresql://` URL with a database.
  public init?(_ text: String) {
    guard Self.isPostgres(text), let components = URLComponents(string: text) else { return nil }
    let query = Dictionary(
      (components.queryItems ?? []).map { ($0.name, $0.value ?? "") },
      uniquingKeysWith: { _, last in last })
    let name = String(components.path.drop { $0 == "/" })
    guard !name.isEmpty, !name.contains("/") else { return nil }
    let port = components.port ?? query["port"].flatMap { Int($0) } ?? 5432
    if let host = components.host, !host.isEmpty {
      endpoint = .tcp(host: host, port: port)
    } else if let directory = query["host"], directory.hasPrefix("/") {
      endpoint = .socket(path: "\(directory)/.s.PGSQL.\(port)")
    } else {
      return nil
    }
    user = components.user ?? query["user"] ?? "postgres"
    password = components.password ?? query["password"]
    database = name
    var shown = components
    if shown.password != nil { shown.password = "***" }
    shown.queryItems = components.queryItems?.map {
      $0.name == "password" ? URLQueryItem(name: $0.name, value: "***") : $0
    }
    redacted = shown.string ?? "postgres://…/\(name)"
  }
}
