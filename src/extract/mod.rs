//! The extractor: from an article's text to the engagements it reports, each field with the
//! evidence span and rule that produced it. Pure and deterministic: the same text gives the
//! same records with the same ids.
//!
//! The steps: sentences ([`text`]) → party mentions ([`lexicon`]), dates ([`dates`]) and people
//! ([`people`]) → one candidate per trigger clause ([`candidates`]) → candidates that describe
//! the same act merged ([`pairing`]).

mod candidates;
pub mod dates;
pub mod lexicon;
mod pairing;
pub mod people;
mod reports;
pub mod text;

pub use lexicon::Lexicon;

use crate::model::{Article, Engagement};
use rayon::prelude::*;

/// Extracts the engagements of one article with the built-in dictionaries.
pub fn extract_article(article: &Article) -> Vec<Engagement> {
    extract_with(Lexicon::builtin(), article)
}

/// Extracts the engagements of one article with the given dictionaries.
pub fn extract_with(lex: &Lexicon, article: &Article) -> Vec<Engagement> {
    match candidates::analyse(lex, article) {
        Some(analysis) => pairing::engagements(lex, article, analysis),
        None => Vec::new(),
    }
}

/// As [`extract_article`], for batches: a fault in a rule (a panic, which the tests hunt for
/// on real and generated text) costs that article's records only, never the batch or the
/// window. It is reported on standard error, and `None` tells the caller.
fn extract_guarded(article: &Article) -> Option<Vec<Engagement>> {
    let read = || extract_article(article);
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).ok();
    if out.is_none() {
        eprintln!(
            "entente: the extractor failed on article {} ({}); it gives no engagements",
            article.id,
            article.source.as_deref().unwrap_or("no source")
        );
    }
    out
}

/// What a batch read: the records, and the articles a fault in a rule left out (by index).
#[derive(Debug, Default)]
pub struct Batch {
    pub engagements: Vec<Engagement>,
    pub failed: Vec<usize>,
}

/// Extracts every article on all cores; the result is in article order, as if run on one,
/// with the reports of one act in several articles merged into one record.
pub fn extract_all(articles: &[Article]) -> Vec<Engagement> {
    let mut all = articles
        .par_iter()
        .flat_map_iter(|a| extract_guarded(a).unwrap_or_default())
        .collect();
    reports::merge_reports(&mut all);
    all
}

