import BenchSeed
import Foundation
import SamhandCore
import SamhandStore

// Seeds the lists benchmark (ops/bench/lists.sh): COUNT recipients registered in SERVICE
// (default psykisk-helse-rus), each with REGISTRAR (default the demo's siri.fjell) holding
// responsibility, as `recipient add` leaves them, written straight through the store in
// batches of 1 000 so that 100 000 take a minute rather than an hour of audited requests.
// Names are "Fiktiv Person N"; national ids are synthetic (month + 80), from individual
// number 200 up, clear of the demo's. Prints one JSON object: the count, the seconds taken
// and the ids of the first 50 seeded.
// Usage: lists-seed DATA-DIR COUNT [SERVICE] [REGISTRAR]

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, let count = Int(arguments[1]), count > 0 else {
  FileHandle.standardError.write(
    Data("usage: lists-seed DATA-DIR COUNT [SERVICE] [REGISTRAR]\n".utf8))
  exit(2)
}
let service = try ServiceCode(arguments.count > 2 ? arguments[2] : "psykisk-helse-rus")
let registrar = StaffID(rawValue: arguments.count > 3 ? arguments[3] : "siri.fjell")
let store = try DataDirectory(url: URL(fileURLWithPath: arguments[0])).open().store

let start = ContinuousClock.now
var ids = NationalIDs(firstIndividual: 200)
var first: [String] = []
let batch = 1_000
for offset in stride(from: 0, to: count, by: batch) {
  try store.write { transaction in
    for index in offset..<min(offset + batch, count) {
      let id = try transaction.insertRecipient(
        NewRecipient(name: "Fiktiv Person \(index)", nationalID: ids.next(), registeredBy: service))
      try transaction.startResponsibility(of: id, staff: registrar, service: service)
      if first.count < 50 { first.append(id.rawValue) }
    }
  }
}
let elapsed = ContinuousClock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let summary: [String: Any] = ["recipients": count, "seconds": seconds, "first": first]
print(String(decoding: try JSONSerialization.data(withJSONObject: summary), as: UTF8.self))
