#!/usr/bin/env python3
"""Writes SQL for the quiz benchmark: one published course with a quiz of QUESTIONS questions,
every imported employee enrolled in it with an account and an API token.

usage: seed_quiz.py QUESTIONS DIALECT EMPLOYEES OUT_DIR > seed.sql

EMPLOYEES is a file of "id|nip|name" lines as the database prints them. DIALECT is sqlite or
postgres (how timestamps and booleans are written). Writes OUT_DIR/quiz-id and OUT_DIR/tokens
("employee_id token" per line): tokens are made here and only their SHA-256 is stored, as the
server stores the tokens it issues, so each learner signs in with a bearer token without
paying for a bcrypt check per learner.

The questions are multiple choice (4 options) and true/false, stored as the app's `Question`
JSON; the quiz is timed (30 minutes), draws the whole bank and shuffles it per attempt.
"""
import hashlib
import json
import random
import secrets
import sys
import time
import uuid

questions, dialect, employees_file, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
employees = [line.strip().split("|") for line in open(employees_file) if line.strip()]
now = int(time.time())


def new_id():
    return str(uuid.uuid4()).upper()


def ts(seconds):
    return f"to_timestamp({seconds})" if dialect == "postgres" else repr(float(seconds))


def boolean(value):
    if dialect == "postgres":
        return "true" if value else "false"
    return "1" if value else "0"


def text(value):
    return "'" + value.replace("'", "''") + "'"


def formatted(value):
    return {"text": value, "format": "moodle"}


def question(n):
    if n % 4 == 3:
        body = {"trueFalse": {"answer": n % 2 == 0}}
        stem = f"Pernyataan uji {n}: ASN wajib menaati jam kerja."
    else:
        options = [{"text": formatted(f"Pilihan {c}"), "fraction": 1 if c == "A" else 0} for c in "ABCD"]
        body = {"multipleChoice": {"options": options, "single": True}}
        stem = f"Soal uji {n}: manakah jawaban yang benar?"
    return {"title": f"Soal {n}", "text": formatted(stem), "body": body, "category": "Uji Beban", "defaultMark": 1}


programme, klass, course, section, quiz, lesson = (new_id() for _ in range(6))
settings = {
    "timeLimit": 1800, "passMark": 70, "shuffle": True,
    "reviewShows": {"marks": "afterEachAttempt", "feedback": "afterEachAttempt",
                    "rightAnswers": "afterPassOrLastAttempt"},
}
print("BEGIN;")
print("INSERT INTO programmes (id, title, description, objectives, path, form_code, competency_kind, competencies, "
      "jp, international, organiser_kind, organiser_agency_id, organiser_name, audience_position_kinds, "
      "audience_agencies, prerequisites, status, min_attendance, requires_assessment, passing_score, excused_counts, "
      f"created_at, updated_at) VALUES ('{programme}', 'Kuis Uji Beban', '', '', 'pelatihan', 'NKL03', 'manajerial', "
      f"'', 10, {boolean(False)}, 'bkppd', NULL, '', '', '', '', 'published', 0, {boolean(False)}, NULL, "
      f"{boolean(False)}, {ts(now)}, {ts(now)});")
print("INSERT INTO training_classes (id, programme_id, name, capacity, seats_held, registration_opens_at, "
      "registration_closes_at, cancel_cutoff_hours, status, online_url, place, checkin_secret, sequence, "
      f"next_waitlist_position, created_at, updated_at) VALUES ('{klass}', '{programme}', 'Kuis Uji Beban', 1000000, "
      f"{len(employees)}, NULL, NULL, 0, 'online', '', '', 'AAAA', 0, 0, {ts(now)}, {ts(now)});")
print("INSERT INTO courses (id, programme_id, class_id, title, summary, open_enrolment, status, revision, created_by, "
      f"created_at, updated_at) VALUES ('{course}', '{programme}', '{klass}', 'Kuis Uji Beban', '', {boolean(True)}, "
      f"'published', 1, '{new_id()}', {ts(now)}, {ts(now)});")
print(f"INSERT INTO course_sections (id, course_id, position, title) VALUES ('{section}', '{course}', 1, 'Bagian 1');")
print("INSERT INTO quizzes (id, course_id, title, intro, settings, draw, created_at, updated_at) VALUES "
      f"('{quiz}', '{course}', 'Kuis Uji Beban', '', {text(json.dumps(settings))}, '[]', {ts(now)}, {ts(now)});")
print("INSERT INTO lessons (id, course_id, section_id, position, kind, title, body, url, file_id, quiz_id, required, "
      f"requires_previous, published, minutes, updated_at) VALUES ('{lesson}', '{course}', '{section}', 1, 'quiz', "
      f"'Kuis', '', '', NULL, '{quiz}', {boolean(True)}, {boolean(False)}, {boolean(True)}, 30, {ts(now)});")
for n in range(1, questions + 1):
    q = question(n)
    kind = "truefalse" if "trueFalse" in q["body"] else "multichoice"
    print("INSERT INTO question_bank (id, course_id, category, kind, name, question, position, created_at) VALUES "
          f"('{new_id()}', '{course}', 'Uji Beban', '{kind}', 'Soal {n}', {text(json.dumps(q))}, {n}, {ts(now)});")

tokens = []
rows = {"accounts": [], "tokens": [], "enrolments": []}
for employee_id, nip, name in employees:
    account, token = new_id(), secrets.token_urlsafe(32)
    tokens.append((employee_id, token))
    rows["accounts"].append(
        f"('{account}', {text(nip)}, '{employee_id}', {text(name)}, NULL, '', NULL, 'id', {boolean(False)}, "
        f"{boolean(True)}, {ts(0)}, {ts(now)}, {ts(now)})")
    rows["tokens"].append(
        f"('{new_id()}', '{account}', '{hashlib.sha256(token.encode()).hexdigest()}', {ts(now + 86400)}, NULL, "
        f"{ts(now)})")
    rows["enrolments"].append(
        f"('{new_id()}', '{klass}', '{employee_id}', 'approved', 'held', {boolean(False)}, {boolean(False)}, {ts(now)}, "
        f"{ts(now)})")
columns = {
    "accounts": "user_accounts (id, username, employee_id, display_name, password_hash, roles, operator_agency_id, "
                "language, must_change_password, active, credentials_changed_at, created_at, updated_at)",
    "tokens": "api_tokens (id, user_id, token_hash, expires_at, revoked_at, created_at)",
    "enrolments": "enrolments (id, class_id, employee_id, approval, seat, cancelled, completed, created_at, updated_at)",
}
for table in ["accounts", "tokens", "enrolments"]:
    for start in range(0, len(rows[table]), 500):
        print(f"INSERT INTO {columns[table]} VALUES\n" + ",\n".join(rows[table][start:start + 500]) + ";")
print("COMMIT;")

random.Random(7).shuffle(tokens)  # learners in no particular order, as they would arrive
with open(f"{out}/quiz-id", "w") as f:
    f.write(quiz + "\n")
with open(f"{out}/tokens", "w") as f:
    f.writelines(f"{employee_id} {token}\n" for employee_id, token in tokens)
