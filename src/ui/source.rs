//! The source panel: the selected engagement's fields and its article, evidence highlighted.

use crate::app::{AppState, Command};
use crate::model::{Article, Engagement, Review};
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId};

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
    let article = e
        .article_ids
        .first()
        .and_then(|id| state.dataset.article(id));
    summary_ui(ui, e, commands);
    ui.separator();
    match article {
        Some(a) => article_ui(ui, state, e, a),
        None => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The article of this engagement is not in the dataset.",
            );
        }
    }
}

fn summary_ui(ui: &mut egui::Ui, e: &Engagement, commands: &mut Vec<Command>) {
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
            row("Forum", e.mechanism.clone().unwrap_or_default());
            row("Round", e.round.map(|r| r.to_string()).unwrap_or_default());
            row("Title", e.title.clone().unwrap_or_default());
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
    });
}

fn article_ui(ui: &mut egui::Ui, state: &AppState, e: &Engagement, a: &Article) {
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
    let (job, first_evidence_char) = highlighted(ui, e, a);
    egui::ScrollArea::vertical()
        .id_salt(("source", &a.id))
        .auto_shrink(false)
        .show(ui, |ui| {
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            let response = ui.add(egui::Label::new(galley.clone()).selectable(true));
            if state.scroll_to_evidence
                && let Some(c) = first_evidence_char
            {
                let rect = galley
                    .pos_from_cursor(CCursor::new(c))
                    .translate(response.rect.min.to_vec2());
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
        });
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
    for ev in e.evidence.iter().filter(|ev| ev.article_id == a.id) {
        let (s, t) = (ev.start.min(text.len()), ev.end.min(text.len()));
        let l = if ev.field == "kind" && t - s > 40 {
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
        .filter(|ev| ev.article_id == a.id)
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
        job.append(&text[start..end], 0.0, format);
        start = end;
    }
    let first_char = first.map(|b| text[..b.min(text.len())].chars().count());
    (job, first_char)
}
