//! Keeping a document consistent across the tabs of one browser: pure three-way merges.
//!
//! Each tab remembers the *base*, the stored value it last loaded or saved. To save, it reads
//! what is stored now (*theirs*: maybe written by another tab since), merges it field by field
//! with its own value (*mine*) against the base, and writes the result. A field only one side
//! changed takes that side's value; a field both changed to different values is a *conflict*:
//! the merge keeps this tab's value and names the field, and gives the document with the
//! other side's values too, so the caller keeps both (the plan book as a conflict draft, the
//! other documents as a copy beside them: `storage::keep_other`) and says so. Natively tested; the
//! browser side (`storage::sync_doc`, `tabs::use_doc_sync`) only reads, writes and listens.

use ouen_rules::json::{Json, Map};

/// The result of a merge: the value to keep, and the fields changed on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub value: Json,
    /// Paths (`sme.name`, `steps.1.hours`) of the fields both sides changed differently;
    /// `value` holds this tab's side for them.
    pub conflicts: Vec<String>,
    /// After a conflict that `value` settles on this tab's side: the same merge settled on
    /// the other tab's side (what it typed in every conflicting field, everything else as in
    /// `value`), for the caller to keep as a copy. `None` when nothing conflicted, or when the
    /// merge keeps both sides itself (the plan book's conflict drafts).
    pub other: Option<Json>,
}

/// A merge of one document type: `(base, mine, theirs)` → what to keep. No base: nothing
/// was stored when this tab loaded.
pub type MergeFn = fn(Option<&Json>, &Json, &Json) -> Merged;

