use super::*;
use crate::model::DateValue;

fn samples() -> Dataset {
    let articles = crate::corpus::sample_articles();
    let engagements = crate::extract::extract_all(&articles);
    Dataset::new(articles, engagements)
}

fn code(c: &str) -> PartyCode {
    PartyCode::parse(c).expect("a party code")
}

#[test]
fn an_edit_is_undone_and_redone_exactly() {
    let mut data = samples();
    let original = data.clone();
    let mut history = History::new();
    let edit = Edit::set_field(&data, 0, FieldValue::Kind(Kind::Exercise)).expect("a change");
    history.apply(&mut data, edit).expect("applies");
    assert_eq!(data.engagements[0].kind, Kind::Exercise);
    assert_eq!(data.engagements[0].review, Review::Edited, "a correction");
    assert!(!history.is_at_saved());

    assert_eq!(history.undo(&mut data), Some(Touched::Records(vec![0])));
    assert_eq!(data, original);
    assert!(history.is_at_saved(), "undo back to the loaded state");
    history.redo(&mut data).expect("redo");
    assert_eq!(data.engagements[0].kind, Kind::Exercise);
    assert_eq!(data.engagements[0].review, Review::Edited);
    assert!(history.undo(&mut data).is_some());
    assert!(history.undo(&mut data).is_none(), "nothing more to undo");
    assert_eq!(data, original);
}

#[test]
fn a_long_run_of_mixed_edits_unwinds_to_the_start() {
    let mut data = samples();
    let original = data.clone();
    let mut history = History::new();
    let n = data.engagements.len();
    let mut edits = vec![
        Edit::set_field(&data, 1, FieldValue::Round(Some(7))),
        Edit::set_field(&data, 2, FieldValue::Notes("check the date".into())),
        Edit::set_field(&data, 0, FieldValue::Review(Review::Verified)),
    ];
    edits.push(
        TextSelection::checked(&data, &data.articles[0].id.clone(), 0, 40)
            .and_then(|s| analyst_record(&data, &s))
            .map(|r| insert_edit(&data, r)),
    );
    for edit in edits.into_iter().flatten() {
        history.apply(&mut data, edit).expect("applies");
    }
    let merge = merge_edit(&data, 0, 1).expect("two records");
    history.apply(&mut data, merge).expect("merge applies");
    assert_eq!(data.engagements.len(), n + 1);
    let after = data.clone();
    while history.undo(&mut data).is_some() {}
    assert_eq!(data, original);
    while history.redo(&mut data).is_some() {}
    assert_eq!(data, after);
}

#[test]
fn verifying_sets_confidence_and_notes_do_not_count_as_corrections() {
    let mut data = samples();
    let mut history = History::new();
    data.engagements[0].confidence = 0.4;
    let verify = Edit::set_field(&data, 0, FieldValue::Review(Review::Verified)).expect("change");
    history.apply(&mut data, verify).expect("applies");
    assert_eq!(data.engagements[0].review, Review::Verified);
    assert_eq!(data.engagements[0].confidence, 1.0);
    let note = Edit::set_field(&data, 0, FieldValue::Notes("seen".into())).expect("change");
    history.apply(&mut data, note).expect("applies");
    assert_eq!(
        data.engagements[0].review,
        Review::Verified,
        "notes annotate"
    );
    history.undo(&mut data);
    history.undo(&mut data);
    assert_eq!(data.engagements[0].confidence, 0.4);
    assert_eq!(data.engagements[0].review, Review::Unreviewed);
}

#[test]
fn a_rejected_record_stays_rejected_when_edited() {
    let mut data = samples();
    data.engagements[0].review = Review::Rejected;
    let edit = Edit::set_field(&data, 0, FieldValue::Round(Some(3))).expect("change");
    edit.apply_to(&mut data).expect("applies");
    assert_eq!(data.engagements[0].review, Review::Rejected);
}

