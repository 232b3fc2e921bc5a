//! Release history: a feature's stage at a release, when it entered it, and
//! whether it changed in a release. Releases are given by their rank in the
//! catalogue's `releases` (oldest first); the format of a feature's
//! `history` is described in `docs/catalogue-format.md`.

use crate::model::{Catalogue, Deprecation, Feature, StageChange};

/// The feature's stage id as of release `rank`; `None` when the feature did
/// not exist yet or was removed. A feature without history holds its stage
/// in every release until its removal.
pub fn stage_at<'a>(catalogue: &Catalogue, feature: &'a Feature, rank: usize) -> Option<&'a str> {
    if removed_rank(catalogue, feature).is_some_and(|r| r <= rank) {
        return None;
    }
    if feature.history.is_empty() {
        return Some(&feature.stage);
    }
    let ranked = feature.history.iter().filter_map(|change| {
        Some((
            catalogue.release_rank(&change.since)?,
            change.stage.as_str(),
        ))
    });
    latest_at(ranked, rank)
}

/// The feature's stage id as of release `rank`, or its current stage
/// without one (`None` when it did not exist yet at `rank`).
pub fn stage_as_of<'a>(
    catalogue: &Catalogue,
    feature: &'a Feature,
    rank: Option<usize>,
) -> Option<&'a str> {
    match rank {
        Some(rank) => stage_at(catalogue, feature, rank),
        None => Some(&feature.stage),
    }
}

/// The feature's stage in every release, oldest first: [`stage_at`] for
/// each rank, in one pass (each history entry's release looked up once).
pub fn stages_by_release<'a>(catalogue: &Catalogue, feature: &'a Feature) -> Vec<Option<&'a str>> {
    let n = catalogue.releases.len();
    let removed = removed_rank(catalogue, feature).unwrap_or(usize::MAX);
    let mut out = vec![None; n];
    if feature.history.is_empty() {
        out[..removed.min(n)].fill(Some(feature.stage.as_str()));
        return out;
    }
    let mut current = None;
    let mut entries = feature
        .history
        .iter()
        .filter_map(|c| Some((catalogue.release_rank(&c.since)?, c.stage.as_str())))
        .peekable();
    for (rank, slot) in out.iter_mut().enumerate().take(removed.min(n)) {
        while let Some((_, stage)) = entries.next_if(|(r, _)| *r <= rank) {
            current = Some(stage);
        }
        *slot = current;
    }
    out
}

/// Whether the feature's stage at `rank` differs from its stage at the
/// release before, a feature new or removed in `rank` included. Never for a
/// feature without history or removal.
pub fn changed_in(catalogue: &Catalogue, feature: &Feature, rank: usize) -> bool {
    has_timeline(feature) && differs_from_before(|r| stage_at(catalogue, feature, r), rank)
}

/// Whether the feature's stage can differ between releases: it has a
/// history or a removal.
pub fn has_timeline(feature: &Feature) -> bool {
    !feature.history.is_empty() || feature.removed.is_some()
}

/// The rank of the release that removed the feature, if it was removed in
/// one of the catalogue's releases.
pub fn removed_rank(catalogue: &Catalogue, feature: &Feature) -> Option<usize> {
    catalogue.release_rank(&feature.removed.as_ref()?.since)
}

/// The feature's stage at `from` and at `to` (release ranks; `from` `None`
/// is before the first release) when they differ, a feature new since
/// `from` included, and `None` at `to` for a feature removed since; `None`
/// when it did not change, or has no history or removal.
pub type Change<'a> = (Option<&'a str>, Option<&'a str>);

/// See [`Change`].
pub fn change_between<'a>(
    catalogue: &Catalogue,
    feature: &'a Feature,
    from: Option<usize>,
    to: usize,
) -> Option<Change<'a>> {
    let at = |r: usize| stage_at(catalogue, feature, r);
    if !has_timeline(feature) || !differs_between(at, from, to) {
        return None;
    }
    Some((from.and_then(at), at(to)))
}

/// The feature's deprecation, if it was deprecated as of release `rank`
/// (any time, with `rank` `None`).
pub fn deprecation_as_of<'a>(
    catalogue: &Catalogue,
    feature: &'a Feature,
    rank: Option<usize>,
) -> Option<&'a Deprecation> {
    feature.deprecated.as_ref().filter(|d| {
        rank.is_none_or(|rank| catalogue.release_rank(&d.since).is_some_and(|r| r <= rank))
    })
}

/// The steps of the feature's history up to release `rank` (all of them
/// with `rank` `None`).
pub fn history_as_of<'a>(
    catalogue: &'a Catalogue,
    feature: &'a Feature,
    rank: Option<usize>,
) -> impl Iterator<Item = &'a StageChange> + 'a {
    feature.history.iter().filter(move |step| {
        rank.is_none_or(|rank| {
            catalogue
                .release_rank(&step.since)
                .is_some_and(|r| r <= rank)
        })
    })
}

/// The rule behind [`stage_at`], over a history given as (release rank,
/// stage) pairs oldest first: the last stage entered at or before `rank`.
/// The search index uses it too, on ranks it computed once.
pub(crate) fn latest_at<T>(
    history: impl DoubleEndedIterator<Item = (usize, T)>,
    rank: usize,
) -> Option<T> {
    history
        .rev()
        .find(|(r, _)| *r <= rank)
        .map(|(_, stage)| stage)
}

/// The rule behind [`changed_in`]: the stage at `rank` is not the
/// one at the release before. For callers that have the stages at hand.
pub fn differs_from_before<T: PartialEq>(
    stage_at: impl Fn(usize) -> Option<T>,
    rank: usize,
) -> bool {
    differs_between(stage_at, rank.checked_sub(1), rank)
}

/// The rule behind [`change_between`]: the stage at `to` is not the one at
/// `from` (nothing before the first release): a new stage, a new feature or
/// a removed one.
pub(crate) fn differs_between<T: PartialEq>(
    stage_at: impl Fn(usize) -> Option<T>,
    from: Option<usize>,
    to: usize,
) -> bool {
    stage_at(to) != from.and_then(stage_at)
}

/// The release in which the feature entered the stage it has as of `rank`
/// (its latest stage when `rank` is `None`); `None` without history.
pub fn since<'a>(
    catalogue: &Catalogue,
    feature: &'a Feature,
    rank: Option<usize>,
) -> Option<&'a str> {
    let upto = feature.history.iter().rposition(|c| {
        rank.is_none_or(|rank| catalogue.release_rank(&c.since).is_some_and(|r| r <= rank))
    })?;
    let stage = &feature.history[upto].stage;
    // Walk back over entries that repeat the stage: it was entered at the first.
    let first = feature.history[..=upto]
        .iter()
        .rposition(|c| &c.stage != stage)
        .map_or(0, |i| i + 1);
    Some(&feature.history[first].since)
}
