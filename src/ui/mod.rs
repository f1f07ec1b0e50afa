//! Drawing. One `*_ui` function per panel: each reads the state and emits commands; none
//! changes the dataset.

mod source;
mod table;

use crate::app::{AppState, Command, Pending, PendingChoice};
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
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::horizontal()
            .id_salt("table-h")
            .show(ui, |ui| table::table_ui(ui, state, commands));
    });
    pending_ui(ui, state, commands);
    load_report_ui(ui, state, commands);
}

fn shortcuts_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    let typing = ctx.memory(|m| m.focused().is_some());
    ctx.input_mut(|i| {
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
        if !typing && state.pending.is_none() {
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
            if state.selected.is_some() {
                for (key, review) in [
                    (Key::V, Review::Verified),
                    (Key::R, Review::Rejected),
                    (Key::U, Review::Unreviewed),
                ] {
                    if i.consume_key(Modifiers::NONE, key) {
                        commands.push(Command::SetReview(review));
                    }
                }
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
        ui.menu_button("View", |ui| {
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
        });
        ui.menu_button("Review", |ui| {
            let has = state.selected.is_some();
            for (label, key, review) in [
                ("Verify", "V", Review::Verified),
                ("Reject", "R", Review::Rejected),
                ("Mark unreviewed", "U", Review::Unreviewed),
            ] {
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
            } else {
                egui::ProgressBar::new(0.0)
                    .animate(true)
                    .text(format!("{stage} {done}"))
            };
            ui.add(bar.desired_width(260.0));
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelJob);
            }
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
                ui.weak("Up/Down move · V verify · R reject · Ctrl+F filter · Ctrl+S save");
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
    });
}

fn pending_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(pending) = &state.pending else {
        return;
    };
    let then = match pending {
        Pending::Quit => "closing",
        Pending::Open(_) | Pending::OpenCorpusDialog | Pending::OpenDatasetDialog => {
            "opening another file"
        }
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
