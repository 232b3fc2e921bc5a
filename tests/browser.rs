//! Component tests in headless Chromium: the widget mounted into a test page.
#![cfg(target_arch = "wasm32")]

use feature_matrix::{mount, MountConfig};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a widget; without a `src`, its catalogue comes with the page as a
/// data block (as prerendered pages carry it), since the test server has no
/// bundle to fetch the bundled catalogues from.
fn mount_widget(config: MountConfig) -> Element {
    let data = config
        .src
        .is_none()
        .then(|| catalogue::bundled(&config.lang).1.to_string());
    mount_with(data, config)
}

/// Mounts a widget with `data` as its catalogue's data block, if any.
fn mount_with(data: Option<String>, config: MountConfig) -> Element {
    let host = document().create_element("div").unwrap();
    if let Some(text) = data {
        let data = document().create_element("script").unwrap();
        data.set_attribute("type", "application/json").unwrap();
        data.set_attribute(feature_matrix::PRERENDERED_DATA, "")
            .unwrap();
        data.set_text_content(Some(&text));
        host.append_child(&data).unwrap();
    }
    document().body().unwrap().append_child(&host).unwrap();
    mount(host.clone(), config);
    host
}

fn zh() -> MountConfig {
    MountConfig {
        lang: "zh".into(),
        heading_level: 2,
        ..MountConfig::default()
    }
}

fn en() -> MountConfig {
    MountConfig {
        lang: "en".into(),
        heading_level: 2,
        ..MountConfig::default()
    }
}

