//! The layering, held by a test where one crate cannot hold it by itself:
//! data flows files → model → status → views, and no layer imports one
//! above it. The `gui` cargo feature holds the GUI side (the crate builds
//! without it); this test holds the rest, reading the sources outside their
//! `#[cfg(test)]` modules (tests may load the sample through the store).

use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir` (or `dir` itself when it is a file).
fn sources(dir: &Path) -> Vec<PathBuf> {
    if dir.is_file() {
        return vec![dir.to_path_buf()];
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The lines of a source file before its test module, comments left out.
fn code(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).expect("source");
    text.lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.to_owned()))
        .collect()
}

/// Where the sources below `layer` mention any of `above`.
fn violations(layer: &str, above: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for file in sources(&root.join(layer)) {
        for (line, text) in code(&file) {
            if let Some(word) = above.iter().find(|w| text.contains(*w)) {
                found.push(format!("{}:{line}: {word}", file.display()));
            }
        }
    }
    found
}

#[test]
fn the_model_imports_nothing_above_it() {
    let above = [
        "crate::status",
        "crate::store",
        "crate::workspace",
        "crate::gui",
        "crate::cli",
        "crate::minutes",
        "crate::report",
        "crate::import",
        "egui",
    ];
    let found = violations("model", &above);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn status_and_the_document_makers_use_no_gui() {
    let gui = ["crate::gui", "egui", "eframe", "rfd::"];
    let mut found = Vec::new();
    for layer in [
        "status",
        "store",
        "minutes",
        "report",
        "import",
        "privacy",
        "workspace.rs",
    ] {
        found.extend(violations(layer, &gui));
    }
    found.extend(violations("status", &["crate::store", "crate::workspace"]));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_cli_reaches_into_the_gui_only_to_start_the_app() {
    let mut found = violations("cli.rs", &["crate::gui"]);
    found.extend(violations("cli", &["crate::gui"]));
    assert_eq!(found.len(), 1, "{}", found.join("\n"));
    let cli = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli.rs"))
        .expect("cli.rs");
    let start = cli.find("fn open_window(paths").expect("open_window");
    let import = cli.find("use crate::gui;").expect("the one import");
    assert!(
        import > start,
        "crate::gui is imported inside open_window only"
    );
}
