//! The app's side of entering, changing, deleting and importing activities:
//! every change is an [`ActivityEdit`] written to the party's file at once,
//! and its inverse goes on the undo stack (one step per save, delete or
//! import), so Ctrl+Z works the same for all of them.

use std::path::PathBuf;

use super::{App, Notice, Picked, pick};
use crate::gui::entry_form::EntryForm;
use crate::gui::import_dialog::ImportDialog;
use crate::gui::text::texts;
use crate::model::activity_edit::ActivityEdit;
use crate::model::{CommitmentId, PartyId};
use crate::store::activities::{appends, apply_all};
use crate::workspace::Origin;

/// One undoable step, as the edits that make it.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Activity edits, per file, applied in order.
    Activities(Vec<(PathBuf, ActivityEdit)>),
    /// The pledge file goes from one version to another.
    Pledge {
        /// The pledge file.
        path: PathBuf,
        /// What must be on disk now.
        from: Box<crate::model::Pledge>,
        /// What is written.
        to: Box<crate::model::Pledge>,
    },
}

impl App {
    /// The open pledge's folder, or `None` (with the reason shown) for the
    /// read-only sample, where nothing may be written.
    fn writable_folder(&mut self) -> Option<PathBuf> {
        let doc = self.doc.as_ref()?;
        let folder = doc.origin.folder().filter(|_| !doc.is_read_only());
        if folder.is_none() {
            self.error = Some(texts().sample_is_read_only.to_owned());
        }
        folder
    }

    /// Places already used, most used first, for the form's suggestions.
    pub(super) fn known_places(&self) -> Vec<String> {
        let mut counts = crate::status::places::PlaceCounts::default();
        for place in self
            .doc
            .iter()
            .flat_map(|d| &d.loaded.activities)
            .flat_map(|f| &f.entries)
            .filter_map(|e| e.place.as_deref())
        {
            counts.add(place);
        }
        counts.sorted().into_iter().map(|(p, _)| p).collect()
    }

    pub(super) fn new_activity(&mut self, commitment: Option<CommitmentId>) {
        if self.writable_folder().is_none() {
            return;
        }
        let Some(doc) = &self.doc else { return };
        let Some(pledge) = doc.pledge() else {
            self.error = Some(texts().no_pledge_for_activities.to_owned());
            return;
        };
        let commitment = commitment.or_else(|| self.view.selected.clone());
        let party = self.settings.last_party.as_deref().map(PartyId::new);
        self.activity_form = Some(EntryForm::new(pledge, self.today, commitment, party));
        self.form_checked = None;
    }

    pub(super) fn edit_activity(&mut self, file: usize, index: usize) {
        if self.writable_folder().is_none() {
            return;
        }
        let Some(doc) = &self.doc else { return };
        let (Some(pledge), Some(entry)) = (
            doc.pledge(),
            doc.loaded
                .activities
                .get(file)
                .and_then(|f| f.entries.get(index)),
        ) else {
            return;
        };
        self.activity_form = Some(EntryForm::edit(pledge, file, index, entry));
        self.form_checked = None;
    }

    /// Re-validates the form when it changed since the last check.
    pub(super) fn check_form(&mut self) {
        let (Some(form), Some(doc)) = (&self.activity_form, &self.doc) else {
            return;
        };
        if self.form_checked.as_ref() == Some(form) {
            return;
        }
        if let Some(pledge) = doc.pledge() {
            self.form_problems = form.problems(pledge, self.today, &doc.loaded.activities);
        }
        self.form_checked = Some(form.clone());
    }

