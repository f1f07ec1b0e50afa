//! The facet panel: tick values of parties, partners, kinds, statuses, review states and
//! topics, with how many rows each would give; date range and confidence threshold.

use crate::app::{AppState, Command};
use crate::model::PartyCode;
use crate::query::PartyMatch;

/// Parties listed before "Show all".
const FEW_PARTIES: usize = 12;

fn count_label(name: &str, n: usize) -> String {
    format!("{name} ({n})")
}

/// The facet panel.
pub fn facets_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::ScrollArea::vertical()
        .id_salt("facets-scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.heading("Facets");
            ui.weak("Counts are of the rows each value would show.");
            ui.add_space(4.0);
            parties_ui(ui, state, commands);
            partners_ui(ui, state, commands);
            let f = &state.filter;
            let c = &state.counts;
            egui::CollapsingHeader::new("Kinds")
                .default_open(true)
                .show(ui, |ui| {
                    for &(kind, n) in &c.kinds {
                        let name = kind.as_str().replace('_', " ");
                        tick_ui(ui, f.kinds.contains(&kind), &name, n, || {
                            commands.push(Command::ToggleKind(kind))
                        });
                    }
                });
            egui::CollapsingHeader::new("Statuses")
                .default_open(false)
                .show(ui, |ui| {
                    for &(status, n) in &c.statuses {
                        tick_ui(ui, f.statuses.contains(&status), status.as_str(), n, || {
                            commands.push(Command::ToggleStatus(status))
                        });
                    }
                });
            egui::CollapsingHeader::new("Review states")
                .default_open(false)
                .show(ui, |ui| {
                    for &(review, n) in &c.reviews {
                        tick_ui(ui, f.reviews.contains(&review), review.as_str(), n, || {
                            commands.push(Command::ToggleReview(review))
                        });
                    }
                    if f.reviews.is_empty() {
                        ui.weak("None ticked: rejected records follow \"Show rejected\".");
                    }
                });
            egui::CollapsingHeader::new("Topics")
                .default_open(false)
                .show(ui, |ui| {
                    for (topic, n) in &c.topics {
                        tick_ui(ui, f.topics.contains(topic), topic, *n, || {
                            commands.push(Command::ToggleTopic(topic.clone()))
                        });
                    }
                    for topic in f
                        .topics
                        .iter()
                        .filter(|t| !c.topics.iter().any(|x| x.0 == **t))
                    {
                        tick_ui(ui, true, topic, 0, || {
                            commands.push(Command::ToggleTopic(topic.clone()))
                        });
                    }
                });
            egui::CollapsingHeader::new("Date range")
                .default_open(true)
                .show(ui, |ui| dates_ui(ui, state, commands));
            egui::CollapsingHeader::new("Confidence")
                .default_open(false)
                .show(ui, |ui| confidence_ui(ui, state, commands));
        });
}

fn tick_ui(ui: &mut egui::Ui, ticked: bool, name: &str, n: usize, on_change: impl FnOnce()) {
    let mut on = ticked;
    let label = count_label(name, n);
    let text = if n == 0 && !ticked {
        egui::RichText::new(label).weak()
    } else {
        egui::RichText::new(label)
    };
    if ui.checkbox(&mut on, text).changed() {
        on_change();
    }
}

fn parties_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let f = &state.filter;
    egui::CollapsingHeader::new("Parties involved")
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                for (how, label) in [(PartyMatch::Any, "any of"), (PartyMatch::All, "all of")] {
                    if ui
                        .selectable_label(f.party_match == how, label)
                        .on_hover_text("How ticked parties combine")
                        .clicked()
                        && f.party_match != how
                    {
                        commands.push(Command::SetPartyMatch(how));
                    }
                }
            });
            let id = egui::Id::unique("party-search");
            let mut search: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
            let label = ui.label("Find party");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut search)
                        .hint_text("code, e.g. PAK")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if response.changed() {
                ui.data_mut(|d| d.insert_temp(id, search.clone()));
            }
            let all_id = egui::Id::unique("party-all");
            let show_all: bool = ui.data(|d| d.get_temp(all_id)).unwrap_or(false);
            let needle = search.trim().to_uppercase();
            let mut listed: Vec<(PartyCode, usize)> = state
                .counts
                .parties
                .iter()
                .copied()
                .filter(|(p, _)| needle.is_empty() || p.as_str().contains(&needle))
                .collect();
            // Ticked parties stay in the list, even with no rows left.
            for p in &f.parties {
                if !listed.iter().any(|(x, _)| x == p) {
                    listed.push((*p, 0));
                }
            }
            let total = listed.len();
            if !show_all && needle.is_empty() {
                let mut kept: Vec<(PartyCode, usize)> = listed
                    .iter()
                    .copied()
                    .filter(|(p, _)| f.parties.contains(p))
                    .collect();
                kept.extend(
                    listed
                        .iter()
                        .copied()
                        .filter(|(p, _)| !f.parties.contains(p))
                        .take(FEW_PARTIES.saturating_sub(kept.len())),
                );
                listed = kept;
            }
            for (p, n) in &listed {
                let p = *p;
                tick_ui(ui, f.parties.contains(&p), p.as_str(), *n, || {
                    commands.push(Command::ToggleParty(p))
                });
            }
            if needle.is_empty() && total > FEW_PARTIES {
                let text = if show_all {
                    "Show fewer parties".to_string()
                } else {
                    format!("Show all {total} parties")
                };
                if ui.link(text).clicked() {
                    ui.data_mut(|d| d.insert_temp(all_id, !show_all));
                }
            }
        });
}

