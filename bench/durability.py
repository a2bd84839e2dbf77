#!/usr/bin/env python3
"""Helper of bench/durability.sh (standard library only).

  setup  URL EMAIL PASSWORD WRITERS      signs in, creates an API token, a plan and one
                                         initiative per writer; prints "TOKEN ID1,ID2,..."
  write  URL TOKEN IDS STOPFILE OUT [--tag T] [--payload BYTES]
                                         one thread per initiative id, each creating activities
                                         through POST /api/v1/activities until STOPFILE exists;
                                         writes every attempt's outcome to OUT (JSON)
  verify DB OUT...                       checks every acknowledged write of the OUT files in the
                                         database (sqlite:PATH or postgresql://...); prints JSON
  window OUT FROM TO UNTIL               outcomes of attempts in flight from FROM to TO and of
                                         those after TO until UNTIL (epoch seconds)
"""
import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse


def split_url(url):
    parsed = urllib.parse.urlsplit(url)
    return parsed.hostname, parsed.port or 80


class Client:
    """One kept-alive connection; reconnects after any error."""

    def __init__(self, url, timeout=15):
        self.host, self.port = split_url(url)
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=headers or {})
            response = self.conn.getresponse()
            data = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, response.headers, data
        except BaseException:
            self.close()
            raise

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None


def cookies_from(headers, jar):
    for value in headers.get_all("Set-Cookie") or []:
        name, _, rest = value.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]


def cookie_header(jar):
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def csrf_of(html):
    match = re.search(r'name="_csrf" value="([^"]+)"', html)
    if not match:
        raise SystemExit("no _csrf field in the page")
    return match.group(1)


def sign_in(client, email, password):
    """Returns the cookie jar of a signed-in session."""
    jar = {}
    status, headers, body = client.request("GET", "/login")
    cookies_from(headers, jar)
    form = urllib.parse.urlencode({"_csrf": csrf_of(body.decode()), "next": "/",
                                   "email": email, "password": password})
    status, headers, body = client.request(
        "POST", "/login", form,
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(jar)})
    if status != 303:
        raise SystemExit(f"login answered {status}: {body[:300]!r}")
    cookies_from(headers, jar)
    return jar


def setup(url, email, password, writers):
    client = Client(url)
    jar = sign_in(client, email, password)
    status, headers, body = client.request("GET", "/api-tokens", headers={"Cookie": cookie_header(jar)})
    csrf = csrf_of(body.decode())
    user_id = re.search(r'<option value="(\d+)"', body.decode()).group(1)
    form = urllib.parse.urlencode({"_csrf": csrf, "name": f"durability-{int(time.time())}",
                                   "user_id": user_id, "scope": "write"})
    status, headers, body = client.request(
        "POST", "/api-tokens", form,
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(jar)})
    match = re.search(rb"st_[A-Za-z0-9_-]+", body)
    if status not in (200, 201) or not match:
        raise SystemExit(f"creating an API token answered {status}")
    token = match.group(0).decode()
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def create(path, record):
        status, _, body = client.request("POST", path, json.dumps(record), auth)
        if status != 201:
            raise SystemExit(f"POST {path} answered {status}: {body[:300]!r}")
        return json.loads(body)["id"]

    plan = create("/api/v1/plans", {"kind": "action_plan", "name": f"Durability {time.time():.0f}",
                                    "period_start": "2025-01-01", "period_end": "2026-12-31"})
    ids = [create("/api/v1/initiatives", {"plan_id": plan, "name": f"Writer {i + 1}",
                                          "status": "active"}) for i in range(writers)]
    print(token, ",".join(map(str, ids)))


def classify(error):
    if isinstance(error, ConnectionRefusedError):
        return "refused"
    if isinstance(error, TimeoutError) or "timed out" in str(error):
        return "timeout"
    return "dropped"  # reset, closed without an answer, broken pipe: the request was in flight


