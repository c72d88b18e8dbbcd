"""Real-browser tests of the web pages: headless Chromium driven by Selenium through Debian's chromedriver.

Run by scripts/browser-test, which starts the pages on 127.0.0.1 and passes their address. Signs in, fills the
generated form for a compliant and a non-compliant promotion from rules/cadre-selection/examples, checks the
verdict and the cited articles on the page, checks that a checker cannot see the trail, verifies the trail as an
auditor with its progress bar, downloads the trail's export as an audit-admin, finds a checker's refused request
in the trail, shows what changed between two versions of a rule set, runs a batch audit (its embedded report in
the page's language), tests and lints in the playground, and saves a screenshot of each page in both languages,
checking that the English one is English.
"""

import datetime
import json
import os
import tempfile
import sys
import urllib.parse
import traceback

import yaml
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = sys.argv[1]
REPO = sys.argv[2]
SHOTS = sys.argv[3]
PASSWORD = sys.argv[4]
EXAMPLES = os.path.join(REPO, "rules/cadre-selection/examples")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800",
                "--lang=zh-CN", "--disable-gpu"]:
        options.add_argument(arg)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def shot(d, name):
    """A screenshot of the whole page."""
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(1280, min(max(900, height), 6000))
    d.save_screenshot(os.path.join(SHOTS, name + ".png"))
    d.set_window_size(1280, 1800)


def sign_in(d, name):
    d.delete_all_cookies()
    d.get(BASE + "/ui/signin")
    d.find_element(By.ID, "name").send_keys(name)
    d.find_element(By.ID, "password").send_keys(PASSWORD)
    d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(d, 10).until(lambda d: "/signin" not in d.current_url)


def flatten(node, path=""):
    """The form fields a person fills to give the document `node`: every scalar under its path."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from flatten(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from flatten(v, f"{path}[{i}]")
    elif isinstance(node, bool):
        yield path, "true" if node else "false"
    elif isinstance(node, (datetime.date, datetime.datetime)):
        yield path, node.isoformat()
    else:
        yield path, str(node)


def html_id(path):
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in path)


def ensure_item(d, name):
    """Clicks "add" on each list the field is in until the field's control exists."""
    for _ in range(40):
        if d.find_elements(By.NAME, name):
            return
        # the innermost list whose item is missing
        cut = name.rfind("[")
        while cut > 0:
            list_path = name[:cut]
            index = name[cut + 1:name.index("]", cut)]
            if not d.find_elements(By.CSS_SELECTOR, f"[name^='{list_path}[{index}]']"):
                button = d.find_elements(By.CSS_SELECTOR, f"button[data-add='l-{html_id(list_path)}']")
                if button:
                    button[0].click()
                    break
            cut = name.rfind("[", 0, cut)
        else:
            return


def fill(d, example):
    with open(os.path.join(EXAMPLES, example), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    d.get(f"{BASE}/ui/check?kind={doc['kind']}&date={doc['date']}")
    for name, value in flatten(doc):
        if name in ("kind", "date"):
            continue
        ensure_item(d, name)
        found = d.find_elements(By.NAME, name)
        assert found, f"the form has no field {name}"
        el = found[0]
        if el.tag_name == "select":
            Select(el).select_by_value(value)
        elif el.get_attribute("type") == "date":
            d.execute_script("arguments[0].value = arguments[1]", el, value)
        else:
            el.clear()
            el.send_keys(value)
    return doc


def submit(d):
    d.find_element(By.CSS_SELECTOR, "#decision-form button.primary").click()
    WebDriverWait(d, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".verdict, #problems"))


def heading(d):
    """The page's heading: its title in the page's language."""
    return d.find_element(By.CSS_SELECTOR, "main h1").text


def report_heading(d):
    """The heading of the HTML report embedded in the batch page, once the frame has loaded it."""
    frame = d.find_element(By.CSS_SELECTOR, "iframe.report")
    d.switch_to.frame(frame)
    try:
        return WebDriverWait(d, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, "header.top h1")).text
    finally:
        d.switch_to.default_content()


def staleness_of(element):
    """Waits for `element` to leave the page. Selenium's own check lets chromedriver's "node does not belong to
    the document" escape as an error while the page is being replaced: that, too, means gone."""
    def gone(_):
        try:
            element.is_enabled()
            return False
        except Exception:
            return True
    return gone


TESTS = []


