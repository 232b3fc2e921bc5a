//! A category's stage mix as a stacked bar.

use catalogue::Tone;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct StageBarProps {
    /// (tone, stage label, count) per stage, in maturity order.
    pub parts: Vec<(Tone, AttrValue, usize)>,
    pub label: AttrValue,
}

/// Width of the bar in SVG user units; integers keep float formatting out of the bundle.
const WIDTH: usize = 1000;

/// A stacked bar of a category's stage mix (SVG; widths are attributes, colours come from CSS).
/// A plain function (see [`super::highlighted`]).
pub fn stage_bar(props: &StageBarProps) -> Html {
    let total: usize = props.parts.iter().map(|p| p.2).sum();
    let summary: Vec<String> = props
        .parts
        .iter()
        .filter(|p| p.2 > 0)
        .map(|(_, label, n)| format!("{label} {n}"))
        .collect();
    let title = format!("{}: {}", props.label, summary.join(", "));
    let mut x = 0;
    let rects: Html = props
        .parts
        .iter()
        .filter(|p| p.2 > 0 && total > 0)
        .map(|(tone, _, n)| {
            let width = WIDTH * n / total;
            let rect = html! {
                <rect class={format!("fm-tone-{}", tone.as_str())}
                    x={x.to_string()} y="0" width={width.to_string()} height="8" />
            };
            x += width;
            rect
        })
        .collect();
    html! {
        <svg class="fm-stage-bar" viewBox={format!("0 0 {WIDTH} 8")} preserveAspectRatio="none" role="img" aria-label={title.clone()}>
            <title>{title}</title>
            {rects}
        </svg>
    }
}
