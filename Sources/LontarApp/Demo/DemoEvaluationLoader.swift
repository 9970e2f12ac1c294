import Fluent
import Foundation
import LontarCore
import Vapor

/// `lontar demo`'s evaluation: for six demo programmes a reaction survey (L1, three of them
/// anonymous) with invitations and answers from this year, post-training surveys (L3) to
/// alumni and their supervisors for three, an interview and an L4 indicator for the
/// leadership workshop. The answers are drawn by a seeded generator, so every run writes the
/// same figures, tuned so that BKPPD's comparison page (`/evaluasi`) shows programmes to
/// keep, to improve and to redesign.
///
/// Keyed by programme, level and title (surveys), interviewee (interview) and name and year
/// (indicator): whatever exists is left alone, so running the demo again duplicates nothing.
enum DemoEvaluationLoader {
    /// How a programme's participants answer: weights of the Likert points 1–4.
    struct Profile {
        let programmeTitle: String
        let anonymous: Bool
        let invited: Int
        let answered: Int
        let reaction: [Int]
        /// L3 answers: alumni, supervisors and the weights of their points; nil for no L3 yet.
        let behaviour: (alumni: Int, supervisors: Int, weights: [Int])?
    }

    static let good = [0, 1, 3, 6]
    static let fair = [0, 1, 4, 5]
    static let weak = [2, 5, 2, 1]

    static let profiles: [Profile] = [
        // Keep: satisfied participants who apply what they learnt.
        Profile(
            programmeTitle: "Lokakarya Kepemimpinan Pelayanan Publik", anonymous: false, invited: 25, answered: 21,
            reaction: good, behaviour: (8, 6, fair)),
        Profile(
            programmeTitle: "Komunikasi Efektif di Tempat Kerja", anonymous: true, invited: 22, answered: 18,
            reaction: fair, behaviour: nil),
        Profile(
            programmeTitle: "Seminar Nasional Inovasi Pelayanan Kesehatan Primer", anonymous: true, invited: 10,
            answered: 8, reaction: good, behaviour: nil),
        // Improve: one weak level (satisfaction, or application at work).
        Profile(
            programmeTitle: "Manajemen Waktu dan Prioritas Kerja", anonymous: true, invited: 16, answered: 12,
            reaction: weak, behaviour: nil),
        Profile(
            programmeTitle: KupangELearningDemo.programme.title, anonymous: false, invited: 12, answered: 9,
            reaction: fair, behaviour: (6, 5, weak)),
        // Redesign: neither liked nor applied.
        Profile(
            programmeTitle: "Bimtek Pemanfaatan TIK dalam Pembelajaran", anonymous: false, invited: 14, answered: 10,
            reaction: weak, behaviour: (6, 5, weak)),
    ]

    static let reactionTitle = "Survei Reaksi Peserta"

    static let praise = [
        "Studi kasus dari OPD sendiri sangat membantu.",
        "Diskusi kelompok membuat materi mudah dipahami.",
        "Contoh formulir dan templat bisa langsung dipakai.",
        "Fasilitator sabar menjawab pertanyaan.",
    ]
    static let suggestions = [
        "Waktu praktik perlu ditambah.",
        "Bahan ajar sebaiknya dibagikan sebelum kelas dimulai.",
        "Ruangan terlalu panas, pendingin udara perlu diperbaiki.",
        "Perlu pelatihan lanjutan tentang penyusunan SOP layanan.",
        "Jaringan internet di ruang kelas sering terputus.",
        "Materi terlalu teoretis, kurang contoh dari Kota Kupang.",
    ]
    static let examples = [
        "Saya menyusun ulang alur layanan di loket kami.",
        "Rapat koordinasi mingguan kini memakai agenda tertulis.",
        "Saya membuat daftar prioritas kerja setiap pagi.",
    ]
    static let furtherNeeds = [
        "Pelatihan analisis data layanan.",
        "Pendampingan penyusunan inovasi pelayanan.",
        "Pelatihan penggunaan aplikasi perkantoran.",
        "Bimbingan teknis manajemen pengaduan.",
    ]

