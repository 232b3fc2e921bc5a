//! The widget's own words (its chrome), in Chinese and English.
//! The content comes from the catalogue of the same locale.

/// Every UI string the widget shows.
pub struct UiText {
    pub locale: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub stages: &'static str,
    pub categories: &'static str,
    pub reset: &'static str,
    pub feature: &'static str,
    pub stage: &'static str,
    pub category: &'static str,
    pub note: &'static str,
    pub summary: &'static str,
    pub summary_cell: fn(usize, &str, &str) -> String,
    pub count_of: fn(usize, usize) -> String,
    pub no_match: &'static str,
    pub what_stages_mean: &'static str,
    /// Read after a stage badge's label: what pressing it does.
    pub badge_hint: &'static str,
    pub close: &'static str,
    pub aspect: &'static str,
    pub loading: &'static str,
    pub error_title: &'static str,
    pub error_fetch: &'static str,
    pub show_all: fn(usize) -> String,
    pub sort_by: fn(&str) -> String,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub language: &'static str,
    pub stage_mix: fn(&str) -> String,
    pub filters: &'static str,
    /// The release picker's label, and its option for the latest state.
    pub as_of_release: &'static str,
    pub latest: &'static str,
    /// The "changed in" filter's label, and its option for no filter.
    pub changed_in: &'static str,
    pub any_release: &'static str,
    /// "since 1.24", after a stage badge.
    pub since: fn(&str) -> String,
    pub history: &'static str,
    pub deprecated_since: fn(&str) -> String,
    pub replacement: &'static str,
    /// Name of a row's "copy link to this feature" button.
    pub copy_feature_link: fn(&str) -> String,
    /// Said when a linked feature is shown although the filters hide it.
    pub shown_for_link: &'static str,
    /// The view switch's label and its two views.
    pub views: &'static str,
    pub view_table: &'static str,
    pub view_releases: &'static str,
    /// The "changed since" picker of a "changed in" filter, and its option
    /// for the release before.
    pub changed_since: &'static str,
    pub release_before: &'static str,
    /// "You are looking at release 1.20; the latest is 1.34."
    pub older_release: fn(&str, &str) -> String,
    pub show_latest: &'static str,
    /// The release matrix: its caption, a cell before the feature existed,
    /// a cell where the stage changed, a release header's button.
    pub release_matrix: &'static str,
    pub not_yet: &'static str,
    /// A release matrix cell after the feature's removal, and the stage
    /// "after" of a removed feature in a change.
    pub removed: &'static str,
    /// The mark on a removed feature's row.
    pub removed_in: fn(&str) -> String,
    /// A bool attribute's values.
    pub yes: &'static str,
    pub no: &'static str,
    /// A cell whose attribute the feature does not give.
    pub not_given: &'static str,
    pub stage_changed: &'static str,
    pub show_release: fn(&str) -> String,
    /// "Showing 1000 of 12000 features: narrow the search to see the others."
    pub narrow_to_see: fn(usize, usize) -> String,
    /// The maturity chart's title and its table's first column.
    pub maturity: &'static str,
    pub release: &'static str,
}

/// One `UiText` per locale, so the locale identifies it.
impl PartialEq for UiText {
    fn eq(&self, other: &Self) -> bool {
        self.locale == other.locale
    }
}

