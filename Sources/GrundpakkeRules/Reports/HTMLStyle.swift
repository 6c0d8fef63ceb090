/// The inline style sheet of the HTML report: readable on screen, printed on A4 with repeated
/// table headers and no row cut in two. Outcome colours meet WCAG AA contrast on their
/// backgrounds and are always paired with a symbol and a word.
enum HTMLStyle {
    static let css = """
        :root {
          --ink: #1c2430; --muted: #5a6472; --line: #d5dae1; --soft: #f3f5f8; --accent: #234a73;
          --nc: #a11c1c; --nc-bg: #fbe6e6; --pe: #7a4800; --pe-bg: #fff0cc; --in: #0b4f8a; --in-bg: #e1eefa;
          --ok: #1b6534; --ok-bg: #e1f2e6; --na: #4a525d; --na-bg: #eceef2; --er: #6b1f93; --er-bg: #f2e6f8;
        }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #e9ecf0; color: var(--ink);
          font: 14px/1.45 "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", "Liberation Sans", sans-serif; }
        main { max-width: 1000px; margin: 24px auto; padding: 36px 44px 28px; background: #fff;
          box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
        h1, h2, h3, h4, h5 { line-height: 1.25; margin: 0; break-after: avoid; page-break-after: avoid; }
        h1 { font-size: 28px; color: var(--accent); }
        h2 { font-size: 19px; color: var(--accent); margin: 30px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 17px; margin: 22px 0 8px; }
        h4 { font-size: 15px; margin: 14px 0 6px; }
        h5 { font-size: 14px; margin: 10px 0 4px; }
        p { margin: 6px 0; }
        code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .86em; overflow-wrap: anywhere; }
        a { color: var(--accent); }
        .muted, .source, .zero { color: var(--muted); }
        .source { font-weight: normal; font-size: 12px; margin-left: 6px; overflow-wrap: anywhere; }
        .note { color: var(--muted); font-size: 13px; }
        .empty { color: var(--muted); font-style: italic; }

        .report-header { border-bottom: 3px solid var(--accent); padding-bottom: 14px; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0 0 2px; }
        .asof { font-size: 16px; margin: 4px 0 12px; }
        .figures { display: grid; grid-template-columns: 1.1fr 1.6fr 1.3fr; gap: 10px; margin: 0 0 12px; }
        .figures > div { background: var(--soft); border-radius: 6px; padding: 8px 12px; }
        .figures dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .figures dd { margin: 2px 0 0; font-size: 14px; }
        .figures .bar { width: 8em; height: 12px; }
        .figures .pct { font-size: 20px; font-weight: 700; }
        .totals { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 18px; }
        .totals strong { font-size: 16px; margin-left: 2px; }

        .toc { margin: 16px 0 0; font-size: 13px; }
        .toc h2 { font-size: 13px; border: 0; margin: 0 0 4px; padding: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .toc ol { margin: 0; padding-left: 20px; columns: 2; column-gap: 32px; }

        .badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap;
          border: 1px solid currentColor; }
        .o-nc { color: var(--nc); background: var(--nc-bg); }
        .o-pe { color: var(--pe); background: var(--pe-bg); }
        .o-in { color: var(--in); background: var(--in-bg); }
        .o-ok { color: var(--ok); background: var(--ok-bg); }
        .o-na { color: var(--na); background: var(--na-bg); }
        .o-er { color: var(--er); background: var(--er-bg); }

        table { width: 100%; border-collapse: collapse; margin: 8px 0 4px; font-size: 13px; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); background: var(--soft);
          border-bottom: 1px solid var(--line); padding: 5px 6px; vertical-align: bottom; }
        td { border-bottom: 1px solid var(--line); padding: 5px 6px; vertical-align: top; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th.num { white-space: normal; }
        .count-nc { color: var(--nc); font-weight: 700; }
        tr.group th { background: #fff; color: var(--accent); font-size: 13px; padding-top: 12px; border-bottom: 2px solid var(--accent); }
        table.deadlines td:first-child { white-space: nowrap; }
        tr.total td { border-top: 2px solid var(--ink); border-bottom: 0; font-weight: 700; }
        table.summary td:first-child { min-width: 12em; }
        table.rules td:nth-child(2) { width: 34%; }
        table.rules .bar { width: 3.5em; }
        .rule-id { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; font-weight: 600; white-space: nowrap; }

        .share { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
        .bar { display: inline-block; width: 5.5em; height: 9px; border-radius: 5px; background: #f0b9b9; overflow: hidden;
          border: 1px solid #c7cdd5; vertical-align: middle; }
        .bar .fill { display: block; height: 100%; background: #2a7f47; }
        .bar.none { background: var(--na-bg); }
        .pct { min-width: 3.2em; text-align: right; font-variant-numeric: tabular-nums; }

        .details .shelter { margin-top: 10px; }
        .shelter-heading { font-size: 18px; background: var(--soft); padding: 8px 12px; border-left: 5px solid var(--accent);
          display: flex; justify-content: space-between; align-items: center; gap: 12px; }
        .heading-share { font-size: 13px; font-weight: 600; }
        .case { border: 1px solid var(--line); border-radius: 6px; padding: 2px 14px 10px; margin: 10px 0; }
        .child { border-left: 3px solid #b9c3cf; padding-left: 12px; margin: 8px 0 4px 4px; }
        .findings { list-style: none; margin: 4px 0; padding: 0; }
        .finding { border-left: 4px solid currentColor; background: #fff; padding: 6px 10px; margin: 6px 0;
          break-inside: avoid; page-break-inside: avoid; color: var(--ink); }
        .finding.o-nc { border-left-color: var(--nc); }
        .finding.o-pe { border-left-color: #c98a00; }
        .finding.o-in { border-left-color: var(--in); }
        .finding.o-er { border-left-color: var(--er); }
        .finding.waived { background: repeating-linear-gradient(135deg, #fff, #fff 8px, #f6f7f9 8px, #f6f7f9 16px); }
        .finding-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; }
        .finding-title { font-weight: 600; }
        .level { font-size: 12px; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 5px; }
        .level-recommendation { font-style: italic; }
        .mark { font-size: 12px; font-weight: 600; border-radius: 3px; padding: 0 6px; }
        .mark-new { background: #1c2430; color: #fff; }
        .mark-unchanged { background: var(--na-bg); color: var(--na); }
        .mark-waived { background: #fff; color: var(--accent); border: 1px dashed var(--accent); }
        .message { margin: 4px 0 2px; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 4px 0 0; font-size: 12.5px; }
        .facts > div { display: contents; }
        .facts dt { color: var(--muted); }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .waiver { font-size: 12.5px; color: var(--accent); margin-top: 4px; }
        .settled { font-size: 12.5px; color: var(--muted); line-height: 1.9; }
        .settled .badge { font-size: 11px; margin-left: 4px; }
        .settled-label { font-weight: 600; }
        tr.input-error td:first-child { border-left: 4px solid var(--nc); }
        tr.input-warning td:first-child { border-left: 4px solid #c98a00; }
        table.diagnostics td:first-child { width: 30%; }
        footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }

        @page { size: A4; margin: 16mm 14mm 18mm; }
        @media print {
          body { background: #fff; font-size: 9.5pt; }
          main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          h1 { font-size: 20pt; }
          h2 { font-size: 14pt; margin-top: 18pt; }
          table { font-size: 8.5pt; }
          th { font-size: 7.5pt; }
          .toc { display: none; }
          a { color: inherit; text-decoration: none; }
          .details { break-before: page; page-break-before: always; }
          .case, .child { break-inside: auto; }
        }

        """
}
