"""The peer engines of the benchmark, each given the rules R1-R8 and table D1 of `rules/peer-disposal` in its own
language, each returning a record's failed rule ids in rule order (R1 ... R8, D1).

Two rates are measured for each engine, in this process, on one thread:
- `text`: from the JSON line to the failed ids, parsing included (Python's `json.loads` where the engine takes a
  dict, the engine's own parser where it takes JSON text);
- `eval`: from a record already parsed into the engine's own input (datalogic's `DataHandle`; ZEN's dict), the
  rate the issue quotes for datalogic-rs.
"""
import json

RULES = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "D1"]

from gen import D1  # (category or None, least book value or None, the body required), first hit


def jsonlogic_rule():
    """One JSONLogic rule whose value is the list of failed ids. Amounts are binary floats in JSONLogic, so R4
    compares whole fen (exact in a double); R8 reads the disposal date from inside `some` with datalogic's
    `val [[1], ...]` (standard JSONLogic cannot see outside the element)."""
    var = lambda p: {"var": p}
    bodies = {"map": [var("approvals"), var("body")]}
    has = lambda body: {"in": [body, bodies]}
    book = var("asset.book_value")

    def fen(x):
        y = {"+": [{"*": [x, 100]}, 0.5]}
        return {"-": [y, {"%": [y, 1]}]}

    method = var("disposal.method")
    appraised = var("disposal.appraised_value")
    chain = []
    for category, least, body in D1:
        test = [{"==": [var("asset.category"), category]}] if category else []
        test += [{">=": [book, least]}] if least is not None else []
        if test:
            chain += [{"and": test} if len(test) > 1 else test[0], body]
        else:
            chain.append(body)
    fails = {
        "R1": {"and": [{">=": [book, 500000]}, {"!": has("superior_union")}]},
        "R2": {"and": [{">=": [book, 50000]}, {"!": has("collective_meeting")}]},
        "R3": {"!": has("finance_dept")},
        "R4": {"and": [{"in": [method, ["auction", "tender"]]},
                       {"or": [{"==": [appraised, None]},
                               {"<": [{"*": [fen(var("disposal.proceeds")), 10]}, {"*": [fen(appraised), 9]}]}]}]},
        "R5": {"==": [var("disposal.buyer_related_party"), True]},
        "R6": {"and": [{"==": [method, "scrap"]}, {"<": [var("asset.age_years"), var("asset.useful_life_years")]}]},
        "R7": {"and": [{"==": [method, "donation"]}, {"!": has("party_group")}]},
        "R8": {"some": [var("approvals"), {">": [var("date"), {"val": [[1], "disposal", "date"]}]}]},
        "D1": {"!": {"in": [{"if": chain}, bodies]}},
    }
    return {"merge": [{"if": [fails[r], [r], []]} for r in RULES]}


def zen_decision():
    """A ZEN (JDM) graph: the input, table D1 (hit policy first), an expression node with one boolean per rule
    (ZEN's numbers are decimals, so R4 is written as the regulation reads it) and the output."""
    def cell(v):
        return f'"{v}"'
    rows = []
    for k, (category, least, body) in enumerate(D1):
        rows.append({"_id": f"row{k + 1}", "category": cell(category) if category else "",
                     "book": f">= {least}" if least is not None else "", "body": cell(body)})
    table = {
        "hitPolicy": "first", "passThrough": True, "inputField": None, "outputPath": None,
        "executionMode": "single",
        "inputs": [{"id": "category", "name": "category", "field": "asset.category"},
                   {"id": "book", "name": "book value", "field": "asset.book_value"}],
        "outputs": [{"id": "body", "name": "minimum body", "field": "d1MinBody"}],
        "rules": rows,
    }
    has = lambda body: f"contains($.bodies, '{body}')"
    expressions = [
        ("bodies", "map(approvals, #.body)"),
        ("fail.R1", f"asset.book_value >= 500000 and not {has('superior_union')}"),
        ("fail.R2", f"asset.book_value >= 50000 and not {has('collective_meeting')}"),
        ("fail.R3", f"not {has('finance_dept')}"),
        ("fail.R4", "(disposal.method == 'auction' or disposal.method == 'tender') and "
                    "(disposal.appraised_value == null or disposal.proceeds < disposal.appraised_value * 0.9)"),
        ("fail.R5", "disposal.buyer_related_party == true"),
        ("fail.R6", "disposal.method == 'scrap' and asset.age_years < asset.useful_life_years"),
        ("fail.R7", f"disposal.method == 'donation' and not {has('party_group')}"),
        ("fail.R8", "some(approvals, d(#.date) > d(disposal.date))"),
        ("fail.D1", "not contains($.bodies, d1MinBody)"),
    ]
    rules = {"expressions": [{"id": f"e{k}", "key": key, "value": value} for k, (key, value) in enumerate(expressions)],
             "passThrough": False, "inputField": None, "outputPath": None, "executionMode": "single"}
    node = lambda id, kind, content=None: {
        "id": id, "type": kind, "name": id, "position": {"x": 0, "y": 0}, **({"content": content} if content else {})}
    return {
        "contentType": "application/vnd.gorules.decision",
        "nodes": [node("request", "inputNode"), node("D1", "decisionTableNode", table),
                  node("rules", "expressionNode", rules), node("response", "outputNode")],
        "edges": [{"id": f"edge{k}", "type": "edge", "sourceId": a, "targetId": b}
                  for k, (a, b) in enumerate([("request", "D1"), ("D1", "rules"), ("rules", "response")])],
    }


class DataLogic:
    name = "datalogic-rs (JSONLogic, datalogic-py)"

    def __init__(self):
        import datalogic_py
        self.module = datalogic_py
        engine = datalogic_py.Engine()
        self.rule = engine.compile_checked(jsonlogic_rule())
        self.session = engine.session()

    def text(self, lines):
        evaluate, rule = self.session.evaluate_str, self.rule
        return [json.loads(evaluate(rule, line)) for line in lines]

    def prepare(self, lines):
        return [self.module.DataHandle(line) for line in lines]

    def eval(self, handles):
        evaluate, rule = self.session.evaluate_data, self.rule
        return [evaluate(rule, h) for h in handles]


class Zen:
    name = "GoRules ZEN (zen-engine)"

    def __init__(self):
        import zen
        # The engine asks its loader for the decision on every call: a parsed `ZenDecisionContent` is about three
        # times faster to hand back than the JSON text.
        content = zen.ZenDecisionContent(json.dumps(zen_decision()))
        self.engine = zen.ZenEngine({"loader": lambda key: content})

    @staticmethod
    def failed(response):
        fail = response["result"]["fail"]
        return [r for r in RULES if fail[r]]

    def text(self, lines):
        evaluate, failed = self.engine.evaluate, self.failed
        return [failed(evaluate("disposal", json.loads(line))) for line in lines]

    def prepare(self, lines):
        return [json.loads(line) for line in lines]

    def eval(self, records):
        evaluate, failed = self.engine.evaluate, self.failed
        return [failed(evaluate("disposal", r)) for r in records]


ENGINES = {"datalogic": DataLogic, "zen": Zen}
