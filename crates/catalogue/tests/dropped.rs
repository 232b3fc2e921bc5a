//! Nothing lost silently: every part of a source that does not land in the
//! catalogue is listed as dropped, at its source path; and an import whose
//! stages are mostly not ones the importer knows is refused.

use feature_matrix_catalogue::import::{import_markdown, ImportError, ImportOptions};

#[cfg(feature = "yaml")]
mod yaml {
    use feature_matrix_catalogue::import::yaml::{import_istio, import_k8s, YamlOptions};
    use feature_matrix_catalogue::import::ImportError;

    fn options() -> YamlOptions {
        YamlOptions {
            title: Some("Gates".into()),
            ..YamlOptions::default()
        }
    }

    fn dropped_istio(text: &str) -> Vec<String> {
        let imported = import_istio(text, &YamlOptions::default()).unwrap();
        imported.dropped.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn istio_fields_the_catalogue_has_no_place_for_are_listed_by_path() {
        let text = r#"
owner: someone
features:
  - name: A
    area: Core
    level:
      maturity: Beta
      checklist: features/a.md
      nextExpectedPromotion: ""
    tracking: { issue: 12, board: x }
  - area: Core
    level: { maturity: Beta }
  - name: B
    area: Core
    link: /docs/b/
    level:
     - maturity: Stable
       link: /docs/elsewhere/
     - maturity: Alpha
    deprecation:
     - state: active
       next: "1.30"
---
second: document
"#;
        assert_eq!(
            dropped_istio(text),
            [
                "owner",
                "features[0].level.checklist",
                "features[0].tracking",
                "features[1] (no name, so it cannot be shown)",
                "features[2].level[0].link",
                "features[2].level[1]",
                "features[2].deprecation[0].next",
                "document 2 (only the first document is read)",
            ]
        );
    }

    #[test]
    fn empty_fields_carry_nothing_and_are_not_listed() {
        let text = "features:\n  - name: A\n    area: Core\n    level: {maturity: Beta, checklist: '', nextExpectedPromotion: ~, x: [], y: {}}\n";
        assert_eq!(dropped_istio(text), Vec::<String>::new());
    }

    #[test]
    fn kubernetes_defaults_before_the_last_release_are_listed() {
        let text = r#"
- name: SomeGate
  versionedSpecs:
  - default: false
    lockToDefault: false
    preRelease: Alpha
    version: "1.30"
  - default: true
    lockToDefault: false
    preRelease: Beta
    version: "1.31"
    owner: sig-node
"#;
        let imported = import_k8s(text, &options()).unwrap();
        let dropped: Vec<String> = imported.dropped.iter().map(ToString::to_string).collect();
        assert_eq!(
            dropped,
            [
                "[0].versionedSpecs[0].default",
                "[0].versionedSpecs[0].lockToDefault",
                "[0].versionedSpecs[1].owner",
            ]
        );
        assert_eq!(imported.summary(), "dropped 3 fields, repaired 0");
        assert_eq!(imported.catalogue.title, "Gates");
        let untitled = import_k8s(text, &YamlOptions::default()).map(|_| ());
        assert_eq!(untitled, Err(ImportError::NoTitle));
        let named = YamlOptions {
            file_name: Some("gates/versioned_feature_list.yaml".into()),
            ..YamlOptions::default()
        };
        let imported = import_k8s(text, &named).unwrap();
        assert_eq!(imported.catalogue.title, "Versioned feature list");
    }

    #[test]
    fn an_import_whose_stages_are_mostly_unknown_is_refused_naming_the_expected_stages() {
        let text = "features:\n  - {name: A, level: {current: Beta}}\n  - {name: B, level: {status: GA}}\n  - {name: C, level: {maturity: Sorta}}\n";
        let e = import_istio(text, &YamlOptions::default()).unwrap_err();
        assert!(matches!(
            e,
            ImportError::UnknownStages {
                unknown: 2,
                total: 3,
                ..
            }
        ));
        assert_eq!(
            e.to_string(),
            "2 of 3 features have no stage the importer knows (found: Unknown, Sorta); \
             expected Experimental, Alpha, Beta, Stable, GA, Deprecated or Removed in each feature's level.maturity"
        );
        // Half is not most.
        let half = "features:\n  - {name: A, level: {maturity: Beta}}\n  - {name: B, level: {maturity: Sorta}}\n";
        assert!(import_istio(half, &YamlOptions::default()).is_ok());
        let k8s = "- name: G\n  versionedSpecs:\n  - {version: '1.2', preRelease: Preview}\n";
        let e = import_k8s(k8s, &options()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "1 of 1 features have no stage the importer knows (found: Preview); \
             expected Experimental, Alpha, Beta, Stable, GA, Deprecated or Removed in versionedSpecs[].preRelease"
        );
    }
}

#[test]
fn markdown_cells_in_columns_the_importer_does_not_read_are_listed() {
    let page = "\
## Phases

| | Alpha | Beta |
|---|---|---|
| Purpose | try it | use it | (spare) |

## Features

### Core

| Feature | Phase | Owner |
|---|---|---|
| Thing | Beta | sig-core |
| Other | Alpha | |

## More features
";
    let imported = import_markdown(page, &ImportOptions::default()).unwrap();
    let dropped: Vec<String> = imported.dropped.iter().map(ToString::to_string).collect();
    assert_eq!(
        dropped,
        [
            "line 5, cell 4 (a column the importer does not read)",
            "line 13, cell 3 (column \"Owner\", which the importer does not read)",
            "line 16 (heading \"More features\": the catalogue has one features heading, \"Features\")",
        ]
    );
    assert_eq!(imported.catalogue.features.len(), 2);
}

#[test]
fn a_markdown_page_over_the_size_limit_is_refused() {
    let page = " ".repeat(10 * 1024 * 1024 + 1);
    assert_eq!(
        import_markdown(&page, &ImportOptions::default()).map(|_| ()),
        Err(ImportError::TooLarge {
            bytes: 10 * 1024 * 1024 + 1
        })
    );
}