    /// Loads everything; the returned line goes into the demo's summary.
    static func load(into app: Application) async throws -> String {
        let now = app.clock.now()
        let today = CityTime.today(app.clock)
        let firstOfYear = CivilDate(year: today.year, month: 1, day: 1) ?? today
        let day: @Sendable (Int) -> String = { daysAgo in max(firstOfYear, today.adding(days: -daysAgo)).iso }
        let author =
            try await UserAccount.query(on: app.db).filter(\.$username == "admin").first()?.id
            ?? DemoTrainingLoader.stableID("demo-evaluation-author")
        let (surveysMade, responses) = try await app.db.transaction { db -> (Int, Int) in
            var surveysMade = 0
            var responses = 0
            let employees = try await Employee.query(on: db).filter(\.$active == true).sort(\.$nip).all()
            guard !employees.isEmpty else { return (0, 0) }
            let withSupervisor = employees.filter { $0.$supervisor.id != nil }
            for (index, profile) in profiles.enumerated() {
                guard
                    let programme = try await Programme.query(on: db).filter(\.$title == profile.programmeTitle)
                        .first()
                else { continue }
                let programmeID = try programme.requireID()
                var random = DemoRandom(seed: 0x4C4F_4E54_4152 &+ UInt64(index))
                // The participants: a slice of the demo's civil servants, different per programme.
                let pool = withSupervisor.isEmpty ? employees : withSupervisor
                let people = (0..<min(profile.invited, pool.count)).map { pool[(index * 41 + $0 * 3) % pool.count] }

                // L1: the reaction survey, sent three to eight weeks ago.
                let sent = 20 + index * 7
                if let survey = try await newSurvey(
                    programmeID, level: .reaction, title: reactionTitle, template: .reaction,
                    anonymous: profile.anonymous, author: author, now: now, on: db)
                {
                    surveysMade += 1
                    let items = SurveyTemplate.reaction.definition.items
                    for (number, person) in people.enumerated() {
                        let answers = number < profile.answered
                        try await invite(
                            survey, person.requireID(), about: nil, sentOn: day(sent), answered: answers, on: db)
                        guard answers else { continue }
                        var given: [String: SurveyAnswer] = [:]
                        for item in items where item.likertPoints == 4 {
                            given[item.key] = .scale(random.weighted(profile.reaction) + 1)
                        }
                        // The template's two open questions: what helped most, what to improve.
                        let open = items.filter { $0.kind == .text }.map(\.key)
                        if random.below(3) == 0 { given[open[0]] = .text(random.pick(praise)) }
                        if random.below(2) == 0 { given[open[1]] = .text(random.pick(suggestions)) }
                        try await respond(
                            survey, items: items, answers: given, by: profile.anonymous ? nil : person.requireID(),
                            about: nil, on: day(max(sent - 1 - random.below(4), 0)), db: db)
                        responses += 1
                    }
                }

                // L3: alumni and (separately) their supervisors, asked in the last fortnight.
                guard let behaviour = profile.behaviour else { continue }
                let alumni = Array(people.prefix(behaviour.alumni))
                if let survey = try await newSurvey(
                    programmeID, level: .behaviourAlumnus,
                    title: app.catalogue.text(
                        "evaluation.l3.surveyTitle.\(SurveyLevel.behaviourAlumnus.rawValue)", [programme.title],
                        language: .id),
                    template: .behaviourAlumnus, anonymous: false, author: author, now: now, on: db)
                {
                    surveysMade += 1
                    let items = SurveyTemplate.behaviourAlumnus.definition.items
                    for (number, alumnus) in alumni.enumerated() {
                        // The last alumnus has not answered yet: the survey shows who is missing.
                        let answers = number < alumni.count - 1
                        try await invite(
                            survey, alumnus.requireID(), about: nil, sentOn: day(12), answered: answers, on: db)
                        guard answers else { continue }
                        var given: [String: SurveyAnswer] = [:]
                        // Keys come from the template (Likert items, the plan's status, its obstacles,
                        // then the example and the further needs), so the demo follows it if it changes.
                        for item in items where item.likertPoints == 4 {
                            given[item.key] = .scale(random.weighted(behaviour.weights) + 1)
                        }
                        let open = items.filter { $0.kind == .text }.map(\.key)
                        if let status = items.first(where: { $0.kind == .single }) {
                            given[status.key] = .choices([plan(behaviour.weights, &random)])
                        }
                        if let obstacles = items.first(where: { $0.kind == .multiple }) {
                            given[obstacles.key] = .choices(Array(Set([random.below(5), random.below(5)])).sorted())
                        }
                        if random.below(2) == 0 { given[open[0]] = .text(random.pick(examples)) }
                        if random.below(2) == 0 { given[open[1]] = .text(random.pick(furtherNeeds)) }
                        try await respond(
                            survey, items: items, answers: given, by: alumnus.requireID(), about: nil,
                            on: day(max(12 - 1 - random.below(8), 0)), db: db)
                        responses += 1
                    }
                }
                if let survey = try await newSurvey(
                    programmeID, level: .behaviourSupervisor,
                    title: app.catalogue.text(
                        "evaluation.l3.surveyTitle.\(SurveyLevel.behaviourSupervisor.rawValue)", [programme.title],
                        language: .id),
                    template: .behaviourSupervisor, anonymous: false, author: author, now: now, on: db)
                {
                    surveysMade += 1
                    let items = SurveyTemplate.behaviourSupervisor.definition.items
                    for (number, alumnus) in alumni.enumerated() {
                        guard let supervisorID = alumnus.$supervisor.id else { continue }
                        let answers = number < behaviour.supervisors
                        try await invite(
                            survey, supervisorID, about: alumnus.requireID(), sentOn: day(12), answered: answers,
                            on: db)
                        guard answers else { continue }
                        var given: [String: SurveyAnswer] = [:]
                        for item in items where item.likertPoints == 4 {
                            given[item.key] = .scale(random.weighted(behaviour.weights) + 1)
                        }
                        if let status = items.first(where: { $0.kind == .single }) {
                            given[status.key] = .choices([plan(behaviour.weights, &random)])
                        }
                        if let needs = items.first(where: { $0.kind == .text }), random.below(2) == 0 {
                            given[needs.key] = .text(random.pick(furtherNeeds))
                        }
                        try await respond(
                            survey, items: items, answers: given, by: supervisorID, about: alumnus.requireID(),
                            on: day(max(12 - 2 - random.below(8), 0)), db: db)
                        responses += 1
                    }
                }

                // The leadership workshop also has an interview and an L4 indicator.
                guard index == 0, let alumnus = alumni.first else { continue }
                try await interview(
                    programmeID, alumnus: alumnus, heldOn: day(5), interviewer: author, now: now, on: db)
                try await indicator(programme, year: today.year, recordedBy: author, now: now, on: db)
            }
            return (surveysMade, responses)
        }
        let interviews = try await EvaluationInterview.query(on: app.db).count()
        let indicators = try await ResultIndicator.query(on: app.db).count()
        return "Evaluation: \(surveysMade) new surveys with \(responses) responses (reaction surveys for "
            + "\(profiles.count) programmes, L3 for alumni and supervisors of "
            + "\(profiles.filter { $0.behaviour != nil }.count)); \(interviews) interview(s), "
            + "\(indicators) L4 indicator(s); see /evaluasi."
    }