#[test]
fn setting_a_field_to_its_value_is_no_edit() {
    let data = samples();
    let e = &data.engagements[0];
    assert!(Edit::set_field(&data, 0, FieldValue::Kind(e.kind)).is_none());
    let mut shuffled = e.parties.clone();
    shuffled.reverse();
    assert!(Edit::set_field(&data, 0, FieldValue::Parties(shuffled)).is_none());
    assert!(Edit::set_field(&data, 999_999, FieldValue::Round(None)).is_none());
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_and_the_saved_point() {
    let mut data = samples();
    let mut history = History::new();
    let a = Edit::set_field(&data, 0, FieldValue::Round(Some(1))).expect("change");
    history.apply(&mut data, a).expect("applies");
    history.mark_saved();
    history.undo(&mut data);
    let b = Edit::set_field(&data, 0, FieldValue::Round(Some(2))).expect("change");
    history.apply(&mut data, b).expect("applies");
    assert!(history.next_redo().is_none());
    while history.undo(&mut data).is_some() {}
    assert!(!history.is_at_saved(), "the saved state is gone for good");
}

#[test]
fn merging_combines_evidence_articles_and_notes() {
    let mut data = samples();
    let (a, b) = (0, data.engagements.len() - 1);
    data.engagements[a].notes = "first report".into();
    data.engagements[b].notes = "second report".into();
    data.engagements[a].date.start = None;
    data.engagements[b].date.start = Some(DateValue::Year(2012));
    let (ea, eb) = (data.engagements[a].clone(), data.engagements[b].clone());
    assert_ne!(ea.article_ids, eb.article_ids, "from two articles");

    let mut history = History::new();
    let edit = merge_edit(&data, a, b).expect("merge");
    assert_eq!(edit.describe(), "merge records");
    history.apply(&mut data, edit).expect("applies");
    let merged = &data.engagements[a];
    assert_eq!(merged.id, ea.id);
    for id in ea.article_ids.iter().chain(&eb.article_ids) {
        assert!(merged.article_ids.contains(id), "{id}");
    }
    for ev in ea.evidence.iter().chain(&eb.evidence) {
        assert!(merged.evidence.contains(ev));
    }
    for p in ea.parties.iter().chain(&eb.parties) {
        assert!(merged.parties.contains(p));
    }
    assert_eq!(merged.notes, "first report\nsecond report");
    assert_eq!(merged.date.start, Some(DateValue::Year(2012)));
    assert_eq!(merged.review, Review::Edited);
    let gone = &data.engagements[b];
    assert_eq!(gone.review, Review::Rejected, "kept in the file, rejected");
    assert!(gone.notes.ends_with(&format!("Merged into {}.", ea.id)));

    history.undo(&mut data);
    assert_eq!(data.engagements[a], ea);
    assert_eq!(data.engagements[b], eb);
    assert!(merge_edit(&data, a, a).is_none());
}

#[test]
fn a_record_from_a_selection_names_the_parties_in_it() {
    let data = samples();
    let article = &data.articles[0];
    let words = "Pakistan and the United States";
    let Some(start) = article.text.find("Pakistan") else {
        panic!("the first sample names Pakistan");
    };
    // Select with surrounding white space: it is trimmed.
    let sel = TextSelection::checked(&data, &article.id, start.saturating_sub(1), start + 200)
        .expect("a selection");
    assert!(!article.text[sel.start..sel.end].starts_with(' '));
    let record = analyst_record(&data, &sel).expect("a record");
    assert_eq!(record.origin, Origin::Analyst);
    assert_eq!(record.evidence, vec![sel.as_evidence("kind")]);
    assert!(record.parties.contains(&code("PAK")), "{words}: {record:?}");
    assert!(record.parties.windows(2).all(|w| w[0] < w[1]));
    assert!(!data.engagements.iter().any(|e| e.id == record.id));

    let mut more = data.clone();
    more.engagements.push(record.clone());
    let again = analyst_record(&more, &sel).expect("a record");
    assert_ne!(again.id, record.id, "ids stay unique");
}

#[test]
fn selections_off_character_boundaries_or_empty_are_refused() {
    let mut data = samples();
    data.articles[0].text = "Café talks between Pakistan and Japan".into();
    let id = data.articles[0].id.clone();
    assert!(
        TextSelection::checked(&data, &id, 0, 4).is_none(),
        "inside é"
    );
    assert!(
        TextSelection::checked(&data, &id, 5, 6).is_none(),
        "only a space"
    );
    assert!(TextSelection::checked(&data, &id, 0, 999).is_none());
    assert!(TextSelection::checked(&data, "a-nothing", 0, 3).is_none());
    let sel = TextSelection::checked(&data, &id, 20, 5).expect("reversed is fine");
    assert_eq!(&data.articles[0].text[sel.start..sel.end], "talks between");
}

#[test]
fn rebase_keeps_the_analysts_records_and_adds_only_new_machine_ones() {
    let fresh_full = samples();
    let mut base = fresh_full.clone();
    // The analyst: verifies one, edits one, rejects one, annotates one, makes one by hand;
    // one machine record was found by an older extractor and is no longer found.
    base.engagements[0].review = Review::Verified;
    base.engagements[1].kind = Kind::Training;
    base.engagements[1].review = Review::Edited;
    base.engagements[2].review = Review::Rejected;
    base.engagements[3].notes = "ask the desk".into();
    let sel = TextSelection::checked(&base, &base.articles[0].id.clone(), 0, 30).expect("sel");
    let by_hand = analyst_record(&base, &sel).expect("record");
    base.engagements.push(by_hand.clone());
    let mut stale = base.engagements[4].clone();
    stale.id = "e-000000000000".into();
    base.engagements.push(stale);
    // ... and the newest extraction finds one record the base lacked.
    let dropped = base.engagements.remove(5);

    let (out, report) = rebase(&base, fresh_full.clone());
    for i in 0..4 {
        assert!(out.engagements.contains(&base.engagements[i]), "record {i}");
    }
    assert!(out.engagements.contains(&by_hand));
    assert!(!out.engagements.iter().any(|e| e.id == "e-000000000000"));
    assert!(out.engagements.contains(&dropped));
    assert_eq!(report.kept, 5);
    assert_eq!(report.removed, 1);
    assert_eq!(report.added, 1);
    assert_eq!(report.articles_added, 0);
    assert_eq!(out.articles, base.articles);
    // No record twice.
    let mut ids: Vec<&str> = out.engagements.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);

    // Rebasing again on its own output changes nothing.
    let (again, report) = rebase(&out, fresh_full);
    assert_eq!(again, out);
    assert_eq!((report.added, report.removed), (0, 0));
}

#[test]
fn a_selection_inside_words_grows_to_whole_words() {
    let mut data = samples();
    data.articles[0].text = "Café talks between Pakistan and Japan".into();
    let id = data.articles[0].id.clone();
    let text = data.articles[0].text.clone();
    let start = text.find("alks").expect("in the text");
    let end = text.find("kistan").expect("in the text");
    let sel = TextSelection::checked(&data, &id, start, end)
        .expect("a selection")
        .whole_words(&data);
    assert_eq!(&text[sel.start..sel.end], "talks between Pakistan");
    let sel = TextSelection::checked(&data, &id, 1, 3)
        .expect("a selection")
        .whole_words(&data);
    assert_eq!(&text[sel.start..sel.end], "Café");
}
