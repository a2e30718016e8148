/// A Norwegian national identity number (fødselsnummer), D-number or synthetic test number,
/// validated on construction so that nothing downstream has to ask again.
///
/// ```swift
/// let id = try NationalID("01818012345")   // fails unless both check digits hold
/// id.kind                                   // .synthetic
/// ```
public struct NationalID: Hashable, Sendable, Encodable, CustomStringConvertible {
  /// Which register range the number belongs to.
  public enum Kind: String, Sendable, Codable {
    case birthNumber = "birth-number"
    /// Day + 40: issued to people without a birth number; real people, never in fixtures.
    case dNumber = "d-number"
    /// Month + 80: the national register's synthetic test range.
    case synthetic
  }

  /// The eleven digits, without separators.
  public let digits: String
  public let kind: Kind
  /// Year, month and day of birth, with the century derived from the individual number.
  public let birthDate: (year: Int, month: Int, day: Int)

  /// Accepts eleven digits, optionally with spaces, dots or hyphens between them.
  public init(_ text: String) throws(DomainError) {
    let digits = Self.normalise(text)
    let ascii = Array(digits.utf8)
    guard ascii.count == 11, ascii.allSatisfy({ (0x30...0x39).contains($0) }) else {
      throw .invalidNationalID(reason: "it must be exactly 11 digits")
    }
    let numbers = ascii.map { Int($0 - 0x30) }
    guard Self.checkDigitsHold(numbers) else {
      throw .invalidNationalID(reason: "the check digits do not match (mistyped digit?)")
    }
    var day = numbers[0] * 10 + numbers[1]
    var month = numbers[2] * 10 + numbers[3]
    var kind = Kind.birthNumber
    if day > 40 {
      day -= 40
      kind = .dNumber
    }
    if month > 80 {
      month -= 80
      kind = .synthetic
    }
    let shortYear = numbers[4] * 10 + numbers[5]
    let individual = numbers[6] * 100 + numbers[7] * 10 + numbers[8]
    guard let century = Self.century(individual: individual, shortYear: shortYear) else {
      throw .invalidNationalID(reason: "the individual number does not fit the birth year")
    }
    let year = century + shortYear
    guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
    else { throw .invalidNationalID(reason: "the first six digits are not a valid date") }
    self.digits = digits
    self.kind = kind
    self.birthDate = (year, month, day)
  }

  /// Removes the separators people type between digit groups.
  public static func normalise(_ text: String) -> String {
    String(decoding: text.utf8.filter { $0 != 0x20 && $0 != 0x2E && $0 != 0x2D }, as: UTF8.self)
  }

  public var description: String { digits }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(digits)
  }

  public static func == (lhs: NationalID, rhs: NationalID) -> Bool { lhs.digits == rhs.digits }
  public func hash(into hasher: inout Hasher) { hasher.combine(digits) }

  private static let firstWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2]
  private static let secondWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

  /// Both mod-11 control digits: a remainder giving 10 means no valid number exists.
  static func checkDigitsHold(_ numbers: [Int]) -> Bool {
    func control(_ weights: [Int]) -> Int? {
      let sum = zip(weights, numbers).reduce(0) { $0 + $1.0 * $1.1 }
      let digit = (11 - sum % 11) % 11
      return digit == 10 ? nil : digit
    }
    return control(firstWeights) == numbers[9] && control(secondWeights) == numbers[10]
  }

  /// The register's mapping from individual number to century.
  static func century(individual: Int, shortYear: Int) -> Int? {
    switch individual {
    case 0...499: return 1900
    case 500...749 where shortYear >= 54: return 1800
    case 500...999 where shortYear <= 39: return 2000
    case 900...999 where shortYear >= 40: return 1900
    default: return nil
    }
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
