#!/usr/bin/env python3
"""Writes a large workspace in the exchange format (docs/exchange-format.md) to stdout:
one strategy with N initiatives (default 200) and M activities (default 5000) spread over
them, text lengths like the seeds'. Used by bench/register.sh."""
import json
import sys

initiatives = int(sys.argv[1]) if len(sys.argv) > 1 else 200
activities = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
stamp = "2018-01-15T09:00:00Z"
statuses = ["active", "active", "active", "proposed", "paused", "closed"]
doc = {
    "format": "samtryg-workspace", "version": 1,
    "workspace": {"name": "Benchmark – en stor kommune", "language": "da"},
    "parties": [{"id": 1, "name": "Kommunen", "kind": "municipality"},
                {"id": 2, "name": "Politiet", "kind": "police"}],
    "users": [],
    "plans": [{"id": 1, "kind": "strategy", "name": "Stor strategi", "version": 1,
               "previous_version_id": None, "parent_plan_id": None,
               "period_start": "2017-01-01", "period_end": "2020-12-31", "adopted_on": "2017-01-01",
               "summary": "En strategi med mange indsatser. " * 10, "published": True,
               "created_at": stamp, "updated_at": stamp, "focus_areas": []}],
    "initiatives": [], "activities": [], "groups": [],
}
for i in range(1, initiatives + 1):
    status = statuses[i % len(statuses)]
    # A history that ends with the status, by the moves the rules allow.
    history = [{"status": "proposed" if status == "proposed" else "active", "changed_on": "2017-01-01",
                "reason": "", "actor": "bench", "at": stamp}]
    if status == "closed":
        history.append({"status": "closed", "changed_on": "2018-01-01", "reason": "Målet er nået",
                        "actor": "bench", "at": stamp})
    if status == "paused":
        history.append({"status": "paused", "changed_on": "2018-01-01", "reason": "Afventer midler",
                        "actor": "bench", "at": stamp})
    doc["initiatives"].append({
        "id": i, "plan_id": 1, "parent_initiative_id": None, "focus_area_id": None,
        "name": f"Indsats {i:03d} – tryghed i bydel {i % 17}",
        "purpose": "Fastholde og øge trygheden gennem samarbejde mellem kommune, politi og borgere. " * 3,
        "goals": "Flere borgere føler sig trygge; færre anmeldelser. " * 2, "background": "",
        "already_done": "", "focus": "", "lead_user_id": None, "lead_title": f"Tovholder {i % 23}",
        "anchoring": "Kommunen", "working_group": "", "themes": "tryghed, unge", "start_date": "2017-01-01",
        "in_plan": i % 5 != 0, "added_year": None if i % 5 else 2017, "status": status,
        "published": True, "position": i, "created_at": stamp, "updated_at": stamp,
        "status_history": history})
for a in range(1, activities + 1):
    initiative = (a - 1) % initiatives + 1
    done = a % 3 == 0
    doc["activities"].append({
        "id": a, "initiative_id": initiative, "title": f"Aktivitet {a} – møde, kampagne eller måling",
        "description": "Beskrivelse af aktiviteten med deltagere og resultat. " * 2,
        "kind": ["activity", "communication", "measurement"][a % 3], "status": "done" if done else "planned",
        "planned_when": "" if done else "2018-03", "done_when": "2017-11-24" if done else "",
        "responsible": "SSP-konsulent", "links": "", "channel": "web" if a % 3 == 1 else "",
        "likes": a % 100 if a % 3 == 1 else None, "reactions": None, "shares": None, "reach": None,
        "views": None, "position": a, "created_at": stamp, "updated_at": stamp})
json.dump(doc, sys.stdout, ensure_ascii=False)