def run_playground_cases(d):
    """Opens the proposal-handling rule set in the playground and runs its cases; gives the file's option value."""
    d.get(BASE + "/ui/playground")
    value = next(o.get_attribute("value") for o in d.find_elements(By.CSS_SELECTOR, "#file option")
                 if o.get_attribute("value").endswith("proposal-handling/ruleset.yaml"))
    d.get(BASE + "/ui/playground?file=" + urllib.parse.quote(value, safe=""))
    button = d.find_element(By.CSS_SELECTOR, "button[value=test]")
    button.click()
    WebDriverWait(d, 60).until(staleness_of(button))
    return value


def test(f):
    TESTS.append(f)
    return f


@test
def sign_in_page(d):
    d.delete_all_cookies()
    d.get(BASE + "/ui/")
    assert "/ui/signin" in d.current_url
    assert "登录" in d.title
    shot(d, "signin-zh")
    d.get(BASE + "/ui/signin?lang=en")
    assert "Sign in" in d.title
    shot(d, "signin-en")
    d.get(BASE + "/ui/signin?lang=zh")


@test
def compliant_promotion(d):
    sign_in(d, "checker1")
    d.get(BASE + "/ui/check?kind=cadre_promotion&date=2025-09-16")
    shot(d, "check-form-zh")
    d.set_window_size(1280, 1100)
    d.save_screenshot(os.path.join(SHOTS, "check-form-top-zh.png"))
    d.set_window_size(1280, 1800)
    fill(d, "compliant-2025-deputy-bureau.yaml")
    submit(d)
    verdict = d.find_element(By.ID, "verdict").text
    assert verdict == "合规", verdict
    assert "审计记录回执" in d.page_source
    shot(d, "check-compliant-zh")
    d.get(BASE + "/ui/check?lang=en")
    fill(d, "compliant-2025-deputy-bureau.yaml")
    submit(d)
    assert d.find_element(By.ID, "verdict").text == "Compliant"
    assert heading(d) == "Check a decision" and "Audit receipt" in d.page_source
    shot(d, "check-compliant-en")
    d.get(BASE + "/ui/check?lang=zh")


@test
def non_compliant_promotion(d):
    sign_in(d, "checker1")
    fill(d, "non-compliant-2025-skip-single-signature.yaml")
    submit(d)
    assert d.find_element(By.ID, "verdict").text == "不合规"
    rows = d.find_elements(By.CSS_SELECTOR, "#violations + table tbody tr")
    rules = [r.get_attribute("data-rule") for r in rows]
    assert rules == ["CS2-15", "CS2-23"], rules
    cites = " ".join(r.find_element(By.CSS_SELECTOR, ".cite").text for r in rows)
    assert "第三十一条" in cites and "第九条" in cites, cites
    shot(d, "check-non-compliant-zh")
    d.find_element(By.CSS_SELECTOR, "button[form=explain-form][value='CS2-15']").click()
    explanation = WebDriverWait(d, 20).until(lambda d: d.find_element(By.ID, "explanation"))
    assert "signers" in explanation.text, explanation.text
    shot(d, "explain-zh")
    d.get(BASE + "/ui/check?lang=en")
    fill(d, "non-compliant-2025-skip-single-signature.yaml")
    submit(d)
    assert d.find_element(By.ID, "verdict").text == "Not compliant"
    shot(d, "check-non-compliant-en")
    d.find_element(By.CSS_SELECTOR, "button[form=explain-form][value='CS2-15']").click()
    explanation = WebDriverWait(d, 20).until(lambda d: d.find_element(By.ID, "explanation"))
    assert "signers" in explanation.text, explanation.text
    assert heading(d) == "Rule explained", heading(d)
    assert "The value of every sub-expression of rule CS2-15" in d.page_source
    shot(d, "explain-en")
    d.get(BASE + "/ui/check?kind=cadre_promotion&date=2025-09-16")
    shot(d, "check-form-en")
    d.get(BASE + "/ui/check?lang=zh")


@test
def form_with_mistakes(d):
    sign_in(d, "checker1")
    fill(d, "compliant-2025-deputy-bureau.yaml")
    d.execute_script("document.getElementsByName('candidate.birth_date')[0].value = ''")
    years = d.find_element(By.NAME, "candidate.grassroots_years")
    years.clear()
    years.send_keys("六年")
    submit(d)
    assert d.find_elements(By.ID, "problems")
    assert not d.find_elements(By.ID, "verdict")
    for name in ["candidate.birth_date", "candidate.grassroots_years"]:
        field = d.find_element(By.NAME, name).find_element(By.XPATH, "./ancestor::div[contains(@class,'field')]")
        assert field.find_elements(By.CSS_SELECTOR, ".problem"), name
    shot(d, "check-problems-zh")


