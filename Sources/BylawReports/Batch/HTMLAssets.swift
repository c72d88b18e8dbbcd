/// The HTML report's style sheet and script, inlined into every page so the file needs nothing else.
enum HTMLAssets {
    static let css = #"""
        :root{--fg:#1f2328;--muted:#5f6b76;--line:#d8dee4;--bg:#f4f6f8;--card:#fff;--head:#1d2b3a;
        --violation:#c62828;--warning:#b7791f;--notice:#2b6cb0;--ok:#2e7d32;--error:#6b46c1;--invalid:#7b8794;
        --unit:#c62828;color-scheme:light}
        *{box-sizing:border-box}
        body{margin:0;color:var(--fg);background:var(--bg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
        "Noto Sans","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",
        sans-serif}
        .wrap,main{max-width:1280px;margin:0 auto;padding:0 28px}
        header.top{background:var(--head);color:#fff;padding:22px 0 18px}
        header.top h1{margin:0;font-size:21px;font-weight:600;letter-spacing:.2px}
        header.top .meta{margin:6px 0 0;color:#c5d0db;font-size:13px}
        header.top .meta span+span::before{content:"·";margin:0 9px;color:#7f93a8}
        #lang-switch{float:right;font:inherit;font-size:13px;padding:4px 12px;margin-top:-2px;cursor:pointer;
        color:#fff;background:transparent;border:1px solid #7f93a8;border-radius:5px}
        #lang-switch:hover,#lang-switch:focus{background:#2c3e50}
        #lang-switch[hidden]{display:none}
        main{padding-top:22px;padding-bottom:48px}
        h2{font-size:15px;margin:0;font-weight:600}
        .muted{color:var(--muted);font-size:12.5px;font-weight:400}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:18px}
        .figure{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--invalid);
        border-radius:6px;padding:12px 16px}
        .figure .n{display:block;font-size:27px;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.2}
        .figure .l{color:var(--muted);font-size:13px}
        .figure .s{float:right;color:var(--muted);font-size:12.5px;margin-top:1px;font-variant-numeric:tabular-nums}
        .figure.records{border-top-color:var(--head)}
        .figure.compliant{border-top-color:var(--ok)}
        .figure.non_compliant{border-top-color:var(--violation)}
        .figure.non_compliant .n{color:var(--violation)}
        .figure.needs_review{border-top-color:var(--warning)}
        .figure.error{border-top-color:var(--error)}
        .panel{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:16px 18px;margin:0 0 16px}
        .panel.notice{border-left:4px solid #b3261e}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px;margin-bottom:0}
        .chart figcaption{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap;margin-bottom:10px}
        svg.bars{display:block;max-width:100%;height:auto}
        svg.bars text{font-size:12px;fill:var(--fg)}
        svg.bars .key{font-weight:650}
        svg.bars .note{fill:var(--muted)}
        svg.bars .count{font-size:11.5px;fill:var(--muted);font-variant-numeric:tabular-nums}
        svg.bars .track{fill:#edf0f3}
        svg.bars .bar{fill:var(--violation)}
        svg.bars .bar.warning{fill:var(--warning)}
        svg.bars .bar.notice{fill:var(--notice)}
        svg.bars .bar.unit{fill:#d9534f}
        svg.bars a{cursor:pointer}
        svg.bars a:hover .bar,svg.bars a:focus .bar{opacity:.78}
        svg.bars a:hover .key{text-decoration:underline}
        details.panel>summary{cursor:pointer;font-weight:600;font-size:14px}
        details.panel[open]>summary{margin-bottom:10px}
        table{border-collapse:collapse;width:100%}
        table.grid th,table.grid td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;
        vertical-align:top}
        th{font-size:12px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.3px}
        .num{text-align:right!important;font-variant-numeric:tabular-nums}
        .key{font-weight:600;white-space:nowrap}
        #records h2{margin-bottom:12px}
        .controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:0 0 12px}
        .controls[hidden]{display:none}
        .controls input,.controls select,.controls button{font:inherit;font-size:13px;padding:5px 8px;
        border:1px solid var(--line);border-radius:5px;background:#fff;color:var(--fg)}
        .controls input{flex:1 1 240px;min-width:180px}
        .controls select{max-width:260px}
        .controls button{cursor:pointer}
        .scroll{overflow-x:auto}
        table.records th,table.records td{padding:8px 10px;border-bottom:1px solid var(--line);text-align:left;
        vertical-align:top}
        table.records thead th{position:sticky;top:0;background:#f8fafb;z-index:1;border-bottom:2px solid var(--line)}
        table.records tbody tr:hover{background:#fafbfc}
        table.records tr[hidden]{display:none}
        th button{all:unset;cursor:pointer;display:inline-flex;gap:4px;align-items:center}
        th button::after{content:"↕";opacity:.35;font-size:11px}
        th[aria-sort=ascending] button::after{content:"↑";opacity:.9}
        th[aria-sort=descending] button::after{content:"↓";opacity:.9}
        td.src{font-size:12.5px;color:var(--muted);overflow-wrap:anywhere}
        td.date{white-space:nowrap}
        td.findings{overflow-wrap:anywhere}
        table.records{table-layout:fixed;min-width:1040px}
        col.src{width:148px}col.rec{width:14%}col.unit{width:13%}col.date{width:100px}col.v{width:124px}
        col.n{width:70px}
        td.rec,td.unit{overflow-wrap:anywhere}
        td.findings ul{margin:0;padding:0;list-style:none}
        li.finding{padding:0 0 6px 10px;border-left:3px solid var(--violation);margin-bottom:6px}
        li.finding:last-child{margin-bottom:0;padding-bottom:0}
        li.finding.warning{border-left-color:var(--warning)}
        li.finding.notice{border-left-color:var(--notice)}
        li.finding.error{border-left-color:var(--error)}
        cite{font-style:normal;color:var(--muted);font-size:12.5px;margin-left:4px}
        .msg{margin-top:1px}
        .msg.err{color:var(--error)}
        .ev{margin-top:2px}
        .ev code{display:inline-block;font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK SC",
        monospace;background:#f1f3f5;border-radius:4px;padding:0 5px;margin:2px 4px 0 0;color:#3d4750}
        ul.diags{margin:0 0 6px;padding:0;list-style:none;font-size:12.5px}
        ul.diags li{color:var(--error)}
        ul.diags li.warning{color:var(--warning)}
        .verdict{display:inline-block;white-space:nowrap;font-size:12px;font-weight:600;padding:1px 8px;
        border-radius:10px;background:#eceff1;color:#37474f}
        .verdict.non_compliant{background:#fdecea;color:var(--violation)}
        .verdict.needs_review{background:#fdf4e3;color:#8a5a12}
        .verdict.error{background:#efe9fa;color:var(--error)}
        .verdict.invalid{background:#eceff1;color:#455a64}
        .empty{color:var(--muted);margin:4px 0}
        @media print{.controls,#lang-switch{display:none!important}body{background:#fff}.panel{break-inside:avoid}
        header.top{background:#fff;color:var(--fg)}header.top .meta{color:var(--muted)}}

        """#

    /// Progressive enhancement: the language switch, filters and sorting. The page is whole without it.
    /// `/*words*/null` is replaced by the words the script writes, in both languages (`HTMLParts.scriptWords`).
    static let script = #"""
        (function () {
          "use strict";
          var words = /*words*/null;
          var root = document.documentElement;
          var table = document.getElementById("records-table");
          var flip = document.getElementById("lang-switch");

          // Every label has its other language in data-alt (its text) or data-alt-NAME (its attribute NAME).
          function swap(el, name) {
            var alt = "data-alt" + (name ? "-" + name : ""), other = el.getAttribute(alt);
            el.setAttribute(alt, name ? el.getAttribute(name) : el.textContent);
            if (name) el.setAttribute(name, other); else el.textContent = other;
          }
          if (flip) {
            flip.hidden = false;
            flip.addEventListener("click", function () {
              root.lang = root.lang === "en" ? "zh-Hans" : "en";
              ["", "lang", "title", "placeholder", "aria-label"].forEach(function (name) {
                var alt = "data-alt" + (name ? "-" + name : "");
                document.querySelectorAll("[" + alt + "]").forEach(function (el) { swap(el, name); });
              });
              if (!table) return;
              table.querySelectorAll("span.verdict").forEach(function (el) {
                el.textContent = words[root.lang][el.classList[1]];
              });
              apply();
            });
          }
          if (!table) return;
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var q = document.getElementById("q");
          var fVerdict = document.getElementById("f-verdict");
          var fRule = document.getElementById("f-rule");
          var fUnit = document.getElementById("f-unit");
          var shown = document.getElementById("shown");
          var texts = null;
          document.getElementById("controls").hidden = false;

          function apply() {
            var s = q.value.trim().toLowerCase(), v = fVerdict.value, r = fRule.value, u = fUnit.value, n = 0;
            if (s && !texts) texts = rows.map(function (tr) { return tr.textContent.toLowerCase(); });
            for (var i = 0; i < rows.length; i++) {
              var tr = rows[i];
              var ok = (!v || tr.getAttribute("data-verdict") === v) &&
                (!r || tr.getAttribute("data-rules").indexOf(" " + r + " ") >= 0) &&
                (!u || tr.getAttribute("data-unit") === u) &&
                (!s || texts[i].indexOf(s) >= 0);
              tr.hidden = !ok;
              if (ok) n++;
            }
            shown.textContent = words[root.lang].shown.replace("{0}", n.toLocaleString("en"))
              .replace("{1}", rows.length.toLocaleString("en"));
          }
          var timer = 0;
          q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
          [fVerdict, fRule, fUnit].forEach(function (el) { el.addEventListener("change", apply); });
          document.getElementById("f-clear").addEventListener("click", function () {
            q.value = ""; fVerdict.value = ""; fRule.value = ""; fUnit.value = ""; apply();
          });

          function filterFrom(attr, select) {
            document.querySelectorAll("[" + attr + "]").forEach(function (a) {
              a.addEventListener("click", function () { select.value = a.getAttribute(attr); apply(); });
            });
          }
          filterFrom("data-rule-filter", fRule);
          filterFrom("data-unit-filter", fUnit);

          var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
          var heads = table.tHead.rows[0].cells;
          Array.prototype.forEach.call(heads, function (th, col) {
            var kind = th.getAttribute("data-sort");
            if (!kind) return;
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = th.textContent;
            if (th.hasAttribute("data-alt")) {
              button.setAttribute("data-alt", th.getAttribute("data-alt"));
              th.removeAttribute("data-alt");
            }
            th.textContent = "";
            th.appendChild(button);
            button.addEventListener("click", function () {
              var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
              Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
              var keyed = rows.map(function (tr, i) {
                var cell = tr.cells[col];
                var k = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
                return { tr: tr, k: kind === "num" ? Number(k) : k, i: i };
              });
              keyed.sort(function (a, b) {
                var d = kind === "num" ? a.k - b.k : collator.compare(a.k, b.k);
                return d ? d * dir : a.i - b.i;
              });
              rows = keyed.map(function (x) { return x.tr; });
              texts = null;
              var frag = document.createDocumentFragment();
              rows.forEach(function (tr) { frag.appendChild(tr); });
              body.appendChild(frag);
              apply();
            });
          });
          apply();
        })();

        """#
}
