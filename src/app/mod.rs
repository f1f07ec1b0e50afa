//! The window's state and the one place where it changes: panels emit [`Command`]s, and
//! [`AppState::apply`] carries them out. Every change to the dataset is an
//! [`annotate::Edit`](crate::annotate::Edit) recorded in one [`History`], so undo, redo and the
//! unsaved-changes mark have one home. Loading and extraction run on a background thread.

mod jobs;
mod recovery;

pub use jobs::{Job, JobEvent};
pub use recovery::{Recovery, RecoveryChoice, RecoveryOffer};

use crate::annotate::{self, Edit, FieldValue, History, RebaseReport, TextSelection, Touched};
use crate::corpus::{self, LoadReport};
use crate::dataset::Dataset;
use crate::model::Review;
use crate::model::{Kind, PartyCode, Status};
use crate::query::{
    self, Chip, Column, FacetCounts, Filter, Granularity, Index, PartnerMatrix, PartyMatch,
    SortKey, Stack, Timeline,
};
use chrono::NaiveDate;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What the window opens on.
#[derive(Debug, Clone)]
pub enum Start {
    /// The sample corpus built into the binary.
    Samples,
    /// A dataset file or a corpus folder or file.
    Path(PathBuf),
    /// Nothing.
    Empty,
}

/// Something the analyst asked for; panels emit these, [`AppState::apply`] carries them out.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select a row by engagement index.
    Select(Option<usize>),
    /// Move the selection up or down the visible rows.
    MoveSelection(isize),
    /// Replace the free-text filter.
    SetFilterText(String),
    /// Show or hide rejected engagements.
    SetShowRejected(bool),
    /// Sort by a column; the same column again flips the order.
    SortBy(Column),
    /// Sort ties by a column; the same column again flips its order (`None`: by date).
    SortThen(Option<Column>),
    /// Replace the whole filter (facet panels build the new one from the current).
    SetFilter(Filter),
    /// Tick or untick a party.
    ToggleParty(PartyCode),
    /// Any or all of the ticked parties.
    SetPartyMatch(PartyMatch),
    /// Look at one state's engagements and its partners (`None` stops).
    SetPartnerOf(Option<PartyCode>),
    /// Tick or untick a partner of the chosen state.
    TogglePartner(PartyCode),
    /// Only engagements between these two parties (a cell of the partner view).
    SetPair(PartyCode, PartyCode),
    /// Tick or untick a kind.
    ToggleKind(Kind),
    /// Tick or untick a status.
    ToggleStatus(Status),
    /// Tick or untick a review state.
    ToggleReview(Review),
    /// Tick or untick a topic.
    ToggleTopic(String),
    /// Set the date range (inclusive; `None` leaves that end open).
    SetDateRange(Option<NaiveDate>, Option<NaiveDate>),
    /// Set the confidence threshold.
    SetMinConfidence(Option<f32>),
    /// Remove one active criterion.
    RemoveChip(Chip),
    /// Remove every criterion.
    ClearFilters,
    /// Hide or show a table column.
    SetColumnHidden(Column, bool),
    /// Show or hide the views beside the table (timeline, partners).
    ShowViews(bool),
    /// Which view shows.
    SetView(View),
    /// Timeline bars per year or month.
    SetGranularity(Granularity),
    /// Timeline bars stacked by kind or partner.
    SetStack(Stack),
    /// Set the review state of the selected engagement.
    SetReview(Review),
    /// Set one field of the selected engagement (an undoable edit).
    SetField(FieldValue),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show or hide the editor of the selected engagement.
    OpenEditor(bool),
    /// Make a new analyst record from words of an article (byte range).
    NewFromSelection {
        /// The article.
        article_id: String,
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// Attach words of an article (byte range) to the selected record as evidence for a field.
    AttachEvidence {
        /// The article.
        article_id: String,
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
        /// The field the words support.
        field: String,
    },
    /// Remember the selected record as the one to merge into another (`false` forgets it).
    MarkForMerge(bool),
    /// Merge the marked record into the selected one.
    MergeMarkedIntoSelected,
    /// Extract the dataset's articles again, keeping the analyst's records.
    Reextract,
    /// Show or hide the re-extraction report.
    ShowRebaseReport(bool),
    /// The analyst answered the offer to restore work from a recovery file.
    ResolveRecovery(RecoveryChoice),
    /// Show a message in the status bar.
    Notify {
        /// The words.
        text: String,
        /// True for a problem.
        error: bool,
    },
    /// Ask for a corpus folder to open.
    OpenCorpusDialog,
    /// Ask for a dataset file to open.
    OpenDatasetDialog,
    /// Open a path (dataset or corpus).
    OpenPath(PathBuf),
    /// Open several paths dropped on the window: one dataset, or files and folders of a corpus.
    OpenPaths(Vec<PathBuf>),
    /// Reopen the last dataset when the window starts, or not.
    SetReopenLast(bool),
    /// Save to the current file, or ask where.
    Save,
    /// Ask where to save.
    SaveAsDialog,
    /// Save to this file.
    SaveTo(PathBuf),
    /// Ask where to export CSV.
    ExportCsvDialog,
    /// Write CSV here.
    ExportCsvTo(PathBuf),
    /// Stop the running background job.
    CancelJob,
    /// Show or hide the load report.
    ShowLoadReport(bool),
    /// The analyst answered the unsaved-changes question.
    ResolvePending(PendingChoice),
    /// Close the window (asking first when there are unsaved changes).
    Quit,
}