    pub(super) fn save_activity_form(&mut self) {
        let Some(form) = &self.activity_form else {
            return;
        };
        let entry = match form.entry() {
            Ok(entry) => entry,
            Err(problems) => {
                self.form_problems = problems;
                return;
            }
        };
        if self
            .form_problems
            .iter()
            .any(|p| p.severity == crate::model::Severity::Fel)
        {
            return;
        }
        let editing = form.editing.clone();
        let Some(folder) = self.writable_folder() else {
            return;
        };
        let Some(doc) = &self.doc else { return };
        let files: Vec<_> = doc.loaded.activity_files().collect();
        let edits = if let Some(e) = editing {
            let Some((path, _)) = files.get(e.file) else {
                return;
            };
            vec![(
                path.to_path_buf(),
                ActivityEdit::Replace {
                    index: e.index,
                    old: Box::new(e.original),
                    new: Box::new(entry.clone()),
                },
            )]
        } else {
            appends(&folder, &files, [entry.clone()])
        };
        let file_name = edits
            .first()
            .and_then(|(p, _)| p.file_name())
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        if self.write_step(&Step::Activities(edits), true) {
            self.settings.last_party = Some(entry.party.to_string());
            let was_edit = self
                .activity_form
                .as_ref()
                .is_some_and(|f| f.editing.is_some());
            if was_edit {
                self.activity_form = None;
            } else if let Some(form) = &mut self.activity_form {
                form.next_entry();
            }
            self.form_checked = None;
            self.notice = Some(Notice::new(texts().activity_saved(&file_name)));
        }
    }

    pub(super) fn delete_activity(&mut self, file: usize, index: usize) {
        if self.writable_folder().is_none() {
            return;
        }
        let Some((path, entry)) = self.doc.as_ref().and_then(|d| {
            let (path, f) = d.loaded.activity_files().nth(file)?;
            Some((path.to_path_buf(), f.entries.get(index)?.clone()))
        }) else {
            return;
        };
        let step = Step::Activities(vec![(
            path,
            ActivityEdit::Remove {
                at: index,
                entries: vec![entry],
            },
        )]);
        if self.write_step(&step, true) {
            self.notice = Some(Notice::new(texts().activity_deleted));
        }
    }

    /// Applies the edits of one step to disk; their inverses go on the undo
    /// stack (`fresh`: a new step, which clears redo) or the redo stack.
    /// A failure part way undoes what was written and shows the error.
    pub(super) fn write_step(&mut self, step: &Step, fresh: bool) -> bool {
        let inverse = match step {
            Step::Activities(edits) => self.write_activity_edits(edits),
            Step::Pledge { path, from, to } => crate::store::update_pledge(path, from, to)
                .map(|()| Step::Pledge {
                    path: path.clone(),
                    from: to.clone(),
                    to: from.clone(),
                })
                .map_err(|e| e.to_string()),
        };
        match inverse {
            Ok(inverse) => {
                if fresh {
                    self.activity_redo.clear();
                }
                self.activity_undo.push(inverse);
                self.reload_quietly();
                true
            }
            Err(message) => {
                self.error = Some(message);
                self.reload_quietly();
                false
            }
        }
    }

    /// Writes activity edits, all or nothing; returns the step that undoes them.
    fn write_activity_edits(&self, edits: &[(PathBuf, ActivityEdit)]) -> Result<Step, String> {
        let pledge = self
            .doc
            .as_ref()
            .and_then(|d| d.pledge())
            .ok_or_else(|| texts().no_pledge_for_activities.to_owned())?;
        let folder = self
            .doc
            .as_ref()
            .and_then(|d| d.origin.folder())
            .unwrap_or_else(|| self.output_dir());
        apply_all(&folder, edits, pledge)
            .map(Step::Activities)
            .map_err(|e| e.to_string())
    }

    /// Undoes the last change of the files (an activity saved, edited,
    /// deleted or imported, or the planning of the pledge).
    pub(super) fn undo_activity(&mut self) {
        let Some(step) = self.activity_undo.pop() else {
            self.notice = Some(Notice::new(texts().nothing_to_undo));
            return;
        };
        let n: usize = match &step {
            Step::Activities(edits) => edits
                .iter()
                .map(|(_, e)| e.added().unsigned_abs().max(1))
                .sum(),
            Step::Pledge { .. } => 1,
        };
        if self.write_step(&step, false) {
            // write_step pushed the redo edits on the undo stack: move them.
            if let Some(redo) = self.activity_undo.pop() {
                self.activity_redo.push(redo);
            }
            self.notice = Some(Notice::new(texts().undone(n)));
        }
    }

    /// Redoes the last undone activity change.
    pub(super) fn redo_activity(&mut self) {
        let Some(step) = self.activity_redo.pop() else {
            self.notice = Some(Notice::new(texts().nothing_to_redo));
            return;
        };
        self.write_step(&step, false);
    }