    /// The action plan's state leans with how well the learning is applied.
    private static func plan(_ weights: [Int], _ random: inout DemoRandom) -> Int {
        let applied = weights == weak ? [1, 3, 5, 1] : [5, 4, 1, 0]
        return random.weighted(applied)
    }

    /// A new open survey from a template; nil when the programme already has one of this
    /// level and title (the demo ran before).
    private static func newSurvey(
        _ programmeID: UUID, level: SurveyLevel, title: String, template: SurveyTemplate, anonymous: Bool,
        author: UUID, now: Date, on db: any Database
    ) async throws -> Survey? {
        let existing = try await Survey.query(on: db).filter(\.$programme.$id == programmeID)
            .filter(\.$level == level.rawValue).filter(\.$title == title).first()
        guard existing == nil else { return nil }
        let survey = Survey()
        survey.$programme.id = programmeID
        survey.$trainingClass.id = nil
        survey.level = level.rawValue
        survey.title = title
        survey.definition = try SurveyStore.encode(template.definition)
        survey.anonymous = anonymous
        survey.status = "open"
        survey.createdBy = author
        survey.createdAt = now
        try await survey.save(on: db)
        return survey
    }

    private static func invite(
        _ survey: Survey, _ employeeID: UUID, about: UUID?, sentOn: String, answered: Bool, on db: any Database
    ) async throws {
        let invitation = SurveyInvitation()
        invitation.$survey.id = try survey.requireID()
        invitation.$employee.id = employeeID
        invitation.$about.id = about
        invitation.sentOn = sentOn
        invitation.closesOn = CivilDate(iso: sentOn)?.adding(days: 30).iso ?? sentOn
        invitation.answered = answered
        try await invitation.save(on: db)
    }

