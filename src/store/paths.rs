//! Path text as people type, paste, drop and read it, Windows' way and
//! Unix' way.
//!
//! The chairs use Windows laptops, and their folders are on file shares
//! (`\\server\share\Trygghet\Löfte 2024\`) or synced OneDrive folders. A path
//! reaches the app from the command line, the typed-path dialog (Ctrl+L),
//! the recent folders and drag and drop, and comes back in every message.
//! Each of those goes through this module, so `C:/Löfte/` and `c:\Löfte`
//! are the same folder, Explorer's "Kopiera som sökväg" (which adds quotes)
//! pastes as it is, and no message ever shows the `\\?\` prefix that
//! `canonicalize` puts on Windows paths.
//!
//! The rules are pure string functions with an explicit [`Style`], so the
//! Windows rules are tested on Linux CI too; [`Style::NATIVE`] is the one
//! the program runs with. No crate: `dunce` strips the `\\?\` prefix only
//! when built for Windows, so its rules could not be tested here, and the
//! part of it needed is the short [`simplify_verbatim`].

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// Whose path rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `C:\…`, `\\server\share\…`; `/` means `\`; names compare without case.
    Windows,
    /// `/home/…`; `\` is an ordinary character of a name.
    Unix,
}

impl Style {
    /// The rules of the platform the program runs on.
    pub const NATIVE: Style = if cfg!(windows) {
        Style::Windows
    } else {
        Style::Unix
    };
}

/// Longest path the ordinary (non-`\\?\`) Windows functions accept, without
/// the final NUL.
const MAX_PATH_CHARS: usize = 259;

/// Characters no Windows file name may hold (besides control characters).
const FORBIDDEN_IN_NAMES: &[char] = &['<', '>', ':', '"', '|', '?', '*'];

/// A path as typed or pasted by a person: white space around it and one
/// pair of quotes are dropped (Explorer's "Kopiera som sökväg" adds
/// `"…"`), a `file:` address becomes its path, then [`normalize`].
pub fn from_typed(text: &str, style: Style) -> String {
    let text = text.trim();
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|q| text.strip_prefix(*q)?.strip_suffix(*q))
        .map_or(text, str::trim);
    let path = from_file_url(unquoted, style).unwrap_or_else(|| unquoted.to_owned());
    normalize(&path, style)
}

/// A path given as an operating-system string (a command-line argument, a
/// dropped file): [`normalize`]d when it is Unicode, else left as it is.
pub fn from_os(text: &OsStr, style: Style) -> PathBuf {
    text.to_str().map_or_else(
        || PathBuf::from(text),
        |s| PathBuf::from(normalize(s, style)),
    )
}

/// [`from_os`] with the platform's rules.
pub fn native(path: &Path) -> PathBuf {
    from_os(path.as_os_str(), Style::NATIVE)
}

/// One spelling for one place. With [`Style::Windows`]: `/` becomes `\`,
/// doubled separators are merged (the leading `\\` of a share stays), a
/// trailing one is dropped except after a drive or share root (`C:\`,
/// `\\server\share\`), the drive letter is upper case, quotes at either end
/// are dropped (no Windows name holds one: `"C:\Löfte 2024\"` on a command
/// line arrives as `C:\Löfte 2024"`, since `\"` is an escaped quote there),
/// and a `\\?\` prefix is removed where that names the same file. With
/// [`Style::Unix`] the text is left alone: any byte but `/` may be part of
/// a name there.
pub fn normalize(text: &str, style: Style) -> String {
    if style == Style::Unix {
        return text.to_owned();
    }
    let text = text.trim_matches(|c: char| c == '"' || c.is_whitespace());
    if is_verbatim(text) {
        return simplify_verbatim(text).unwrap_or_else(|| text.to_owned());
    }
    let slashed = text.replace('/', "\\");
    let (lead, rest) = match slashed.strip_prefix("\\\\") {
        Some(rest) => ("\\\\", rest.trim_start_matches('\\')),
        None => ("", slashed.as_str()),
    };
    let mut out = String::with_capacity(slashed.len());
    out.push_str(lead);
    let mut previous_separator = false;
    for c in rest.chars() {
        if c == '\\' && previous_separator {
            continue;
        }
        previous_separator = c == '\\';
        out.push(c);
    }
    if out.ends_with('\\') && out.len() > 1 && !is_root(&out) {
        out.pop();
    }
    upper_drive(out)
}

