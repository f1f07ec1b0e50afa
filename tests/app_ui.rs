//! The window driven through its accessibility tree, as an analyst would use it.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use entente::app::{EntenteApp, Start};

/// The participants cell of the 21st Defence Consultative Group row.
const DCG_ROW: &str = "Asif Yasin Malik; James Miller";

fn app() -> Harness<'static, EntenteApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
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
