import GRDB
import SamhandCore

/// Services (NAV, TSB, ...) that staff belong to and that register recipients.
extension StoreTransaction {
  public func insertService(_ code: ServiceCode, name: String) throws {
    try db.cachedStatement(sql: "INSERT INTO services (code, name, created_at) VALUES (?, ?, ?)")
      .execute(
        arguments: [code.rawValue, name, nowText])
  }

  public func serviceExists(_ code: ServiceCode) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM services WHERE code = ?)"),
      arguments: [code.rawValue])
      ?? false
  }
}

extension StoreTransaction {
  public func services() throws -> [(code: ServiceCode, name: String)] {
    try Row.fetchAll(db.cachedStatement(sql: "SELECT code, name FROM services ORDER BY code"))
      .map { row in
        let code: String = row["code"]
        return (
          try StoreError.parsed(code, "code", table: "services", id: code) { try ServiceCode($0) },
          row["name"]
        )
      }
  }
}