/// Whether `text` (normalised, Windows style, ending in `\`) is a root
/// whose trailing separator belongs to it: `\`, `C:\`, `\\server\share\`.
fn is_root(text: &str) -> bool {
    if text == "\\" || is_drive_root(text) {
        return true;
    }
    text.strip_prefix("\\\\")
        .and_then(|rest| rest.strip_suffix('\\'))
        .is_some_and(|share| share.split('\\').count() == 2)
}

fn is_drive_root(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\'
}

fn upper_drive(mut text: String) -> String {
    let b = text.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_lowercase() && b[1] == b':' {
        text[..1].make_ascii_uppercase();
    }
    text
}

fn is_verbatim(text: &str) -> bool {
    text.starts_with("\\\\?\\")
}

/// The ordinary form of a `\\?\` path (what `canonicalize` returns on
/// Windows): `\\?\C:\x` → `C:\x`, `\\?\UNC\server\share\x` →
/// `\\server\share\x`. `None` when the ordinary form would name another
/// file or none: longer than 259 characters, a `.` or `..` component, a name
/// ending in a dot or a space, holding a character Windows forbids
/// (`/` included) or being a device name (`CON`, `nul.txt`, `COM1` …), or a
/// prefix such as `\\?\Volume{…}`.
pub fn simplify_verbatim(text: &str) -> Option<String> {
    let rest = text.strip_prefix("\\\\?\\")?;
    let (ordinary, names) = if let Some(unc) = rest
        .strip_prefix("UNC\\")
        .or_else(|| rest.strip_prefix("unc\\"))
    {
        (format!("\\\\{unc}"), unc)
    } else {
        let b = rest.as_bytes();
        if !(b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\') {
            return None;
        }
        (rest.to_owned(), &rest[3..])
    };
    if ordinary.chars().count() > MAX_PATH_CHARS {
        return None;
    }
    let names: Vec<&str> = names.split('\\').collect();
    let last = names.len().saturating_sub(1);
    for (i, name) in names.iter().enumerate() {
        // A trailing separator leaves one empty name at the end: fine.
        if name.is_empty() && i == last {
            continue;
        }
        if !is_plain_name(name) {
            return None;
        }
    }
    Some(upper_drive(ordinary))
}

/// Whether an ordinary Windows path can hold `name` as it is.
fn is_plain_name(name: &str) -> bool {
    if name.is_empty() || name == "." || name == ".." {
        return false;
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return false;
    }
    if name
        .chars()
        .any(|c| c.is_control() || c == '/' || FORBIDDEN_IN_NAMES.contains(&c))
    {
        return false;
    }
    !is_device_name(name)
}

/// `CON`, `prn.txt`, `COM1`, `lpt9.ron` …: names that mean a device in an
/// ordinary path, whatever their extension.
fn is_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let upper = stem.to_ascii_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => {
            let b = upper.as_bytes();
            b.len() == 4
                && (upper.starts_with("COM") || upper.starts_with("LPT"))
                && (b'1'..=b'9').contains(&b[3])
        }
    }
}

/// `file:///C:/L%C3%B6fte` → `C:/Löfte`; `file://server/share/x` →
/// `\\server\share\x` (Windows style); `file:///home/x` → `/home/x`.
/// `None` when `text` is no `file:` address, or not one that names a path.
fn from_file_url(text: &str, style: Style) -> Option<String> {
    let prefix = text.get(..7)?;
    if !prefix.eq_ignore_ascii_case("file://") {
        return None;
    }
    let rest = percent_decoded(&text[7..])?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest.as_str(), ""),
    };
    let local = host.is_empty() || host.eq_ignore_ascii_case("localhost");
    match (local, style) {
        (true, Style::Windows) => {
            // `/C:/x` → `C:/x`.
            let b = path.as_bytes();
            if b.len() >= 3 && b[0] == b'/' && b[1].is_ascii_alphabetic() && b[2] == b':' {
                Some(path[1..].to_owned())
            } else {
                Some(path.to_owned())
            }
        }
        (true, Style::Unix) => Some(path.to_owned()),
        (false, Style::Windows) => Some(format!("\\\\{host}{path}")),
        // A share on another machine has no path here.
        (false, Style::Unix) => None,
    }
}