/// An action that waits for the analyst to decide about unsaved changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Open this path.
    Open(PathBuf),
    /// Read these files and folders as one corpus.
    OpenMany(Vec<PathBuf>),
    /// Show a dialog to open a corpus.
    OpenCorpusDialog,
    /// Show a dialog to open a dataset.
    OpenDatasetDialog,
    /// Extract again (the result replaces the working dataset, and cannot be undone).
    Reextract,
    /// Close the window.
    Quit,
}

/// The answer to "save changes first?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Do nothing.
    Cancel,
}

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The words.
    pub text: String,
    /// True for a failure.
    pub error: bool,
}

/// The views beside the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum View {
    /// Engagements over time.
    #[default]
    Timeline,
    /// Who engages with whom.
    Partners,
}

/// The analyst's file preferences: kept between runs (eframe storage), never in a dataset.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Datasets and corpora opened or saved lately, newest first.
    pub recent: Vec<PathBuf>,
    /// Open the newest recent dataset when the window starts on the samples.
    pub reopen_last: bool,
}

/// The eframe storage key of [`Preferences`].
pub const PREFERENCES_KEY: &str = "preferences";

/// How many recent files the File menu lists.
pub const RECENT_FILES: usize = 10;

impl Preferences {
    /// Puts `path` first among the recent files.
    pub fn remember(&mut self, path: &std::path::Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_FILES);
    }

    /// The newest recent file that is a dataset and still exists.
    pub fn last_dataset(&self) -> Option<&PathBuf> {
        self.recent
            .iter()
            .find(|p| p.is_file() && p.to_string_lossy().to_ascii_lowercase().ends_with(".json"))
    }
}

/// How the analyst laid out the window: kept between runs (eframe storage), never in a
/// dataset.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Layout {
    /// The table's sort order; `None` keeps dataset order.
    pub sort: Option<SortKey>,
    /// How ties of `sort` are ordered; `None`: by date, ascending.
    pub sort_then: Option<SortKey>,
    /// Columns the analyst hid.
    pub hidden_columns: Vec<Column>,
    /// Whether the views show beside the table.
    pub show_views: bool,
    /// Which view.
    pub view: View,
    /// Timeline bars per year or month.
    pub granularity: Granularity,
    /// Timeline bars stacked by.
    pub stack: Stack,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            sort: None,
            sort_then: None,
            hidden_columns: Vec::new(),
            show_views: true,
            view: View::Timeline,
            granularity: Granularity::Year,
            stack: Stack::Kind,
        }
    }
}

/// The key of [`Layout`] in eframe storage.
pub const LAYOUT_KEY: &str = "layout";

/// How many parties the partner view shows.
pub const MATRIX_PARTIES: usize = 12;

