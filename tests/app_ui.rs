//! The window driven through its accessibility tree, as an analyst would use it.

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use entente::app::{EntenteApp, Start};

/// The participants cell of the 21st Defence Consultative Group row.
const DCG_ROW: &str = "Asif Yasin Malik; James Miller";

/// Wide enough for the facet panel, the table up to its participants column, and the article.
fn app() -> Harness<'static, EntenteApp> {
    let mut harness = Harness::builder()
        .with_size([1800.0, 900.0])
        .build_eframe(|cc| EntenteApp::new(cc, Start::Samples));
    harness.run();
    harness
}

fn article_text(harness: &Harness<'_, EntenteApp>) -> String {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Article text")
        .value()
        .unwrap_or_default()
}

fn count_label(harness: &Harness<'_, EntenteApp>) -> String {
    harness
        .get_by_label_contains("engagements ·")
        .accesskit_node()
        .label()
        .or_else(|| harness.get_by_label_contains("engagements ·").value())
        .unwrap_or_default()
}

#[test]
fn typing_in_the_filter_shrinks_the_table() {
    let mut harness = app();
    let total = harness.state().state.rows.len();
    assert!(
        total >= 5,
        "the samples give several engagements, got {total}"
    );
    assert!(harness.query_by_label(DCG_ROW).is_some());

    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("asean");
    harness.run();

    let shown = harness.state().state.rows.len();
    assert!(shown > 0 && shown < total, "filter kept {shown} of {total}");
    assert!(
        count_label(&harness).starts_with(&format!("{shown} of {total}")),
        "{}",
        count_label(&harness)
    );
    // Rows of other articles are gone from the table.
    assert!(harness.query_by_label(DCG_ROW).is_none());
    for &i in &harness.state().state.rows {
        assert!(
            harness.state().state.dataset.engagements[i]
                .parties
                .iter()
                .any(|p| p.as_str() == "ASEAN")
        );
    }
}

#[test]
fn clicking_a_row_shows_its_article_with_evidence() {
    let mut harness = app();
    const HEADLINE: &str =
        "A year after Salala, Pakistan, US get defence cooperation back on track";
    assert!(
        harness
            .query_by_label_contains("Select an engagement")
            .is_some()
    );
    let in_table = harness.query_all_by_label(HEADLINE).count();
    harness.get_by_label(DCG_ROW).click();
    harness.run();

    let state = &harness.state().state;
    let selected = state.selected.expect("a row is selected");
    assert_eq!(
        state.dataset.engagements[selected].mechanism.as_deref(),
        Some("Defence Consultative Group")
    );
    // The source panel shows that article's headline and its text.
    assert_eq!(harness.query_all_by_label(HEADLINE).count(), in_table + 1);
    // The article is a read-only text field (so words can be selected in it).
    assert!(
        article_text(&harness)
            .contains("Defence Consultative Group (DCG) meeting held in Rawalpindi")
    );
    assert!(
        harness
            .query_by_label_contains("Select an engagement")
            .is_none()
    );
}

#[test]
fn arrow_keys_move_the_selection_down_the_visible_rows() {
    let mut harness = app();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let first = harness.state().state.rows[0];
    assert_eq!(harness.state().state.selected, Some(first));
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(
        harness.state().state.selected,
        Some(harness.state().state.rows[1])
    );
}

fn visible_kinds(harness: &Harness<'_, EntenteApp>) -> Vec<entente::model::Kind> {
    let state = &harness.state().state;
    state
        .rows
        .iter()
        .map(|&i| state.dataset.engagements[i].kind)
        .collect()
}

#[test]
fn sorting_by_a_column_header_orders_rows() {
    let mut harness = app();
    harness.get_by_label("Kind").click();
    harness.run();
    let kinds = visible_kinds(&harness);
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted);
    harness.get_by_label("Kind ^").click();
    harness.run();
    let kinds = visible_kinds(&harness);
    sorted.reverse();
    assert_eq!(kinds, sorted);
}

#[test]
fn rejecting_marks_unsaved_and_quitting_asks_first() {
    let mut harness = app();
    harness.get_by_label(DCG_ROW).click();
    harness.run();
    harness.get_by_label("Reject (R)").click();
    harness.run();
    assert!(harness.state().state.dirty);
    assert!(harness.state().state.title().starts_with("* "));
    // Rejected rows leave the table unless asked for.
    assert!(harness.query_by_label(DCG_ROW).is_none());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_none());
    assert!(harness.state().state.dirty, "cancel keeps the work");
}

