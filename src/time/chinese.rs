//! Numbers as people write them in Chinese durations (`两小时`, `半小时`, `一个半小时`,
//! `二十分钟`, `一天半`), rewritten as digits so that one parser reads every duration.

/// The value of a Chinese digit, or of a multiplier (`十`, `百`, `千`).
fn numeral(c: char) -> Option<(u64, bool)> {
    Some(match c {
        '零' | '〇' => (0, false),
        '一' => (1, false),
        '二' | '两' => (2, false),
        '三' => (3, false),
        '四' => (4, false),
        '五' => (5, false),
        '六' => (6, false),
        '七' => (7, false),
        '八' => (8, false),
        '九' => (9, false),
        '十' => (10, true),
        '百' => (100, true),
        '千' => (1000, true),
        _ => return None,
    })
}

/// `二十五` → 25, `十五` → 15, `一百零五` → 105.
fn value(run: &[char]) -> u64 {
    let (mut total, mut current) = (0u64, 0u64);
    for &c in run {
        match numeral(c) {
            Some((m, true)) => {
                total = total.saturating_add(if current == 0 { 1 } else { current }.saturating_mul(m));
                current = 0;
            }
            Some((d, false)) => current = d,
            None => {}
        }
    }
    total.saturating_add(current)
}

/// Rewrites Chinese numbers as digits and `半` (half) as `.5` of what it goes with:
/// `一个半小时` → `1.5小时`, `半小时` → `0.5小时`, `一天半` → `1天0.5天`. Anything else is
/// left as it is, for the parser to accept or explain.
pub(super) fn arabic_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    // The unit most recently written, for a `半` after it (`一天半`).
    let mut last_unit = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if numeral(c).is_some() {
            let start = i;
            while i < chars.len() && numeral(chars[i]).is_some() {
                i += 1;
            }
            out.push_str(&value(&chars[start..i]).to_string());
            // `一个半小时`: the half belongs to the number.
            if chars.get(i) == Some(&'个') && chars.get(i + 1) == Some(&'半') {
                out.push_str(".5");
                i += 2;
            }
            continue;
        }
        if c == '半' {
            let after_number = out.chars().next_back().is_some_and(|p| p.is_ascii_digit());
            if after_number {
                out.push_str(".5");
            } else if !last_unit.is_empty() && chars.get(i + 1).is_none_or(|n| n.is_whitespace()) {
                // `一天半`: half of the unit just written.
                out.push_str(&format!("0.5{last_unit}"));
            } else {
                out.push_str("0.5");
            }
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || c == '.' || c.is_whitespace() {
            last_unit.clear();
        } else {
            last_unit.push(c);
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::arabic_numbers;

    #[test]
    fn chinese_numbers_become_digits() {
        for (text, digits) in [
            ("两小时", "2小时"),
            ("半小时", "0.5小时"),
            ("一个半小时", "1.5小时"),
            ("二十五分钟", "25分钟"),
            ("十分钟", "10分钟"),
            ("一天半", "1天0.5天"),
            ("1小时30分", "1小时30分"),
            ("2h 30m", "2h 30m"),
        ] {
            assert_eq!(arabic_numbers(text), digits, "{text}");
        }
    }
}
