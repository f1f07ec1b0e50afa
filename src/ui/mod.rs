//! Drawing. One `*_ui` function per panel: each reads the state and emits commands; none
//! changes the dataset.

mod editor;
mod facets;
mod source;
mod table;
mod views;

use crate::app::{AppState, Command, Pending, PendingChoice, RecoveryChoice};
use crate::model::Review;
use egui::{Key, KeyboardShortcut, Modifiers};

const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const OPEN_DATASET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const OPEN_CORPUS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// The review keys: one key sets the selected record's review state.
const REVIEW_KEYS: [(Key, &str, &str, Review); 4] = [
    (Key::V, "V", "Verify", Review::Verified),
    (Key::E, "E", "Mark edited", Review::Edited),
    (Key::R, "R", "Reject", Review::Rejected),
    (Key::U, "U", "Mark unreviewed", Review::Unreviewed),
];

/// The id of the filter box, so Ctrl+F can focus it.
pub fn filter_id() -> egui::Id {
    egui::Id::unique("entente-filter")
}

/// The whole window.
pub fn app_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    shortcuts_ui(ui, state, commands);
    egui::Panel::top("menu").show(ui, |ui| menu_bar_ui(ui, state, commands));
    egui::Panel::top("filter").show(ui, |ui| filter_bar_ui(ui, state, commands));
    egui::Panel::bottom("status").show(ui, |ui| status_bar_ui(ui, state, commands));
    egui::Panel::right("source")
        .resizable(true)
        .default_size(540.0)
        .min_size(280.0)
        .show(ui, |ui| source::source_ui(ui, state, commands));
    if state.editor_open {
        egui::Panel::right("editor")
            .resizable(true)
            .default_size(400.0)
            .min_size(300.0)
            .show(ui, |ui| editor::editor_ui(ui, state, commands));
    }
    egui::Panel::left("facets")
        .resizable(true)
        .default_size(230.0)
        .min_size(160.0)
        .show(ui, |ui| facets::facets_ui(ui, state, commands));
    if state.layout.show_views {
        egui::Panel::bottom("views")
            .resizable(true)
            .default_size(240.0)
            .min_size(140.0)
            .show(ui, |ui| views::views_ui(ui, state, commands));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::horizontal()
            .id_salt("table-h")
            .show(ui, |ui| table::table_ui(ui, state, commands));
    });
    pending_ui(ui, state, commands);
    drop_hint_ui(ui);
    load_report_ui(ui, state, commands);
    rebase_report_ui(ui, state, commands);
    recovery_ui(ui, state, commands);
}

fn shortcuts_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    let focused = ctx.memory(|m| m.focused());
    // The article text takes focus to be selected, but it is read-only: review keys still work.
    let reading = focused.is_some_and(source::is_article_text);
    let typing = focused.is_some() && !reading;
    let modal = state.pending.is_some() || state.recovery_offer.is_some();
    ctx.input_mut(|i| {
        if !typing && !modal {
            // A text field being typed in has its own undo; everywhere else, the dataset's.
            if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_ALT) {
                commands.push(Command::Redo);
            }
            if i.consume_shortcut(&UNDO) {
                commands.push(Command::Undo);
            }
        }
        if i.consume_shortcut(&SAVE_AS) {
            commands.push(Command::SaveAsDialog);
        }
        if i.consume_shortcut(&SAVE) {
            commands.push(Command::Save);
        }
        if i.consume_shortcut(&OPEN_CORPUS) {
            commands.push(Command::OpenCorpusDialog);
        }
        if i.consume_shortcut(&OPEN_DATASET) {
            commands.push(Command::OpenDatasetDialog);
        }
        if i.consume_shortcut(&QUIT) {
            commands.push(Command::Quit);
        }
        if i.consume_shortcut(&FIND) {
            ctx.memory_mut(|m| m.request_focus(filter_id()));
        }
        if !typing && !reading && !modal {
            if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                commands.push(Command::MoveSelection(1));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                commands.push(Command::MoveSelection(-1));
            }
            if i.consume_key(Modifiers::NONE, Key::PageDown) {
                commands.push(Command::MoveSelection(20));
            }
            if i.consume_key(Modifiers::NONE, Key::PageUp) {
                commands.push(Command::MoveSelection(-20));
            }
        }
        if !typing && !modal && state.selected.is_some() {
            for (key, _, _, review) in REVIEW_KEYS {
                if i.consume_key(Modifiers::NONE, key) {
                    commands.push(Command::SetReview(review));
                }
            }
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                commands.push(Command::OpenEditor(true));
            }
        }
    });
}

