/// Identifier kinds of the plan and the responsibility group.
public enum PlanKind: IdentifierKind { public static let prefix = "p" }
public enum GoalKind: IdentifierKind { public static let prefix = "g" }
public enum MeasureKind: IdentifierKind { public static let prefix = "m" }
public enum RevisionKind: IdentifierKind { public static let prefix = "rv" }
public enum PlanReferenceKind: IdentifierKind { public static let prefix = "pr" }
public enum PlanCommentKind: IdentifierKind { public static let prefix = "pc" }
public enum GroupKind: IdentifierKind { public static let prefix = "ag" }
public enum GroupMemberKind: IdentifierKind { public static let prefix = "gm" }
public enum MeetingKind: IdentifierKind { public static let prefix = "mt" }
public enum ActionItemKind: IdentifierKind { public static let prefix = "ai" }

public typealias PlanID = Identifier<PlanKind>
public typealias GoalID = Identifier<GoalKind>
public typealias MeasureID = Identifier<MeasureKind>
public typealias RevisionID = Identifier<RevisionKind>
public typealias PlanReferenceID = Identifier<PlanReferenceKind>
public typealias PlanCommentID = Identifier<PlanCommentKind>
public typealias GroupID = Identifier<GroupKind>
public typealias GroupMemberID = Identifier<GroupMemberKind>
public typealias MeetingID = Identifier<MeetingKind>
public typealias ActionItemID = Identifier<ActionItemKind>
