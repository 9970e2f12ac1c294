#!/usr/bin/env python3
"""Writes SQL that spreads imported employees over OPDs and fills the JP ledger.

usage: seed_ledger.py ENTRIES YEAR DIALECT EMPLOYEE_IDS AGENCY_IDS > seed.sql

EMPLOYEE_IDS and AGENCY_IDS are files with one id per line (as the database prints them).
DIALECT is sqlite or postgres (how timestamps are written). Every 7th employee becomes PPPK;
employees are spread round-robin over the agencies. ENTRIES ledger lines go to random
employees (seeded, so runs are comparable): 90 % in YEAR, the rest in the year before.
"""
import random
import sys
import uuid

entries, year, dialect = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
employees = [line.strip() for line in open(sys.argv[4]) if line.strip()]
agencies = [line.strip() for line in open(sys.argv[5]) if line.strip()]
rng = random.Random(42)

FORMS = ["KL01", "KL02", "KL03", "KL04", "KL06", "KL07", "KL08", "KL10", "KL11", "NKL01", "NKL03", "NKL04", "NKL09"]
TITLES = ["Pelayanan Publik Prima", "Literasi Digital", "Manajemen Waktu", "Kepemimpinan Pengawas",
          "Komunikasi Efektif", "Penyusunan Anggaran", "Keselamatan Kerja", "Bimtek SIASN",
          "Seminar Kesehatan Masyarakat", "Workshop Teknologi Pembelajaran"]
JP = [2, 3, 4, 5, 6, 7.5, 8, 10, 12, 16, 24]


def timestamp(seconds):
    if dialect == "postgres":
        return f"to_timestamp({seconds})"
    return repr(float(seconds))


print("BEGIN;")
for index, employee in enumerate(employees):
    kind = "PPPK" if index % 7 == 6 else "PNS"
    agency = agencies[index % len(agencies)]
    print(f"UPDATE employees SET agency_id = '{agency}', kind = '{kind}' WHERE id = '{employee}';")

columns = ("id, employee_id, year, jp, source, source_id, title, form_code, start_date, end_date, organiser, "
           "certificate_number, rule_year, rule_version, created_at")
batch = []
for n in range(entries):
    entry_year = year if rng.random() < 0.9 else year - 1
    month, day = rng.randint(1, 10), rng.randint(1, 27)
    start = f"{entry_year:04d}-{month:02d}-{day:02d}"
    end = f"{entry_year:04d}-{month:02d}-{day + 1:02d}"
    row = (f"('{str(uuid.UUID(int=rng.getrandbits(128))).upper()}', '{rng.choice(employees)}', {entry_year}, "
           f"{rng.choice(JP)}, 'class', '{str(uuid.UUID(int=rng.getrandbits(128))).upper()}', "
           f"'{rng.choice(TITLES)}', '{rng.choice(FORMS)}', '{start}', '{end}', 'BKPPD Kota Kupang', "
           f"'BENCH/{entry_year}/{n:06d}', {entry_year}, 1, {timestamp(1767225600 + n)})")
    batch.append(row)
    if len(batch) == 500:
        print(f"INSERT INTO jp_ledger ({columns}) VALUES\n" + ",\n".join(batch) + ";")
        batch = []
if batch:
    print(f"INSERT INTO jp_ledger ({columns}) VALUES\n" + ",\n".join(batch) + ";")
print("COMMIT;")
