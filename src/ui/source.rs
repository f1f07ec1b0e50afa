//! The source panel: the selected engagement's fields and its article, evidence highlighted.
//! Words selected in the article become a new record or evidence for the selected one.
//!
//! The article is a read-only multiline `TextEdit` rather than a selectable `Label`: egui 0.37
//! keeps a label's selection private (`LabelSelectionState` exposes only whether there is
//! one), while a `TextEdit`'s state gives the selected character range.

use crate::annotate::EVIDENCE_FIELDS;
use crate::app::{AppState, Command};
use crate::model::{Article, Engagement, Review};
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId};

/// The id of the article text widget (one at a time).
fn article_text_id() -> egui::Id {
    egui::Id::unique("entente-article-text")
}

/// Whether `id` is the article text: it takes focus to be selected but cannot be typed in.
pub fn is_article_text(id: egui::Id) -> bool {
    id == article_text_id()
}

/// The byte offset of the `char_index`th character of `text` (its length past the end).
pub fn byte_offset(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(b, _)| b)
}

/// The source panel.
pub fn source_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(e) = state
        .selected
        .and_then(|i| state.dataset.engagements.get(i))
    else {
        ui.add_space(8.0);
        ui.weak("Select an engagement to see its article and evidence.");
        return;
    };
    summary_ui(ui, state, e, commands);
    ui.separator();
    let article_id = chosen_article_ui(ui, e);
    match article_id.and_then(|id| state.dataset.article(id)) {
        Some(a) => article_ui(ui, state, e, a, commands),
        None => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The article of this engagement is not in the dataset.",
            );
        }
    }
}

/// For a record reported by several articles, a choice of which one to read.
fn chosen_article_ui<'e>(ui: &mut egui::Ui, e: &'e Engagement) -> Option<&'e str> {
    let n = e.article_ids.len();
    if n < 2 {
        return e.article_ids.first().map(|id| &**id);
    }
    let memory = egui::Id::unique(("chosen-article", &e.id));
    let mut chosen = ui
        .data(|d| d.get_temp::<usize>(memory))
        .unwrap_or(0)
        .min(n - 1);
    ui.horizontal(|ui| {
        ui.label(format!("Reported by {n} articles:"));
        for i in 0..n {
            if ui
                .selectable_label(chosen == i, format!("Article {}", i + 1))
                .clicked()
            {
                chosen = i;
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(memory, chosen));
    e.article_ids.get(chosen).map(|id| &**id)
}

fn summary_ui(ui: &mut egui::Ui, state: &AppState, e: &Engagement, commands: &mut Vec<Command>) {
    ui.add_space(4.0);
    ui.heading(format!(
        "{} · {}",
        e.kind.as_str().replace('_', " "),
        e.parties_label()
    ));
    egui::Grid::new("summary")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            let mut row = |label: &str, value: String| {
                if !value.is_empty() {
                    ui.weak(label);
                    ui.label(value);
                    ui.end_row();
                }
            };
            row("Status", e.status.to_string());
            row(
                "Date",
                match &e.date.basis {
                    Some(b) if e.date.start.is_some() => format!("{} ({b})", e.date.label()),
                    _ => e.date.label(),
                },
            );
            row("Forum", e.mechanism.as_deref().unwrap_or("").to_string());
            row("Round", e.round.map(|r| r.to_string()).unwrap_or_default());
            row("Title", e.title.as_deref().unwrap_or("").to_string());
            row("Location", crate::query::location_label(e));
            row(
                "Participants",
                e.participants
                    .iter()
                    .map(|p| {
                        let mut s = String::new();
                        if let Some(r) = &p.rank {
                            s.push_str(r);
                            s.push(' ');
                        }
                        s.push_str(&p.name);
                        if let Some(t) = &p.title {
                            s.push_str(&format!(", {t}"));
                        }
                        if let Some(c) = p.party {
                            s.push_str(&format!(" ({c})"));
                        }
                        s
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            row("Topics", e.topics.join(", "));
            row("Confidence", format!("{:.2}", e.confidence));
            row("Review", e.review.as_str().to_string());
        });
    ui.horizontal(|ui| {
        for (label, review) in [
            ("Verify (V)", Review::Verified),
            ("Reject (R)", Review::Rejected),
            ("Unreviewed (U)", Review::Unreviewed),
        ] {
            if ui
                .add_enabled(e.review != review, egui::Button::new(label))
                .clicked()
            {
                commands.push(Command::SetReview(review));
            }
        }
        if !state.editor_open && ui.button("Edit record (Enter)").clicked() {
            commands.push(Command::OpenEditor(true));
        }
    });
}

fn article_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    e: &Engagement,
    a: &Article,
    commands: &mut Vec<Command>,
) {
    ui.strong(a.title.as_deref().unwrap_or(a.file_name()));
    let mut meta = Vec::new();
    if let Some(o) = &a.outlet {
        meta.push(o.clone());
    }
    if let Some(p) = a.published {
        meta.push(p.to_string());
    }
    meta.push(a.file_name().to_string());
    ui.weak(meta.join(" · "));
    if state.dataset.stale_articles.contains(&a.id) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Warning: the text does not match its hash: evidence may point at the wrong words.",
        );
    }
    selection_bar_ui(ui, state, a, commands);
    let (job, first_evidence_char) = highlighted(ui, e, a);
    egui::ScrollArea::vertical()
        .id_salt(("source", &a.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            let mut layouter = |ui: &egui::Ui, _: &dyn egui::TextBuffer, width: f32| {
                let mut job = job.clone();
                job.wrap.max_width = width;
                ui.fonts_mut(|f| f.layout_job(job))
            };
            let mut text: &str = &a.text;
            let label = ui.label(egui::RichText::new("Article text").small().weak());
            let output = egui::TextEdit::multiline(&mut text)
                .id(article_text_id())
                .frame(egui::Frame::NONE)
                .cursor_at_end(false)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter)
                .show(ui);
            output.response.response.clone().labelled_by(label.id);
            if state.scroll_to_evidence
                && let Some(c) = first_evidence_char
            {
                let rect = output
                    .galley
                    .pos_from_cursor(CCursor::new(c))
                    .translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
        });
}

