//! Property tests: the parsers never panic, whatever they are given.

use feature_matrix_catalogue::import::{import_markdown, ImportOptions};
use feature_matrix_catalogue::inline::{check_link, parse_inline, resolve_link, Segment};
use feature_matrix_catalogue::view::{split_highlights, Search};
use proptest::prelude::*;

/// Strings rich in the characters the parsers care about.
fn tricky() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("[".to_string()),
            Just("](".to_string()),
            Just(")".to_string()),
            Just("|".to_string()),
            Just("\n".to_string()),
            Just("### ".to_string()),
            Just("## ".to_string()),
            Just("{#a}".to_string()),
            Just("---\n".to_string()),
            Just("{{< idea >}}".to_string()),
            Just("| Alpha | Beta".to_string()),
            Just("|---|---".to_string()),
            Just("javascript:".to_string()),
            Just("İ".to_string()),
            "\\PC{0,8}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// YAML rich in what the bounded reader counts: anchors, aliases, nesting.
#[cfg(feature = "yaml")]
fn tricky_yaml() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("features:\n".to_string()),
            Just("- ".to_string()),
            Just("  ".to_string()),
            Just("\n".to_string()),
            Just("name: A".to_string()),
            Just("level:".to_string()),
            Just("maturity: Alpha. Note".to_string()),
            Just("versionedSpecs:".to_string()),
            Just("&a ".to_string()),
            Just("*a".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("{".to_string()),
            Just("}".to_string()),
            Just(", ".to_string()),
            Just(": ".to_string()),
            Just("'".to_string()),
            Just("!!int ".to_string()),
            Just("---\n".to_string()),
            "\\PC{0,6}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

#[cfg(feature = "yaml")]
proptest! {
    #[test]
    fn yaml_importers_never_panic(text in tricky_yaml()) {
        use feature_matrix_catalogue::import::yaml::{import_istio, import_k8s, YamlOptions};
        let _ = feature_matrix_catalogue::import::detect(&text);
        let _ = import_istio(&text, &YamlOptions::default());
        let _ = import_k8s(&text, &YamlOptions::default());
    }
}

proptest! {
    #[test]
    fn inline_parser_never_panics_and_keeps_link_text(text in tricky()) {
        for segment in parse_inline(&text) {
            if let Segment::Link { text: t, url } = segment {
                prop_assert!(text.contains(&t));
                prop_assert!(text.contains(&url));
                let _ = check_link(&url);
                let _ = resolve_link(Some("https://example.com/a/b"), &url);
            }
        }
    }

    #[test]
    fn resolved_links_are_always_safe(base in tricky(), url in tricky()) {
        if let Some(href) = resolve_link(Some(&base), &url) {
            let lower = href.to_ascii_lowercase();
            prop_assert!(!lower.starts_with("javascript:") && !lower.starts_with("data:"));
            prop_assert!(!href.chars().any(char::is_whitespace));
        }
    }

    #[test]
    fn importer_never_panics(page in tricky()) {
        let _ = import_markdown(&page, &ImportOptions::default());
    }

    #[test]
    fn loader_never_panics(text in tricky()) {
        let _ = feature_matrix_catalogue::load_str(&text);
        let _ = feature_matrix_catalogue::load(text.as_bytes());
    }

    #[test]
    fn highlights_stay_on_char_boundaries(text in "\\PC{0,30}", q in "\\PC{0,4}") {
        let search = Search::new(&q);
        let ranges = search.highlights(&text);
        let pieces = split_highlights(&text, &ranges);
        prop_assert_eq!(pieces.iter().map(|p| p.1).collect::<String>(), text);
    }
}
