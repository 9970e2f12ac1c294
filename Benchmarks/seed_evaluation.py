#!/usr/bin/env python3
"""Writes SQL for the evaluation benchmark: PROGRAMMES programmes, each with a class, a course with
a pre-test and a post-test, a reaction survey (every fourth anonymous), an L3 survey for alumni and
one for supervisors, RESPONSES survey responses in all (80 % reaction, 20 % L3) with their answer
rows, invitations, 20 completed participants with pre/post attempts (seven in ten with an action
plan), an interview and an L4 indicator.

usage: seed_evaluation.py PROGRAMMES RESPONSES YEAR DIALECT EMPLOYEE_IDS > seed.sql

EMPLOYEE_IDS is a file of employee ids, one a line. DIALECT is sqlite or postgres (how timestamps
and booleans are written). Seeded, so runs are comparable; programmes differ in quality so the
comparison has every verdict.
"""
import random
import sys
import uuid

programmes, responses, year, dialect = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
employees = [line.strip() for line in open(sys.argv[5]) if line.strip()]
rng = random.Random(5)
now = 1767225600 + (year - 2026) * 31536000 + 180 * 86400  # mid-year


def new_id():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()


def ts(seconds):
    return f"to_timestamp({seconds})" if dialect == "postgres" else repr(float(seconds))


def boolean(value):
    if dialect == "postgres":
        return "true" if value else "false"
    return "1" if value else "0"


def null(value):
    return "NULL" if value is None else str(value)


rows = {}
columns = {
    "programmes": "programmes (id, title, description, objectives, path, form_code, competency_kind, competencies, jp, "
    "international, organiser_kind, organiser_agency_id, organiser_name, audience_position_kinds, audience_agencies, "
    "prerequisites, status, min_attendance, requires_assessment, passing_score, excused_counts, created_at, updated_at)",
    "training_classes": "training_classes (id, programme_id, name, capacity, seats_held, registration_opens_at, "
    "registration_closes_at, cancel_cutoff_hours, status, online_url, place, checkin_secret, sequence, "
    "next_waitlist_position, created_at, updated_at)",
    "courses": "courses (id, programme_id, class_id, title, summary, open_enrolment, status, revision, created_by, "
    "created_at, updated_at)",
    "quizzes": "quizzes (id, course_id, title, intro, settings, draw, created_at, updated_at)",
    "programme_evaluations": "programme_evaluations (id, programme_id, pre_quiz_id, post_quiz_id, l3_delay_months, "
    "l3_window_days, l3_reminder_days)",
    "surveys": "surveys (id, programme_id, class_id, level, title, definition, anonymous, status, closes_on, created_by, "
    "created_at)",
    "survey_invitations": "survey_invitations (id, survey_id, employee_id, about_employee_id, enrolment_id, sent_on, "
    "last_reminded_on, closes_on, answered)",
    "survey_responses": "survey_responses (id, survey_id, class_id, respondent_id, about_employee_id, submitted_on)",
    "survey_answers": "survey_answers (id, response_id, survey_id, item_key, aspect, scale, points, choice, "
    "facilitator_id, text)",
    "quiz_attempts": "quiz_attempts (id, quiz_id, employee_id, number, state, revision, started_at, deadline, "
    "finished_at, progress, percent, passed)",
    "evaluation_interviews": "evaluation_interviews (id, programme_id, employee_id, interviewee_role, interviewee_name, "
    "held_on, interviewer_id, questions, findings, needs, created_at)",
    "result_indicators": "result_indicators (id, programme_id, agency_id, year, name, unit, baseline, result, "
    "higher_is_better, evidence, evidence_file_sha256, evidence_file_name, recorded_by, created_at)",
    "enrolments": "enrolments (id, class_id, employee_id, approval, seat, cancelled, waitlist_position, nominated_by, "
    "decided_by, decline_reason, completed, completed_at, assessment_score, created_at, updated_at)",
    "action_plans": "action_plans (id, enrolment_id, employee_id, class_id, plan, written_on, updated_at)",
}
for table in columns:
    rows[table] = []