/// The selected words of the article as a byte range, if the selection belongs to `a`.
fn selected_range(ui: &egui::Ui, a: &Article) -> Option<(usize, usize)> {
    let owner = egui::Id::unique("entente-article-text-owner");
    let id = article_text_id();
    let mut state = egui::TextEdit::load_state(ui.ctx(), id)?;
    if ui.data(|d| d.get_temp::<String>(owner)).as_deref() != Some(a.id.as_str()) {
        // Another article's selection: forget it.
        state.cursor.set_char_range(None);
        state.store(ui.ctx(), id);
        ui.data_mut(|d| d.insert_temp(owner, a.id.clone()));
        return None;
    }
    let [first, last] = state.cursor.char_range()?.sorted_cursors();
    if first.index == last.index {
        return None;
    }
    Some((
        byte_offset(&a.text, first.index.0),
        byte_offset(&a.text, last.index.0),
    ))
}

/// What the selected words can become: a new record, or evidence for the selected one.
fn selection_bar_ui(ui: &mut egui::Ui, state: &AppState, a: &Article, commands: &mut Vec<Command>) {
    let owner = egui::Id::unique("entente-article-text-owner");
    if ui.data(|d| d.get_temp::<String>(owner)).is_none() {
        ui.data_mut(|d| d.insert_temp(owner, a.id.clone()));
    }
    // The bar keeps its height whether or not words are selected: if it grew when a drag began,
    // the text would move under the pointer mid-selection.
    let selection = selected_range(ui, a);
    let line = match selection {
        Some((start, end)) => {
            let words = a.text.get(start..end).unwrap_or("").replace('\n', " ");
            egui::RichText::new(format!("Selected: \u{201c}{words}\u{201d}"))
        }
        None => egui::RichText::new(
            "Select words in the article to make a record from them or attach them as evidence.",
        )
        .weak(),
    };
    ui.add(egui::Label::new(line).truncate());
    let field_memory = egui::Id::unique("evidence-field");
    let mut field = ui
        .data(|d| d.get_temp::<&'static str>(field_memory))
        .unwrap_or("kind");
    let mut done = false;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                selection.is_some(),
                egui::Button::new("New engagement from selection"),
            )
            .clicked()
            && let Some((start, end)) = selection
        {
            commands.push(Command::NewFromSelection {
                article_id: a.id.clone(),
                start,
                end,
            });
            done = true;
        }
        let can_attach = selection.is_some() && state.selected.is_some();
        if ui
            .add_enabled(can_attach, egui::Button::new("Attach as evidence"))
            .clicked()
            && let Some((start, end)) = selection
        {
            commands.push(Command::AttachEvidence {
                article_id: a.id.clone(),
                start,
                end,
                field: field.to_string(),
            });
            done = true;
        }
        let label = ui.label("for");
        egui::ComboBox::from_id_salt("evidence-field-choice")
            .selected_text(field)
            .show_ui(ui, |ui| {
                for f in EVIDENCE_FIELDS {
                    ui.selectable_value(&mut field, f, f);
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.data_mut(|d| d.insert_temp(field_memory, field));
    if done && let Some(mut text_state) = egui::TextEdit::load_state(ui.ctx(), article_text_id()) {
        text_state.cursor.set_char_range(None);
        text_state.store(ui.ctx(), article_text_id());
    }
}

/// `words` with each character the font cannot draw replaced by one it can (a dash for a
/// dash, else `?`), one for one, so that character positions in the layout still match the
/// article text (selections are read back as character offsets).
fn displayable<'t>(ui: &egui::Ui, font: &FontId, words: &'t str) -> std::borrow::Cow<'t, str> {
    if ui.fonts_mut(|f| f.has_glyphs(font, words)) {
        return words.into();
    }
    ui.fonts_mut(|f| {
        words
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') || f.has_glyph(font, c) {
                    c
                } else if c.is_whitespace() {
                    ' '
                } else if matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}') {
                    '-'
                } else {
                    '?'
                }
            })
            .collect::<String>()
            .into()
    })
}

