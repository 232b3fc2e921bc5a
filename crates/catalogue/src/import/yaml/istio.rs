//! Istio's `features.yaml` (istio/enhancements) → catalogue.

use yaml_rust2::Yaml;

use super::{finish, parse, slug, stages_in_order, Imported, Repairs, YamlOptions};
use crate::import::ImportError;
use crate::model::{Category, Deprecation, Feature};

/// Reads Istio's `features.yaml`.
pub fn import_istio(text: &str, options: &YamlOptions) -> Result<Imported, ImportError> {
    let doc = parse(text)?;
    let entries = doc["features"].as_vec().ok_or(ImportError::NoFeatures)?;
    let mut r = Repairs::default();
    let mut categories: Vec<Category> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let mut features = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let path = format!("features[{i}]");
        let Some(name) = r.text(&entry["name"], &format!("{path}.name")) else {
            r.note(&path, "no name; entry skipped (it cannot be shown)".into());
            continue;
        };
        let id_source = r.text(&entry["id"], &format!("{path}.id"));
        let id = r.id(id_source, &name, &format!("{path}.id"));
        let maturity = r
            .text(
                &entry["level"]["maturity"],
                &format!("{path}.level.maturity"),
            )
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| {
                r.note(&path, "no level.maturity; using \"Unknown\"".into());
                "Unknown".into()
            });
        if !labels.iter().any(|l| slug(l) == slug(&maturity)) {
            labels.push(maturity.clone());
        }
        let area = r
            .text(&entry["area"], &format!("{path}.area"))
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| {
                r.note(&path, "no area; filed under \"Other\"".into());
                "Other".into()
            });
        let category = slug(&area);
        if !categories.iter().any(|c| c.id == category) {
            categories.push(Category {
                id: category.clone(),
                label: area,
            });
        }
        let link = r
            .text(&entry["link"], &format!("{path}.link"))
            .filter(|l| !l.is_empty());
        let note = r
            .text(&entry["maturityNotes"], &format!("{path}.maturityNotes"))
            .filter(|n| !n.is_empty());
        let deprecated = deprecation(
            &mut r,
            &entry["deprecation"],
            &format!("{path}.deprecation"),
        );
        features.push(Feature {
            id,
            name,
            category,
            stage: slug(&maturity),
            link,
            note,
            history: Vec::new(),
            deprecated,
        });
    }
    if features.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    Ok(finish(
        options,
        "Istio feature status",
        Vec::new(),
        stages_in_order(&labels),
        categories,
        features,
        r,
    ))
}

/// Istio's `deprecation`: a mapping (`since`/`version`, `replacement`) or text.
fn deprecation(r: &mut Repairs, value: &Yaml, path: &str) -> Option<Deprecation> {
    match value {
        Yaml::BadValue | Yaml::Null => None,
        Yaml::Hash(_) => {
            let since = r
                .text(&value["since"], &format!("{path}.since"))
                .or_else(|| r.text(&value["version"], &format!("{path}.version")))
                .unwrap_or_else(|| {
                    r.note(path, "no since or version; recorded as \"unknown\"".into());
                    "unknown".into()
                });
            let replacement = r
                .text(&value["replacement"], &format!("{path}.replacement"))
                .filter(|s| !s.is_empty());
            Some(Deprecation { since, replacement })
        }
        other => {
            let text = r.text(other, path)?;
            (!text.is_empty()).then(|| Deprecation {
                since: "unknown".into(),
                replacement: Some(text),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messy_istio_entries_are_repaired_and_each_repair_is_listed() {
        let text = r#"
features:
  - name: "A"
    id: :"core.a"
    level: { maturity: "Stable " }
    area: "Core  "
  - name: "A again"
    id: "core.a"
    level: { maturity: Experimental }
    area: Core
  - name: "No id here"
    level: { maturity: Beta }
    area: Traffic
    maturityNotes: "needs a flag"
    deprecation: { since: "1.20", replacement: "use B" }
"#;
        let imported = import_istio(text, &YamlOptions::default()).unwrap();
        let c = &imported.catalogue;
        let ids: Vec<&str> = c.features.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["core.a", "core.a-2", "no-id-here"]);
        let stages: Vec<&str> = c.stages.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(stages, ["Experimental", "Beta", "Stable"]);
        assert_eq!(c.features[2].note.as_deref(), Some("needs a flag"));
        assert_eq!(
            c.features[2]
                .deprecated
                .as_ref()
                .unwrap()
                .replacement
                .as_deref(),
            Some("use B")
        );
        let repairs: Vec<String> = imported.repairs.iter().map(ToString::to_string).collect();
        for expected in [
            "features[0].id: id \":\\\"core.a\\\"\" cleaned to \"core.a\"",
            "features[1].id: duplicate id \"core.a\"",
            "features[2].id: missing id",
            "features[0].level.maturity: spaces",
            "features[0].area: spaces",
        ] {
            assert!(
                repairs.iter().any(|r| r.starts_with(expected)),
                "{expected} not in {repairs:?}"
            );
        }
        assert!(
            crate::validate::validate(c).is_empty(),
            "{:?}",
            crate::validate::validate(c)
        );
    }
}
