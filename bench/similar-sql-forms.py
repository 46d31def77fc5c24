#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Why `similar` had a 118 ms worst case at a million, and what fixed it:
# copies the image_hashes rows of a bench/similar library into a scratch
# database and times the same 250 searches (200 random images, and the 50
# distinct hashes whose block values the most images share) three ways:
#   before   indexes (b) and one statement with an OR of three IN lists:
#            SQLite's multi-index OR finds rowids, then reads each
#            candidate's table row for its hash
#   or_only  covering indexes (b, phash), still the OR: the rows are still read
#   after    covering indexes (b, phash) and one SELECT per block joined by
#            UNION ALL (what SimilarityReader::searchSql() runs): index only
# Prints one JSON object: p50/p95/max ms per way and query set, the plans,
# and the bytes of each index (dbstat). Python's sqlite3, so the times are
# not Qt's; the comparison holds.
#   bench/similar-sql-forms.py bench/out/similar/speed-1000000/catalog.sqlite [SCRATCH]
import collections, json, os, random, sqlite3, sys, time

src = sys.argv[1]
db = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(src), "sql-forms.sqlite")
if os.path.exists(db):
    os.remove(db)
c = sqlite3.connect(db)
c.execute("ATTACH ? AS src", (src,))
c.execute("CREATE TABLE image_hashes (image_id INTEGER PRIMARY KEY, phash INTEGER, "
          "dhash INTEGER, b0 INTEGER, b1 INTEGER, b2 INTEGER)")
c.execute("INSERT INTO image_hashes SELECT image_id, phash, dhash, b0, b1, b2 "
          "FROM src.image_hashes WHERE phash IS NOT NULL")
c.commit()
c.execute("DETACH src")
rows = c.execute("SELECT image_id, phash, b0, b1, b2 FROM image_hashes").fetchall()
SHIFT, BITS = [0, 22, 43], [22, 21, 21]  # HashBlocks


def blocks(h):
    u = h & (2**64 - 1)
    return [(u >> SHIFT[b]) & ((1 << BITS[b]) - 1) for b in range(3)]


def within(v, bits, radius, start=0):
    out = [v]
    if radius:
        for bit in range(start, bits):
            out += within(v ^ (1 << bit), bits, radius - 1, bit + 1)
    return out


popular = [collections.Counter(r[2 + b] for r in rows) for b in range(3)]
random.seed(5)
queries = {"random": [random.choice(rows) for _ in range(200)], "crowded": []}
seen = set()
for r in sorted(rows, key=lambda r: -sum(popular[b][r[2 + b]] for b in range(3))):
    if r[1] not in seen:
        seen.add(r[1])
        queries["crowded"].append(r)
    if len(queries["crowded"]) == 50:
        break


def statement(h, form):
    parts = [(b, ",".join(map(str, within(v, BITS[b], 2)))) for b, v in enumerate(blocks(h))]
    if form == "or":
        return ("SELECT image_id, phash, dhash FROM image_hashes WHERE "
                + " OR ".join(f"b{b} IN ({v})" for b, v in parts))
    return " UNION ALL ".join(f"SELECT {b} AS block, image_id, phash, 0 AS dhash "
                              f"FROM image_hashes WHERE b{b} IN ({v})" for b, v in parts)


def run(form):
    fresh = sqlite3.connect(db)  # a cold SQLite cache, as a fresh process has
    out = {}
    for name, qs in queries.items():
        ms = []
        for q in qs:
            sql = statement(q[1], form)
            t = time.perf_counter()
            fresh.execute(sql).fetchall()
            ms.append((time.perf_counter() - t) * 1000)
        ms.sort()
        out[name] = {"p50": round(ms[len(ms) // 2], 2), "p95": round(ms[int(len(ms) * 0.95)], 2),
                     "max": round(ms[-1], 2)}
    out["plan"] = [r[3] for r in fresh.execute("EXPLAIN QUERY PLAN "
                                                + statement(queries["random"][0][1], form))]
    fresh.close()
    return out


def sizes():
    return dict(c.execute("SELECT name, sum(pgsize) FROM dbstat "
                          "WHERE name LIKE 'image_hashes%' GROUP BY name"))


result = {"images": len(rows), "load_average": os.getloadavg()[0]}
for b in range(3):
    c.execute(f"CREATE INDEX image_hashes_b{b} ON image_hashes(b{b})")
c.execute("ANALYZE")
c.commit()
result["before"] = run("or")
result["bytes_before"] = sizes()
for b in range(3):
    c.execute(f"DROP INDEX image_hashes_b{b}")
    c.execute(f"CREATE INDEX image_hashes_b{b} ON image_hashes(b{b}, phash)")
c.execute("ANALYZE")
c.commit()
result["or_only"] = run("or")
result["after"] = run("union")
result["bytes_after"] = sizes()
c.close()
os.remove(db)
print(json.dumps(result))
