#!/usr/bin/env python3
"""Generate N synthetic asset disposals for rules/asset-management, deterministically from a seed.

About 30 % of the records breach exactly one rule (chosen at random among AM-01, 03, 04, 06, 08, 09, 10, 11,
13, 17); the rest are compliant. Written as JSON Lines or as CSV with dotted field paths as headers.

    scripts/gen-disposals.py 100000 --format jsonl > disposals.jsonl
    scripts/gen-disposals.py 100000 --format csv --seed 7 > disposals.csv
    scripts/gen-disposals.py 1000 --expect expected.tsv ...   # also write each record's id and failed rule
"""
import argparse
import csv
import datetime
import json
import random
import sys

PROVINCES = ["sichuan", "hebei", "henan", "guangdong", "zhejiang", "hunan", "shaanxi", "jilin"]
UNITS = ["workers-cultural-palace", "city-ftu", "county-ftu", "sanatorium", "vocational-school"]
VEHICLES = ["别克GL8商务车", "丰田考斯特中巴", "大众帕萨特轿车", "金杯海狮面包车"]
EQUIPMENT = ["联想台式计算机", "佳能复印机", "格力空调", "投影仪", "服务器机柜"]
BREACHES = ["AM-01", "AM-03", "AM-04", "AM-06", "AM-08", "AM-09", "AM-10", "AM-11", "AM-13", "AM-17"]

COLUMNS = [
    "kind", "id", "date", "unit", "owner_level", "unit_type", "action", "method",
    "asset.name", "asset.category", "asset.book_value", "asset.acquired", "action_date", "collective_decision",
    "approval.body", "approval.date", "appraisal.value", "appraisal.date", "appraisal.agency",
    "sale.channel", "sale.agreement_approved", "sale.price", "sale.reapproved", "sale.buyer", "sale.buyer_related",
    "proceeds.remitted", "proceeds.account", "proceeds.date", "writeoff_reason", "public_tender", "ledger_writeoff",
]


def day(d):
    return d.isoformat()


class Money(str):
    """An exact amount, written as a JSON number (never through a float)."""


def money(cents):
    return Money(f"{cents // 100}.{cents % 100:02d}")