@test
def checker_cannot_see_trail(d):
    sign_in(d, "checker1")
    d.get(BASE + "/ui/library")
    assert not d.find_elements(By.CSS_SELECTOR, "a[href='/ui/trail']")
    assert not d.find_elements(By.CSS_SELECTOR, "a[href='/ui/batch']")
    d.get(BASE + "/ui/trail")
    assert "无权访问" in d.page_source
    assert "校验整条日志链" not in d.page_source


@test
def library(d):
    sign_in(d, "author1")
    d.get(BASE + "/ui/library?date=2025-09-16")
    shot(d, "library-zh")
    d.find_element(By.PARTIAL_LINK_TEXT, "1.3.0 版 → 2.3.0 版").click()
    summary = WebDriverWait(d, 10).until(lambda d: d.find_element(By.ID, "diff-summary")).text
    assert "规则新增 30 条、删除 15 条、修改 16 条" in summary, summary
    assert d.find_element(By.ID, "diff-rules").is_displayed()
    assert not d.find_element(By.ID, "diff-input").is_displayed(), "the input changes are not folded"
    shot(d, "library-diff-zh")
    d.set_window_size(1280, 1100)
    d.save_screenshot(os.path.join(SHOTS, "library-diff-top-zh.png"))
    d.set_window_size(1280, 1800)
    d.get(d.current_url + "&lang=en")
    assert "30 added, 15 removed, 16 changed" in d.find_element(By.ID, "diff-summary").text
    shot(d, "library-diff-en")
    d.get(BASE + "/ui/library?date=2025-09-16&q=%E7%AC%AC%E4%B8%89%E5%8D%81%E4%B8%80%E6%9D%A1&lang=en")
    assert "CS2-15" in d.find_element(By.ID, "results").find_element(By.XPATH, "following-sibling::table").text
    shot(d, "library-search-en")
    d.get(BASE + "/ui/library?lang=zh")


@test
def form_2014_labelled(d):
    sign_in(d, "checker1")
    d.get(BASE + "/ui/check?kind=cadre_promotion&date=2016-06-01")
    labels = " ".join(l.text for l in d.find_elements(By.CSS_SELECTOR, "#decision-form label"))
    for word in ["出生日期", "现任职务层次", "民主推荐日期", "赞成票数"]:
        assert word in labels, word
    assert not d.find_elements(By.CSS_SELECTOR, "#decision-form label code"), "a field without its label"
    d.set_window_size(1280, 1100)
    d.save_screenshot(os.path.join(SHOTS, "check-form-2014-zh.png"))
    d.set_window_size(1280, 1800)


@test
def auditor_trail(d):
    sign_in(d, "auditor1")
    d.get(BASE + "/ui/trail")
    assert "HR-2025-0044" in d.page_source and "checker1" in d.page_source
    assert not d.find_elements(By.ID, "export"), "an auditor is offered the export"
    shot(d, "trail-zh")
    d.find_element(By.CSS_SELECTOR, "form[action='/ui/trail/verify'] button").click()
    result = WebDriverWait(d, 30).until(lambda d: d.find_element(By.ID, "verify-result"))
    assert "校验通过" in result.text, result.text
    bar = d.find_element(By.ID, "verify-progress")
    assert bar.get_attribute("value") == bar.get_attribute("max") != "0", (bar.get_attribute("value"),
                                                                          bar.get_attribute("max"))
    head = d.find_element(By.CSS_SELECTOR, "p.head").text
    assert "链头为第" in head and len(d.find_element(By.CSS_SELECTOR, "p.head code").text) == 64, head
    shot(d, "trail-verified-zh")
    d.get(d.current_url + "&lang=en")
    assert "Verified: all" in d.find_element(By.ID, "verify-result").text
    shot(d, "trail-verified-en")
    d.get(BASE + "/ui/trail?lang=en")
    shot(d, "trail-en")
    d.get(BASE + "/ui/trail?lang=zh")


