//! Settings the command line derives from more than one argument: the language (from
//! `--lang`, `SANDTABLE_LANG` or the locale), how warnings are shown, the pace.

use crate::diag::{self, Diagnostic, RenderStyle};
use crate::error::Error;
use crate::lang::Lang;

/// The language everything is said in. The one rule: `--lang` if given; else
/// `SANDTABLE_LANG` (`en` or `zh`, a locale such as `zh_CN.UTF-8` reads as its language);
/// else the locale for messages, the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set,
/// Chinese when it starts with `zh`; else English. `env` reads a variable (the process
/// environment in use, a table in tests).
pub fn language(explicit: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Result<Lang, Error> {
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| set(name))
        .map_or(Lang::En, |v| if v.trim().to_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En });
    if let Some(lang) = explicit {
        return Ok(lang);
    }
    let Some(value) = set("SANDTABLE_LANG") else { return Ok(locale) };
    let code = value.trim().to_lowercase();
    if code.starts_with("zh") {
        Ok(Lang::Zh)
    } else if code.starts_with("en") {
        Ok(Lang::En)
    } else {
        // Said in the locale's language: the variable names none.
        Err(Error::Usage((locale.catalogue().cli.bad_lang_variable)(&value)))
    }
}

/// The language from `--lang` and the process environment.
pub fn language_from_env(explicit: Option<Lang>) -> Result<Lang, Error> {
    language(explicit, |name| std::env::var(name).ok())
}

/// How the warnings about a plan and scenario are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warnings {
    /// Every warning drawn with its source (`run`, `validate`).
    All,
    /// One line with their number and the `validate` command that lists them (`play`, on
    /// the projector).
    Summary,
    /// Nothing (`--quiet`); errors are always shown in full.
    None,
}

impl Warnings {
    /// `--quiet` says nothing; otherwise the command's own way.
    pub fn chosen(quiet: bool, usual: Warnings) -> Warnings {
        if quiet { Warnings::None } else { usual }
    }

    /// What to print on standard error for these warnings about `file`.
    pub fn render(self, warnings: &[Diagnostic], file: &str, lang: Lang, style: RenderStyle) -> String {
        if warnings.is_empty() {
            return String::new();
        }
        match self {
            Warnings::All => diag::render(warnings, style),
            Warnings::Summary => format!("{}\n", (lang.catalogue().cli.warnings_summary)(warnings.len(), file)),
            Warnings::None => String::new(),
        }
    }
}

/// A pace must be a positive, finite number: 0 would freeze the clock, a negative one
/// run it backwards, NaN or infinity make every latency meaningless.
pub fn pace(pace: Option<f64>, lang: Lang) -> Result<Option<f64>, Error> {
    match pace {
        Some(p) if !(p.is_finite() && p > 0.0) => Err(Error::Usage((lang.catalogue().cli.bad_pace)(&p.to_string()))),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn the_language_comes_from_the_flag_then_the_variable_then_the_locale() {
        let lang = |explicit, vars: &[(&str, &str)]| language(explicit, with(vars)).ok();
        assert_eq!(lang(None, &[]), Some(Lang::En));
        assert_eq!(lang(None, &[("LANG", "zh_CN.UTF-8")]), Some(Lang::Zh));
        assert_eq!(lang(None, &[("LC_MESSAGES", "zh_TW"), ("LANG", "en_US.UTF-8")]), Some(Lang::Zh));
        assert_eq!(lang(None, &[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN")]), Some(Lang::En), "LC_ALL wins");
        assert_eq!(lang(None, &[("LC_ALL", ""), ("LANG", "zh_CN")]), Some(Lang::Zh), "empty is unset");
        assert_eq!(lang(None, &[("SANDTABLE_LANG", "zh"), ("LANG", "en_GB")]), Some(Lang::Zh));
        assert_eq!(lang(None, &[("SANDTABLE_LANG", "en"), ("LC_ALL", "zh_CN")]), Some(Lang::En));
        assert_eq!(lang(Some(Lang::En), &[("SANDTABLE_LANG", "zh"), ("LANG", "zh_CN")]), Some(Lang::En));
        assert_eq!(lang(None, &[("SANDTABLE_LANG", "klingon")]), None);
    }

    #[test]
    fn a_pace_that_is_not_a_positive_finite_number_is_refused() {
        for bad in [0.0, -60.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let refused = pace(Some(bad), Lang::En);
            assert!(
                matches!(refused, Err(Error::Usage(ref m)) if m.contains("positive, finite")),
                "{bad}: {refused:?}"
            );
        }
        assert!(matches!(pace(Some(60.0), Lang::En), Ok(Some(p)) if p == 60.0));
        assert!(matches!(pace(None, Lang::En), Ok(None)));
    }
}
