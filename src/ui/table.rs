//! The engagements table: only the visible rows are drawn.

use crate::app::{AppState, Command};
use crate::query::{self, Column};
use egui_extras::{Column as Col, TableBuilder};

const ROW_HEIGHT: f32 = 22.0;

fn cell_text(state: &AppState, i: usize, column: Column) -> String {
    let e = &state.dataset.engagements[i];
    match column {
        Column::Date => e.date.label(),
        Column::Parties => e.parties_label(),
        Column::Kind => e.kind.as_str().replace('_', " "),
        Column::Status => e.status.to_string(),
        Column::Round => e.round.map(|r| r.to_string()).unwrap_or_default(),
        Column::Forum => e.label().to_string(),
        Column::Location => query::location_label(e),
        Column::Participants => e.participants_label(),
        Column::Article => state
            .index
            .article_of(i)
            .and_then(|a| state.dataset.articles.get(a))
            .map(|a| a.title.as_deref().unwrap_or(a.file_name()).to_string())
            .unwrap_or_default(),
        Column::Confidence => format!("{:.2}", e.confidence),
        Column::Review => e.review.as_str().to_string(),
    }
}

/// The table of engagements.
pub fn table_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    if state.dataset.engagements.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label("No engagements. Open a corpus folder (Ctrl+Shift+O) or a dataset (Ctrl+O).");
        });
        return;
    }
    ui.style_mut().interaction.selectable_labels = false;
    let columns: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|c| !state.layout.hidden_columns.contains(c))
        .collect();
    // Widths are remembered (egui memory, saved by eframe) per set of shown columns.
    let shown_mask: u32 = columns.iter().map(|&c| 1u32 << (c as u32)).sum();
    let selected_row = state
        .selected
        .and_then(|s| state.rows.iter().position(|&r| r == s));
    let mut builder = TableBuilder::new(ui)
        .id_salt(("engagements", shown_mask))
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for &column in &columns {
        let width = match column {
            Column::Date => 150.0,
            Column::Parties => 90.0,
            Column::Kind => 95.0,
            Column::Status => 70.0,
            Column::Round => 50.0,
            Column::Forum => 200.0,
            Column::Location => 120.0,
            Column::Participants => 200.0,
            Column::Article => 220.0,
            Column::Confidence => 50.0,
            Column::Review => 80.0,
        };
        builder = builder.column(Col::initial(width).at_least(36.0).clip(true));
    }
    if state.scroll_to_evidence
        && let Some(row) = selected_row
    {
        builder = builder.scroll_to_row(row, None);
    }
    builder
        .header(24.0, |mut header| {
            for &column in &columns {
                header.col(|ui| {
                    let arrow = match state.sort {
                        Some(k) if k.column == column => {
                            if k.ascending {
                                " ^"
                            } else {
                                " v"
                            }
                        }
                        _ => "",
                    };
                    let then =
                        match state.layout.sort_then {
                            Some(k) if k.column == column && state.sort.is_some() => {
                                if k.ascending { " (2nd ^)" } else { " (2nd v)" }
                            }
                            _ => "",
                        };
                    let label = format!("{}{arrow}{then}", column.label());
                    let response = ui
                        .add(egui::Button::new(egui::RichText::new(label).strong()).frame(false))
                        .on_hover_text(
                            "Sort by this column; again to reverse. Shift+click: order ties \
                             by it. Right-click: hide it.",
                        );
                    if response.clicked() {
                        if ui.input(|i| i.modifiers.shift) {
                            commands.push(Command::SortThen(Some(column)));
                        } else {
                            commands.push(Command::SortBy(column));
                        }
                    }
                    response.context_menu(|ui| {
                        if ui.button("Hide this column").clicked() {
                            commands.push(Command::SetColumnHidden(column, true));
                        }
                        if ui.button("Order ties by this column").clicked() {
                            commands.push(Command::SortThen(Some(column)));
                        }
                        if state.layout.sort_then.is_some()
                            && ui.button("Order ties by date").clicked()
                        {
                            commands.push(Command::SortThen(None));
                        }
                        if !state.layout.hidden_columns.is_empty()
                            && ui.button("Show all columns").clicked()
                        {
                            for &c in &state.layout.hidden_columns {
                                commands.push(Command::SetColumnHidden(c, false));
                            }
                        }
                    });
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, state.rows.len(), |mut row| {
                let i = state.rows[row.index()];
                row.set_selected(state.selected == Some(i));
                let rejected =
                    state.dataset.engagements[i].review == crate::model::Review::Rejected;
                for &column in &columns {
                    row.col(|ui| {
                        let text = cell_text(state, i, column);
                        let mut rich = egui::RichText::new(text);
                        if rejected {
                            rich = rich.strikethrough().weak();
                        }
                        ui.add(egui::Label::new(rich).truncate());
                    });
                }
                let response = row.response();
                if response.clicked() {
                    commands.push(Command::Select(Some(i)));
                }
                if response.double_clicked() {
                    commands.push(Command::Select(Some(i)));
                    commands.push(Command::OpenEditor(true));
                }
            });
        });
}
