//! The views beside the table: a timeline of engagements per year or month, stacked by kind or
//! by partner, and a partner matrix of who engages with whom. Every bar and cell is a widget
//! with an accessible name; clicking one filters the table.

use crate::app::{AppState, Command, View};
use crate::query::{Granularity, Stack};

/// Colours of the stacked series, in series order (kinds, or partners then "other").
const PALETTE: [egui::Color32; 11] = [
    egui::Color32::from_rgb(66, 133, 244),
    egui::Color32::from_rgb(219, 68, 55),
    egui::Color32::from_rgb(244, 180, 0),
    egui::Color32::from_rgb(15, 157, 88),
    egui::Color32::from_rgb(171, 71, 188),
    egui::Color32::from_rgb(0, 172, 193),
    egui::Color32::from_rgb(255, 112, 67),
    egui::Color32::from_rgb(158, 157, 36),
    egui::Color32::from_rgb(92, 107, 192),
    egui::Color32::from_rgb(240, 98, 146),
    egui::Color32::from_rgb(120, 144, 156),
];

fn colour(series: usize, of: usize) -> egui::Color32 {
    // "other" is always grey.
    if series + 1 == of && of <= 8 {
        return PALETTE[10];
    }
    PALETTE[series % PALETTE.len()]
}

/// The views panel.
pub fn views_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let layout = &state.layout;
    ui.horizontal(|ui| {
        for (view, label) in [
            (View::Timeline, "Timeline"),
            (View::Partners, "Partner view"),
        ] {
            if ui.selectable_label(layout.view == view, label).clicked() && layout.view != view {
                commands.push(Command::SetView(view));
            }
        }
        ui.separator();
        if layout.view == View::Timeline {
            for (g, label) in [
                (Granularity::Year, "per year"),
                (Granularity::Month, "per month"),
            ] {
                if ui
                    .selectable_label(layout.granularity == g, label)
                    .clicked()
                {
                    commands.push(Command::SetGranularity(g));
                }
            }
            ui.separator();
            for (s, label) in [(Stack::Kind, "by kind"), (Stack::Partner, "by partner")] {
                if ui.selectable_label(layout.stack == s, label).clicked() {
                    commands.push(Command::SetStack(s));
                }
            }
            if layout.stack == Stack::Partner
                && let Some(focus) = state.timeline.focus
            {
                ui.weak(format!("partners of {focus}"));
            }
            ui.separator();
            ui.weak("Click a bar to show its period.");
        } else {
            ui.weak("Click a cell to show that pair, a state to see its partners.");
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Hide views").clicked() {
                commands.push(Command::ShowViews(false));
            }
        });
    });
    ui.separator();
    match layout.view {
        View::Timeline => timeline_ui(ui, state, commands),
        View::Partners => matrix_ui(ui, state, commands),
    }
}

fn timeline_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let t = &state.timeline;
    if t.buckets.is_empty() {
        ui.weak("No dated engagements among these rows.");
        return;
    }
    let legend_height = 20.0;
    let axis_height = 16.0;
    let size = egui::vec2(
        ui.available_width(),
        (ui.available_height() - legend_height - 4.0).max(60.0),
    );
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let plot = egui::Rect::from_min_max(
        rect.min + egui::vec2(36.0, 4.0),
        rect.max - egui::vec2(4.0, axis_height),
    );
    let max = (0..t.buckets.len())
        .map(|b| t.total(b))
        .max()
        .unwrap_or(0)
        .max(1);
    let font = egui::FontId::proportional(11.0);
    painter.text(
        egui::pos2(plot.left() - 4.0, plot.top()),
        egui::Align2::RIGHT_TOP,
        max.to_string(),
        font.clone(),
        visuals.weak_text_color(),
    );
    painter.text(
        egui::pos2(plot.left() - 4.0, plot.bottom()),
        egui::Align2::RIGHT_BOTTOM,
        "0",
        font.clone(),
        visuals.weak_text_color(),
    );
    painter.line_segment(
        [plot.left_bottom(), plot.right_bottom()],
        visuals.widgets.noninteractive.bg_stroke,
    );
    let n = t.buckets.len();
    let slot = plot.width() / n as f32;
    let gap = if slot > 6.0 { slot * 0.15 } else { 0.0 };
    let ranged = state.filter.date_from.is_some() || state.filter.date_to.is_some();
    // Label every k-th bar so labels do not overlap.
    let label_width = if n > 0 && t.buckets[0].label.len() > 4 {
        52.0
    } else {
        34.0
    };
    let every = ((label_width / slot).ceil() as usize).max(1);
    for (b, bucket) in t.buckets.iter().enumerate() {
        let x0 = plot.left() + b as f32 * slot + gap / 2.0;
        let bar = egui::Rect::from_min_max(
            egui::pos2(x0, plot.top()),
            egui::pos2(x0 + (slot - gap).max(1.0), plot.bottom()),
        );
        let inside = !ranged
            || (state.filter.date_from.is_none_or(|f| bucket.to >= f)
                && state.filter.date_to.is_none_or(|to| bucket.from <= to));
        let total = t.total(b);
        let label = format!("{}: {total} engagements", bucket.label);
        let id = egui::Id::unique(("timeline-bar", b));
        let response = ui.interact(bar, id, egui::Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone()));
        if response.hovered() {
            painter.rect_filled(bar, 2.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let mut y = plot.bottom();
        let counts = &t.counts[b];
        for (s, &c) in counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let h = plot.height() * c as f32 / max as f32;
            let seg =
                egui::Rect::from_min_max(egui::pos2(bar.left(), y - h), egui::pos2(bar.right(), y));
            let mut fill = colour(s, t.series.len());
            if !inside {
                fill = fill.gamma_multiply(0.3);
            }
            painter.rect_filled(seg, 0.0, fill);
            y -= h;
        }
        if b % every == 0 {
            painter.text(
                egui::pos2(bar.center().x, plot.bottom() + 2.0),
                egui::Align2::CENTER_TOP,
                &bucket.label,
                font.clone(),
                visuals.weak_text_color(),
            );
        }
        let clicked = response.clicked();
        response.on_hover_ui(|ui| {
            ui.strong(&label);
            for (s, &c) in counts.iter().enumerate() {
                if c > 0 {
                    ui.label(format!("{}: {c}", t.series[s]));
                }
            }
            ui.weak("Click to show this period; again to show all.");
        });
        if clicked {
            let same = state.filter.date_from == Some(bucket.from)
                && state.filter.date_to == Some(bucket.to);
            if same {
                commands.push(Command::SetDateRange(None, None));
            } else {
                commands.push(Command::SetDateRange(Some(bucket.from), Some(bucket.to)));
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        for (s, name) in t.series.iter().enumerate() {
            let (r, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, colour(s, t.series.len()));
            ui.label(egui::RichText::new(name.replace('_', " ")).small());
        }
        if t.undated > 0 {
            ui.weak(format!("({} undated not shown)", t.undated));
        }
    });
}