LIKERT = [("materi.relevan", "materi"), ("materi.jelas", "materi"), ("materi.terap", "materi"),
          ("fasilitator.kuasai", "fasilitator"), ("fasilitator.interaksi", "fasilitator"),
          ("penyelenggaraan.jadwal", "penyelenggaraan"), ("penyelenggaraan.layanan", "penyelenggaraan"),
          ("sarana.ruang", "sarana"), ("sarana.bahan", "sarana"),
          ("keseluruhan.puas", "keseluruhan"), ("keseluruhan.rekomendasi", "keseluruhan")]
NEEDS = ["Perlu praktik langsung dengan aplikasi", "Butuh pelatihan Excel lanjutan untuk laporan",
         "Waktu pelatihan terlalu singkat", "Materi pelayanan publik perlu contoh kasus Kupang",
         "Perlu pendampingan setelah pelatihan", "Pelatihan menulis surat dinas dan laporan"]
TITLES = ["Pelayanan Publik Prima", "Literasi Digital", "Manajemen Waktu", "Kepemimpinan Pengawas",
          "Komunikasi Efektif", "Penyusunan Anggaran", "Keselamatan Kerja", "Bimtek SIASN", "Etika ASN",
          "Analisis Kebijakan"]
per_programme = responses // programmes
reaction_each = per_programme * 8 // 10
side_each = (per_programme - reaction_each) // 2
admin = new_id()


def likert(quality, points):
    value = round(rng.gauss(1 + quality * (points - 1), 0.7))
    return max(1, min(points, value))


def day(month_from=1, month_to=12):
    return f"{year:04d}-{rng.randint(month_from, month_to):02d}-{rng.randint(1, 28):02d}"