fn partners_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let f = &state.filter;
    egui::CollapsingHeader::new("Partners of a state")
        .default_open(true)
        .show(ui, |ui| {
            let chosen = f.partner_of.map(|p| p.to_string());
            let label = ui.label("State");
            egui::ComboBox::from_id_salt("partner-of")
                .selected_text(chosen.as_deref().unwrap_or("choose a state"))
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(f.partner_of.is_none(), "none")
                        .clicked()
                    {
                        commands.push(Command::SetPartnerOf(None));
                    }
                    for (p, n) in state
                        .counts
                        .parties
                        .iter()
                        .filter(|(p, _)| !p.is_organisation())
                    {
                        if ui
                            .selectable_label(f.partner_of == Some(*p), count_label(p.as_str(), *n))
                            .clicked()
                        {
                            commands.push(Command::SetPartnerOf(Some(*p)));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            let Some(focus) = f.partner_of else {
                ui.weak("Choose a state to see whom it engages with.");
                return;
            };
            if state.counts.partners.is_empty() && f.partners.is_empty() {
                ui.weak(format!("No partners of {focus} among these rows."));
            }
            let mut listed = state.counts.partners.clone();
            for p in &f.partners {
                if !listed.iter().any(|(x, _)| x == p) {
                    listed.push((*p, 0));
                }
            }
            for (p, n) in listed.iter().take(24) {
                let p = *p;
                tick_ui(
                    ui,
                    f.partners.contains(&p),
                    &format!("with {p}"),
                    *n,
                    || commands.push(Command::TogglePartner(p)),
                );
            }
        });
}

fn parse_day(text: &str, end: bool) -> Option<chrono::NaiveDate> {
    let value = crate::model::DateValue::parse(text.trim())?;
    let first = value.first_day()?;
    if !end {
        return Some(first);
    }
    // The last day of a year or month typed as the end of a range.
    match value {
        crate::model::DateValue::Day(d) => Some(d),
        crate::model::DateValue::Month(y, m) => {
            let next = if m == 12 {
                chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            next.and_then(|d| d.pred_opt())
        }
        crate::model::DateValue::Year(y) => chrono::NaiveDate::from_ymd_opt(y, 12, 31),
    }
}

fn dates_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let f = &state.filter;
    if let Some((first, last)) = state.counts.date_span {
        ui.weak(format!("Rows span {first} to {last}."));
    }
    for (end, name) in [(false, "From"), (true, "To")] {
        let current = if end { f.date_to } else { f.date_from };
        let id = egui::Id::unique(("date-draft", end));
        let mut text: String = ui
            .data(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| current.map(|d| d.to_string()).unwrap_or_default());
        ui.horizontal(|ui| {
            let label = ui.label(name);
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .hint_text("YYYY, YYYY-MM or YYYY-MM-DD")
                        .desired_width(130.0),
                )
                .labelled_by(label.id);
            if response.changed() {
                ui.data_mut(|d| d.insert_temp(id, text.clone()));
            }
            if response.lost_focus() {
                ui.data_mut(|d| d.remove::<String>(id));
                let day = if text.trim().is_empty() {
                    None
                } else {
                    parse_day(&text, end).or(current)
                };
                if day != current {
                    let (from, to) = if end {
                        (f.date_from, day)
                    } else {
                        (day, f.date_to)
                    };
                    commands.push(Command::SetDateRange(from, to));
                }
            }
        });
    }
}

fn confidence_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut value = state.filter.min_confidence.unwrap_or(0.0);
    let response = ui.add(
        egui::Slider::new(&mut value, 0.0..=1.0)
            .step_by(0.05)
            .text("at least"),
    );
    if response.changed() {
        commands.push(Command::SetMinConfidence((value > 0.0).then_some(value)));
    }
    if state.counts.below_confidence > 0 {
        ui.weak(format!(
            "{} rows fall below the threshold.",
            state.counts.below_confidence
        ));
    }
}