/// `%C3%B6` → `ö`; `None` when the result is not UTF-8 or an escape is broken.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// How a path is shown: on Windows `C:\…` and `\\server\share\…`, with
/// backslashes and never a `\\?\` prefix (also not a long one: this is for
/// people to read, not to open).
pub fn display_as(text: &str, style: Style) -> String {
    if style == Style::Unix {
        return text.to_owned();
    }
    let plain = if let Some(unc) = text.strip_prefix("\\\\?\\UNC\\") {
        format!("\\\\{unc}")
    } else if let Some(rest) = text.strip_prefix("\\\\?\\") {
        rest.to_owned()
    } else {
        text.replace('/', "\\")
    };
    upper_drive(plain)
}

/// [`display_as`] with the platform's rules.
pub fn display(path: &Path) -> String {
    display_as(&path.to_string_lossy(), Style::NATIVE)
}

/// Whether two paths name the same place by their text: after
/// [`normalize`], and without regard to case on Windows (whose file
/// systems ignore it). Nothing is looked up on disk.
pub fn same_as(a: &str, b: &str, style: Style) -> bool {
    match style {
        Style::Unix => a == b,
        Style::Windows => normalize(a, style).to_lowercase() == normalize(b, style).to_lowercase(),
    }
}

/// [`same_as`] with the platform's rules.
pub fn same(a: &Path, b: &Path) -> bool {
    a == b || same_as(&a.to_string_lossy(), &b.to_string_lossy(), Style::NATIVE)
}

/// `std::fs::canonicalize` without the `\\?\` prefix it gives on Windows,
/// where the ordinary form names the same file ([`simplify_verbatim`]):
/// such paths end up in messages and in the import journal, and other
/// programs (and people) do not read them.
pub fn canonical(path: &Path) -> std::io::Result<PathBuf> {
    let full = std::fs::canonicalize(path)?;
    if Style::NATIVE == Style::Unix {
        return Ok(full);
    }
    Ok(full
        .to_str()
        .and_then(simplify_verbatim)
        .map_or(full.clone(), PathBuf::from))
}