/// Everything the window shows, and nothing of how it is drawn.
pub struct AppState {
    /// The open dataset.
    pub dataset: Dataset,
    /// The file it was opened from or saved to; `None` until saved.
    pub path: Option<PathBuf>,
    /// A name for the title bar.
    pub name: String,
    /// Unsaved changes.
    pub dirty: bool,
    /// The table's filter.
    pub filter: Filter,
    /// The table's sort order; `None` keeps dataset order.
    pub sort: Option<SortKey>,
    /// Layout preferences (columns, views); `layout.sort` is kept equal to `sort`.
    pub layout: Layout,
    /// Visible rows (engagement indices), filtered and sorted.
    pub rows: Vec<usize>,
    /// Rows that pass every criterion but the date range (the timeline shows them too).
    pub outside_dates: Vec<usize>,
    /// Facet counts around the visible rows.
    pub counts: FacetCounts,
    /// Engagements per period of the visible rows (when the views show).
    pub timeline: Timeline,
    /// Who engages with whom among the visible rows (when the views show).
    pub matrix: PartnerMatrix,
    /// Compact keys of every engagement, for filtering, counting and sorting.
    pub index: Index,
    /// The selected engagement.
    pub selected: Option<usize>,
    /// Set when the selection changed, so the source view scrolls to the evidence once.
    pub scroll_to_evidence: bool,
    /// The running background job.
    pub job: Option<Job>,
    /// The last load's report.
    pub load_report: Option<LoadReport>,
    /// Whether the load report window is open.
    pub show_load_report: bool,
    /// An action waiting on the unsaved-changes question.
    pub pending: Option<Pending>,
    /// The status bar message.
    pub notice: Option<Notice>,
    /// Set when the window may close now.
    pub close_now: bool,
    /// Every edit, for undo and redo.
    pub history: History,
    /// Whether the editor panel is open.
    pub editor_open: bool,
    /// The id of the record marked to be merged into another.
    pub merge_mark: Option<String>,
    /// What the last re-extraction did.
    pub rebase_report: Option<RebaseReport>,
    /// Whether the re-extraction report window is open.
    pub show_rebase_report: bool,
    /// Where unsaved work is autosaved; `None` turns autosave off.
    pub recovery: Option<Recovery>,
    /// Work a previous run left in the recovery file, offered back.
    pub recovery_offer: Option<RecoveryOffer>,
    /// How often unsaved work is autosaved.
    pub autosave_interval: Duration,
    /// Counts every change to the dataset, so autosave writes only what is new.
    generation: u64,
    autosaved: (u64, Instant),
    /// Recent files and start-up choice.
    pub preferences: Preferences,
    /// Dialog results and job events arrive here.
    pub inbox: std::sync::mpsc::Receiver<Command>,
    outbox: std::sync::mpsc::Sender<Command>,
}

impl AppState {
    /// A window state with an empty dataset.
    pub fn new() -> AppState {
        let (outbox, inbox) = std::sync::mpsc::channel();
        AppState {
            dataset: Dataset::default(),
            path: None,
            name: "Untitled".into(),
            dirty: false,
            filter: Filter::default(),
            sort: None,
            layout: Layout::default(),
            rows: Vec::new(),
            outside_dates: Vec::new(),
            counts: FacetCounts::default(),
            timeline: Timeline::default(),
            matrix: PartnerMatrix::default(),
            index: Index::default(),
            selected: None,
            scroll_to_evidence: false,
            job: None,
            load_report: None,
            show_load_report: false,
            pending: None,
            notice: None,
            close_now: false,
            history: History::new(),
            editor_open: false,
            merge_mark: None,
            rebase_report: None,
            show_rebase_report: false,
            recovery: None,
            recovery_offer: None,
            autosave_interval: Duration::from_secs(60),
            generation: 0,
            autosaved: (0, Instant::now()),
            preferences: Preferences::default(),
            inbox,
            outbox,
        }
    }

    /// A window state showing the sample corpus, extracted on this thread (it is tiny).
    pub fn with_samples() -> AppState {
        let mut state = AppState::new();
        let articles = corpus::sample_articles();
        let engagements = crate::extract::extract_all(&articles);
        state.set_dataset(
            Dataset::new(articles, engagements),
            None,
            "Sample corpus".into(),
        );
        state
    }

    /// The window title: dataset name and a mark for unsaved changes.
    pub fn title(&self) -> String {
        format!(
            "{}{} — Entente",
            if self.dirty { "* " } else { "" },
            self.name
        )
    }

    /// Replaces the dataset and resets the view of it.
    pub fn set_dataset(&mut self, dataset: Dataset, path: Option<PathBuf>, name: String) {
        let index = Index::build(&dataset);
        self.set_indexed_dataset(dataset, index, path, name);
    }

    /// Replaces the dataset with one whose index was built already (off the UI thread).
    pub fn set_indexed_dataset(
        &mut self,
        dataset: Dataset,
        index: Index,
        path: Option<PathBuf>,
        name: String,
    ) {
        self.dataset = dataset;
        self.index = index;
        self.path = path;
        self.name = name;
        self.dirty = false;
        self.selected = None;
        self.merge_mark = None;
        self.history = History::new();
        self.generation += 1;
        self.autosaved = (self.generation, Instant::now());
        self.refresh_rows();
    }

    fn rebuild_index(&mut self) {
        self.index = Index::build(&self.dataset);
    }

    /// The selected engagement.
    pub fn selected_engagement(&self) -> Option<&crate::model::Engagement> {
        self.selected.and_then(|i| self.dataset.engagements.get(i))
    }

    /// The index of the record marked for merge.
    pub fn merge_mark_index(&self) -> Option<usize> {
        let id = self.merge_mark.as_deref()?;
        self.dataset.engagements.iter().position(|e| e.id == id)
    }

    /// Applies an edit through the history and updates everything that depends on the data.
    fn commit(&mut self, edit: Edit) {
        let selected = self.selected_id();
        match self.history.apply(&mut self.dataset, edit) {
            Ok(touched) => self.after_change(touched, selected),
            Err(e) => self.notify(format!("Not changed: {e}"), true),
        }
    }