fn menu_item(
    ui: &mut egui::Ui,
    label: &str,
    shortcut: Option<&KeyboardShortcut>,
    enabled: bool,
) -> bool {
    let mut button = egui::Button::new(label);
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(s));
    }
    ui.add_enabled(enabled, button).clicked()
}

fn menu_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            let idle = state.job.is_none();
            if menu_item(ui, "Open corpus folder…", Some(&OPEN_CORPUS), idle) {
                commands.push(Command::OpenCorpusDialog);
            }
            if menu_item(ui, "Open dataset…", Some(&OPEN_DATASET), idle) {
                commands.push(Command::OpenDatasetDialog);
            }
            ui.add_enabled_ui(idle && !state.preferences.recent.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in &state.preferences.recent {
                        let name = path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            commands.push(Command::OpenPath(path.clone()));
                        }
                    }
                });
            });
            let mut reopen = state.preferences.reopen_last;
            if ui
                .checkbox(&mut reopen, "Reopen the last dataset on start")
                .changed()
            {
                commands.push(Command::SetReopenLast(reopen));
            }
            if menu_item(
                ui,
                "Re-extract (keeps your records)",
                None,
                idle && !state.dataset.articles.is_empty(),
            ) {
                commands.push(Command::Reextract);
            }
            ui.separator();
            if menu_item(ui, "Save", Some(&SAVE), true) {
                commands.push(Command::Save);
            }
            if menu_item(ui, "Save as…", Some(&SAVE_AS), true) {
                commands.push(Command::SaveAsDialog);
            }
            if menu_item(ui, "Export CSV…", None, true) {
                commands.push(Command::ExportCsvDialog);
            }
            ui.separator();
            if menu_item(ui, "Quit", Some(&QUIT), true) {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, state, commands));
        ui.menu_button("View", |ui| {
            let mut views = state.layout.show_views;
            if ui
                .checkbox(&mut views, "Timeline and partner views")
                .changed()
            {
                commands.push(Command::ShowViews(views));
            }
            ui.menu_button("Columns", |ui| {
                for column in crate::query::Column::ALL {
                    let mut shown = !state.layout.hidden_columns.contains(&column);
                    if ui.checkbox(&mut shown, column.label()).changed() {
                        commands.push(Command::SetColumnHidden(column, !shown));
                    }
                }
            });
            let mut show = state.filter.show_rejected;
            if ui
                .checkbox(&mut show, "Show rejected engagements")
                .changed()
            {
                commands.push(Command::SetShowRejected(show));
            }
            if menu_item(ui, "Load report…", None, state.load_report.is_some()) {
                commands.push(Command::ShowLoadReport(true));
            }
            if menu_item(
                ui,
                "Re-extraction report…",
                None,
                state.rebase_report.is_some(),
            ) {
                commands.push(Command::ShowRebaseReport(true));
            }
        });
        ui.menu_button("Review", |ui| {
            let has = state.selected.is_some();
            for (_, key, label, review) in REVIEW_KEYS {
                if ui
                    .add_enabled(has, egui::Button::new(label).shortcut_text(key))
                    .clicked()
                {
                    commands.push(Command::SetReview(review));
                }
            }
        });
    });
}