fn select_dcg_row(harness: &mut Harness<'_, EntenteApp>) -> usize {
    harness.get_by_label(DCG_ROW).click();
    harness.run();
    harness.state().state.selected.expect("a row is selected")
}

fn type_into(harness: &mut Harness<'_, EntenteApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

/// Steps the window until the background job is over.
fn wait_for_job(harness: &mut Harness<'_, EntenteApp>) {
    common::step_until_idle(harness);
    // A window opens with the result; a new window and its grid take a few passes to size.
    harness.run_steps(6);
    harness.run();
}

#[test]
fn editing_a_field_in_the_editor_then_undo_and_redo() {
    let mut harness = app();
    let i = select_dcg_row(&mut harness);
    let before = harness.state().state.dataset.engagements[i].clone();
    assert!(harness.query_by_label("Edit record").is_none());
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().state.editor_open, "Enter opens the editor");
    assert!(harness.query_by_label("Edit record").is_some());

    type_into(&mut harness, "Round", "");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Round")
        .type_text("22");
    harness.run();
    // Typing is a draft; the record changes when the field is left.
    assert_eq!(
        harness.state().state.dataset.engagements[i].round,
        before.round
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    let e = &harness.state().state.dataset.engagements[i];
    assert_eq!(e.round, Some(22));
    assert_eq!(
        e.review,
        entente::model::Review::Edited,
        "editing marks edited"
    );
    assert!(harness.state().state.dirty);

    // The Edit menu names what Undo would undo, with its shortcut.
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(harness.query_by_label_contains("Undo edit round").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state.dataset.engagements[i], before);
    assert!(
        !harness.state().state.dirty,
        "undone back to the opened state"
    );
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Round")
            .value()
            .unwrap_or_default(),
        before.round.map(|r| r.to_string()).unwrap_or_default(),
        "the field shows the undone value"
    );

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::Z,
    );
    harness.run();
    let e = &harness.state().state.dataset.engagements[i];
    assert_eq!(e.round, Some(22));
    assert_eq!(e.review, entente::model::Review::Edited);
    assert!(harness.state().state.dirty);
}

#[test]
fn the_review_keys_set_review_and_rejected_rows_hide_until_shown() {
    let mut harness = app();
    let i = select_dcg_row(&mut harness);
    harness.key_press(egui::Key::V);
    harness.run();
    let e = &harness.state().state.dataset.engagements[i];
    assert_eq!(e.review, entente::model::Review::Verified);
    assert_eq!(e.confidence, 1.0, "verified means confidence 1.0");
    harness.key_press(egui::Key::E);
    harness.run();
    assert_eq!(
        harness.state().state.dataset.engagements[i].review,
        entente::model::Review::Edited
    );

    harness.key_press(egui::Key::R);
    harness.run();
    assert_eq!(
        harness.state().state.dataset.engagements[i].review,
        entente::model::Review::Rejected
    );
    assert!(!harness.state().state.rows.contains(&i));
    assert!(harness.query_by_label(DCG_ROW).is_none());

    harness.get_by_label("Show rejected").click();
    harness.run();
    assert!(harness.state().state.rows.contains(&i));
    assert!(harness.query_by_label(DCG_ROW).is_some(), "shown again");
    assert_eq!(
        harness.state().state.dataset.engagements.len(),
        harness.state().state.rows.len(),
        "nothing was deleted"
    );
}

