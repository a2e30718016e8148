import Foundation
import Testing

@testable import SamhandStore

/// The hand-written timestamp form must be exactly Foundation's ISO 8601 form with
/// milliseconds: stored times are compared as text in SQL, and older rows were written by
/// Foundation.
@Suite("Timestamps")
struct TimestampTests {
  static let foundationStyle = Date.ISO8601FormatStyle().year().month().day()
    .dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon)
    .timeZone(separator: .omitted)
  static let wholeSeconds = Date.ISO8601FormatStyle().year().month().day()
    .dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon)
    .timeZone(separator: .omitted)

  /// Instants from 1900 to 2200, whole milliseconds and fractions of one, seeded.
  static func instants(seed: UInt64, count: Int) -> [Date] {
    var state = seed
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    let span = 9_467_280_000.0  // 300 years in seconds
    let fixed = [0.0, -0.0005, 951_782_400.999, 1_795_000_000, 4_107_542_399.999, -2_208_988_800]
    return fixed.map(Date.init(timeIntervalSince1970:))
      + (0..<count).map { _ in
        Date(
          timeIntervalSince1970: -2_208_988_800 + Double(next() % 1_000_000_000) / 1e9 * span)
      }
  }

  @Test("writes Foundation's ISO 8601 form of the millisecond, and parses back to it")
  func matchesFoundation() throws {
    for date in Self.instants(seed: 0x5A17, count: 20_000) {
      let millis = Timestamp.milliseconds(date)
      #expect(abs(millis - Int64((date.timeIntervalSince1970 * 1000).rounded(.down))) <= 1)
      let (seconds, fraction) = (
        millis - ((millis % 1000) + 1000) % 1000, ((millis % 1000) + 1000) % 1000
      )
      let second = Date(timeIntervalSince1970: Double(seconds / 1000))
      let text = Timestamp.format(date)
      let expected =
        "\(second.formatted(Self.wholeSeconds).dropLast())."
        + String(String(fraction + 1000).dropFirst()) + "Z"
      #expect(text == expected, "\(date.timeIntervalSince1970)")
      let parsed = try #require(Timestamp.parse(text))
      let foundation = try Date(text, strategy: Self.foundationStyle)
      #expect(abs(parsed.timeIntervalSince(foundation)) < 1e-6, "\(text)")
      #expect(Timestamp.milliseconds(parsed) == millis)
      #expect(Timestamp.format(parsed) == text)
    }
  }

  @Test(
    "refuses anything but the stored form",
    arguments: [
      "", "2026-11-23", "2026-11-23T07:35:32Z", "2026-11-23T07:35:32.123",
      "2026-13-01T00:00:00.000Z",
      "2026-02-29T00:00:00.000Z", "2026-11-31T00:00:00.000Z", "2026-11-23T24:00:00.000Z",
      "2026-11-23T07:60:00.000Z", "2026-11-23T07:35:60.000Z", "2026-11-23 07:35:32.123Z",
      "2026-1a-23T07:35:32.123Z", "2026-11-23T07:35:32.123+0000", "+026-11-23T07:35:32.123Z",
    ])
  func refusesOtherForms(text: String) {
    #expect(Timestamp.parse(text) == nil)
  }

  @Test("accepts the leap day of a leap year")
  func leapDay() throws {
    let date = try #require(Timestamp.parse("2028-02-29T23:59:59.999Z"))
    #expect(Timestamp.format(date) == "2028-02-29T23:59:59.999Z")
  }
}
