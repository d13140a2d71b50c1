//! A crash while typing in a meeting loses at most 2 s of the text, and a
//! restart with no arguments brings it back.
//!
//! The real app runs in its own virtual X display (Xvfb, software OpenGL)
//! with a fresh HOME and XDG folders, on a writable copy of the sample, and
//! is driven like a user with xdotool's synthetic keyboard and mouse:
//!
//! 1. Ctrl+N, the date 2017-11-30 and Enter create a meeting (its § 1 is
//!    shown); a click puts the cursor in the Diskussion field (found in a
//!    screenshot: the first text box of the item's column).
//! 2. A few words are typed and the test waits until they are in
//!    `meetings/2017-11-30.recovery` (this proves the click hit the field).
//! 3. Then about 8 s of continuous typing, one character every 100 ms, each
//!    with the time its key event was sent; the app is killed with SIGKILL
//!    right after the last one, as a crash or a power cut would stop it.
//! 4. The recovery file's discussion must be a prefix of what was typed,
//!    and the time between the last character it holds and the kill must
//!    be at most 2 s (the app writes it 1 s after a pause and at most 1.5 s
//!    after the oldest unwritten change).
//! 5. The app restarted with no arguments reopens the folder (its window
//!    title names it: eframe's persisted recent folders, written every 5 s,
//!    lead back there because it holds a recovery file) and offers the
//!    recovered meeting; Tab and Enter choose "Återställ ändringarna",
//!    Ctrl+S saves, and `meetings/2017-11-30.ron` then holds exactly the
//!    recovered text.
//!
//! It runs the release build named by `MEDBORGARLOFTE_RELEASE_BIN` (`.ci/run`
//! builds it first), else the binary of [`common::bin_path`] (the debug
//! build: the same code, slower). Needs `Xvfb`, `xdotool` and ImageMagick's
//! `import`. On failure, screenshots are left in cargo's test temp folder.
#![cfg(all(feature = "system-tests", feature = "gui"))]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;

/// The date typed into the new-meeting dialog: the recovery file's name.
const MEETING_DATE: &str = "2017-11-30";
/// Typed first, and waited for in the recovery file.
const PRIMER: &str = "start ";
/// Typed continuously until the kill: 81 characters, 8 s at 100 ms each.
/// Letters only: a digit typed outside a text field could set an assessment.
const TEXT: &str =
    "polisen och kommunen gick runt i centrum och talade med handlarna om trygghet nu ";
/// Seconds between two typed characters.
const KEY_INTERVAL: f64 = 0.1;
/// The most typing a crash may lose.
const MAX_LOST_SECS: f64 = 2.0;
/// Generous waits for a loaded 2-core machine.
const WINDOW_TIMEOUT: Duration = Duration::from_mins(1);
const STEP_TIMEOUT: Duration = Duration::from_secs(20);

/// A virtual X display, stopped when dropped.
struct Display {
    xvfb: Child,
    name: String,
}