fn matrix_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let m = &state.matrix;
    let n = m.parties.len();
    if n < 2 {
        ui.weak("Fewer than two parties among these rows.");
        return;
    }
    let avail = ui.available_size();
    let label_w = 48.0;
    // Columns wide enough for a code ("USA") to read as a header; rows as tall as fit.
    let cell_w = ((avail.x - label_w) / n as f32).clamp(30.0, 56.0);
    let cell_h = ((avail.y - 20.0) / n as f32).clamp(14.0, 44.0);
    let max = m.max().max(1);
    let visuals = ui.visuals().clone();
    let font = egui::FontId::proportional(11.0);
    ui.horizontal_top(|ui| {
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(label_w + cell_w * n as f32, 18.0 + cell_h * n as f32),
            egui::Sense::hover(),
        );
        let painter = ui.painter_at(rect);
        let origin = rect.min + egui::vec2(label_w, 18.0);
        for (j, p) in m.parties.iter().enumerate() {
            painter.text(
                egui::pos2(origin.x + (j as f32 + 0.5) * cell_w, rect.top() + 2.0),
                egui::Align2::CENTER_TOP,
                p.as_str(),
                font.clone(),
                visuals.text_color(),
            );
        }
        for (i, a) in m.parties.iter().enumerate() {
            let row_label = egui::Rect::from_min_size(
                egui::pos2(rect.left(), origin.y + i as f32 * cell_h),
                egui::vec2(label_w - 4.0, cell_h),
            );
            let id = egui::Id::unique(("matrix-party", i));
            let response = ui.interact(row_label, id, egui::Sense::click());
            let label = format!("{a}: {} engagements", m.totals[i]);
            response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone()));
            let colour = if response.hovered() || state.filter.partner_of == Some(*a) {
                visuals.strong_text_color()
            } else {
                visuals.text_color()
            };
            painter.text(
                row_label.right_center(),
                egui::Align2::RIGHT_CENTER,
                a.as_str(),
                font.clone(),
                colour,
            );
            if response
                .on_hover_text(format!("{label}; click to see its partners"))
                .clicked()
            {
                commands.push(Command::SetPartnerOf(Some(*a)));
            }
            for (j, b) in m.parties.iter().enumerate() {
                let r = egui::Rect::from_min_size(
                    egui::pos2(origin.x + j as f32 * cell_w, origin.y + i as f32 * cell_h),
                    egui::vec2(cell_w - 1.0, cell_h - 1.0),
                );
                if i == j {
                    painter.rect_filled(r, 1.0, visuals.faint_bg_color);
                    continue;
                }
                let count = m.get(i, j);
                let strength = (count as f32 / max as f32).sqrt();
                let fill = visuals.extreme_bg_color.lerp_to_gamma(
                    PALETTE[0],
                    if count > 0 {
                        0.12 + 0.88 * strength
                    } else {
                        0.0
                    },
                );
                painter.rect_filled(r, 1.0, fill);
                if cell_h >= 13.0 && count > 0 {
                    let text = if count >= 10_000 {
                        format!("{}k", count / 1000)
                    } else {
                        count.to_string()
                    };
                    let ink = if strength > 0.5 {
                        egui::Color32::WHITE
                    } else {
                        visuals.text_color()
                    };
                    painter.text(
                        r.center(),
                        egui::Align2::CENTER_CENTER,
                        text,
                        egui::FontId::proportional(9.5),
                        ink,
                    );
                }
                let id = egui::Id::unique(("matrix-cell", i, j));
                let response = ui.interact(r, id, egui::Sense::click());
                let label = format!("{a} with {b}: {count} engagements");
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone())
                });
                if response.hovered() {
                    painter.rect_stroke(
                        r,
                        1.0,
                        visuals.widgets.hovered.fg_stroke,
                        egui::StrokeKind::Inside,
                    );
                }
                if response.on_hover_text(label).clicked() {
                    commands.push(Command::SetPair(*a, *b));
                }
            }
        }
    });
}
