//! Exploring the samples through the facets, the chips and the views, as an analyst would:
//! by the accessible names of checkboxes, chips, bars and cells.

mod common;

use common::MemoryStorage;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::{Command, EntenteApp, LAYOUT_KEY, Start, View};
use entente::model::{Kind, PartyCode};
use entente::query::Column;

fn app() -> Harness<'static, EntenteApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| EntenteApp::new(cc, Start::Samples));
    harness.run();
    harness
}

fn code(p: &str) -> PartyCode {
    PartyCode::parse(p).expect("a party code")
}

fn party_count(harness: &Harness<'_, EntenteApp>, p: &str) -> usize {
    harness
        .state()
        .state
        .counts
        .parties
        .iter()
        .find(|(x, _)| x.as_str() == p)
        .map_or(0, |x| x.1)
}

fn kind_count(harness: &Harness<'_, EntenteApp>, kind: Kind) -> usize {
    harness
        .state()
        .state
        .counts
        .kinds
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(0, |x| x.1)
}

#[test]
fn ticking_a_party_shrinks_the_table_updates_counts_and_its_chip_removes_it() {
    let mut harness = app();
    let total = harness.state().state.rows.len();
    let jpn = party_count(&harness, "JPN");
    let dialogues = kind_count(&harness, Kind::Dialogue);
    assert!(jpn > 0 && jpn < total, "JPN has {jpn} of {total}");
    assert!(harness.query_by_label("Showing:").is_none(), "no chips yet");

    harness.get_by_label(&format!("JPN ({jpn})")).click();
    harness.run();

    let state = &harness.state().state;
    assert_eq!(state.rows.len(), jpn);
    assert!(
        state
            .rows
            .iter()
            .all(|&i| state.dataset.engagements[i].parties.contains(&code("JPN")))
    );
    // The kind counts now count JPN rows only, and say so on their checkboxes.
    let jpn_dialogues = state
        .rows
        .iter()
        .filter(|&&i| state.dataset.engagements[i].kind == Kind::Dialogue)
        .count();
    assert!(jpn_dialogues < dialogues);
    assert_eq!(kind_count(&harness, Kind::Dialogue), jpn_dialogues);
    assert!(
        harness
            .query_by_label(&format!("dialogue ({jpn_dialogues})"))
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(&format!("{jpn} of {total} engagements"))
            .is_some()
    );

    // The chip names the party; removing it brings every row back.
    harness.get_by_label("party: JPN  x").click();
    harness.run();
    assert_eq!(harness.state().state.rows.len(), total);
    assert!(harness.query_by_label("party: JPN  x").is_none());
    assert!(
        harness
            .query_by_label(&format!("dialogue ({dialogues})"))
            .is_some()
    );
}

#[test]
fn all_of_two_parties_and_clear_all() {
    let mut harness = app();
    let total = harness.state().state.rows.len();
    let pak = party_count(&harness, "PAK");
    harness.get_by_label(&format!("PAK ({pak})")).click();
    harness.run();
    let usa = party_count(&harness, "USA");
    harness.get_by_label(&format!("USA ({usa})")).click();
    harness.run();
    let any = harness.state().state.rows.len();
    harness.get_by_label("all of").click();
    harness.run();
    let state = &harness.state().state;
    let both = state.rows.len();
    assert!(both > 0 && both < any, "all of {both}, any of {any}");
    for &i in &state.rows {
        let parties = &state.dataset.engagements[i].parties;
        assert!(parties.contains(&code("PAK")) && parties.contains(&code("USA")));
    }
    assert!(harness.query_by_label("party (all of): USA  x").is_some());
    harness.get_by_label("Clear all").click();
    harness.run();
    assert_eq!(harness.state().state.rows.len(), total);
    assert!(harness.state().state.filter.parties.is_empty());
}