    fn undo(&mut self) {
        let what = self.history.next_undo().map(Edit::describe);
        let selected = self.selected_id();
        match self.history.undo(&mut self.dataset) {
            Some(touched) => {
                self.after_change(touched, selected);
                self.notify(format!("Undid {}", what.unwrap_or_default()), false);
            }
            None => self.notify("Nothing to undo.", false),
        }
    }

    fn redo(&mut self) {
        let what = self.history.next_redo().map(Edit::describe);
        let selected = self.selected_id();
        match self.history.redo(&mut self.dataset) {
            Some(touched) => {
                self.after_change(touched, selected);
                self.notify(format!("Redid {}", what.unwrap_or_default()), false);
            }
            None => self.notify("Nothing to redo.", false),
        }
    }

    fn selected_id(&self) -> Option<String> {
        self.selected_engagement().map(|e| e.id.clone())
    }

    /// After the data changed: search texts, visible rows, selection and the dirty mark.
    /// `selected` is the id of the record selected before the change; it stays selected
    /// wherever it moved, or nothing is selected when it is gone.
    fn after_change(&mut self, touched: Touched, selected: Option<String>) {
        match touched {
            Touched::Records(indices) => {
                self.index.update_rows(&self.dataset, &indices);
            }
            Touched::Structure => {
                self.rebuild_index();
                self.selected = selected
                    .and_then(|id| self.dataset.engagements.iter().position(|e| e.id == id));
            }
        }
        self.generation += 1;
        self.dirty = !self.history.is_at_saved();
        self.refresh_rows();
    }

    /// Sets a field of the selected record.
    fn set_field(&mut self, value: FieldValue) {
        let Some(i) = self.selected else {
            return;
        };
        if let Some(edit) = Edit::set_field(&self.dataset, i, value) {
            self.commit(edit);
        }
    }

    /// Writes the recovery file when there is unsaved work the last autosave did not cover and
    /// the interval has passed. Returns how long until the next check is due.
    pub fn autosave_if_due(&mut self, now: Instant) -> Option<Duration> {
        let recovery = self.recovery.as_ref()?;
        if !self.dirty || self.autosaved.0 == self.generation || self.recovery_offer.is_some() {
            return None;
        }
        let due = self.autosaved.1 + self.autosave_interval;
        if now < due {
            return Some(due - now);
        }
        recovery.write_in_background(self.dataset.clone(), self.name.clone(), self.path.clone());
        self.autosaved = (self.generation, now);
        None
    }

    /// Removes the recovery file (the work was saved or knowingly discarded).
    fn forget_recovery(&mut self) {
        if self.recovery_offer.is_some() {
            // The previous run's work has not been answered for yet: keep it.
            return;
        }
        if let Some(r) = &self.recovery {
            r.remove();
        }
        self.autosaved = (self.generation, Instant::now());
    }

    /// Lays a fresh extraction over the working dataset, keeping the analyst's records.
    fn take_reextraction(&mut self, fresh: Dataset) {
        let selected_id = self.selected_engagement().map(|e| e.id.clone());
        let (dataset, report) = annotate::rebase(&self.dataset, fresh);
        self.dataset = dataset;
        // Re-extraction is not an edit: it cannot be undone, and it leaves unsaved work.
        self.history.clear();
        self.rebuild_index();
        self.selected =
            selected_id.and_then(|id| self.dataset.engagements.iter().position(|e| e.id == id));
        self.generation += 1;
        self.dirty = true;
        self.refresh_rows();
        self.notify(format!("Re-extracted: {report}."), false);
        self.rebase_report = Some(report);
        self.show_rebase_report = true;
    }

    /// Recomputes the visible rows after the filter, sort or data changed.
    pub fn refresh_rows(&mut self) {
        let selection = self.index.select(&self.dataset, &self.filter);
        self.rows = selection.rows;
        self.outside_dates = selection.outside_dates;
        self.counts = selection.counts;
        if let Some(key) = self.sort {
            self.index
                .sort_selection(&self.dataset, &mut self.rows, key, self.layout.sort_then);
        }
        self.refresh_views();
    }

    /// Recomputes the timeline and partner view (only while they show).
    pub fn refresh_views(&mut self) {
        if !self.layout.show_views {
            return;
        }
        self.timeline = self.index.timeline(
            &[&self.rows, &self.outside_dates],
            self.layout.granularity,
            self.layout.stack,
            self.filter.partner_of,
        );
        self.matrix = self.index.partner_matrix(&self.rows, MATRIX_PARTIES);
    }

    /// Changes the filter and what depends on it.
    fn change_filter(&mut self, change: impl FnOnce(&mut Filter)) {
        let before = self.filter.clone();
        change(&mut self.filter);
        if self.filter != before {
            self.refresh_rows();
        }
    }

