//! Prerendering natively (the `ssr` feature): what a reader without
//! JavaScript, or a crawler, receives.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use feature_matrix::prerender::fragment_from_json;
use feature_matrix::MountConfig;

fn config(lang: &str) -> MountConfig {
    MountConfig {
        lang: lang.into(),
        heading_level: 2,
        url_state: Some(String::new()),
        ..MountConfig::default()
    }
}

fn bundled(lang: &str) -> &'static str {
    catalogue::bundled(lang).1
}

#[test]
fn prerendered_zh_page_holds_every_feature_definition_and_the_footer() {
    let html = fragment_from_json(bundled("zh"), config("zh")).unwrap();
    let catalogue = catalogue::load_str(bundled("zh")).unwrap();
    let markup = &html[..html.find("<script").unwrap()];
    for feature in &catalogue.features {
        assert!(
            markup.contains(&feature.name),
            "{} is missing",
            feature.name
        );
    }
    assert_eq!(markup.matches("class=\"fm-row\"").count(), 42);
    for aspect in &catalogue.aspects {
        assert!(markup.contains(&format!("<th scope=\"row\">{}</th>", aspect.label)));
    }
    assert!(markup.contains("如果您希望在将来的版本中看到某些功能"));
    assert!(markup.contains("<details open"));
}

#[test]
fn prerendered_fragment_carries_its_catalogue_as_data_and_no_other_script() {
    let html = fragment_from_json(bundled("en"), config("en")).unwrap();
    let open = "<script type=\"application/json\" data-feature-matrix-catalogue>";
    assert!(html.ends_with("</script>"));
    assert_eq!(html.matches("<script").count(), 1);
    let data = &html[html.find(open).unwrap() + open.len()..html.find("</script>").unwrap()];
    let back = catalogue::load_str(data).unwrap();
    assert_eq!(back, catalogue::load_str(bundled("en")).unwrap());
}

#[test]
fn text_that_looks_like_markup_is_escaped_in_html_and_data() {
    let hostile = bundled("en").replacen(
        "\"name\": \"",
        "\"name\": \"</script><script>alert(1)</script><b>",
        1,
    );
    assert_ne!(hostile, bundled("en"), "the catalogue's format changed");
    let html = fragment_from_json(&hostile, config("en")).unwrap();
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;"));
}

#[test]
fn an_invalid_catalogue_is_refused_with_its_path() {
    let broken = bundled("en").replacen("\"stage\": \"beta\"", "\"stage\": \"gamma\"", 1);
    let error = fragment_from_json(&broken, config("en")).unwrap_err();
    assert!(error.to_string().contains("gamma"), "{error}");
}