/// The article text as a layout job: evidence highlighted, boilerplate dimmed. Also returns the
/// character index of the first evidence span, to scroll to.
fn highlighted(ui: &egui::Ui, e: &Engagement, a: &Article) -> (LayoutJob, Option<usize>) {
    let text = &a.text;
    let font = FontId::proportional(14.0);
    let visuals = ui.visuals();
    let normal = TextFormat {
        font_id: font.clone(),
        color: visuals.text_color(),
        ..Default::default()
    };
    let dim = TextFormat {
        font_id: font.clone(),
        color: visuals.weak_text_color(),
        ..Default::default()
    };
    let sentence_bg = if visuals.dark_mode {
        Color32::from_rgb(60, 55, 20)
    } else {
        Color32::from_rgb(255, 246, 200)
    };
    let key_bg = if visuals.dark_mode {
        Color32::from_rgb(120, 90, 10)
    } else {
        Color32::from_rgb(255, 214, 90)
    };
    // Per byte: 0 plain, 1 in an evidence sentence, 2 a field's own words.
    let mut level = vec![0u8; text.len()];
    for ev in e.evidence.iter().filter(|ev| *ev.article_id == *a.id) {
        let (s, t) = (ev.start.min(text.len()), ev.end.min(text.len()));
        let l = if &*ev.field == "kind" && t - s > 40 {
            1
        } else {
            2
        };
        for b in &mut level[s..t] {
            *b = (*b).max(l);
        }
    }
    let first = e
        .evidence
        .iter()
        .filter(|ev| *ev.article_id == *a.id)
        .map(|ev| ev.start)
        .min();
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping {
            max_width: ui.available_width() - 16.0,
            ..Default::default()
        },
        ..Default::default()
    };
    let [body_start, body_end] = a.body;
    let mut start = 0;
    while start < text.len() {
        let in_body = start >= body_start && start < body_end;
        let l = level[start];
        let mut end = start + 1;
        while end < text.len()
            && level[end] == l
            && (end >= body_start && end < body_end) == in_body
        {
            end += 1;
        }
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        let mut format = if in_body { normal.clone() } else { dim.clone() };
        match l {
            1 => format.background = sentence_bg,
            2 => format.background = key_bg,
            _ => {}
        }
        job.append(&displayable(ui, &font, &text[start..end]), 0.0, format);
        start = end;
    }
    let first_char = first.map(|b| text[..b.min(text.len())].chars().count());
    (job, first_char)
}
