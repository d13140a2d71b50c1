//! Usage errors in Swedish.
//!
//! clap writes its errors in English ("error: invalid value … For more
//! information, try '--help'"), and the users of this program read Swedish.
//! The error's kind and context are turned into a Swedish sentence here;
//! the exit code stays clap's (2 for usage errors).

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The help page of the program, with Swedish headings.
const ROOT_HELP: &str = "{about-with-newline}\nAnvändning: {usage}\n\nUnderkommandon:\n{subcommands}\n\nArgument:\n{positionals}\n\nFlaggor:\n{options}{after-help}\n";
/// The help page of a subcommand.
const SUBCOMMAND_HELP: &str = "{about-with-newline}\nAnvändning: {usage}\n\nArgument:\n{positionals}\n\nFlaggor:\n{options}{after-help}\n";

/// `command` with its help pages in Swedish: headings, and the help and
/// version flags (clap's own say "Print help").
pub fn swedish(command: clap::Command) -> clap::Command {
    use clap::{Arg, ArgAction};
    let help = Arg::new("hjälp")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help("Visa den här hjälpen");
    let command = command
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .help_template(ROOT_HELP)
        .arg(help.clone())
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Visa versionen"),
        )
        .mut_subcommands(|sub| {
            let sub = sub
                .disable_help_flag(true)
                .help_template(SUBCOMMAND_HELP)
                .arg(help.clone());
            let usage = swedish_usage(&sub, "medborgarlofte ");
            sub.override_usage(usage)
        });
    let usage = swedish_usage(&command, "");
    command.override_usage(usage)
}

/// clap's usage line of `command` with Swedish placeholders ("[OPTIONS]"
/// and "<COMMAND>" are clap's own words), each line starting `prefix`.
fn swedish_usage(command: &clap::Command, prefix: &str) -> String {
    let usage = command.clone().render_usage().to_string();
    usage
        .lines()
        .map(|line| {
            let line = line.trim();
            let line = line.strip_prefix("Usage:").unwrap_or(line).trim();
            format!(
                "{prefix}{}",
                line.replace("[OPTIONS]", "[FLAGGOR]")
                    .replace("<COMMAND>", "<UNDERKOMMANDO>")
            )
        })
        .collect::<Vec<_>>()
        .join("\n       ")
}

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
    fn help_pages_are_swedish() {
        let mut command = swedish(<crate::cli::Cli as clap::CommandFactory>::command());
        let root = command.render_help().to_string();
        let sub = command
            .find_subcommand_mut("import")
            .map(|s| s.render_help().to_string())
            .unwrap_or_default();
        for text in [&root, &sub] {
            assert!(
                text.contains("Användning:") && text.contains("Flaggor:"),
                "{text}"
            );
            assert!(text.contains("Visa den här hjälpen"), "{text}");
            for english in [
                "Usage:",
                "Options:",
                "Arguments:",
                "Commands:",
                "Print help",
                "[OPTIONS]",
                "<COMMAND>",
            ] {
                assert!(!text.contains(english), "{english:?} in {text}");
            }
        }
        assert!(root.contains("Underkommandon:") && root.contains("Visa versionen"));
        assert!(
            sub.contains("Användning: medborgarlofte import [FLAGGOR] <MAPP> <FIL>"),
            "{sub}"
        );
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
