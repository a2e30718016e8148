import SamhandCore

/// Services (NAV, TSB, ...) that staff belong to and that register recipients.
extension StoreTransaction {
  public func insertService(_ code: ServiceCode, name: String) throws {
    try connection.execute(
      "INSERT INTO services (code, name, created_at) VALUES (\(code.rawValue), \(name), \(nowText))"
    )
  }

  public func serviceExists(_ code: ServiceCode) throws -> Bool {
    try connection.fetchValue(
      "SELECT EXISTS (SELECT 1 FROM services WHERE code = \(code.rawValue))", as: Bool.self)
      ?? false
  }
}

extension StoreTransaction {
  public func services() throws -> [(code: ServiceCode, name: String)] {
    try connection.fetchAll("SELECT code, name FROM services ORDER BY code").map { row in
      let code: String = try row["code"]
      return (
        try StoreError.parsed(code, "code", table: "services", id: code) { try ServiceCode($0) },
        try row["name"]
      )
    }
  }
}