/// Types `text` into the widget's search box (one input event).
fn search_for(host: &Element, text: &str) {
    let input: HtmlInputElement = host
        .query_selector(".fm-search-input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits until `selector` matches `count` elements inside `host` (or times out).
async fn wait_for(host: &Element, selector: &str, count: u32) -> u32 {
    let mut found = 0;
    for _ in 0..200 {
        yew::scheduler::flush().await;
        found = host.query_selector_all(selector).unwrap().length();
        if found == count {
            break;
        }
        sleep(10).await;
    }
    found
}

fn texts(host: &Element, selector: &str) -> Vec<String> {
    let nodes = host.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

#[wasm_bindgen_test]
async fn bundled_zh_catalogue_shows_42_rows_and_three_stage_labels() {
    let host = mount_widget(zh());
    assert_eq!(wait_for(&host, ".fm-row", 42).await, 42);
    let badges = texts(&host, ".fm-row .fm-badge");
    for label in ["Alpha", "Beta", "Stable"] {
        assert!(
            badges.iter().any(|b| b == label),
            "no {label} badge in {badges:?}"
        );
    }
    assert_eq!(badges.iter().filter(|b| *b == "Stable").count(), 16);
    assert_eq!(texts(&host, ".fm-title"), ["功能状态"]);
    assert_eq!(texts(&host, ".fm-status"), ["显示 42 / 42 个功能"]);
}

#[wasm_bindgen_test]
async fn typing_in_search_narrows_rows_and_highlights() {
    let host = mount_widget(zh());
    wait_for(&host, ".fm-row", 42).await;
    search_for(&host, "负载");
    assert_eq!(wait_for(&host, ".fm-row", 1).await, 1);
    assert_eq!(texts(&host, ".fm-row .fm-mark"), ["负载"]);
    assert_eq!(texts(&host, ".fm-status"), ["显示 1 / 42 个功能"]);
}

#[wasm_bindgen_test]
async fn stage_chip_filters_and_updates_counts() {
    let host = mount_widget(zh());
    wait_for(&host, ".fm-row", 42).await;
    let alpha = host
        .query_selector(".fm-chip-experimental")
        .unwrap()
        .unwrap();
    alpha.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    assert_eq!(wait_for(&host, ".fm-row", 11).await, 11);
    assert_eq!(alpha.get_attribute("aria-pressed").as_deref(), Some("true"));
    // Category chips now count Alpha features only: 4 traffic, 0 observability, 1, 1, 5.
    let counts = texts(&host, ".fm-chip-group:nth-of-type(3) .fm-chip-count");
    assert_eq!(counts, ["4", "0", "1", "1", "5"]);
}

#[wasm_bindgen_test]
async fn english_catalogue_uses_english_ui() {
    let host = mount_widget(en());
    assert_eq!(wait_for(&host, ".fm-row", 42).await, 42);
    assert_eq!(texts(&host, ".fm-title"), ["Feature status"]);
    assert_eq!(texts(&host, ".fm-status"), ["Showing 42 of 42 features"]);
}

#[wasm_bindgen_test]
async fn catalogue_that_fails_to_fetch_shows_the_error_panel() {
    let host = mount_widget(MountConfig {
        src: Some("/no-such-catalogue.json".into()),
        ..en()
    });
    assert_eq!(wait_for(&host, ".fm-error", 1).await, 1);
    let message = texts(&host, ".fm-error")[0].clone();
    assert!(
        message.contains("Could not fetch the feature catalogue"),
        "{message}"
    );
    assert!(message.contains("/no-such-catalogue.json"), "{message}");
    assert!(message.contains("404"), "{message}");
    assert_eq!(host.query_selector_all(".fm-row").unwrap().length(), 0);
}

/// A catalogue of 300 features in one category, alternately Alpha and Beta.
fn three_hundred_features() -> String {
    let features: Vec<String> = (0..300)
        .map(|i| {
            let stage = if i % 2 == 0 { "alpha" } else { "beta" };
            format!(r#"{{"id":"f{i}","name":"Feature {i}","category":"core","stage":"{stage}"}}"#)
        })
        .collect();
    format!(
        r#"{{"version":1,"locale":"en","title":"Features",
        "stages":[{{"id":"alpha","label":"Alpha","tone":"experimental"}},{{"id":"beta","label":"Beta","tone":"preview"}}],
        "categories":[{{"id":"core","label":"Core"}}],"features":[{}]}}"#,
        features.join(",")
    )
}

#[wasm_bindgen_test]
async fn a_filter_shows_the_first_screen_at_once_and_the_rest_once_the_reader_pauses() {
    let host = mount_with(Some(three_hundred_features()), en());
    // 200 rows a page: features 0 to 199.
    assert_eq!(wait_for(&host, ".fm-row", 200).await, 200);
    let beta = host.query_selector(".fm-chip-preview").unwrap().unwrap();
    beta.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    // 150 Beta rows: the first 40 (1 to 79), and the Beta rows already on
    // the page (81 to 199); 201 to 299 follow.
    let names = texts(&host, ".fm-row .fm-name");
    assert_eq!(names.len(), 40 + 60, "{names:?}");
    assert_eq!(names[0], "Feature 1");
    assert_eq!(names[99], "Feature 199");
    // The heading counts every row from the start.
    assert_eq!(texts(&host, ".fm-group-count"), ["150"]);
    assert_eq!(wait_for(&host, ".fm-row", 150).await, 150);
    assert_eq!(texts(&host, ".fm-row .fm-name")[149], "Feature 299");
}

#[wasm_bindgen_test]
async fn a_client_render_shows_the_first_screen_first_and_the_rest_after_the_pause() {
    // Fetched from a `src`, as a catalogue only known at run time is.
    let src = format!(
        "data:application/json,{}",
        js_sys::encode_uri_component(&three_hundred_features())
    );
    let host = mount_with(
        None,
        MountConfig {
            src: Some(src),
            ..en()
        },
    );
    let mut first = 0;
    for _ in 0..200 {
        yew::scheduler::flush().await;
        first = host.query_selector_all(".fm-row").unwrap().length();
        if first > 0 {
            break;
        }
        sleep(5).await;
    }
    // Nothing prerendered to take over: the first frame has one screenful,
    // and the heading already counts the page's 200 rows.
    assert_eq!(first, 40);
    assert_eq!(texts(&host, ".fm-group-count"), ["200"]);
    let busy = || {
        host.query_selector(".fm-matrix")
            .unwrap()
            .and_then(|t| t.get_attribute("aria-busy"))
    };
    assert_eq!(busy().as_deref(), Some("true"));
    assert_eq!(wait_for(&host, ".fm-row", 200).await, 200);
    assert_eq!(busy(), None);
}

#[wasm_bindgen_test]
async fn a_search_that_keeps_every_row_highlights_the_first_screen_at_once_and_the_rest_after_the_pause(
) {
    let host = mount_with(Some(three_hundred_features()), en());
    assert_eq!(wait_for(&host, ".fm-row", 200).await, 200);
    // Every feature matches: the 200 rows on the page stay, and only the
    // first screen's 40 are drawn again, with the match marked.
    search_for(&host, "feat");
    yew::scheduler::flush().await;
    assert_eq!(texts(&host, ".fm-row").len(), 200);
    assert_eq!(texts(&host, ".fm-row .fm-mark").len(), 40);
    // After the pause, every row shows it.
    assert_eq!(wait_for(&host, ".fm-row .fm-mark", 200).await, 200);
}