/// Three-way merge of JSON documents: objects key by key, arrays of the same length in all
/// three element by element, anything else as one value.
pub fn merge(base: Option<&Json>, mine: &Json, theirs: &Json) -> Merged {
    let mut conflicts = Vec::new();
    let value = merge_at("", base, Some(mine), Some(theirs), &mut conflicts)
        .unwrap_or_else(|| mine.clone());
    let other = (!conflicts.is_empty()).then(|| {
        merge_at("", base, Some(theirs), Some(mine), &mut Vec::new())
            .unwrap_or_else(|| theirs.clone())
    });
    Merged {
        value,
        conflicts,
        other,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// `None` is a missing field (never there, or removed).
fn merge_at(
    path: &str,
    base: Option<&Json>,
    mine: Option<&Json>,
    theirs: Option<&Json>,
    conflicts: &mut Vec<String>,
) -> Option<Json> {
    if mine == theirs || theirs == base {
        return mine.cloned();
    }
    if mine == base {
        return theirs.cloned();
    }
    match (mine, theirs) {
        (Some(Json::Obj(m)), Some(Json::Obj(t))) => {
            let empty = Map::new();
            let b = base.and_then(Json::as_object).unwrap_or(&empty);
            let mut out = Map::new();
            let keys = m.keys().chain(t.keys().filter(|k| !m.contains_key(k)));
            for k in keys {
                let v = merge_at(&join(path, k), b.get(k), m.get(k), t.get(k), conflicts);
                if let Some(v) = v {
                    out.insert(k.clone(), v);
                }
            }
            Some(Json::Obj(out))
        }
        (Some(Json::Arr(m)), Some(Json::Arr(t)))
            if base
                .and_then(Json::as_array)
                .is_some_and(|b| b.len() == m.len() && b.len() == t.len()) =>
        {
            let b = base
                .and_then(Json::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let items = (0..m.len()).map(|i| {
                merge_at(
                    &join(path, &i.to_string()),
                    b.get(i),
                    m.get(i),
                    t.get(i),
                    conflicts,
                )
                .unwrap_or(Json::Null)
            });
            Some(Json::Arr(items.collect()))
        }
        // Removed on one side, changed on the other: the change is kept (nothing typed is
        // lost; a removal is easily done again).
        (None, t) => t.cloned(),
        (m, None) => m.cloned(),
        (m, _) => {
            conflicts.push(path.to_string());
            m.cloned()
        }
    }
}

/// Three-way merge of a list whose items have an identity (`key`): items added on either
/// side are kept (in this tab's order, then the other tab's new ones; in the other tab's order
/// when this tab kept the base's), items removed on
/// one side and left alone on the other go, items present on both are merged by `item`
/// (base, mine, theirs). An item removed on one side but changed on the other is kept.
pub fn merge_keyed<T: Clone + PartialEq, K: PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
    mut item: impl FnMut(Option<&T>, &T, &T) -> T,
) -> Vec<T> {
    // The order: the other tab's when this one kept the base's, else this tab's; so a tab
    // that changed nothing ends with exactly what the other stored.
    let same_order =
        mine.len() == base.len() && mine.iter().zip(base).all(|(m, b)| key(m) == key(b));
    if same_order {
        return merge_keyed_ordered(base, theirs, mine, &key, |b, t, m| item(b, m, t));
    }
    merge_keyed_ordered(base, mine, theirs, &key, item)
}

/// [`merge_keyed`] in `first`'s order, then `second`'s new items; `item(base, first, second)`.
fn merge_keyed_ordered<T: Clone + PartialEq, K: PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    key: &impl Fn(&T) -> K,
    mut item: impl FnMut(Option<&T>, &T, &T) -> T,
) -> Vec<T> {
    let find = |list: &[T], k: &K| list.iter().position(|x| key(x) == *k);
    let mut out = Vec::new();
    for m in mine {
        let k = key(m);
        let b = find(base, &k).map(|i| &base[i]);
        match (find(theirs, &k).map(|i| &theirs[i]), b) {
            (Some(t), b) => out.push(item(b, m, t)),
            // Removed there: gone, unless changed here since.
            (None, Some(b)) if b == m => {}
            (None, _) => out.push(m.clone()),
        }
    }
    for t in theirs {
        let k = key(t);
        if find(mine, &k).is_some() {
            continue;
        }
        match find(base, &k).map(|i| &base[i]) {
            // Removed here and unchanged there: gone.
            Some(b) if b == t => {}
            _ => out.push(t.clone()),
        }
    }
    out
}

/// Three-way merge of a list of plain records without identity (the checklist history, the
/// seminar tally's entries): this tab's list, plus what the other tab added since the base,
/// minus what it removed. Repeated equal records are counted, so two tabs adding the same
/// record both keep theirs.
pub fn merge_list<T: Clone + PartialEq>(base: &[T], mine: &[T], theirs: &[T]) -> Vec<T> {
    // Multiset difference: `a` without one of each item of `b`.
    fn minus<T: Clone + PartialEq>(a: &[T], b: &[T]) -> Vec<T> {
        let mut rest: Vec<&T> = b.iter().collect();
        let mut out = Vec::new();
        for x in a {
            match rest.iter().position(|y| *y == x) {
                Some(i) => {
                    rest.remove(i);
                }
                None => out.push(x.clone()),
            }
        }
        out
    }
    let added = minus(theirs, base);
    let removed = minus(base, theirs);
    let mut out = minus(mine, &removed);
    out.extend(added);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_to_different_fields_both_survive() {
        let base = json!({"sme": {"name": "", "address": ""}, "rate": "5000"});
        let mine = json!({"sme": {"name": "信州精機", "address": ""}, "rate": "5000"});
        let theirs = json!({"sme": {"name": "", "address": "長野市"}, "rate": "6000"});
        let m = merge(Some(&base), &mine, &theirs);
        assert_eq!(
            m.value,
            json!({"sme": {"name": "信州精機", "address": "長野市"}, "rate": "6000"})
        );
        assert!(m.conflicts.is_empty());
        // The same, the other way round.
        assert_eq!(merge(Some(&base), &theirs, &mine).value, m.value);
    }

    #[test]
    fn the_same_field_changed_on_both_sides_is_a_conflict_and_mine_is_kept() {
        let base = json!({"sme": {"name": ""}, "steps": [{"hours": "4"}, {"hours": "2"}]});
        let mine = json!({"sme": {"name": "A"}, "steps": [{"hours": "5"}, {"hours": "2"}]});
        let theirs = json!({"sme": {"name": "B"}, "steps": [{"hours": "6"}, {"hours": "3"}]});
        let m = merge(Some(&base), &mine, &theirs);
        assert_eq!(m.conflicts, ["sme.name", "steps.0.hours"]);
        assert_eq!(
            m.value,
            json!({"sme": {"name": "A"}, "steps": [{"hours": "5"}, {"hours": "3"}]})
        );
        // The other side is kept too: its values where they conflict, the merge elsewhere.
        assert_eq!(
            m.other,
            Some(json!({"sme": {"name": "B"}, "steps": [{"hours": "6"}, {"hours": "3"}]}))
        );
        // The same change on both sides is no conflict, and leaves no copy.
        let m = merge(Some(&base), &mine, &mine.clone());
        assert_eq!((m.value, m.conflicts.len(), m.other), (mine, 0, None));
    }

    #[test]
    fn a_copy_of_the_other_side_holds_this_sides_changes_elsewhere() {
        let base = json!({"rate": "5000", "hours": "10", "asOf": ""});
        let mine = json!({"rate": "7000", "hours": "12", "asOf": ""});
        let theirs = json!({"rate": "6000", "hours": "10", "asOf": "2021-02-05"});
        let m = merge(Some(&base), &mine, &theirs);
        assert_eq!(m.conflicts, ["rate"]);
        assert_eq!(
            m.value,
            json!({"rate": "7000", "hours": "12", "asOf": "2021-02-05"})
        );
        // Switching to the copy loses only this side's conflicting value, which becomes the copy.
        assert_eq!(
            m.other,
            Some(json!({"rate": "6000", "hours": "12", "asOf": "2021-02-05"}))
        );
    }

    #[test]
    fn without_a_base_only_real_differences_conflict() {
        let mine = json!({"a": "1", "b": "x"});
        let theirs = json!({"a": "1", "b": "y", "c": "new"});
        let m = merge(None, &mine, &theirs);
        assert_eq!(m.value, json!({"a": "1", "b": "x", "c": "new"}));
        assert_eq!(m.conflicts, ["b"]);
    }

    #[test]
    fn lists_of_other_lengths_are_one_value() {
        let base = json!({"steps": ["a"]});
        let mine = json!({"steps": ["a", "b"]});
        let theirs = json!({"steps": ["a"]});
        assert_eq!(merge(Some(&base), &mine, &theirs).value, mine);
        let theirs = json!({"steps": []});
        let m = merge(Some(&base), &mine, &theirs);
        assert_eq!((m.value, m.conflicts), (mine, vec!["steps".to_string()]));
    }

    #[test]
    fn a_field_removed_on_one_side_and_changed_on_the_other_is_kept() {
        let base = json!({"answers": {"q1": "yes", "q2": "no"}});
        let mine = json!({"answers": {"q2": "no"}});
        let theirs = json!({"answers": {"q1": "no", "q2": "no", "q3": "yes"}});
        let m = merge(Some(&base), &mine, &theirs);
        assert_eq!(
            m.value,
            json!({"answers": {"q1": "no", "q2": "no", "q3": "yes"}})
        );
        // Removed on one side and untouched on the other: removed.
        let theirs = json!({"answers": {"q1": "yes", "q2": "no", "q3": "yes"}});
        let m = merge(Some(&base), &mine, &theirs);
        assert_eq!(m.value, json!({"answers": {"q2": "no", "q3": "yes"}}));
    }

    #[test]
    fn keyed_lists_keep_additions_from_both_sides_and_merge_common_items() {
        let base = [(1, "a"), (2, "b"), (3, "c")];
        let mine = [(1, "a2"), (3, "c"), (4, "mine")];
        let theirs = [(1, "a"), (2, "b"), (3, "c3"), (5, "theirs")];
        let out = merge_keyed(
            &base,
            &mine,
            &theirs,
            |x| x.0,
            |b, m, t| {
                if Some(m) == b {
                    *t
                } else {
                    *m
                }
            },
        );
        // 2 removed here and untouched there: gone.
        assert_eq!(out, [(1, "a2"), (3, "c3"), (4, "mine"), (5, "theirs")]);
        // Removed here but changed there: kept.
        let theirs = [(1, "a"), (2, "b2"), (3, "c")];
        let out = merge_keyed(&base, &mine, &theirs, |x| x.0, |_, m, _| *m);
        assert!(out.contains(&(2, "b2")));
        // Removed there but changed here: kept.
        let theirs = [(2, "b"), (3, "c")];
        let out = merge_keyed(&base, &mine, &theirs, |x| x.0, |_, m, _| *m);
        assert!(out.contains(&(1, "a2")));
    }

    #[test]
    fn plain_lists_add_up() {
        // Two tabs each add a tally entry (the same one, even): both are counted.
        let base = vec!["x"];
        let mine = vec!["x", "y"];
        let theirs = vec!["x", "y", "z"];
        assert_eq!(merge_list(&base, &mine, &theirs), ["x", "y", "y", "z"]);
        // The other tab cleared the list: what this tab added since stays.
        assert_eq!(merge_list(&base, &mine, &[]), ["y"]);
        // Nothing new there: mine as is.
        assert_eq!(merge_list(&base, &mine, &base), mine);
    }
}
