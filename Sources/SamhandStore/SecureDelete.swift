/// Evicting shredded data keys from a process's memory: each transaction first looks for
/// keys shredded (by any process) since the last it evicted, through the `shredded_keys`
/// sequence (migration 0014), and drops them from the key ring's cache of unwrapped keys.
enum ShreddedKeys {
  static func lastSequence(_ connection: any SQLConnection) throws -> Int64 {
    try connection.fetchValue("SELECT MAX(sequence) FROM shredded_keys", as: Int64.self) ?? 0
  }

  static func evict(from keys: LiveKeyRing, _ connection: any SQLConnection) throws {
    let seen = keys.shreddedUpTo.withLock { $0 }
    guard try lastSequence(connection) > seen else { return }
    let rows = try connection.fetchAll(
      "SELECT sequence, recipient_id FROM shredded_keys WHERE sequence > \(seen) ORDER BY sequence"
    )
    keys.ring.forgetDataKeys(of: try rows.map { try $0["recipient_id"] as String })
    let last: Int64 = try rows.last?["sequence"] ?? seen
    keys.shreddedUpTo.withLock { $0 = max($0, last) }
  }
}
