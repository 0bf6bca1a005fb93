//! Times as MSELs write them: scenario offsets (`T+1:30`), clock times (`09:00`,
//! `0915`, `9:15 AM`, Excel day fractions), dates and date-times (ISO, `8/21/2011`,
//! Excel serials) and military date-time groups (`210915AUG2011`).

use super::Cell;
use crate::time::{DAY, HOUR, MINUTE, parse_seconds};

/// What a time cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Seconds after T+0, as written: kept as is.
    Offset(i64),
    /// Seconds since 1970-01-01 00:00 (no time zone): made relative to the first inject.
    Absolute(i64),
    /// Seconds into a day, date unknown.
    Clock(i64),
}

const MONTHS: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/// Seconds since 1970 of a civil date and time.
pub fn civil(year: i16, month: i8, day: i8, secs: i64) -> Option<i64> {
    let date = jiff::civil::Date::new(year, month, day).ok()?;
    let epoch = jiff::civil::Date::new(1970, 1, 1).ok()?;
    let days = i64::from(date.since((jiff::Unit::Day, epoch)).ok()?.get_days());
    Some(days * DAY + secs)
}

/// Excel's serial days (1900 system) to seconds since 1970.
fn excel(serial: f64) -> i64 {
    ((serial - 25_569.0) * DAY as f64).round() as i64
}

fn clock(text: &str) -> Option<i64> {
    let t = text.trim().to_uppercase();
    let (t, pm, am) = match (t.strip_suffix("PM"), t.strip_suffix("AM")) {
        (Some(x), _) => (x.trim().to_owned(), true, false),
        (_, Some(x)) => (x.trim().to_owned(), false, true),
        _ => (t.trim_end_matches("HRS").trim_end_matches('L').trim().to_owned(), false, false),
    };
    let parts: Vec<&str> = if t.contains(':') {
        t.split(':').collect()
    } else if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        vec![&t[..2], &t[2..]]
    } else {
        return None;
    };
    let nums: Option<Vec<i64>> = parts.iter().map(|p| p.trim().parse::<i64>().ok()).collect();
    let nums = nums?;
    let (mut h, m, s) = (*nums.first()?, *nums.get(1)?, nums.get(2).copied().unwrap_or(0));
    if nums.len() > 3 || !(0..24).contains(&h) || !(0..60).contains(&m) || !(0..60).contains(&s) {
        return None;
    }
    if pm && h < 12 {
        h += 12;
    }
    if am && h == 12 {
        h = 0;
    }
    Some(h * HOUR + m * MINUTE + s)
}

/// `210915AUG2011`, `210915Z AUG 11`: day, hour, minute, optional zone letter, month, year.
fn dtg(text: &str) -> Option<i64> {
    let t: String = text.split_whitespace().collect::<String>().to_uppercase();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 6 {
        return None;
    }
    let rest = &t[6..];
    // An optional time-zone letter stands before the month: `210915ZAUG2011`.
    let zoned = matches!(rest.len(), 6 | 8) && rest.get(1..4).is_some_and(|m| MONTHS.contains(&m));
    let rest = if zoned { &rest[1..] } else { rest };
    let month = MONTHS.iter().position(|m| rest.starts_with(m))? as i8 + 1;
    let year_text = &rest[3..];
    let year: i16 = match year_text.len() {
        2 => 2000 + year_text.parse::<i16>().ok()?,
        4 => year_text.parse().ok()?,
        _ => return None,
    };
    let day: i8 = digits[..2].parse().ok()?;
    let hour: i64 = digits[2..4].parse().ok()?;
    let minute: i64 = digits[4..6].parse().ok()?;
    if hour > 23 || minute > 59 {
        return None;
    }
    civil(year, month, day, hour * HOUR + minute * MINUTE)
}

/// A date in days since 1970: ISO `2011-08-21`, US `8/21/2011`, or an Excel serial.
pub fn date(cell: &Cell) -> Result<Option<i64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) | Cell::DateTime(n) if *n > 1.0 => Ok(Some(excel(n.floor()))),
        other => {
            let text = other.text();
            if text.is_empty() {
                return Ok(None);
            }
            if let Ok(d) = text.parse::<jiff::civil::Date>() {
                return civil(d.year(), d.month(), d.day(), 0)
                    .map(Some)
                    .ok_or_else(|| format!("`{text}` is not a date"));
            }
            let parts: Vec<&str> = text.split(['/', '.']).collect();
            if let [a, b, c] = parts.as_slice() {
                let (m, d, y) = if text.contains('.') { (b, a, c) } else { (a, b, c) };
                let y: i16 = y.trim().parse().map_err(|_| format!("`{text}` is not a date"))?;
                let y = if y < 100 { 2000 + y } else { y };
                if let (Ok(m), Ok(d)) = (m.trim().parse::<i8>(), d.trim().parse::<i8>())
                    && let Some(secs) = civil(y, m, d, 0)
                {
                    return Ok(Some(secs));
                }
            }
            Err(format!("`{text}` is not a date (expected 2011-08-21 or 8/21/2011)"))
        }
    }
}