#[test]
fn selected_words_of_the_article_become_a_new_analyst_record() {
    let mut harness = app();
    select_dcg_row(&mut harness);
    let n = harness.state().state.dataset.engagements.len();
    assert!(
        harness
            .get_by_label("New engagement from selection")
            .accesskit_node()
            .is_disabled(),
        "nothing to make a record from until words are selected"
    );

    // Select the first words of the article with the keyboard, as an analyst could.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Article text")
        .focus();
    harness.run();
    for _ in 0..9 {
        harness.key_press_modifiers(
            egui::Modifiers::CTRL.plus(egui::Modifiers::SHIFT),
            egui::Key::ArrowRight,
        );
        harness.run();
    }
    assert!(harness.query_by_label_contains("Selected: ").is_some());
    assert!(
        !harness
            .get_by_label("New engagement from selection")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_label("New engagement from selection")
        .click();
    harness.run();

    let state = &harness.state().state;
    assert_eq!(state.dataset.engagements.len(), n + 1);
    let new = state
        .selected_engagement()
        .expect("the new record is selected");
    assert_eq!(new.origin, entente::model::Origin::Analyst);
    let article = state
        .dataset
        .article(&new.article_ids[0])
        .expect("its article");
    let ev = &new.evidence[0];
    let words = &article.text[ev.start..ev.end];
    assert!(
        words.starts_with("A year after Salala, Pakistan, US"),
        "{words:?}"
    );
    let parties: Vec<&str> = new.parties.iter().map(|p| p.as_str()).collect();
    assert_eq!(parties, ["PAK", "USA"], "guessed from the selected words");
    assert!(state.editor_open, "the editor opens on the new record");
    assert!(state.dirty);

    // One undo takes it away again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state.dataset.engagements.len(), n);
    assert_eq!(harness.state().state.selected, None, "its row is gone");
}

#[test]
fn selected_words_attach_as_evidence_to_the_selected_record() {
    let mut harness = app();
    let i = select_dcg_row(&mut harness);
    let before = harness.state().state.dataset.engagements[i].evidence.len();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Article text")
        .focus();
    harness.run();
    for _ in 0..3 {
        harness.key_press_modifiers(
            egui::Modifiers::CTRL.plus(egui::Modifiers::SHIFT),
            egui::Key::ArrowRight,
        );
        harness.run();
    }
    harness.get_by_label("Attach as evidence").click();
    harness.run();
    let e = &harness.state().state.dataset.engagements[i];
    assert_eq!(e.evidence.len(), before + 1);
    let ev = e.evidence.last().expect("the new evidence");
    assert_eq!((ev.start, &*ev.field), (0, "kind"));
}

#[test]
fn merging_two_records_through_the_editor() {
    let mut harness = app();
    let rows = harness.state().state.rows.clone();
    let (a, b) = (rows[0], rows[1]);
    harness
        .state_mut()
        .state
        .apply(entente::app::Command::Select(Some(a)));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    // The merge section is at the foot of the editor.
    harness.get_by_label("Mark for merge").scroll_to_me();
    harness.run();
    harness.get_by_label("Mark for merge").click();
    harness.run();
    harness
        .state_mut()
        .state
        .apply(entente::app::Command::Select(Some(b)));
    harness.run();
    harness
        .get_by_label("Merge marked record into this")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label("Merge marked record into this")
        .click();
    harness.run();
    let state = &harness.state().state;
    let (ea, eb) = (&state.dataset.engagements[a], &state.dataset.engagements[b]);
    assert_eq!(ea.review, entente::model::Review::Rejected);
    assert!(ea.notes.contains(&eb.id));
    for ev in &ea.evidence {
        assert!(eb.evidence.contains(ev));
    }
    assert!(state.merge_mark.is_none());
}

#[test]
fn opening_or_reextracting_with_unsaved_changes_asks_first() {
    let mut harness = app();
    select_dcg_row(&mut harness);
    harness.key_press(egui::Key::R);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_some());
    assert!(
        harness
            .query_by_label_contains("before opening another file")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run();

    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label("Re-extract (keeps your records)")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("before re-extracting")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().state.job.is_none(), "cancel does nothing");
}

