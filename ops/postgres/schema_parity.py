"""Compares the schema the SQLite migrations build with the one the PostgreSQL migrations build.

Usage: schema_parity.py SQLITE_FILE PSQL URL

Both sides are read from their catalogs and reduced to the same terms: tables; per table the
columns (name, NOT NULL, type class by the mapping of migrations/postgres/README.md); unique
keys (primary keys, UNIQUE constraints, unique indexes) by column list and partial-index
condition; the number of CHECK constraints (their text differs by dialect); the named indexes by table, columns, uniqueness and condition; foreign keys; and
triggers by name, table, timing, event (with UPDATE OF columns) and WHEN condition. The
PostgreSQL `rowid` identity columns that stand in for SQLite's hidden rowid (and their unique
keys) are left out of the comparison and listed. Prints every difference and exits 1 if there
is one.
"""

import json
import re
import sqlite3
import subprocess
import sys

TYPE_CLASS = {
    "INTEGER": "integer",
    "TEXT": "text",
    "REAL": "real",
    "BLOB": "blob",
    "bigint": "integer",
    "text": "text",
    "double precision": "real",
    "bytea": "blob",
}

TRIGGER = re.compile(
    r"CREATE TRIGGER (\w+)\s+(BEFORE|AFTER|INSTEAD OF)\s+(INSERT|UPDATE|DELETE)"
    r"(?:\s+OF\s+(.*?))?\s+ON\s+(?:public\.)?(\w+)(?:\s+FOR EACH ROW)?"
    r"(?:\s+WHEN\s+(.*?))?\s*(?:BEGIN|EXECUTE FUNCTION)",
    re.S | re.I,
)


def condition(text):
    """A partial-index or trigger condition in a form both dialects print alike."""
    if not text:
        return ""
    text = re.sub(r"::\w+(\[\])?", "", text)
    text = re.sub(r"[()]", "", text)
    text = re.sub(r"\bANY\s+ARRAY\[(.*?)\]", r"IN \1", text)
    text = re.sub(r"=\s*IN\b", "IN", text)
    return " ".join(text.replace("\n", " ").split()).lower()


def trigger_terms(sql):
    match = TRIGGER.search(sql)
    if not match:
        raise SystemExit(f"cannot read trigger: {sql[:80]}")
    name, timing, event, columns, table, when = match.groups()
    columns = tuple(c.strip() for c in columns.split(",")) if columns else ()
    return name, (table, timing.upper(), event.upper(), columns, condition(when))


def sqlite_schema(path):
    db = sqlite3.connect(path)
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    schema = {"tables": {}, "indexes": {}, "triggers": {}}
    for table in tables:
        columns = {}
        primary = []
        for _, name, declared, notnull, _, pk in db.execute(f"PRAGMA table_info('{table}')"):
            # A primary-key column is never NULL: a rowid alias cannot be, and every other
            # primary key here is in a STRICT table, where SQLite enforces it.
            columns[name] = (TYPE_CLASS.get(declared, declared), bool(notnull or pk))
            if pk:
                primary.append((pk, name))
        unique = {(tuple(name for _, name in sorted(primary)), "")} if primary else set()
        foreign = set()
        for _, index, is_unique, origin, partial in db.execute(f"PRAGMA index_list('{table}')"):
            if not is_unique:
                continue
            cols = tuple(r[2] for r in db.execute(f"PRAGMA index_info('{index}')"))
            sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (index,)).fetchone()
            where = re.search(r"\bWHERE\b(.*)$", sql[0], re.S).group(1) if partial else ""
            unique.add((cols, condition(where)))
        rows = db.execute(f"PRAGMA foreign_key_list('{table}')").fetchall()
        for fk_id in sorted({r[0] for r in rows}):
            part = sorted((r for r in rows if r[0] == fk_id), key=lambda r: r[1])
            foreign.add((tuple(r[3] for r in part), part[0][2], tuple(r[4] for r in part)))
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        checks = len(re.findall(r"\bCHECK\s*\(", re.sub(r"--[^\n]*", "", sql), re.I))
        schema["tables"][table] = {
            "columns": columns, "unique": unique, "foreign": foreign, "checks": checks}
    for name, table, sql in db.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"):
        cols = tuple(r[2] for r in db.execute(f"PRAGMA index_info('{name}')"))
        where = re.search(r"\bWHERE\b(.*)$", sql, re.S)
        unique = bool(re.match(r"\s*CREATE\s+UNIQUE", sql, re.I))
        schema["indexes"][name] = (table, cols, unique, condition(where.group(1) if where else ""))
    for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'"):
        name, terms = trigger_terms(sql)
        schema["triggers"][name] = terms
    return schema