fn edit_menu_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let undo = match state.history.next_undo() {
        Some(edit) => format!("Undo {}", edit.describe()),
        None => "Undo".into(),
    };
    if menu_item(ui, &undo, Some(&UNDO), state.history.next_undo().is_some()) {
        commands.push(Command::Undo);
    }
    let redo = match state.history.next_redo() {
        Some(edit) => format!("Redo {}", edit.describe()),
        None => "Redo".into(),
    };
    if menu_item(ui, &redo, Some(&REDO), state.history.next_redo().is_some()) {
        commands.push(Command::Redo);
    }
    ui.separator();
    let has = state.selected.is_some();
    let open_label = if state.editor_open {
        "Close editor"
    } else {
        "Edit record"
    };
    if ui
        .add_enabled(has, egui::Button::new(open_label).shortcut_text("Enter"))
        .clicked()
    {
        commands.push(Command::OpenEditor(!state.editor_open));
    }
    ui.separator();
    if menu_item(ui, "Mark for merge", None, has) {
        commands.push(Command::MarkForMerge(true));
    }
    let can_merge = has
        && state
            .merge_mark_index()
            .is_some_and(|m| Some(m) != state.selected);
    if menu_item(ui, "Merge marked record into this", None, can_merge) {
        commands.push(Command::MergeMarkedIntoSelected);
    }
}

fn filter_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        let mut text = state.filter.text.clone();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(filter_id())
                    .hint_text("parties, kind, place, people, article… (Ctrl+F)")
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            commands.push(Command::SetFilterText(text));
        }
        if !state.filter.text.is_empty() && ui.button("Clear").clicked() {
            commands.push(Command::SetFilterText(String::new()));
        }
        let mut show = state.filter.show_rejected;
        if ui.checkbox(&mut show, "Show rejected").changed() {
            commands.push(Command::SetShowRejected(show));
        }
        ui.separator();
        ui.label(format!(
            "{} of {} engagements · {} articles",
            state.rows.len(),
            state.dataset.engagements.len(),
            state.dataset.articles.len()
        ));
        if let Some(job) = &state.job {
            ui.separator();
            let (stage, done, total) = job.progress.get();
            let bar = if total > 0 {
                egui::ProgressBar::new(done as f32 / total as f32)
                    .text(format!("{stage} {done} / {total}"))
            } else if done > 0 {
                egui::ProgressBar::new(0.0)
                    .animate(true)
                    .text(format!("{stage} {done}"))
            } else {
                egui::ProgressBar::new(0.0).animate(true).text(stage)
            };
            ui.add(bar.desired_width(260.0));
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelJob);
            }
        }
    });
    chips_ui(ui, state, commands);
}

/// The active criteria as removable chips, and one button to clear them all.
fn chips_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let chips = state.filter.chips();
    if chips.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak("Showing:");
        for (chip, label) in chips {
            if ui
                .add(egui::Button::new(format!("{label}  x")).corner_radius(8.0))
                .on_hover_text("Remove this filter")
                .clicked()
            {
                commands.push(Command::RemoveChip(chip));
            }
        }
        if ui.button("Clear all").clicked() {
            commands.push(Command::ClearFilters);
        }
    });
}

fn status_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        match &state.notice {
            Some(n) if n.error => {
                ui.colored_label(ui.visuals().error_fg_color, &n.text);
            }
            Some(n) => {
                ui.label(&n.text);
            }
            None => {
                ui.weak(
                    "Up/Down move · Enter edit · V verify · E edited · R reject · \
                     Ctrl+Z undo · Ctrl+F filter · Ctrl+S save",
                );
            }
        }
        if state
            .load_report
            .as_ref()
            .is_some_and(|r| !r.issues.is_empty())
            && ui.link("Load report").clicked()
        {
            commands.push(Command::ShowLoadReport(true));
        }
        if let Some(report) = &state.rebase_report {
            ui.separator();
            if ui
                .link(format!(
                    "Last re-extraction: {} added, {} removed, {} kept",
                    report.added, report.removed, report.kept
                ))
                .clicked()
            {
                commands.push(Command::ShowRebaseReport(true));
            }
        }
    });
}

/// While files are dragged over the window, say what dropping them does.
fn drop_hint_ui(ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-hint"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a dataset to open it, or files and folders to read them as a corpus",
        egui::FontId::proportional(20.0),
        egui::Color32::WHITE,
    );
}