#[test]
fn reextracting_keeps_the_analysts_records_and_reports_what_changed() {
    let mut harness = app();
    let i = select_dcg_row(&mut harness);
    harness.key_press(egui::Key::R);
    harness.run();
    let rejected = harness.state().state.dataset.engagements[i].clone();
    let n = harness.state().state.dataset.engagements.len();
    // Saved, so re-extraction does not ask.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("coded.entente.json");
    harness
        .state_mut()
        .state
        .apply(entente::app::Command::SaveTo(path));
    harness.run();
    assert!(!harness.state().state.dirty);

    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label("Re-extract (keeps your records)")
        .click();
    // One step: the job may end within a run, and its report window takes several to size.
    harness.step();
    wait_for_job(&mut harness);

    let state = &harness.state().state;
    assert!(state.dataset.engagements.contains(&rejected));
    assert_eq!(state.dataset.engagements.len(), n);
    let report = state.rebase_report.expect("a report");
    assert_eq!((report.added, report.removed, report.kept), (0, 0, 1));
    assert!(harness.query_by_label("Re-extraction").is_some());
    assert!(
        harness
            .query_by_label_contains("Last re-extraction: 0 added, 0 removed, 1 kept")
            .is_some()
    );
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    use entente::app::Recovery;
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery = Recovery::in_dir(dir.path().to_path_buf());
    let mut harness = Harness::builder()
        .with_size([1800.0, 900.0])
        .build_eframe(|cc| EntenteApp::with_recovery(cc, Start::Samples, Some(recovery.clone())));
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work?").is_none());
    harness.state_mut().state.autosave_interval = std::time::Duration::ZERO;
    let i = select_dcg_row(&mut harness);
    harness.key_press(egui::Key::R);
    harness.run();
    // The autosave runs on a background thread.
    let start = std::time::Instant::now();
    while recovery.find().is_none() {
        assert!(
            start.elapsed().as_secs() < 30,
            "no recovery file was written"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    let worked_on = harness.state().state.dataset.engagements[i].clone();
    // The process "crashes": the harness is dropped without saving or quitting.
    drop(harness);

    let mut harness = Harness::builder()
        .with_size([1800.0, 900.0])
        .build_eframe(|cc| EntenteApp::with_recovery(cc, Start::Samples, Some(recovery.clone())));
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work?").is_some());
    harness.get_by_label("Restore").click();
    harness.run();
    let state = &harness.state().state;
    assert!(state.dataset.engagements.contains(&worked_on));
    assert!(state.dirty, "restored work is still unsaved");
    assert!(harness.query_by_label("Recover unsaved work?").is_none());

    // Saving removes the recovery file; the next start offers nothing.
    let path = dir.path().join("saved.entente.json");
    harness
        .state_mut()
        .state
        .apply(entente::app::Command::SaveTo(path));
    harness.run();
    assert!(recovery.find().is_none());
}

#[test]
fn discarding_the_recovered_work_deletes_it() {
    use entente::app::Recovery;
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery = Recovery::in_dir(dir.path().to_path_buf());
    let state = entente::app::AppState::with_samples();
    recovery
        .write_now(&state.dataset, "Sample corpus", None)
        .expect("written");
    let mut harness = Harness::builder()
        .with_size([1800.0, 900.0])
        .build_eframe(|cc| EntenteApp::with_recovery(cc, Start::Empty, Some(recovery.clone())));
    harness.run();
    assert!(harness.query_by_label_contains("Sample corpus").is_some());
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(recovery.find().is_none());
    assert!(harness.state().state.dataset.engagements.is_empty());
}

#[test]
fn leaving_a_field_for_another_commits_what_was_typed() {
    let mut harness = app();
    let i = select_dcg_row(&mut harness);
    harness.key_press(egui::Key::Enter);
    harness.run();
    type_into(&mut harness, "Tags", "check date");
    assert!(harness.state().state.dataset.engagements[i].tags.is_empty());
    // Straight into a field drawn above it.
    harness
        .get_by_role_and_label(Role::TextInput, "Forum")
        .focus();
    harness.run();
    harness.run();
    let e = &harness.state().state.dataset.engagements[i];
    assert_eq!(e.tags, ["check date"]);
    assert_eq!(
        e.review,
        entente::model::Review::Unreviewed,
        "tags annotate"
    );
}

#[test]
fn an_article_with_characters_the_font_lacks_still_shows_and_selects() {
    // The ASEAN sample has non-breaking hyphens (U+2011), which egui's default font lacks.
    let mut harness = app();
    let state = &harness.state().state;
    let i = state
        .rows
        .iter()
        .copied()
        .find(|&i| {
            state.dataset.engagements[i]
                .parties
                .iter()
                .any(|p| p.as_str() == "ASEAN")
        })
        .expect("an ASEAN row");
    harness
        .state_mut()
        .state
        .apply(entente::app::Command::Select(Some(i)));
    harness.run();
    let text = article_text(&harness);
    assert!(
        text.contains("Asia\u{2011}Pacific"),
        "the text itself is unchanged"
    );
}