PG_QUERY = r"""
SELECT json_build_object(
  'columns', (SELECT json_agg(json_build_array(table_name, column_name, data_type,
      is_nullable = 'NO', is_identity = 'YES', identity_generation))
    FROM information_schema.columns c
    JOIN pg_tables t ON t.tablename = c.table_name AND t.schemaname = c.table_schema
    WHERE c.table_schema = 'public'),
  'indexes', (SELECT json_agg(json_build_array(ct.relname, ci.relname, i.indisunique,
      (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(num, ord)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num),
      pg_get_expr(i.indpred, i.indrelid),
      EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid)))
    FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid
    JOIN pg_class ct ON ct.oid = i.indrelid JOIN pg_namespace n ON n.oid = ct.relnamespace
    WHERE n.nspname = 'public'),
  'foreign', (SELECT json_agg(json_build_array(t.relname, r.relname,
      (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(x.conkey) WITH ORDINALITY k(num, ord)
         JOIN pg_attribute a ON a.attrelid = x.conrelid AND a.attnum = k.num),
      (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(x.confkey) WITH ORDINALITY k(num, ord)
         JOIN pg_attribute a ON a.attrelid = x.confrelid AND a.attnum = k.num)))
    FROM pg_constraint x JOIN pg_class t ON t.oid = x.conrelid JOIN pg_class r ON r.oid = x.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE x.contype = 'f' AND n.nspname = 'public'),
  'checks', (SELECT json_agg(json_build_array(relname, checks)) FROM (
      SELECT t.relname, count(*) AS checks
      FROM pg_constraint x JOIN pg_class t ON t.oid = x.conrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE x.contype = 'c' AND n.nspname = 'public' GROUP BY t.relname) AS per_table),
  'triggers', (SELECT json_agg(pg_get_triggerdef(g.oid))
    FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE NOT g.tgisinternal AND n.nspname = 'public'))
"""


def postgres_schema(psql, url):
    out = subprocess.run([psql, url, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", PG_QUERY],
                         check=True, capture_output=True, text=True).stdout
    raw = json.loads(out)
    schema = {"tables": {}, "indexes": {}, "triggers": {}, "rowid": [], "problems": []}
    for table, column, data_type, notnull, identity, generation in raw["columns"] or []:
        entry = schema["tables"].setdefault(
            table, {"columns": {}, "unique": set(), "foreign": set(), "checks": 0})
        if column == "rowid":
            if identity and generation == "ALWAYS" and data_type == "bigint":
                schema["rowid"].append(table)
            else:
                schema["problems"].append(
                    f"{table}.rowid: must be BIGINT GENERATED ALWAYS AS IDENTITY")
            continue
        entry["columns"][column] = (TYPE_CLASS.get(data_type, data_type), notnull)
    for table, name, unique, cols, predicate, constraint in raw["indexes"] or []:
        cols = tuple(cols)
        if cols == ("rowid",):
            continue
        if unique:
            schema["tables"][table]["unique"].add((cols, condition(predicate)))
        if not constraint:
            schema["indexes"][name] = (table, cols, unique, condition(predicate))
    for table, referenced, cols, refcols in raw["foreign"] or []:
        schema["tables"][table]["foreign"].add((tuple(cols), referenced, tuple(refcols)))
    for table, count in raw["checks"] or []:
        schema["tables"][table]["checks"] = count
    for definition in raw["triggers"] or []:
        name, terms = trigger_terms(definition)
        schema["triggers"][name] = terms
    return schema


def compare(lite, pg):
    problems = list(pg["problems"])
    for table in sorted(set(lite["tables"]) | set(pg["tables"])):
        if table not in pg["tables"]:
            problems.append(f"table {table}: only on SQLite")
            continue
        if table not in lite["tables"]:
            problems.append(f"table {table}: only on PostgreSQL")
            continue
        a, b = lite["tables"][table], pg["tables"][table]
        for column in sorted(set(a["columns"]) | set(b["columns"])):
            if column not in b["columns"]:
                problems.append(f"column {table}.{column}: only on SQLite")
            elif column not in a["columns"]:
                problems.append(f"column {table}.{column}: only on PostgreSQL")
            elif a["columns"][column] != b["columns"][column]:
                (ta, na), (tb, nb) = a["columns"][column], b["columns"][column]
                problems.append(
                    f"column {table}.{column}: SQLite {ta}{' NOT NULL' if na else ''}, "
                    f"PostgreSQL {tb}{' NOT NULL' if nb else ''}")
        if a["checks"] != b["checks"]:
            problems.append(f"table {table}: {a['checks']} CHECK constraints on SQLite, "
                            f"{b['checks']} on PostgreSQL")
        for key in sorted(a["unique"] - b["unique"]):
            problems.append(f"unique key {table}{key}: only on SQLite")
        for key in sorted(b["unique"] - a["unique"]):
            problems.append(f"unique key {table}{key}: only on PostgreSQL")
        for key in sorted(a["foreign"] - b["foreign"]):
            problems.append(f"foreign key {table}{key}: only on SQLite")
        for key in sorted(b["foreign"] - a["foreign"]):
            problems.append(f"foreign key {table}{key}: only on PostgreSQL")
    for kind in ("indexes", "triggers"):
        for name in sorted(set(lite[kind]) | set(pg[kind])):
            a, b = lite[kind].get(name), pg[kind].get(name)
            if a != b:
                problems.append(f"{kind[:-1] if kind == 'triggers' else 'index'} {name}: "
                                f"SQLite {a}, PostgreSQL {b}")
    return problems


def main():
    lite = sqlite_schema(sys.argv[1])
    pg = postgres_schema(sys.argv[2], sys.argv[3])
    problems = compare(lite, pg)
    print(f"compared {len(lite['tables'])} tables, {len(lite['indexes'])} named indexes, "
          f"{len(lite['triggers'])} triggers")
    print(f"rowid identity columns on PostgreSQL ({len(pg['rowid'])}): "
          + ", ".join(sorted(pg["rowid"])))
    for problem in problems:
        print(f"DIFFERENCE {problem}")
    if problems:
        print(f"{len(problems)} difference(s)")
        sys.exit(1)
    print("the schemas agree")


if __name__ == "__main__":
    main()