def dump(v):
    """Compact JSON with amounts as numbers."""
    if isinstance(v, Money):
        return str(v)
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + dump(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(dump(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def sale(rng, i, start):
    """A vehicle sold at public auction by a provincial union: compliant as generated."""
    book = rng.randrange(80_000_00, 450_000_00)
    appraised = rng.randrange(20_000_00, 90_000_00)
    price = appraised + rng.randrange(0, 10_000_00)
    action = start + datetime.timedelta(days=rng.randrange(40, 70))
    return {
        "owner_level": "省级工会", "unit_type": "事业单位", "action": "处置", "method": "出售",
        "asset": {"name": f"{rng.choice(VEHICLES)}（{i}号）", "category": "车辆", "book_value": money(book),
                  "acquired": day(start - datetime.timedelta(days=rng.randrange(2500, 5000)))},
        "action_date": day(action),
        "collective_decision": day(start + datetime.timedelta(days=7)),
        "approval": {"body": "省级工会", "date": day(start + datetime.timedelta(days=20))},
        "appraisal": {"value": money(appraised), "date": day(start - datetime.timedelta(days=5)),
                      "agency": "天府资产评估有限公司"},
        "sale": {"channel": "公开拍卖", "agreement_approved": False, "price": money(price), "reapproved": False,
                 "buyer": "蓉兴二手车经营有限公司", "buyer_related": False},
        "proceeds": {"remitted": money(price), "account": "工会预算账户",
                     "date": day(action + datetime.timedelta(days=3))},
        "ledger_writeoff": day(action + datetime.timedelta(days=rng.randrange(5, 30))),
    }


def scrap(rng, i, start):
    """Worn-out equipment scrapped by a city union: compliant as generated."""
    action = start + datetime.timedelta(days=rng.randrange(30, 60))
    return {
        "owner_level": "市级工会", "unit_type": "事业单位", "action": "处置", "method": "报废报损",
        "asset": {"name": f"{rng.choice(EQUIPMENT)}（{i}号）", "category": "通用设备",
                  "book_value": money(rng.randrange(3_000_00, 400_000_00)),
                  "acquired": day(start - datetime.timedelta(days=rng.randrange(2000, 4000)))},
        "action_date": day(action),
        "collective_decision": day(start + datetime.timedelta(days=5)),
        "approval": {"body": "市级工会", "date": day(start + datetime.timedelta(days=15))},
        "writeoff_reason": "超使用年限不能满足工作需要",
        "ledger_writeoff": day(action + datetime.timedelta(days=rng.randrange(1, 30))),
    }


def lease(rng, i, start):
    """Premises let by public tender: compliant as generated."""
    return {
        "owner_level": "市级工会", "unit_type": "事业单位", "action": "出租",
        "asset": {"name": f"职工服务中心商铺（{i}号）", "category": "房屋土地",
                  "book_value": money(rng.randrange(500_000_00, 3_000_000_00)),
                  "acquired": day(start - datetime.timedelta(days=rng.randrange(3000, 6000)))},
        "action_date": day(start + datetime.timedelta(days=45)),
        "collective_decision": day(start + datetime.timedelta(days=5)),
        "approval": {"body": "省级工会", "date": day(start + datetime.timedelta(days=20))},
        "public_tender": True,
    }


def breach(rng, d, rule):
    """Edits a compliant record so that exactly `rule` fails."""
    if rule == "AM-17" or (d["action"] == "出租" and rule not in ("AM-03", "AM-04")):
        if d["action"] != "出租":
            return None
        d["public_tender"] = False
        return "AM-17"
    if rule in ("AM-06", "AM-08", "AM-09", "AM-10", "AM-11") and d.get("method") != "出售":
        return None
    approval = datetime.date.fromisoformat(d["approval"]["date"])
    if rule == "AM-01":
        d["approval"]["body"] = "本单位"
    elif rule == "AM-03":
        d["collective_decision"] = day(approval + datetime.timedelta(days=2))
    elif rule == "AM-04":
        d["approval"]["date"] = day(datetime.date.fromisoformat(d["action_date"]) + datetime.timedelta(days=3))
        d["collective_decision"] = d["approval"]["date"]
    elif rule == "AM-06":
        d["appraisal"]["date"] = day(datetime.date.fromisoformat(d["action_date"]) - datetime.timedelta(days=400))
    elif rule == "AM-08":
        cents = int(d["appraisal"]["value"].replace(".", ""))
        price = cents * 8 // 10
        d["sale"]["price"] = money(price)
        d["proceeds"]["remitted"] = money(price)
    elif rule == "AM-09":
        cents = int(d["sale"]["price"].replace(".", ""))
        d["proceeds"]["remitted"] = money(cents - 1_000_00)
    elif rule == "AM-10":
        d["proceeds"]["account"] = "单位经费账户"
    elif rule == "AM-11":
        d["sale"]["buyer_related"] = True
    elif rule == "AM-13":
        action = datetime.date.fromisoformat(d["action_date"])
        d["ledger_writeoff"] = day(action + datetime.timedelta(days=75))
    return rule


def records(n, seed):
    rng = random.Random(seed)
    first = datetime.date(2021, 5, 1)
    for i in range(1, n + 1):
        start = first + datetime.timedelta(days=rng.randrange(0, 1400))
        body = rng.choices([sale, scrap, lease], weights=[5, 4, 1])[0](rng, i, start)
        failed = None
        if rng.random() < 0.30:
            while failed is None:
                failed = breach(rng, body, rng.choice(BREACHES))
        head = {"kind": "asset_disposal", "id": f"ZC-{start.year}-{i:07d}", "date": day(start),
                "unit": f"acftu/{rng.choice(PROVINCES)}/{rng.choice(UNITS)}"}
        yield {**head, **body}, failed


def flat(d, prefix=""):
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(flat(v, prefix + k + "."))
        else:
            out[prefix + k] = ("true" if v else "false") if isinstance(v, bool) else str(v)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    ap.add_argument("--expect", help="also write `id<TAB>failed rule or -` per record to this file")
    args = ap.parse_args()
    out = sys.stdout
    expect = open(args.expect, "w", encoding="utf-8") if args.expect else None
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
    for record, failed in records(args.n, args.seed):
        if writer:
            writer.writerow(flat(record))
        else:
            out.write(dump(record) + "\n")
        if expect:
            expect.write(f"{record['id']}\t{failed or '-'}\n")


if __name__ == "__main__":
    main()
