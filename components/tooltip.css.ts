/** Tooltip styles, injected into its shadow root so the page's CSS can't reach in or out. */
export const TOOLTIP_CSS = `
:host { all: initial; }
.sl-layer-root { position: fixed; top: 0; left: 0; z-index: 2147483647; }
.sl-tooltip {
  --bg: #ffffff; --fg: #111827; --muted: #6b7280; --line: #e5e7eb; --ok: #047857; --warn: #b45309; --bad: #b91c1c;
  box-sizing: border-box; width: 420px; max-width: calc(100vw - 16px); max-height: var(--sl-max-height, calc(100vh - 16px)); overflow: auto;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 10px 30px rgba(0,0,0,.18); padding: 10px 12px; font: 12px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
}
/* The page's look, not the system's: see lib/ui/theme.ts. */
.sl-layer-root[data-theme="dark"] .sl-tooltip { --bg: #111827; --fg: #f3f4f6; --muted: #9ca3af; --line: #374151; --ok: #34d399; --warn: #fbbf24; --bad: #f87171; box-shadow: 0 10px 30px rgba(0,0,0,.5); }
.sl-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; margin-bottom: 6px; }
.sl-head strong, .sl-name { font-size: 14px; font-weight: 700; }
.sl-name { font-family: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline dotted; text-underline-offset: 3px; }
.sl-name:focus-visible { outline: 2px solid #6366f1; outline-offset: 2px; }
.sl-tag { font-size: 10px; font-weight: 600; border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; }
.sl-muted { color: var(--muted); margin: 2px 0; }
.sl-match { margin-left: auto; font-size: 10px; }
.sl-match-address { color: var(--ok); }
.sl-match-mismatch { color: var(--bad); font-weight: 700; }
.sl-alert { background: #fee2e2; color: #7f1d1d; border-radius: 6px; padding: 6px 8px; font-weight: 600; margin: 0 0 6px; }
.sl-warn { color: var(--warn); margin: 4px 0; }
.sl-section { border-top: 1px solid var(--line); padding-top: 6px; margin-top: 6px; }
.sl-section h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 2px; }
.sl-section p { margin: 2px 0; }
.sl-peg { font-weight: 700; font-size: 14px; }
.sl-ok { color: var(--ok); } .sl-warn.sl-peg, .sl-peg.sl-warn { color: var(--warn); } .sl-bad { color: var(--bad); } .sl-none { color: var(--muted); }
.sl-stale { color: var(--warn); font-weight: 600; }
.sl-sources, .sl-section ul { margin: 2px 0; padding-left: 16px; color: var(--muted); }
.sl-risk { list-style: none; padding: 0 !important; margin: 0; }
.sl-risk li { display: grid; grid-template-columns: 54px 118px 1fr; gap: 6px; padding: 1px 0; color: var(--fg); line-height: 1.3; }
.sl-level { font-size: 10px; font-weight: 700; text-transform: uppercase; border-radius: 4px; text-align: center; padding: 1px 0; height: fit-content; }
.sl-level-low { background: #d1fae5; color: #065f46; } .sl-level-medium { background: #fef3c7; color: #92400e; }
.sl-level-high { background: #fee2e2; color: #991b1b; } .sl-level-unknown { background: #e5e7eb; color: #374151; }
.sl-level-none { background: transparent; color: var(--muted); border: 1px dashed var(--line); }
.sl-layer { font-weight: 600; } .sl-why { color: var(--muted); }
.sl-src { font-size: 10.5px; white-space: nowrap; } .sl-src a { color: inherit; margin-right: 1px; } .sl-signal { color: var(--bad, #dc2626); }
/* The restaking row's live detail: operators and their sets, indented under the row's why (not the row grid). */
.sl-restaking { display: block; margin-top: 2px; font-size: 11px; } .sl-restaking b { color: var(--fg); font-weight: 600; }
.sl-risk .sl-operators, .sl-risk .sl-operators ul { list-style: none; margin: 1px 0 1px 8px; padding: 0; }
.sl-risk .sl-operators li { display: block; padding: 0; }
.sl-foot { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin-top: 8px; }
.sl-button { font: inherit; border: 1px solid var(--line); background: transparent; color: var(--fg); border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.sl-button:focus-visible, summary:focus-visible { outline: 2px solid #6366f1; outline-offset: 2px; }
details summary { cursor: pointer; color: var(--muted); }
.sl-alerts { margin: 0 0 6px; display: grid; gap: 4px; }
.sl-alert-item { border-radius: 6px; padding: 5px 8px; line-height: 1.35; }
.sl-alert-high { background: #fee2e2; color: #7f1d1d; border-left: 4px solid #b91c1c; }
.sl-alert-medium { background: #fef3c7; color: #78350f; border-left: 4px solid #b45309; }
.sl-alert-line { font-weight: 400; }
.sl-actions { display: flex; gap: 6px; }
.sl-button[aria-pressed="true"] { border-color: #b45309; color: var(--warn); }
`;