impl Display {
    /// Starts Xvfb on a free display number (Xvfb picks it: `-displayfd`).
    fn start() -> Display {
        let mut xvfb = Command::new("Xvfb")
            // -noreset: by default Xvfb resets when its last client leaves,
            // and a client connecting meanwhile fails (XOpenDisplay; seen as
            // the app exiting with 2 just after an xdotool call ended).
            .args(["-displayfd", "1", "-noreset", "-nolisten", "tcp"])
            .args(["-screen", "0", "1366x768x24"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb runs (apt-get install xvfb)");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().expect("piped"))
            .read_line(&mut line)
            .expect("Xvfb writes its display number");
        let number: u32 = line.trim().parse().unwrap_or_else(|_| {
            let _ = xvfb.kill();
            panic!("Xvfb did not start (wrote {line:?})")
        });
        let display = Display {
            xvfb,
            name: format!(":{number}"),
        };
        display.wait_for("the display to accept clients", WINDOW_TIMEOUT, || {
            display.xdotool_ok(&["getdisplaygeometry"]).then_some(())
        });
        display
    }

    /// Runs xdotool on this display; its output, or `None` when it failed.
    fn xdotool_out(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .stderr(Stdio::null())
            .output()
            .expect("xdotool runs (apt-get install xdotool)");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn xdotool_ok(&self, args: &[&str]) -> bool {
        self.xdotool_out(args).is_some()
    }

    /// Runs xdotool; it must succeed.
    fn xdotool(&self, args: &[&str]) {
        assert!(self.xdotool_ok(args), "xdotool {args:?} failed");
    }

    /// The screen as RGB pixels.
    fn screenshot(&self) -> Shot {
        let size = self
            .xdotool_out(&["getdisplaygeometry"])
            .expect("display geometry");
        let mut dims = size.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(width)), Some(Ok(height))) = (dims.next(), dims.next()) else {
            panic!("display geometry {size:?}");
        };
        let out = Command::new("import")
            .args(["-window", "root", "-depth", "8", "rgb:-"])
            .env("DISPLAY", &self.name)
            .stderr(Stdio::null())
            .output()
            .expect("ImageMagick's import runs (apt-get install imagemagick)");
        assert!(out.status.success(), "import failed");
        assert_eq!(out.stdout.len(), width * height * 3, "RGB screenshot size");
        Shot {
            width,
            rgb: out.stdout,
        }
    }

    /// Saves the screen as a PNG in cargo's test temp folder, for a failure
    /// message.
    fn save_screenshot(&self, name: &str) -> PathBuf {
        let path =
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("crash-recovery-{name}.png"));
        let _ = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .env("DISPLAY", &self.name)
            .status();
        path
    }