/// As [`extract_all`], calling `progress(done)` now and then; stops early and
/// returns `None` when `cancelled()` turns true.
pub fn extract_all_with_progress(
    articles: &[Article],
    progress: &(dyn Fn(usize) + Sync),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Batch> {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let per_article: Vec<Option<Option<Vec<Engagement>>>> = articles
        .par_iter()
        .map(|a| {
            if cancelled() {
                return None;
            }
            let out = extract_guarded(a);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(64) || n == articles.len() {
                progress(n);
            }
            Some(out)
        })
        .collect();
    let mut batch = Batch::default();
    for (i, part) in per_article.into_iter().enumerate() {
        match part? {
            Some(found) => batch.engagements.extend(found),
            None => batch.failed.push(i),
        }
    }
    reports::merge_reports(&mut batch.engagements);
    Some(batch)
}

#[cfg(test)]
mod tests {
    //! Each reader on small sentences of our own making.
    use super::*;
    use crate::model::{Kind, Precision, Status};

    fn extract(text: &str) -> Vec<Engagement> {
        let article = crate::corpus::article_from_text(text.to_string(), Some("t.txt".into()));
        extract_article(&article)
    }

    /// (kind, parties, status) of every record, for compact assertions.
    fn acts(text: &str) -> Vec<(Kind, String, Status)> {
        extract(text)
            .into_iter()
            .map(|e| (e.kind, e.parties_label(), e.status))
            .collect()
    }

    const HEAD: &str = "Headline\n2024-03-15\n\n";

    #[test]
    fn the_subject_of_a_clause_meets_whom_its_gerund_names_on_its_day() {
        let text = format!(
            "{HEAD}Kenyan Foreign Minister Otieno Kamau said on Thursday before meeting with Prime Minister Kofi Mensah of Ghana that trade would grow."
        );
        let found = extract(&text);
        let meeting = first_of_kind(&found, Kind::Meeting);
        assert_eq!(meeting.parties_label(), "GHA–KEN", "{meeting:#?}");
        let date = meeting.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03-14"), "{meeting:#?}");
    }

    #[test]
    fn a_meeting_had_today_and_the_forthcoming_one_are_two_acts_each_with_its_day() {
        let found = extract(&format!(
            "{HEAD}Kenya's Foreign Minister Otieno Kamau, who is currently in Norway to participate in the Oslo 2024 Ministerial Session with other states, had a bilateral meeting with Norwegian Foreign Minister Lars Berg on Thursday (14). It was agreed that the forthcoming meeting that is scheduled on 26 - 27 April 2024 between the Kenyan delegation led by State Minister Amani Wanjiru and the Deputy Minister of Defence of Norway will review these issues."
        ));
        let meetings: Vec<(Status, Option<String>)> = found
            .iter()
            .filter(|e| e.kind == Kind::Meeting && e.parties_label() == "KEN–NOR")
            .map(|e| (e.status, e.date.start.as_ref().map(|s| s.to_string())))
            .collect();
        assert_eq!(
            meetings,
            [
                (Status::Held, Some("2024-03-14".to_string())),
                (Status::Planned, Some("2024-04-26".to_string()))
            ],
            "{found:#?}"
        );
        let held = first_of_kind(&found, Kind::Meeting);
        assert_eq!(
            participants_of(held),
            ["Otieno Kamau", "Lars Berg"],
            "{held:#?}"
        );
    }

    #[test]
    fn each_item_of_a_semicolon_list_of_counterparts_is_a_meeting_of_the_visitor() {
        let found = acts(
            "Kenyan President arrives in Oslo\n2024-03-15\n\nKenyan President Ivo Kral arrived in Oslo on Thursday. Additionally, he is set to meet with UN Secretary-General Antonio Guterres; presidents of the European Commission and the African Union; and the chairman of a charity.",
        );
        let meetings: Vec<&str> = found
            .iter()
            .filter(|(kind, _, _)| *kind == Kind::Meeting)
            .map(|(_, parties, _)| parties.as_str())
            .collect();
        assert_eq!(meetings, ["AU–KEN", "EU–KEN", "KEN–UN"], "{found:?}");
    }

    #[test]
    fn a_semicolon_list_that_ends_on_and_inside_its_last_item_is_one_meeting_each() {
        let found = extract(&format!(
            "{HEAD}Kenyan Army chief General Ivo Kral is on an official visit to Norway. The Army chief also met Lars Berg, Security Adviser to the Prime Minister; Ana Solberg, State Secretary for Foreign Affairs and Nils Dahl, State Secretary at the Ministry of Defence."
        ));
        let met: Vec<Vec<String>> = found
            .iter()
            .filter(|e| e.kind == Kind::Meeting && e.parties_label() == "KEN–NOR")
            .map(|e| {
                participants_of(e)
                    .into_iter()
                    .filter(|n| *n != "Ivo Kral")
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        assert_eq!(
            met,
            [["Lars Berg"], ["Ana Solberg"], ["Nils Dahl"]],
            "{found:#?}"
        );
    }

    #[test]
    fn an_ordinal_before_a_named_joint_committee_is_a_round_of_dialogue() {
        let found = extract(
            "Kenya news\n2024-10-29\n\nNAIROBI, Oct 29 (KNA): The 5th Kenya-Norway Joint Military Consultative Committee (JMCC) meeting was held in the Ministry of Defence here on Tuesday.",
        );
        let dialogue = first_of_kind(&found, Kind::Dialogue);
        assert_eq!(
            (dialogue.parties_label().as_str(), dialogue.round),
            ("KEN–NOR", Some(5)),
            "{found:#?}"
        );
        // A committee with an ordinal for its name is no round of talks.
        let found = acts(&format!(
            "{HEAD}Kenya's draft was considered by the Sixth Committee of the UN General Assembly."
        ));
        assert!(
            found.iter().all(|(k, _, _)| *k != Kind::Dialogue),
            "{found:?}"
        );
    }

    #[test]
    fn a_courtesy_visit_to_an_office_is_a_courtesy_call() {
        let found = acts(&format!(
            "{HEAD}In a separate meeting, Kenyan Army chief General Ivo Kral also paid a courtesy visit to the Defence Secretary of Ghana at the Ministry of Defence."
        ));
        assert_eq!(
            found,
            [(Kind::CourtesyCall, "GHA–KEN".to_string(), Status::Held)],
            "{found:?}"
        );
    }

    #[test]
    fn training_given_by_another_states_personnel_is_training() {
        let found = acts(&format!(
            "{HEAD}Kenyan Air Force pilots will receive the aircraft next week, and further training will be conducted by Norwegian instructors over the next three months."
        ));
        assert!(
            found.contains(&(Kind::Training, "KEN–NOR".to_string(), Status::Planned)),
            "{found:?}"
        );
        // Advice about training is none.
        let found = acts(&format!(
            "{HEAD}He said Kenyan peacekeepers serving with the UN should receive appropriate training."
        ));
        assert!(
            found.iter().all(|(k, _, _)| *k != Kind::Training),
            "{found:?}"
        );
    }

    #[test]
    fn an_undated_act_of_an_official_statement_is_of_its_day() {
        let found = extract(&format!(
            "{HEAD}Kenyan Army chief General Ivo Kral met the Norwegian Defence Minister Lars Berg, the Ministry of Defence said in a statement."
        ));
        let meeting = first_of_kind(&found, Kind::Meeting);
        let date = meeting.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03-15"), "{meeting:#?}");
    }

    #[test]
    fn the_mediators_of_talks_take_part_beside_the_two_sides() {
        let found = acts(&format!(
            "{HEAD}Kenyan and Ugandan officials held talks in Doha on Saturday, mediated by Qatar and Norway."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "KEN–NOR–QAT–UGA".to_string(), Status::Held)),
            "{found:?}"
        );
        // The words may stand in a clause of their own.
        let found = acts(&format!(
            "{HEAD}Last week, the second round of talks, which were being mediated by Qatar and Norway, between Kenya and Uganda began in Doha."
        ));
        assert!(
            found.contains(&(Kind::Dialogue, "KEN–NOR–QAT–UGA".to_string(), Status::Held)),
            "{found:?}"
        );
        // The host of talks between two others, and a go-between named in passing.
        let found = acts(&format!(
            "{HEAD}Kenyan and Ugandan officials held talks on Saturday, hosted by the State of Qatar with Norway acting as mediator."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "KEN–NOR–QAT–UGA".to_string(), Status::Held)),
            "{found:?}"
        );
        let found = acts(&format!(
            "{HEAD}Facilitated by Qatar, talks between Kenya and Uganda in Doha lasted 13 hours on Saturday."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "KEN–QAT–UGA".to_string(), Status::Held)),
            "{found:?}"
        );
        // The host of a summit is one of its members, not a go-between.
        let found = acts(&format!(
            "{HEAD}The Kenyan president met the Ugandan president on Saturday at the summit hosted by Qatar."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "KEN–UGA".to_string(), Status::Held))
                && !found.iter().any(|(_, parties, _)| parties == "KEN–QAT–UGA"),
            "{found:?}"
        );
        // "the talks" told again with their mediators: the same act.
        let found = acts(&format!(
            "{HEAD}Kenya held talks with Uganda in Doha this week. Anyone following the talks held under the mediation of Qatar and Norway could see that Kenya only wanted time."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "KEN–NOR–QAT–UGA".to_string(), Status::Held)],
            "{found:?}"
        );
    }

    #[test]
    fn the_taliban_are_afghanistan_once_they_govern_it() {
        let text = |day: &str| {
            format!(
                "Talks\n{day}\n\nPakistan held talks with the Afghan Taliban in Doha on Saturday."
            )
        };
        let found = acts(&text("2025-10-19"));
        assert!(
            found.contains(&(Kind::Meeting, "AFG–PAK".to_string(), Status::Held)),
            "{found:?}"
        );
        // Before August 2021 the Taliban were an insurgency, not the Afghan state.
        let found = acts(&text("2020-08-27"));
        assert!(
            found.iter().all(|(_, parties, _)| !parties.contains("AFG")),
            "{found:?}"
        );
    }

    #[test]
    fn a_visit_after_an_opening_phrase_and_its_meetings_keep_the_visits_days() {
        let found = extract(
            "Kenya news\n2023-11-27\n\nNAIROBI, Nov 27 (KNA):Following his visit to the United Arab Emirates, Prime Minister Ivo Kral will embark on a bilateral visit to the State of Kuwait on 28-29 November 2023.\nDuring the visit, the prime minister will meet the Crown Prince of Kuwait, the Foreign Office Spokesperson said in a press release on Monday.",
        );
        let days: Vec<(Kind, Option<String>)> = found
            .iter()
            .filter(|e| e.parties_label() == "KEN–KWT")
            .map(|e| (e.kind, e.date.start.as_ref().map(|s| s.to_string())))
            .collect();
        let day = Some("2023-11-28".to_string());
        assert_eq!(
            days,
            [(Kind::Visit, day.clone()), (Kind::Meeting, day)],
            "{found:#?}"
        );
    }

    #[test]
    fn the_meeting_after_a_stop_on_the_visit_is_the_meeting_told_before() {
        // Told three times, by full names and by surnames, with a stop on the trip between.
        let found = acts(
            "Kral, Mensah talk trade in cordial meeting\n2024-03-15\n\nGhanaian President Kofi Mensah and Kenyan army chief General Otieno Kamau discussed trade during their cordial meeting in Accra, the army said on Thursday.\n\nGen Kamau met with Mensah at the State House yesterday.\n\nThe high-level engagement was scheduled at the Cabinet Room over luncheon, followed by a visit to the Oval Office.\n\nThe army chief extended an invitation to Mensah to undertake an official visit to Kenya at a mutually convenient date.\n\nMeanwhile, Kenyan Defence Minister John Otieno termed the meeting a milestone.",
        );
        let meetings = found
            .iter()
            .filter(|(kind, _, _)| *kind == Kind::Meeting)
            .count();
        assert_eq!(meetings, 1, "{found:?}");
    }

    #[test]
    fn two_people_of_one_surname_are_met_apart() {
        let found = acts(
            "Visit\n2024-03-15\n\nNAIROBI, Mar 15 (KNA): Kenyan President Ivo Kral arrived in Ghana on Thursday on a two-day official visit. During the visit, President Ivo Kral held delegation-level meetings with President Kofi Mensah and Prime Minister Ama Mensah of Ghana.",
        );
        let meetings = found
            .iter()
            .filter(|(kind, _, _)| *kind == Kind::Meeting)
            .count();
        assert_eq!(meetings, 2, "{found:?}");
    }

    #[test]
    fn talks_that_could_help_are_none_held() {
        let found = acts(&format!(
            "{HEAD}Kenyan President Ivo Kral on Thursday welcomed Ghana's efforts to end the dispute and said that talks could also help yield an agreement on trade."
        ));
        assert!(
            found.iter().all(|(kind, _, _)| *kind != Kind::Meeting),
            "{found:?}"
        );
    }

    #[test]
    fn the_states_of_what_was_said_in_a_call_are_not_its_sides() {
        let found = acts(&format!(
            "{HEAD}In a phone call with Ghanaian President Kofi Mensah, Kenyan President Ivo Kral emphasised that Togolese authorities must take immediate steps to dismantle the networks."
        ));
        assert_eq!(
            found,
            [(Kind::PhoneCall, "GHA–KEN".to_string(), Status::Held)],
            "{found:?}"
        );
    }

    #[test]
    fn a_surname_of_two_letters_acts_for_its_state_when_named_again() {
        let found = acts(&format!(
            "{HEAD}Chinese President Xi Jinping addressed the forum on Monday.\n\nOn Tuesday, Xi met Ghanaian President Kofi Mensah in Accra."
        ));
        assert!(
            found
                .iter()
                .any(|(kind, parties, _)| *kind == Kind::Meeting && parties == "CHN–GHA"),
            "{found:?}"
        );
    }

    #[test]
    fn a_visit_by_unnamed_foreign_diplomats_and_a_message_met_are_no_acts() {
        for sentence in [
            "Ghana's Foreign Minister Kofi Mensah summoned the Togolese ambassador on Wednesday, after shots were fired during international diplomats' visit to the Togolese city of Kara.",
            "Kenya demanded an immediate investigation on Wednesday over the shots fired during a visit by foreign diplomats to the occupied areas of Togo.",
            "Users in Kenya trying to reach the Ghanaian minister's page are now met with a standard message from the government of Ghana.",
        ] {
            let found = acts(&format!("{HEAD}{sentence}"));
            assert!(found.is_empty(), "{sentence}: {found:?}");
        }
    }

    #[test]
    fn a_visit_to_a_seat_of_government_visits_its_state() {
        let found = acts(&format!(
            "{HEAD}Ghana is discussing a defence deal which it hopes to seal when Ghanaian President Kofi Mensah visits the White House next month, the newspaper reported."
        ));
        assert!(
            found.contains(&(Kind::Visit, "GHA–USA".to_string(), Status::Planned)),
            "{found:?}"
        );
    }

    #[test]
    fn aid_that_whoever_might_give_is_none_given() {
        let found = acts(&format!(
            "{HEAD}“Kenya remains committed to holding accountable those who seek to provide the Ghanaian regime with the funding it needs,” the Kenyan minister said."
        ));
        assert!(
            found.iter().all(|(kind, _, _)| *kind != Kind::Assistance),
            "{found:?}"
        );
    }

    #[test]
    fn the_two_leaders_holding_talks_on_a_visit_and_a_banks_head_calling() {
        let found = acts(
            "Visit\n2024-03-15\n\nACCRA, Mar 15 (KNA): Kenyan President Ivo Kral arrived in Ghana on Friday on a two-day official visit at the invitation of Ghanaian President Kofi Mensah. The two leaders will also hold wide-ranging discussions encompassing bilateral relations. The president of the African Export and Import Bank will also call on the president during his stay in Accra.",
        );
        assert!(
            found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Planned)),
            "{found:?}"
        );
        assert!(
            found.iter().all(|(kind, _, _)| *kind != Kind::CourtesyCall),
            "{found:?}"
        );
    }

    #[test]
    fn a_call_between_two_officers_is_a_phone_call() {
        let found = acts(&format!(
            "{HEAD}The March 12 call between Kenya's Maj Gen Otieno Kamau and Ghana's Lt Gen Kofi Mensah focused on reinforcing mutual commitments, officials said."
        ));
        assert!(
            found
                .iter()
                .any(|(kind, parties, _)| *kind == Kind::PhoneCall && parties == "GHA–KEN"),
            "{found:?}"
        );
    }

    #[test]
    fn what_one_did_before_speaking_was_done() {
        let found = acts(&format!(
            "{HEAD}No more Kenyan soldiers will be recruited by Ghana, Kenyan Foreign Minister Otieno Kamau said after meeting with his Ghanaian counterpart Kofi Mensah in Accra."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
    }

    #[test]
    fn a_leaders_trip_to_a_city_his_state_administers_is_no_visit() {
        let found = acts(
            "Kashmir day\n2020-07-30\n\nISLAMABAD, Jul 30 (APP): Pakistan and India held talks on the dispute last year. He said Prime Minister of Pakistan will visit Muzaffarabad on 5th of August and will lead a protest procession.",
        );
        assert!(
            found.iter().all(|(kind, _, _)| *kind != Kind::Visit),
            "{found:?}"
        );
    }

    #[test]
    fn relief_goods_sent_to_a_state_are_assistance() {
        for sentence in [
            "Kenya handed over the second consignment of emergency relief aid to Ghana for its people affected by the floods.",
            "Earlier this week, Kenya sent the first batch of 35 tonnes of relief supplies to Ghana.",
        ] {
            let found = acts(&format!("{HEAD}{sentence}"));
            assert!(
                found
                    .iter()
                    .any(|(kind, parties, _)| *kind == Kind::Assistance && parties == "GHA–KEN"),
                "{sentence}: {found:?}"
            );
        }
        // A consignment of goods for trade is no aid.
        let found = acts(&format!(
            "{HEAD}Kenya recently dispatched its first consignment of mineral samples to Ghana to advance the deal."
        ));
        assert!(
            found.iter().all(|(kind, _, _)| *kind != Kind::Assistance),
            "{found:?}"
        );
    }

    #[test]
    fn being_in_a_capital_for_talks_is_a_visit() {
        let text = format!(
            "{HEAD}Kenyan Foreign Minister Otieno Kamau was in Accra on Wednesday for talks ahead of Saturday's meeting."
        );
        let found = extract(&text);
        let visit = first_of_kind(&found, Kind::Visit);
        assert_eq!(visit.parties_label(), "GHA–KEN", "{found:#?}");
        let date = visit.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03-13"), "{found:#?}");
        let found = extract(&format!(
            "{HEAD}Kenyan President Ivo Kral was in Accra on Thursday and Friday, on a rare foreign trip to attend a regional summit."
        ));
        let visit = first_of_kind(&found, Kind::Visit);
        assert_eq!(visit.parties_label(), "GHA–KEN", "{found:#?}");
        // Being somewhere, with nothing of a trip or talks, is no visit.
        let found = acts(&format!(
            "{HEAD}Kenyan Foreign Minister Otieno Kamau was in Accra on Wednesday when the news broke."
        ));
        assert!(
            found.iter().all(|(kind, _, _)| *kind != Kind::Visit),
            "{found:?}"
        );
    }

    #[test]
    fn the_second_of_two_capitals_where_two_states_met_is_a_venue() {
        let found = acts(&format!(
            "{HEAD}Nairobi and Accra held two rounds of indirect talks on consecutive Saturdays in Lusaka and Pretoria, starting on March 2."
        ));
        assert!(
            found.iter().any(|(_, parties, _)| parties == "GHA–KEN"),
            "{found:?}"
        );
        assert!(
            found.iter().all(|(_, parties, _)| !parties.contains("ZAF")),
            "{found:?}"
        );
    }

    #[test]
    fn the_year_a_ship_was_commissioned_is_not_the_day_of_its_visit() {
        let found = extract(&format!(
            "{HEAD}Kenya's KNS Jasiri, a patrol ship commissioned in 2012 arrived in Ghana's Tema port on March 12 and will depart on March 16."
        ));
        let visit = first_of_kind(&found, Kind::Visit);
        let start = visit.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(start.as_deref(), Some("2024-03-12"), "{found:#?}");
    }

    #[test]
    fn what_was_due_on_a_visit_under_way_stays_planned() {
        let found = extract(&format!(
            "{HEAD}Kenya's KNS Jasiri arrived in Ghana's Tema port on March 14 and will depart on March 17. Its commanding officer was due to call on the Ghanaian Navy's Rear Admiral Kofi Mensah."
        ));
        let call = first_of_kind(&found, Kind::CourtesyCall);
        assert_eq!(call.status, Status::Planned, "{found:#?}");
    }

    #[test]
    fn a_call_on_a_leadership_then_told_in_detail_is_one_call() {
        let found = extract(&format!(
            "{HEAD}Kenyan Navy Commander Major General Otieno Kamau called on the military leadership of Ghana during an official visit. The Navy Commander called on the Chief of the Naval Staff of Ghana, Rear Admiral Kofi Mensah."
        ));
        let calls = found
            .iter()
            .filter(|e| e.kind == Kind::CourtesyCall)
            .count();
        assert_eq!(calls, 1, "{found:#?}");
    }

    #[test]
    fn talks_to_end_hostilities_are_no_hostile_act() {
        let found = acts(&format!(
            "{HEAD}A high-level Kenyan delegation travelled to Accra on Saturday for talks with Togolese officials, aimed at ending cross-border hostilities."
        ));
        assert!(
            found.contains(&(Kind::Visit, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
        // An appeal to stop an attack is still no call on anyone.
        let found = acts(&format!(
            "{HEAD}\"We again call on the (Kenyan army) to cease attacks on peacekeepers,\" the UN force said."
        ));
        assert!(
            found.iter().all(|(kind, _, _)| *kind != Kind::CourtesyCall),
            "{found:?}"
        );
    }

    #[test]
    fn an_undated_act_done_does_not_take_the_day_of_one_to_come() {
        let found = acts(&format!(
            "{HEAD}President Ruto of Kenya met the Ghanaian president on the sidelines of the summit. The Togolese president arrives in Nairobi for talks on Monday."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
    }

    #[test]
    fn an_act_told_as_done_and_dated_nowhere_is_of_the_week_up_to_publication() {
        let found = extract(&format!(
            "{HEAD}Kenyan Foreign Minister Musalia Mudavadi visited Ghana to attend the sixth Ghana-Kenya Strategic Dialogue."
        ));
        for kind in [Kind::Visit, Kind::Dialogue] {
            let act = first_of_kind(&found, kind);
            assert_eq!(act.status, Status::Held, "{found:#?}");
            let start = act.date.start.as_ref().map(|s| s.to_string());
            let end = act.date.end.as_ref().map(|s| s.to_string());
            assert_eq!(start.as_deref(), Some("2024-03-09"), "{found:#?}");
            assert_eq!(end.as_deref(), Some("2024-03-15"), "{found:#?}");
            assert_eq!(act.date.precision, Precision::Week, "{found:#?}");
            // The text gives no words for it.
            assert_eq!(act.date.text, None, "{found:#?}");
            assert!(act.evidence.iter().all(|e| e.start < e.end), "{found:#?}");
        }
        // A numbered forum of the states it names is no back-reference.
        let found = acts(&format!(
            "{HEAD}The sixth Ghana-Kenya Strategic Dialogue was held in Nairobi."
        ));
        assert!(
            found.contains(&(Kind::Dialogue, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
    }

    #[test]
    fn discussions_between_two_states_are_a_meeting() {
        let found = extract(&format!(
            "{HEAD}The last high-level discussions between Kenya and Ghana were held in Nairobi on March 8."
        ));
        let meeting = first_of_kind(&found, Kind::Meeting);
        assert_eq!(meeting.parties_label(), "GHA–KEN", "{found:#?}");
        let start = meeting.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(start.as_deref(), Some("2024-03-08"), "{found:#?}");
    }

    #[test]
    fn to_engage_with_a_states_leadership_is_to_meet_it() {
        let found = acts(&format!(
            "{HEAD}During the visit, the Kenyan Prime Minister will engage with the Ghanaian leadership on trade and energy."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Planned)),
            "{found:?}"
        );
        // Engaging with an issue is no meeting.
        let found = acts(&format!(
            "{HEAD}Kenya will engage with the Ghanaian proposal on trade."
        ));
        assert_eq!(found, [], "{found:?}");
    }

    #[test]
    fn a_deal_reached_is_an_agreement_of_the_state_that_reached_it() {
        let found = acts(&format!(
            "{HEAD}Norway has reached a trade deal with Uganda's arch-rival Kenya that Nairobi said would lower tariffs."
        ));
        assert!(
            found.contains(&(Kind::Agreement, "KEN–NOR".to_string(), Status::Held)),
            "{found:?}"
        );
        assert!(
            found.iter().all(|(_, parties, _)| !parties.contains("UGA")),
            "{found:?}"
        );
    }

    #[test]
    fn two_numbered_batches_of_relief_are_two_deliveries() {
        let found = extract(&format!(
            "{HEAD}Kenya handed over the second consignment of emergency relief aid to Ghana on Friday. Earlier this week, Kenya sent the first batch of 35 tonnes of relief supplies to Ghana."
        ));
        let deliveries = found
            .iter()
            .filter(|e| e.kind == Kind::Assistance && e.parties_label() == "GHA–KEN")
            .count();
        assert_eq!(deliveries, 2, "{found:#?}");
        // Told twice without numbers, one delivery is one record.
        let found = extract(&format!(
            "{HEAD}Kenya handed over emergency relief aid to Ghana on Friday. The relief supplies Kenya sent to Ghana included tents."
        ));
        let deliveries = found.iter().filter(|e| e.kind == Kind::Assistance).count();
        assert!(deliveries <= 1, "{found:#?}");
    }

    #[test]
    fn to_be_in_a_state_at_a_time_to_come_is_a_visit() {
        let found = acts(&format!(
            "{HEAD}Kenyan President William Ruto is to be in Ghana next month, officials said."
        ));
        assert!(
            found.contains(&(Kind::Visit, "GHA–KEN".to_string(), Status::Planned)),
            "{found:?}"
        );
        // Being in a state's interest is no journey.
        let found = acts(&format!(
            "{HEAD}A settlement would be in Ghana's interest, the Kenyan president said."
        ));
        assert_eq!(found, [], "{found:?}");
    }

    #[test]
    fn one_who_will_leave_for_a_state_plans_a_visit() {
        let found = acts(&format!(
            "{HEAD}NAIROBI, Mar 15 (KNA): The President will attend the summit. He will then leave for Ghana to attend the funeral, he said."
        ));
        assert!(
            found.contains(&(Kind::Visit, "GHA–KEN".to_string(), Status::Planned)),
            "{found:?}"
        );
    }

    #[test]
    fn an_act_dated_only_by_its_report_is_of_the_week_up_to_it() {
        let found = extract(&format!(
            "{HEAD}The Kenyan government said on Thursday that President Ruto had a phone call with the Ghanaian president."
        ));
        let call = first_of_kind(&found, Kind::PhoneCall);
        assert_eq!(call.parties_label(), "GHA–KEN", "{found:#?}");
        let start = call.date.start.as_ref().map(|s| s.to_string());
        let end = call.date.end.as_ref().map(|s| s.to_string());
        assert_eq!(start.as_deref(), Some("2024-03-08"), "{found:#?}");
        assert_eq!(end.as_deref(), Some("2024-03-14"), "{found:#?}");
        assert_eq!(call.date.precision, Precision::Week, "{found:#?}");
        // A date inside the act's own words is its day, after a reporting verb too.
        let found = extract(&format!(
            "{HEAD}The Kenyan president told his Ghanaian counterpart in a call on Monday that he hoped for calm."
        ));
        let call = first_of_kind(&found, Kind::PhoneCall);
        let start = call.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(start.as_deref(), Some("2024-03-11"), "{found:#?}");
        assert_eq!(call.date.precision, Precision::Day, "{found:#?}");
    }

    #[test]
    fn what_was_done_on_a_visit_told_in_the_pluperfect_is_of_the_visits_month() {
        let found = extract(&format!(
            "{HEAD}Kenyan army chief General Otieno Kamau had gone to Accra on a five-day official visit in June. During the visit, he had met with President Kofi Mensah of Ghana over lunch."
        ));
        let meeting = first_of_kind(&found, Kind::Meeting);
        assert_eq!(meeting.parties_label(), "GHA–KEN", "{found:#?}");
        let date = meeting.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2023-06"), "{found:#?}");
    }

    #[test]
    fn an_organisations_summit_is_a_dialogue_and_a_two_leaders_summit_a_meeting() {
        let found = acts(&format!(
            "{HEAD}The Kenyan president headed on Tuesday to a Nato summit to get allies to pledge more."
        ));
        assert!(
            found.contains(&(Kind::Dialogue, "KEN–NATO".to_string(), Status::Held)),
            "{found:?}"
        );
        // The organisation is a side of its summit even where "at the" places it.
        let found = acts(&format!(
            "{HEAD}In his speech at the SCO summit, the Kenyan president mentioned a thorny issue."
        ));
        assert!(
            found.contains(&(Kind::Dialogue, "KEN–SCO".to_string(), Status::Held)),
            "{found:?}"
        );
        let found = acts(&format!(
            "{HEAD}The Kenyan president held a summit with the Ghanaian president in Accra on Tuesday."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
    }

    #[test]
    fn the_sides_of_talks_between_two_states_are_those_two_alone() {
        let found = acts(&format!(
            "{HEAD}The United Nations voiced concern over the collapse of talks between Kenya and Uganda on Tuesday."
        ));
        assert!(
            !found.is_empty() && found.iter().all(|(_, parties, _)| parties == "KEN–UGA"),
            "{found:?}"
        );
    }

    #[test]
    fn delegations_that_will_meet_again_and_a_next_meeting_are_planned() {
        let found = acts(&format!(
            "{HEAD}Kenya and Uganda signed a ceasefire agreement in Doha on Thursday. The delegations will meet again in Nairobi on March 25 for further discussions."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "KEN–UGA".to_string(), Status::Planned)),
            "{found:?}"
        );
        let found = acts(&format!(
            "{HEAD}Kenya and Uganda signed a ceasefire agreement in Doha on Thursday. The Kenyan minister looked forward to a monitoring mechanism in the next meeting to be hosted by Norway."
        ));
        assert!(
            found
                .iter()
                .any(|(k, _, s)| *k == Kind::Meeting && *s == Status::Planned),
            "{found:?}"
        );
    }

    #[test]
    fn a_wish_for_talks_a_new_ships_description_and_trained_staff_are_no_acts() {
        for sentence in [
            "He said Kenya wanted talks with Uganda after the border clashes.",
            "The newly commissioned Kenya Navy Ship Jasiri visited Colombo, Sri Lanka, during its return passage.",
            "The minister said Kenya would help Uganda by exporting qualified and trained manpower.",
        ] {
            let found = acts(&format!("{HEAD}{sentence}"));
            assert!(
                found.iter().all(|(k, _, _)| matches!(k, Kind::Visit)),
                "{sentence}: {found:?}"
            );
        }
        // A wish to meet someone is still a meeting the text tells of.
        let found = acts(&format!(
            "{HEAD}The Kenyan president wants to meet Ghana's President Ana Torres before the summit."
        ));
        assert!(
            found
                .iter()
                .any(|(k, p, _)| *k == Kind::Meeting && p == "GHA–KEN"),
            "{found:?}"
        );
        // Staff trained by another state's instructors are trained.
        let found = acts(&format!(
            "{HEAD}Kenyan pilots were trained by Norwegian instructors in Oslo last year."
        ));
        assert!(
            found.contains(&(Kind::Training, "KEN–NOR".to_string(), Status::Held)),
            "{found:?}"
        );
    }

    #[test]
    fn signing_several_documents_is_one_agreement_and_several_visits_are_none() {
        let found = acts(&format!(
            "{HEAD}The Kenyan President will visit Kuwait on 28-29 March. The visit will include signing of various Memorandum of Understandings (MoUs) in the fields of energy and defence."
        ));
        assert!(
            found.contains(&(Kind::Agreement, "KEN–KWT".to_string(), Status::Planned)),
            "{found:?}"
        );
        let found = acts(&format!(
            "{HEAD}Kenya and Kuwait have seen several visits over the years."
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_possessive_of_an_act_told_before_is_no_new_act() {
        let found = acts(&format!(
            "{HEAD}In a joint op-ed on the summit’s eve, the Kenyan president and the Ghanaian president said Africa must rearm."
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn addressing_a_session_of_an_organisation_is_a_dialogue() {
        let found = extract(&format!(
            "{HEAD}The spokesperson confirmed that the Kenyan President would virtually address the session of 75th General Assembly of the United Nations next week."
        ));
        let dialogue = first_of_kind(&found, Kind::Dialogue);
        assert_eq!(
            (
                dialogue.parties_label().as_str(),
                dialogue.status,
                dialogue.round
            ),
            ("KEN–UN", Status::Planned, Some(75)),
            "{found:#?}"
        );
        let found = acts(&format!(
            "{HEAD}On Sunday, Kenya is hosting an extraordinary session of OIC Foreign Ministers in Nairobi to discuss the crisis."
        ));
        assert!(
            found.contains(&(Kind::Dialogue, "KEN–OIC".to_string(), Status::Planned)),
            "{found:?}"
        );
        // A session of a conclave at home is none.
        let found = acts(&format!(
            "{HEAD}The Kenyan president, addressing the concluding session of the Nairobi Conclave, said Uganda and Kenya faced threats."
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_held_act_takes_no_year_after_publication() {
        let found = extract(&format!(
            "{HEAD}The strikes came four days after the Kenyan army chief's meeting with Ghanaian President Ana Torres and a day after Kenya decided to recommend her for the 2026 Nobel Peace Prize."
        ));
        let meeting = first_of_kind(&found, Kind::Meeting);
        assert_eq!(
            (
                meeting.status,
                meeting.date.start.as_ref().map(|s| s.to_string())
            ),
            (Status::Held, None),
            "{meeting:#?}"
        );
    }

    #[test]
    fn a_call_told_in_a_separate_meeting_is_apart_from_the_meeting_before() {
        let found = acts(&format!(
            "{HEAD}Kenyan Army chief General Ivo Kral met with the Deputy Minister of Defence of Ghana, Major General Ana Torres, and the Defence Secretary, Kofi Mensah. In his meeting with the Deputy Minister, discussions centred on training. In a separate meeting, General Kral also paid a courtesy visit to the Defence Secretary at the Ministry of Defence."
        ));
        let kinds: Vec<Kind> = found.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(kinds, [Kind::Meeting, Kind::CourtesyCall], "{found:?}");
    }

    #[test]
    fn a_forum_name_that_opens_on_an_en_dash_is_read_past_it() {
        // Found by the robustness test: the name ran back to "–", three bytes long, and was
        // cut inside it.
        let found = extract("Headline\n1990-01-01\n\nU.S. \n – Pakistan Prime Prime talks");
        assert!(
            found
                .iter()
                .all(|e| e.mechanism.as_deref().is_none_or(|m| !m.starts_with('–'))),
            "{found:#?}"
        );
    }

    #[test]
    fn states_that_hail_an_agreement_between_others_are_not_its_sides() {
        let found = acts(&format!(
            "{HEAD}Earlier this month, Ghana and Kenya both had hailed the signing of a ceasefire deal between the Ugandan government and the Rwandan group M23."
        ));
        assert!(
            found.iter().all(|(_, parties, _)| !parties.contains("GHA")),
            "{found:?}"
        );
        let found = acts(&format!(
            "{HEAD}Ghana hailed the signing of an agreement between Uganda and Rwanda on Tuesday."
        ));
        assert!(
            found.contains(&(Kind::Agreement, "RWA–UGA".to_string(), Status::Held)),
            "{found:?}"
        );
    }

    #[test]
    fn a_date_that_runs_into_the_trigger_dates_it() {
        // Found by the robustness test: "10th" is both the date's day and the forum's ordinal.
        let found = extract("Headline\n1990-01-01\n\nJune 10th Prime Dialogue India Pakistan");
        assert!(
            !found.is_empty()
                && found.iter().all(|e| e
                    .date
                    .start
                    .as_ref()
                    .is_none_or(|d| d.to_string().ends_with("-06-10"))),
            "{found:#?}"
        );
    }

    #[test]
    fn a_signed_deal_is_an_agreement() {
        let found = acts(&format!(
            "{HEAD}Last week, Ghana said it had signed a “military assistance” deal with Kenya."
        ));
        assert!(
            found.contains(&(Kind::Agreement, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
        // A deal with a firm is none between states.
        let found = acts(&format!(
            "{HEAD}In June 2023, Ghana signed a US$ 5.6 billion deal with Kenyan electric car maker Volta to build a plant."
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn would_probably_meet_is_a_planned_meeting() {
        let found = acts(&format!(
            "{HEAD}The Kenyan president said he would probably meet Ghana's President Ana Torres while in Oslo."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Planned)),
            "{found:?}"
        );
    }

    #[test]
    fn a_semicolon_parts_two_clauses_when_its_items_have_verbs() {
        let found = acts(&format!(
            "{HEAD}The Kenyan foreign minister met Norwegian Foreign Minister Lars Berg on Thursday; and the Ghanaian president was in Oslo for a conference."
        ));
        let meetings: Vec<&str> = found
            .iter()
            .filter(|(kind, _, _)| *kind == Kind::Meeting)
            .map(|(_, parties, _)| parties.as_str())
            .collect();
        assert_eq!(meetings, ["KEN–NOR"], "{found:?}");
    }

    #[test]
    fn a_flotilla_that_arrived_a_port_without_in_visits_its_state() {
        let found = acts(
            "Navy news\n2024-03-15\n\nMOMBASA, Mar 15 (KNA): A Ghanaian flotilla arrived Mombasa on Friday to take part in a joint exercise with the Kenya Navy.",
        );
        assert!(
            found.contains(&(Kind::Visit, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
    }

    #[test]
    fn what_the_navies_would_do_during_an_exercise_is_the_exercise_itself() {
        let found = acts(&format!(
            "{HEAD}The opening ceremony of the joint naval exercise between the Kenya Navy and the Ghana Navy was held on Thursday. During the exercise, ships of both navies would carry out joint drills in the Indian Ocean."
        ));
        assert_eq!(
            found,
            [(Kind::Exercise, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn their_meeting_is_the_talks_of_the_two_sides_on_the_day_of_the_dateline() {
        let found = extract(
            "PM praises ties\n2024-03-15\n\nNAIROBI, Mar 15 (KNA): The Kenyan Prime Minister on Friday addressed a joint press stakeout along with Ghanaian President Kofi Mensah here.\nThe prime minister said in their meeting the two leaders underscored the trade agreement the two countries had signed in August last year.\nHe said Kenya and Ghana would take their defence cooperation to a higher level.",
        );
        let meeting = first_of_kind(&found, Kind::Meeting);
        assert_eq!(meeting.parties_label(), "GHA–KEN", "{found:#?}");
        assert_eq!(meeting.status, Status::Held);
        let date = meeting.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03-15"), "{meeting:#?}");
    }

    #[test]
    fn a_warship_built_abroad_and_commissioned_or_launched_is_an_arms_transfer() {
        let commissioned = acts(&format!(
            "{HEAD}Kenya Navy Ship JASIRI, the second of four frigates built for the Kenya Navy, has been commissioned at a shipyard in Ghana."
        ));
        assert_eq!(
            commissioned,
            [(Kind::Assistance, "GHA–KEN".to_string(), Status::Held)]
        );
        let launched = acts(&format!(
            "{HEAD}The Kenyan President attended the launching ceremony of the third of the four corvettes for the Kenya Navy in Accra, Ghana."
        ));
        assert_eq!(
            launched,
            [(Kind::Assistance, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn an_act_in_the_present_perfect_is_dated_by_the_day_of_its_report() {
        let found = extract(&format!(
            "{HEAD}Kenya and Ghana have signed a preliminary defence pact, Kenyan President Ivo Kral said on Thursday. Kral arrived in Accra on Wednesday night. The Kenyan president is scheduled to fly to Norway on Saturday."
        ));
        let pact = first_of_kind(&found, Kind::Agreement);
        let date = pact.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03-14"), "{pact:#?}");
        let visits: Vec<(String, Status)> = found
            .iter()
            .filter(|e| e.kind == Kind::Visit)
            .map(|e| (e.parties_label(), e.status))
            .collect();
        assert_eq!(
            visits,
            [
                ("GHA–KEN".to_string(), Status::Held),
                ("KEN–NOR".to_string(), Status::Planned)
            ]
        );
    }

    #[test]
    fn a_signing_told_as_news_is_not_the_one_dated_months_before() {
        let found = extract(&format!(
            "{HEAD}In November last year, Kenya and Ghana signed a three-year roadmap for comprehensive cooperation. On the occasion, Kenyan and Ghanaian ministers signed an agreement on cooperation between the defence ministries."
        ));
        let mut dates: Vec<Option<String>> = found
            .iter()
            .filter(|e| e.kind == Kind::Agreement)
            .map(|e| e.date.start.as_ref().map(|s| s.to_string()))
            .collect();
        dates.sort();
        assert_eq!(dates.len(), 2, "{found:#?}");
        // The roadmap of November; the agreement, which the text does not date, in the week
        // of the report.
        assert_eq!(dates[0].as_deref(), Some("2023-11"), "{found:#?}");
        assert_eq!(dates[1].as_deref(), Some("2024-03-09"), "{found:#?}");
    }

    #[test]
    fn a_foreign_official_received_is_met_even_in_a_sentence_glued_to_the_last() {
        let found = acts(
            "Ties reviewed\n2024-03-15\n\nNAIROBI, Mar 15 (KNA): The Foreign Secretary stressed the need to expand cooperation in Science & Technology.The Foreign Secretary expressed these views as he received the Ghanaian Ministry of Foreign Affairs Counselor Kofi Mensah here on Thursday.",
        );
        assert_eq!(
            found,
            [(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn a_date_before_an_and_belongs_to_the_act_before_it() {
        let found = extract(&format!(
            "{HEAD}Recent contacts included the 8th Session of the Joint Ministerial Commission in February 2024 and a subsequent visit by a Kenyan ministerial delegation to Ghana in March 2024."
        ));
        let visit = first_of_kind(&found, Kind::Visit);
        let date = visit.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03"), "{visit:#?}");
    }

    #[test]
    fn a_meeting_one_minister_chairs_about_links_to_a_state_is_domestic() {
        let found = acts(
            "Minister urges roadmap\n2024-03-15\n\nNAIROBI, Mar 15 (KNA): The Kenyan Minister for Maritime Affairs Amani Wanjiru chaired a high-level meeting on Friday to map out priority infrastructure projects linking the Gulf, Ethiopia and beyond.",
        );
        assert_eq!(found, []);
        let co_chaired = acts(&format!(
            "{HEAD}Kenyan Director-General Amani Wanjiru and Ghanaian Joint Secretary Kofi Mensah co-chaired the meeting on Thursday."
        ));
        assert_eq!(
            co_chaired,
            [(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn what_the_two_sides_discussed_on_a_visit_is_a_meeting_of_the_visit() {
        let found = acts(&format!(
            "{HEAD}Asked about the visit of the Kenyan Army Chief to Accra on March 9, the spokesperson said the two sides discussed the peace process and agreed on the return of refugees."
        ));
        assert_eq!(
            found,
            [
                (Kind::Visit, "GHA–KEN".to_string(), Status::Held),
                (Kind::Meeting, "GHA–KEN".to_string(), Status::Held)
            ]
        );
        let no_visit = acts(&format!(
            "{HEAD}The Kenyan and Ghanaian foreign ministers met in Nairobi on Thursday. The two sides discussed trade."
        ));
        assert_eq!(
            no_visit,
            [(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn before_the_visit_of_only_the_nearest_state_may_host_it() {
        let found = acts(&format!(
            "{HEAD}Relations saw flare-ups, including displays of Ghanaian firepower around Togo triggered by the visit of a senior Kenyan official."
        ));
        assert_eq!(found, [(Kind::Visit, "KEN–TGO".to_string(), Status::Held)]);
    }

    #[test]
    fn a_dinner_in_someones_honour_is_a_meeting_and_what_is_said_there_names_no_side() {
        let found = acts(
            "President hosts dinner\n2024-03-15\n\nNAIROBI, Mar 15 (KNA): Kenyan President Ivo Kral on Friday said the world must act on Sudan.\nSpeaking at a dinner hosted in the honour of United Nations Secretary General Antonio Guterres and his delegation, he said Ethiopia had not learnt any lesson from the past.",
        );
        assert_eq!(found, [(Kind::Meeting, "KEN–UN".to_string(), Status::Held)]);
    }

    #[test]
    fn a_trip_to_new_york_for_the_general_assembly_visits_the_un() {
        let found = acts(&format!(
            "{HEAD}Kenyan President Ivo Kral arrived in New York on Thursday to lead Kenya's delegation at the 79th session of the United Nations General Assembly."
        ));
        assert!(
            found.contains(&(Kind::Visit, "KEN–UN".to_string(), Status::Held)),
            "{found:?}"
        );
        let elsewhere = acts(&format!(
            "{HEAD}Kenyan President Ivo Kral arrived in New York on Thursday for a week of talks on trade."
        ));
        assert_eq!(
            elsewhere,
            [(Kind::Visit, "KEN–USA".to_string(), Status::Held)]
        );
    }

    #[test]
    fn meeting_a_states_investors_on_a_trip_is_no_meeting_of_states() {
        let found = acts(&format!(
            "{HEAD}Kenyan President Ivo Kral arrived in New York on Thursday to meet American investors."
        ));
        assert_eq!(found, [(Kind::Visit, "KEN–USA".to_string(), Status::Held)]);
    }

    #[test]
    fn speaking_to_someone_by_phone_is_a_phone_call() {
        let found = acts(&format!(
            "{HEAD}Kenyan Foreign Minister Otieno Kamau spoke to Ghanaian Foreign Minister Kofi Mensah by telephone on Thursday."
        ));
        assert_eq!(
            found,
            [(Kind::PhoneCall, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn the_visitor_meets_whom_a_meeting_on_the_trip_names() {
        let found = acts(
            "Kenyan President arrives in Oslo for the annual debate\n2024-03-15\n\nKenyan President Ivo Kral arrived in Oslo on Thursday to lead Kenya's delegation at the annual debate. During his visit, he is set to meet with UN Secretary-General Antonio Guterres. In a scheduled meeting with Ghanaian President Kofi Mensah, President Kral will consult on ways to end Sudan's war.",
        );
        assert_eq!(
            found,
            [
                (Kind::Visit, "KEN–NOR".to_string(), Status::Held),
                (Kind::Meeting, "KEN–UN".to_string(), Status::Planned),
                (Kind::Meeting, "GHA–KEN".to_string(), Status::Planned)
            ]
        );
    }

    #[test]
    fn their_talks_on_a_visit_are_an_act_of_their_own() {
        let found = acts(&format!(
            "{HEAD}Kenya's Foreign Minister Otieno Kamau on Friday reaffirmed ties with Norway during the official visit of Norwegian Foreign Minister Lars Berg here from March 14-15.\n\nThe visit marked a significant step.\n\nDuring their talks, the two ministers agreed to hold annual political consultations."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "KEN–NOR".to_string(), Status::Held)),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(kind, parties, _)| *kind == Kind::Visit && parties == "KEN–NOR"),
            "{found:?}"
        );
    }

    #[test]
    fn the_agency_whose_release_tells_of_a_meeting_is_no_counterpart() {
        let found = acts(&format!(
            "{HEAD}RAWALPINDI, Mar 15 (APP): The UN Secretary-General thanked Pakistan's army chief General Amir Khan for his visit to the UN Headquarters.\nDuring ongoing visit to USA, COAS, General Amir Khan, met UN Secretary General Antonio Guterres at UN Headquarters, New York, said an Inter Services Public Relations (ISPR) news release issued here on Friday."
        ));
        let meetings: Vec<&str> = found
            .iter()
            .filter(|(kind, _, _)| *kind == Kind::Meeting)
            .map(|(_, parties, _)| parties.as_str())
            .collect();
        assert_eq!(meetings, ["PAK–UN"], "{found:?}");
    }

    #[test]
    fn a_leader_named_again_by_surname_alone_acts_for_his_state() {
        let found = acts(&format!(
            "{HEAD}Kenyan President Ivo Kral arrived in Chile on Thursday. Kral will pay a state visit to Sweden on Monday. Kral's visit to Norway follows in May."
        ));
        assert!(
            found.contains(&(Kind::Visit, "KEN–SWE".to_string(), Status::Planned)),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(kind, parties, _)| *kind == Kind::Visit && parties == "KEN–NOR"),
            "{found:?}"
        );
        // Two officials of different states share the surname: it names neither.
        let found = acts(&format!(
            "{HEAD}Kenyan President Ivo Kral and Foreign Minister Ana Kral of Peru met in Chile on Thursday. Kral will pay a state visit to Sweden on Monday."
        ));
        assert!(
            found.iter().all(|(_, parties, _)| !parties.contains("SWE")),
            "{found:?}"
        );
    }

    #[test]
    fn a_state_an_issue_is_about_is_no_side() {
        let found = acts(&format!(
            "{HEAD}He praised the Kenyan army chief for highlighting the issues of Somalia and Sudan during his recent visit to Norway."
        ));
        assert_eq!(found, [(Kind::Visit, "KEN–NOR".to_string(), Status::Held)]);
    }

    #[test]
    fn a_past_progressive_act_was_held() {
        let found = acts(&format!(
            "{HEAD}The Kenyan president, he said, was visiting Norway recently and they would learn a lot from the Norwegian experience."
        ));
        assert_eq!(found, [(Kind::Visit, "KEN–NOR".to_string(), Status::Held)]);
    }

    #[test]
    fn private_trips_and_firms_are_no_state_acts() {
        for sentence in [
            "A senior journalist who recently visited Norway said the roads there were calm.",
            "After the talks, the Kenyan delegation visited Statoil’s campus in Oslo on Monday.",
            "A meeting between the Norway Association of Small Enterprises and the Kenyan prime minister took place on Monday.",
        ] {
            assert_eq!(acts(&format!("{HEAD}{sentence}")), [], "{sentence}");
        }
        // A state's visit stays one.
        let found = acts(&format!(
            "{HEAD}The Kenyan president visited Norway on Monday and toured a factory in Oslo."
        ));
        assert_eq!(found, [(Kind::Visit, "KEN–NOR".to_string(), Status::Held)]);
    }

    #[test]
    fn an_appeal_to_a_long_list_is_no_courtesy_call() {
        let found = acts(&format!(
            "{HEAD}Kenyan Prime Minister Ivo Kral has called on the African Union, the UN Security Council, and Norwegian Prime Minister Ana Berg to intervene."
        ));
        assert!(
            found.iter().all(|(kind, _, _)| *kind != Kind::CourtesyCall),
            "{found:?}"
        );
        let found = acts(&format!(
            "{HEAD}The Kenyan envoy called on the Norwegian Minister of Defence, Ana Berg, at her office in Oslo on Monday, according to a statement, to discuss defence cooperation and to end delays."
        ));
        assert_eq!(
            found,
            [(Kind::CourtesyCall, "KEN–NOR".to_string(), Status::Held)]
        );
    }

    #[test]
    fn sport_is_no_engagement() {
        for sentence in [
            "The visit of the Kenyan U-21 side to Norway on Monday is important for young players.",
            "The Kenyan president's visit to Norway on Sunday is his latest appearance at a major sporting event.",
            "The Kenyan president met the Norwegian tennis champions on Sunday.",
        ] {
            assert_eq!(acts(&format!("{HEAD}{sentence}")), [], "{sentence}");
        }
        // A league of states is no sport.
        let found = acts(&format!(
            "{HEAD}The Kenyan foreign minister met his Norwegian counterpart on Monday on the sidelines of the Arab League summit."
        ));
        assert!(
            found
                .iter()
                .any(|(kind, parties, _)| *kind == Kind::Meeting && parties == "KEN–NOR"),
            "{found:?}"
        );
    }

    #[test]
    fn an_agreement_and_a_dialogue_in_one_sentence_are_two_acts() {
        let text = format!(
            "{HEAD}Kenya and Norway on Tuesday signed an agreement on maritime security after the fourth round of bilateral defence talks in Nairobi."
        );
        let found = extract(&text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].kind, Kind::Agreement);
        let dialogue = &found[1];
        assert_eq!((dialogue.kind, dialogue.round), (Kind::Dialogue, Some(4)));
        assert_eq!(
            dialogue.date.start.map(|d| d.to_string()).as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(dialogue.location.place.as_deref(), Some("Nairobi"));
        assert_eq!(dialogue.parties_label(), "KEN–NOR");
    }

    #[test]
    fn modal_cues_make_plans_and_proposals() {
        assert_eq!(
            acts(&format!(
                "{HEAD}Chile and Peru will hold security talks in Lima next month."
            ))[0]
                .2,
            Status::Planned
        );
        assert_eq!(
            acts(&format!(
                "{HEAD}Chile proposed a security dialogue with Peru."
            ))[0]
                .2,
            Status::Proposed
        );
        assert_eq!(
            acts(&format!(
                "{HEAD}Chile and Peru cancelled their security talks."
            ))[0]
                .2,
            Status::Cancelled
        );
        assert_eq!(
            acts(&format!(
                "{HEAD}Chile and Peru held security talks in Lima."
            ))[0]
                .2,
            Status::Held
        );
    }

    #[test]
    fn hostile_acts_and_conditional_offers_are_not_engagements() {
        assert!(acts(&format!("{HEAD}Forces of Armenia attacked a checkpost of Azerbaijan, killing two soldiers during the drills.")).is_empty());
        assert!(acts(&format!("{HEAD}Armenia said it was ready to hold talks with Azerbaijan provided the blockade ended.")).is_empty());
    }

    #[test]
    fn the_subject_of_an_agreement_is_no_act_of_its_own() {
        let found = acts(&format!(
            "{HEAD}Kenya and Norway on Tuesday signed an agreement on military training cooperation."
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Kind::Agreement);
        // "a deal on Tuesday during a visit": the visit is an act of its own.
        let found = acts(&format!(
            "{HEAD}Kenya and Norway signed several deals on Tuesday during a visit to Nairobi by the Norwegian Prime Minister."
        ));
        assert!(found.iter().any(|a| a.0 == Kind::Visit), "{found:?}");
    }

    #[test]
    fn a_proposal_met_with_hope_is_no_meeting() {
        assert!(
            acts(&format!(
                "{HEAD}The offer sent by Chilean and Peruvian mediators was met with hope in the region."
            ))
            .is_empty()
        );
    }

    #[test]
    fn an_arrival_with_an_adverb_is_a_visit() {
        let found = acts(&format!(
            "{HEAD}The Chilean Foreign Minister arrived overnight in Peru for a regional conference."
        ));
        assert!(
            found.iter().any(|a| a.0 == Kind::Visit && a.1 == "CHL–PER"),
            "{found:?}"
        );
    }

    #[test]
    fn the_people_a_concern_is_about_are_no_party() {
        let found = acts(&format!(
            "{HEAD}The Kenyan envoy called on the Norwegian Prime Minister and raised the plight of innocent Somalis in the camps."
        ));
        assert!(found.iter().all(|a| !a.1.contains("SOM")), "{found:?}");
    }

    #[test]
    fn talks_held_besides_a_call_and_a_forum_are_their_own_act() {
        let found = acts(&format!(
            "{HEAD}The Kenyan Foreign Minister called on the Norwegian Prime Minister, besides holding talks with the Norwegian Foreign Minister and co-chairing the third round of Kenya-Norway political consultations."
        ));
        let kinds: Vec<Kind> = found.iter().map(|a| a.0).collect();
        assert!(kinds.contains(&Kind::Meeting), "{found:?}");
        assert!(kinds.contains(&Kind::CourtesyCall), "{found:?}");
        assert!(kinds.contains(&Kind::Dialogue), "{found:?}");
    }

    #[test]
    fn a_call_on_a_president_and_a_prime_minister_is_two_calls() {
        let found = acts(&format!(
            "{HEAD}The Norwegian Foreign Minister, Ola Berg, called on Kenyan President John Kamau and Kenyan Prime Minister Peter Otieno."
        ));
        let calls = found
            .iter()
            .filter(|a| a.0 == Kind::CourtesyCall && a.1 == "KEN–NOR")
            .count();
        assert_eq!(calls, 2, "{found:?}");
    }

    #[test]
    fn a_year_after_since_does_not_date_the_act() {
        let found = extract(&format!(
            "{HEAD}The Chilean President will arrive in Lima on Thursday for a state visit. This will be the first visit of the Chilean President to Peru since assuming office in 2016, the ministry said."
        ));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].status, Status::Planned);
    }

    #[test]
    fn an_organisations_numbered_forum_is_its_own_act_with_the_organisation() {
        let found = acts(&format!(
            "{HEAD}The Peruvian President will visit Chile on Monday. Similarly, the Peruvian Foreign Minister will lead the Peru delegation at the 31st ASEAN Regional Forum Ministerial Meeting on Friday."
        ));
        assert!(
            found
                .iter()
                .any(|a| a.0 == Kind::Dialogue && a.1 == "ASEAN–PER"),
            "{found:?}"
        );
    }

    #[test]
    fn meetings_with_unnamed_dignitaries_take_no_sides_from_elsewhere() {
        let found = acts(&format!(
            "{HEAD}The Peruvian President will visit Chile on Monday. The Peruvian Foreign Minister will also hold bilateral meetings with the participating dignitaries at the regional forum."
        ));
        assert!(found.iter().all(|a| a.0 != Kind::Meeting), "{found:?}");
    }

    #[test]
    fn the_head_of_an_unlisted_body_takes_no_state_as_side() {
        let found = acts(&format!(
            "{HEAD}The Peruvian President will visit Chile on Monday. The outgoing Secretary General of the Andean Fisheries Organization, Ambassador Ana Soto, arrived in Chile on Wednesday for a three-day visit."
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, Status::Planned);
    }

    #[test]
    fn after_meeting_the_leaders_of_two_states_is_a_meeting_with_each() {
        let found = acts(&format!(
            "{HEAD}The Chilean Foreign Minister arrived in Peru on Monday after meeting the leaders of Brazil and Argentina in an attempt to reach a trade deal."
        ));
        let meetings: Vec<&str> = found
            .iter()
            .filter(|a| a.0 == Kind::Meeting)
            .map(|a| a.1.as_str())
            .collect();
        assert_eq!(meetings, ["ARG–CHL", "BRA–CHL"], "{found:?}");
    }

    #[test]
    fn prior_to_the_visit_refers_to_the_visit_told() {
        let found = acts(&format!(
            "{HEAD}The Chilean President will arrive in Lima on Thursday for a two-day state visit to Peru. Prior to the president’s visit, the two sides are scheduled to hold the 7th Session of the Joint Ministerial Commission in Lima on Wednesday."
        ));
        let visits = found.iter().filter(|a| a.0 == Kind::Visit).count();
        assert_eq!(visits, 1, "{found:?}");
    }

    #[test]
    fn the_city_that_places_a_venue_is_no_party() {
        let found = acts(&format!(
            "{HEAD}During his visit to Chile, the Peruvian Foreign Minister met UN Secretary General Antonio Guterres at UN Headquarters, Nairobi."
        ));
        assert!(found.iter().all(|a| !a.1.contains("KEN")), "{found:?}");
        assert!(
            found
                .iter()
                .any(|a| a.0 == Kind::Meeting && a.1 == "PER–UN"),
            "{found:?}"
        );
    }

    #[test]
    fn talks_between_named_sides_are_no_back_reference() {
        let found = acts(&format!(
            "{HEAD}The Chilean President arrived in Peru on Monday. Tuesday’s talks between Chilean officials and the Peruvian team will be the first since the dispute began."
        ));
        assert!(
            found
                .iter()
                .any(|a| a.0 == Kind::Meeting && a.2 == Status::Planned),
            "{found:?}"
        );
    }

    #[test]
    fn talks_that_have_stalled_are_no_act() {
        assert!(
            acts(&format!(
                "{HEAD}Trade talks between Chile and Peru have stalled since January."
            ))
            .is_empty()
        );
    }

    #[test]
    fn support_provided_by_a_host_names_no_aid() {
        assert!(
            acts(&format!(
                "{HEAD}The Kenyan envoy praised the support provided by Norway for the naval ships."
            ))
            .is_empty()
        );
        let found = acts(&format!(
            "{HEAD}Norway provided patrol boats to Kenya on Monday."
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Kind::Assistance);
    }

    #[test]
    fn urging_is_not_a_courtesy_call() {
        assert!(
            acts(&format!(
                "{HEAD}The President of Ghana called on the nation to support Togo."
            ))
            .is_empty()
        );
    }

    #[test]
    fn one_courtesy_call_per_host_named() {
        let text = format!(
            "{HEAD}The Chilean admiral called on the commanders of the Peruvian Navy, the Brazilian Navy and the Argentine Navy."
        );
        let mut pairs: Vec<String> = extract(&text).iter().map(|e| e.parties_label()).collect();
        pairs.sort();
        assert_eq!(pairs, vec!["ARG–CHL", "BRA–CHL", "CHL–PER"]);
    }

    #[test]
    fn the_dateline_state_is_the_host_left_unsaid() {
        let text = "Envoy calls on minister\n\nNAIROBI, Mar 15 (KNA): The Norwegian ambassador called on the Cabinet Secretary for Defence and discussed training.";
        let found = extract(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].parties_label(), "KEN–NOR");
        assert_eq!(found[0].kind, Kind::CourtesyCall);
    }

    #[test]
    fn an_official_who_departed_for_a_state_visits_it_and_travellers_do_not() {
        let visits = |text: &str| -> Vec<String> {
            extract(text)
                .iter()
                .filter(|e| e.kind == Kind::Visit)
                .map(|e| e.parties_label())
                .collect()
        };
        assert_eq!(
            visits(
                "President leaves\n\nNAIROBI, Mar 15 (KNA): President Ivo Kral on Monday departed for Ghana to attend the summit."
            ),
            ["GHA–KEN"]
        );
        assert_eq!(
            visits(
                "Refugees return\n\nNAIROBI, Mar 15 (KNA): Hundreds of Ghanaian refugees on Monday left for Ghana from Kenya."
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_known_surname_ending_another_name_is_not_its_bearer() {
        // Ruto is Kenya's president; "Khamis Al Ruto" is someone else's name.
        let text = "Omani admiral calls on Ghanaian chief\n\nACCRA, Mar 15 (GNA): Chief of Staff of the Sultan's Armed Forces of Oman, Vice Admiral Abdullah Bin Khamis Al Ruto, on Monday called on the Chief of the Naval Staff.";
        let calls: Vec<String> = extract(text).iter().map(|e| e.parties_label()).collect();
        assert_eq!(calls, ["GHA–OMN"]);
    }

    #[test]
    fn the_brief_of_an_office_is_not_a_party() {
        let text = "{HEAD}Kenyan Foreign Minister Amani Wanjiru received a telephone call from Ola Nordmann, Norway's Minister for South Asia, North Africa, the United Nations and the Commonwealth, on Sunday.";
        let calls: Vec<String> = extract(&text.replace("{HEAD}", HEAD))
            .iter()
            .map(|e| e.parties_label())
            .collect();
        assert_eq!(calls, ["KEN–NOR"]);
    }

    #[test]
    fn calling_a_leader_or_a_counterpart_is_a_phone_call_and_calling_him_names_is_not() {
        for (sentence, want) in [
            (
                "Kenyan President Ivo Kral called Ghanaian President Kofi Mensah to wish him a happy birthday.",
                vec!["GHA–KEN"],
            ),
            (
                "The Kenyan foreign minister on Monday called his Ghanaian counterpart.",
                vec!["GHA–KEN"],
            ),
            (
                "Kenyan President Ivo Kral called Ghanaian President Kofi Mensah “a great man”.",
                vec![],
            ),
        ] {
            let calls: Vec<String> = extract(&format!("{HEAD}{sentence}"))
                .iter()
                .filter(|e| e.kind == Kind::PhoneCall)
                .map(|e| e.parties_label())
                .collect();
            assert_eq!(calls, want, "{sentence}");
        }
    }

    #[test]
    fn separate_calls_with_a_list_are_one_call_each_with_the_list() {
        let text = format!(
            "{HEAD}In separate calls with leaders from Ghana, Norway and Togo, the Kenyan President drew attention to the measures taken by Uganda, including the decision to hold the water treaty in abeyance."
        );
        let mut calls: Vec<(String, Status)> = extract(&text)
            .iter()
            .filter(|e| e.kind == Kind::PhoneCall)
            .map(|e| (e.parties_label(), e.status))
            .collect();
        calls.sort();
        assert_eq!(
            calls,
            [
                ("GHA–KEN".to_string(), Status::Held),
                ("KEN–NOR".to_string(), Status::Held),
                ("KEN–TGO".to_string(), Status::Held)
            ]
        );
        // What a side is briefed on is no side of the call.
        let text = format!(
            "{HEAD}In a separate call with the Norwegian foreign minister, the Kenyan minister briefed Ola Nordmann on Uganda’s new measures."
        );
        let calls: Vec<String> = extract(&text).iter().map(|e| e.parties_label()).collect();
        assert_eq!(calls, ["KEN–NOR"]);
    }

    #[test]
    fn the_travellers_are_the_list_before_the_verb_not_states_named_far_before() {
        let visits = |sentence: &str| -> Vec<String> {
            let mut v: Vec<String> = extract(&format!("{HEAD}{sentence}"))
                .iter()
                .filter(|e| e.kind == Kind::Visit)
                .map(|e| e.parties_label())
                .collect();
            v.sort();
            v
        };
        assert_eq!(
            visits(
                "The minister said Kenya’s economy depended on a stable Togo as it wanted links with the whole region and for that purpose President Ivo Kral of Kenya recently visited Ghana."
            ),
            ["GHA–KEN"]
        );
        assert_eq!(
            visits(
                "Meanwhile, the delegations of Ghana, Togo, Wakanda and Norway led by deputy ministers also arrived in Kenya to attend the meeting."
            ),
            ["GHA–KEN", "KEN–NOR", "KEN–TGO"]
        );
    }

    #[test]
    fn the_latest_developments_and_a_crisis_with_a_state_are_what_was_discussed() {
        for sentence in [
            "Kenyan President Ivo Kral said on Monday that he had a call with Ghanaian President Kofi Mensah to speak about the latest Norway developments.",
            "Kenyan President Ivo Kral on Monday held a telephone call with Ghanaian President Kofi Mensah and conveyed his gratitude for standing with Kenya during the crisis with Norway.",
        ] {
            let found: Vec<String> = extract(&format!("{HEAD}{sentence}"))
                .iter()
                .map(|e| e.parties_label())
                .collect();
            assert_eq!(found, ["GHA–KEN"], "{sentence}");
        }
    }

    #[test]
    fn talking_to_a_states_leader_by_telephone_is_a_call_with_that_state() {
        let found = acts(&format!(
            "{HEAD}Earlier, Kenyan President Ivo Kral talked to Ghana’s President Kofi Mensah by telephone and thanked him."
        ));
        assert_eq!(
            found,
            [(Kind::PhoneCall, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn an_envoys_brief_is_not_his_state_but_a_list_of_names_is_no_brief() {
        let text = "Envoy calls on minister\n\nNAIROBI, Mar 15 (KNA): The Foreign Minister was talking to Ghana’s Special Representative to the President on Togo, Kofi Mensah, who called on him here.";
        let found: Vec<String> = extract(text).iter().map(|e| e.parties_label()).collect();
        assert_eq!(found, ["GHA–KEN"]);
        let found = acts(&format!(
            "{HEAD}The understanding was reached during a meeting between Kenyan Minister for Maritime Affairs Amani Wanjiru Otieno and Ghana’s Ambassador to Kenya, Kofi Mensah, on Wednesday."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn aid_pledged_in_any_currency_and_relief_provided_are_assistance() {
        for (sentence, want) in [
            (
                "British Foreign Secretary Ola Nordmann on Monday unveiled GBP 120m in new aid for Kenya.",
                "GBR–KEN",
            ),
            (
                "The French foreign minister on Monday pledged EUR 50m in aid for Kenya.",
                "FRA–KEN",
            ),
            (
                "UNDP has provided emergency relief items to Kenya for flood-affected families.",
                "KEN–UN",
            ),
        ] {
            let found = acts(&format!("{HEAD}{sentence}"));
            assert!(
                found
                    .iter()
                    .any(|(k, p, _)| *k == Kind::Assistance && p == want),
                "{sentence}: {found:?}"
            );
        }
    }

    #[test]
    fn a_un_agency_acts_for_the_un() {
        let found = acts(&format!(
            "{HEAD}Unicef announced on Monday that it has dispatched essential medicines to flood-affected areas of Kenya."
        ));
        assert_eq!(
            found,
            [(Kind::Assistance, "KEN–UN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn interacting_with_dignitaries_and_calling_a_leader_by_name_are_acts() {
        let found = acts(&format!(
            "{HEAD}During the visit, the Kenyan Air Chief interacted with high-level dignitaries including Ghanaian Air Force Commander General Kofi Mensah."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
        let found = acts(&format!(
            "{HEAD}The Ghanaian foreign ministry said Kenya’s President Kral called Mensah and “expressed full support” to Ghana."
        ));
        assert!(
            found
                .iter()
                .any(|(k, p, _)| *k == Kind::PhoneCall && p == "GHA–KEN"),
            "{found:?}"
        );
    }

    #[test]
    fn a_visit_of_years_ago_is_no_occasion_of_the_days_acts() {
        let found = extract(&format!(
            "{HEAD}A similar incident took place ahead of the Ghanaian president's visit to Nairobi in the year 2000. Ghana's president telephoned Kenya's president."
        ));
        let call = found
            .iter()
            .find(|e| e.kind == Kind::PhoneCall)
            .expect("the call");
        assert_ne!(
            call.date.start.as_ref().map(|d| d.to_string()).as_deref(),
            Some("2000"),
            "{call:#?}"
        );
    }

    #[test]
    fn envoys_of_several_states_meeting_the_host_separately_give_one_meeting_each() {
        let text = "Envoys present credentials\n\nNAIROBI, Mar 15 (KNA): The President received credentials from the Ambassador-designate of Ghana, Kofi Mensah, and the High Commissioner-designate of Norway, Ola Nordmann, who also held separate meetings with the President.";
        let mut pairs: Vec<String> = extract(text)
            .iter()
            .filter(|e| e.kind == Kind::Meeting)
            .map(|e| e.parties_label())
            .collect();
        pairs.sort();
        assert_eq!(pairs, ["GHA–KEN", "KEN–NOR"]);
    }

    #[test]
    fn a_definite_noun_refers_back_instead_of_adding_an_act() {
        let text = format!(
            "{HEAD}Ghana and Togo held talks on border security on Monday. The talks were cordial. During the meeting both sides praised Togo's efforts."
        );
        assert_eq!(acts(&text).len(), 1, "{:#?}", extract(&text));
    }

    #[test]
    fn firms_and_trade_bodies_named_after_a_state_are_not_the_state() {
        for text in [
            "{HEAD}The Kenya Chamber of Commerce signed an MoU with the Ghana Chamber of Commerce on Monday.",
            "{HEAD}Zubo Inc, a Japanese company, signed an agreement with the Kenyan overseas employment corporation on Monday.",
            "{HEAD}Ghanaian businessmen met Kenyan investors in Nairobi on Monday.",
            // No side from the dateline either, when the one met is a firm's man.
            "{HEAD}DUBAI, Mar 15 (WAM): Kenyan President Otieno Kamau on Friday met with prominent Ghanaian entrepreneur and investor Kofi Mensah in Dubai.",
        ] {
            let text = text.replace("{HEAD}", HEAD);
            assert!(extract(&text).is_empty(), "{text}\n{:#?}", extract(&text));
        }
        // The state itself still acts, and a state's firm beside it leaves it a party.
        let text = format!(
            "{HEAD}Kenya and Ghana signed an MoU on defence cooperation on Monday, and a Ghanaian company will build the barracks."
        );
        assert_eq!(
            first_of_kind(&extract(&text), Kind::Agreement).parties_label(),
            "GHA–KEN"
        );
    }

    #[test]
    fn a_visit_is_to_its_host_not_to_the_states_discussed() {
        let text = format!(
            "{HEAD}The Kenyan defence minister visited Tanzania and discussed the situation in Somalia and the Sudan war."
        );
        let found = extract(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].parties_label(), "KEN–TZA");
        assert_eq!(found[0].kind, Kind::Visit);
    }

    #[test]
    fn acronyms_in_capitals_are_not_capitals() {
        // "LIMA" the exhibition is not Lima, the capital of Peru.
        let text = format!(
            "{HEAD}The Chilean ship visited Malaysia and took part in LIMA with other navies."
        );
        let found = extract(&text);
        assert_eq!(
            found.iter().map(|e| e.parties_label()).collect::<Vec<_>>(),
            vec!["CHL–MYS"]
        );
    }

    #[test]
    fn an_act_said_not_to_happen_makes_no_engagement() {
        for sentence in [
            "The ministry of Chile said that no such visit to Peru had been undertaken.",
            "Chile's President decided to skip a meeting with Peru's President on Monday.",
            "The Chilean and Peruvian ministers did not meet on Monday.",
            "A visit by Chile's minister to Peru had not been planned, the ministry said.",
        ] {
            let found = extract(&format!("{HEAD}{sentence}"));
            assert!(found.is_empty(), "{sentence}: {found:#?}");
        }
        let held = extract(&format!(
            "{HEAD}Chile's defence minister met Peru's defence minister in Lima on Monday."
        ));
        assert_eq!(held.len(), 1, "{held:#?}");
    }

    #[test]
    fn the_date_of_a_report_is_not_the_date_of_the_act() {
        let text = "Headline\n2025-10-22\n\nThe foreign ministers of Oman and Jordan held a telephone conversation, the ministry said on Wednesday. Omani Foreign Minister spoke on the phone late last night with his Jordanian counterpart.";
        let found = extract(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, Kind::PhoneCall);
        assert_eq!(
            found[0].date.start.map(|d| d.to_string()).as_deref(),
            Some("2025-10-21")
        );
    }

    #[test]
    fn every_field_keeps_its_evidence_and_ids_are_stable() {
        let text = format!(
            "{HEAD}Rear Admiral Tomas Ruiz, Director General of Policy, led the Chilean delegation to the seventh round of the Chile-Peru Defence Dialogue in Lima on Monday."
        );
        let first = extract(&text);
        let e = &first[0];
        let fields: std::collections::BTreeSet<&str> =
            e.evidence.iter().map(|ev| &*ev.field).collect();
        for f in [
            "kind",
            "parties",
            "round",
            "date",
            "location",
            "participants",
        ] {
            assert!(fields.contains(f), "no {f} evidence in {e:#?}");
        }
        assert_eq!(&*e.participants[0].name, "Tomas Ruiz");
        assert_eq!(e.participants[0].rank.as_deref(), Some("Rear Admiral"));
        assert_eq!(e.round, Some(7));
        assert_eq!(first[0].id, extract(&text)[0].id);
    }

    #[test]
    fn met_with_several_leaders_is_one_meeting_each() {
        let text = "Visit ends\n\nACCRA, Mar 4 (GNA): The President of Ghana met the Togolese President and the Prime Minister of Benin on the sidelines of the African Union summit.";
        let mut pairs: Vec<String> = extract(text)
            .iter()
            .filter(|e| e.kind == Kind::Meeting)
            .map(|e| e.parties_label())
            .collect();
        pairs.sort();
        assert_eq!(pairs, vec!["BEN–GHA", "GHA–TGO"]);
    }

    #[test]
    fn urging_to_act_is_not_a_call_but_calling_to_discuss_is() {
        assert!(acts(&format!("{HEAD}The foreign ministers of Chile and Peru called on the European Union to end the blockade.")).is_empty());
        let calls = acts(&format!(
            "{HEAD}The Chilean ambassador called on the Peruvian foreign minister to discuss trade."
        ));
        assert_eq!(
            calls,
            vec![(Kind::CourtesyCall, "CHL–PER".to_string(), Status::Held)]
        );
    }

    #[test]
    fn a_meeting_told_again_as_a_courtesy_call_is_one_act() {
        let text = "Kenyan minister calls on army chief\n\nNAIROBI, Mar 4 (KNA): The Defence Minister of Uganda on Monday called on the Chief of Defence Forces. During a separate meeting with the Defence Minister of Uganda, he discussed training.";
        let found = extract(text);
        assert_eq!(
            found
                .iter()
                .map(|e| (e.kind, e.parties_label()))
                .collect::<Vec<_>>(),
            vec![(Kind::CourtesyCall, "KEN–UGA".to_string())]
        );
    }

    #[test]
    fn the_lede_dates_acts_that_give_no_day() {
        let text = "Leaders meet in capital\n2025-02-12\n\nThe Prime Minister of Malaysia on Tuesday addressed a summit in the capital of Qatar. He later held talks with the Emir of Qatar and the Qatari foreign minister on energy and trade.";
        let meeting = extract(text)
            .into_iter()
            .find(|e| e.kind == Kind::Meeting)
            .expect("a meeting");
        assert_eq!(meeting.parties_label(), "MYS–QAT");
        assert_eq!(
            meeting.date.start.map(|d| d.to_string()).as_deref(),
            Some("2025-02-11")
        );
    }

    #[test]
    fn a_plan_dated_before_publication_was_held() {
        let text = format!(
            "{HEAD}Trade would grow after the visit of the Kenyan president to Ethiopia last year."
        );
        let visit = extract(&text)
            .into_iter()
            .find(|e| e.kind == Kind::Visit)
            .expect("a visit");
        assert_eq!(
            (visit.status, visit.parties_label()),
            (Status::Held, "ETH–KEN".to_string())
        );
    }

    #[test]
    fn the_forum_at_which_leaders_meet_is_no_party() {
        let text = format!(
            "{HEAD}The Chilean and Peruvian presidents held talks on the sidelines of the United Nations General Assembly."
        );
        assert_eq!(
            acts(&text).iter().map(|a| a.1.as_str()).collect::<Vec<_>>(),
            vec!["CHL–PER"]
        );
    }

    #[test]
    fn meetings_with_separate_offices_on_a_visit_are_separate_acts() {
        let text = format!(
            "{HEAD}The Kenyan foreign minister visited Ghana on Monday. In his meeting with the President, he discussed trade. In his meeting with Prime Minister Kofi Mensah, he offered training."
        );
        let meetings = acts(&text)
            .into_iter()
            .filter(|a| a.0 == Kind::Meeting)
            .collect::<Vec<_>>();
        assert_eq!(meetings.len(), 2, "{:#?}", extract(&text));
        assert!(meetings.iter().all(|m| m.1 == "GHA–KEN"));
    }

    #[test]
    fn meetings_with_a_list_of_officials_are_one_act_each() {
        let text = format!(
            "{HEAD}During the visit, the Kenyan President held meetings with Ghanaian President Kwame Asante and Prime Minister Kofi Mensah of Ghana."
        );
        let meetings = acts(&text)
            .into_iter()
            .filter(|a| a.0 == Kind::Meeting)
            .count();
        assert_eq!(meetings, 2, "{:#?}", extract(&text));
    }

    #[test]
    fn the_state_a_report_is_attributed_to_is_no_side() {
        let text = "Visit\n\nNAIROBI, Mar 15 (KNA): During the visit, the Kenyan general met the leadership of Ghana including General Kofi Mensah, Chief of Defence Staff, Ama Owusu, Director General of Intelligence, and Kwame Asante, Chief of Army, said a Kenyan news release.";
        let meetings = acts(text)
            .into_iter()
            .filter(|a| *a == (Kind::Meeting, "GHA–KEN".to_string(), Status::Held))
            .count();
        assert_eq!(meetings, 3, "{:#?}", extract(text));
    }

    #[test]
    fn a_call_on_a_list_of_offices_is_one_call_each() {
        let calls = |sentence: &str| {
            let text = format!(
                "Visit\n\nNAIROBI, Mar 15 (KNA): During the visit, the Kenyan general {sentence}"
            );
            acts(&text)
                .into_iter()
                .filter(|a| a.0 == Kind::CourtesyCall)
                .count()
        };
        // President; foreign and defence ministers; the Chief; land and air force commanders.
        assert_eq!(
            calls(
                "called on the President of Ghana, the foreign and defence ministers, the Chief of Defence Staff and the commanders of the Ghanaian land and air forces."
            ),
            6
        );
        // One office whose name holds "and"; the subjects discussed are no offices.
        assert_eq!(
            calls(
                "called on the Ghanaian Minister of Trade and Industry and discussed trade, energy, mining and defence."
            ),
            1
        );
        // A plural inside an office's name, then the holder's name and the place.
        assert_eq!(
            calls(
                "called on the Chairman Joint Chiefs of Staff Committee of Ghana, General Kofi Mensah at Joint Staff Headquarters, Accra."
            ),
            1
        );
    }

    #[test]
    fn the_visitor_named_again_after_the_visit_is_no_host() {
        let text = "Visit\n\nNAIROBI, Mar 15 (KNA): About Ghanaian President Kofi Mensah visit to Togo, he hoped that the Ghanaian President Kofi Mensah would surely talk about fishing rights to the Togolese government.";
        assert_eq!(
            acts(text),
            vec![(Kind::Visit, "GHA–TGO".to_string(), Status::Planned)]
        );
    }

    #[test]
    fn quoted_businessmen_and_nefarious_designs_are_no_engagements() {
        for sentence in [
            "About the visit of Ghanaian “reputed businessmen” to Kenya, he said the foreign ministry was not processing it.",
            "The Foreign Minister said Ghana could not succeed in its nefarious designs during the meeting of the task force with Kenya.",
        ] {
            let text = format!("Visit\n\nNAIROBI, Mar 15 (KNA): {sentence}");
            assert_eq!(acts(&text), vec![], "{sentence}");
        }
    }

    #[test]
    fn a_separate_meeting_told_later_is_its_own_act() {
        let text = "Visit\n\nNAIROBI, Mar 15 (KNA): The Kenyan minister held a meeting with Ghanaian President Kofi Mensah in Accra on Friday.\nThe Kenyan foreign ministry issued a statement following a separate meeting between the minister and the Ghanaian foreign minister.";
        let meetings = acts(text)
            .into_iter()
            .filter(|a| a.0 == Kind::Meeting)
            .count();
        assert_eq!(meetings, 2, "{:#?}", extract(text));
    }

    #[test]
    fn meeting_a_need_is_not_a_meeting() {
        let text = format!(
            "{HEAD}The Kenyan president said Ghana's support was vital for meeting the needs of the people."
        );
        assert!(acts(&text).is_empty(), "{:#?}", extract(&text));
    }

    #[test]
    fn calls_during_a_visit_take_its_exact_days_over_next_week() {
        let text = "Envoy to visit\n2024-03-15\n\nNAIROBI, Mar 15 (KNA): The Chairman of the African Union Commission will visit Kenya from 20 to 22 March. He will call on President Ali Odhiambo, Prime Minister Jane Wanjiru and Foreign Minister Paul Kamau next week.";
        let calls: Vec<Engagement> = extract(text)
            .into_iter()
            .filter(|e| e.kind == Kind::CourtesyCall)
            .collect();
        assert_eq!(calls.len(), 3, "{calls:#?}");
        assert!(
            calls
                .iter()
                .all(|c| c.date.start.map(|d| d.to_string()).as_deref() == Some("2024-03-20"))
        );
    }

    #[test]
    fn fields_of_cooperation_are_not_acts() {
        let text = format!(
            "{HEAD}Kenya and Ghana agreed to deepen defence cooperation in training, ship visits, joint exercises and defence dialogue."
        );
        assert!(acts(&text).is_empty(), "{:#?}", extract(&text));
    }

    #[test]
    fn a_call_at_an_embassy_is_a_meeting_not_a_visit() {
        let text = "Governor condoles\n\nNAIROBI, Mar 15 (KNA): The Kenyan governor visited the Embassy of Ghana here to offer condolences over the aggression by Togo. During the visit, he held a meeting with the Ghanaian Ambassador Kofi Mensah.";
        assert_eq!(
            acts(text),
            vec![(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn a_hyphenated_pair_names_the_sides_of_an_exercise() {
        let text = "Border closed\n2024-03-13\n\nTogo said it was closing its border with Benin because of joint Nigerian-Beninese military exercises beginning Friday.";
        let found = extract(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            (found[0].kind, found[0].parties_label()),
            (Kind::Exercise, "BEN–NGA".to_string())
        );
        assert_eq!(
            found[0].date.start.map(|d| d.to_string()).as_deref(),
            Some("2024-03-15")
        );
    }

    #[test]
    fn a_state_after_with_is_not_the_visitor_and_a_cabinet_meeting_is_domestic() {
        let text = format!(
            "{HEAD}A week after the truce with Mali, the Kenyan president visited Ghana. He later told a cabinet meeting that Ghana and Togo were friends."
        );
        assert_eq!(
            acts(&text),
            vec![(Kind::Visit, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn a_call_told_of_after_a_reporting_verb_is_held_on_its_day() {
        let text = format!(
            "{HEAD}The Kenyan president told the Ghanaian president in a call on Tuesday that he hoped the talks would succeed."
        );
        let found = extract(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            (found[0].kind, found[0].status),
            (Kind::PhoneCall, Status::Held)
        );
        assert_eq!(
            found[0].date.start.map(|d| d.to_string()).as_deref(),
            Some("2024-03-12")
        );
    }

    #[test]
    fn the_verb_of_a_clause_outranks_a_summit_it_mentions() {
        let text = format!(
            "{HEAD}The Kenyan president, who will not attend Friday's summit, on Thursday met Ghanaian President Kofi Mensah."
        );
        let found = extract(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            (found[0].status, found[0].parties_label()),
            (Status::Held, "GHA–KEN".to_string())
        );
        assert_eq!(
            found[0].date.start.map(|d| d.to_string()).as_deref(),
            Some("2024-03-14")
        );
    }

    #[test]
    fn two_states_arriving_in_a_host_are_two_visits() {
        let text = format!(
            "{HEAD}The Kenyan president and the Ghanaian foreign minister arrived in Ethiopia on Monday."
        );
        let mut pairs: Vec<String> = extract(&text)
            .iter()
            .filter(|e| e.kind == Kind::Visit)
            .map(|e| e.parties_label())
            .collect();
        pairs.sort();
        assert_eq!(pairs, vec!["ETH–GHA", "ETH–KEN"]);
    }

    #[test]
    fn a_meeting_on_a_visit_takes_the_visits_completed_parties() {
        let text = format!(
            "{HEAD}Kenya has proposed a joint working committee with Uganda to deal with migrants caught up in Uganda's war with Sudan. State Minister of Foreign Affairs Jane Wanjiru visited Uganda on Monday and met Deputy Minister of Defence of Uganda John Okello."
        );
        let found = acts(&text);
        assert!(
            found.contains(&(Kind::Meeting, "KEN–UGA".to_string(), Status::Held)),
            "{found:#?}"
        );
        assert!(
            found.contains(&(Kind::Dialogue, "KEN–UGA".to_string(), Status::Proposed)),
            "{found:#?}"
        );
    }

    #[test]
    fn a_host_named_before_the_visit_is_its_host() {
        let text = format!(
            "{HEAD}The Kenyan foreign secretary is currently in Ghana for an official visit."
        );
        assert_eq!(
            acts(&text),
            vec![(Kind::Visit, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn bilateral_talks_with_a_minister_are_a_meeting_and_a_council_meets_as_a_forum() {
        let text = format!(
            "{HEAD}The Kenyan minister visited Ghana on Monday, where he held bilateral talks with Ghanaian Foreign Minister Kofi Mensah and called on President Ama Owusu. On Tuesday the Kenyan and Ghanaian ministers joined the virtual meeting of the African Union Peace and Security Council."
        );
        let mut found = acts(&text);
        found.sort();
        let kinds: Vec<Kind> = found.iter().map(|a| a.0).collect();
        assert!(kinds.contains(&Kind::Meeting), "{found:#?}");
        assert!(kinds.contains(&Kind::CourtesyCall), "{found:#?}");
        assert!(kinds.contains(&Kind::Dialogue), "{found:#?}");
    }

    #[test]
    fn talking_to_receiving_and_hosting_a_visitor_are_meetings() {
        for sentence in [
            "Talking to the visiting Chief of General Staff of Ghana on Friday, the President said ties were strong.",
            "The President received the visiting Foreign Minister of Ghana Kofi Mensah on Friday.",
            "The Prime Minister hosted a dinner in honour of the visiting Ghanaian delegation on Friday.",
        ] {
            let text = format!("Ties strong\n\nNAIROBI, Mar 15 (KNA): {sentence}");
            let found = acts(&text);
            assert!(
                found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)),
                "{sentence}: {found:#?}"
            );
        }
    }

    #[test]
    fn to_meet_two_leaders_is_a_plan_for_each_not_a_meeting_between_them() {
        let text = format!(
            "{HEAD}The Kenyan president is on a visit to Ghana, where he is expected to meet with Ghanaian President Kofi Mensah and Togolese President Ama Owusu."
        );
        let found = acts(&text);
        assert!(
            found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Planned)),
            "{found:#?}"
        );
        assert!(!found.iter().any(|a| a.1 == "GHA–TGO"), "{found:#?}");
    }

    #[test]
    fn an_offered_credit_line_is_assistance_and_a_dollar_is_no_state() {
        let text = format!(
            "{HEAD}Kenya on Wednesday offered a US$50 million credit line to Ghana for defence cooperation."
        );
        assert_eq!(
            acts(&text),
            vec![(Kind::Assistance, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn arriving_somewhere_that_is_no_state_is_no_visit() {
        let text = format!(
            "{HEAD}The Kenyan president arrived in Parliament on Monday to brief lawmakers on ties with Ghana."
        );
        assert!(acts(&text).is_empty(), "{:#?}", extract(&text));
    }

    #[test]
    fn the_talks_of_a_round_are_the_round_and_a_visit_to_the_area_is_none() {
        let text = format!(
            "{HEAD}The first round of military-level talks between Kenya and Ghana was held on Monday. The Kenyan president later visited the area and met Ghanaian traders."
        );
        let found = acts(&text);
        assert_eq!(
            found,
            vec![(Kind::Dialogue, "GHA–KEN".to_string(), Status::Held)],
            "{:#?}",
            extract(&text)
        );
    }

    #[test]
    fn violating_what_talks_agreed_is_no_new_round() {
        let text = format!(
            "{HEAD}On Tuesday the Kenyan side went back on its word, violating the consensus reached in the first round of talks with Ghana."
        );
        assert!(acts(&text).is_empty(), "{:#?}", extract(&text));
    }

    #[test]
    fn bodies_used_as_instruments_and_rounds_of_no_forum_are_not_meetings() {
        let text = format!(
            "{HEAD}Kenya and Ghana agreed to continue harnessing the Joint Technical Working Group for the railway project, and to work toward conducting a new round of joint survey of the coast."
        );
        assert!(acts(&text).is_empty(), "{:#?}", extract(&text));
    }

    #[test]
    fn a_domestic_party_session_is_no_forum_and_an_involving_list_names_the_sides() {
        let text = format!(
            "{HEAD}Kenya congratulated Ghana on the Third Plenary Session of the Central Committee of its ruling party. Officials were not concerned about naval exercises involving Togo, Benin and Nigeria."
        );
        assert_eq!(
            acts(&text),
            vec![(Kind::Exercise, "BEN–NGA–TGO".to_string(), Status::Held)]
        );
    }

    #[test]
    fn a_round_of_a_forum_with_a_non_ascii_name_is_a_dialogue() {
        let text = format!(
            "{HEAD}On Wednesday Kenya and Ghana held the sixth round of the Kenya-Côte d'Ivoire Bilateral Political Consultations in Nairobi."
        );
        let found = extract(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!((found[0].kind, found[0].round), (Kind::Dialogue, Some(6)));
    }

    #[test]
    fn visiting_a_centre_at_home_is_no_visit_and_an_exercise_told_twice_is_one() {
        let text = "Army chief visits training centre\n\nNAIROBI, Mar 15 (KNA): The Kenyan army chief visited the National Counter Terrorism Centre on Friday and interacted with the participants of the Kenya-Ghana Joint Exercise Lion-III. The Kenya-Ghana Joint Exercise Lion-III commenced on 1 March 2024.";
        assert_eq!(
            acts(text),
            vec![(Kind::Exercise, "GHA–KEN".to_string(), Status::Held)],
            "{:#?}",
            extract(text)
        );
    }

    #[test]
    fn calling_on_someone_to_do_anything_but_a_call_s_business_is_urging() {
        assert!(acts(&format!("{HEAD}The Ghanaian minister called on the Kenyan President to remember the ties between the two countries.")).is_empty());
        assert!(
            acts(&format!(
                "{HEAD}Diplomats from Kenya made a flurry of visits to Ghana and Togo."
            ))
            .is_empty()
        );
        assert_eq!(
            acts(&format!(
                "{HEAD}The Ghanaian envoy called on the Kenyan President to bid farewell."
            )),
            vec![(Kind::CourtesyCall, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn trips_home_domestic_councils_and_conditional_openness_are_not_engagements() {
        for sentence in [
            "The Kenyan president paid a one-day visit to Mombasa to review the dispute with Ghana.",
            "An emergency meeting of the National Security Committee of Kenya on Monday discussed the strikes by Ghana.",
            "Kenya said it was open to talks with Ghana if the blockade ended.",
            "Kenya said Ghana must allow the people to freely exercise their right to vote.",
        ] {
            let text = format!("{HEAD}{sentence}");
            assert!(acts(&text).is_empty(), "{sentence}: {:#?}", extract(&text));
        }
    }

    #[test]
    fn an_undated_plan_takes_the_week_of_the_reported_occasion_and_stays_planned() {
        let text = format!(
            "{HEAD}Kenyan and Ghanaian leaders held a summit in Nairobi on Tuesday. The Ghanaian president is also due to meet King Charles III during his stay."
        );
        let plan = extract(&text)
            .into_iter()
            .find(|e| e.status == Status::Planned)
            .expect("a planned meeting");
        assert_eq!(plan.kind, Kind::Meeting);
        assert_eq!(
            plan.date.start.map(|d| d.to_string()).as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(plan.date.precision, crate::model::Precision::Week);
    }

    #[test]
    fn a_list_of_participating_countries_names_the_members_of_a_groupings_meeting() {
        let text = "Group meets\n\nNAIROBI, Mar 15 (KNA): The 4th Defence Working Group meeting of the African Union was held here on Thursday. The participating countries besides Kenya included Ghana, Togo, Benin and Nigeria.";
        let found = acts(text);
        assert_eq!(
            found,
            vec![(
                Kind::Dialogue,
                "BEN–GHA–KEN–NGA–TGO".to_string(),
                Status::Held
            )],
            "{:#?}",
            extract(text)
        );
    }

    #[test]
    fn states_in_the_name_of_a_railway_or_a_border_do_not_act() {
        let text = format!(
            "{HEAD}The Kenyan president met Ghanaian President Kofi Mensah on Monday and both sides agreed to speed up the Kenya-Togo-Ghana railway project."
        );
        assert_eq!(
            acts(&text),
            vec![(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn the_tour_held_on_given_days_dates_the_visit_and_a_meeting_is_new() {
        let text = format!(
            "{HEAD}The Ghanaian defence ministry recently hosted a study tour for a delegation from Kenya's staff college. The Kenyan embassy thanked Ghana for the success of the tour which was held from 2 to 9 March 2024. Meanwhile, during a meeting in Accra on 14 March 2024, the Ghanaian Ambassador to Kenya Kofi Mensah briefed the Kenyan delegation and rejected Togolese allegations."
        );
        let found = extract(&text);
        let visit = first_of_kind(&found, Kind::Visit);
        assert_eq!(
            visit.date.start.map(|d| d.to_string()).as_deref(),
            Some("2024-03-02")
        );
        let meeting = first_of_kind(&found, Kind::Meeting);
        assert_eq!(meeting.parties_label(), "GHA–KEN");
    }

    #[test]
    fn no_longer_planning_a_visit_cancels_it() {
        assert_eq!(
            acts(&format!(
                "{HEAD}The Kenyan president no longer plans to visit Ghana this year."
            )),
            vec![(Kind::Visit, "GHA–KEN".to_string(), Status::Cancelled)]
        );
    }

    #[test]
    fn a_call_on_someone_during_a_visit_is_no_phone_call_and_a_trained_terror_suspect_no_training()
    {
        let text = "Envoy calls on minister\n\nNAIROBI, Mar 14 (KNA): He expressed these views during a call on paid by the Ghanaian Ambassador Kofi Mensah at his office on Thursday. He said a Kenyan terror suspect had been trained by Togo.";
        assert_eq!(
            acts(text),
            vec![(Kind::CourtesyCall, "GHA–KEN".to_string(), Status::Held)],
            "{:#?}",
            extract(text)
        );
    }

    #[test]
    fn the_pair_named_meeting_refers_back_and_a_call_he_had_is_a_phone_call() {
        let text = format!(
            "{HEAD}Ministers gathered for the 24th Kenya-Ghana Ministerial Meeting on Tuesday. A joint statement following the Kenya-Ghana meeting stressed trade. The Kenyan minister later commented on a call he had with the Togolese president on Wednesday."
        );
        let mut found = acts(&text);
        found.sort();
        assert_eq!(
            found,
            vec![
                (Kind::Dialogue, "GHA–KEN".to_string(), Status::Held),
                (Kind::PhoneCall, "KEN–TGO".to_string(), Status::Held),
            ],
            "{:#?}",
            extract(&text)
        );
    }

    #[test]
    fn the_meeting_of_a_visit_with_a_named_host_is_its_own_act() {
        let text = format!(
            "{HEAD}The Kenyan president paid a three-day visit to Ghana on Monday. Ghanaian President Kofi Mensah during the meeting that lasted for two hours praised Kenya's reforms."
        );
        let mut found = acts(&text);
        found.sort();
        assert_eq!(
            found,
            vec![
                (Kind::Meeting, "GHA–KEN".to_string(), Status::Held),
                (Kind::Visit, "GHA–KEN".to_string(), Status::Held),
            ]
        );
    }

    #[test]
    fn agreeing_to_train_students_is_training() {
        let text = format!(
            "{HEAD}During the visit of the Kenyan president to Ghana, Ghana agreed to train 5,000 Kenyan IT students."
        );
        let found = acts(&text);
        assert!(
            found
                .iter()
                .any(|a| a.0 == Kind::Training && a.1 == "GHA–KEN"),
            "{found:#?}"
        );
    }

    #[test]
    fn a_meeting_right_after_one_of_several_visits_is_held_on_it() {
        let text = format!(
            "{HEAD}The Kenyan foreign minister visited Ghana last week. Separately, the Togolese foreign minister will arrive in Kenya for an official visit on Monday. He will call on the president and meet with Minister for Trade, Jane Wanjiru."
        );
        let found = acts(&text);
        assert!(
            found.contains(&(Kind::Meeting, "KEN–TGO".to_string(), Status::Planned)),
            "{found:#?}"
        );
    }

    #[test]
    fn an_agreement_unveiled_with_a_decimal_sum_is_read_and_a_trip_home_is_none() {
        let text = format!(
            "{HEAD}Kenya and Ghana on Tuesday unveiled a $2.26 billion ($2.8bn) loan agreement to support Ghana's defence, to be repaid from frozen Togolese assets. Kenya's president told the cabinet of his Mombasa visit on Monday."
        );
        assert_eq!(
            acts(&text),
            vec![(Kind::Agreement, "GHA–KEN".to_string(), Status::Held)],
            "{:#?}",
            extract(&text)
        );
    }

    /// The first record of a kind, or a failure that shows what was found.
    fn first_of_kind(found: &[Engagement], kind: Kind) -> &Engagement {
        found
            .iter()
            .find(|e| e.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {found:#?}"))
    }

    fn participants_of(e: &Engagement) -> Vec<&str> {
        e.participants.iter().map(|p| &*p.name).collect()
    }

    #[test]
    fn an_office_as_the_subject_is_the_one_the_article_named_with_it() {
        let text = format!(
            "{HEAD}NAIROBI, Mar 15 (KNA): Chief of the Naval Staff (CNS) Admiral Otieno Kamau visited Ghana to attend a naval symposium. The CNS called on the Commander of the Ghana Navy and discussed maritime security."
        );
        let found = extract(&text);
        let call = first_of_kind(&found, Kind::CourtesyCall);
        assert!(participants_of(call).contains(&"Otieno Kamau"), "{call:#?}");
        // Two holders of the office named before: no one can be told.
        let text = format!(
            "{HEAD}Kenyan President Otieno Kamau received Ghanaian President Kwame Asante on Monday. The President called on the Speaker of the Kenyan Parliament."
        );
        for e in extract(&text)
            .iter()
            .filter(|e| e.kind == Kind::CourtesyCall)
        {
            assert!(
                participants_of(e)
                    .iter()
                    .all(|n| !n.contains("Kamau") || !n.contains("Asante")),
                "{e:#?}"
            );
            assert!(e.participants.len() <= 1, "{e:#?}");
        }
    }

    #[test]
    fn an_office_as_the_subject_is_the_one_the_lede_named_with_it() {
        // The lede reports no act: it still names the one the office stands for.
        let text = format!(
            "{HEAD}NAIROBI, Mar 15 (KNA): Chief of the Naval Staff (CNS) Admiral Otieno Kamau said ties with Ghana were strong. The CNS called on the Commander of the Ghana Navy on Monday."
        );
        let found = extract(&text);
        let call = first_of_kind(&found, Kind::CourtesyCall);
        assert!(participants_of(call).contains(&"Otieno Kamau"), "{call:#?}");
    }

    #[test]
    fn an_office_as_the_subject_after_a_phrase_of_time() {
        for subject in ["the CNS", "CNS"] {
            let text = format!(
                "{HEAD}NAIROBI, Mar 15 (KNA): Chief of the Naval Staff (CNS) Admiral Otieno Kamau arrived in Ghana on Monday. During the visit, {subject} called on the Commander of the Ghana Navy."
            );
            let found = extract(&text);
            let call = first_of_kind(&found, Kind::CourtesyCall);
            assert!(participants_of(call).contains(&"Otieno Kamau"), "{call:#?}");
        }
    }

    #[test]
    fn he_as_the_subject_is_the_person_named_just_before() {
        let text = format!(
            "{HEAD}NAIROBI, Mar 15 (KNA): Kenyan Foreign Minister Otieno Kamau arrived in Ghana on Monday on a two-day visit. He also called on the Ghanaian Defence Minister, Kofi Mensah, on Tuesday."
        );
        let found = extract(&text);
        let call = first_of_kind(&found, Kind::CourtesyCall);
        let names = participants_of(call);
        assert!(names.contains(&"Otieno Kamau"), "{call:#?}");
        assert!(names.contains(&"Kofi Mensah"), "{call:#?}");
    }

    #[test]
    fn an_office_met_is_the_one_the_article_named_with_it() {
        let text = format!(
            "{HEAD}NAIROBI, Mar 15 (KNA): Ghanaian Foreign Minister Kofi Mensah will arrive in Nairobi on Monday at the invitation of Prime Minister Otieno Kamau. Minister Mensah will call on the Prime Minister on Tuesday."
        );
        let found = extract(&text);
        let call = first_of_kind(&found, Kind::CourtesyCall);
        assert!(participants_of(call).contains(&"Otieno Kamau"), "{call:#?}");
    }

    #[test]
    fn a_spokesperson_is_no_participant() {
        let text = format!(
            "{HEAD}NAIROBI, Mar 15 (KNA): Spokesperson Amina Wanjiru told the media that Ghanaian Foreign Minister Kofi Mensah would arrive in Kenya on Monday for an official visit."
        );
        let found = extract(&text);
        let visit = first_of_kind(&found, Kind::Visit);
        assert_eq!(participants_of(visit), vec!["Kofi Mensah"], "{visit:#?}");
    }

    #[test]
    fn a_briefing_of_diplomats_from_listed_states_is_a_meeting_with_all_of_them() {
        let found = acts(&format!(
            "{HEAD}The Kenyan army spokesman was briefing the delegation, including diplomats, attachés and representatives from Ghana, Bosnia and Herzegovina and Norway, on Thursday."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "BIH–GHA–KEN–NOR".to_string(), Status::Held)]
        );
        // No state named after the briefing: its sides are unknown.
        let found = acts(&format!(
            "{HEAD}Ghana's defence attaché in Nairobi briefs diplomats on the strikes."
        ));
        assert_eq!(found, []);
    }

    #[test]
    fn speaking_with_a_foreign_counterpart_is_a_call_unless_they_met() {
        let found = acts(&format!(
            "{HEAD}The ministry said Defence Minister Otieno Kamau of Kenya spoke with his Ghanaian counterpart, Kofi Mensah, about the border."
        ));
        assert_eq!(
            found,
            [(Kind::PhoneCall, "GHA–KEN".to_string(), Status::Held)]
        );
        let found = acts(&format!(
            "{HEAD}During his visit to Ghana, Kenyan Defence Minister Otieno Kamau spoke with his Ghanaian counterpart about the border."
        ));
        assert!(
            found.iter().all(|(kind, _, _)| *kind != Kind::PhoneCall),
            "{found:?}"
        );
    }

    #[test]
    fn a_tour_expected_to_take_someone_to_three_states_is_three_planned_visits() {
        let found = acts(&format!(
            "{HEAD}Kenya's army chief, Gen. Otieno Kamau, is on a visit to the region that is expected to take him to Ghana, Norway and Chile."
        ));
        assert_eq!(
            found,
            [
                (Kind::Visit, "CHL–KEN".to_string(), Status::Planned),
                (Kind::Visit, "GHA–KEN".to_string(), Status::Planned),
                (Kind::Visit, "KEN–NOR".to_string(), Status::Planned)
            ]
        );
    }

    #[test]
    fn a_visit_at_someones_invitation_goes_to_the_inviters_state() {
        let found = acts(&format!(
            "{HEAD}The ministry said Kenyan President Ivo Kral undertook the visit at the invitation of the Ghanaian President."
        ));
        assert_eq!(found, [(Kind::Visit, "GHA–KEN".to_string(), Status::Held)]);
    }

    #[test]
    fn the_sidelines_of_an_event_are_the_occasion_of_the_act_told_there() {
        let found = acts(&format!(
            "{HEAD}On the sidelines of the Nairobi Airshow, Ghanaian Air Force Commander General Kofi Mensah called on Kenyan Air Chief Otieno Kamau."
        ));
        assert_eq!(
            found,
            [(Kind::CourtesyCall, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn states_named_with_threats_are_what_talks_were_about() {
        let found = acts(&format!(
            "{HEAD}A rebel delegation was in Nairobi for truce talks, rejecting the Ghanaian and Norwegian threats."
        ));
        assert_eq!(found, []);
    }

    #[test]
    fn an_act_a_cited_news_release_tells_of_without_a_day_is_of_the_release_day() {
        let found = extract(&format!(
            "{HEAD}Ghanaian General Kofi Mensah called on Kenya's Army Chief General Otieno Kamau, said an Inter Services Public Relations (ISPR) news release."
        ));
        let call = first_of_kind(&found, Kind::CourtesyCall);
        let date = call.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03-15"), "{call:#?}");
        // Without the release the text gives no day: only the week up to publication.
        let found = extract(&format!(
            "{HEAD}Ghanaian General Kofi Mensah called on Kenya's Army Chief General Otieno Kamau."
        ));
        let call = first_of_kind(&found, Kind::CourtesyCall);
        assert_eq!(call.date.precision, Precision::Week, "{call:#?}");
        assert_eq!(call.date.text, None, "{call:#?}");
    }

    #[test]
    fn a_visit_someone_is_not_allowed_to_make_is_no_act() {
        for sentence in [
            "Even the UN observer group was not allowed by Kenya to visit Nairobi.",
            "Kenya had never given access to Ghanaian observers to visit Nairobi.",
        ] {
            assert_eq!(acts(&format!("{HEAD}{sentence}")), [], "{sentence}");
        }
    }

    #[test]
    fn a_language_and_a_states_mercenaries_name_no_side() {
        let found = acts(&format!(
            "{HEAD}The Kenyan recruits were forced to sign contracts in Ghanaian that they could not read."
        ));
        assert_eq!(found, []);
        let found = acts(&format!(
            "{HEAD}Having trained in the tropics, the Kenyan mercenaries were ill-prepared for the Ghanaian winter."
        ));
        assert_eq!(found, []);
    }

    #[test]
    fn talks_hosted_on_the_publication_day_are_under_way_and_take_the_attendees_listed() {
        // HEAD's publication date, 2024-03-15, is a Friday.
        let found = acts(&format!(
            "{HEAD}Kenya on Friday is hosting high-level talks aimed at ending the Ghana-Hamas war. The talks were to be attended by Norwegian Foreign Minister Lars Berg and Chile's intelligence chief, officials said."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "CHL–KEN–NOR".to_string(), Status::Held)]
        );
        // Told of a later day, they are still planned.
        let found = acts(&format!(
            "{HEAD}Kenya is hosting talks with Norway next week."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "KEN–NOR".to_string(), Status::Planned)]
        );
    }

    #[test]
    fn a_warship_which_is_on_a_visit_is_the_visitor() {
        let found = acts(&format!(
            "{HEAD}This follows the docking of Ghanaian warship 'Volta' which is on a three-day visit to Kenya."
        ));
        assert_eq!(found, [(Kind::Visit, "GHA–KEN".to_string(), Status::Held)]);
    }

    #[test]
    fn a_former_officials_call_is_no_past_act_and_takes_the_datelines_day() {
        let found = extract(
            "UK Lord Kamau, former chief of general staff call on Ghana DPM Mensah\n2024-03-15\n\nNAIROBI, Mar 15 (KNA): Ghana's Foreign Minister Kofi Mensah on Friday received Lord Otieno Kamau of Kensington and UK former Chief Tom.\n",
        );
        let call = first_of_kind(&found, Kind::CourtesyCall);
        let date = call.date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03-15"), "{call:#?}");
    }

    #[test]
    fn talking_to_an_outgoing_ambassador_is_a_meeting() {
        let found = acts(&format!(
            "{HEAD}Talking to the outgoing Ambassador of Ghana to Kenya, Kofi Mensah, here at the State House, Kenyan President Ivo Kral called for closer trade ties."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)]
        );
        // Talking to a news outlet is an interview.
        for outlet in ["KNA", "Ghana Broadcasting news channel"] {
            let found = acts(&format!(
                "{HEAD}Talking to {outlet}, Kenyan President Ivo Kral said trade with Ghana would grow."
            ));
            assert_eq!(found, [], "{outlet}");
        }
    }

    #[test]
    fn a_state_named_after_a_title_and_given_name_is_a_surname() {
        let found = acts(&format!(
            "{HEAD}Commander of the US Ninth Air Force, Lieutenant General Derek France called on Kenyan Air Chief Otieno Kamau."
        ));
        assert_eq!(
            found,
            [(Kind::CourtesyCall, "KEN–USA".to_string(), Status::Held)]
        );
    }

    #[test]
    fn the_pair_that_met_are_the_articles_two_sides() {
        let found = acts(&format!(
            "{HEAD}Kenya and Ghana on Friday signed a defence pact in Nairobi. Earlier, the pair met at the State House on multiple issues of bilateral interest."
        ));
        assert!(
            found.contains(&(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
    }

    #[test]
    fn an_agreement_expected_to_be_signed_is_planned() {
        let found = acts(&format!(
            "{HEAD}Kenya and Ghana held talks on trade, with two defence agreements expected to be signed soon."
        ));
        assert_eq!(
            found,
            [
                (Kind::Meeting, "GHA–KEN".to_string(), Status::Held),
                (Kind::Agreement, "GHA–KEN".to_string(), Status::Planned)
            ]
        );
    }

    #[test]
    fn a_headlines_act_to_come_is_on_the_weekday_ahead() {
        // 2024-03-15 is a Friday: "on Tuesday" ahead of it is the 19th, not the 12th.
        let found = extract(
            "Kral to visit Ghana on Tuesday\n2024-03-15\n\nKenyan President Ivo Kral will pay an official visit to Ghana on March 19-20. The President’s visit underscored Kenya’s commitment to closer ties with Ghana.",
        );
        let visits: Vec<_> = found.iter().filter(|e| e.kind == Kind::Visit).collect();
        assert_eq!(visits.len(), 1, "{found:#?}");
        assert_eq!(visits[0].status, Status::Planned);
        let date = visits[0].date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03-19"), "{found:#?}");
    }

    #[test]
    fn the_meeting_of_a_visit_whose_two_sides_the_clause_names_is_its_own_act() {
        let found = acts(&format!(
            "{HEAD}Kenyan President Ivo Kral will pay an official visit to Ghana on March 19-20. “The President of Kenya and the President of Ghana, during the bilateral meeting would discuss trade and defence.”"
        ));
        assert_eq!(
            found,
            [
                (Kind::Visit, "GHA–KEN".to_string(), Status::Planned),
                (Kind::Meeting, "GHA–KEN".to_string(), Status::Planned)
            ]
        );
    }

    #[test]
    fn visits_to_the_front_and_by_private_travellers_are_none_between_states() {
        // The article's pair would complete a visit that names one side.
        let pair = "Kenya and Ghana held talks on trade on Monday.";
        for sentence in [
            "The Kenyan army chief’s visit to the LoC had boosted the morale of the troops.",
            "Thousands of pilgrims visit the shrine in Kenya every year.",
            "Kenya would welcome more tourists to visit its parks, the president said.",
        ] {
            let found = acts(&format!("{HEAD}{pair} {sentence}"));
            assert!(
                found.iter().all(|(kind, _, _)| *kind != Kind::Visit),
                "{sentence}: {found:?}"
            );
        }
        // An official's visit still is one.
        let found = acts(&format!(
            "{HEAD}{pair} The Kenyan army chief’s visit to Ghana ended on Friday."
        ));
        assert!(
            found.contains(&(Kind::Visit, "GHA–KEN".to_string(), Status::Held)),
            "{found:?}"
        );
    }

    #[test]
    fn an_agreement_also_signed_is_one() {
        for sentence in [
            "A memorandum of understanding on maritime cooperation was also signed between Kenya and Ghana.",
            "Kenya and Ghana held talks. A number of bilateral agreements/MoUs will also be signed.",
        ] {
            let found = acts(&format!("{HEAD}{sentence}"));
            assert!(
                found
                    .iter()
                    .any(|(kind, parties, _)| *kind == Kind::Agreement && parties == "GHA–KEN"),
                "{sentence}: {found:?}"
            );
        }
    }

    #[test]
    fn an_exercise_has_the_sides_that_take_part_in_it() {
        let found = acts(&format!(
            "{HEAD}Kenyan and Ghanaian officials met in Nairobi on Sunday. Multinational air exercise Sky Shield has started at an air base of the Kenyan Air Force on Monday. The Kenyan Air Force, the Ghanaian Air Force and the Togolese Air Force are participating in the exercise."
        ));
        // Not the pair the article states elsewhere.
        assert_eq!(
            found,
            [
                (Kind::Meeting, "GHA–KEN".to_string(), Status::Held),
                (Kind::Exercise, "GHA–KEN–TGO".to_string(), Status::Held)
            ]
        );
    }

    #[test]
    fn aid_to_a_crisis_hit_country_is_aid_to_it_alone() {
        let found = acts(&format!(
            "{HEAD}Kenya has announced it would donate more than $11m in security assistance for Ghana’s armed forces, as the crisis-hit country seeks to implement a fragile ceasefire between Togo and the rebels."
        ));
        assert_eq!(
            found,
            [(Kind::Assistance, "GHA–KEN".to_string(), Status::Planned)]
        );
        // Aid to a list of states goes to each of them.
        let found = acts(&format!(
            "{HEAD}Kenya pledged $5 million in military aid to Ghana and Togo on Monday."
        ));
        assert_eq!(
            found,
            [(Kind::Assistance, "GHA–KEN–TGO".to_string(), Status::Held)]
        );
    }

    #[test]
    fn a_state_named_as_the_second_of_two_places_is_where_not_who() {
        let found = acts(&format!(
            "{HEAD}The minister said Kenya was pulling the strings during talks with Togolese representatives in Accra and Ghana."
        ));
        assert!(
            found.iter().all(|(_, parties, _)| !parties.contains("GHA")),
            "{found:?}"
        );
    }

    #[test]
    fn a_headlines_infinitive_is_to_come_and_its_purpose_clause_is_not() {
        // 2024-03-15 is a Friday.
        let found = extract(
            "Kral to leave for two-day Ghanaian visit Monday\n2024-03-15\n\nKenyan President Ivo Kral is scheduled to leave for Ghana on Monday for a two-day official visit. During the visit, the two presidents would have a tete-a-tete.",
        );
        let visits: Vec<_> = found.iter().filter(|e| e.kind == Kind::Visit).collect();
        assert_eq!(visits.len(), 1, "{found:#?}");
        assert_eq!(visits[0].status, Status::Planned);
        let date = visits[0].date.start.as_ref().map(|s| s.to_string());
        assert_eq!(date.as_deref(), Some("2024-03-18"), "{found:#?}");
        assert!(
            found
                .iter()
                .any(|e| e.kind == Kind::Meeting && e.status == Status::Planned),
            "{found:#?}"
        );
        // "arrives … to attend": what happened, for a purpose.
        let found = extract(
            "Kral arrives in Ghana to attend summit\n2024-03-15\n\nKenyan President Ivo Kral arrived in Accra on Friday.",
        );
        assert!(
            found
                .iter()
                .all(|e| e.kind != Kind::Visit || e.status == Status::Held),
            "{found:#?}"
        );
    }

    #[test]
    fn whom_one_later_met_is_another_meeting() {
        let text = format!(
            "{HEAD}Kenya and Ghana held a high-level meeting in Accra on Friday. Kenyan President Ivo Kral later met Ghanaian Vice President Kofi Mensah at the Presidency."
        );
        let meetings = acts(&text)
            .into_iter()
            .filter(|(kind, _, _)| *kind == Kind::Meeting)
            .count();
        assert_eq!(meetings, 2, "{:#?}", extract(&text));
    }

    #[test]
    fn a_hyphened_chain_of_states_names_every_side() {
        let found = acts(&format!(
            "{HEAD}The foreign minister hosted an informal Ghana-Kenya-Togo trilateral meeting in Accra on Monday."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "GHA–KEN–TGO".to_string(), Status::Held)]
        );
    }

    #[test]
    fn talks_set_for_this_week_on_its_sunday_are_to_come() {
        // 2024-03-17 is a Sunday: "this week" reads as the week of Monday the 11th.
        let found = acts(
            "Kenya to start talks with Ghana on trade this week\n2024-03-17\n\nKenya will hold talks with Ghana.",
        );
        assert_eq!(
            found,
            [(Kind::Meeting, "GHA–KEN".to_string(), Status::Planned)]
        );
        let found = acts(
            "Kral in Ghana\n2024-03-17\n\nKenyan President Ivo Kral visited Ghana earlier this week.",
        );
        assert_eq!(found, [(Kind::Visit, "GHA–KEN".to_string(), Status::Held)]);
    }

    #[test]
    fn a_meeting_between_two_officials_of_one_state_is_at_home() {
        let found = acts(&format!(
            "{HEAD}NAIROBI: A Kenyan delegation will visit Ghana next week. The Foreign Office stayed silent, but a late-evening meeting between Kenyan National Security Adviser Otieno Kamau and Kenyan Foreign Minister Amani Wanjiru suggested that Kamau may travel to Accra."
        ));
        assert_eq!(
            found,
            [(Kind::Visit, "GHA–KEN".to_string(), Status::Planned)]
        );
    }

    #[test]
    fn political_talks_are_a_meeting_and_political_consultations_a_forum() {
        let found = acts(&format!(
            "{HEAD}Kenyan President Ivo Kral will hold political talks with Ghanaian President Ama Owusu on Monday."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "GHA–KEN".to_string(), Status::Planned)]
        );
        let found = acts(&format!(
            "{HEAD}Kenya and Ghana held political consultations in Nairobi on Monday."
        ));
        assert_eq!(
            found,
            [(Kind::Dialogue, "GHA–KEN".to_string(), Status::Held)]
        );
    }

    #[test]
    fn the_verb_that_governs_a_meeting_gives_its_tense() {
        let found = acts(&format!(
            "{HEAD}Kral, who hosted an informal Ghana-Kenya-Togo trilateral meeting in Nairobi, said Kenya would continue to support the talks."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "GHA–KEN–TGO".to_string(), Status::Held)]
        );
    }

    #[test]
    fn a_deal_with_private_creditors_is_none_between_states() {
        let found = acts(&format!(
            "{HEAD}Kenya and Ghana held talks on trade in Nairobi on Monday. The minister said negotiations with bondholders and official creditors have been progressing well, with agreements expected to be signed soon."
        ));
        assert_eq!(
            found,
            [(Kind::Meeting, "GHA–KEN".to_string(), Status::Held)]
        );
    }
}