#[test]
fn clicking_a_timeline_bar_shows_its_year_and_again_shows_all() {
    let mut harness = app();
    let total = harness.state().state.rows.len();
    let timeline = harness.state().state.timeline.clone();
    let b = timeline
        .buckets
        .iter()
        .position(|b| b.label == "2019")
        .expect("a 2019 bar");
    let n = timeline.total(b);
    assert!(n > 0 && n < total);

    harness
        .get_by_label(&format!("2019: {n} engagements"))
        .click();
    harness.run();

    let state = &harness.state().state;
    assert_eq!(state.rows.len(), n);
    for &i in &state.rows {
        let start = state.dataset.engagements[i].date.start.expect("dated");
        assert_eq!(start.year(), 2019);
    }
    assert!(
        harness
            .query_by_label("dates: 2019-01-01 to 2019-12-31  x")
            .is_some()
    );
    // The other years stay on the chart, one click away.
    assert!(harness.query_by_label_contains("2023: ").is_some());

    harness
        .get_by_label(&format!("2019: {n} engagements"))
        .click();
    harness.run();
    assert_eq!(harness.state().state.rows.len(), total);
}

#[test]
fn clicking_a_state_then_a_partner_cell_in_the_partner_view() {
    let mut harness = app();
    harness.get_by_label("Partner view").click();
    harness.run();
    assert_eq!(harness.state().state.layout.view, View::Partners);
    let m = harness.state().state.matrix.clone();
    let usa = m
        .parties
        .iter()
        .position(|p| p.as_str() == "USA")
        .expect("USA");

    // A state's name shows its engagements and lists its partners in the facets.
    harness
        .get_by_label(&format!("USA: {} engagements", m.totals[usa]))
        .click();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.filter.partner_of, Some(code("USA")));
    assert_eq!(state.rows.len(), m.totals[usa]);
    let with_pak = state
        .counts
        .partners
        .iter()
        .find(|(p, _)| p.as_str() == "PAK")
        .map(|x| x.1)
        .expect("PAK is a partner of USA");
    assert!(
        harness
            .query_by_label(&format!("with PAK ({with_pak})"))
            .is_some()
    );

    // A cell shows that pair only.
    let m = harness.state().state.matrix.clone();
    let (a, b) = (
        m.parties
            .iter()
            .position(|p| p.as_str() == "PAK")
            .expect("PAK"),
        m.parties
            .iter()
            .position(|p| p.as_str() == "USA")
            .expect("USA"),
    );
    let n = m.get(a, b);
    assert_eq!(n, with_pak);
    harness
        .get_by_label(&format!("PAK with USA: {n} engagements"))
        .click();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.filter.partner_of, Some(code("PAK")));
    assert_eq!(state.filter.partners, vec![code("USA")]);
    assert_eq!(state.rows.len(), n);
    assert!(harness.query_by_label("partner: USA  x").is_some());
}

#[test]
fn hidden_columns_sort_and_views_are_remembered_apart_from_the_data() {
    let mut harness = app();
    assert!(harness.query_by_label("Round").is_some());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Columns").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Round")
        .click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("Round").is_none(),
        "the column is hidden"
    );
    harness.get_by_label("Kind").click();
    harness.run();
    harness
        .state_mut()
        .state
        .apply(Command::SetView(View::Partners));
    // A filter is data of the session, not layout: it is not remembered.
    harness
        .state_mut()
        .state
        .apply(Command::ToggleKind(Kind::Visit));
    harness.run();

    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    assert!(storage.0.contains_key(LAYOUT_KEY));
    drop(harness);

    let mut harness = app();
    harness.state_mut().restore_layout(&storage);
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.layout.hidden_columns, vec![Column::Round]);
    assert_eq!(state.sort.map(|k| k.column), Some(Column::Kind));
    assert_eq!(state.layout.view, View::Partners);
    assert!(state.filter.kinds.is_empty());
    assert!(harness.query_by_label("Round").is_none());
    assert!(harness.query_by_label("Kind ^").is_some());
}