    /// Polls `check` every 100 ms until it gives a value, or fails with a
    /// screenshot after `timeout`.
    fn wait_for<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut() -> Option<T>,
    ) -> T {
        let start = Instant::now();
        loop {
            if let Some(value) = check() {
                return value;
            }
            if start.elapsed() > timeout {
                let shot = self.save_screenshot("timeout");
                panic!("waited {timeout:?} for {what}; screen: {}", shot.display());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Display {
    /// SIGTERM, so Xvfb removes its lock file and socket; SIGKILL if it
    /// has not stopped within 5 s.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.xvfb.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while matches!(self.xvfb.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

/// An RGB screenshot.
struct Shot {
    width: usize,
    rgb: Vec<u8>,
}

impl Shot {
    fn pixel(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * self.width + x) * 3;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    /// The vertical middle of the first multiline text box crossing column
    /// `x` between `top` and `bottom`: a run of at least 40 pixels of one
    /// colour other than the background, next to the background or a thin
    /// frame line, as egui draws an empty multiline `TextEdit`.
    fn text_box_at(&self, x: usize, top: usize, bottom: usize) -> Option<usize> {
        let mut runs: Vec<(usize, usize, [u8; 3])> = Vec::new();
        for y in top..bottom {
            let colour = self.pixel(x, y);
            match runs.last_mut() {
                Some((_, len, c)) if *c == colour => *len += 1,
                _ => runs.push((y, 1, colour)),
            }
        }
        let background = runs.iter().max_by_key(|r| r.1)?.2;
        runs.windows(3).find_map(|w| {
            let [above, inside, below] = w else {
                return None;
            };
            // A thin frame line, or none (egui draws no frame around an
            // idle field in the light theme).
            let edge = |run: &(usize, usize, [u8; 3])| run.2 == background || run.1 <= 3;
            (inside.1 >= 40 && inside.2 != background && edge(above) && edge(below))
                .then_some(inside.0 + inside.1 / 2)
        })
    }
}

/// The app running in a display, killed with SIGKILL when dropped.
struct App {
    child: Child,
    window: String,
}

impl App {
    /// Starts the app with `args`, HOME and the XDG folders under `home`,
    /// and waits for its window.
    fn start(display: &Display, home: &Path, args: &[&Path]) -> App {
        let mut cmd = Command::new(app_binary());
        cmd.args(args)
            .env("DISPLAY", &display.name)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("XDG_STATE_HOME", home.join(".local/state"))
            .env("XDG_RUNTIME_DIR", home.join("run"))
            // Mesa's software OpenGL; X11 even inside a Wayland session; no
            // D-Bus session of the machine (portals, screen readers).
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env_remove("RUST_BACKTRACE")
            .stdout(Stdio::null());
        std::fs::create_dir_all(home.join("run")).expect("runtime dir");
        let log = home.join("app.log");
        cmd.stderr(std::fs::File::create(&log).expect("log file"));
        let mut child = cmd.spawn().expect("the app starts");
        let spawned = Instant::now();
        let pid = child.id().to_string();
        let window = display.wait_for("the app's window", WINDOW_TIMEOUT, || {
            if let Ok(Some(status)) = child.try_wait() {
                let output = std::fs::read_to_string(&log).unwrap_or_default();
                panic!(
                    "the app {args:?} exited before showing a window ({status}, after {:?}); its output:\n{output}",
                    spawned.elapsed()
                );
            }
            let found = display.xdotool_out(&["search", "--onlyvisible", "--pid", &pid])?;
            found.lines().next().map(str::to_owned)
        });
        App { child, window }
    }

    fn title(&self, display: &Display) -> String {
        display
            .xdotool_out(&["getwindowname", &self.window])
            .unwrap_or_default()
    }

    /// Gives the window the keyboard (no window manager runs: the focus is
    /// set directly, and the pointer rests on the window as a fallback).
    fn focus(&self, display: &Display) {
        display.xdotool(&["mousemove", "--window", &self.window, "400", "10"]);
        let _ = display.xdotool_ok(&["windowfocus", &self.window]);
    }

    /// The window's position and size on the screen: (x, y, width, height).
    fn geometry(&self, display: &Display) -> (usize, usize, usize, usize) {
        let shell = display
            .xdotool_out(&["getwindowgeometry", "--shell", &self.window])
            .expect("window geometry");
        let value = |key: &str| {
            shell
                .lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or_else(|| panic!("{key} in {shell:?}"))
        };
        (value("X"), value("Y"), value("WIDTH"), value("HEIGHT"))
    }

    /// SIGKILL, at once; returns when the process is gone.
    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        let _ = self.child.wait();
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The release build when `.ci/run` names it, else the tests' binary.
fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("MEDBORGARLOFTE_RELEASE_BIN") {
        return PathBuf::from(path);
    }
    let path = common::bin_path();
    eprintln!(
        "note: MEDBORGARLOFTE_RELEASE_BIN is not set: running {} (a debug build is slower, so the test is if anything stricter)",
        path.display()
    );
    path
}

/// The discussion of § 1 in a meeting file, when it can be read.
fn discussion(path: &Path) -> Option<String> {
    let (meeting, _) = medborgarlofte::store::read_meeting(path).ok()?;
    meeting.items.first().map(|item| item.discussion.clone())
}

/// Types one character (the key event is sent when xdotool returns).
fn type_char(display: &Display, c: char) {
    let s = c.to_string();
    display.xdotool(&["type", "--delay", "0", &s]);
}

/// Waits until the screen differs from `before` (the app has drawn the
/// result of a key), then a little more for the frame to settle.
fn wait_for_change(display: &Display, what: &str, before: &Shot) {
    display.wait_for(what, STEP_TIMEOUT, || {
        (display.screenshot().rgb != before.rgb).then_some(())
    });
    std::thread::sleep(Duration::from_millis(500));
}

/// Ctrl+N, the date, Enter: the new meeting's § 1; then a click in its
/// Diskussion box, the first text box in the item's column (the right part
/// of the window), found twice at the same place.
fn new_meeting_and_click_discussion(display: &Display, app: &App) {
    let dashboard = display.screenshot();
    display.xdotool(&["key", "ctrl+n"]);
    wait_for_change(display, "the new-meeting dialog", &dashboard);
    display.xdotool(&["key", "ctrl+a"]);
    display.xdotool(&["type", "--delay", "50", MEETING_DATE]);
    std::thread::sleep(Duration::from_millis(500));
    let dialog = display.screenshot();
    display.xdotool(&["key", "Return"]);
    wait_for_change(display, "the new meeting", &dialog);

    let (wx, wy, width, height) = app.geometry(display);
    let column = wx + width * 3 / 4;
    let mut last = None;
    let field_y = display.wait_for("the Diskussion field", STEP_TIMEOUT, || {
        let y = display
            .screenshot()
            .text_box_at(column, wy + height / 4, wy + height);
        let stable = y.filter(|_| y == last);
        last = y;
        stable
    });
    display.xdotool(&[
        "mousemove",
        &column.to_string(),
        &field_y.to_string(),
        "click",
        "1",
    ]);
    std::thread::sleep(Duration::from_millis(300));
}

/// Waits until the window title names `folder` (it is open).
fn wait_for_folder(display: &Display, app: &App, folder: &Path, what: &str) {
    let folder = folder.display().to_string();
    display.wait_for(what, WINDOW_TIMEOUT, || {
        app.title(display).contains(&folder).then_some(())
    });
    std::thread::sleep(Duration::from_millis(500));
}

#[test]
fn sigkill_while_typing_loses_at_most_two_seconds_and_a_restart_offers_the_rest() {
    let started = Instant::now();
    let data = common::copy();
    let folder = data.path();
    let home = tempfile::tempdir().expect("temp home");
    let recovery = folder
        .join("meetings")
        .join(format!("{MEETING_DATE}.recovery"));
    let display = Display::start();

    // The folder given on the command line, as the user opened it.
    let app = App::start(&display, home.path(), &[folder]);
    wait_for_folder(&display, &app, folder, "the folder to load (window title)");
    app.focus(&display);
    new_meeting_and_click_discussion(&display, &app);
    for c in PRIMER.chars() {
        type_char(&display, c);
        std::thread::sleep(Duration::from_secs_f64(KEY_INTERVAL));
    }
    display.wait_for(
        "the first words in the recovery file (did the click reach Diskussion?)",
        STEP_TIMEOUT,
        || (discussion(&recovery).as_deref() == Some(PRIMER)).then_some(()),
    );

    // Continuous typing, one character every 100 ms, then SIGKILL.
    let begin = Instant::now();
    let mut typed_at = Vec::with_capacity(TEXT.len());
    for (i, c) in TEXT.chars().enumerate() {
        let due = begin + Duration::from_secs_f64(KEY_INTERVAL * i as f64);
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
        type_char(&display, c);
        typed_at.push(Instant::now());
    }
    let killed_at = Instant::now();
    app.kill();

    let recovered = discussion(&recovery).expect("a readable recovery file after the kill");
    assert!(
        format!("{PRIMER}{TEXT}").starts_with(&recovered) && recovered.len() >= PRIMER.len(),
        "the recovered discussion is a prefix of the typed text: {recovered:?}"
    );
    let kept = recovered.len() - PRIMER.len();
    let lost_chars = TEXT.len() - kept;
    let last_kept_at = kept.checked_sub(1).map_or(begin, |i| typed_at[i]);
    let lost_secs = (killed_at - last_kept_at).as_secs_f64();
    eprintln!(
        "typed {} characters in {:.2} s; the recovery file lacks {lost_chars}: {lost_secs:.2} s of typing lost",
        TEXT.len(),
        (killed_at - begin).as_secs_f64()
    );
    assert!(
        lost_secs <= MAX_LOST_SECS,
        "a SIGKILL lost {lost_secs:.2} s of typing ({lost_chars} characters), more than {MAX_LOST_SECS} s"
    );

    // A restart with no arguments: the same folder, the recovered meeting
    // offered; Tab to "Återställ ändringarna", Enter, and save.
    let app = App::start(&display, home.path(), &[]);
    wait_for_folder(
        &display,
        &app,
        folder,
        "the restarted app to reopen the folder (window title)",
    );
    app.focus(&display);
    let offered = display.screenshot();
    display.xdotool(&["key", "Tab"]);
    wait_for_change(&display, "the focus on Återställ ändringarna", &offered);
    display.xdotool(&["key", "Return"]);
    std::thread::sleep(Duration::from_millis(500));
    display.xdotool(&["key", "ctrl+s"]);
    let meeting_file = recovery.with_extension("ron");
    display.wait_for(
        "the restored meeting saved with the recovered text, its recovery file removed",
        STEP_TIMEOUT,
        || {
            let saved = discussion(&meeting_file).as_deref() == Some(recovered.as_str());
            (saved && !recovery.exists()).then_some(())
        },
    );
    drop(app);
    eprintln!(
        "the whole test took {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
