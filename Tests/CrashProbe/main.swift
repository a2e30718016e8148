import Foundation
import SamhandAudit
import SamhandStore

// Test helper for the crash test: appends audit entries to an initialised data directory in
// a loop and prints each committed sequence number on its own line, until it is killed.
// Usage: samhand-crash-probe DATA-DIR

guard CommandLine.arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: samhand-crash-probe DATA-DIR\n".utf8))
  exit(2)
}
let directory = DataDirectory(url: URL(fileURLWithPath: CommandLine.arguments[1]))
let store = try directory.open().store
let actor = AuditActor(id: "crash-probe", service: nil, channel: .system)
while true {
  let entry = try store.write { transaction in
    try transaction.appendAudit(
      actor.event(action: "probe.append", resourceType: "probe", at: store.clock.now))
  }
  FileHandle.standardOutput.write(Data("\(entry.sequence)\n".utf8))
}
