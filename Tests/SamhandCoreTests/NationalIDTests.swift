import SamhandCore
import Testing

@Suite("National identity numbers")
struct NationalIDTests {
  @Test("synthetic numbers are generated valid and recognised as synthetic")
  func syntheticNumbers() throws {
    for day in [1, 15, 28] {
      for year in [1950, 1989, 2004] {
        let id = try #require(NationalID.synthetic(year: year, month: 2, day: day, individual: 0))
        #expect(id.kind == .synthetic)
        #expect(id.birthDate.year == year)
        #expect(id.birthDate.month == 2)
        #expect(id.birthDate.day == day)
        #expect(try NationalID(id.digits) == id)
      }
    }
  }

  @Test("every single-digit change of a valid number is refused or yields another valid number")
  func checkDigitsCatchTypos() throws {
    let id = try #require(NationalID.synthetic(year: 1985, month: 7, day: 12, individual: 200))
    var refused = 0
    for position in 0..<11 {
      for replacement in "0123456789" where Array(id.digits)[position] != replacement {
        var digits = Array(id.digits)
        digits[position] = replacement
        if (try? NationalID(String(digits))) == nil { refused += 1 }
      }
    }
    // Two mod-11 check digits catch every single-digit change in the check-digit-bearing
    // positions; the odd change elsewhere can land on another valid date + number.
    #expect(refused >= 95)
  }

  @Test("separators are ignored", arguments: [" ", ".", "-"])
  func separators(separator: String) throws {
    let id = try #require(NationalID.synthetic(year: 1972, month: 11, day: 3, individual: 10))
    let digits = Array(id.digits)
    let typed = String(digits[0..<6]) + separator + String(digits[6...])
    #expect(try NationalID(typed) == id)
  }

  @Test("D-numbers (day + 40) are accepted and classified")
  func dNumbers() throws {
    let synthetic = try #require(
      NationalID.synthetic(year: 1990, month: 1, day: 5, individual: 100))
    // Build a D-number by search so no real number is written into the test.
    var found: NationalID?
    for individual in 100...499 where found == nil {
      for checks in 0...99 {
        let text = "45" + "01" + "90" + String(format: "%03d%02d", individual, checks)
        if let id = try? NationalID(text) {
          found = id
          break
        }
      }
    }
    let dNumber = try #require(found)
    #expect(dNumber.kind == .dNumber)
    #expect(dNumber.birthDate.day == 5)
    #expect(synthetic.kind == .synthetic)
  }

  @Test(
    "malformed numbers are refused with a reason",
    arguments: ["", "123", "1234567890", "123456789012", "abcdefghijk", "0101801234x"])
  func malformed(text: String) {
    #expect(throws: DomainError.self) { try NationalID(text) }
  }

  @Test("an impossible date is refused even with matching check digits")
  func impossibleDate() throws {
    var refusedAll = true
    for individual in 0...40 {
      for checks in 0...99 {
        let text = "31" + "82" + "90" + String(format: "%03d%02d", individual, checks)
        if (try? NationalID(text)) != nil { refusedAll = false }
      }
    }
    #expect(refusedAll, "31 February must never validate")
  }

  @Test("the error message never contains the number itself")
  func messageHidesNumber() throws {
    let id = try #require(NationalID.synthetic(year: 1980, month: 3, day: 9, individual: 50))
    var digits = Array(id.digits)
    digits[10] = digits[10] == "0" ? "1" : "0"
    let text = String(digits)
    do {
      _ = try NationalID(text)
      Issue.record("a wrong check digit was accepted")
    } catch {
      #expect(!error.description.contains(text))
    }
  }
}
