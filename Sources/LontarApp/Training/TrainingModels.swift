import Fluent
import Foundation
import LontarCore

/// A programme in the catalogue: what is taught, in which official form, for how many JP.
final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "objectives") var objectives: String
    @Field(key: "path") var path: String
    @Field(key: "form_code") var formCode: String
    @Field(key: "competency_kind") var competencyKind: String
    /// Competencies developed, one per line (e.g. "Komunikasi", "Pengambilan Keputusan").
    @Field(key: "competencies") var competencies: String
    @Field(key: "jp") var jp: Double
    @Field(key: "international") var international: Bool
    /// bkppd, opd, bpsdmd or partner.
    @Field(key: "organiser_kind") var organiserKind: String
    @OptionalParent(key: "organiser_agency_id") var organiserAgency: Agency?
    @Field(key: "organiser_name") var organiserName: String
    /// Position kinds and OPD codes the programme is meant for, comma-separated; empty means all.
    @Field(key: "audience_position_kinds") var audiencePositionKinds: String
    @Field(key: "audience_agencies") var audienceAgencies: String
    @Field(key: "prerequisites") var prerequisites: String
    @Field(key: "status") var status: String
    @Field(key: "min_attendance") var minAttendance: Int
    @Field(key: "requires_assessment") var requiresAssessment: Bool
    @OptionalField(key: "passing_score") var passingScore: Double?
    @Field(key: "excused_counts") var excusedCounts: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A class (angkatan) of a programme, with its sessions and capacity.
final class TrainingClass: Model, @unchecked Sendable {
    static let schema = "training_classes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "name") var name: String
    @Field(key: "capacity") var capacity: Int
    /// Seats held by pending and confirmed requests; changed only by one conditional UPDATE
    /// so that capacity holds under concurrent applications from several processes.
    @Field(key: "seats_held") var seatsHeld: Int
    @OptionalField(key: "registration_opens_at") var registrationOpensAt: Date?
    @OptionalField(key: "registration_closes_at") var registrationClosesAt: Date?
    @Field(key: "cancel_cutoff_hours") var cancelCutoffHours: Int
    @Field(key: "status") var status: String
    @Field(key: "place") var place: String
    @Field(key: "online_url") var onlineURL: String
    /// Secret for the rotating self check-in code (base64).
    @Field(key: "checkin_secret") var checkinSecret: String
    /// Bumped on every change so calendar apps replace the old event (RFC 5545 SEQUENCE).
    @Field(key: "sequence") var sequence: Int
    @Field(key: "next_waitlist_position") var nextWaitlistPosition: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// A new class of `programmeID`: no seat held, an empty waiting list, its own check-in secret.
    convenience init(
        programmeID: UUID, name: String, capacity: Int, status: String, place: String = "", cancelCutoffHours: Int = 48
    ) {
        self.init()
        $programme.id = programmeID
        self.name = name
        self.capacity = capacity
        self.status = status
        self.place = place
        self.cancelCutoffHours = cancelCutoffHours
        onlineURL = ""
        seatsHeld = 0
        nextWaitlistPosition = 0
        sequence = 0
        checkinSecret = Data(CheckInCode.newSecret()).base64EncodedString()
    }
}

final class ClassSession: Model, @unchecked Sendable {
    static let schema = "class_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "class_id") var trainingClass: TrainingClass
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "topic") var topic: String
    @Field(key: "place") var place: String
    @Field(key: "online_url") var onlineURL: String

    init() {}
}

final class ClassFacilitator: Model, @unchecked Sendable {
    static let schema = "class_facilitators"

    @ID(key: .id) var id: UUID?
    @Parent(key: "class_id") var trainingClass: TrainingClass
    @Parent(key: "user_id") var user: UserAccount

    init() {}
}

/// One person's request for a seat in a class, through approval, waiting list and completion.
final class Enrolment: Model, @unchecked Sendable {
    static let schema = "enrolments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "class_id") var trainingClass: TrainingClass
    @Parent(key: "employee_id") var employee: Employee
    @Field(key: "approval") var approval: String
    @Field(key: "seat") var seat: String
    @Field(key: "cancelled") var cancelled: Bool
    @OptionalField(key: "waitlist_position") var waitlistPosition: Int?
    @OptionalField(key: "nominated_by") var nominatedBy: UUID?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decline_reason") var declineReason: String?
    @Field(key: "completed") var completed: Bool
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "assessment_score") var assessmentScore: Double?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

final class AttendanceRecord: Model, @unchecked Sendable {
    static let schema = "attendance"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: ClassSession
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "mark") var mark: String
    /// facilitator or self (check-in code).
    @Field(key: "via") var via: String
    @OptionalField(key: "marked_by") var markedBy: UUID?
    @Field(key: "marked_at") var markedAt: Date

    init() {}
}

/// The JP conversion rules of one year, versioned: a credit keeps the version it used.
final class JPRuleRecord: Model, @unchecked Sendable {
    static let schema = "jp_rules"

    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "version") var version: Int
    /// The `JPRuleSet` as JSON.
    @Field(key: "rules") var rules: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One credit of learning hours. `source` + `source_id` is unique, so a completion or a
/// verified submission credits exactly once however often it is confirmed.
final class LedgerEntry: Model, @unchecked Sendable {
    static let schema = "jp_ledger"

    @ID(key: .id) var id: UUID?
    @Parent(key: "employee_id") var employee: Employee
    @Field(key: "year") var year: Int
    @Field(key: "jp") var jp: Double
    @Field(key: "source") var source: String
    @Field(key: "source_id") var sourceID: UUID
    @Field(key: "title") var title: String
    @Field(key: "form_code") var formCode: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "organiser") var organiser: String
    @Field(key: "certificate_number") var certificateNumber: String
    @Field(key: "rule_year") var ruleYear: Int
    @Field(key: "rule_version") var ruleVersion: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Learning done outside Lontar (a webinar, a course at the provincial agency), with its
/// certificate, waiting for the OPD operator's verification.
final class ExternalLearning: Model, @unchecked Sendable {
    static let schema = "external_learning"

    @ID(key: .id) var id: UUID?
    @Parent(key: "employee_id") var employee: Employee
    @Field(key: "title") var title: String
    @Field(key: "organiser") var organiser: String
    @Field(key: "form_code") var formCode: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "jp") var jp: Double
    @Field(key: "certificate_number") var certificateNumber: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "file_type") var fileType: String
    @Field(key: "file_path") var filePath: String
    @Field(key: "status") var status: String
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A certificate issued on completion; `code` is the unguessable part of its public URL.
final class Certificate: Model, @unchecked Sendable {
    static let schema = "certificates"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Field(key: "code") var code: String
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "employee_id") var employee: Employee
    @Field(key: "holder_name") var holderName: String
    @Field(key: "programme_title") var programmeTitle: String
    @Field(key: "form_code") var formCode: String
    @Field(key: "jp") var jp: Double
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "organiser") var organiser: String
    @Field(key: "issued_at") var issuedAt: Date

    init() {}
}

/// An in-app message for one account (an enrolment changed state, a submission was verified).
final class InAppNotification: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserAccount
    @Field(key: "message_key") var messageKey: String
    /// JSON array of the message's arguments.
    @Field(key: "arguments") var arguments: String
    @Field(key: "link") var link: String
    @Field(key: "read") var read: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// An employee's private calendar address; renewing replaces the token.
final class CalendarFeed: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "employee_id") var employee: Employee
    @Field(key: "token") var token: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
