//! Text from plans, scenarios, scripts and spreadsheets made safe for the place it is
//! written to. Those files come from other organisations, so a name can carry a formula,
//! an escape sequence or Markdown on purpose.

use std::borrow::Cow;

/// A spreadsheet cell that cannot run as a formula (OWASP's rule for CSV injection): a
/// value starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
/// which spreadsheets show as text and do not display.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A line for the terminal without control characters (escape sequences could recolour
/// the screen, move the cursor or retitle the window); line breaks and tabs stay.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if text.chars().any(unsafe_char) {
        Cow::Owned(text.chars().filter(|c| !unsafe_char(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// A line the facilitator typed, as the session should read it: whole escape sequences
/// (an arrow key is `ESC [ A`, not just `ESC`) and every other control character
/// removed, a tab read as a space. Without a line editor (a pipe, a dumb terminal) the
/// keys arrive as bytes; none of them may reach the journal or the report.
pub fn typed_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 control sequence introducer: the same as `ESC [`.
            '\u{9b}' => skip_csi(&mut chars),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// After `ESC`: `[` starts a control sequence, `]` an operating-system command (ended by
/// BEL or `ESC \`), `O` one more key (F1–F4, keypad); anything else is one character.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        }
        Some('O') => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates up to the final byte (`@` to `~`).
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_ordinary_text_is_not() {
        for bad in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://evil\")"] {
            assert_eq!(csv_cell(bad), format!("'{bad}"));
        }
        for good in ["Core database", "T+0:21", "IP-1", "数据中心", ""] {
            assert_eq!(csv_cell(good), good);
        }
    }

    #[test]
    fn typed_lines_lose_whole_escape_sequences() {
        assert_eq!(typed_line("decl\u{1b}[Dare 8m"), "declare 8m");
        assert_eq!(typed_line("note\u{1b}[A\u{1b}[B\u{1b}OP pump\u{7}\u{8} room"), "note pump room");
        assert_eq!(typed_line("\u{1b}]0;title\u{7}next"), "next");
        assert_eq!(typed_line("\u{1b}[1;5Cjump\t两小时"), "jump 两小时");
        assert_eq!(typed_line("记录 备用电源"), "记录 备用电源");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(for_terminal("Mallory\u{1b}[2J\u{1b}]0;owned\u{7}"), "Mallory[2J]0;owned");
        assert_eq!(for_terminal("line one\n\tline two \u{9b}x"), "line one\n\tline two x");
        assert!(matches!(for_terminal("plain"), Cow::Borrowed(_)));
    }
}
