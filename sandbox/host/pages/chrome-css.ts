/** The chrome's styles: Atlassian's design tokens with their light-theme values as fallbacks. */
export const CHROME_CSS = `
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0}
body{font:var(--ds-font-body,normal 400 14px/20px "Atlassian Sans",ui-sans-serif,-apple-system,BlinkMacSystemFont,"Segoe UI",Ubuntu,"Helvetica Neue",sans-serif);color:var(--ds-text,#172B4D);background:var(--ds-surface,#FFFFFF)}
a{color:var(--ds-link,#0C66E4)}
a:focus-visible,button:focus-visible,select:focus-visible,summary:focus-visible,main:focus-visible{outline:2px solid var(--ds-border-focused,#388BFF);outline-offset:2px}
h1{font:var(--ds-font-heading-large,653 24px/28px "Atlassian Sans",ui-sans-serif,sans-serif);margin:0 0 16px}
h2{font:var(--ds-font-heading-medium,653 20px/24px "Atlassian Sans",ui-sans-serif,sans-serif);margin:24px 0 8px}
h3{font:var(--ds-font-heading-small,653 16px/20px "Atlassian Sans",ui-sans-serif,sans-serif);margin:16px 0 8px}
.skip-link{position:absolute;left:-999px;top:0;background:var(--ds-surface-overlay,#FFF);padding:8px;z-index:10}
.skip-link:focus{left:8px}
.topnav{display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px;padding:8px 16px;min-height:56px;border-bottom:1px solid var(--ds-border,#091E4224);background:var(--ds-surface,#FFF)}
.topnav .brand{font-weight:653;font-size:16px;color:var(--ds-text-brand,#0C66E4);text-decoration:none}
.product-portal .topnav{background:var(--ds-background-brand-bold,#0C66E4);border-bottom:none}
.product-portal .topnav,.product-portal .topnav a,.product-portal .switcher label{color:var(--ds-text-inverse,#FFFFFF)}
.product-portal .switcher button{background:var(--ds-surface,#FFFFFF);color:var(--ds-text,#172B4D)}
.topnav nav ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:0;padding:0}
.topnav nav a{color:var(--ds-text-subtle,#44546F);text-decoration:none;font-weight:500;padding:4px 0}
.topnav nav a[aria-current=page]{color:var(--ds-text-selected,#0C66E4);box-shadow:inset 0 -2px 0 currentColor}
.switcher{margin-left:auto;display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.switcher label{font-weight:600;color:var(--ds-text-subtle,#44546F)}
.switcher select,.switcher button{font:inherit;padding:4px 8px;border-radius:3px;border:1px solid var(--ds-border-input,#8590A2);background:var(--ds-background-input,#FFF);color:var(--ds-text,#172B4D);max-width:60vw}
.switcher button{background:var(--ds-background-neutral,#091E420F);border-color:transparent;cursor:pointer}
.layout{display:flex;min-height:calc(100vh - 57px)}
.sidebar{flex:0 0 232px;padding:16px 8px;border-right:1px solid var(--ds-border,#091E4224);background:var(--ds-surface-sunken,#F7F8F9)}
.sidebar h2{font-size:12px;line-height:16px;text-transform:uppercase;color:var(--ds-text-subtle,#44546F);margin:8px 8px 4px}
.sidebar ul{list-style:none;margin:0 0 16px;padding:0}
.sidebar a{display:block;padding:6px 8px;border-radius:3px;color:var(--ds-text-subtle,#44546F);text-decoration:none}
.sidebar a[aria-current=page]{background:var(--ds-background-selected,#E9F2FF);color:var(--ds-text-selected,#0C66E4);font-weight:600}
main{flex:1;min-width:0;padding:24px 32px;max-width:1200px}
.breadcrumbs ol{display:flex;flex-wrap:wrap;list-style:none;margin:0 0 8px;padding:0;color:var(--ds-text-subtle,#44546F)}
.breadcrumbs li+li::before{content:"/";padding:0 8px}
.breadcrumbs a{color:var(--ds-text-subtle,#44546F)}
.cards-2{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 16px}
.cards-2 ul{padding-left:20px;margin:0}
.cards-2 li{margin:4px 0}
code{font-family:var(--ds-font-family-code,ui-monospace,Menlo,monospace);background:var(--ds-background-neutral,#091E420F);padding:0 4px;border-radius:3px}
.visually-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.subtle{color:var(--ds-text-subtle,#44546F)}
.app-frame{display:block;width:100%;border:0;min-height:48px}
.app-frame.page{min-height:70vh}
.uikit-root{min-height:48px}
.uikit-runtime{position:absolute;width:0;height:0;border:0;visibility:hidden}
.panel{border:1px solid var(--ds-border,#091E4224);border-radius:3px;padding:12px 16px;margin:16px 0}
.panel>h2:first-child{margin-top:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px;list-style:none;padding:0;margin:0 0 16px}
.cards li{border:1px solid var(--ds-border,#091E4224);border-radius:3px;padding:12px}
.cards h3{margin:0 0 4px}
table.data{border-collapse:collapse;width:100%}
table.data th,table.data td{text-align:left;padding:8px;border-bottom:1px solid var(--ds-border,#091E4224);vertical-align:top}
table.data th{color:var(--ds-text-subtle,#44546F);font-weight:600}
.table-scroll{overflow-x:auto}
.lozenge{display:inline-block;padding:0 4px;border-radius:3px;font-size:11px;font-weight:700;line-height:16px;text-transform:uppercase;background:var(--ds-background-neutral,#091E420F);color:var(--ds-text-subtle,#44546F)}
.lozenge.label{text-transform:none;font-weight:400;font-size:12px}
.lozenge.success{background:var(--ds-background-success,#DCFFF1);color:var(--ds-text-success,#216E4E)}
.lozenge.inprogress{background:var(--ds-background-information,#E9F2FF);color:var(--ds-text-information,#0055CC)}
.lozenge.warning{background:var(--ds-background-warning,#FFF7D6);color:var(--ds-text-warning,#A54800)}
.comment{border-left:3px solid var(--ds-border,#091E4224);padding:4px 12px;margin:12px 0}
.comment.internal{border-left-color:var(--ds-border-warning,#E56910);background:var(--ds-background-warning,#FFF7D6)}
.comment pre,.description pre{white-space:pre-wrap;font:inherit;margin:4px 0 0}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}
dl.fields dt{color:var(--ds-text-subtle,#44546F);font-weight:600}
dl.fields dd{margin:0}
.work-item{display:grid;grid-template-columns:minmax(0,2fr) minmax(240px,1fr);gap:24px}
.portal-hero{background:var(--ds-background-brand-subtlest,#E9F2FF);padding:24px;border-radius:3px;margin-bottom:16px}
.portal-footer{margin-top:32px;border-top:1px solid var(--ds-border,#091E4224);padding-top:16px}
.flags{position:fixed;left:16px;bottom:16px;display:flex;flex-direction:column;gap:8px;z-index:1000;max-width:400px}
.flag{background:var(--ds-surface-overlay,#FFF);box-shadow:var(--ds-shadow-overlay,0 8px 12px #091E4226,0 0 1px #091E424F);border-radius:3px;padding:12px 16px;border-left:4px solid var(--ds-border-information,#1D7AFC)}
.flag.success{border-left-color:var(--ds-border-success,#22A06B)}
.flag.warning{border-left-color:var(--ds-border-warning,#E56910)}
.flag.error{border-left-color:var(--ds-border-danger,#E2483D)}
.flag strong{display:block}
.flag button{margin-top:8px;margin-right:16px;font:inherit;background:none;border:0;color:var(--ds-link,#0C66E4);cursor:pointer;padding:0}
.host-error{border:1px solid var(--ds-border-danger,#E2483D);background:var(--ds-background-danger,#FFECEB);padding:12px;border-radius:3px}
.modal-backdrop{position:fixed;inset:0;background:var(--ds-blanket,#091E427D);display:flex;align-items:flex-start;justify-content:center;padding:60px 16px;z-index:900}
.modal-box{background:var(--ds-surface-overlay,#FFF);border-radius:3px;width:min(600px,100%);max-height:calc(100vh - 120px);overflow:auto;padding:8px}
@media (max-width:720px){
  .layout{flex-direction:column}
  .sidebar{flex:none;border-right:0;border-bottom:1px solid var(--ds-border,#091E4224)}
  main{padding:16px}
  .work-item{grid-template-columns:1fr}
  .switcher{margin-left:0}
}
`;