    /// Applies stored layout preferences.
    pub fn set_layout(&mut self, layout: Layout) {
        self.sort = layout.sort;
        self.layout = layout;
        self.refresh_rows();
    }

    /// A sender for commands from other threads (dialogs, jobs).
    pub fn sender(&self) -> std::sync::mpsc::Sender<Command> {
        self.outbox.clone()
    }

    fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.notice = Some(Notice {
            text: text.into(),
            error,
        });
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(row) => {
                self.selected = row.filter(|&i| i < self.dataset.engagements.len());
                self.scroll_to_evidence = true;
            }
            Command::MoveSelection(delta) => {
                if self.rows.is_empty() {
                    return;
                }
                let pos = self
                    .selected
                    .and_then(|s| self.rows.iter().position(|&r| r == s));
                let next = match pos {
                    Some(p) => (p as isize + delta).clamp(0, self.rows.len() as isize - 1) as usize,
                    None => 0,
                };
                self.apply(Command::Select(Some(self.rows[next])));
            }
            Command::SetFilterText(text) => {
                self.filter.text = text;
                self.refresh_rows();
            }
            Command::SetShowRejected(show) => {
                self.filter.show_rejected = show;
                self.refresh_rows();
            }
            Command::SortBy(column) => {
                self.sort = Some(match self.sort {
                    Some(k) if k.column == column => SortKey {
                        column,
                        ascending: !k.ascending,
                    },
                    _ => SortKey {
                        column,
                        ascending: true,
                    },
                });
                self.layout.sort = self.sort;
                self.refresh_rows();
            }
            Command::SortThen(column) => {
                self.layout.sort_then = column.map(|column| match self.layout.sort_then {
                    Some(k) if k.column == column => SortKey {
                        column,
                        ascending: !k.ascending,
                    },
                    _ => SortKey {
                        column,
                        ascending: true,
                    },
                });
                self.refresh_rows();
            }
            Command::SetFilter(filter) => self.change_filter(|f| *f = filter),
            Command::ToggleParty(p) => self.change_filter(|f| query::toggle(&mut f.parties, p)),
            Command::SetPartyMatch(m) => self.change_filter(|f| f.party_match = m),
            Command::SetPartnerOf(p) => self.change_filter(|f| {
                if f.partner_of != p {
                    f.partners.clear();
                }
                f.partner_of = p;
            }),
            Command::TogglePartner(p) => self.change_filter(|f| query::toggle(&mut f.partners, p)),
            Command::SetPair(a, b) => self.change_filter(|f| {
                f.partner_of = Some(a);
                f.partners = vec![b];
            }),
            Command::ToggleKind(k) => self.change_filter(|f| query::toggle(&mut f.kinds, k)),
            Command::ToggleStatus(s) => self.change_filter(|f| query::toggle(&mut f.statuses, s)),
            Command::ToggleReview(r) => self.change_filter(|f| query::toggle(&mut f.reviews, r)),
            Command::ToggleTopic(t) => self.change_filter(|f| query::toggle(&mut f.topics, t)),
            Command::SetDateRange(from, to) => self.change_filter(|f| {
                f.date_from = from;
                f.date_to = to;
            }),
            Command::SetMinConfidence(c) => self.change_filter(|f| f.min_confidence = c),
            Command::RemoveChip(chip) => self.change_filter(|f| f.remove(&chip)),
            Command::ClearFilters => self.change_filter(Filter::clear),
            Command::SetColumnHidden(column, hidden) => {
                self.layout.hidden_columns.retain(|c| *c != column);
                if hidden {
                    self.layout.hidden_columns.push(column);
                }
            }
            Command::ShowViews(show) => {
                self.layout.show_views = show;
                self.refresh_views();
            }
            Command::SetView(view) => self.layout.view = view,
            Command::SetGranularity(g) => {
                self.layout.granularity = g;
                self.refresh_views();
            }
            Command::SetStack(s) => {
                self.layout.stack = s;
                self.refresh_views();
            }
            Command::SetReview(review) => self.set_field(FieldValue::Review(review)),
            Command::SetField(value) => self.set_field(value),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::OpenEditor(open) => self.editor_open = open,
            Command::NewFromSelection {
                article_id,
                start,
                end,
            } => {
                let record = TextSelection::checked(&self.dataset, &article_id, start, end)
                    .map(|s| s.whole_words(&self.dataset))
                    .and_then(|s| annotate::analyst_record(&self.dataset, &s));
                let Some(record) = record else {
                    self.notify("Select some words of the article first.", true);
                    return;
                };
                let edit = annotate::insert_edit(&self.dataset, record);
                let Edit::Insert { index, .. } = &edit else {
                    return;
                };
                let index = *index;
                self.commit(edit);
                self.selected = Some(index);
                self.scroll_to_evidence = true;
                self.editor_open = true;
                if !self.rows.contains(&index) {
                    self.notify(
                        "New record made; the filter hides it from the table.",
                        false,
                    );
                } else {
                    self.notify("New record made from the selection.", false);
                }
            }
            Command::AttachEvidence {
                article_id,
                start,
                end,
                field,
            } => {
                let (Some(e), Some(sel)) = (
                    self.selected_engagement(),
                    TextSelection::checked(&self.dataset, &article_id, start, end)
                        .map(|s| s.whole_words(&self.dataset)),
                ) else {
                    self.notify("Select a record and some words of its article first.", true);
                    return;
                };
                let evidence = sel.as_evidence(&field);
                if e.evidence.contains(&evidence) {
                    return;
                }
                let mut all = e.evidence.clone();
                all.push(evidence);
                let mut articles = e.article_ids.clone();
                if !articles.iter().any(|a| **a == *article_id) {
                    articles.push(article_id.as_str().into());
                }
                let Some(i) = self.selected else {
                    return;
                };
                let edits: Vec<Edit> =
                    [FieldValue::Evidence(all), FieldValue::ArticleIds(articles)]
                        .into_iter()
                        .filter_map(|v| Edit::set_field(&self.dataset, i, v))
                        .collect();
                self.commit(Edit::Named {
                    name: "attach evidence",
                    edit: Box::new(Edit::Batch(edits)),
                });
                self.notify(
                    format!("Attached the selection as evidence for {field}."),
                    false,
                );
            }
            Command::MarkForMerge(mark) => {
                self.merge_mark = if mark {
                    self.selected_engagement().map(|e| e.id.clone())
                } else {
                    None
                };
            }
            Command::MergeMarkedIntoSelected => {
                let (Some(into), Some(from)) = (self.selected, self.merge_mark_index()) else {
                    self.notify(
                        "Mark a record for merge, then select the one to merge it into.",
                        true,
                    );
                    return;
                };
                match annotate::merge_edit(&self.dataset, into, from) {
                    Some(edit) => {
                        self.commit(edit);
                        self.merge_mark = None;
                        self.notify(
                            "Merged; the other record stays in the file as rejected.",
                            false,
                        );
                    }
                    None => self.notify("A record cannot be merged into itself.", true),
                }
            }
            Command::Reextract => self.guard(Pending::Reextract),
            Command::ShowRebaseReport(show) => self.show_rebase_report = show,
            Command::ResolveRecovery(choice) => {
                let (Some(offer), Some(recovery)) =
                    (self.recovery_offer.take(), self.recovery.clone())
                else {
                    return;
                };
                match choice {
                    RecoveryChoice::Discard => {
                        recovery.remove();
                        self.notify("Discarded the recovered work.", false);
                    }
                    RecoveryChoice::Restore => match Dataset::load(&recovery.data_path()) {
                        Ok((dataset, _)) => {
                            self.set_dataset(dataset, offer.original.clone(), offer.name);
                            // Still unsaved: the recovery file stays until the work is saved.
                            self.history.clear();
                            self.dirty = true;
                            self.notify("Restored the unsaved work. Save it to keep it.", false);
                        }
                        Err(e) => self.notify(format!("Could not restore: {e}"), true),
                    },
                }
            }
            Command::Notify { text, error } => self.notify(text, error),
            Command::OpenCorpusDialog => self.guard(Pending::OpenCorpusDialog),
            Command::OpenDatasetDialog => self.guard(Pending::OpenDatasetDialog),
            Command::OpenPath(path) => self.guard(Pending::Open(path)),
            Command::OpenPaths(mut paths) => match paths.len() {
                0 => {}
                1 => self.guard(Pending::Open(paths.remove(0))),
                _ => self.guard(Pending::OpenMany(paths)),
            },
            Command::SetReopenLast(on) => self.preferences.reopen_last = on,
            Command::Quit => self.guard(Pending::Quit),
            Command::ResolvePending(choice) => {
                let Some(pending) = self.pending.take() else {
                    return;
                };
                match choice {
                    PendingChoice::Cancel => {}
                    PendingChoice::Discard => {
                        if pending != Pending::Reextract {
                            self.forget_recovery();
                        }
                        self.proceed(pending);
                    }
                    PendingChoice::Save => {
                        if let Some(path) = self.path.clone() {
                            if self.save_to(path) {
                                self.proceed(pending);
                            }
                        } else {
                            self.notify("Choose where to save first (File > Save as…).", true);
                            self.apply(Command::SaveAsDialog);
                        }
                    }
                }
            }
            Command::Save => match self.path.clone() {
                Some(path) => {
                    self.save_to(path);
                }
                None => self.apply(Command::SaveAsDialog),
            },
            Command::SaveAsDialog => {
                let name = format!(
                    "{}.entente.json",
                    self.name.trim_end_matches(".entente.json")
                );
                jobs::save_dialog(
                    self.sender(),
                    name,
                    "Entente dataset",
                    &["json"],
                    Command::SaveTo,
                );
            }
            Command::SaveTo(path) => {
                self.save_to(path);
            }
            Command::ExportCsvDialog => {
                let name = format!("{}.csv", self.name.trim_end_matches(".entente.json"));
                jobs::save_dialog(self.sender(), name, "CSV", &["csv"], Command::ExportCsvTo);
            }
            Command::ExportCsvTo(path) => {
                let result = crate::cli::write_atomically(&path, |w| {
                    crate::dataset::write_csv(&self.dataset, w).map_err(anyhow::Error::from)
                });
                match result {
                    Ok(()) => self.notify(
                        format!(
                            "Exported {} rows to {}",
                            self.dataset.engagements.len(),
                            path.display()
                        ),
                        false,
                    ),
                    Err(e) => self.notify(format!("Export failed: {e:#}"), true),
                }
            }
            Command::CancelJob => {
                if let Some(job) = &self.job {
                    job.cancel();
                }
            }
            Command::ShowLoadReport(show) => self.show_load_report = show,
        }
    }

    /// Runs `action` now, or asks first when there are unsaved changes.
    fn guard(&mut self, action: Pending) {
        if self.dirty {
            self.pending = Some(action);
        } else {
            self.proceed(action);
        }
    }

    fn proceed(&mut self, action: Pending) {
        match action {
            Pending::Quit => self.close_now = true,
            Pending::OpenCorpusDialog => jobs::open_dialog(self.sender(), true),
            Pending::OpenDatasetDialog => jobs::open_dialog(self.sender(), false),
            Pending::Open(path) => self.open(path),
            Pending::OpenMany(paths) => {
                if let Some(job) = &self.job {
                    job.cancel();
                }
                self.job = Some(Job::load_corpus(paths, self.sender()));
            }
            Pending::Reextract => {
                if self.dataset.articles.is_empty() {
                    self.notify("There are no articles to extract from.", true);
                } else if self.job.is_none() {
                    self.job = Some(Job::reextract(self.dataset.articles.clone()));
                }
            }
        }
    }

    fn open(&mut self, path: PathBuf) {
        let is_dataset = path.is_file()
            && path
                .to_string_lossy()
                .to_ascii_lowercase()
                .ends_with(".json");
        if let Some(job) = &self.job {
            job.cancel();
        }
        if !path.exists() {
            self.notify(format!("{} no longer exists.", path.display()), true);
            self.preferences.recent.retain(|p| *p != path);
            return;
        }
        self.preferences.remember(&path);
        if is_dataset {
            self.job = Some(Job::open_dataset(path));
        } else {
            self.job = Some(Job::load_corpus(vec![path], self.sender()));
        }
    }

    /// Saves atomically; says how it went in the status bar.
    fn save_to(&mut self, path: PathBuf) -> bool {
        match self.dataset.save(&path) {
            Ok(()) => {
                self.name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.notify(format!("Saved {}", path.display()), false);
                self.preferences.remember(&path);
                self.path = Some(path);
                self.dirty = false;
                self.history.mark_saved();
                self.forget_recovery();
                true
            }
            Err(e) => {
                self.notify(format!("Not saved: {e}"), true);
                false
            }
        }
    }

    /// Takes in what background threads sent; returns true when something arrived.
    pub fn poll(&mut self) -> bool {
        let mut any = false;
        while let Ok(cmd) = self.inbox.try_recv() {
            any = true;
            self.apply(cmd);
        }
        if let Some(job) = &self.job {
            for event in job.events() {
                any = true;
                match event {
                    JobEvent::Progress { .. } => {}
                    JobEvent::Done {
                        dataset,
                        report,
                        name,
                    } => {
                        let n = dataset.engagements.len();
                        let a = dataset.articles.len();
                        let problems = report.issues.len();
                        self.set_dataset(*dataset, None, name);
                        self.notify(
                            format!(
                                "Read {a} articles, found {n} engagements{}",
                                if problems > 0 {
                                    format!("; {problems} file problem(s) — see the load report")
                                } else {
                                    String::new()
                                }
                            ),
                            problems > 0,
                        );
                        self.load_report = Some(report);
                        self.job = None;
                        break;
                    }
                    JobEvent::Opened {
                        dataset,
                        index,
                        path,
                        warnings,
                    } => {
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        let n = dataset.engagements.len();
                        self.set_indexed_dataset(*dataset, *index, Some(path.clone()), name);
                        match warnings.first() {
                            None => self.notify(
                                format!("Opened {} ({n} engagements)", path.display()),
                                false,
                            ),
                            Some(w) => self.notify(
                                format!("Opened with {} warning(s): {}", warnings.len(), w.message),
                                true,
                            ),
                        }
                        self.job = None;
                        break;
                    }
                    JobEvent::Reextracted { fresh } => {
                        self.take_reextraction(*fresh);
                        self.job = None;
                        break;
                    }
                    JobEvent::Cancelled => {
                        self.notify("Cancelled; the dataset is as it was.", false);
                        self.job = None;
                        break;
                    }
                    JobEvent::Failed(message) => {
                        self.notify(message, true);
                        self.job = None;
                        break;
                    }
                }
            }
        }
        any
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

/// The eframe application: the state plus the window's life cycle.
pub struct EntenteApp {
    /// The state, public so tests can look at it.
    pub state: AppState,
    last_title: String,
}

impl EntenteApp {
    /// Creates the app on what `start` says, without autosave (tests, demos).
    pub fn new(cc: &eframe::CreationContext<'_>, start: Start) -> EntenteApp {
        EntenteApp::with_recovery(cc, start, None)
    }

    /// Creates the app on what `start` says, autosaving unsaved work through `recovery` and
    /// offering back what a previous run left there.
    pub fn with_recovery(
        cc: &eframe::CreationContext<'_>,
        start: Start,
        recovery: Option<Recovery>,
    ) -> EntenteApp {
        let mut state = match &start {
            Start::Samples => AppState::with_samples(),
            Start::Empty => AppState::new(),
            Start::Path(path) => {
                let mut s = AppState::new();
                s.apply(Command::OpenPath(path.clone()));
                s
            }
        };
        if let Some(storage) = cc.storage
            && let Some(layout) = eframe::get_value::<Layout>(storage, LAYOUT_KEY)
        {
            state.set_layout(layout);
        }
        let mut app = EntenteApp {
            state,
            last_title: String::new(),
        };
        if let Some(storage) = cc.storage {
            app.restore_preferences(storage, matches!(start, Start::Samples));
        }
        app.state.recovery_offer = recovery.as_ref().and_then(Recovery::find);
        app.state.recovery = recovery;
        app
    }

    /// Takes the file preferences a previous run saved (recent files); when `on_samples` and
    /// the analyst asked for it, reopens the last dataset instead of showing the samples.
    pub fn restore_preferences(&mut self, storage: &dyn eframe::Storage, on_samples: bool) {
        if let Some(preferences) = eframe::get_value::<Preferences>(storage, PREFERENCES_KEY) {
            self.state.preferences = preferences;
        }
        if on_samples
            && self.state.preferences.reopen_last
            && let Some(last) = self.state.preferences.last_dataset().cloned()
        {
            self.state.apply(Command::OpenPath(last));
        }
    }
}

impl EntenteApp {
    /// Applies the layout a previous run saved (columns, sort, views); the data is untouched.
    pub fn restore_layout(&mut self, storage: &dyn eframe::Storage) {
        if let Some(layout) = eframe::get_value::<Layout>(storage, LAYOUT_KEY) {
            self.state.set_layout(layout);
        }
    }
}

impl eframe::App for EntenteApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.state.poll();
        if ctx.input(|i| i.viewport().close_requested())
            && !self.state.close_now
            && self.state.dirty
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.pending = Some(Pending::Quit);
        }
        let mut commands = Vec::new();
        // Files and folders dropped on the window open as they would from the File menu.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::OpenPaths(dropped));
        }
        crate::ui::app_ui(ui, &self.state, &mut commands);
        // The source view and table scrolled to the new selection in this frame; only once.
        self.state.scroll_to_evidence = false;
        for c in commands {
            self.state.apply(c);
        }
        if self.state.close_now {
            self.state.close_now = false;
            self.state.dirty = false;
            // A clean exit: saved, or the analyst chose not to save. Nothing to recover.
            self.state.forget_recovery();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if let Some(wait) = self.state.autosave_if_due(Instant::now()) {
            ctx.request_repaint_after(wait);
        }
        let title = self.state.title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        if self.state.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, LAYOUT_KEY, &self.state.layout);
        eframe::set_value(storage, PREFERENCES_KEY, &self.state.preferences);
    }
}

/// Opens the window and runs until it closes.
pub fn run(start: Start) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Entente")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([720.0, 480.0])
            .with_app_id("entente"),
        ..Default::default()
    };
    eframe::run_native(
        "entente",
        options,
        Box::new(move |cc| {
            let recovery = Recovery::default_dir().map(Recovery::in_dir);
            Ok(Box::new(EntenteApp::with_recovery(cc, start, recovery)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not open: {e}"))
}