    /// Asks for a spreadsheet and opens the import preview.
    pub(super) fn pick_import_file(&mut self) {
        let Some(folder) = self.writable_folder() else {
            return;
        };
        if !self.file_dialogs {
            self.handle(crate::gui::state::Command::ShowPathDialog(
                crate::gui::state::PathPurpose::Import,
            ));
            return;
        }
        let picked = pick(|| {
            rfd::FileDialog::new()
                .set_title(texts().import_pick_title)
                .add_filter("Kalkylark", &["xlsx", "xlsm", "xls", "ods", "csv", "txt"])
                .set_directory(&folder)
                .pick_file()
        });
        match picked {
            Picked::Path(path) => self.start_import(path, None),
            Picked::Unavailable => self.handle(crate::gui::state::Command::ShowPathDialog(
                crate::gui::state::PathPurpose::Import,
            )),
            Picked::Cancelled => {}
        }
    }

    pub(super) fn start_import(&mut self, path: PathBuf, sheet: Option<&str>) {
        match crate::import::table::read(&path, sheet) {
            Ok(table) => {
                let previous = self.import_dialog.take();
                let mut dialog = ImportDialog::new(path, table);
                if let Some(previous) = previous.filter(|p| p.path == dialog.path) {
                    dialog.party = previous.party;
                    dialog.only_valid = previous.only_valid;
                }
                self.import_dialog = Some(dialog);
                self.path_dialog = None;
                self.refresh_import_plan();
            }
            Err(err) => self.error = Some(err.to_string()),
        }
    }

    /// Re-plans the import after the mapping or the party changed.
    pub(super) fn refresh_import_plan(&mut self) {
        let (Some(dialog), Some(doc)) = (&mut self.import_dialog, &self.doc) else {
            return;
        };
        if !dialog.dirty {
            return;
        }
        let Some(pledge) = doc.pledge() else { return };
        dialog.plan = crate::import::plan(
            &dialog.table,
            &dialog.mapping,
            &crate::import::Context {
                pledge,
                existing: &doc.loaded.activities,
                default_party: dialog.party.as_ref(),
                today: self.today,
            },
        );
        dialog.dirty = false;
    }

    pub(super) fn run_import(&mut self) {
        let Some(dialog) = &self.import_dialog else {
            return;
        };
        if !dialog.can_import() {
            return;
        }
        let plan = dialog.plan.clone();
        let Some(folder) = self.writable_folder() else {
            return;
        };
        let Some(doc) = &self.doc else { return };
        let Some(pledge) = doc.pledge() else { return };
        // As in the CLI: entries of a file that does not load would be
        // imported a second time.
        if doc.loaded.has_errors() {
            self.error = Some(texts().import_with_load_errors.to_owned());
            return;
        }
        let files: Vec<_> = doc.loaded.activity_files().collect();
        match crate::import::apply(&plan, &folder, &files, pledge) {
            Ok(summary) => {
                self.activity_redo.clear();
                self.activity_undo
                    .push(Step::Activities(summary.undo.clone()));
                self.import_dialog = None;
                self.reload_quietly();
                self.notice = Some(Notice::new(format!("{summary}.")));
            }
            Err(err) => {
                self.error = Some(err.to_string());
                self.reload_quietly();
            }
        }
    }

    /// The entry form, when open.
    pub fn activity_form(&self) -> Option<&EntryForm> {
        self.activity_form.as_ref()
    }

    /// The import preview, when open.
    pub fn import_dialog(&self) -> Option<&ImportDialog> {
        self.import_dialog.as_ref()
    }

    /// How many activity changes can be undone.
    pub fn activity_undo_depth(&self) -> usize {
        self.activity_undo.len()
    }
}

impl App {
    pub(super) fn open_planning(&mut self, id: &CommitmentId) {
        if self.writable_folder().is_none() {
            return;
        }
        let Some(pledge) = self.doc.as_ref().and_then(|d| d.pledge()) else {
            return;
        };
        self.planning = crate::gui::pledge_dialogs::PlanningDialog::new(pledge, id, self.today);
    }

    /// What is wrong with the planning dialog now, if anything.
    pub(super) fn planning_problem(&self) -> Option<String> {
        let (dialog, pledge) = (self.planning.as_ref()?, self.doc.as_ref()?.pledge()?);
        let edits = match dialog.edits(pledge) {
            Ok(edits) => edits,
            Err(message) => return Some(message),
        };
        let mut changed = pledge.clone();
        for edit in &edits {
            if let Err(err) = edit.apply(&mut changed) {
                return Some(err.to_string());
            }
        }
        None
    }