/// Whether `name`'s extension is `ext`, ignoring ASCII case: a file saved
/// on Windows may be `Polisen.RON`.
pub fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: Style = Style::Windows;
    const U: Style = Style::Unix;

    #[test]
    fn windows_paths_get_one_spelling() {
        for (typed, expected) in [
            (r"C:\Löfte 2024", r"C:\Löfte 2024"),
            (r"c:/Users/anna/Löfte 2024/", r"C:\Users\anna\Löfte 2024"),
            (r"C:\\Trygghet\\\Löfte\", r"C:\Trygghet\Löfte"),
            (r"C:\", r"C:\"),
            ("C:/", r"C:\"),
            (
                r"\\server\share\Trygghet\Löfte 2024\",
                r"\\server\share\Trygghet\Löfte 2024",
            ),
            (
                "//server/share/Trygghet/Löfte 2024/",
                r"\\server\share\Trygghet\Löfte 2024",
            ),
            (r"\\server\share\", r"\\server\share\"),
            (r"\\server\share", r"\\server\share"),
            (r"\\\server\share\x", r"\\server\share\x"),
            // `"C:\Löfte 2024\"` on a Windows command line.
            (r#"C:\Löfte 2024""#, r"C:\Löfte 2024"),
            (r"..\Löfte\pledge.ron", r"..\Löfte\pledge.ron"),
            (r"activities\Polisen.RON", r"activities\Polisen.RON"),
            (r"\\?\C:\Trygghet\Löfte", r"C:\Trygghet\Löfte"),
            (r"\\?\UNC\server\share\Löfte", r"\\server\share\Löfte"),
            (r"\", r"\"),
        ] {
            assert_eq!(normalize(typed, W), expected, "{typed}");
        }
    }

    #[test]
    fn unix_paths_are_left_as_they_are() {
        for path in [
            "/home/anna/Löfte 2024/",
            r"/tmp/a\b",
            "relative/../x",
            "\"quoted\"",
        ] {
            assert_eq!(normalize(path, U), path);
        }
    }

    #[test]
    fn typed_and_pasted_paths() {
        for (typed, style, expected) in [
            (
                r#"  "C:\Users\anna\Löfte 2024"  "#,
                W,
                r"C:\Users\anna\Löfte 2024",
            ),
            (r"'/home/anna/Löfte 2024'", U, "/home/anna/Löfte 2024"),
            ("  /home/anna/x \n", U, "/home/anna/x"),
            (
                "file:///C:/Users/anna/L%C3%B6fte%202024/",
                W,
                r"C:\Users\anna\Löfte 2024",
            ),
            (
                "file://server/share/Trygghet/L%C3%B6fte",
                W,
                r"\\server\share\Trygghet\Löfte",
            ),
            ("FILE:///home/anna/L%C3%B6fte", U, "/home/anna/Löfte"),
            ("file://localhost/home/anna", U, "/home/anna"),
            // Not a path on this machine, or a broken address: as typed.
            ("file://server/share/x", U, "file://server/share/x"),
            ("file:///home/%ZZ", U, "file:///home/%ZZ"),
            ("file:///home/%FF", U, "file:///home/%FF"),
        ] {
            assert_eq!(from_typed(typed, style), expected, "{typed}");
        }
    }

    #[test]
    fn the_verbatim_prefix_goes_only_where_it_changes_nothing() {
        assert_eq!(
            simplify_verbatim(r"\\?\c:\Trygghet\Löfte 2024\pledge.ron").as_deref(),
            Some(r"C:\Trygghet\Löfte 2024\pledge.ron")
        );
        assert_eq!(
            simplify_verbatim(r"\\?\UNC\server\share\Löfte\").as_deref(),
            Some(r"\\server\share\Löfte\")
        );
        let long = format!(r"\\?\C:\{}", "a".repeat(260));
        for kept in [
            r"\\?\C:\Löfte\CON",
            r"\\?\C:\Löfte\nul.txt",
            r"\\?\C:\Löfte\com1.ron",
            r"\\?\C:\Löfte.\x",
            r"\\?\C:\Löfte \x",
            r"\\?\C:\a\..\b",
            r"\\?\C:\a/b",
            r"\\?\C:\a?b",
            r"\\?\Volume{0b1c}\x",
            r"\\?\C:",
            long.as_str(),
        ] {
            assert_eq!(simplify_verbatim(kept), None, "{kept}");
        }
        // COM10 and CONSOLE are ordinary names.
        assert!(simplify_verbatim(r"\\?\C:\COM10\CONSOLE").is_some());
        assert_eq!(simplify_verbatim(r"C:\x"), None);
    }

    #[test]
    fn paths_are_shown_the_windows_way() {
        for (path, expected) in [
            (r"\\?\C:\Trygghet\Löfte 2024", r"C:\Trygghet\Löfte 2024"),
            (r"\\?\UNC\server\share\Löfte", r"\\server\share\Löfte"),
            (
                r"C:/Löfte/activities\polisen.ron",
                r"C:\Löfte\activities\polisen.ron",
            ),
            (r"c:\x", r"C:\x"),
        ] {
            assert_eq!(display_as(path, W), expected);
        }
        assert_eq!(display_as("/home/a/Löfte", U), "/home/a/Löfte");
    }

    #[test]
    fn the_same_place_by_text() {
        assert!(same_as(r"C:\Löfte 2024\", "c:/LÖFTE 2024", W));
        assert!(same_as(
            r"\\Server\Share\Trygghet",
            r"\\?\UNC\server\share\trygghet",
            W
        ));
        assert!(!same_as(r"C:\Löfte 2024", r"C:\Löfte 2025", W));
        assert!(!same_as("/home/Löfte", "/home/löfte", U));
        assert!(same_as("/home/löfte", "/home/löfte", U));
    }

    #[test]
    fn extensions_ignore_case() {
        assert!(has_extension(Path::new("Polisen.RON"), "ron"));
        assert!(has_extension(Path::new("a/b.ron"), "ron"));
        assert!(!has_extension(Path::new("a/b.ron.bak"), "ron"));
        assert!(!has_extension(Path::new("ron"), "ron"));
    }
}
