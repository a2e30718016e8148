import Foundation

/// When a person comes of age. The agenda reminds the responsible staff ahead of a minor's
/// 18th birthday (DOMAIN L12) without opening the sealed national id: the store keeps this
/// one date in plaintext, for recipients registered as minors only.
extension NationalID {
  /// Age of majority in Norway.
  public static let ageOfMajority = 18

  /// The date the person turns 18 when that is after `today`, or nil for an adult. A
  /// 29 February birthday counts from 28 February in a common year: the earlier day, so that
  /// no reminder comes late.
  public func turnsEighteen(after today: CalendarDate) -> CalendarDate? {
    guard
      let birthday = CalendarDate(
        year: birthDate.year, month: birthDate.month, day: birthDate.day)
    else { return nil }
    let date = birthday.adding(months: Self.ageOfMajority * 12)
    return today < date ? date : nil
  }
}
