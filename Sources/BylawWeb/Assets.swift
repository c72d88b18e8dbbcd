/// The one stylesheet and the one script, served from the pages' own origin (the CSP allows nothing else).
enum Assets {
    static func response(_ path: String) -> WebResponse? {
        switch path {
        case "/static/app.css": file(css, type: "text/css; charset=utf-8")
        case "/static/app.js": file(js, type: "text/javascript; charset=utf-8")
        default: nil
        }
    }

    private static func file(_ text: String, type: String) -> WebResponse {
        WebResponse(
            status: 200,
            headers: [("Content-Type", type), ("Cache-Control", "max-age=300"), ("X-Content-Type-Options", "nosniff")],
            body: Array(text.utf8))
    }

    static let css = """
        :root { --ink: #1d1d1f; --muted: #5f6368; --line: #d0d4da; --red: #b3261e; --green: #1e7b34; --amber: #8a5a00; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; color: var(--ink); }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
        header { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; padding: 8px 24px; background: #8b1a1a; color: #fff; }
        header a { color: #fff; } .brand { font-weight: bold; font-size: 18px; }
        nav ul { list-style: none; display: flex; gap: 16px; margin: 0; padding: 0; }
        nav a[aria-current] { font-weight: bold; text-decoration: underline 3px; }
        .signout { margin-left: auto; display: flex; gap: 8px; align-items: center; }
        main { max-width: 1040px; margin: 0 auto; padding: 16px 24px 48px; }
        h1 { font-size: 24px; border-bottom: 2px solid #8b1a1a; padding-bottom: 4px; }
        fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 12px 0; padding: 8px 16px; }
        legend { font-weight: bold; padding: 0 4px; }
        .field { display: grid; grid-template-columns: 240px 1fr; gap: 4px 12px; align-items: start; margin: 6px 0; }
        .field label { padding-top: 4px; } .field .hint { grid-column: 2; color: var(--muted); font-size: 13px; }
        .field .problem { grid-column: 2; color: var(--red); font-weight: bold; }
        .field.bad input, .field.bad select { border: 2px solid var(--red); }
        input, select, textarea, button { font: inherit; padding: 4px 8px; }
        input[type=text], input[type=date], input[type=password], select { min-width: 260px; }
        button { cursor: pointer; } button.primary { background: #8b1a1a; color: #fff; border: 0; padding: 8px 20px; border-radius: 4px; }
        :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
        .item { border-left: 4px solid var(--line); padding-left: 12px; margin: 8px 0; }
        .verdict { font-size: 22px; font-weight: bold; padding: 12px 16px; border-radius: 6px; margin: 12px 0; }
        .verdict.compliant { background: #e6f4ea; color: var(--green); }
        .verdict.non_compliant, .verdict.invalid, .verdict.error { background: #fce8e6; color: var(--red); }
        .verdict.needs_review { background: #fef7e0; color: var(--amber); }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; } td code, td.date { white-space: nowrap; }
        table.findings { table-layout: fixed; } table.findings th:nth-child(1) { width: 11%; }
        table.findings th:nth-child(2) { width: 27%; } table.findings th:nth-child(3) { width: 20%; }
        table.findings .cite { white-space: normal; } .evidence li { overflow-wrap: anywhere; } .cite { white-space: nowrap; font-weight: bold; }
        .evidence { font-family: monospace; font-size: 13px; color: var(--muted); margin: 0; padding-left: 16px; }
        .problems { border: 2px solid var(--red); padding: 8px 16px; border-radius: 6px; }
        .receipt { font-family: monospace; word-break: break-all; }
        .muted { color: var(--muted); } .ok { color: var(--green); font-weight: bold; } .bad { color: var(--red); font-weight: bold; }
        iframe.report { width: 100%; height: 900px; border: 1px solid var(--line); }
        textarea { font-family: monospace; font-size: 14px; width: 100%; }
        pre.record { white-space: pre-wrap; word-break: break-all; background: #f7f7f7; padding: 8px; }
        ol.source { font-family: monospace; font-size: 13px; background: #fafafa; padding-left: 56px; }
        ol.source li.flag { background: #fce8e6; } ol.source code { white-space: pre-wrap; }
        pre.explanation { white-space: pre; overflow-x: auto; background: #f7f7f7; padding: 8px; }
        details { margin: 8px 0; } summary { cursor: pointer; font-weight: bold; }
        .actions { display: flex; gap: 16px; align-items: center; margin: 12px 0; } form.inline { display: inline; }
        progress { width: 60%; height: 20px; vertical-align: middle; }
        a.download { font-weight: bold; }
        table.diff { table-layout: fixed; } table.diff th:nth-child(1) { width: 4.5em; }
        table.diff th:nth-child(2) { width: 26%; } table.diff td code { white-space: pre-wrap; overflow-wrap: anywhere; }
        table.diff td.old { background: #fce8e6; } table.diff td.new { background: #e6f4ea; }
        table.diff td.mark { font-weight: bold; } details.diff > summary { font-size: 18px; margin: 12px 0 4px; }
        p.head code { overflow-wrap: anywhere; }
        ul.changes { list-style: none; padding: 0; margin: 6px 0 0; } th { word-break: keep-all; }
        @media print {
          @page { size: A4; margin: 18mm 15mm; }
          header, .skip, form.noprint, .noprint, button { display: none !important; }
          body { font-size: 11pt; } main { max-width: none; padding: 0; }
          details { display: block; } details > * { display: block; }
          .verdict { border: 2px solid currentColor; }
          tr, li { page-break-inside: avoid; }
        }
        """

    static let js = """
        "use strict";
        // Repeatable groups: "add" clones the group's template, numbering its fields; "remove" drops an item.
        document.addEventListener("click", function (e) {
          var add = e.target.closest("button[data-add]");
          if (add) {
            var list = document.getElementById(add.getAttribute("data-add"));
            var tpl = list.querySelector("template");
            var n = parseInt(list.getAttribute("data-next") || "0", 10);
            var html = tpl.innerHTML.split("__INDEX__").join(String(n)).split("__NUMBER__").join(String(n + 1));
            var holder = document.createElement("div");
            holder.innerHTML = html;
            while (holder.firstChild) { list.insertBefore(holder.firstChild, tpl); }
            list.setAttribute("data-next", String(n + 1));
            var first = list.querySelector("[data-index='" + n + "'] input, [data-index='" + n + "'] select");
            if (first) { first.focus(); }
            e.preventDefault();
          }
          var remove = e.target.closest("button[data-remove]");
          if (remove) { remove.closest(".item").remove(); e.preventDefault(); }
        });
        // The kind and date choice reloads the form for the rule sets in force.
        document.addEventListener("change", function (e) {
          if (e.target.matches("[data-autosubmit]")) { e.target.form.submit(); }
        });
        // A progress bar that follows a running job until its page says it is done.
        (function () {
          var bar = document.querySelector("[data-poll]");
          if (!bar) { return; }
          var timer = setInterval(function () {
            fetch(bar.getAttribute("data-poll"), { credentials: "same-origin" }).then(function (r) { return r.json(); })
              .then(function (s) {
                bar.value = s.done; bar.max = s.total || 1;
                var count = document.querySelector("[data-count-template]");
                if (count) {
                  count.textContent = count.getAttribute("data-count-template")
                    .replace("{0}", String(s.done)).replace("{1}", String(s.total));
                }
                if (s.finished) { clearInterval(timer); location.reload(); }
              }).catch(function () { clearInterval(timer); });
          }, 700);
        })();
        """
}
