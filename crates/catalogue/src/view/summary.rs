//! The summary grid: how many features each category has at each stage.

use super::SearchIndex;
use crate::model::Catalogue;

/// Features per category and stage, for the summary grid: `[category][stage]`,
/// as of `release` (an id of `releases`) when given.
pub fn summary(
    catalogue: &Catalogue,
    index: &SearchIndex,
    release: Option<&str>,
) -> Vec<Vec<usize>> {
    let mut grid = vec![vec![0; catalogue.stages.len()]; catalogue.categories.len()];
    let stage_of = index.stages_at(release.and_then(|r| catalogue.release_rank(r)));
    for (s, c) in stage_of.iter().zip(&index.category_of) {
        if let Some(n) = grid.get_mut(*c).and_then(|row| row.get_mut(*s)) {
            *n += 1;
        }
    }
    grid
}

/// How the project matured: features per stage in each release, over the
/// `rows` shown, `[release][stage]` (a feature counts from the release it
/// appears in).
pub fn stages_per_release(
    catalogue: &Catalogue,
    index: &SearchIndex,
    rows: &[usize],
) -> Vec<Vec<usize>> {
    (0..catalogue.releases.len())
        .map(|rank| {
            let mut counts = vec![0; catalogue.stages.len()];
            for &i in rows {
                if let Some(n) = index.stage_at(i, rank).and_then(|s| counts.get_mut(s)) {
                    *n += 1;
                }
            }
            counts
        })
        .collect()
}
