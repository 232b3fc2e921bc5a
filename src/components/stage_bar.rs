use catalogue::Tone;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StageBarProps {
    /// (tone, stage label, count) per stage, in maturity order.
    pub parts: Vec<(Tone, AttrValue, usize)>,
    pub label: AttrValue,
}

/// A stacked bar of a category's stage mix (SVG; widths are attributes, colours come from CSS).
#[component]
pub fn StageBar(props: &StageBarProps) -> Html {
    let total: usize = props.parts.iter().map(|p| p.2).sum();
    let summary: Vec<String> = props
        .parts
        .iter()
        .filter(|p| p.2 > 0)
        .map(|(_, label, n)| format!("{label} {n}"))
        .collect();
    let title = format!("{}: {}", props.label, summary.join(", "));
    let mut x = 0.0;
    let rects: Html = props
        .parts
        .iter()
        .filter(|p| p.2 > 0 && total > 0)
        .map(|(tone, _, n)| {
            let width = 100.0 * *n as f64 / total as f64;
            let rect = html! {
                <rect class={format!("fm-tone-{}", tone.as_str())}
                    x={format!("{x:.2}")} y="0" width={format!("{width:.2}")} height="8" />
            };
            x += width;
            rect
        })
        .collect();
    html! {
        <svg class="fm-stage-bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={title.clone()}>
            <title>{title}</title>
            {rects}
        </svg>
    }
}