for p in range(programmes):
    quality = rng.choice([0.25, 0.45, 0.6, 0.75, 0.85])
    programme, klass, course, pre, post = (new_id() for _ in range(5))
    title = f"{TITLES[p % len(TITLES)]} {p + 1:03d}"
    rows["programmes"].append(
        f"('{programme}', '{title}', '', '', 'pelatihan', 'KL03', 'manajerial', '', 24, {boolean(False)}, 'bkppd', "
        f"NULL, '', '', '', '', 'published', 80, {boolean(False)}, NULL, {boolean(False)}, {ts(now)}, {ts(now)})")
    rows["training_classes"].append(
        f"('{klass}', '{programme}', 'Angkatan I', 40, 0, NULL, NULL, 48, 'done', '', 'Aula', 'AAAA', 0, 0, "
        f"{ts(now)}, {ts(now)})")
    rows["courses"].append(
        f"('{course}', '{programme}', '{klass}', '{title}', '', {boolean(False)}, 'published', 1, '{admin}', {ts(now)}, "
        f"{ts(now)})")
    for quiz, name in [(pre, "Pre-test"), (post, "Post-test")]:
        rows["quizzes"].append(f"('{quiz}', '{course}', '{name}', '', '{{}}', '[]', {ts(now)}, {ts(now)})")
    rows["programme_evaluations"].append(f"('{new_id()}', '{programme}', '{pre}', '{post}', 3, 30, 7)")
    surveys = {}
    for level, anonymous in [("reaction", p % 4 == 0), ("behaviourAlumnus", False), ("behaviourSupervisor", False)]:
        survey = new_id()
        surveys[level] = survey
        survey_class = f"'{klass}'" if level == "reaction" else "NULL"
        definition = '{"sections":[]}'
        rows["surveys"].append(
            f"('{survey}', '{programme}', {survey_class}, '{level}', 'Survei', '{definition}', {boolean(anonymous)}, "
            f"'open', NULL, '{admin}', {ts(now)})")
    people = rng.sample(employees, min(len(employees), reaction_each + reaction_each // 4))
    for n, person in enumerate(people):
        answered = n < reaction_each
        rows["survey_invitations"].append(
            f"('{new_id()}', '{surveys['reaction']}', '{person}', NULL, NULL, '{day(1, 6)}', NULL, '{year}-12-31', "
            f"{boolean(answered)})")
    for n in range(reaction_each):
        response = new_id()
        respondent = "NULL" if p % 4 == 0 else f"'{people[n % len(people)]}'"
        rows["survey_responses"].append(
            f"('{response}', '{surveys['reaction']}', '{klass}', {respondent}, NULL, '{day(1, 6)}')")
        for key, aspect in LIKERT:
            rows["survey_answers"].append(
                f"('{new_id()}', '{response}', '{surveys['reaction']}', '{key}', '{aspect}', {likert(quality, 4)}, 4, "
                "NULL, NULL, NULL)")
        if n % 3 == 0:
            rows["survey_answers"].append(
                f"('{new_id()}', '{response}', '{surveys['reaction']}', 'saran.perbaikan', 'kebutuhan', NULL, NULL, "
                f"NULL, NULL, '{rng.choice(NEEDS)}')")
    for level in ["behaviourAlumnus", "behaviourSupervisor"]:
        for n in range(side_each):
            response = new_id()
            rows["survey_responses"].append(
                f"('{response}', '{surveys[level]}', NULL, '{rng.choice(employees)}', NULL, '{day(7, 12)}')")
            for key in ["penerapan.sering", "penerapan.kinerja"]:
                rows["survey_answers"].append(
                    f"('{new_id()}', '{response}', '{surveys[level]}', '{key}', 'penerapan', {likert(quality, 4)}, 4, "
                    "NULL, NULL, NULL)")
            rows["survey_answers"].append(
                f"('{new_id()}', '{response}', '{surveys[level]}', 'rencana.status', 'rencanaAksi', NULL, NULL, "
                f"{rng.randint(0, 3)}, NULL, NULL)")
    participants = rng.sample(employees, min(len(employees), 20))
    for n, person in enumerate(participants):
        # Everyone who sat the tests completed the class; about seven in ten wrote an action plan.
        enrolment = new_id()
        rows["enrolments"].append(
            f"('{enrolment}', '{klass}', '{person}', 'approved', 'held', {boolean(False)}, NULL, NULL, NULL, NULL, "
            f"{boolean(True)}, {ts(now)}, NULL, {ts(now)}, {ts(now)})")
        if n % 10 < 7:
            plan = '{"goal":"Laporan bulanan tepat waktu","steps":[{"activity":"Menyusun templat","result":"",' \
                f'"due":"{year}-09-30"}}]}}'
            rows["action_plans"].append(
                f"('{new_id()}', '{enrolment}', '{person}', '{klass}', '{plan}', '{year}-06-30', {ts(now)})")
    for person in participants:
        before = rng.uniform(30, 70)
        after = min(100, before + rng.gauss((quality - 0.4) * 40, 10))
        for quiz, percent, at in [(pre, before, now - 86400), (post, after, now)]:
            rows["quiz_attempts"].append(
                f"('{new_id()}', '{quiz}', '{person}', 1, 'finished', 1, {ts(at - 900)}, NULL, {ts(at)}, 'graded', "
                f"{percent:.2f}, {boolean(percent >= 70)})")
    rows["evaluation_interviews"].append(
        f"('{new_id()}', '{programme}', NULL, 'supervisor', 'Kepala Bidang', '{day(7, 12)}', '{admin}', "
        f"'Bagaimana penerapannya?', 'Laporan lebih rapi', '{rng.choice(NEEDS)}', {ts(now)})")
    rows["result_indicators"].append(
        f"('{new_id()}', '{programme}', (SELECT id FROM agencies ORDER BY code LIMIT 1), {year}, 'Lama layanan', "
        f"'hari', 14, {rng.randint(7, 16)}, {boolean(False)}, 'Laporan', NULL, NULL, '{admin}', {ts(now)})")

print("BEGIN;")
for table, values in rows.items():
    for start in range(0, len(values), 500):
        print(f"INSERT INTO {columns[table]} VALUES\n" + ",\n".join(values[start:start + 500]) + ";")
print("COMMIT;")
