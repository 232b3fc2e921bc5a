//! Release history: a feature's stage at a release, when it entered it, and
//! whether it changed in a release. Releases are given by their rank in the
//! catalogue's `releases` (oldest first).

use crate::model::{Catalogue, Feature};

/// The feature's stage id as of release `rank`; `None` when the feature did
/// not exist yet. A feature without history holds its stage in every release.
pub fn stage_at<'a>(catalogue: &Catalogue, feature: &'a Feature, rank: usize) -> Option<&'a str> {
    if feature.history.is_empty() {
        return Some(&feature.stage);
    }
    feature
        .history
        .iter()
        .rev()
        .find(|change| {
            catalogue
                .release_rank(&change.since)
                .is_some_and(|r| r <= rank)
        })
        .map(|change| change.stage.as_str())
}

/// Whether the feature's stage at `rank` differs from its stage at the
/// release before, a feature new in `rank` included. Never for a feature
/// without history.
pub fn changed_in(catalogue: &Catalogue, feature: &Feature, rank: usize) -> bool {
    if feature.history.is_empty() {
        return false;
    }
    let now = stage_at(catalogue, feature, rank);
    let before = rank
        .checked_sub(1)
        .and_then(|r| stage_at(catalogue, feature, r));
    now.is_some() && now != before
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