/// Reads a time cell.
pub fn time(cell: &Cell) -> Result<Option<When>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::DateTime(n) if *n >= 1.0 => Ok(Some(When::Absolute(excel(*n)))),
        Cell::DateTime(n) | Cell::Number(n) if (0.0..1.0).contains(n) => {
            Ok(Some(When::Clock((n * DAY as f64).round() as i64)))
        }
        Cell::Number(n) if *n > 20_000.0 => Ok(Some(When::Absolute(excel(*n)))),
        Cell::Number(n) => {
            // 900 or 1430 typed as a number: a clock time without its colon.
            let v = *n as i64;
            if n.fract() == 0.0 && (0..2400).contains(&v) && v % 100 < 60 {
                Ok(Some(When::Clock((v / 100) * HOUR + (v % 100) * MINUTE)))
            } else {
                Err(format!("`{n}` is not a time"))
            }
        }
        Cell::DateTime(n) => Err(format!("`{n}` is not a time")),
        Cell::Text(raw) => {
            let text = raw.trim();
            if text.is_empty() {
                return Ok(None);
            }
            if text.starts_with("T+") || text.starts_with("t+") {
                return parse_seconds(text).map(|s| Some(When::Offset(s))).map_err(|e| e.to_string());
            }
            if let Some(c) = clock(text) {
                return Ok(Some(When::Clock(c)));
            }
            if let Some(a) = dtg(text) {
                return Ok(Some(When::Absolute(a)));
            }
            let iso = text.replacen(' ', "T", 1);
            if let Ok(dt) = iso.parse::<jiff::civil::DateTime>() {
                let secs = i64::from(dt.hour()) * HOUR + i64::from(dt.minute()) * MINUTE + i64::from(dt.second());
                if let Some(a) = civil(dt.year(), dt.month(), dt.day(), secs) {
                    return Ok(Some(When::Absolute(a)));
                }
            }
            if let Ok(s) = parse_seconds(text) {
                return Ok(Some(When::Offset(s)));
            }
            Err(format!(
                "`{text}` is not a time (expected T+1:30, 09:00, 0915, 9:15 AM, 2011-08-21 09:15 or 210915AUG2011)"
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Option<When> {
        time(&Cell::Text(s.to_owned())).ok().flatten()
    }

    #[test]
    fn reads_the_time_forms_of_real_msels() {
        assert_eq!(t("T+1:30"), Some(When::Offset(90 * MINUTE)));
        assert_eq!(t("09:00"), Some(When::Clock(9 * HOUR)));
        assert_eq!(t("0915"), Some(When::Clock(9 * HOUR + 15 * MINUTE)));
        assert_eq!(t("2:30 PM"), Some(When::Clock(14 * HOUR + 30 * MINUTE)));
        assert_eq!(t("210915AUG2011"), civil(2011, 8, 21, 9 * HOUR + 15 * MINUTE).map(When::Absolute));
        assert_eq!(t("210915Z AUG 11"), civil(2011, 8, 21, 9 * HOUR + 15 * MINUTE).map(When::Absolute));
        assert_eq!(t("2011-08-21 09:15"), civil(2011, 8, 21, 9 * HOUR + 15 * MINUTE).map(When::Absolute));
        assert_eq!(time(&Cell::Number(0.375)), Ok(Some(When::Clock(9 * HOUR))));
        assert_eq!(time(&Cell::Number(1430.0)), Ok(Some(When::Clock(14 * HOUR + 30 * MINUTE))));
        assert!(time(&Cell::Text("soon".to_owned())).is_err());
        assert_eq!(date(&Cell::Text("8/21/2011".to_owned())), Ok(civil(2011, 8, 21, 0)));
        assert_eq!(date(&Cell::Text("2011-08-21".to_owned())), Ok(civil(2011, 8, 21, 0)));
    }
}