    /// A response and its rows as `SurveyAnswering.store` writes them: an anonymous survey's
    /// response names no one and keeps only the day.
    private static func respond(
        _ survey: Survey, items: [SurveyItem], answers: [String: SurveyAnswer], by respondent: UUID?, about: UUID?,
        on day: String, db: any Database
    ) async throws {
        let response = SurveyResponse()
        response.$survey.id = try survey.requireID()
        response.$trainingClass.id = survey.$trainingClass.id
        response.$respondent.id = survey.anonymous ? nil : respondent
        response.$about.id = survey.anonymous ? nil : about
        response.submittedOn = day
        try await response.save(on: db)
        let rows = try SurveyAnswering.rows(
            items: items, answers: answers, responseID: response.requireID(), surveyID: survey.requireID())
        if !rows.isEmpty { try await rows.create(on: db) }
    }

    private static func interview(
        _ programmeID: UUID, alumnus: Employee, heldOn: String, interviewer: UUID, now: Date, on db: any Database
    ) async throws {
        let supervisor = try await alumnus.$supervisor.id.asyncFlatMap { try await Employee.find($0, on: db) }
        let person = supervisor ?? alumnus
        let name = EmployeeImport.displayName(front: person.frontTitle, name: person.name, back: person.backTitle)
        let existing = try await EvaluationInterview.query(on: db).filter(\.$programme.$id == programmeID)
            .filter(\.$intervieweeName == name).first()
        guard existing == nil else { return }
        let interview = EvaluationInterview()
        interview.$programme.id = programmeID
        interview.$employee.id = try person.requireID()
        interview.intervieweeRole = supervisor == nil ? "alumnus" : "supervisor"
        interview.intervieweeName = name
        interview.heldOn = heldOn
        interview.interviewerID = interviewer
        interview.questions = """
            1. Perubahan apa yang terlihat pada cara kerja pegawai sejak lokakarya?
            2. Bagaimana rencana aksi yang disusun di akhir kelas berjalan?
            3. Dukungan apa yang masih dibutuhkan?
            """
        interview.findings = """
            Pegawai memimpin rapat koordinasi pelayanan setiap minggu dan menyusun ulang alur layanan di loket. \
            Rencana aksi berjalan sebagian: SOP baru sudah disusun, tetapi belum ditetapkan kepala OPD.
            """
        interview.needs = "Pelatihan lanjutan penyusunan SOP dan standar pelayanan; pendampingan survei kepuasan."
        interview.createdAt = now
        try await interview.save(on: db)
    }

    private static func indicator(
        _ programme: Programme, year: Int, recordedBy: UUID, now: Date, on db: any Database
    ) async throws {
        let name = "Rata-rata waktu penyelesaian pengaduan layanan"
        let programmeID = try programme.requireID()
        let existing = try await ResultIndicator.query(on: db).filter(\.$programme.$id == programmeID)
            .filter(\.$year == year).filter(\.$name == name).first()
        guard existing == nil else { return }
        var agencyID = programme.$organiserAgency.id
        if agencyID == nil { agencyID = try await Agency.query(on: db).filter(\.$code == "BKPPD").first()?.id }
        guard let agencyID else { return }
        let indicator = ResultIndicator()
        indicator.$programme.id = programmeID
        indicator.$agency.id = agencyID
        indicator.year = year
        indicator.name = name
        indicator.unit = "hari"
        indicator.baseline = 14
        indicator.result = 9
        indicator.higherIsBetter = false
        indicator.evidence = "Rekapitulasi aplikasi pengaduan, triwulan sebelum dan sesudah lokakarya."
        indicator.recordedBy = recordedBy
        indicator.createdAt = now
        try await indicator.save(on: db)
    }
}
