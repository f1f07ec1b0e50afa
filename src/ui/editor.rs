//! The editor of the selected engagement: every field of DATASET.md. Each change is a
//! `Command::SetField` (one undoable edit); text fields commit when they lose focus or on
//! Enter, so one edit is one field's new value, not one keystroke.

use crate::annotate::FieldValue;
use crate::app::{AppState, Command};
use crate::extract::Lexicon;
use crate::model::{
    DateSpan, DateValue, Engagement, Evidence, Kind, Location, Participant, PartyCode, Precision,
    Review, Status, TOPICS,
};
use std::sync::Arc;

const PRECISIONS: [Precision; 5] = [
    Precision::Day,
    Precision::Week,
    Precision::Month,
    Precision::Year,
    Precision::Unknown,
];

/// The editor panel.
pub fn editor_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Edit record");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close editor").clicked() {
                commands.push(Command::OpenEditor(false));
            }
        });
    });
    let Some(e) = state.selected_engagement() else {
        ui.weak("Select an engagement to edit it.");
        return;
    };
    ui.weak(format!(
        "{} · made by {} · confidence {:.2}",
        e.id,
        match e.origin {
            crate::model::Origin::Analyst => "the analyst",
            crate::model::Origin::Extracted => "the extractor",
        },
        e.confidence
    ));
    ui.horizontal(|ui| {
        ui.label("Review");
        for review in Review::ALL {
            if ui
                .selectable_label(e.review == review, review.as_str())
                .clicked()
                && e.review != review
            {
                commands.push(Command::SetReview(review));
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("editor-scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            fields_ui(ui, e, commands);
            ui.separator();
            participants_ui(ui, e, commands);
            ui.separator();
            topics_ui(ui, e, commands);
            ui.separator();
            evidence_ui(ui, state, e, commands);
            ui.separator();
            merge_ui(ui, state, commands);
        });
}

fn set(commands: &mut Vec<Command>, value: FieldValue) {
    commands.push(Command::SetField(value));
}

fn fields_ui(ui: &mut egui::Ui, e: &Engagement, commands: &mut Vec<Command>) {
    egui::Grid::new("editor-fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .min_col_width(70.0)
        .show(ui, |ui| {
            ui.label("Parties");
            parties_ui(ui, e, commands);
            ui.end_row();

            let label = ui.label("Kind");
            let mut kind = e.kind;
            egui::ComboBox::from_id_salt("edit-kind")
                .selected_text(kind.as_str().replace('_', " "))
                .show_ui(ui, |ui| {
                    for k in Kind::ALL {
                        ui.selectable_value(&mut kind, k, k.as_str().replace('_', " "));
                    }
                })
                .response
                .labelled_by(label.id);
            if kind != e.kind {
                set(commands, FieldValue::Kind(kind));
            }
            ui.end_row();

            let label = ui.label("Status");
            let mut status = e.status;
            egui::ComboBox::from_id_salt("edit-status")
                .selected_text(status.as_str())
                .show_ui(ui, |ui| {
                    for s in Status::ALL {
                        ui.selectable_value(&mut status, s, s.as_str());
                    }
                })
                .response
                .labelled_by(label.id);
            if status != e.status {
                set(commands, FieldValue::Status(status));
            }
            ui.end_row();

            date_ui(ui, e, commands);

            if let Some(text) = text_row(ui, e, "Round", "round", &opt_num(e.round), false) {
                match text.trim() {
                    "" => set(commands, FieldValue::Round(None)),
                    t => match t.parse::<u32>() {
                        Ok(n) => set(commands, FieldValue::Round(Some(n))),
                        Err(_) => notify(commands, format!("Round: '{t}' is not a number.")),
                    },
                }
            }
            if let Some(text) = text_row(
                ui,
                e,
                "Forum",
                "mechanism",
                e.mechanism.as_deref().unwrap_or(""),
                false,
            ) {
                set(commands, FieldValue::Mechanism(Some(text.into())));
            }
            if let Some(text) = text_row(
                ui,
                e,
                "Title",
                "title",
                e.title.as_deref().unwrap_or(""),
                false,
            ) {
                set(commands, FieldValue::Title(Some(text.into())));
            }
            if let Some(text) = text_row(
                ui,
                e,
                "Place",
                "place",
                e.location.place.as_deref().unwrap_or(""),
                false,
            ) {
                set(
                    commands,
                    FieldValue::Location(Location {
                        place: Some(text.into()),
                        country: e.location.country,
                    }),
                );
            }

            ui.label("Country");
            let country_label = e.location.country.map_or("none".to_string(), party_name);
            ui.horizontal(|ui| {
                if let Some(choice) = party_picker_ui(ui, &country_label, "edit-country", &[], true)
                {
                    set(
                        commands,
                        FieldValue::Location(Location {
                            place: e.location.place.clone(),
                            country: choice,
                        }),
                    );
                }
            });
            ui.end_row();

            if let Some(text) = text_row(ui, e, "Tags", "tags", &e.tags.join(", "), false) {
                let tags = text.split(',').map(|t| t.trim().to_string()).collect();
                set(commands, FieldValue::Tags(tags));
            }
            if let Some(text) = text_row(ui, e, "Notes", "notes", &e.notes, true) {
                set(commands, FieldValue::Notes(text));
            }
        });
}

fn notify(commands: &mut Vec<Command>, text: String) {
    commands.push(Command::Notify { text, error: true });
}

fn opt_num(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn party_name(code: PartyCode) -> String {
    format!("{} ({code})", Lexicon::builtin().name_of(code))
}

fn date_ui(ui: &mut egui::Ui, e: &Engagement, commands: &mut Vec<Command>) {
    let date = &e.date;
    let with = |f: &dyn Fn(&mut DateSpan)| {
        let mut d = date.clone();
        f(&mut d);
        FieldValue::Date(d)
    };
    let value_text = |v: Option<DateValue>| v.map(|v| v.to_string()).unwrap_or_default();
    for (label, key, current, is_start) in [
        ("Date from", "date-start", date.start, true),
        ("Date to", "date-end", date.end, false),
    ] {
        if let Some(text) = text_row(ui, e, label, key, &value_text(current), false) {
            let text = text.trim();
            let parsed = if text.is_empty() {
                Some(None)
            } else {
                DateValue::parse(text).map(Some)
            };
            match parsed {
                Some(value) => set(
                    commands,
                    with(&|d: &mut DateSpan| {
                        if is_start {
                            d.start = value;
                            // The form of the date says how exact it is; a week stays a week.
                            d.precision = match value {
                                None => Precision::Unknown,
                                Some(DateValue::Year(_)) => Precision::Year,
                                Some(DateValue::Month(..)) => Precision::Month,
                                Some(DateValue::Day(_)) if d.precision == Precision::Week => {
                                    Precision::Week
                                }
                                Some(DateValue::Day(_)) => Precision::Day,
                            };
                        } else {
                            d.end = value;
                        }
                    }),
                ),
                None => notify(
                    commands,
                    format!("{label}: '{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)."),
                ),
            }
        }
    }
    let label = ui.label("Precision");
    let mut precision = date.precision;
    egui::ComboBox::from_id_salt("edit-precision")
        .selected_text(precision.as_str())
        .show_ui(ui, |ui| {
            for p in PRECISIONS {
                ui.selectable_value(&mut precision, p, p.as_str());
            }
        })
        .response
        .labelled_by(label.id);
    if precision != date.precision {
        set(commands, with(&|d: &mut DateSpan| d.precision = precision));
    }
    ui.end_row();
    if let Some(text) = text_row(
        ui,
        e,
        "Date words",
        "date-text",
        date.text.as_deref().unwrap_or(""),
        false,
    ) {
        let text: Arc<str> = text.trim().into();
        set(
            commands,
            with(&|d: &mut DateSpan| d.text = (!text.is_empty()).then(|| text.clone())),
        );
    }
}

/// A labelled text field in the grid whose draft lives in egui's memory while it has focus;
/// returns the new text when the analyst leaves the field (or presses Enter) with a change.
fn text_row(
    ui: &mut egui::Ui,
    e: &Engagement,
    label: &str,
    key: &str,
    current: &str,
    multiline: bool,
) -> Option<String> {
    let label = ui.label(label);
    let committed = text_field(
        ui,
        egui::Id::unique(("edit", &e.id, key)),
        current,
        multiline,
        label.id,
    );
    ui.end_row();
    committed
}

/// What the analyst has typed into a field and not yet committed, and the pass it was last
/// drawn in (a draft of a field that was not drawn on the previous pass is stale).
#[derive(Clone)]
struct Draft {
    text: String,
    pass: u64,
}

fn text_field(
    ui: &mut egui::Ui,
    id: egui::Id,
    current: &str,
    multiline: bool,
    label: egui::Id,
) -> Option<String> {
    let draft_id = id.with("draft");
    let pass = ui.ctx().cumulative_pass_nr();
    let draft = ui
        .data(|d| d.get_temp::<Draft>(draft_id))
        .filter(|d| d.pass + 1 >= pass);
    let mut left_unseen = None;
    let draft = if ui.memory(|m| m.has_focus(id)) {
        draft
    } else {
        // Focus went elsewhere before this field could see it go (a field drawn earlier took
        // it): commit what was typed.
        ui.data_mut(|d| d.remove::<Draft>(draft_id));
        left_unseen = draft.map(|d| d.text).filter(|t| t != current);
        None
    };
    let mut text = draft.map_or_else(|| current.to_string(), |d| d.text);
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(edit.id(id).desired_width(f32::INFINITY))
        .labelled_by(label);
    if response.lost_focus() {
        ui.data_mut(|d| d.remove::<Draft>(draft_id));
        return left_unseen.or((text != current).then_some(text));
    }
    if response.has_focus() && text != current {
        ui.data_mut(|d| d.insert_temp(draft_id, Draft { text, pass }));
    }
    left_unseen
}

fn parties_ui(ui: &mut egui::Ui, e: &Engagement, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for p in &e.parties {
            if ui
                .button(format!("{p}  x"))
                .on_hover_text(format!("Remove {}", party_name(*p)))
                .clicked()
            {
                let rest = e.parties.iter().copied().filter(|q| q != p).collect();
                set(commands, FieldValue::Parties(rest));
            }
        }
        if let Some(Some(code)) =
            party_picker_ui(ui, "Add party...", "add-party", &e.parties, false)
        {
            let mut all = e.parties.clone();
            all.push(code);
            set(commands, FieldValue::Parties(all));
        }
    });
}

/// A button that opens a searchable list of states and organisations. Returns the choice:
/// `Some(None)` for "none" when `allow_none`.
fn party_picker_ui(
    ui: &mut egui::Ui,
    button: &str,
    salt: &str,
    exclude: &[PartyCode],
    allow_none: bool,
) -> Option<Option<PartyCode>> {
    let mut chosen = None;
    let search_id = egui::Id::unique(("party-search", salt));
    ui.menu_button(button, |ui| {
        let mut search = ui
            .data(|d| d.get_temp::<String>(search_id))
            .unwrap_or_default();
        let label = ui.label("Search parties");
        let response = ui
            .add(egui::TextEdit::singleline(&mut search).hint_text("name or code"))
            .labelled_by(label.id);
        if response.changed() {
            ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
        }
        response.request_focus();
        let needle = search.trim().to_lowercase();
        if allow_none && ui.button("none").clicked() {
            chosen = Some(None);
        }
        egui::ScrollArea::vertical()
            .max_height(280.0)
            .show(ui, |ui| {
                for (code, name) in Lexicon::builtin().parties() {
                    if exclude.contains(&code) || (allow_none && code.is_organisation()) {
                        continue;
                    }
                    if !needle.is_empty()
                        && !name.to_lowercase().contains(&needle)
                        && !code.as_str().to_lowercase().contains(&needle)
                    {
                        continue;
                    }
                    if ui.button(format!("{name} ({code})")).clicked() {
                        chosen = Some(Some(code));
                    }
                }
            });
        if chosen.is_some() {
            ui.data_mut(|d| d.remove::<String>(search_id));
            ui.close();
        }
    });
    chosen
}

fn participants_ui(ui: &mut egui::Ui, e: &Engagement, commands: &mut Vec<Command>) {
    ui.strong("Participants");
    let changed = |j: usize, f: &dyn Fn(&mut Participant)| {
        let mut all = e.participants.clone();
        if let Some(p) = all.get_mut(j) {
            f(p);
        }
        FieldValue::Participants(all)
    };
    for (j, p) in e.participants.iter().enumerate() {
        egui::Grid::new(("participant", j))
            .num_columns(2)
            .spacing([10.0, 4.0])
            .min_col_width(70.0)
            .show(ui, |ui| {
                let key = |k: &str| format!("participant-{j}-{k}");
                if let Some(t) = text_row(ui, e, "Name", &key("name"), &p.name, false) {
                    let t: Arc<str> = t.trim().into();
                    set(commands, changed(j, &|p| p.name = t.clone()));
                }
                let opt = |s: String| {
                    let s = s.trim();
                    (!s.is_empty()).then(|| Arc::<str>::from(s))
                };
                if let Some(t) = text_row(
                    ui,
                    e,
                    "Rank",
                    &key("rank"),
                    p.rank.as_deref().unwrap_or(""),
                    false,
                ) {
                    let v = opt(t);
                    set(commands, changed(j, &|p| p.rank = v.clone()));
                }
                if let Some(t) = text_row(
                    ui,
                    e,
                    "Office",
                    &key("title"),
                    p.title.as_deref().unwrap_or(""),
                    false,
                ) {
                    let v = opt(t);
                    set(commands, changed(j, &|p| p.title = v.clone()));
                }
                let label = ui.label("For");
                ui.horizontal(|ui| {
                    let mut party = p.party;
                    egui::ComboBox::from_id_salt(("participant-party", j))
                        .selected_text(party.map_or("unknown".into(), |c| c.to_string()))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut party, None, "unknown");
                            for c in &e.parties {
                                ui.selectable_value(&mut party, Some(*c), c.as_str());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if party != p.party {
                        set(commands, changed(j, &|p| p.party = party));
                    }
                    if ui.button("Remove participant").clicked() {
                        let mut all = e.participants.clone();
                        all.remove(j);
                        set(commands, FieldValue::Participants(all));
                    }
                });
                ui.end_row();
            });
        ui.add_space(4.0);
    }
    if ui.button("Add participant").clicked() {
        let mut all = e.participants.clone();
        all.push(Participant {
            name: "New participant".into(),
            ..Participant::default()
        });
        set(commands, FieldValue::Participants(all));
    }
}

fn topics_ui(ui: &mut egui::Ui, e: &Engagement, commands: &mut Vec<Command>) {
    ui.strong("Topics");
    egui::Grid::new("editor-topics")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (n, topic) in TOPICS.iter().enumerate() {
                let mut on = e.topics.iter().any(|t| &**t == *topic);
                if ui.checkbox(&mut on, *topic).changed() {
                    let topics = if on {
                        // Keep the vocabulary's order.
                        TOPICS
                            .iter()
                            .filter(|t| *t == topic || e.topics.iter().any(|x| &**x == **t))
                            .map(|t| Arc::from(*t))
                            .collect()
                    } else {
                        e.topics
                            .iter()
                            .filter(|t| &***t != *topic)
                            .cloned()
                            .collect()
                    };
                    set(commands, FieldValue::Topics(topics));
                }
                if n % 2 == 1 {
                    ui.end_row();
                }
            }
        });
}

