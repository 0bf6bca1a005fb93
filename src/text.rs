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
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(for_terminal("Mallory\u{1b}[2J\u{1b}]0;owned\u{7}"), "Mallory[2J]0;owned");
        assert_eq!(for_terminal("line one\n\tline two \u{9b}x"), "line one\n\tline two x");
        assert!(matches!(for_terminal("plain"), Cow::Borrowed(_)));
    }
}
