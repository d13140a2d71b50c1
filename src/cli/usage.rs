//! Usage errors in Swedish.
//!
//! clap writes its errors in English ("error: invalid value … For more
//! information, try '--help'"), and the users of this program read Swedish.
//! The error's kind and context are turned into a Swedish sentence here;
//! the exit code stays clap's (2 for usage errors).

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// One context value as text, without clap's styling.
fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    err.get(kind).map(|value| match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => if *b { "ja" } else { "nej" }.to_owned(),
        _ => String::new(),
    })
}

/// "; menade du …?" when clap has a suggestion.
fn suggestion(err: &clap::Error, kind: ContextKind) -> String {
    context(err, kind)
        .filter(|s| !s.is_empty())
        .map(|s| format!("; menade du \"{s}\"?"))
        .unwrap_or_default()
}

/// The usage error as a Swedish sentence (without "fel: ").
pub fn message(err: &clap::Error) -> String {
    let arg = context(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(err, ContextKind::InvalidValue).unwrap_or_default();
    match err.kind() {
        ErrorKind::InvalidValue => {
            let valid = context(err, ContextKind::ValidValue)
                .filter(|v| !v.is_empty())
                .map(|v| format!("; möjliga värden: {v}"))
                .unwrap_or_default();
            if value.is_empty() {
                format!("{arg} behöver ett värde{valid}")
            } else {
                format!(
                    "ogiltigt värde \"{value}\" för {arg}{valid}{}",
                    suggestion(err, ContextKind::SuggestedValue)
                )
            }
        }
        ErrorKind::ValueValidation => {
            // The reason is our own parser's message, already in Swedish.
            let reason = std::error::Error::source(err)
                .map(|e| format!(": {e}"))
                .unwrap_or_default();
            format!("ogiltigt värde \"{value}\" för {arg}{reason}")
        }
        ErrorKind::UnknownArgument => format!(
            "okänt argument \"{arg}\"{}",
            suggestion(err, ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidSubcommand => {
            let name = context(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!(
                "okänt underkommando \"{name}\"{}",
                suggestion(err, ContextKind::SuggestedSubcommand)
            )
        }
        ErrorKind::NoEquals => format!("{arg} ska skrivas med likhetstecken: {arg}=VÄRDE"),
        ErrorKind::TooManyValues => format!("för många värden för {arg}: \"{value}\""),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("fel antal värden för {arg}")
        }
        ErrorKind::ArgumentConflict => {
            let other = context(err, ContextKind::PriorArg).unwrap_or_default();
            if other.is_empty() {
                format!("{arg} kan inte anges här")
            } else {
                format!("{arg} kan inte anges tillsammans med {other}")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("det här saknas: {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "ett underkommando saknas".to_owned()
        }
        ErrorKind::InvalidUtf8 => "ett argument är inte giltig UTF-8-text".to_owned(),
        _ => "felaktig användning".to_owned(),
    }
}

/// The usage of the subcommand named in `args` (or of the program), without
/// clap's English "Usage:".
pub fn usage_line(command: &mut clap::Command, args: &[std::ffi::OsString]) -> String {
    let name = args.get(1).and_then(|a| a.to_str()).unwrap_or_default();
    let usage = match command.find_subcommand_mut(name) {
        Some(sub) => {
            let mut sub = sub.clone().bin_name(format!("medborgarlofte {name}"));
            sub.render_usage()
        }
        None => command.render_usage(),
    }
    .to_string();
    let usage = usage.trim();
    usage
        .strip_prefix("Usage:")
        .unwrap_or(usage)
        .trim()
        .to_owned()
}

/// The whole text for standard error: the sentence, the usage line and
/// where to read more.
pub fn render(err: &clap::Error, usage_line: &str) -> String {
    let usage = if usage_line.is_empty() {
        String::new()
    } else {
        format!("\n\nAnvändning: {usage_line}")
    };
    format!(
        "fel: {}{usage}\n\nMer information: medborgarlofte --help\n",
        message(err)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Args {
        #[arg(long, value_enum)]
        format: Option<Kind>,
        #[arg(long, value_parser = |s: &str| s.parse::<u8>().map_err(|_| "inte ett tal".to_owned()))]
        count: Option<u8>,
    }

    #[derive(Debug, Clone, Copy, clap::ValueEnum)]
    enum Kind {
        Pdf,
        Html,
    }

    fn error(args: &[&str]) -> String {
        let err = Args::try_parse_from(args).expect_err("an error");
        render(&err, "x [FLAGGOR]")
    }

    #[test]
    fn clap_errors_are_swedish() {
        let text = error(&["x", "--format", "docx"]);
        assert!(
            text.starts_with("fel: ogiltigt värde \"docx\" för --format"),
            "{text}"
        );
        assert!(text.contains("möjliga värden: pdf, html"), "{text}");
        let text = error(&["x", "--formt", "pdf"]);
        assert!(
            text.contains("okänt argument \"--formt\"; menade du \"--format\"?"),
            "{text}"
        );
        let text = error(&["x", "--count", "x"]);
        assert!(text.contains(": inte ett tal"), "{text}");
        for english in [
            "error:",
            "For more information",
            "Usage:",
            "invalid",
            "try '",
        ] {
            assert!(!text.contains(english), "{text}");
        }
    }
}