    pub(super) fn save_planning(&mut self) {
        let (Some(dialog), Some(doc)) = (&self.planning, &self.doc) else {
            return;
        };
        let (Some(pledge), Some(source)) = (doc.pledge(), doc.loaded.sources.first()) else {
            return;
        };
        let edits = match dialog.edits(pledge) {
            Ok(edits) => edits,
            Err(message) => {
                self.error = Some(message);
                return;
            }
        };
        let mut changed = pledge.clone();
        for edit in &edits {
            if let Err(err) = edit.apply(&mut changed) {
                self.error = Some(err.to_string());
                return;
            }
        }
        let id = dialog.commitment.to_string();
        if edits.is_empty() {
            self.planning = None;
            return;
        }
        let step = Step::Pledge {
            path: source.path.clone(),
            from: Box::new(pledge.clone()),
            to: Box::new(changed),
        };
        if self.write_step(&step, true) {
            self.planning = None;
            self.notice = Some(Notice::new(texts().planning_saved(&id)));
        }
    }

    pub(super) fn open_new_pledge(&mut self) {
        let open = self.doc.as_ref().and_then(|d| d.pledge());
        self.new_pledge = Some(crate::gui::pledge_dialogs::NewPledgeDialog::new(
            open, self.today,
        ));
    }

    /// "Välj mapp…" in the new-pledge dialog: the system folder dialog, or
    /// where there is none, a line in the dialog saying to type the path.
    pub(super) fn browse_pledge_folder(&mut self) {
        let picked = if self.file_dialogs {
            pick(|| {
                rfd::FileDialog::new()
                    .set_title(texts().new_pledge_pick_title)
                    .pick_folder()
            })
        } else {
            Picked::Unavailable
        };
        let Some(dialog) = &mut self.new_pledge else {
            return;
        };
        match picked {
            Picked::Path(path) => {
                dialog.folder = path.display().to_string();
                dialog.browse_unavailable = false;
            }
            Picked::Unavailable => dialog.browse_unavailable = true,
            Picked::Cancelled => {}
        }
    }

    pub(super) fn create_pledge(&mut self) {
        let Some(dialog) = &self.new_pledge else {
            return;
        };
        let open = self.doc.as_ref().and_then(|d| d.pledge());
        let (folder, pledge) = match dialog.pledge(open) {
            Ok(made) => made,
            Err(message) => {
                self.error = Some(message);
                return;
            }
        };
        if let Err(err) = crate::store::create_pledge_folder(&folder, &pledge) {
            self.error = Some(err.to_string());
            return;
        }
        self.new_pledge = None;
        self.open(Origin::path(&folder));
        if self
            .doc
            .as_ref()
            .is_some_and(|d| d.origin == Origin::path(&folder))
        {
            self.notice = Some(Notice::new(
                texts().pledge_created(&folder.display().to_string()),
            ));
        }
    }

    /// The planning dialog, when open.
    pub fn planning(&self) -> Option<&crate::gui::pledge_dialogs::PlanningDialog> {
        self.planning.as_ref()
    }
}

impl App {
    /// Writes every activity to a spreadsheet (xlsx, or CSV when the chosen
    /// name ends in .csv) in the background; by default `aktiviteter.xlsx`
    /// in the pledge's folder.
    pub(super) fn export_activities(&mut self) {
        use crate::import::export;
        let Some(doc) = &self.doc else { return };
        if doc.loaded.has_errors() {
            self.error = Some(texts().export_with_load_errors.to_owned());
            return;
        }
        let default = self.output_dir().join("aktiviteter.xlsx");
        let Some(path) = self.save_path(
            texts().export_activities,
            &[("Excel", &["xlsx"]), ("CSV", &["csv"])],
            default,
        ) else {
            return;
        };
        let files = doc.loaded.activities.clone();
        let protected = doc.protected();
        let n: usize = files.iter().map(|f| f.entries.len()).sum();
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        self.job = Some(super::Job::write(
            &self.ctx,
            texts().exporting,
            (path, protected),
            move || {
                if csv {
                    export::csv(&files).map_err(|e| e.to_string())
                } else {
                    export::xlsx(&files).map_err(|e| e.to_string())
                }
            },
            move |p| texts().exported(n, p),
        ));
    }
}
