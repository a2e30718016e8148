import SamhandCore

/// Distinct synthetic national ids (month + 80) in a fixed order. `synthetic` moves up to the
/// next individual number with valid check digits, so numbers are spaced and repeats skipped.
/// `firstIndividual` keeps a seed clear of other numbers in the same data directory (the demo
/// uses individual numbers from 100 up).
public struct NationalIDs {
  private let firstIndividual: Int
  private var cursor = 0
  private var issued: Set<String> = []

  public init(firstIndividual: Int = 100) {
    self.firstIndividual = firstIndividual
  }

  public mutating func next() -> NationalID {
    while true {
      let index = cursor
      cursor += 1
      let year = 1940 + index % 60
      let month = 1 + index / 60 % 12
      let day = 1 + index / 720 % 28
      let individual = firstIndividual + index / 20_160 * 10
      if let id = NationalID.synthetic(year: year, month: month, day: day, individual: individual),
        issued.insert(id.digits).inserted
      {
        return id
      }
    }
  }
}
