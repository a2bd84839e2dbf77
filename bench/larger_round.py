#!/usr/bin/env python3
"""Reads an exported workspace (docs/exchange-format.md) on stdin and writes it to stdout with
its first reporting round grown to N forms (default 15): initiatives of the round's plan that
have no form get a copy of an existing form's answers, in turn. The demo round has the seed
annex's 8 forms (21 pages); the report benchmark also renders the ≈15 initiatives the issue
names. Links from form items to register activities are dropped in the copies (an activity
belongs to its own initiative). Used by bench/report.sh; benchmark data, not demo data."""
import copy
import json
import sys

wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 15
doc = json.load(sys.stdin)
round_ = doc["rounds"][0]
forms = round_["forms"]
with_form = {form["initiative_id"] for form in forms}
without = [i["id"] for i in doc["initiatives"]
           if i["plan_id"] == round_["plan_id"] and i["id"] not in with_form]
originals = list(forms)


def unlinked(content):
    for answer in content.get("answers", []):
        for item in answer.get("items", []):
            item.pop("activity_id", None)
    return content


for index, initiative in enumerate(without[: max(0, wanted - len(forms))]):
    form = copy.deepcopy(originals[index % len(originals)])
    form["initiative_id"] = initiative
    form["content"] = unlinked(form["content"])
    for revision in form.get("revisions", []):
        revision["content"] = unlinked(revision["content"])
    form["reminders"] = []
    forms.append(form)
json.dump(doc, sys.stdout, ensure_ascii=False)
