#!/usr/bin/env python3
"""Writes a CSV of N valid civil servants for the import benchmark.

usage: gen_employees.py N [AGENCY_CODE] [BAD_ROWS] > file.csv
Every row has a valid PNS NIP; every 10th reports to the row before it. BAD_ROWS rows
(spread through the file) are broken in different ways, to time the refusal too.
"""
import sys

n = int(sys.argv[1])
agency = sys.argv[2] if len(sys.argv) > 2 else "BENCH"
bad = int(sys.argv[3]) if len(sys.argv) > 3 else 0
print("nip;nama;gelar_depan;gelar_belakang;jenis_pegawai;pangkat_golongan;kode_opd;unit_kerja;jabatan;jenis_jabatan;nip_atasan;email;telepon")
nips = []
for i in range(n):
    year = 1970 + i % 30
    month = 1 + i % 12
    day = 1 + i % 28
    tmt_year = year + 20 + i % 5
    seq = 1 + (i // 360) % 999
    nip = f"{year:04d}{month:02d}{day:02d}{tmt_year:04d}{1 + i % 12:02d}{1 + i % 2}{seq:03d}"
    nips.append(nip)
    boss = nips[i - 1] if i % 10 and i > 0 else ""
    row = [nip, f"Pegawai Uji {i}", "", "S.E.", "PNS", "III/a", agency, f"Unit {i % 20}",
           f"Jabatan {i % 40}", "pelaksana", boss, f"uji{i}@bench.kupangkota.go.id", f"0812{i:08d}"]
    if bad and i % (n // bad) == n // bad - 1:
        kind = (i // (n // bad)) % 4
        if kind == 0: row[0] = nip[:-1]            # 17 digits
        elif kind == 1: row[6] = "TIDAKADA"          # unknown OPD
        elif kind == 2: row[4] = "Honorer"           # not PNS/PPPK
        else: row[11] = "bukan-email"                # e-mail
    print(";".join(row))