pub const ZH: UiText = UiText {
    locale: "zh",
    search_label: "搜索功能",
    search_placeholder: "搜索功能、备注或类别（按 / 聚焦）",
    stages: "状态",
    categories: "类别",
    reset: "重置筛选",
    feature: "功能",
    stage: "状态",
    category: "类别",
    note: "备注",
    summary: "按类别和状态统计",
    summary_cell: |n, category, stage| format!("{category}：{n} 个{stage}功能"),
    count_of: |n, total| format!("显示 {n} / {total} 个功能"),
    no_match: "没有符合条件的功能。",
    what_stages_mean: "各状态的含义",
    badge_hint: "：查看此状态的含义",
    close: "关闭",
    aspect: "方面",
    loading: "正在加载功能目录……",
    error_title: "无法显示功能目录",
    error_fetch: "无法获取功能目录",
    show_all: |n| format!("显示其余 {n} 个功能"),
    sort_by: |column| format!("按{column}排序"),
    copy_link: "复制链接",
    link_copied: "链接已复制",
    language: "语言",
    stage_mix: |category| format!("{category}的状态分布"),
    filters: "筛选",
    views: "视图",
    view_table: "表格",
    view_releases: "按版本",
    changed_since: "对比",
    release_before: "上一版本",
    older_release: |release, latest| {
        format!("当前显示版本 {release} 的状态，最新版本为 {latest}。")
    },
    show_latest: "查看最新版本",
    release_matrix: "各版本中的功能阶段",
    not_yet: "尚未出现",
    removed: "已移除",
    removed_in: |release| format!("已于 {release} 移除"),
    yes: "是",
    no: "否",
    not_given: "未注明",
    stage_changed: "有变化",
    show_release: |release| format!("查看版本 {release} 的状态"),
    narrow_to_see: |shown, total| {
        format!("显示 {total} 个功能中的 {shown} 个：请缩小搜索范围以查看其余功能。")
    },
    maturity: "各版本中各阶段的功能数",
    release: "版本",
    as_of_release: "截至版本",
    latest: "最新",
    changed_in: "变更于",
    any_release: "任意版本",
    since: |release| format!("自 {release} 起"),
    history: "状态历史",
    deprecated_since: |release| format!("自 {release} 起弃用"),
    replacement: "替代：",
    copy_feature_link: |name| format!("复制“{name}”的链接"),
    shown_for_link: "链接指向的功能已显示，尽管当前筛选条件会隐藏它。",
};

pub const EN: UiText = UiText {
    locale: "en",
    search_label: "Search features",
    search_placeholder: "Search features, notes or categories (press / to focus)",
    stages: "Stage",
    categories: "Category",
    reset: "Reset filters",
    feature: "Feature",
    stage: "Stage",
    category: "Category",
    note: "Note",
    summary: "Features by category and stage",
    summary_cell: |n, category, stage| {
        format!(
            "{category}: {n} {stage} feature{}",
            if n == 1 { "" } else { "s" }
        )
    },
    count_of: |n, total| format!("Showing {n} of {total} features"),
    no_match: "No features match.",
    what_stages_mean: "What do the stages mean?",
    badge_hint: ": what this stage means",
    close: "Close",
    aspect: "Aspect",
    loading: "Loading the feature catalogue…",
    error_title: "The feature catalogue cannot be shown",
    error_fetch: "Could not fetch the feature catalogue",
    show_all: |n| format!("Show the other {n} features"),
    sort_by: |column| format!("Sort by {}", column.to_lowercase()),
    copy_link: "Copy link",
    link_copied: "Link copied",
    language: "Language",
    stage_mix: |category| format!("Stage mix of {category}"),
    filters: "Filters",
    views: "View",
    view_table: "Table",
    view_releases: "By release",
    changed_since: "compared with",
    release_before: "the release before",
    older_release: |release, latest| {
        format!("You are looking at release {release}; the latest is {latest}.")
    },
    show_latest: "Show the latest",
    release_matrix: "Each feature's stage in each release",
    not_yet: "not yet present",
    removed: "removed",
    removed_in: |release| format!("Removed in {release}"),
    yes: "Yes",
    no: "No",
    not_given: "not given",
    stage_changed: "changed",
    show_release: |release| format!("Show release {release}"),
    narrow_to_see: |shown, total| {
        format!("Showing {shown} of {total} features: narrow the search to see the others.")
    },
    maturity: "Features per stage in each release",
    release: "Release",
    as_of_release: "As of release",
    latest: "Latest",
    changed_in: "Changed in",
    any_release: "Any release",
    since: |release| format!("since {release}"),
    history: "Stage history",
    deprecated_since: |release| format!("Deprecated since {release}"),
    replacement: "Use instead: ",
    copy_feature_link: |name| format!("Copy link to {name}"),
    shown_for_link: "The linked feature is shown although the filters would hide it.",
};

/// Locales with a bundled catalogue and UI text: (code, name in that language).
pub const LANGUAGES: [(&str, &str); 2] = [("zh", "中文"), ("en", "English")];

/// Whether `lang` names one of [`LANGUAGES`].
pub fn is_supported(lang: &str) -> bool {
    LANGUAGES.iter().any(|(code, _)| *code == lang)
}

/// The UI text for a locale: Chinese for `zh*`, English otherwise.
pub fn ui_text(locale: &str) -> &'static UiText {
    if locale == "zh" || locale.starts_with("zh-") {
        &ZH
    } else {
        &EN
    }
}