fn evidence_ui(ui: &mut egui::Ui, state: &AppState, e: &Engagement, commands: &mut Vec<Command>) {
    ui.strong("Evidence");
    if e.evidence.is_empty() {
        ui.weak("None. Select words in the article and attach them.");
    }
    for (j, ev) in e.evidence.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this evidence")
                .clicked()
            {
                let rest: Vec<Evidence> = e
                    .evidence
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != j)
                    .map(|(_, x)| x.clone())
                    .collect();
                set(commands, FieldValue::Evidence(rest));
            }
            ui.weak(&*ev.field);
            let words = state
                .dataset
                .article(&ev.article_id)
                .and_then(|a| a.text.get(ev.start..ev.end))
                .unwrap_or("(not in the article)");
            let mut shown: String = words.chars().take(90).collect();
            if shown.len() < words.len() {
                shown.push_str("...");
            }
            ui.add(egui::Label::new(shown.replace('\n', " ")).truncate());
        });
    }
}

fn merge_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.strong("Merge");
    match state.merge_mark_index() {
        None => {
            ui.weak("The same act reported twice? Mark one record, select the other, merge.");
            if ui.button("Mark for merge").clicked() {
                commands.push(Command::MarkForMerge(true));
            }
        }
        Some(m) if Some(m) == state.selected => {
            ui.label("This record is marked. Select the record to merge it into.");
            if ui.button("Unmark").clicked() {
                commands.push(Command::MarkForMerge(false));
            }
        }
        Some(m) => {
            let marked = &state.dataset.engagements[m];
            ui.label(format!(
                "Marked: {} {} ({})",
                marked.kind.as_str().replace('_', " "),
                marked.parties_label(),
                marked.id
            ));
            ui.horizontal(|ui| {
                if ui.button("Merge marked record into this").clicked() {
                    commands.push(Command::MergeMarkedIntoSelected);
                }
                if ui.button("Unmark").clicked() {
                    commands.push(Command::MarkForMerge(false));
                }
            });
        }
    }
}