def writer(url, token, initiative, tag, payload, stopfile, results):
    client = Client(url)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    seq = 0
    attempts = results["attempts"]
    acked = results["acked"]
    while not os.path.exists(stopfile):
        seq += 1
        title = f"{tag}-i{initiative}-{seq}"
        record = {"initiative_id": initiative, "title": title, "kind": "activity",
                  "status": "planned"}
        if payload:
            record["description"] = ("x" * 63 + "\n") * (payload // 64)
        t0 = time.time()
        try:
            status, _, body = client.request("POST", "/api/v1/activities", json.dumps(record), headers)
        except Exception as error:  # noqa: BLE001 - every failure is an outcome to record
            outcome = classify(error)
            attempts.append((t0, time.time(), outcome, title, ""))
            time.sleep(0.02 if outcome == "refused" else 0.005)
            continue
        if status == 201:
            try:
                new_id = json.loads(body)["id"]
            except (ValueError, KeyError):
                attempts.append((t0, time.time(), "bad201", title, body[:200].decode("utf-8", "replace")))
                continue
            acked.append((new_id, title))
            attempts.append((t0, time.time(), "ok", title, ""))
        else:
            attempts.append((t0, time.time(), f"http{status}", title,
                             body[:300].decode("utf-8", "replace")))
            time.sleep(0.02)


def write(argv):
    url, token, ids, stopfile, out = argv[:5]
    tag, payload = "w", 0
    rest = argv[5:]
    while rest:
        if rest[0] == "--tag":
            tag = rest[1]
        elif rest[0] == "--payload":
            payload = int(rest[1])
        rest = rest[2:]
    threads, per = [], []
    for initiative in map(int, ids.split(",")):
        results = {"initiative": initiative, "attempts": [], "acked": []}
        per.append(results)
        threads.append(threading.Thread(target=writer, daemon=True,
                                        args=(url, token, initiative, tag, payload, stopfile, results)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    attempts = sorted(a for r in per for a in r["attempts"])
    acked = [a for r in per for a in r["acked"]]
    with open(out, "w") as f:
        json.dump({"tag": tag, "acked": acked, "attempts": attempts}, f)


def rows(db, query):
    if db.startswith("sqlite:"):
        conn = sqlite3.connect(f"file:{db[7:]}?mode=ro", uri=True)
        try:
            return conn.execute(query).fetchall()
        finally:
            conn.close()
    out = subprocess.run(["psql", db, "-At", "-F", "\t", "-c", query], check=True,
                         capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


def summarize(attempts):
    counts = {}
    for attempt in attempts:
        counts[attempt[2]] = counts.get(attempt[2], 0) + 1
    return counts


def verify(db, outs):
    acked, attempts, tags = [], [], []
    for out in outs:
        with open(out) as f:
            data = json.load(f)
        acked += [tuple(a) for a in data["acked"]]
        attempts += data["attempts"]
        tags.append(data["tag"])
    present = {int(i): t for i, t in rows(db, "SELECT id, title FROM activities")}
    audited = {int(r[0]) for r in rows(
        db, "SELECT entity_id FROM audit_log WHERE entity = 'activity' AND action = 'create'")}
    indexed = {int(r[0]) for r in rows(db, "SELECT entity_id FROM search_entries WHERE entity = 'activity'")}
    found = [a for a in acked if present.get(a[0]) == a[1]]
    lost = [a for a in acked if a[0] not in present]
    wrong = [a for a in acked if a[0] in present and present[a[0]] != a[1]]
    acked_titles = {a[1] for a in acked}
    ours = {i: t for i, t in present.items() if any(t.startswith(tag + "-") for tag in tags)}
    unacked_present = [i for i, t in ours.items() if t not in acked_titles]
    incomplete = [i for i in ours if i not in audited or i not in indexed]
    counts = summarize(attempts)
    failed = sum(n for k, n in counts.items() if k not in ("ok", "refused"))
    http_errors = {}
    for attempt in attempts:
        if attempt[2].startswith("http") and attempt[4]:
            http_errors.setdefault(attempt[2], attempt[4])
    result = {
        "attempts": len(attempts), "acknowledged": len(acked), "found": len(found),
        "lost": len(lost), "wrong_title": len(wrong), "failed": failed,
        "refused": counts.get("refused", 0), "outcomes": counts,
        "unacknowledged_but_stored": len(unacked_present),
        "without_audit_or_search_row": len(incomplete),
        "lost_examples": lost[:10], "wrong_examples": wrong[:10], "http_error_examples": http_errors,
    }
    print(json.dumps(result))
    return 1 if lost or wrong or incomplete else 0


def window(out, start, end, until):
    """Outcomes of attempts in flight between START and END, and of those started after END
    (until UNTIL): how long after END the first write succeeded, how many failed after it."""
    with open(out) as f:
        attempts = json.load(f)["attempts"]
    during = [a for a in attempts if a[1] >= start and a[0] <= end]
    after = [a for a in attempts if end < a[0] <= until]
    ok_after = [a for a in after if a[2] == "ok"]
    first_ok = min(a[1] for a in ok_after) if ok_after else None
    later = [a for a in after if first_ok is not None and a[0] > first_ok]
    result = {"during": summarize(during), "after": summarize(after),
              "first_ok_after_s": round(first_ok - end, 2) if first_ok else None,
              "failed_after_first_ok": sum(1 for a in later if a[2] != "ok")}
    print(json.dumps(result))


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    command, argv = sys.argv[1], sys.argv[2:]
    if command == "setup":
        setup(argv[0], argv[1], argv[2], int(argv[3]))
    elif command == "write":
        write(argv)
    elif command == "verify":
        sys.exit(verify(argv[0], argv[1:]))
    elif command == "window":
        window(argv[0], float(argv[1]), float(argv[2]), float(argv[3]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