@test
def checker_refusal_in_trail(d):
    sign_in(d, "checker1")
    d.get(BASE + "/ui/trail/export")
    assert "无权访问" in d.page_source
    sign_in(d, "auditor1")
    d.get(BASE + "/ui/trail?verdict=refused")
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, "main table tbody tr")
            if "checker1" in r.text and "已拒绝" in r.text]
    assert rows, "no refusal of checker1 in the trail"
    assert "无权访问：GET /ui/trail" in rows[0].text, rows[0].text
    shot(d, "trail-refusals-zh")
    rows[0].find_element(By.CSS_SELECTOR, "a").click()
    record = WebDriverWait(d, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "pre.record")).text
    shown = json.loads(record)
    assert shown["event"] == "refused" and shown["route"].startswith("GET /ui/trail"), record
    assert shown["actor"] == "checker1" and shown["reason"] == "role", record
    shot(d, "trail-refused-zh")
    d.get(BASE + "/ui/trail?verdict=refused&lang=en")
    assert "Refused" in d.find_element(By.CSS_SELECTOR, "main table tbody").text
    shot(d, "trail-refused-en")
    d.get(BASE + "/ui/trail?lang=zh")


@test
def admin_downloads_export(d):
    sign_in(d, "admin1")
    folder = tempfile.mkdtemp(prefix="bylaw-export-")
    d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": folder})
    d.get(BASE + "/ui/trail")
    link = d.find_element(By.ID, "export")
    assert "下载日志导出文件" in link.text, link.text
    link.click()
    files = WebDriverWait(d, 20).until(lambda _: [f for f in os.listdir(folder) if f.endswith(".jsonl")])
    with open(os.path.join(folder, files[0]), encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    assert records and [r["seq"] for r in records] == list(range(1, len(records) + 1)), len(records)
    assert any(r.get("decision_id") == "HR-2025-0044" or "HR-2025-0044" in json.dumps(r, ensure_ascii=False)
               for r in records)
    shot(d, "trail-admin-zh")


@test
def session_ended(d):
    sign_in(d, "checker1")
    d.delete_cookie("bylaw_session")
    d.add_cookie({"name": "bylaw_session", "value": "0" * 64, "path": "/ui"})
    d.get(BASE + "/ui/check")
    notice = d.find_element(By.ID, "session-ended")
    assert "请重新登录" in notice.text, notice.text
    shot(d, "signin-ended-zh")


@test
def batch_audit(d):
    sign_in(d, "auditor1")
    d.get(BASE + "/ui/batch")
    Select(d.find_element(By.ID, "kind")).select_by_value("asset_disposal")
    d.find_element(By.ID, "file").send_keys(os.path.join(REPO, "examples/asset-disposals/disposal-ledger.csv"))
    d.find_element(By.CSS_SELECTOR, "main form button.primary").click()
    mapping = WebDriverWait(d, 20).until(lambda d: d.find_element(By.ID, "mapping"))
    assert "账面原值" in mapping.get_attribute("value")
    shot(d, "batch-mapping-zh")
    run = d.current_url
    d.get(run + "&lang=en")
    assert heading(d) == "Batch audit", heading(d)
    assert d.find_element(By.CSS_SELECTOR, "label[for=mapping]").text == "Column mapping (YAML)"
    shot(d, "batch-mapping-en")
    d.get(run + "&lang=zh")
    d.find_element(By.CSS_SELECTOR, "main form button.primary").click()
    done = WebDriverWait(d, 60).until(lambda d: d.find_element(By.ID, "batch-done"))
    assert "12" in done.text, done.text
    assert heading(d) == "批量审计", heading(d)
    assert report_heading(d) == "审计报告", "the embedded report is not in Chinese"
    shot(d, "batch-report-zh")
    d.get(run + "&lang=en")
    done = WebDriverWait(d, 10).until(lambda d: d.find_element(By.ID, "batch-done"))
    assert heading(d) == "Batch audit" and "Audit finished: 12 records" in done.text, done.text
    assert report_heading(d) == "Audit report", "the embedded report is not in English"
    shot(d, "batch-report-en")
    d.get(run + "&lang=zh")


@test
def upload_too_large(d):
    """The pages run with a 1 MiB upload limit here (scripts/browser-test): a 2 MB register gets a page that
    names the limit, in Chinese, not a bare error."""
    sign_in(d, "auditor1")
    big = os.path.join(tempfile.mkdtemp(prefix="bylaw-big-"), "大表.csv")
    with open(big, "w", encoding="utf-8") as f:
        f.write("资产编号,账面原值\n")
        for i in range(80000):
            f.write(f"A{i:08d},1234567.89\n")
    d.get(BASE + "/ui/batch")
    Select(d.find_element(By.ID, "kind")).select_by_value("asset_disposal")
    d.find_element(By.ID, "file").send_keys(big)
    d.find_element(By.CSS_SELECTOR, "main form button.primary").click()
    notice = WebDriverWait(d, 30).until(lambda d: d.find_element(By.ID, "too-large"))
    assert "1 MB" in notice.text and "拆分" in notice.text, notice.text
    shot(d, "upload-too-large-zh")


@test
def playground(d):
    sign_in(d, "author1")
    rules = os.path.join(REPO, "rules/proposal-handling/ruleset.yaml")
    value = run_playground_cases(d)
    results = WebDriverWait(d, 60).until(lambda d: d.find_element(By.ID, "test-results"))
    assert "0 个未通过" in results.text, results.text
    shot(d, "playground-tests-zh")
    editor = d.find_element(By.ID, "ruleset")
    text = editor.get_attribute("value")
    broken = text.replace("require:", "require: no_such_field ||", 1)
    d.execute_script("arguments[0].value = arguments[1]", editor, broken)
    d.find_element(By.CSS_SELECTOR, "button[value=lint]").click()
    WebDriverWait(d, 60).until(staleness_of(editor))
    WebDriverWait(d, 60).until(lambda d: d.find_element(By.ID, "play-result"))
    line = broken.split("\n").index(next(l for l in broken.split("\n") if "no_such_field" in l)) + 1
    flagged = d.find_element(By.ID, f"line-{line}")
    assert "flag" in flagged.get_attribute("class"), line
    d.execute_script("arguments[0].scrollIntoView()", flagged)
    shot(d, "playground-lint-zh")
    with open(rules, encoding="utf-8") as f:
        assert "no_such_field" not in f.read(), "the playground wrote the server's rules"
    d.get(BASE + "/ui/playground?lang=en&file=" + urllib.parse.quote(value, safe=""))
    assert heading(d) == "Rule playground", heading(d)
    button = d.find_element(By.CSS_SELECTOR, "button[value=test]")
    button.click()
    WebDriverWait(d, 60).until(staleness_of(button))
    results = WebDriverWait(d, 60).until(lambda d: d.find_element(By.ID, "test-results"))
    assert results.text.startswith("Tests:") and "0 failed" in results.text, results.text
    shot(d, "playground-tests-en")
    editor = d.find_element(By.ID, "ruleset")
    d.execute_script("arguments[0].value = arguments[1]", editor, broken)
    d.find_element(By.CSS_SELECTOR, "button[value=lint]").click()
    WebDriverWait(d, 60).until(staleness_of(editor))
    result = WebDriverWait(d, 60).until(lambda d: d.find_element(By.ID, "play-result"))
    assert result.text.startswith("Diagnostics ("), result.text
    flagged = d.find_element(By.ID, f"line-{line}")
    d.execute_script("arguments[0].scrollIntoView()", flagged)
    shot(d, "playground-lint-en")
    d.get(BASE + "/ui/playground?lang=zh")


@test
def verdict_prints_on_a4(d):
    sign_in(d, "checker1")
    fill(d, "non-compliant-2025-skip-single-signature.yaml")
    submit(d)
    from selenium.webdriver.common.print_page_options import PrintOptions
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    pdf = d.print_page(options)
    import base64
    data = base64.b64decode(pdf)
    assert data.startswith(b"%PDF"), "no PDF"
    with open(os.path.join(SHOTS, "verdict-a4.pdf"), "wb") as f:
        f.write(data)


@test
def playground_explains_a_case(d):
    """An author runs the cases, then explains one with the button in its row: the page shows the case's rules
    value by value, from the texts as edited."""
    sign_in(d, "author1")
    run_playground_cases(d)
    name = "执委提案逾期答复且由经办人签发（示例文件）"
    explain = WebDriverWait(d, 60).until(
        lambda d: d.find_element(By.CSS_SELECTOR, f"#test-results ~ table button[name=case][value='{name}']"))
    explain.click()
    WebDriverWait(d, 60).until(staleness_of(explain))
    heading = WebDriverWait(d, 60).until(lambda d: d.find_element(By.ID, "case-explained"))
    assert name in heading.text, heading.text
    text = d.find_element(By.CSS_SELECTOR, "pre.explanation").text
    assert "✗ PH-08" in text and "不合规" in text, text[:300]
    d.execute_script("arguments[0].scrollIntoView()", heading)
    shot(d, "playground-explain-zh")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    d = browser()
    passed = failed = 0
    try:
        for t in TESTS:
            try:
                t(d)
                passed += 1
                print(f"ok   {t.__name__}")
            except Exception:
                failed += 1
                print(f"FAIL {t.__name__}")
                traceback.print_exc()
                try:
                    d.save_screenshot(os.path.join(SHOTS, "failed-" + t.__name__ + ".png"))
                except Exception:
                    pass
    finally:
        d.quit()
    print(f"browser: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
