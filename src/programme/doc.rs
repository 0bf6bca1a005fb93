//! A small document model, so that the brief and the programme report are built once
//! and written both as Markdown and as one self-contained HTML page (no scripts, no
//! external resources). Text from plans and scenarios is escaped for each format here.

use std::fmt::Write;

use crate::lang::Lang;

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading of level 1 to 3.
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A paragraph set apart (a warning).
    Note(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table: headings, rows.
    Table(Vec<String>, Vec<Vec<String>>),
}

fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace("\r\n", "<br>").replace(['\n', '\r'], "<br>")
}

fn md_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// The document as Markdown.
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading(level, text) => {
                let _ = writeln!(out, "{} {}\n", "#".repeat(usize::from(*level)), md_line(text));
            }
            Block::Para(text) => {
                let _ = writeln!(out, "{}\n", md_line(text));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "> **{}**\n", md_line(text));
            }
            Block::List(items) => {
                for i in items {
                    let _ = writeln!(out, "- {}", md_line(i));
                }
                out.push('\n');
            }
            Block::Table(head, rows) => {
                let _ = writeln!(out, "| {} |", head.iter().map(|h| md_cell(h)).collect::<Vec<_>>().join(" | "));
                let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
                for r in rows {
                    let _ = writeln!(out, "| {} |", r.iter().map(|c| md_cell(c)).collect::<Vec<_>>().join(" | "));
                }
                out.push('\n');
            }
        }
    }
    out
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Markdown marks ids and commands as code with backticks; on the page they are plain.
fn html_text(text: &str) -> String {
    esc(text).replace('`', "").replace('\n', "<br>")
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1d232b;line-height:1.45}\
table{border-collapse:collapse;margin:0.5rem 0 1.5rem;width:100%}th,td{border:1px solid #c9d0d8;padding:0.3rem 0.5rem;text-align:left;vertical-align:top;font-size:0.92rem}\
th{background:#eef2f6}.note{border-left:4px solid #b3261e;background:#fbeeed;padding:0.6rem 1rem;font-weight:600}h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #c9d0d8}";

/// The document as one HTML page titled `title`.
pub fn html(title: &str, blocks: &[Block], lang: Lang) -> String {
    let code = match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
    for b in blocks {
        match b {
            Block::Heading(level, text) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", html_text(text));
            }
            Block::Para(text) => {
                let _ = writeln!(out, "<p>{}</p>", html_text(text));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", html_text(text));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    let _ = writeln!(out, "<li>{}</li>", html_text(i));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(head, rows) => {
                out.push_str("<table>\n<tr>");
                for h in head {
                    let _ = write!(out, "<th>{}</th>", html_text(h));
                }
                out.push_str("</tr>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        let _ = write!(out, "<td>{}</td>", html_text(c));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