fn pending_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(pending) = &state.pending else {
        return;
    };
    let then = match pending {
        Pending::Quit => "closing",
        Pending::Open(_)
        | Pending::OpenMany(_)
        | Pending::OpenCorpusDialog
        | Pending::OpenDatasetDialog => "opening another file",
        Pending::Reextract => "re-extracting (which cannot be undone)",
    };
    let modal = egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ui.ctx(), |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!(
            "Save the changes to “{}” before {then}?",
            state.name
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                commands.push(Command::ResolvePending(PendingChoice::Save));
            }
            if ui.button("Don't save").clicked() {
                commands.push(Command::ResolvePending(PendingChoice::Discard));
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::ResolvePending(PendingChoice::Cancel));
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::ResolvePending(PendingChoice::Cancel));
    }
}

fn load_report_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let (true, Some(report)) = (state.show_load_report, &state.load_report) else {
        return;
    };
    let mut open = true;
    egui::Window::new("Load report")
        .open(&mut open)
        .default_width(560.0)
        .show(ui.ctx(), |ui| {
            ui.label(format!(
                "{} files looked at, {} articles read, {} duplicates left out, {} problems.",
                report.files_seen,
                report.articles_read,
                report.duplicates,
                report.issues.len()
            ));
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    egui::Grid::new("issues").striped(true).show(ui, |ui| {
                        for issue in &report.issues {
                            ui.label(if issue.skipped { "skipped" } else { "warning" });
                            ui.label(&issue.place);
                            ui.label(&issue.problem);
                            ui.end_row();
                        }
                    });
                });
        });
    if !open {
        commands.push(Command::ShowLoadReport(false));
    }
}

fn rebase_report_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let (true, Some(report)) = (state.show_rebase_report, &state.rebase_report) else {
        return;
    };
    let mut open = true;
    egui::Window::new("Re-extraction")
        .open(&mut open)
        .default_width(440.0)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            ui.label("The articles were extracted again. Your records were left as you left them.");
            ui.add_space(6.0);
            egui::Grid::new("rebase-report")
                .num_columns(2)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    let rows = [
                        (report.added, "added: new machine records"),
                        (
                            report.removed,
                            "removed: unreviewed machine records no longer found",
                        ),
                        (
                            report.kept,
                            "kept: verified, edited, rejected, hand-made or annotated records",
                        ),
                        (
                            report.refreshed,
                            "refreshed: unreviewed records the extractor now reads differently",
                        ),
                        (report.articles_added, "new articles"),
                    ];
                    for (n, what) in rows {
                        ui.strong(n.to_string());
                        ui.label(what);
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            ui.weak("Re-extraction cannot be undone; the dataset is unsaved until you save it.");
        });
    if !open {
        commands.push(Command::ShowRebaseReport(false));
    }
}

fn recovery_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(offer) = &state.recovery_offer else {
        return;
    };
    egui::Modal::new(egui::Id::unique("recovery-offer")).show(ui.ctx(), |ui| {
        ui.heading("Recover unsaved work?");
        ui.label(format!(
            "Entente ended without saving the changes to \u{201c}{}\u{201d}.",
            offer.name
        ));
        let mut facts = Vec::new();
        if let Some(n) = offer.engagements {
            facts.push(format!("{n} engagements"));
        }
        if let Some(age) = offer.written.and_then(|t| t.elapsed().ok()) {
            facts.push(format!("autosaved {} ago", age_label(age)));
        }
        if let Some(p) = &offer.original {
            facts.push(format!("from {}", p.display()));
        }
        if !facts.is_empty() {
            ui.weak(facts.join(", "));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                commands.push(Command::ResolveRecovery(RecoveryChoice::Restore));
            }
            if ui.button("Discard").clicked() {
                commands.push(Command::ResolveRecovery(RecoveryChoice::Discard));
            }
        });
    });
}

fn age_label(age: std::time::Duration) -> String {
    let secs = age.as_secs();
    match secs {
        0..120 => format!("{secs} seconds"),
        120..7200 => format!("{} minutes", secs / 60),
        7200..172_800 => format!("{} hours", secs / 3600),
        _ => format!("{} days", secs / 86_400),
    }
}
